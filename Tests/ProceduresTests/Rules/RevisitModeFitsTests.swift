import CaseModel
import Procedures
import Testing

/// 002 篇2 §4.1.4, §4.1.6: complaints are revisited at home or by letter.
@Suite struct RevisitModeFitsTests {
    @Test func aComplaintIsNotRevisitedByPhone() throws {
        let p = try profile("residential")
        let file = try resolved(try intake(.complaint, severity: .minor), profile: p)
        let phone = event(.revisit, by: "chen.jie", at: "2026-11-24T10:00") { $0.mode = .phone; $0.satisfied = true }
        #expect(verdict(RevisitModeFits(), step(phone, on: file, profile: p))
            == Refusal(rule: "revisit-mode", clause: "002 篇2 §4.1.4, §4.1.6", "mode phone does not suit this case; use home or letter"))
        let letter = event(.revisit, by: "chen.jie", at: "2026-11-24T10:00") { $0.mode = .letter; $0.satisfied = true }
        #expect(verdict(RevisitModeFits(), step(letter, on: file, profile: p)) == nil)
    }
}
