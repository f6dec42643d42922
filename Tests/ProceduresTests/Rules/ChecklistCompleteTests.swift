import CaseModel
import Procedures
import Testing

/// 001 §5.6.6, §5.6.8, §5.6.9: an emergency's checklist is complete before it is resolved or closed.
@Suite struct ChecklistCompleteTests {
    func emergency(_ type: EmergencyType?) throws -> CaseFile {
        var i = try intake(.emergency)
        i.emergency = type
        return try opened(i, profile: try profile("residential"))
    }

    @Test func everyItemBeforeResolving() throws {
        let p = try profile("residential")
        var file = try emergency(.fire)
        let resolve = event(.resolve, by: "li.na", at: "2026-11-22T10:00") { $0.result = "x" }
        #expect(verdict(ChecklistComplete(), step(resolve, on: file, profile: p)) == Refusal(rule: "checklist", clause: "001 §5.6.9",
                "resolve needs the fire checklist item 'fire-plan' recorded first"))
        file = try CaseFile(id: file.id, events: file.events + [event(.checklist, by: "li.na", at: "2026-11-22T09:10") { $0.item = .firePlan }])
        #expect(verdict(ChecklistComplete(), step(resolve, on: file, profile: p)) == nil)
        let twice = event(.checklist, by: "li.na", at: "2026-11-22T09:20") { $0.item = .firePlan }
        #expect(verdict(ChecklistComplete(), step(twice, on: file, profile: p))?.message == "'fire-plan' is already recorded")
    }

    @Test func anEmergencyOfNoKnownTypeHasNoChecklist() throws {
        let p = try profile("residential")
        let file = try emergency(nil)
        #expect(verdict(ChecklistComplete(), step(event(.resolve, by: "li.na", at: "2026-11-22T10:00") { $0.result = "x" }, on: file, profile: p)) == nil)
        #expect(verdict(ChecklistComplete(), step(event(.checklist, by: "li.na", at: "2026-11-22T10:00") { $0.item = .called120 }, on: file, profile: p)) != nil)
    }
}

/// 001 §5.6.5: the officer's name and badge, or the lawyer's documents and the approval.
@Suite struct JudicialRequirementsTests {
    func request(_ j: JudicialRequest) throws -> Event {
        var i = try intake(.judicial)
        i.judicial = j
        return event(.open, by: "li.na", at: "2026-11-22T09:00") { $0.intake = i }
    }

    @Test func theOfficerSignsInPlaceOfTheReceiver() throws {
        let p = try profile("residential")
        let bare = try request(JudicialRequest(requester: .procuratorate, officerName: "王强"))
        #expect(verdict(JudicialRequirements(), step(bare, on: nil, profile: p))?.clause == "001 §5.6.5.1–5.6.5.2")
        let full = try request(JudicialRequest(requester: .procuratorate, officerName: "王强", officerBadge: "031245"))
        #expect(verdict(JudicialRequirements(), step(full, on: nil, profile: p)) == nil)
    }

    @Test func aLawyerBringsThreeDocumentsAndWaitsForApproval() throws {
        let p = try profile("residential")
        let missing = try request(JudicialRequest(requester: .lawyer, letter: "L", licence: " "))
        #expect(verdict(JudicialRequirements(), step(missing, on: nil, profile: p))?.message.hasSuffix("missing --licence, --power-of-attorney") == true)
        let open = try request(JudicialRequest(requester: .lawyer, letter: "L", licence: "1", powerOfAttorney: "W"))
        #expect(verdict(JudicialRequirements(), step(open, on: nil, profile: p)) == nil)
        var file = try CaseFile(id: "C-20261122-T01-0001", events: [open])
        let release = event(.resolve, by: "he.zr", at: "2026-11-22T10:00") { $0.result = "x" }
        #expect(verdict(JudicialRequirements(), step(release, on: file, profile: p))?.clause == "001 §5.6.5.3")
        file = try CaseFile(id: file.id, events: file.events + [event(.approve, by: "zhou.jl", at: "2026-11-22T09:30")])
        #expect(verdict(JudicialRequirements(), step(release, on: file, profile: p)) == nil)
    }
}
