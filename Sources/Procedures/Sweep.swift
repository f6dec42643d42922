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
                e.deadlines = stale
                e.reason = rescheduleReason(state.deadlines, stale, calendar: calendar)
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
            guard Schedule.fulfilment(of: d, in: file) == nil, !(stale ?? []).contains(where: { $0.step == d.step }) else { continue }
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

extension Sweep {
    /// The open deadlines of `file` that were counted on a provisional year whose official
    /// notice `calendar` now has, computed again on it; nil when there are none (or none the
    /// profile still gives: a rule since removed leaves its deadline as it was).
    public static func rescheduled(_ file: CaseFile, calendar: BusinessCalendar, profile: Profile) -> [Deadline]? {
        let stale = file.state.deadlines.filter { d in
            d.breachedAt == nil && (d.provisional ?? []).contains { calendar.official.contains($0) }
                && Schedule.fulfilment(of: d, in: file) == nil
        }
        guard !stale.isEmpty, let fresh = try? Schedule.deadlines(for: file.intake, profile: profile, calendar: calendar) else { return nil }
        let out = stale.compactMap { old in fresh.first { $0.step == old.step && $0.clause == old.clause } }
        return out.isEmpty ? nil : out
    }

    /// What a reschedule step says: the notice now in force and each deadline's old and new time.
    static func rescheduleReason(_ old: [Deadline], _ new: [Deadline], calendar: BusinessCalendar) -> String {
        let years = Set(old.flatMap { $0.provisional ?? [] }).intersection(calendar.official).sorted().map(String.init)
        let moves = new.map { d in
            let before = old.first { $0.step == d.step && $0.breachedAt == nil }?.due
            return before == d.due ? "\(d.step) \(d.due)（不变）" : "\(d.step) \(before.map(\.description) ?? "?") → \(d.due)"
        }
        return "\(years.joined(separator: "、")) 年放假安排已按国务院办公厅通知导入，按正式日历重算时限：" + moves.joined(separator: "；")
    }
}
