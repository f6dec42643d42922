import CaseModel

/// An unsatisfied revisit is reported to the director, and the case is handled again
/// (002 篇2 §4.4).
public struct UnsatisfiedReported: CaseRule {
    public let name = "unsatisfied-reported"
    public static let clause = "002 篇2 §4.4"
    public init() {}

    public func check(_ step: Step) throws(Refusal) {
        if step.event.action == .revisit, step.event.satisfied == false, step.event.directorInformed != true {
            throw refuse(Self.clause, "an unsatisfied revisit must be reported to the director (directorInformed)", .init(.unsatisfiedReported, []))
        }
    }
}
