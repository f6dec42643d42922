import CaseModel
import Foundation
import Procedures
import Testing

/// Runs `sweep` on one case at `now` until it has nothing left to do; every step must pass the
/// validator the hooks use.
func sweep(_ file: CaseFile, at now: String, profile p: Profile, calendar: BusinessCalendar) throws -> (CaseFile, [Event]) {
    var f = file
    var steps: [Event] = []
    while let e = try Sweep.nextStep(for: f, at: t(now), actor: "system", profile: p, calendar: calendar) {
        f = try appending(e, to: f, profile: p, calendar: calendar)
        steps.append(e)
        #expect(steps.count < 20)
    }
    return (f, steps)
}

@Suite struct SweepTests {
    /// 002 篇1 §4.7–4.8: 2 days → supervisor, 1 week → manager; natural days straight over the
    /// National Day holiday.
    @Test func ladderOverNationalDay() throws {
        let p = try profile("residential"), c = try chinaCalendar()
        var file = try opened(try intake(.help, at: "2026-09-30T16:00"), profile: p)
        var d = Event(at: t("2026-09-30T16:10"), by: "li.na", action: .dispatch)
        d.department = .security
        file = try appending(d, to: file, profile: p)
        let (early, none) = try sweep(file, at: "2026-10-02T15:59", profile: p, calendar: c)
        #expect(none.isEmpty && early == file)
        let (after, steps) = try sweep(file, at: "2026-10-08T09:00", profile: p, calendar: c)
        #expect(steps.map(\.action) == [.escalate, .escalate])
        #expect(steps.map { $0.at.description } == ["2026-10-02T16:00:00+08:00", "2026-10-07T16:00:00+08:00"])
        #expect(steps.map(\.level) == [.supervisor, .manager])
        #expect(after.state.level == .manager)
        // Idempotent: a second sweep at the same time does nothing.
        #expect(try sweep(after, at: "2026-10-08T09:00", profile: p, calendar: c).1.isEmpty)
    }

    /// 002 篇5 §5.2.2: an important complaint not resolved within a week is reported to the manager.
    @Test func importantComplaintBreachGoesToTheManager() throws {
        let p = try profile("residential"), c = try chinaCalendar()
        let file = try opened(try intake(.complaint, severity: .important, at: "2026-02-13T09:00"), profile: p)
        let (after, steps) = try sweep(file, at: "2026-02-21T09:00", profile: p, calendar: c)
        // Spring Festival changes nothing here: these spans are natural days.
        #expect(steps.map(\.action) == [.breach, .escalate, .escalate, .breach])
        #expect(steps.map { $0.at.description } == ["2026-02-13T10:00:01+08:00", "2026-02-15T09:00:00+08:00",
                                                    "2026-02-20T09:00:00+08:00", "2026-02-20T09:00:01+08:00"])
        #expect(steps.map(\.step) == ["report", nil, nil, "resolve"])
        #expect(steps.map(\.level) == [nil, .supervisor, .manager, nil])
        #expect(after.state.level == .manager)
        #expect(after.state.deadlines.allSatisfy { $0.breachedAt != nil })
    }

    /// 002 篇5 §4.1.3: a valid complaint unresolved for one month becomes major, with the major
    /// deadlines from its intake.
    @Test func validComplaintOpenOneMonthBecomesMajor() throws {
        let p = try profile("residential"), c = try chinaCalendar()
        var file = try opened(try intake(.complaint, severity: .minor, at: "2026-01-31T11:00"), profile: p)
        var valid = Event(at: t("2026-01-31T12:00"), by: "wang.zg", action: .reclassify)
        valid.valid = true
        valid.reason = "属承诺服务范围"
        file = try appending(valid, to: file, profile: p)
        var n = Event(at: t("2026-02-10T09:00"), by: "li.na", action: .note)
        n.text = "等待配件"
        file = try appending(n, to: file, profile: p)
        let (after, steps) = try sweep(file, at: "2026-03-01T09:00", profile: p, calendar: c)
        let major = try #require(steps.first { $0.action == .reclassify })
        #expect(major.at.description == "2026-02-28T11:00:00+08:00")
        #expect(major.severity == .major)
        #expect(after.intake.severity == .major)
        // The major deadlines count from intake, so they are past at once: each is breached unless
        // an earlier step met it (the ladder's escalation counts as the report).
        #expect(after.state.deadlines.allSatisfy { $0.breachedAt != nil || Schedule.fulfilment(of: $0, in: after) != nil })
        #expect(after.state.deadlines.filter { $0.step != "report" }.allSatisfy { $0.breachedAt != nil })
        #expect(after.state.deadlines.map(\.step).sorted() == ["answer", "report", "resolve", "resolve"])
        // An invalid complaint does not.
        var other = try opened(try intake(.complaint, severity: .minor, at: "2026-01-31T11:00"), profile: p)
        var invalid = valid
        invalid.valid = false
        other = try appending(invalid, to: other, profile: p)
        #expect(try sweep(other, at: "2026-03-01T09:00", profile: p, calendar: c).1.allSatisfy { $0.action != .reclassify })
    }

    @Test func closedCasesAreLeftAlone() throws {
        let p = try profile("residential"), c = try chinaCalendar()
        var file = try opened(try intake(.repair, size: .small, at: "2026-11-20T09:00"), profile: p)
        var r = Event(at: t("2026-11-20T10:00"), by: "zhao.gong", action: .resolve)
        r.result = "已修好"
        file = try appending(r, to: file, profile: p)
        file = try appending(Event(at: t("2026-11-20T11:00"), by: "chen.jie", action: .close), to: file, profile: p)
        #expect(try sweep(file, at: "2026-12-20T09:00", profile: p, calendar: c).1.isEmpty)
    }

    @Test func aBreachThatDidNotHappenIsRefused() throws {
        let p = try profile("residential")
        let file = try opened(try intake(.repair, size: .small, at: "2026-11-20T09:00"), profile: p)
        var early = Event(at: t("2026-11-20T12:00"), by: "system", action: .breach)
        early.step = "resolve"
        #expect(throws: Refusal.self) { try appending(early, to: file, profile: p) }
        var byHand = Event(at: t("2026-11-20T18:00"), by: "li.na", action: .breach)
        byHand.step = "resolve"
        #expect(throws: Refusal.self) { try appending(byHand, to: file, profile: p) }
    }
}

