import CaseModel

/// Escalation goes up the ladder desk → supervisor → manager → director, never sideways or down
/// (002 篇1 §4.7–4.8).
public struct LadderUp: CaseRule {
    public let name = "ladder-up"
    public static let clause = "002 篇1 §4.7–4.8"
    public init() {}

    public func check(_ step: Step) throws(Refusal) {
        guard step.event.action == .escalate, let state = step.previous?.state else { return }
        guard let level = step.event.level, level > state.level else {
            throw refuse(Self.clause, "escalation must go up the ladder: the case is already at \(state.level.rawValue)", .init(.ladderUp, [.level(state.level)]))
        }
    }
}
