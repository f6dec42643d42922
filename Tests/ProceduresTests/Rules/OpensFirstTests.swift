import CaseModel
import Procedures
import Testing

/// 002 篇1 §4.2: a case begins with `open`, once.
@Suite struct OpensFirstTests {
    @Test func aCaseBeginsWithOpen() throws {
        let p = try profile("residential")
        let note = event(.note, by: "li.na", at: "2026-11-22T09:00") { $0.text = "x" }
        #expect(verdict(OpensFirst(), step(note, on: nil, profile: p)) == Refusal(rule: "transition", clause: "002 篇1 §4.2", "a case begins with 'open', not 'note'"))
    }

    @Test func andOnlyOnce() throws {
        let p = try profile("residential")
        let file = try opened(try intake(.repair, size: .small), profile: p)
        let again = event(.open, by: "li.na", at: "2026-11-22T10:00") { $0.intake = file.intake }
        #expect(verdict(OpensFirst(), step(again, on: file, profile: p))?.message == "the case is already open")
    }
}
