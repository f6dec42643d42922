import CaseModel

/// Which status each action may start from, and what else must hold, as named rules.
public enum Transitions {
    /// Statuses from which `action` may be taken, with the clause that says so.
    public static func allowed(_ action: Action) -> (from: Set<Status>, clause: String) {
        switch action {
        case .open: return ([], "002 篇1 §4.2")
        case .dispatch: return ([.open, .inProgress], "002 篇1 §4.5")
        case .note: return ([.open, .inProgress, .resolved, .referred], "000 §1(5); 001 §5.2.3")
        case .escalate: return ([.open, .inProgress], "002 篇1 §4.7–4.8")
        case .resolve: return ([.open, .inProgress], "002 篇1 §4.6")
        case .revisit: return ([.resolved], "002 篇2 §4.1")
        case .close: return ([.resolved, .referred], "002 篇2 §4.1.2")
        case .reopen: return ([.resolved, .closed, .referred, .unresolvable], "002 篇2 §4.4")
        case .refer: return ([.open, .inProgress], "001 篇2 §4.5; 000 §2(2)")
        case .unresolvable: return ([.open, .inProgress], "002 篇1 §3.3.3")
        case .reclassify: return ([.open, .inProgress, .resolved], "002 篇5 §4; 001 篇2 §4.5")
        case .breach: return ([.open, .inProgress, .resolved], "PROCEDURES.md §2")
        }
    }

    /// Checks that `event` may follow the case as it stands, by `actor`, under `profile`.
    /// `previous` is nil for the `open` event.
    /// - Throws: `Refusal` naming the first rule that fails.
    public static func check(_ event: Event, after previous: CaseFile?, staff: StaffRegistry, profile: Profile) throws(Refusal) {
        guard let actor = staff[event.by] else {
            throw Refusal(rule: "known-staff", clause: "002 篇1 §4.2", "actor '\(event.by.rawValue)' is not in records/staff.json")
        }
        try Permissions.check(event.action, by: actor, profile: profile)
        guard let previous else {
            guard event.action == .open else {
                throw Refusal(rule: "transition", clause: "002 篇1 §4.2", "a case begins with 'open', not '\(event.action.rawValue)'")
            }
            return
        }
        let state = previous.state
        let (from, clause) = allowed(event.action)
        guard from.contains(state.status) else {
            let list = Status.allCases.filter(from.contains).map(\.rawValue).joined(separator: ", ")
            throw Refusal(rule: "transition", clause: clause,
                          "\(event.action.rawValue) is not allowed while the case is \(state.status.rawValue)"
                          + (list.isEmpty ? "" : " (only when \(list))"))
        }
        if let last = previous.events.last, event.at < last.at {
            throw Refusal(rule: "time-order", clause: "002 篇1 §4.2",
                          "event time \(event.at) is before the case's last event (\(last.at))")
        }
        switch event.action {
        case .escalate:
            guard let level = event.level, level > state.level else {
                throw Refusal(rule: "ladder-up", clause: "002 篇1 §4.7–4.8",
                              "escalation must go up the ladder: the case is already at \(state.level.rawValue)")
            }
        case .close:
            if state.status == .resolved {
                let pending = state.revisitsPlanned.filter { $0.doneAt == nil }
                if let plan = pending.first {
                    throw Refusal(rule: "revisit-before-close", clause: plan.clause,
                                  "close needs the required revisit first (due \(plan.due))")
                }
            }
        case .revisit:
            try RevisitRules.check(event, on: previous, by: actor, staff: staff, profile: profile)
        case .resolve:
            if let rating = event.rating, !(1...5).contains(rating) {
                throw Refusal(rule: "rating", clause: "003 五.4", "rating must be 1 to 5")
            }
        case .reclassify:
            guard event.kind != nil || event.severity != nil || event.repairSize != nil || event.valid != nil else {
                throw Refusal(rule: "reclassify", clause: clause, "reclassify changes nothing")
            }
            let kind = event.kind ?? previous.intake.kind
            let severity = event.kind != nil || event.severity != nil ? event.severity : previous.intake.severity
            let size = event.kind != nil || event.repairSize != nil ? event.repairSize : previous.intake.repairSize
            guard (kind == .complaint) == (severity != nil), (kind == .repair) == (size != nil) else {
                throw Refusal(rule: "classification", clause: "002 篇5 §4; 001 §5.4.2",
                              "a complaint needs a severity and a repair a size, and nothing else has either")
            }
            if event.valid != nil, kind != .complaint {
                throw Refusal(rule: "classification", clause: "001 篇2 §4.5", "only complaints are valid or invalid")
            }
        default:
            break
        }
    }
}

