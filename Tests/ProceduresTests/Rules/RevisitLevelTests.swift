import CaseModel
import Procedures
import Testing

/// 000 篇2 §4.7: a case resolved by a supervisor or higher is revisited at that level.
@Suite struct RevisitLevelTests {
    @Test func resolvedByTheSupervisor() throws {
        let p = try profile("residential")
        let file = try resolved(try intake(.complaint, severity: .minor), profile: p, by: "wang.zg")
        let assistant = event(.revisit, by: "chen.jie", at: "2026-11-24T10:00") { $0.mode = .home; $0.satisfied = true }
        #expect(verdict(RevisitLevel(), step(assistant, on: file, profile: p))?.clause == "000 篇2 §4.7")
        let manager = event(.revisit, by: "zhou.jl", at: "2026-11-24T10:00") { $0.mode = .home; $0.satisfied = true }
        #expect(verdict(RevisitLevel(), step(manager, on: file, profile: p)) == nil)
        // Resolved by an engineer: no level rule.
        let byEngineer = try resolved(try intake(.complaint, severity: .minor), profile: p)
        #expect(verdict(RevisitLevel(), step(assistant, on: byEngineer, profile: p)) == nil)
    }
}
