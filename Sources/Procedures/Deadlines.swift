import CaseModel

/// Deadlines and revisit plans computed from a profile. The results are stored on the case when
/// they are set, so a later profile change does not move an existing case's deadlines.
public enum Schedule {
    /// The deadlines of a new case (PROCEDURES.md §2), measured from intake. A minor complaint
    /// with a date requested by the owner is due then instead of after the profile's span
    /// (002 篇5 §5.2.3).
    /// - Throws: `Refusal` when a working-day deadline falls outside the loaded calendar years.
    public static func deadlines(for intake: Intake, profile: Profile, calendar: BusinessCalendar) throws(Refusal) -> [Deadline] {
        let rules = profile.deadlines.filter { rule in
            rule.kind == intake.kind
                && (rule.severity == nil || rule.severity == intake.severity)
                && (rule.repairSize == nil || rule.repairSize == intake.repairSize)
                && (rule.cause == nil || rule.cause == intake.cause)
        }
        var out: [Deadline] = []
        for rule in rules {
            var (due, provisional) = try dated(rule.within, from: intake.receivedAt, calendar: calendar)
            if rule.step == "resolve", intake.kind == .complaint, intake.severity == .minor,
               let requested = intake.requestedBy {
                due = Timestamp(date: requested.date, offsetSeconds: intake.receivedAt.offsetSeconds)
                provisional = nil
            }
            out.append(Deadline(step: rule.step, due: due, clause: rule.clause, escalateTo: rule.escalateTo, provisional: provisional))
        }
        // A non-conformity is corrected by the date its inspector set (规定整改的期限, 002 篇9 §4.2.2 c).
        if intake.kind == .nonconformity, let inspection = intake.inspection {
            out.append(correction(due: inspection.correctBy))
        }
        return out
    }

    /// The revisits required once the work is done at `resolvedAt` (PROCEDURES.md §4). Kinds
    /// revisited at a rate below 100 % are sampled instead (`Sampling`: daily or at month end,
    /// as the profile says), so they get no plan here.
    /// With `second`, a kind whose rule has a second revisit (repairs, "where needed") gets it
    /// planned too, between the rule's `after` and `within` (002 篇2 §4.1.1 b).
    /// - Throws: `Refusal` when `second` is asked for a kind without a second revisit, or a
    ///   working-day window falls outside the loaded calendar years.
    public static func revisits(for intake: Intake, resolvedAt: Timestamp, profile: Profile, calendar: BusinessCalendar,
                                second: Bool = false) throws(Refusal) -> [PlannedRevisit] {
        let rule = revisitRule(for: intake, profile: profile)
        var plans: [PlannedRevisit] = []
        if let rule, rule.rate >= 100 {
            let (due, provisional) = try dated(rule.within, from: resolvedAt, calendar: calendar)
            plans.append(PlannedRevisit(due: due, by: rule.by, modes: rule.modes, clause: rule.clause, provisional: provisional))
        }
        if second {
            guard let rule, let again = rule.second else {
                throw Refusal(rule: "second-revisit", clause: "002 篇2 §4.1.1",
                              "profile \(profile.name) plans no second revisit for \(intake.kind.rawValue)",
                              template: .init(.secondRevisit, [.text(profile.name), .kind(intake.kind)]))
            }
            let (due, provisional) = try dated(again.within, from: resolvedAt, calendar: calendar)
            plans.append(PlannedRevisit(due: due, by: rule.by, modes: rule.modes,
                                        clause: again.clause, notBefore: try calendar.adding(again.after, to: resolvedAt), provisional: provisional))
        }
        return plans
    }

    /// `start` moved by `span`, with the provisional years the working days were counted on
    /// (nil when the span is natural time or every year counted is official).
    static func dated(_ span: Span, from start: Timestamp, calendar: BusinessCalendar) throws(Refusal) -> (Timestamp, [Int]?) {
        let due = try calendar.adding(span, to: start)
        guard span.workingDays != nil else { return (due, nil) }
        let years = calendar.provisionalYears(from: start, to: due)
        return (due, years.isEmpty ? nil : years)
    }