/// Who may take which action, from the profile's `permissions`.
public enum Permissions {
    public static func check(_ action: Action, by actor: Staff, profile: Profile) throws(Refusal) {
        guard let rule = profile.permissions.first(where: { $0.action == action }) else {
            throw Refusal(rule: "role", clause: "profile \(profile.name)", "the profile names no role that may \(action.rawValue)")
        }
        guard actor.roles.contains(where: rule.roles.contains) else {
            let roles = rule.roles.map(\.rawValue).joined(separator: ", ")
            throw Refusal(rule: "role", clause: rule.clause,
                          "\(actor.id.rawValue) (\(actor.roles.map(\.rawValue).joined(separator: ", "))) may not \(action.rawValue); only \(roles)")
        }
    }
}

/// Who may revisit and how (002 篇2 §4.1.3, §4.1.4, §4.4).
public enum RevisitRules {
    /// The plan the next revisit fulfils, or the profile's rule for the case's kind when the case
    /// has no plan (kinds revisited by monthly sample).
    static func expectation(for file: CaseFile, profile: Profile) -> (by: [Role], modes: [RevisitMode], clause: String)? {
        if let plan = file.state.revisitsPlanned.first(where: { $0.doneAt == nil }) {
            return (plan.by, plan.modes, plan.clause)
        }
        let rules = profile.revisits.filter { $0.kind == file.intake.kind }
        guard let rule = rules.first(where: { $0.severity != nil && $0.severity == file.intake.severity }) ?? rules.first(where: { $0.severity == nil })
        else { return nil }
        return (rule.by, rule.modes, rule.clause)
    }

    static func check(_ event: Event, on file: CaseFile, by actor: Staff, staff: StaffRegistry, profile: Profile) throws(Refusal) {
        if let rating = event.rating, !(1...5).contains(rating) {
            throw Refusal(rule: "rating", clause: "003 五.4", "rating must be 1 to 5")
        }
        let rank = actor.roles.map(\.rank).max() ?? -1
        if let expected = expectation(for: file, profile: profile) {
            // One of the named roles, or someone more senior than all of them.
            let named = actor.roles.contains(where: expected.by.contains)
            let senior = rank > (expected.by.map(\.rank).max() ?? 0)
            guard named || senior else {
                throw Refusal(rule: "revisit-visitor", clause: expected.clause,
                              "this revisit is for \(expected.by.map(\.rawValue).joined(separator: " or ")), not \(actor.roles.map(\.rawValue).joined(separator: ", "))")
            }
            if let mode = event.mode, !expected.modes.contains(mode) {
                throw Refusal(rule: "revisit-mode", clause: "002 篇2 §4.1.4, §4.1.6",
                              "mode \(mode.rawValue) does not suit this case; use \(expected.modes.map(\.rawValue).joined(separator: " or "))")
            }
        }
        // A case resolved by a supervisor or higher is revisited by someone of that level.
        if let resolver = file.state.resolution.flatMap({ staff[$0.by] }) {
            let level = resolver.roles.map(\.rank).max() ?? 0
            if level >= Role.supervisor.rank, rank < level {
                throw Refusal(rule: "revisit-level", clause: "000 篇2 §4.7",
                              "the case was resolved by \(resolver.id.rawValue) (\(resolver.roles.map(\.rawValue).joined(separator: ", "))); the revisit needs someone of that level")
            }
        }
        if event.satisfied == false, event.directorInformed != true {
            throw Refusal(rule: "unsatisfied-reported", clause: "002 篇2 §4.4", "an unsatisfied revisit must be reported to the director (directorInformed)")
        }
    }
}
