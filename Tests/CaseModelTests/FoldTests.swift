import CaseModel
import Foundation
import Testing

func time(_ text: String) -> Timestamp { Timestamp.parse(text, defaultZone: TimeZone(identifier: "Asia/Shanghai")!)! }

func openEvent(at: String = "2026-11-22T09:00") throws -> Event {
    var e = Event(at: time(at), by: "li.na", action: .open)
    e.intake = Intake(receivedAt: time(at), channel: .phone, kind: .complaint, severity: .minor, unit: "3-2-1801",
                      reporter: try Contact(name: "王女士", phone: "13812345678", key: freshResidentKey()), summary: "楼道灯不亮", firstResponder: "li.na")
    e.profile = "residential@test"
    return e
}

@Suite struct FoldTests {
    @Test func foldsAWholeLife() throws {
        var dispatch = Event(at: time("2026-11-22T09:10"), by: "li.na", action: .dispatch)
        dispatch.department = .engineering
        dispatch.assignee = "zhao.gong"
        var escalate = Event(at: time("2026-11-24T09:10"), by: "system", action: .escalate)
        escalate.level = .supervisor
        var resolve = Event(at: time("2026-11-24T15:00"), by: "zhao.gong", action: .resolve)
        resolve.result = "已更换"
        resolve.revisitsPlanned = [PlannedRevisit(due: time("2026-11-27T15:00"), by: [.csAssistant], modes: [.phone], clause: "x")]
        var unhappy = Event(at: time("2026-11-25T10:00"), by: "chen.jie", action: .revisit)
        unhappy.mode = .phone
        unhappy.satisfied = false
        let events = [try openEvent(), dispatch, escalate, resolve, unhappy]
        let (intake, state) = try fold(events)
        #expect(intake.summary == "楼道灯不亮")
        #expect(state.status == .inProgress)
        #expect(state.level == .supervisor)
        #expect(state.holder == "zhao.gong")
        #expect(state.department == .engineering)
        #expect(state.resolution == nil)
        #expect(state.reopenCount == 1)
        #expect(state.revisits.count == 1 && state.revisits[0].satisfied == false)
        #expect(state.revisitsPlanned[0].doneAt == time("2026-11-25T10:00"))
        #expect(state.updatedAt == time("2026-11-25T10:00"))

        var close = Event(at: time("2026-11-26T10:00"), by: "chen.jie", action: .close)
        close.notes = nil
        let (_, closed) = try fold(events + [resolve, close])
        #expect(closed.status == .closed)
        #expect(closed.closedAt == time("2026-11-26T10:00"))
    }

    @Test func refusesMalformedHistories() throws {
        #expect(throws: FoldError.empty) { try fold([]) }
        #expect(throws: FoldError.firstEventNotOpen) { try fold([Event(at: time("2026-11-22T09:00"), by: "li.na", action: .close)]) }
        #expect(throws: FoldError.secondOpen(event: 1)) { try fold([try openEvent(), try openEvent()]) }
        let bare = Event(at: time("2026-11-22T09:10"), by: "li.na", action: .dispatch)
        #expect(throws: FoldError.missingField(event: 1, field: "department")) { try fold([try openEvent(), bare]) }
    }

    @Test func caseFileKnowsItsPathAndConsistency() throws {
        var file = try CaseFile(id: "C-20261122-T01-0001", events: [try openEvent()])
        #expect(file.path(in: .month) == "records/cases/2026/11/C-20261122-T01-0001.json")
        #expect(file.path(in: .day) == "records/cases/2026/11/22/C-20261122-T01-0001.json")
        #expect(file.isConsistent)
        file.state.status = .closed
        #expect(!file.isConsistent)
        // Encoding is stable: same value, same bytes.
        let a = try RecordJSON.encode(try CaseFile(id: "C-20261122-T01-0001", events: [try openEvent()]))
        let b = try RecordJSON.encode(try JSONDecoder().decode(CaseFile.self, from: a))
        #expect(a == b)
    }

    @Test func caseIDsAreSafeFileNames() {
        #expect(CaseID(rawValue: "C-20261122-T01-0001").isWellFormed)
        for bad in ["", "../x", "C/1", "-C", "C 1", "C\u{0}1", String(repeating: "a", count: 65), "案-1"] {
            #expect(!CaseID(rawValue: bad).isWellFormed, "\(bad)")
        }
    }
}
