import CaseModel
import Procedures
import Testing

/// 002 篇2 §4.4: an unsatisfied revisit is reported to the director.
@Suite struct UnsatisfiedReportedTests {
    @Test func theDirectorIsTold() throws {
        let p = try profile("residential")
        let file = try resolved(try intake(.complaint, severity: .minor), profile: p)
        let silent = event(.revisit, by: "chen.jie", at: "2026-11-24T10:00") { $0.mode = .home; $0.satisfied = false }
        #expect(verdict(UnsatisfiedReported(), step(silent, on: file, profile: p))?.clause == "002 篇2 §4.4")
        let told = event(.revisit, by: "chen.jie", at: "2026-11-24T10:00") { $0.mode = .home; $0.satisfied = false; $0.directorInformed = true }
        #expect(verdict(UnsatisfiedReported(), step(told, on: file, profile: p)) == nil)
    }
}
