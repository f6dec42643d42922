import CaseModel
import Procedures
import Testing

/// 004 §4.1 (记清楚), 001 §5.1.2, 002 篇1 §4.3: a mistaken entry is corrected by a new event that
/// names the field, the value the case holds, the new value and the reason; by the case's
/// first-responsible person or a supervisor and above.
@Suite struct CorrectionAllowedTests {
    static let clause = CorrectionAllowed.clause

    func correct(_ field: Correction.Field, from: String, to: String, by: StaffID = "li.na", reason: String? = "记错",
                 contact: Contact? = nil) -> Event {
        event(.correct, by: by, at: "2026-11-22T09:30") {
            $0.correction = Correction(field: field, from: from, to: to, contact: contact)
            $0.reason = reason
        }
    }

    /// A repair whose reporter is sealed under `key`, so a correction can seal the new phone.
    func openedWithKey(_ key: ResidentKey, profile p: Profile) throws -> CaseFile {
        var i = try intake(.repair, size: .small)
        i.reporter = try Contact(name: "王女士", phone: "13812345678", key: key)
        return try opened(i, profile: p)
    }

    @Test func theFirstResponsibleOrASupervisorMayCorrect() throws {
        let p = try profile("residential")
        let file = try opened(try intake(.repair, size: .small), profile: p)
        for who: StaffID in ["li.na", "wang.zg", "zhou.jl", "he.zr"] {
            #expect(verdict(CorrectionAllowed(), step(correct(.summary, from: "x", to: "楼道灯不亮", by: who), on: file, profile: p)) == nil, "\(who)")
        }
        for who: StaffID in ["chen.jie", "zhao.gong", "ma.bz"] {
            let r = verdict(CorrectionAllowed(), step(correct(.summary, from: "x", to: "y", by: who), on: file, profile: p))
            #expect(r?.rule == "correction" && r?.clause == Self.clause, "\(who)")
            #expect(r?.message.contains("only its first-responsible person li.na") == true)
        }
    }

    @Test func theOldValueMustBeTheOneTheCaseHolds() throws {
        let p = try profile("residential")
        let file = try opened(try intake(.repair, size: .small), profile: p)
        let r = verdict(CorrectionAllowed(), step(correct(.summary, from: "别的", to: "y"), on: file, profile: p))
        #expect(r == Refusal(rule: "correction", clause: Self.clause, "intake.summary: the old value '别的' is not the one the case holds ('x')"))
        // A phone is named by its display form; the new one comes sealed under the resident's key.
        let key = freshResidentKey()
        let sealed = try openedWithKey(key, profile: p)
        let new = try Contact(name: "王女士", phone: "13711112222", key: key)
        let phone = verdict(CorrectionAllowed(), step(correct(.phone, from: "139****0000", to: "137****2222", contact: new), on: sealed, profile: p))
        #expect(phone?.message == "intake.phone: the old value '139****0000' is not the one the case holds ('138****5678')")
        #expect(verdict(CorrectionAllowed(), step(correct(.phone, from: "138****5678", to: "137****2222", contact: new), on: sealed, profile: p)) == nil)
        // Without the sealed contact, or sealed for another resident, the phone cannot be put right.
        #expect(verdict(CorrectionAllowed(), step(correct(.phone, from: "138****5678", to: "137****2222"), on: sealed, profile: p))?.message
                == "the new value is not a valid intake.phone")
        let stranger = try Contact(name: "王女士", phone: "13711112222", key: freshResidentKey())
        #expect(verdict(CorrectionAllowed(), step(correct(.phone, from: "138****5678", to: "137****2222", contact: stranger), on: sealed, profile: p))?.message
                == "the new value is not a valid intake.phone")
    }

    @Test func aReasonAndARealChangeAreNeeded() throws {
        let p = try profile("residential")
        let file = try opened(try intake(.repair, size: .small), profile: p)
        #expect(verdict(CorrectionAllowed(), step(correct(.unit, from: "", to: "3-2-1801", reason: nil), on: file, profile: p))?.message
                == "a correction needs the reason it is made")
        #expect(verdict(CorrectionAllowed(), step(correct(.unit, from: "", to: "3-2-1801", reason: "  "), on: file, profile: p))?.message
                == "a correction needs the reason it is made")
        #expect(verdict(CorrectionAllowed(), step(correct(.summary, from: "x", to: "x"), on: file, profile: p))?.message
                == "intake.summary: the new value is the same as the old one")
        #expect(verdict(CorrectionAllowed(), step(correct(.summary, from: "x", to: ""), on: file, profile: p))?.message
                == "intake.summary: must not be empty")
        #expect(verdict(CorrectionAllowed(), step(correct(.channel, from: "phone", to: "pigeon"), on: file, profile: p))?.message
                == "the new value is not a valid intake.channel")
        #expect(verdict(CorrectionAllowed(), step(correct(.unit, from: "", to: "3-2-1801"), on: file, profile: p)) == nil)
    }

    @Test func theFoldAppliesTheCorrection() throws {
        let p = try profile("residential")
        let key = freshResidentKey()
        let file = try openedWithKey(key, profile: p)
        let new = try Contact(name: "王女士", phone: "13711112222", key: key)
        let events = file.events + [correct(.phone, from: "138****5678", to: "137****2222", contact: new), correct(.unit, from: "", to: "3-2-1801")]
        let corrected = try CaseFile(id: file.id, events: events)
        #expect(corrected.intake.reporter.phoneMasked == "137****2222")
        #expect(corrected.intake.unit == "3-2-1801")
        #expect(corrected.intake.summary == "x")
        // Any status: the record is put right whatever the case's state.
        #expect(Transitions.allowed(.correct).from == Set(Status.allCases))
    }
}
