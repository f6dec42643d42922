import CaseModel

/// The customer's rating of quality and attitude is 1 to 5 (003 五.4).
public struct RatingRange: CaseRule {
    public let name = "rating"
    public static let clause = "003 五.4"
    public init() {}

    public func check(_ step: Step) throws(Refusal) {
        if let rating = step.event.rating, !(1...5).contains(rating) {
            throw refuse(Self.clause, "rating must be 1 to 5", .init(.rating, []))
        }
    }
}
