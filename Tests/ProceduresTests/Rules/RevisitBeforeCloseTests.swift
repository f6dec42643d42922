import CaseModel
import Procedures
import Testing

/// 002 篇2 §4.1.2: a complaint is closed only after its revisit.
@Suite struct RevisitBeforeCloseTests {
    @Test func closeWaitsForTheRevisit() throws {
        let p = try profile("residential")
        let file = try resolved(try intake(.complaint, severity: .minor), profile: p)
        let close = event(.close, by: "chen.jie", at: "2026-11-24T11:00")
        #expect(verdict(RevisitBeforeClose(), step(close, on: file, profile: p))
            == Refusal(rule: "revisit-before-close", clause: "002 篇2 §4.1.1–4.1.3", "close needs the required revisit first (due 2026-11-26T15:00:00+08:00)"))
        let visited = try appending(event(.revisit, by: "chen.jie", at: "2026-11-24T10:00") { $0.mode = .home; $0.satisfied = true }, to: file, profile: p)
        #expect(verdict(RevisitBeforeClose(), step(close, on: visited, profile: p)) == nil)
    }
}
