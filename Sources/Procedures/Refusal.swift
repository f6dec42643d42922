import CaseModel

/// Why the procedures refuse a step: one sentence, the rule's name and the clause it comes from.
public struct Refusal: Error, Equatable, Sendable, CustomStringConvertible {
    /// Short stable name of the rule, e.g. `transition`, `role`.
    public let rule: String
    /// The procedure clause, e.g. `002 篇1 §3.3.3`.
    public let clause: String
    public let message: String

    public init(rule: String, clause: String, _ message: String) {
        self.rule = rule
        self.clause = clause
        // A value quoted from a hand-edited file must not break the one line or forge another.
        self.message = oneLine(message, limit: 300)
    }

    public var description: String { "\(message) [rule \(rule); \(clause)]" }
}
