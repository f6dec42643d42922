import CaseModel

/// Events are recorded in the order they happened: none before the case's last event
/// (002 篇1 §4.2: the record is kept as things happen).
public struct TimeOrder: CaseRule {
    public let name = "time-order"
    public static let clause = "002 篇1 §4.2"
    public init() {}

    public func check(_ step: Step) throws(Refusal) {
        if let last = step.previous?.events.last, step.event.at < last.at {
            throw refuse(Self.clause, "event time \(step.event.at) is before the case's last event (\(last.at))",
                         .init(.timeOrder, [.text(step.event.at.description), .text(last.at.description)]))
        }
    }
}
