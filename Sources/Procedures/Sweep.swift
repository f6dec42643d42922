import CaseModel

/// The steps that time alone triggers (PROCEDURES.md §2–3), made by `casebook sweep` as the
/// `system` actor: a valid complaint open one month becomes major; a missed deadline is recorded
/// as breached (and goes up to the level its rule names); an unfinished case climbs the ladder.
public enum Sweep {
    /// The reason written on a one-month reclassification.
    public static let monthReason = "有效投诉一个月未解决，升级为重大投诉"

    /// The earliest step due on `file` at `now`, or nil when there is nothing to do. Apply it and
    /// call again until nil: the result is the same however often `sweep` runs (idempotent).
    /// - Throws: `Refusal` when deadlines cannot be computed (calendar years missing).
    public static func nextStep(for file: CaseFile, at now: Timestamp, actor: StaffID, profile: Profile, calendar: BusinessCalendar) throws(Refusal) -> Event? {
        let state = file.state
        guard state.status.isOpen, let last = file.events.last else { return nil }
        var candidates: [(at: Timestamp, make: (Timestamp) throws(Refusal) -> Event)] = []
        // Deadlines counted on a year whose official notice is now imported are computed again
        // now, before any of them is judged missed.
        let stale = rescheduled(file, calendar: calendar, profile: profile)
        if let stale {
            candidates.append((now, { (at: Timestamp) throws(Refusal) -> Event in
                var e = Event(at: at, by: actor, action: .reschedule)
                e.deadlines = stale.deadlines
                if !stale.revisits.isEmpty { e.revisitsPlanned = stale.revisits }
                e.reason = rescheduleReason(file, stale, calendar: calendar)
                return e
            }))
        }

        // A valid complaint unresolved for one month becomes major (002 篇5 §4.1.3).
        let month = file.intake.receivedAt.addingMonths(1)
        if file.intake.kind == .complaint, state.valid == true, file.intake.severity != .major,
           state.status != .resolved, month <= now {
            candidates.append((month, { (at: Timestamp) throws(Refusal) -> Event in
                var e = Event(at: at, by: actor, action: .reclassify)
                e.severity = .major
                e.reason = monthReason
                var intake = file.intake
                intake.severity = .major
                e.deadlines = try Schedule.deadlines(for: intake, profile: profile, calendar: calendar)
                e.profile = profile.reference
                return e
            }))
        }
        // Missed deadlines (PROCEDURES.md §2), with the report the rule requires.
        for d in state.deadlines where d.breachedAt == nil && d.due.adding(seconds: 1) <= now {
            guard Schedule.fulfilment(of: d, in: file) == nil, !(stale?.deadlines ?? []).contains(where: { $0.step == d.step }) else { continue }
            candidates.append((d.due.adding(seconds: 1), { (at: Timestamp) throws(Refusal) -> Event in
                var e = Event(at: at, by: actor, action: .breach)
                e.step = d.step
                if let level = d.escalateTo, level > state.level { e.level = level }
                return e
            }))
        }
        // The ladder: 2 days → supervisor, 1 week → manager (002 篇1 §4.7–4.8).
        if state.status == .open || state.status == .inProgress, file.intake.kind != .nonconformity {
            for rung in profile.ladder where rung.level > state.level {
                let due = file.intake.receivedAt.adding(seconds: rung.after.seconds)
                guard due <= now else { continue }
                candidates.append((due, { (at: Timestamp) throws(Refusal) -> Event in
                    var e = Event(at: at, by: actor, action: .escalate)
                    e.level = rung.level
                    e.reason = "超过时限未处理完毕，按规程转\(rung.level == .manager ? "经理" : "客服主管")跟进 (\(rung.clause))"
                    return e
                }))
            }
        }
        guard let first = candidates.min(by: { $0.at < $1.at }) else { return nil }
        return try first.make(max(first.at, last.at))
    }
}

/// Deadlines and revisit plans counted on a provisional year, computed again on its official
/// notice: what a `reschedule` step records.
public struct Reschedule: Equatable, Sendable {
    public var deadlines: [Deadline]
    public var revisits: [PlannedRevisit]
}

extension Sweep {
    /// The open deadlines and pending revisit plans of `file` that were counted on a provisional
    /// year whose official notice `calendar` now has, computed again on it; nil when there are
    /// none (or none the profile still gives: a rule since removed leaves its time as it was).
    public static func rescheduled(_ file: CaseFile, calendar: BusinessCalendar, profile: Profile) -> Reschedule? {
        func stale(_ years: [Int]?) -> Bool { (years ?? []).contains { calendar.official.contains($0) } }
        let deadlines = file.state.deadlines.filter { d in
            d.breachedAt == nil && stale(d.provisional) && Schedule.fulfilment(of: d, in: file) == nil
        }
        let plans = file.state.revisitsPlanned.filter { $0.doneAt == nil && stale($0.provisional) }
        var out = Reschedule(deadlines: [], revisits: [])
        if !deadlines.isEmpty, let fresh = try? Schedule.deadlines(for: file.intake, profile: profile, calendar: calendar) {
            out.deadlines = deadlines.compactMap { old in fresh.first { $0.step == old.step && $0.clause == old.clause } }
        }
        if !plans.isEmpty, let resolved = file.state.resolution?.at,
           let fresh = try? Schedule.revisits(for: file.intake, resolvedAt: resolved, profile: profile, calendar: calendar,
                                              second: file.state.revisitsPlanned.contains { $0.notBefore != nil }) {
            out.revisits = plans.compactMap { old in fresh.first { $0.clause == old.clause && ($0.notBefore == nil) == (old.notBefore == nil) } }
        }
        return out.deadlines.isEmpty && out.revisits.isEmpty ? nil : out
    }

    /// What a reschedule step says: the notice now in force and each time's old and new value.
    static func rescheduleReason(_ file: CaseFile, _ new: Reschedule, calendar: BusinessCalendar) -> String {
        let state = file.state
        let years = Set(state.deadlines.flatMap { $0.provisional ?? [] } + state.revisitsPlanned.flatMap { $0.provisional ?? [] })
            .intersection(calendar.official).sorted().map(String.init)
        func move(_ what: String, _ before: Timestamp?, _ after: Timestamp) -> String {
            before == after ? "\(what) \(after)（不变）" : "\(what) \(before.map(\.description) ?? "?") → \(after)"
        }
        let moves = new.deadlines.map { d in move(d.step, state.deadlines.first { $0.step == d.step && $0.breachedAt == nil }?.due, d.due) }
            + new.revisits.map { p in move("回访", state.revisitsPlanned.first { $0.clause == p.clause && $0.doneAt == nil }?.due, p.due) }
        return "\(years.joined(separator: "、")) 年放假安排已按国务院办公厅通知导入，按正式日历重算时限：" + moves.joined(separator: "；")
    }
}
