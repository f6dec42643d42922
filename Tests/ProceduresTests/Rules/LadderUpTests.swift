import CaseModel
import Procedures
import Testing

/// 002 篇1 §4.7–4.8: escalation only goes up.
@Suite struct LadderUpTests {
    @Test func escalationGoesUp() throws {
        let p = try profile("residential")
        let file = try opened(try intake(.repair, size: .small), profile: p)
        let toDesk = event(.escalate, by: "li.na", at: "2026-11-22T10:00") { $0.level = .desk; $0.reason = "x" }
        #expect(verdict(LadderUp(), step(toDesk, on: file, profile: p)) == Refusal(rule: "ladder-up", clause: "002 篇1 §4.7–4.8", "escalation must go up the ladder: the case is already at desk"))
        let up = event(.escalate, by: "li.na", at: "2026-11-22T10:00") { $0.level = .supervisor; $0.reason = "x" }
        #expect(verdict(LadderUp(), step(up, on: file, profile: p)) == nil)
    }
}
