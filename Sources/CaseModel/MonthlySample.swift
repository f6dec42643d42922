/// `records/samples/YYYY-MM.json`: the month's revisit sample and spot-check lists, drawn
/// reproducibly by `casebook sample` and committed, so auditors can recompute them.
public struct MonthlySample: Codable, Equatable, Sendable {
    public static let format = "casebook.sample/1"
    public var format: String = MonthlySample.format
    /// `YYYY-MM`.
    public var month: String
    /// The profile the rules came from, `name@version`.
    public var profile: String
    /// SHA-256 of the month, the profile and the population; every choice derives from it.
    public var seed: String
    public var revisits: Draw
    public var spotChecks: [Draw]

    public init(month: String, profile: String, seed: String, revisits: Draw, spotChecks: [Draw]) {
        self.month = month
        self.profile = profile
        self.seed = seed
        self.revisits = revisits
        self.spotChecks = spotChecks
    }

    /// One drawing: what it was drawn from, and what was drawn.
    public struct Draw: Codable, Equatable, Sendable {
        public var name: String
        public var population: [CaseID]
        public var selected: [Pick]
        public var clause: String

        public init(name: String, population: [CaseID], selected: [Pick], clause: String) {
            self.name = name
            self.population = population
            self.selected = selected
            self.clause = clause
        }
    }

    /// One case drawn, with when and how it must be revisited (for the revisit sample).
    public struct Pick: Codable, Equatable, Sendable {
        public var id: CaseID
        public var due: Timestamp?
        public var mode: RevisitMode?

        public init(id: CaseID, due: Timestamp? = nil, mode: RevisitMode? = nil) {
            self.id = id
            self.due = due
            self.mode = mode
        }
    }
}
