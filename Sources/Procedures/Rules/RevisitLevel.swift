import CaseModel

/// A case resolved by a supervisor or higher is revisited by someone of that level (000 篇2 §4.7).
public struct RevisitLevel: CaseRule {
    public let name = "revisit-level"
    public static let clause = "000 篇2 §4.7"
    public init() {}

    public func check(_ step: Step) throws(Refusal) {
        guard step.event.action == .revisit,
              let resolver = step.previous?.state.resolution.flatMap({ step.staff[$0.by] }) else { return }
        let level = resolver.seniority
        if level >= Role.supervisor.rank, step.actor.seniority < level {
            throw refuse(Self.clause, "the case was resolved by \(resolver.id.rawValue) (\(resolver.roleList)); the revisit needs someone of that level",
                         .init(.revisitLevel, [.text(resolver.id.rawValue), .roles(resolver.roles)]))
        }
    }
}