    /// The profile's revisit rule for a case: the one for its repair size, else the one for its
    /// severity, else its kind's general one.
    public static func revisitRule(for intake: Intake, profile: Profile) -> RevisitRule? {
        revisitRule(kind: intake.kind, severity: intake.severity, repairSize: intake.repairSize, profile: profile)
    }

    /// `revisitRule(for:profile:)` of an intake of `kind`, `severity` and `repairSize`.
    public static func revisitRule(kind: Kind, severity: Severity?, repairSize: RepairSize?, profile: Profile) -> RevisitRule? {
        let rules = profile.revisits.filter { $0.kind == kind }
        return rules.first { $0.repairSize != nil && $0.repairSize == repairSize }
            ?? rules.first { $0.repairSize == nil && $0.severity != nil && $0.severity == severity }
            ?? rules.first { $0.repairSize == nil && $0.severity == nil }
    }

    /// The deadline of a non-conformity's correction, due at `due`: `rectify` the first time;
    /// asked for again after a failed verification at `since`, `rectify-2`, `rectify-3` …, so
    /// each round's deadline is met, or recorded as breached, on its own.
    public static func correction(due: Timestamp, since: Timestamp? = nil, round: Int = 1) -> Deadline {
        Deadline(step: round <= 1 ? "rectify" : "rectify-\(round)", due: due, clause: InspectionSteps.clause, since: since)
    }

    /// Which round of correction a failed verification of `file` now asks for.
    public static func nextCorrectionRound(of file: CaseFile) -> Int {
        (file.state.verifications ?? []).filter { !$0.passed }.count + 2
    }

    /// The ladder level a case should have reached at `now` if still unfinished (002 篇1 §4.7–4.8).
    /// Non-conformities are outside the front desk's ladder: their inspector follows them up.
    public static func ladderLevel(for file: CaseFile, at now: Timestamp, profile: Profile) -> LadderStep? {
        guard file.state.status == .open || file.state.status == .inProgress, file.intake.kind != .nonconformity else { return nil }
        let age = Int(now.date.timeIntervalSince(file.intake.receivedAt.date))
        return profile.ladder.filter { age >= $0.after.seconds }.max { $0.level < $1.level }
    }
}

/// Where a deadline stands: met (on time or late) or still open (due or overdue) at `now`.
public enum DeadlineStanding: Codable, Equatable, Sendable {
    case met(at: Timestamp, late: Bool)
    case pending(overdue: Bool)

    public var isOverdue: Bool { self == .pending(overdue: true) }
}

extension Schedule {
    /// The event that satisfies a deadline's step: `report` → an escalation; `hand-over` → a
    /// dispatch; `answer`, `answer-tenant` and `feedback` → progress fed back to the owner, or the
    /// resolution; `resolve` (and any other step) → the resolution, a referral or an
    /// unresolvable decision.
    public static func fulfilment(of deadline: Deadline, in file: CaseFile) -> Event? {
        let finished: Set<Action> = [.resolve, .refer, .unresolvable]
        let events = deadline.since.map { since in file.events.filter { $0.at >= since } } ?? file.events
        switch deadline.step {
        case "report": return events.first { $0.action == .escalate }
        case "hand-over": return events.first { $0.action == .dispatch }
        case "answer", "answer-tenant", "feedback": return events.first { finished.contains($0.action) || $0.ownerInformed == true }
        case let step where step == "rectify" || step.hasPrefix("rectify-"): return events.first { $0.action == .rectify }
        default: return events.first { finished.contains($0.action) }
        }
    }

    public static func standing(of deadline: Deadline, in file: CaseFile, at now: Timestamp) -> DeadlineStanding {
        if let done = fulfilment(of: deadline, in: file) {
            return .met(at: done.at, late: done.at > deadline.due)
        }
        if !file.state.status.isOpen { return .met(at: file.state.updatedAt, late: file.state.updatedAt > deadline.due) }
        return .pending(overdue: now > deadline.due)
    }

    /// The deadlines of `file` that are past due and not met at `now`.
    public static func overdue(_ file: CaseFile, at now: Timestamp) -> [Deadline] {
        file.state.deadlines.filter { standing(of: $0, in: file, at: now).isOverdue }
    }
}
