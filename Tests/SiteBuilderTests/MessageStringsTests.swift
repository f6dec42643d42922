import Foundation
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
        for (path, text) in try Self.sources("casebook") {
            used[path, default: []].formUnion(Self.keys(/Failure\(key: "([^"]+)"/, in: text, prefix: "failure."))
            used[path, default: []].formUnion(Self.keys(/\bsaid\("([^"]+)"[,)]/, in: text, prefix: "check."))
            used[path, default: []].formUnion(Self.keys(/\bs\.fill\("([^"]+)"/, in: text, prefix: ""))
            used[path, default: []].formUnion(Self.keys(/\bs\["([^"]+)"\]/, in: text, prefix: ""))
        }
        for (path, text) in try Self.sources("Procedures") {
            used[path, default: []].formUnion(Self.keys(/Template\("([^"]+)"/, in: text, prefix: "refusal."))
            used[path, default: []].formUnion(Self.keys(/\.init\("([^"]+)", \[/, in: text, prefix: "refusal."))
        }
        // Keys put together from a value: each of the values.
        let dynamic = ["check.signedCommit.unsigned", "check.signedCommit.bad", "check.signedCommit.notRegistered", "failure.separator",
                       "failure.concurrent", "usage.help", "report.cases", "report.byKind", "report.all"]
        let all = used.values.reduce(Set(dynamic)) { $0.union($1) }
        #expect(all.filter { $0.hasPrefix("failure.") }.count > 60, "the failures are no longer found in the sources")
        #expect(all.filter { $0.hasPrefix("refusal.") }.count >= 15, "the refusal templates are no longer found in the sources")
        #expect(all.filter { $0.hasPrefix("check.") }.count > 20, "the hooks' refusals are no longer found in the sources")
        for (path, keys) in used {
            let missing = keys.filter { Strings.table[$0] == nil }
            #expect(missing.isEmpty, "\(path): keys missing from Strings.table: \(missing.sorted())")
        }
        for key in dynamic { #expect(Strings.table[key] != nil, "\(key)") }
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
    }
}
