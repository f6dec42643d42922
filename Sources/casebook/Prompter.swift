import ArgumentParser
import CaseModel
import CasebookEngine
import Foundation
import SiteBuilder

/// The front desk's conversation on a terminal: asks for what the command line left out, one
/// field at a time, checks each answer as it is given and asks again on a bad one, then reads
/// the whole record back (复清楚, 004 §4.1) and goes on only on a yes. Prompts and the read-back
/// go to stderr, so stdout still carries only the command's result (the case id).
struct Prompter {
    let s: Strings

    init(_ strings: Strings = DeskLanguage.strings) { s = strings }

    /// Whether to converse: stdin is a terminal.
    static var isInteractive: Bool { isatty(STDIN_FILENO) == 1 }

    /// One line to the person at the desk.
    func say(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// `（text）` or ` (text)`.
    func aside(_ text: String) -> String { s.language == .zhHans ? "（\(text)）" : " (\(text))" }

    /// Reads one answer, trimmed.
    /// - Throws: `Failure` when the input ends.
    func answer(_ label: String, hint: String? = nil) throws -> String {
        FileHandle.standardError.write(Data("\(label)\(hint.map(aside) ?? "")\(s["colon"])".utf8))
        guard let line = readLine(strippingNewline: true) else {
            say("")
            throw Failure(key: "inputEnded")
        }
        return line.trimmingCharacters(in: .whitespaces)
    }

    /// Asks until `check` gives a value; `check` returns nil with the message to show.
    func ask<T>(_ label: String, hint: String? = nil, _ check: (String) -> (T?, String?)) throws -> T {
        while true {
            let (value, problem) = check(try answer(label, hint: hint))
            if let value { return value }
            say(problem ?? s["desk.required"])
        }
    }

    /// Free text, required or optional (nil when skipped), at most `limit` characters.
    func text(_ key: String, optional: Bool = false, limit: Int = 2000) throws -> String? {
        let label = s["desk.prompt." + key]
        let got: String = try ask(label, hint: optional ? s["desk.optional"] : nil) { a in
            if a.isEmpty { return optional ? ("", nil) : (nil, s["desk.required"]) }
            guard a.count <= limit, !a.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                return (nil, s["desk.badText"])
            }
            return (a, nil)
        }
        return got.isEmpty ? nil : got
    }

    /// One of `options`, offered with short numbers (1 投诉 2 建议 …); the answer is the number,
    /// the value's own name or its label.
    func choose<T>(_ key: String, _ options: [T], raw: (T) -> String, label: (T) -> String) throws -> T {
        let menu = options.enumerated().map { "\($0.offset + 1) \(label($0.element))" }.joined(separator: "  ")
        say(menu)
        return try ask(s["desk.prompt." + key], hint: s["desk.chooseHint"]) { a in
            if let n = Int(a), options.indices.contains(n - 1) { return (options[n - 1], nil) }
            if let o = options.first(where: { raw($0).lowercased() == a.lowercased() || label($0) == a }) { return (o, nil) }
            return (nil, s["desk.badChoice"])
        }
    }

    /// A yes or no.
    func yesNo(_ label: String) throws -> Bool {
        try ask(label, hint: s["desk.yesNo"]) { a in
            if Strings.isYes(a) { return (true, nil) }
            if Strings.isNo(a) { return (false, nil) }
            return (nil, s["desk.badYesNo"])
        }
    }

    /// Reads the record back, one labelled line each, under `title` (a strings key), and asks
    /// for confirmation.
    /// - Throws: `ExitCode(1)` after saying nothing was recorded, when the answer is no.
    func confirm(_ rows: [(String, String)], title: String = "desk.readBack") throws {
        say(s[title])
        let width = rows.map { $0.0.count }.max() ?? 0
        for (label, value) in rows {
            let pad = String(repeating: s.language == .zhHans ? "\u{3000}" : " ", count: max(width - label.count, 0))
            say("  \(label)\(pad)  \(value.isEmpty ? s["desk.none"] : value)")
        }
        guard try yesNo(s["desk.confirm"]) else {
            say(s["desk.cancelled"])
            throw ExitCode(1)
        }
    }
}

/// The usage error ArgumentParser gives for a missing required option, for options that are
/// optional only because a terminal session asks for them instead.
func missing(_ option: String, _ value: String) -> ValidationError {
    ValidationError("Missing expected argument '--\(option) <\(value)>'")
}
