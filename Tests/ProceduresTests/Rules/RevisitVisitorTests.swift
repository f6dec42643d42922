import CaseModel
import Procedures
import Testing

/// 002 篇2 §4.1.3: who revisits which complaint.
@Suite struct RevisitVisitorTests {
    func visit(by: StaffID) -> Event {
        event(.revisit, by: by, at: "2026-11-24T10:00") { $0.mode = .home; $0.satisfied = true }
    }

    @Test func anImportantComplaintIsRevisitedByTheDirector() throws {
        let p = try profile("residential")
        let file = try resolved(try intake(.complaint, severity: .important), profile: p)
        #expect(verdict(RevisitVisitor(), step(visit(by: "chen.jie"), on: file, profile: p))
            == Refusal(rule: "revisit-visitor", clause: "002 篇2 §4.1.1–4.1.3", "this revisit is for director, not cs-assistant"))
        #expect(verdict(RevisitVisitor(), step(visit(by: "he.zr"), on: file, profile: p)) == nil)
    }

    @Test func someoneMoreSeniorThanEveryNamedRoleMayGo() throws {
        let p = try profile("residential")
        let file = try resolved(try intake(.complaint, severity: .minor), profile: p)
        #expect(verdict(RevisitVisitor(), step(visit(by: "ma.bz"), on: file, profile: p)) == nil)
        #expect(verdict(RevisitVisitor(), step(visit(by: "zhou.jl"), on: file, profile: p)) == nil)
        #expect(verdict(RevisitVisitor(), step(visit(by: "li.na"), on: file, profile: p))?.rule == "revisit-visitor")
    }
}
