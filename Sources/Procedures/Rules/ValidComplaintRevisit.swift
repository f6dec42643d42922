import CaseModel

/// A valid complaint 有效投诉 is revisited by the service-centre manager in person, at home, with
/// an apology (000 篇2 §4.7; 002 篇5 §5.3.2).
public struct ValidComplaintRevisit: CaseRule {
    public let name = "valid-complaint-revisit"
    public static let clause = "000 篇2 §4.7; 002 篇5 §5.3.2"
    public init() {}

    public func check(_ step: Step) throws(Refusal) {
        guard step.event.action == .revisit, let file = step.previous,
              file.intake.kind == .complaint, file.state.valid == true else { return }
        guard step.actor.seniority >= Role.manager.rank else {
            throw refuse(Self.clause, "a valid complaint is revisited by the service-centre manager in person, not \(step.actor.roleList)",
                         .init(.validComplaintWho, [.roles(step.actor.roles)]))
        }
        if let mode = step.event.mode, mode != .home {
            throw refuse(Self.clause, "a valid complaint is revisited at home (上门回访), not by \(mode.rawValue)",
                         .init(.validComplaintMode, [.modes([mode])]))
        }
    }
}
