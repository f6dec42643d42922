import CaseModel
import Procedures
import Testing

/// 002 篇5 §4 (complaint severity), 001 §5.4.2 (repair size), 001 篇2 §4.5 (validity).
@Suite struct ClassificationTests {
    func open(_ kind: Kind, severity: Severity? = nil, size: RepairSize? = nil) -> Event {
        event(.open, by: "li.na", at: "2026-11-22T09:00") {
            $0.intake = Intake(receivedAt: t("2026-11-22T09:00"), channel: .phone, kind: kind, severity: severity, repairSize: size,
                               reporter: try! Contact(name: "王女士", phone: nil, key: freshResidentKey()), summary: "x", firstResponder: "li.na")
        }
    }

    @Test func aComplaintNeedsASeverityAndARepairASize() throws {
        let p = try profile("residential")
        #expect(verdict(Classification(), step(open(.complaint), on: nil, profile: p))?.clause == "002 篇5 §4; 001 §5.4.2")
        #expect(verdict(Classification(), step(open(.repair), on: nil, profile: p))?.rule == "classification")
        #expect(verdict(Classification(), step(open(.help, severity: .minor), on: nil, profile: p))?.rule == "classification")
        #expect(verdict(Classification(), step(open(.complaint, severity: .minor), on: nil, profile: p)) == nil)
        #expect(verdict(Classification(), step(open(.repair, size: .medium), on: nil, profile: p)) == nil)
    }

    @Test func reclassifyMustChangeSomethingAndOnlyComplaintsAreValid() throws {
        let p = try profile("residential")
        let file = try opened(try intake(.repair, size: .small), profile: p)
        let nothing = event(.reclassify, by: "wang.zg", at: "2026-11-22T10:00") { $0.reason = "x" }
        #expect(verdict(Classification(), step(nothing, on: file, profile: p))?.message == "reclassify changes nothing")
        let valid = event(.reclassify, by: "wang.zg", at: "2026-11-22T10:00") { $0.reason = "x"; $0.valid = true }
        #expect(verdict(Classification(), step(valid, on: file, profile: p)) == Refusal(rule: "classification", clause: "001 篇2 §4.5", "only complaints are valid or invalid"))
        let toComplaint = event(.reclassify, by: "wang.zg", at: "2026-11-22T10:00") { $0.reason = "x"; $0.kind = .complaint; $0.severity = .minor }
        #expect(verdict(Classification(), step(toComplaint, on: file, profile: p)) == nil)
    }
}
