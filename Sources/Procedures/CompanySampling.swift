import CaseModel

/// Head office's spot checks of the centres' revisits (001 §5.5.1–5.5.3), drawn across every
/// centre the way a centre draws its own sample (`Sampling`): the population is every case a
/// centre revisited in the month, named by centre and id; cases are taken in order of
/// SHA-256(seed + ":" + draw + ":" + centre/id), the seed a SHA-256 of the month and the sorted
/// population, so the same repositories and month always give the same picks and nobody chooses
/// which cases head office rings.
public enum CompanySampling {
    /// One spot check head office makes.
    public struct Rule: Sendable {
        public let name: String
        public let checker: Role
        /// Kinds it draws from; empty: every revisited case.
        public let kinds: [Kind]
        public let percent: Int
        public let clause: String
    }

    /// 公司管理部 10 % of complaint revisits and 1 % of help revisits; 总经办 3 % of all revisits.
    public static let rules: [Rule] = [
        Rule(name: "complaint-revisits", checker: .companyManagement, kinds: [.complaint], percent: 10, clause: "001 §5.5.1"),
        Rule(name: "help-revisits", checker: .companyManagement, kinds: [.help], percent: 1, clause: "001 §5.5.2"),
        Rule(name: "all-revisits", checker: .generalOffice, kinds: [], percent: 3, clause: "001 §5.5.3"),
    ]

    /// A case a centre revisited in the month, with its kind.
    public struct Revisited: Sendable {
        public let id: CentreCase
        public let kind: Kind

        public init(id: CentreCase, kind: Kind) {
            self.id = id
            self.kind = kind
        }
    }

    /// The cases of `cases` (one centre's) with a revisit inside `bounds`.
    public static func revisited(centre: String, cases: [CaseFile], bounds: (start: Timestamp, end: Timestamp)) -> [Revisited] {
        cases.filter { file in file.events.contains { $0.action == .revisit && $0.at >= bounds.start && $0.at < bounds.end } }
            .map { Revisited(id: CentreCase(centre: centre, id: $0.id), kind: $0.intake.kind) }
    }

    /// The month's draws over `population` (every centre's revisited cases); each draw takes
    /// its rate of its population, rounded up.
    public static func sample(month: String, population: [Revisited], commits: [String: String]) -> CompanySample {
        let all = population.sorted { $0.id < $1.id }
        let seed = Sampling.sha256("casebook.company-sample/1|\(month)|" + all.map(\.id.name).joined(separator: ","))
        let draws = rules.map { rule -> CompanySample.Draw in
            let members = all.filter { rule.kinds.isEmpty || rule.kinds.contains($0.kind) }.map(\.id)
            let count = (rule.percent * members.count + 99) / 100
            let picked = members.map { ($0, Sampling.sha256("\(seed):\(rule.name):\($0.name)")) }
                .sorted { $0.1 < $1.1 }.prefix(count).map(\.0)
            return CompanySample.Draw(name: rule.name, checker: rule.checker, clause: rule.clause, percent: rule.percent,
                                      population: members, selected: picked)
        }
        return CompanySample(month: month, seed: seed, commits: commits, draws: draws)
    }
}
