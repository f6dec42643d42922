import CaseModel
import Foundation
import Procedures
@testable import SiteBuilder
import Testing

/// One strings table for every label, complete in both languages.
@Suite struct StringsTests {
    @Test func everyPageLabelIsInTheTable() throws {
        let label = try Regex(#"\bs\["([A-Za-z0-9]+)"\]"#)
        let pages = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/SiteBuilder/Pages")
        var used: Set<String> = []
        for name in try FileManager.default.contentsOfDirectory(atPath: pages.path) where name.hasSuffix(".swift") {
            let text = try String(contentsOf: pages.appendingPathComponent(name), encoding: .utf8)
            for match in text.matches(of: label) { used.insert(String(match.output[1].substring ?? "")) }
        }
        #expect(used.count > 80)
        let missing = used.filter { Strings.table[$0] == nil }
        #expect(missing.isEmpty, "labels missing from Strings.table: \(missing.sorted())")
    }

    @Test func everyEntryHasBothLanguages() {
        for (key, entry) in Strings.table {
            #expect(!entry.zh.isEmpty && !entry.en.isEmpty, "\(key)")
        }
        #expect(Strings(.zhHans)["overview"] == "总览" && Strings(.en)["overview"] == "Overview")
    }

    @Test func theVocabularyIsComplete() {
        for language in Language.allCases {
            let s = Strings(language)
            for k in CaseModel.Kind.allCases { #expect(s.kind(k) != "kind." + k.rawValue) }
            for a in CaseModel.Action.allCases { #expect(s.action(a) != "action." + a.rawValue) }
            for r in CaseModel.Role.allCases { #expect(s.role(r) != "role." + r.rawValue) }
            for c in CaseModel.Channel.allCases { #expect(s.channel(c) != "channel." + c.rawValue) }
            for st in CaseModel.Status.allCases { #expect(s.status(st) != "status." + st.rawValue) }
            for m in CaseModel.RevisitMode.allCases { #expect(s.mode(m) != "mode." + m.rawValue) }
            for sig in SignatureStatus.allCases { #expect(s.signature(sig) != "signature." + sig.rawValue) }
        }
        #expect(Strings(.en).duration(seconds: 2 * 86_400 + 3 * 3600) == "2 d 3 h")
        #expect(Strings(.zhHans).duration(seconds: 1500) == "25分钟")
    }

    @Test func theDeskSharesTheTableWithoutTakingAPagesKey() {
        #expect(Set(Strings.pages.keys).isDisjoint(with: Strings.desk.keys))
        #expect(Set(Strings.pages.keys).union(Strings.desk.keys).isDisjoint(with: Strings.refusals.keys))
        let parts = [Strings.pages, Strings.desk, Strings.refusals, Strings.calendar, Strings.messages, Strings.signatures, Strings.procedures, Strings.notify, Strings.host, Strings.layout, Strings.contracts, Strings.company,
                     Strings.round]
        for (i, a) in parts.enumerated() {
            for b in parts.dropFirst(i + 1) { #expect(Set(a.keys).isDisjoint(with: b.keys)) }
        }
        #expect(Strings.table.count == parts.reduce(0) { $0 + $1.count })
        for a in CaseModel.Action.allCases { #expect(Strings.table["verb." + a.rawValue] != nil, "verb.\(a.rawValue)") }
        for f in CaseModel.Correction.Field.allCases {
            #expect(Strings(.en).field(f) != "field." + f.rawValue && Strings(.zhHans).field(f) != "field." + f.rawValue)
        }
        #expect(Strings(.zhHans)["desk.errorPrefix"] == "错误：" && Strings(.en)["desk.errorPrefix"] == "Error: ")
    }

    @Test func theUsersLanguageIsLangThenTheRepositorysLocale() {
        #expect(Language.forUser(lang: "en_US.UTF-8", locale: "zh-Hans") == .en)
        #expect(Language.forUser(lang: "zh_CN.UTF-8", locale: "en") == .zhHans)
        #expect(Language.forUser(lang: "C.UTF-8", locale: "en") == .en)
        #expect(Language.forUser(lang: nil, locale: "zh-Hans") == .zhHans)
        #expect(Language.forUser(lang: "POSIX", locale: nil) == .zhHans)
        #expect(Strings.isYes("是") && Strings.isYes(" Y ") && Strings.isNo("否") && !Strings.isYes("maybe"))
    }

    @Test func refusalsAreSaidInChineseStillNamingRuleAndClause() throws {
        let r = Refusal(rule: "transition", clause: "002 篇2 §4.1.2", "close is not allowed while the case is open (only when resolved, referred)",
                        template: .init(.transition, [.action(.close), .status(.open), .statuses([.resolved, .referred])])).at(event: 1, .close)
        #expect(r.message == "events[1] (close): close is not allowed while the case is open (only when resolved, referred)")
        #expect(r.location == "events[1] (close): ")
        #expect(Strings(.zhHans).say(r) == "events[1]（关闭）：案件已登记时不能关闭（仅限已处理、已转相关部门时） [规则 transition；002 篇2 §4.1.2]")
        #expect(Strings(.en).say(r) == r.description)
        // A refusal inside another (a merge's) is said in the language too, with its location.
        let merged = Refusal(rule: r.rule, clause: r.clause, "the two desks' events do not make one valid history: \(r.message)",
                             template: .init(.mergeHistory, [.refusal(r)]))
        #expect(Strings(.zhHans).say(merged)
                == "两个前台的事件合在一起不是一段有效的处理记录：events[1]（关闭）：案件已登记时不能关闭（仅限已处理、已转相关部门时） [规则 transition；002 篇2 §4.1.2]")
        #expect(Strings(.en).say(merged) == merged.description)
        // Both languages of every template take the same placeholders.
        let placeholder = try Regex(#"\{[0-9]\}"#)
        for (key, entry) in Strings.refusals {
            let zh = Set(entry.zh.matches(of: placeholder).map { String(entry.zh[$0.range]) })
            let en = Set(entry.en.matches(of: placeholder).map { String(entry.en[$0.range]) })
            #expect(zh == en, "\(key)")
        }
    }
}
