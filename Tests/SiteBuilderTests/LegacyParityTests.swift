import CaseModel
import Foundation
import Procedures
@testable import SiteBuilder
import Testing

/// TEMPORARY: the typed pages against the Mustache templates they replace, byte for byte, on
/// every branch the fixtures reach (removed with the templates).
@Suite struct LegacyParityTests {
    func dashboards(_ language: Language) throws -> [Dashboard] {
        let p = try residential()
        var cases = try fixtureCases()
        var referred = try CaseBuilder("C-20261116-T01-0001", .inquiry, at: "2026-11-16T10:00", resident: 0, unit: "8-1-101", summary: "咨询'户口' <迁移>", profile: p)
        referred.add(.note, at: "2026-11-16T11:00", by: "li.na") { $0.text = "已电话联系 13812345678"; $0.recordedAt = t("2026-11-17T09:00"); $0.lateReason = "系统故障" }
        referred.add(.refer, at: "2026-11-16T12:00", by: "li.na") { $0.agency = "派出所 & 街道" }
        referred.events[0].deadlines = referred.events[0].deadlines.map { $0.map { var d = $0; d.provisional = [2027]; return d } }
        cases.append(try referred.file())
        var against = try CaseBuilder("C-20261117-T01-0001", .complaint, severity: .minor, at: "2026-11-17T10:00", resident: 1, profile: p)
        against.add(.reclassify, at: "2026-11-17T11:00", by: "wang.zg") { $0.valid = true; $0.against = "zhao.gong"; $0.reason = "态度" }
        against.add(.resolve, at: "2026-11-17T15:00", by: "chen.jie") {
            $0.result = "已道歉"
            $0.revisitsPlanned = [PlannedRevisit(due: t("2026-12-20T16:00"), by: [.csAssistant], modes: [.phone], clause: "002 篇2 §4.1.1", provisional: [2027])]
        }
        cases.append(try against.file())
        var full = Dashboard(siteName: "测试服务中心 <&>", cases: cases, profile: p, now: now, language: language, timeZone: shanghai,
                             samples: [octoberSample, novemberSample], provenance: fixtureProvenance(cases), staff: staff)
        full.notifyProblems = ["SMTP 13812345678 <bad> 'x'"]
        full.undelivered = [.init(channel: "wecom", subject: "王小明 13812345678", attempts: 3, answer: "403 \"denied\"")]
        full.officialCalendarYears = [2026]
        full.signaturePolicy = .optional
        full.accountability = AccountabilityRule(ladder: [.init(atLeast: 3, consequence: .publicCriticism), .init(atLeast: 1, consequence: .talk)], clause: "003 篇2 第十二条")
        let key = freshResidentKey()
        let resident = try Contact(name: "孙丽华", phone: "15522223333", key: key)
        let contact = try Contact(name: "吴建国", phone: "18855556666", key: key)
        full.registers = [
            RegisterEntry(register: .keyOwner, id: "K-0000abcd", unit: "3-2-1801 <x>", resident: resident, reason: nil, aged: nil, emergencyContacts: [contact, contact],
                          visitEveryDays: 30, clause: "000 §1(7)", addedBy: "li.na", addedAt: t("2026-09-01T09:00")),
            RegisterEntry(register: .emptyNest, id: "E-0000abcd", unit: "1-1-101", resident: resident, reason: "独居", aged: true, emergencyContacts: nil,
                          visitEveryDays: 1, clause: "001 §5.6.7.3", addedBy: "li.na", addedAt: t("2026-11-20T09:00"),
                          visits: [RegisterVisit(at: t("2026-11-20T10:00"), by: "chen.jie", mode: .home)]),
        ]
        var plain = Dashboard(siteName: "x", cases: cases, profile: p, now: now, language: language, timeZone: shanghai, staff: staff)
        plain.archivedMonths = ["2026-10"]
        let empty = Dashboard(siteName: "空", cases: [], profile: p, now: now, language: language)
        var later = full
        later = Dashboard(siteName: "later", cases: cases, profile: p, now: t("2027-01-25T08:00"), language: language, timeZone: TimeZone(identifier: "Europe/London")!,
                          samples: [octoberSample, novemberSample], provenance: [:], staff: [])
        return [full, plain, empty, later]
    }

    @Test(arguments: Language.allCases) func typedPagesEqualTheTemplates(_ language: Language) throws {
        for d in try dashboards(language) {
            var old: [SiteFile] = []
            try d.legacyBuild { old.append($0) }
            let new = try d.build()
            #expect(old.map(\.path) == new.map(\.path))
            for (a, b) in zip(old, new) where a != b {
                let x = Array(a.text.utf8), y = Array(b.text.utf8)
                let at = zip(x, y).prefix { $0 == $1 }.count
                Issue.record("\(a.path) differs at byte \(at): old …\(String(decoding: x[max(0, at - 80)..<min(x.count, at + 80)], as: UTF8.self))… new …\(String(decoding: y[max(0, at - 80)..<min(y.count, at + 80)], as: UTF8.self))…")
            }
            #expect(old.count > 5)
        }
        // The branches compared: each is reached by one of the dashboards.
        let all = try dashboards(language).flatMap { d in try d.build().map(\.text) }.joined()
        for mark in ["data-table=\"undelivered\"", "data-warning=\"notify\"", "data-warning=\"calendar\"", "data-warning=\"signatures\"",
                     "data-register=\"K-0000abcd\"", "data-late-entry=\"true\"", "class=\"accountability\"", "data-oversight=\"archive\"",
                     "data-oversight=\"review-", "class=\"ladder\"", "class=\"provisional\"", "class=\"spot-checks\"", "class=\"sampled\"",
                     "class=\"revisits later\"", "class=\"revisits late\"", "class=\"register-visits-due\"", "data-signature-reason"] {
            #expect(all.contains(mark), "\(mark) is not reached")
        }
    }
}
