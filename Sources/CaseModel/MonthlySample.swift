/// `records/samples/YYYY-MM.json`: the month's revisit sample and spot-check lists, drawn
/// reproducibly by `casebook sample` and committed, so auditors can recompute them; and
/// `records/samples/YYYY-MM/YYYY-MM-DD.json`, a daily draw of the month's finished work made by
/// `casebook sweep` where the profile draws daily (`SampleTiming.daily`).
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
    /// `YYYY-MM-DD`, the day the draw was made: set on a daily draw
    /// (`records/samples/YYYY-MM/YYYY-MM-DD.json`) and on the month file of a profile that draws
    /// daily; nil on a month-end sample.
    public var drawnOn: String?

    public init(month: String, profile: String, seed: String, revisits: Draw, spotChecks: [Draw], drawnOn: String? = nil) {
        self.month = month
        self.profile = profile
        self.seed = seed
        self.revisits = revisits
        self.spotChecks = spotChecks
        self.drawnOn = drawnOn
    }

    /// One drawing: what it was drawn from, and what was drawn.
    public struct Draw: Codable, Equatable, Sendable {
        public var name: String
        public var population: [CaseID]
        public var selected: [Pick]
        public var clause: String
        /// Daily drawing: how many of the month's finished cases, and how many picks, the month's
        /// earlier draws had; this draw takes enough to bring the picks to the rate of all drawn.
        public var priorPopulation: Int?
        public var priorSelected: Int?

        public init(name: String, population: [CaseID], selected: [Pick], clause: String, priorPopulation: Int? = nil, priorSelected: Int? = nil) {
            self.name = name
            self.population = population
            self.selected = selected
            self.clause = clause
            self.priorPopulation = priorPopulation
            self.priorSelected = priorSelected
        }
    }

    /// One case drawn, with when and how it must be revisited (for the revisit sample).
    public struct Pick: Codable, Equatable, Sendable {
        public var id: CaseID
        public var due: Timestamp?
        public var mode: RevisitMode?
        /// The resolution the revisit follows: its window runs from here to `due`.
        public var resolvedAt: Timestamp?

        public init(id: CaseID, due: Timestamp? = nil, mode: RevisitMode? = nil, resolvedAt: Timestamp? = nil) {
            self.id = id
            self.due = due
            self.mode = mode
            self.resolvedAt = resolvedAt
        }
    }
}
