import CaseModel

/// A non-conformity is raised, and its correction verified, by a member of the inspection team of
/// the check that found it (002 篇9 §4.1–4.3: monthly, the centre's manager with the part-time
/// quality inspector and line supervisors; quarterly, the quality department; yearly, top
/// management). The roles of each check are the profile's `inspections`.
public struct InspectorRole: CaseRule {
    public let name = "inspector"
    public init() {}

    public func check(_ step: Step) throws(Refusal) {
        let e = step.event
        let intake: Intake
        switch e.action {
        case .open:
            guard let i = e.intake, i.kind == .nonconformity else { return }
            intake = i
        case .verify:
            guard let i = step.previous?.intake else { return }
            intake = i
        default:
            return
        }
        guard let check = intake.inspection?.check else { return }
        guard let rule = step.profile.inspectionRule(for: check) else {
            throw refuse("002 篇9 §4", "profile \(step.profile.name) names no inspection team for the \(check.rawValue) check",
                         .init(.inspectorNoTeam, [.text(step.profile.name), .check(check)]))
        }
        guard step.actor.roles.contains(where: rule.by.contains) else {
            throw refuse(rule.clause, "\(step.actor.id.rawValue) (\(step.actor.roleList)) is not on the \(check.rawValue) check's team; only "
                         + rule.by.map(\.rawValue).joined(separator: ", ") + " may \(e.action == .open ? "raise" : "verify") its non-conformities",
                         .init(e.action == .open ? .inspectorRaise : .inspectorVerify,
                               [.text(step.actor.id.rawValue), .roles(step.actor.roles), .check(check), .roles(rule.by)]))
        }
    }
}
