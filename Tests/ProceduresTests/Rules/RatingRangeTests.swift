import CaseModel
import Procedures
import Testing

/// 003 五.4: ratings are 1 to 5.
@Suite struct RatingRangeTests {
    @Test(arguments: [0, 6, -1]) func outOfRangeIsRefused(_ rating: Int) throws {
        let p = try profile("residential")
        let file = try opened(try intake(.repair, size: .small), profile: p)
        let e = event(.resolve, by: "zhao.gong", at: "2026-11-22T10:00") { $0.result = "x"; $0.rating = rating }
        #expect(verdict(RatingRange(), step(e, on: file, profile: p)) == Refusal(rule: "rating", clause: "003 五.4", "rating must be 1 to 5"))
    }

    @Test func oneToFivePass() throws {
        let p = try profile("residential")
        let file = try opened(try intake(.repair, size: .small), profile: p)
        for rating in 1...5 {
            #expect(verdict(RatingRange(), step(event(.resolve, by: "zhao.gong", at: "2026-11-22T10:00") { $0.result = "x"; $0.rating = rating }, on: file, profile: p)) == nil)
        }
    }
}