@Suite struct RevisitRuleTests {
    func resolvedComplaint(_ severity: Severity, resolver: StaffID = "zhao.gong") throws -> (CaseFile, Profile) {
        let p = try profile("residential")
        var file = try opened(try intake(.complaint, severity: severity), profile: p)
        var r = Event(at: t("2026-11-23T10:00"), by: resolver, action: .resolve)
        r.result = "已处理"
        r.revisitsPlanned = try Schedule.revisits(for: file.intake, resolvedAt: r.at, profile: p, calendar: noCalendar)
        file = try appending(r, to: file, profile: p)
        return (file, p)
    }

    func revisit(by: StaffID, mode: RevisitMode, satisfied: Bool = true) -> Event {
        var e = Event(at: t("2026-11-24T10:00"), by: by, action: .revisit)
        e.mode = mode
        e.satisfied = satisfied
        if !satisfied { e.directorInformed = true }
        return e
    }

    /// 002 篇2 §4.1.3: an important complaint is revisited by the director; 002 篇2 §4.1.4: by home or letter.
    @Test func importantComplaintNeedsTheDirectorAtHomeOrByLetter() throws {
        let (file, p) = try resolvedComplaint(.important)
        let low = refusal { () throws(Refusal) in
            try CaseChange.validate(old: file, new: try! CaseFile(id: file.id, events: file.events + [revisit(by: "chen.jie", mode: .home)]),
                                    path: file.path(in: .day), staff: registry, profile: p, calendar: noCalendar) }
        #expect(low?.rule == "revisit-visitor")
        #expect(low?.clause == "002 篇2 §4.1.1–4.1.3")
        #expect(throws: Refusal.self) { try appending(revisit(by: "he.zr", mode: .phone), to: file, profile: p) }
        let done = try appending(revisit(by: "he.zr", mode: .letter), to: file, profile: p)
        #expect(done.state.revisitsPlanned.first?.doneAt != nil)
        // Closing is allowed only now.
        _ = try appending(Event(at: t("2026-11-24T11:00"), by: "chen.jie", action: .close), to: done, profile: p)
        #expect(throws: Refusal.self) { try appending(Event(at: t("2026-11-24T11:00"), by: "chen.jie", action: .close), to: file, profile: p) }
    }

    /// 000 篇2 §4.7: resolved by a supervisor → revisited by someone of that level.
    @Test func resolvedBySupervisorRevisitedAtThatLevel() throws {
        let (file, p) = try resolvedComplaint(.minor, resolver: "wang.zg")
        let r = refusal { () throws(Refusal) in
            try CaseChange.validate(old: file, new: try! CaseFile(id: file.id, events: file.events + [revisit(by: "chen.jie", mode: .home)]),
                                    path: file.path(in: .day), staff: registry, profile: p, calendar: noCalendar)
        }
        #expect(r?.rule == "revisit-level")
        _ = try appending(revisit(by: "ma.bz", mode: .home), to: file, profile: p)
    }

    /// 002 篇2 §4.4: unsatisfied → the director is told, handled again, revisited again.
    @Test func unsatisfiedRevisitReopensAndPlansAgain() throws {
        let (file, p) = try resolvedComplaint(.minor)
        var silent = revisit(by: "chen.jie", mode: .home, satisfied: false)
        silent.directorInformed = nil
        #expect(throws: Refusal.self) { try appending(silent, to: file, profile: p) }
        let back = try appending(revisit(by: "chen.jie", mode: .home, satisfied: false), to: file, profile: p)
        #expect(back.state.status == .inProgress)
        var again = Event(at: t("2026-11-25T10:00"), by: "zhao.gong", action: .resolve)
        again.result = "重新处理"
        again.revisitsPlanned = try Schedule.revisits(for: back.intake, resolvedAt: again.at, profile: p, calendar: noCalendar)
        let resolved = try appending(again, to: back, profile: p)
        #expect(resolved.state.revisitsPlanned.count == 1 && resolved.state.revisitsPlanned[0].doneAt == nil)
        #expect(throws: Refusal.self) { try appending(Event(at: t("2026-11-25T11:00"), by: "chen.jie", action: .close), to: resolved, profile: p) }
    }
}
