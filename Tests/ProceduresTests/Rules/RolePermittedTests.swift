import CaseModel
import Procedures
import Testing

/// PROCEDURES.md §1: who may take which action, from the profile's `permissions`.
@Suite struct RolePermittedTests {
    @Test func onlyTheManagerDeclaresUnresolvable_002_1_3_3_3() throws {
        let p = try profile("residential")
        let file = try opened(try intake(.repair, size: .small), profile: p)
        let byAssistant = verdict(RolePermitted(), step(event(.unresolvable, by: "chen.jie", at: "2026-11-22T10:00") { $0.reason = "x" }, on: file, profile: p))
        #expect(byAssistant == Refusal(rule: "role", clause: "002 篇1 §3.3.3, §4.8", "chen.jie (cs-assistant) may not unresolvable; only manager"))
        #expect(verdict(RolePermitted(), step(event(.unresolvable, by: "zhou.jl", at: "2026-11-22T10:00") { $0.reason = "x" }, on: file, profile: p)) == nil)
    }

    @Test func theSweepDoesNotOpenCases() throws {
        let p = try profile("residential")
        let open = event(.open, by: "system", at: "2026-11-22T09:00") { $0.intake = try? intake(.repair, size: .small) }
        #expect(verdict(RolePermitted(), step(open, on: nil, profile: p))?.rule == "role")
        let byEngineer = event(.open, by: "zhao.gong", at: "2026-11-22T09:00") { $0.intake = try? intake(.repair, size: .small) }
        #expect(verdict(RolePermitted(), step(byEngineer, on: nil, profile: p)) == nil)
    }
}
