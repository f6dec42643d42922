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
        }
    }

    /// Checks that `event` may follow the case as it stands, by `actor`, under `profile`.
    /// `previous` is nil for the `open` event.
    /// - Throws: `Refusal` naming the first rule that fails.
    public static func check(_ event: Event, after previous: CaseFile?, actor: Staff?, profile: Profile) throws(Refusal) {
        guard let actor else {
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
            if let rating = event.rating, !(1...5).contains(rating) {
                throw Refusal(rule: "rating", clause: "003 五.4", "rating must be 1 to 5")
            }
        case .resolve:
            if let rating = event.rating, !(1...5).contains(rating) {
                throw Refusal(rule: "rating", clause: "003 五.4", "rating must be 1 to 5")
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
