import Procedures

/// A failure a user reads: one line, naming the field or the rule (with its clause).
struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension Refusal {
    /// The refusal prefixed with the case it concerns.
    func about(_ id: String) -> Failure { Failure("\(id): \(description)") }
}
