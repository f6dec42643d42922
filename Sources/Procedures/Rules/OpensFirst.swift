import CaseModel

/// A case begins with `open`, and only once (002 篇1 §4.2).
public struct OpensFirst: CaseRule {
    public let name = "transition"
    public static let clause = "002 篇1 §4.2"
    public init() {}

    public func check(_ step: Step) throws(Refusal) {
        if step.previous == nil, step.event.action != .open {
            throw refuse(Self.clause, "a case begins with 'open', not '\(step.event.action.rawValue)'", .init(.opensFirst, [.action(step.event.action)]))
        }
        if step.previous != nil, step.event.action == .open {
            throw refuse(Self.clause, "the case is already open", .init(.opensFirstAgain, []))
        }
    }
}
