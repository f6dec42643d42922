import CaseModel
import Procedures
import Testing

/// 002 篇2 §4.1.1 b: a repair is revisited within 5 days and, where needed, again between one
/// and two months after the work.
@Suite struct RevisitWindowTests {
    func visit(at: String) -> Event {
        event(.revisit, by: "chen.jie", at: at) { $0.mode = .phone; $0.satisfied = true }
    }

    @Test func theSecondRevisitIsPlannedOneToTwoMonthsAfter() throws {
        let p = try profile("mall")
        let plans = try Schedule.revisits(for: try intake(.repair, size: .small), resolvedAt: t("2026-11-23T15:00"), profile: p, calendar: noCalendar, second: true)
        #expect(plans.map(\.due.description) == ["2026-11-28T15:00:00+08:00", "2027-01-23T15:00:00+08:00"])
        #expect(plans.map { $0.notBefore?.description } == [nil, "2026-12-23T15:00:00+08:00"])
        #expect(plans[1].clause == "002 篇2 §4.1.1 b")
        // Kinds without a second revisit refuse one.
        let r = refusal { () throws(Refusal) in
            _ = try Schedule.revisits(for: try! intake(.complaint, severity: .minor), resolvedAt: t("2026-11-23T15:00"), profile: p, calendar: noCalendar, second: true)
        }
        #expect(r?.rule == "second-revisit")
    }

    @Test func notBeforeTheWindowOpens() throws {
        let p = try profile("mall")
        let file = try resolved(try intake(.repair, size: .small), profile: p, second: true)
        let first = try appending(visit(at: "2026-11-25T10:00"), to: file, profile: p)
        #expect(first.state.status == .resolved)
        // The second revisit three weeks later is too early; a month later is in the window.
        #expect(verdict(RevisitWindow(), step(visit(at: "2026-12-14T10:00"), on: first, profile: p))
            == Refusal(rule: "revisit-window", clause: "002 篇2 §4.1.1 b",
                       "this revisit is due between 2026-12-23T15:00:00+08:00 and 2027-01-23T15:00:00+08:00, not at 2026-12-14T10:00:00+08:00"))
        #expect(verdict(RevisitWindow(), step(visit(at: "2026-12-24T10:00"), on: first, profile: p)) == nil)
        // Closing waits for the second revisit too.
        #expect(verdict(RevisitBeforeClose(), step(event(.close, by: "chen.jie", at: "2026-11-26T10:00"), on: first, profile: p))?.clause == "002 篇2 §4.1.1 b")
        let second = try appending(visit(at: "2026-12-24T10:00"), to: first, profile: p)
        _ = try appending(event(.close, by: "chen.jie", at: "2026-12-24T11:00"), to: second, profile: p)
    }

    @Test func theValidatorAcceptsThePlanWithOrWithoutTheSecondRevisit() throws {
        let p = try profile("mall")
        _ = try resolved(try intake(.repair, size: .small), profile: p, second: false)
        _ = try resolved(try intake(.repair, size: .small), profile: p, second: true)
    }
}
