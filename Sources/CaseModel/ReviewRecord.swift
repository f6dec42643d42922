/// `records/reviews/<kind>/<from>.json`: one review sign-off — the supervisor's daily review of the
/// intake log, the manager's Monday review of last week's, or the supervisor's weekly sign-off of
/// the complaint and revisit records. Written once, by the reviewer, in one signed commit.
public struct ReviewRecord: Codable, Equatable, Sendable {
    public static let format = "casebook.review/1"
    public var format: String = ReviewRecord.format
    public var kind: ReviewKind
    /// First and last day covered (`YYYY-MM-DD`, in the repository's zone).
    public var from: String
    public var to: String
    public var by: StaffID
    public var at: Timestamp
    /// The reviewer's signed opinion (签署意见).
    public var opinion: String
    /// The cases the review covered, each with the blob id of its file as reviewed.
    public var cases: [Covered]
    public var clause: String

    public struct Covered: Codable, Equatable, Sendable {
        public var id: CaseID
        public var blob: String

        public init(id: CaseID, blob: String) {
            self.id = id
            self.blob = blob
        }
    }

    public init(kind: ReviewKind, from: String, to: String, by: StaffID, at: Timestamp, opinion: String, cases: [Covered], clause: String) {
        self.kind = kind
        self.from = from
        self.to = to
        self.by = by
        self.at = at
        self.opinion = opinion
        self.cases = cases
        self.clause = clause
    }

    /// Where the review of `kind` starting on `from` lives.
    public static func path(_ kind: ReviewKind, from: String) -> String { "records/reviews/\(kind.rawValue)/\(from).json" }
}

public enum ReviewKind: String, Codable, CaseIterable, Sendable {
    /// The supervisor reviews the day's intake log (002 篇1 §4.3).
    case daily
    /// The manager reviews last week's intake log every Monday (002 篇1 §4.9).
    case weekly
    /// The supervisor signs the week's complaint and revisit records handed in by assistants (000 §1(8)–(9)).
    case records
}
