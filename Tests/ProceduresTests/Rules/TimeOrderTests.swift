import CaseModel
import Procedures
import Testing

/// 002 篇1 §4.2: no event before the case's last one.
@Suite struct TimeOrderTests {
    @Test func noEventBeforeTheLast() throws {
        let p = try profile("residential")
        let file = try opened(try intake(.repair, size: .small, at: "2026-11-22T09:00"), profile: p)
        let early = event(.note, by: "li.na", at: "2026-11-22T08:59") { $0.text = "x" }
        #expect(verdict(TimeOrder(), step(early, on: file, profile: p))?.clause == "002 篇1 §4.2")
        let same = event(.note, by: "li.na", at: "2026-11-22T09:00") { $0.text = "x" }
        #expect(verdict(TimeOrder(), step(same, on: file, profile: p)) == nil)
    }
}
