import CaseModel
import Procedures
import SiteBuilder

/// A failure a user reads: one line, naming the field or the rule (with its clause), said in the
/// user's language from the strings table (`failure.<key>` and its values, or a refusal's
/// template); `description` is always the English line.
package struct Failure: Error, CustomStringConvertible {
    /// The line in a given language.
    private let line: @Sendable (Strings) -> String

    package var description: String { line(Strings(.en)) }

    private init(line: @escaping @Sendable (Strings) -> String) {
        self.line = line
    }

    /// `failure.<key>` of the strings table with `{0}`, `{1}`, … replaced by `values`.
    package init(key: String, _ values: String...) {
        self.init(line: { $0.fill("failure." + key, values) })
    }

    /// An error said in the user's language where the strings table has it (see `Strings.say(error:)`).
    init(saying error: any Error) {
        self.init(line: { $0.say(error: error) })
    }

    /// The line in the language of `s`.
    package func said(in s: Strings) -> String { line(s) }

    /// `subject: error`, the error said in the user's language where the strings table has it
    /// (a refusal's template, a contact's or a record's error), else in English.
    package static func about(_ subject: String, _ error: any Error) -> Failure {
        Failure { s in "\(subject)\(s["failure.separator"])\(s.say(error: error))" }
    }

    /// `label: error` where the label is `subject.<key>` of the strings table: a part of a step
    /// that cannot be computed (the deadlines, the revisit plan), in the user's language.
    package static func about(label key: String, _ error: any Error) -> Failure {
        Failure { s in "\(s["subject." + key])\(s["failure.separator"])\(s.say(error: error))" }
    }

    /// A refusal of the procedures about case `id`: `id: ` and the refusal, in every language.
    package static func refused(_ refusal: Refusal, about id: String) -> Failure {
        Failure { s in "\(id): \(s.say(refusal))" }
    }
}

extension Refusal {
    /// The refusal prefixed with the case it concerns.
    package func about(_ id: String) -> Failure { Failure.refused(self, about: id) }
}

extension Strings {
    /// An error in this language: a refusal by its template, a failure by its key, a contact's
    /// error by its case; anything else as it describes itself.
    package func say(error: any Error) -> String {
        switch error {
        case let r as Refusal: say(r)
        case let f as Failure: f.said(in: self)
        case let c as ContactError: self[c.key]
        case let RecordError.malformed(file, detail): "\(file)\(self["failure.separator"])\(record(detail: detail))"
        default: "\(error)"
        }
    }
}

extension ContactError {
    /// The strings table's key of this error: `contact.badPhone`.
    package var key: String {
        switch self {
        case .badName: "contact.badName"
        case .badPhone: "contact.badPhone"
        case .badKey: "contact.badKey"
        case .wrongKey: "contact.wrongKey"
        case .badSeal: "contact.badSeal"
        case .mismatch: "contact.mismatch"
        }
    }
}
