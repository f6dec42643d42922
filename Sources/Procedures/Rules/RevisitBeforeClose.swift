import CaseModel

/// A resolved case is closed only after its required revisits (002 篇2 §4.1.2: complaints are
/// revisited 100 %; the plan names the clause of each revisit).
public struct RevisitBeforeClose: CaseRule {
    public let name = "revisit-before-close"
    public init() {}

    public func check(_ step: Step) throws(Refusal) {
        guard step.event.action == .close, let state = step.previous?.state, state.status == .resolved else { return }
        if let plan = state.revisitsPlanned.first(where: { $0.doneAt == nil }) {
            throw refuse(plan.clause, "close needs the required revisit first (due \(plan.due))", .init(.revisitBeforeClose, [.text(plan.due.description)]))
        }
    }
}
