/// The company 公司 above the service centres: head office's own repository (`casebook company
/// init`), which points at every centre's repository and records only head office's own steps —
/// its staff, the centres, what it collected from them, its spot checks. A centre's case is named
/// by the centre's code and the case id everywhere (case ids are unique only within a centre).

/// `records/company.json`: the company's settings.
public struct CompanySettings: Codable, Equatable, Sendable {
    public static let format = "casebook.company/1"
    public var format: String = CompanySettings.format
    /// The company's name, shown on its dashboard.
    public var name: String
    /// IANA time zone (default Asia/Shanghai).
    public var timeZone: String
    /// `zh-Hans` or `en`.
    public var locale: String

    public init(name: String, timeZone: String = "Asia/Shanghai", locale: String = "zh-Hans") {
        self.name = name
        self.timeZone = timeZone
        self.locale = locale
    }
}

/// `records/centres.json`: the service centres 管理处 head office oversees.
public struct CentreList: Codable, Equatable, Sendable {
    public static let format = "casebook.centres/1"
    public var format: String = CentreList.format
    public var centres: [Centre]

    public init(centres: [Centre] = []) { self.centres = centres }

    public subscript(code: String) -> Centre? { centres.first { $0.code == code } }
}

/// One service centre: its code (how the company names it), name, and where its repository is.
public struct Centre: Codable, Equatable, Sendable {
    /// Capital letters, digits and `-`, e.g. `CH01`.
    public var code: String
    public var name: String
    /// The centre's repository: a path, `git://…` or `ssh://…`.
    public var url: String
    /// The procedure profile the centre says it runs (informational; the centre's own
    /// `records/casebook.json` decides).
    public var profile: String?
    /// The centre's published dashboard (its base URL), for links to its case pages.
    public var site: String?

    public init(code: String, name: String, url: String, profile: String? = nil, site: String? = nil) {
        self.code = code
        self.name = name
        self.url = url
        self.profile = profile
        self.site = site
    }

    /// Whether `code` is a well-formed centre code: 1–12 capital letters, digits or `-`.
    public static func isWellFormed(code: String) -> Bool {
        !code.isEmpty && code.count <= 12 && code.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "-") }
            && code.first != "-"
    }
}

/// A case of one centre: the company's name for a case.
public struct CentreCase: Codable, Hashable, Comparable, Sendable {
    public var centre: String
    public var id: CaseID

    public init(centre: String, id: CaseID) {
        self.centre = centre
        self.id = id
    }

    /// `CH01/C-20261001-A01-0001`.
    public var name: String { "\(centre)/\(id.rawValue)" }

    public static func < (a: CentreCase, b: CentreCase) -> Bool { (a.centre, a.id.rawValue) < (b.centre, b.id.rawValue) }
}

/// `records/collection.json`: what head office saw at its last collection (`company fetch`), one
/// entry per centre. Each collection is one signed commit, so the history of this file is what
/// head office saw when.
public struct CompanyCollection: Codable, Equatable, Sendable {
    public static let format = "casebook.collection/1"
    public var format: String = CompanyCollection.format
    /// When the collection was made.
    public var at: Timestamp
    public var centres: [CentreFetch]

    public init(at: Timestamp, centres: [CentreFetch]) {
        self.at = at
        self.centres = centres
    }

    public subscript(code: String) -> CentreFetch? { centres.first { $0.centre == code } }
}

/// One centre at one collection.
public struct CentreFetch: Codable, Equatable, Sendable {
    public enum Outcome: String, Codable, CaseIterable, Sendable {
        /// New commits fetched and verified; `commit` moved to them.
        case accepted
        /// Reached; nothing new.
        case unchanged
        /// Could not be reached; `commit` is the last good one.
        case unreachable
        /// Reached, but a new commit failed verification (`refused`, `problem`); `commit` is the
        /// last good one.
        case refused
    }

    public var centre: String
    public var outcome: Outcome
    /// The centre's commit head office accepted (now or earlier): what its pages are read from.
    public var commit: String?
    /// When `commit` was fetched and verified.
    public var lastGood: Timestamp?
    /// The first commit that failed verification.
    public var refusedCommit: String?
    /// One line: why the centre could not be reached or what failed verification.
    public var problem: String?

    public init(centre: String, outcome: Outcome, commit: String?, lastGood: Timestamp?, refusedCommit: String? = nil, problem: String? = nil) {
        self.centre = centre
        self.outcome = outcome
        self.commit = commit
        self.lastGood = lastGood
        self.refusedCommit = refusedCommit
        self.problem = problem
    }
}

/// `records/spot-checks/YYYY-MM.json`: head office's spot checks of the centres' revisits for one
/// month (001 §5.5.1–5.5.3), drawn reproducibly by `company sample`, and their results as
/// head-office staff record them (`company spot-check`).
public struct CompanySample: Codable, Equatable, Sendable {
    public static let format = "casebook.company-sample/1"
    public var format: String = CompanySample.format
    public var month: String
    /// SHA-256 of the month and the population; the order of every draw derives from it.
    public var seed: String
    /// The centres' commits the population was read from.
    public var commits: [String: String]
    public var draws: [Draw]
    public var results: [SpotCheckResult]

    public init(month: String, seed: String, commits: [String: String], draws: [Draw], results: [SpotCheckResult] = []) {
        self.month = month
        self.seed = seed
        self.commits = commits
        self.draws = draws
        self.results = results
    }

    /// One drawing: its name, who checks, the clause, the rate, the population's size and the picks.
    public struct Draw: Codable, Equatable, Sendable {
        public var name: String
        public var checker: Role
        public var clause: String
        public var percent: Int
        public var population: [CentreCase]
        public var selected: [CentreCase]

        public init(name: String, checker: Role, clause: String, percent: Int, population: [CentreCase], selected: [CentreCase]) {
            self.name = name
            self.checker = checker
            self.clause = clause
            self.percent = percent
            self.population = population
            self.selected = selected
        }
    }

    /// Whether `c` is among the picks of a draw checked by `role`.
    public func isSelected(_ c: CentreCase, for role: Role) -> Bool {
        draws.contains { $0.checker == role && $0.selected.contains(c) }
    }
}

/// The result of one spot check: head office rang or visited the resident of a revisited case.
public struct SpotCheckResult: Codable, Equatable, Sendable {
    public var centre: String
    public var id: CaseID
    public var by: StaffID
    public var at: Timestamp
    /// Whether the resident was reached.
    public var reached: Bool
    /// Whether they were satisfied with the handling and the revisit (nil when not reached).
    public var satisfied: Bool?
    public var remarks: String?

    public init(centre: String, id: CaseID, by: StaffID, at: Timestamp, reached: Bool, satisfied: Bool?, remarks: String?) {
        self.centre = centre
        self.id = id
        self.by = by
        self.at = at
        self.reached = reached
        self.satisfied = satisfied
        self.remarks = remarks
    }
}
