import CaseModel
@testable import Procedures
import Testing

/// Head office's spot checks across centres (001 §5.5.1–5.5.3): the rates, the kinds, and the
/// same picks from the same population whatever order it comes in.
@Suite struct CompanySamplingTests {
    func population() -> [CompanySampling.Revisited] {
        var out: [CompanySampling.Revisited] = []
        for centre in ["CH01", "CH02", "CH03"] {
            for n in 1...40 {
                let kind: Kind = n % 4 == 0 ? .complaint : n % 4 == 1 ? .help : .repair
                // The same id at two centres is two cases.
                out.append(.init(id: CentreCase(centre: centre, id: CaseID(rawValue: "C-20261001-A01-\(1000 + n)")), kind: kind))
            }
        }
        return out
    }

    @Test func ratesKindsAndCheckers() throws {
        let sample = CompanySampling.sample(month: "2026-10", population: population(), commits: [:])
        let byName = Dictionary(uniqueKeysWithValues: sample.draws.map { ($0.name, $0) })
        let complaints = try #require(byName["complaint-revisits"])
        #expect(complaints.population.count == 30 && complaints.selected.count == 3 && complaints.checker == .companyManagement)
        let help = try #require(byName["help-revisits"])
        #expect(help.population.count == 30 && help.selected.count == 1 && help.checker == .companyManagement)
        let all = try #require(byName["all-revisits"])
        #expect(all.population.count == 120 && all.selected.count == 4 && all.checker == .generalOffice)
        #expect(Set(complaints.selected).isSubset(of: Set(complaints.population)))
        #expect(sample.isSelected(complaints.selected[0], for: .companyManagement))
    }

    @Test func theSamePopulationGivesTheSamePicksInAnyOrder() {
        let a = CompanySampling.sample(month: "2026-10", population: population(), commits: [:])
        let b = CompanySampling.sample(month: "2026-10", population: population().reversed(), commits: [:])
        #expect(a == b)
        let other = CompanySampling.sample(month: "2026-11", population: population(), commits: [:])
        #expect(other.seed != a.seed)
        var fewer = population()
        fewer.removeLast()
        #expect(CompanySampling.sample(month: "2026-10", population: fewer, commits: [:]).seed != a.seed)
    }
}
