import CaseModel

/// Only the roles the profile names may take an action (PROCEDURES.md §1; clause from the
/// profile's `permissions`).
public struct RolePermitted: CaseRule {
    public let name = "role"
    public init() {}

    public func check(_ step: Step) throws(Refusal) {
        let action = step.event.action
        // Profiles written before `reschedule` existed: only the system's sweep may reschedule.
        let builtIn = action == .reschedule ? Permission(action: .reschedule, roles: [.system], clause: "records/calendar/") : nil
        guard let rule = step.profile.permissions.first(where: { $0.action == action }) ?? builtIn else {
            throw refuse("profile \(step.profile.name)", "the profile names no role that may \(action.rawValue)", .init(.roleNone, [.action(action)]))
        }
        guard step.actor.roles.contains(where: rule.roles.contains) else {
            let roles = rule.roles.map(\.rawValue).joined(separator: ", ")
            throw refuse(rule.clause, "\(step.actor.id.rawValue) (\(step.actor.roleList)) may not \(action.rawValue); only \(roles)",
                         .init(.role, [.text(step.actor.id.rawValue), .roles(step.actor.roles), .action(action), .roles(rule.roles)]))
        }
    }
}
