import CaseModel
import Procedures
import Testing

/// Which status each action may start from, each with its clause.
@Suite struct StatusAllowsTests {
    @Test func closeNeedsAResolution_002_2_4_1_2() throws {
        let p = try profile("residential")
        let file = try opened(try intake(.repair, size: .small), profile: p)
        let r = verdict(StatusAllows(), step(event(.close, by: "chen.jie", at: "2026-11-22T10:00"), on: file, profile: p))
        #expect(r == Refusal(rule: "transition", clause: "002 篇2 §4.1.2", "close is not allowed while the case is open (only when resolved, referred)"))
    }

    @Test func revisitOnlyAfterResolution_002_2_4_1() throws {
        let p = try profile("residential")
        let file = try opened(try intake(.complaint, severity: .minor), profile: p)
        let visit = event(.revisit, by: "chen.jie", at: "2026-11-22T10:00") { $0.mode = .home; $0.satisfied = true }
        #expect(verdict(StatusAllows(), step(visit, on: file, profile: p))?.clause == "002 篇2 §4.1")
        let done = try resolved(try intake(.complaint, severity: .minor), profile: p)
        #expect(verdict(StatusAllows(), step(event(.revisit, by: "chen.jie", at: "2026-11-24T10:00") { $0.mode = .home; $0.satisfied = true }, on: done, profile: p)) == nil)
    }

    @Test func everyActionNamesItsClause() {
        for action in Action.allCases {
            #expect(!StatusAllows.from(action).clause.isEmpty)
        }
    }
}
