import CaseModel
import Procedures
import Testing

/// 000 篇2 §4.7; 002 篇5 §5.3.2: the manager revisits a valid complaint at home.
@Suite struct ValidComplaintRevisitTests {
    func visit(by: StaffID, mode: RevisitMode) -> Event {
        event(.revisit, by: by, at: "2026-11-24T10:00") { $0.mode = mode; $0.satisfied = true }
    }

    @Test func theManagerGoesInPerson() throws {
        let p = try profile("residential")
        var file = try opened(try intake(.complaint, severity: .minor), profile: p)
        file = try appending(event(.reclassify, by: "wang.zg", at: "2026-11-22T12:00") { $0.valid = true; $0.reason = "服务承诺范围内" }, to: file, profile: p)
        file = try appending(event(.resolve, by: "zhao.gong", at: "2026-11-23T15:00") {
            $0.result = "已整改"
            $0.revisitsPlanned = try? Schedule.revisits(for: file.intake, resolvedAt: t("2026-11-23T15:00"), profile: p, calendar: noCalendar)
        }, to: file, profile: p)
        #expect(verdict(ValidComplaintRevisit(), step(visit(by: "chen.jie", mode: .home), on: file, profile: p))
            == Refusal(rule: "valid-complaint-revisit", clause: "000 篇2 §4.7; 002 篇5 §5.3.2",
                       "a valid complaint is revisited by the service-centre manager in person, not cs-assistant"))
        #expect(verdict(ValidComplaintRevisit(), step(visit(by: "zhou.jl", mode: .letter), on: file, profile: p))?.message
            == "a valid complaint is revisited at home (上门回访), not by letter")
        #expect(verdict(ValidComplaintRevisit(), step(visit(by: "zhou.jl", mode: .home), on: file, profile: p)) == nil)
        // A complaint not (yet) judged valid: the ordinary visitor rules apply.
        let undecided = try resolved(try intake(.complaint, severity: .minor), profile: p)
        #expect(verdict(ValidComplaintRevisit(), step(visit(by: "chen.jie", mode: .home), on: undecided, profile: p)) == nil)
    }
}
