import Foundation
import Procedures
@testable import SiteBuilder
import Testing

/// Every message the command line can print has both languages: each key the sources name
/// (`Failure(key:)`, the hooks' `said(…)`, a refusal's `Template`/`.init("…", […])`, the labels
/// `fill`ed and subscripted) is in `Strings.table`, with the same placeholders in zh and en.
@Suite struct MessageStringsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The text of every Swift file under `folder` of Sources/.
    static func sources(_ folder: String) throws -> [(String, String)] {
        let base = root.appendingPathComponent("Sources/" + folder)
        let paths = FileManager.default.enumerator(atPath: base.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        return try paths.map { ($0, try String(contentsOf: base.appendingPathComponent($0), encoding: .utf8)) }
    }

    /// The keys matched by `pattern`'s first capture in `text`, each with `prefix` before it.
    static func keys(_ pattern: Regex<(Substring, Substring)>, in text: String, prefix: String) -> Set<String> {
        Set(text.matches(of: pattern).map { prefix + String($0.output.1) })
    }

    @Test func everyKeyTheSourcesNameIsInTheTable() throws {
        var used: [String: Set<String>] = [:]
        // The command line and the engine it moved into (the hooks' review is in CasebookEngine).
        for (path, text) in try Self.sources("casebook") + Self.sources("CasebookEngine") {
            used[path, default: []].formUnion(Self.keys(/Failure\(key: "([^"]+)"/, in: text, prefix: "failure."))
            used[path, default: []].formUnion(Self.keys(/\bsaid\("([^"]+)"[,)]/, in: text, prefix: "check."))
            used[path, default: []].formUnion(Self.keys(/(?:\bs|\bstrings)\.fill\("([^"]+)"/, in: text, prefix: ""))
            used[path, default: []].formUnion(Self.keys(/(?:\bs|\bstrings)\["([^"]+)"\]/, in: text, prefix: ""))
            used[path, default: []].formUnion(Self.keys(/Failure\.about\(label: "([^"]+)"/, in: text, prefix: "subject."))
        }
        // The procedures' refusals name their keys through the registry `Refusal.Key`.
        used["Procedures/RefusalKeys.swift"] = Set(Refusal.Key.allCases.map { "refusal." + $0.rawValue })
        // Keys put together from a value: each of the values.
        let dynamic = ["check.signedCommit.unsigned", "check.signedCommit.bad", "check.signedCommit.notRegistered", "failure.separator",
                       "failure.concurrent", "usage.help", "report.cases", "report.byKind", "report.all"]
        let all = used.values.reduce(Set(dynamic)) { $0.union($1) }
        #expect(all.filter { $0.hasPrefix("failure.") }.count > 60, "the failures are no longer found in the sources")
        #expect(all.filter { $0.hasPrefix("refusal.") }.count >= 100, "the refusal templates are no longer in the registry")
        #expect(all.filter { $0.hasPrefix("check.") }.count > 20, "the hooks' refusals are no longer found in the sources")
        for (path, keys) in used {
            let missing = keys.filter { Strings.table[$0] == nil }
            #expect(missing.isEmpty, "\(path): keys missing from Strings.table: \(missing.sorted())")
        }
        for key in dynamic { #expect(Strings.table[key] != nil, "\(key)") }
    }

    /// The text of `text` from the `(` at `open` to its matching `)`, strings and nested
    /// parentheses included; nil if it does not close.
    static func arguments(_ text: String, from open: String.Index) -> Substring? {
        var depth = 0, inString = false, i = open
        while i < text.endIndex {
            let c = text[i]
            if inString {
                if c == "\\" { i = text.index(after: i) } else if c == "\"" { inString = false }
            } else if c == "\"" {
                inString = true
            } else if c == "(" {
                depth += 1
            } else if c == ")" {
                depth -= 1
                if depth == 0 { return text[open...i] }
            }
            i = text.index(after: i)
        }
        return nil
    }

    /// Every refusal the procedures build carries its sentence as a template of the registry:
    /// each `Refusal(…)` has a `template:`, each rule's `refuse(…)` a third argument `.init(.key, …)`
    /// (the compiler requires both; this keeps an optional template from coming back), and no key
    /// is spelt as a string beside the registry.
    @Test func everyRefusalTheProceduresBuildCarriesATemplate() throws {
        var constructions = 0
        for (path, text) in try Self.sources("Procedures") {
            for match in text.matches(of: /\b(Refusal|refuse)\(/) {
                let before = text[text.startIndex..<match.range.lowerBound].suffix(5)
                if before.hasSuffix("func ") { continue }
                let open = text.index(before: match.range.upperBound)
                let args = try #require(Self.arguments(text, from: open), "\(path): unbalanced \(match.output.0)")
                constructions += 1
                let line = text[..<match.range.lowerBound].filter { $0 == "\n" }.count + 1
                if match.output.1 == "Refusal" {
                    #expect(args.contains("template: "), "\(path):\(line): a refusal without a template: \(args)")
                } else {
                    #expect(args.contains(/,\s+\.init\([^"\[]+,\s+\[/),
                            "\(path):\(line): a rule's refusal without a template: \(args)")
                }
                #expect(!args.contains(/template: nil|Template\("|\.init\("/), "\(path):\(line): \(args)")
            }
        }
        #expect(constructions > 100, "the refusals are no longer found in the sources (\(constructions))")
    }

    /// The registry and the table agree: every key is in the table in both languages, every
    /// `refusal.` entry of the table is a key, and every key is said somewhere in the procedures.
    @Test func theRefusalRegistryIsTheTablesAndUsed() throws {
        let keys = Set(Refusal.Key.allCases.map(\.rawValue))
        for key in keys { #expect(Strings.table["refusal." + key] != nil, "refusal.\(key) is not in Strings.table") }
        let entries = Set(Strings.table.keys.filter { $0.hasPrefix("refusal.") }.map { String($0.dropFirst(8)) })
        #expect(entries.subtracting(keys).isEmpty, "entries no refusal can say: \(entries.subtracting(keys).sorted())")
        // A key is declared as `case name`, used as `.name`.
        let code = try Self.sources("Procedures").map(\.1).joined(separator: "\n")
        for key in Refusal.Key.allCases {
            let name = String(describing: key)
            #expect(code.contains(try Regex("\\.\(name)\\b")), "Refusal.Key.\(name) is never used")
        }
    }

    @Test func everyMessageHasBothLanguagesWithTheSamePlaceholders() {
        let placeholder = /\{[0-9]+\}/
        for (key, entry) in Strings.table {
            #expect(!entry.zh.isEmpty && !entry.en.isEmpty, "\(key): a language is missing")
            let zh = Set(entry.zh.matches(of: placeholder).map { String($0.output) })
            let en = Set(entry.en.matches(of: placeholder).map { String($0.output) })
            #expect(zh == en, "\(key): zh has \(zh.sorted()), en \(en.sorted())")
        }
    }

    @Test func anEnglishLineIsSaidInChinese() {
        let zh = Strings(.zhHans)
        #expect(zh.translating(english: "Missing expected argument '--reason <reason>'", under: ["usage."]) == "缺少参数 --reason <reason>")
        #expect(zh.translating(english: "--opinion: must not be empty", under: ["usage.", "failure."]) == "--opinion：不能为空")
        #expect(zh.translating(english: "something else entirely", under: ["usage.", "failure."]) == nil)
        #expect(Strings(.en).fill("failure.noSuchCase", ["C-1"]) == "case C-1: no such case")
        // What is wrong with a record that does not decode, as far as the words are ours.
        #expect(zh.record(detail: "intake.reporter: missing") == "intake.reporter：缺少此项")
        #expect(zh.record(detail: "events[1].department: Cannot initialize Department from invalid String value garden")
                == "events[1].department：“garden”不是 Department 的有效值")
        #expect(zh.record(detail: "not valid JSON") == "不是有效的 JSON")
        #expect(zh.record(detail: "events[0].at: something Foundation says") == "events[0].at: something Foundation says")
        #expect(Strings(.en).record(detail: "intake: missing") == "intake: missing")
    }
}
