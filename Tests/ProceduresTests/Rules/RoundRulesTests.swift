import CaseModel
import Foundation
import Procedures
import Testing

/// 003 九.2–九.5: the patrol report's review is due at 9:00 the next working day, by the superior;
/// a finding not handled at once is a case; the summary is due by the 30th or the month's last day.
@Suite struct RoundRulesTests {
    let assistant = Staff(id: "chen.jie", name: "陈洁", email: "chen@x.cn", roles: [.csAssistant])

    func report(handedIn: String = "2026-11-20T17:30", findings: [PatrolFinding] = []) throws -> PatrolReport {
        let at = t(handedIn)
        let due = try RoundChange.reviewDue(handedInAt: at, rule: .standard, calendar: noCalendar)
        return PatrolReport(by: "chen.jie", day: at.localDay, handedInAt: at, work: nil, findings: findings, reviewDue: due, clause: RoundChange.patrolClause)
    }

    @Test func aFridayReportIsReviewedByNineOnMonday() throws {
        #expect(try report().reviewDue == t("2026-11-23T09:00"))
        #expect(try report(handedIn: "2026-11-24T17:30").reviewDue == t("2026-11-25T09:00"))
    }

    @Test func theSummaryIsDueOnTheThirtiethOrTheLastDay() {
        #expect(RoundChange.summaryDue(month: "2026-11", rule: .standard, zone: shanghai) == t("2026-11-30T23:59:59"))
        #expect(RoundChange.summaryDue(month: "2026-02", rule: .standard, zone: shanghai) == t("2026-02-28T23:59:59"))
        #expect(RoundChange.summaryDue(month: "2026-12", rule: .standard, zone: shanghai) == t("2026-12-30T23:59:59"))
    }

    @Test func onlyTheSuperiorReviews() throws {
        let p = try profile("residential")
        let old = try report()
        var new = old
        new.review = PatrolReview(by: "li.na", at: t("2026-11-23T08:30"))
        #expect(refusal { () throws(Refusal) in try RoundChange.validate(old: old, new: new, path: old.path, staff: registry, profile: p, calendar: noCalendar) }?.rule == "reviewer")
        new.review = PatrolReview(by: "wang.zg", at: t("2026-11-23T08:30"))
        #expect(refusal { () throws(Refusal) in try RoundChange.validate(old: old, new: new, path: old.path, staff: registry, profile: p, calendar: noCalendar) } == nil)
        // A named superior is the only one.
        var named = assistant
        named.superior = "he.zr"
        #expect(!RoundChange.isSuperior(registry["wang.zg"]!, of: named) && RoundChange.isSuperior(registry["he.zr"]!, of: named))
    }

    @Test func aFindingNotHandledIsACaseAndHoldsNoPhone() throws {
        let p = try profile("residential")
        let open = try report(findings: [PatrolFinding(text: "电梯异响", handled: false)])
        #expect(refusal { () throws(Refusal) in try RoundChange.validate(old: nil, new: open, path: open.path, staff: registry, profile: p, calendar: noCalendar) }?.rule == "finding-case")
        let phone = try report(findings: [PatrolFinding(text: "业主 13812345678 反映", handled: true)])
        #expect(refusal { () throws(Refusal) in try RoundChange.validate(old: nil, new: phone, path: phone.path, staff: registry, profile: p, calendar: noCalendar) }?.rule == "personal-data")
        let fine = try report(findings: [PatrolFinding(text: "电梯异响", handled: false, case: "C-20261120-T01-0001")])
        #expect(refusal { () throws(Refusal) in try RoundChange.validate(old: nil, new: fine, path: fine.path, staff: registry, profile: p, calendar: noCalendar) } == nil)
    }
}
