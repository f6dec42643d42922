import CaseModel
import Procedures
import Testing

/// 003 篇2 第十二条: 1 → talk, 2 → public criticism, 3 → fails the assessment, 4 or more → suspended;
/// counted per calendar year of the decision.
@Suite struct AccountabilityLadderTests {
    let rule = AccountabilityRule(ladder: [.init(atLeast: 1, consequence: .talk), .init(atLeast: 2, consequence: .publicCriticism),
                                           .init(atLeast: 3, consequence: .failsAssessment), .init(atLeast: 4, consequence: .suspension)],
                                  clause: "003 篇2 第十二条")

    @Test func theLadder() {
        #expect(rule.consequence(of: 0) == nil)
        #expect([1, 2, 3, 4, 7].map { rule.consequence(of: $0)?.consequence } == [.talk, .publicCriticism, .failsAssessment, .suspension, .suspension])
    }

    @Test func countedByTheYearOfTheDecision() throws {
        var p = try profile("residential")
        p.accountability = rule
        func valid(_ id: String, openedAt: String, decidedAt: String) throws -> CaseFile {
            var file = try opened(try intake(.complaint, severity: .minor, at: openedAt), profile: p)
            file = try CaseFile(id: CaseID(rawValue: id), events: file.events)
            return try appending(event(.reclassify, by: "wang.zg", at: decidedAt) { $0.valid = true; $0.against = "li.na"; $0.reason = "属实" }, to: file, profile: p)
        }
        let cases = [try valid("C-20261230-T01-0001", openedAt: "2026-12-30T09:00", decidedAt: "2027-01-02T09:00"),
                     try valid("C-20261201-T01-0001", openedAt: "2026-12-01T09:00", decidedAt: "2026-12-01T10:00")]
        let y2026 = Accountability.tally(cases, year: "2026", rule: rule, zone: shanghai)
        #expect(y2026.map(\.cases.count) == [1] && y2026.first?.consequence?.consequence == .talk)
        #expect(Accountability.tally(cases, year: "2027", rule: rule, zone: shanghai).first?.cases == ["C-20261230-T01-0001"])
    }
}
