import CaseModel

/// A revisit is made by the role the plan or profile names, or by someone more senior than all of
/// them: a major complaint by the director or general manager, a minor one by the department
/// head or a service assistant (002 篇2 §4.1.3).
public struct RevisitVisitor: CaseRule {
    public let name = "revisit-visitor"
    public init() {}

    public func check(_ step: Step) throws(Refusal) {
        guard step.event.action == .revisit, let file = step.previous,
              let expected = RevisitExpectation(for: file, profile: step.profile) else { return }
        let named = step.actor.roles.contains(where: expected.by.contains)
        let senior = step.actor.seniority > (expected.by.map(\.rank).max() ?? 0)
        guard named || senior else {
            throw refuse(expected.clause, "this revisit is for \(expected.by.map(\.rawValue).joined(separator: " or ")), not \(step.actor.roleList)",
                         .init(.revisitVisitor, [.roles(expected.by), .roles(step.actor.roles)]))
        }
    }
}
