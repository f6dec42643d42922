import CaseModel

/// A second revisit is made no earlier than its window opens: a repair's second revisit comes one
/// month after the work, within two (002 篇2 §4.1.1 b).
public struct RevisitWindow: CaseRule {
    public let name = "revisit-window"
    public init() {}

    public func check(_ step: Step) throws(Refusal) {
        guard step.event.action == .revisit, let file = step.previous,
              let plan = RevisitExpectation(for: file, profile: step.profile)?.plan,
              let opens = plan.notBefore else { return }
        if step.event.at < opens {
            throw refuse(plan.clause, "this revisit is due between \(opens) and \(plan.due), not at \(step.event.at)",
                         .init(.revisitWindow, [.text(opens.description), .text(plan.due.description), .text(step.event.at.description)]))
        }
    }
}
