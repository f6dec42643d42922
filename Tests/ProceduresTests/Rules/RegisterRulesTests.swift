import CaseModel
import Procedures
import Testing

/// 000 §1(7); 001 §5.6.7: register entries keep the profile's schedule, only gain visits, and are
/// kept and visited by the roles the profile names.
@Suite struct RegisterRulesTests {
    func entry(_ register: RegisterKind = .emptyNest, aged: Bool = false, every: Int? = nil) throws -> RegisterEntry {
        let p = try profile("residential")
        let rule = try #require(p.registers?.first { $0.register == register })
        let (days, clause) = rule.schedule(aged: aged)
        let key = freshResidentKey()
        return RegisterEntry(register: register, id: register.prefix + "-0a1b2c3d", unit: "5-1-302",
                             resident: try Contact(name: "刘桂英", phone: "13700001111", key: key), reason: nil,
                             aged: register == .emptyNest ? aged : nil,
                             emergencyContacts: register == .emptyNest ? [try Contact(name: "刘建明", phone: "13911112222", key: key)] : nil,
                             visitEveryDays: every ?? days, clause: clause, addedBy: "chen.jie", addedAt: t("2026-11-20T10:00"))
    }

    func validate(_ old: RegisterEntry?, _ new: RegisterEntry) throws -> Refusal? {
        let p = try profile("residential")
        return refusal { () throws(Refusal) in try RegisterChange.validate(old: old, new: new, path: new.path, staff: registry, profile: p) }
    }

    @Test func theScheduleIsTheProfiles() throws {
        #expect(try entry(aged: true).visitEveryDays == 1)
        #expect(try entry().visitEveryDays == 7)
        #expect(try entry(.keyOwner).visitEveryDays == 30)
        #expect(try validate(nil, try entry(every: 14))?.rule == "register-schedule")
        #expect(try validate(nil, try entry()) == nil)
    }

    @Test func contactsAreSealedUnderTheResidentsKey() throws {
        var e = try entry()
        e.emergencyContacts = [try Contact(name: "刘建明", phone: "13911112222", key: freshResidentKey())]
        #expect(try validate(nil, e)?.rule == "personal-data")
    }

    @Test func onlyVisitsAreAppended() throws {
        let old = try entry()
        var new = old
        new.visits = [RegisterVisit(at: t("2026-11-21T09:00"), by: "chen.jie", mode: .home)]
        #expect(try validate(old, new) == nil)
        var moved = new
        moved.unit = "5-1-303"
        #expect(try validate(old, moved)?.rule == "append-only")
        var early = old
        early.visits = [RegisterVisit(at: t("2026-11-19T09:00"), by: "chen.jie", mode: .home)]
        #expect(try validate(old, early)?.rule == "time-order")
        var engineer = old
        engineer.visits = [RegisterVisit(at: t("2026-11-21T09:00"), by: "zhao.gong", mode: .home)]
        #expect(try validate(old, engineer)?.rule == "role")
    }
}
