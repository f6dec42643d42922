import Foundation
import Testing
@testable import CaseModel

/// The direct case-file writer is a fast path of `JSONEncoder`, never a second format: on every
/// case of the demo centre and of a simulated month, and on the same cases with every field set
/// and with awkward text, it writes exactly `JSONEncoder`'s bytes or leaves the case to it.
@Suite struct CaseFileWriterTests {
    /// What `RecordJSON.encode` wrote before the direct writer: `JSONEncoder`, keys sorted,
    /// pretty printed, slashes as they are, a final newline.
    static func foundation(_ file: CaseFile) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(file)
        data.append(0x0A)
        return data
    }

    /// The demo centre's cases (`make demo`'s simulation, bulk and unsigned: the same files).
    static func demoCaseFiles() throws -> [Data] {
        try CaseFileReaderTests.simulatedCaseFiles(["--months", "3", "--seed", "11", "--cases-per-day", "8", "--start", "2026-09",
                                                    "--until", "2026-11-20T17:00:00+08:00"])
    }

    /// Checks one case: the writer's bytes are JSONEncoder's, or it gave up on a case it does not
    /// write (and only then). Returns whether it wrote the case.
    @discardableResult
    static func check(_ file: CaseFile, _ note: @autoclosure () -> String = "") throws -> Bool {
        let direct = CaseFileWriter.write(file)
        #expect((direct == nil) == CaseFileWriter.givesUp(file), "\(file.id) \(note())")
        let expected = try foundation(file)
        if let direct {
            #expect(direct == expected, "\(file.id) \(note()): \(String(decoding: direct.prefix(400), as: UTF8.self))")
        }
        #expect(try RecordJSON.encode(file) == expected, "\(file.id) \(note())")
        return direct != nil
    }

    @Test func writesEveryDemoAndSimulatedCaseAsJSONEncoderDoes() throws {
        let files = try CaseFileWriterTests.demoCaseFiles() + CaseFileReaderTests.simulatedCaseFiles()
        #expect(files.count > 500)
        var written = 0, special = 0
        var actions: Set<Action> = []
        for data in files {
            let file = try JSONDecoder().decode(CaseFile.self, from: data)
            if try CaseFileWriterTests.check(file) {
                written += 1
                file.events.forEach { actions.insert($0.action) }
            } else {
                // The special requests' and inspections' fields: left to JSONEncoder (checked above).
                special += 1
            }
            // The redacted form (personal data left out) stays JSONEncoder's.
            let redacted = try RecordJSON.encode(file, redacted: true)
            #expect(!String(decoding: redacted, as: UTF8.self).contains("\"sealed\""))
        }
        #expect(written > files.count * 9 / 10, "the writer left most cases to JSONEncoder")
        #expect(special > 0, "the demo centre has special requests or inspections")
        for action in [Action.open, .dispatch, .escalate, .resolve, .revisit, .close, .breach, .note] {
            #expect(actions.contains(action), "no \(action.rawValue) event among the cases written")
        }
    }

    /// Every field the writer writes set at once, on every event kind, with text that needs
    /// escaping: control characters, quotes, backslashes, slashes, Chinese, emoji, U+2028.
    @Test func writesEveryFieldAndAwkwardTextAsJSONEncoderDoes() throws {
        let (resident, raw) = ResidentKey.generate()
        let key = try ResidentKey(resident: resident, rawKey: raw)
        let contact = try Contact(name: "王小明", phone: "13812345678", key: key)
        let t = Timestamp(date: Date(timeIntervalSince1970: 1_790_000_000), offsetSeconds: 8 * 3600)
        let texts = ["plain", "", "报修 / 漏水 \"急\" \\ 反斜杠", "tab\there\nnew line\r\u{8}\u{C}\u{1}\u{1F}\u{7F}",
                     "emoji 😀 \u{2028}\u{2029} é ﬁ", "</script>&<>'", String(repeating: "长", count: 300)]
        let planned = PlannedRevisit(due: t, by: [.director, .manager], modes: [.home, .phone], clause: "002 篇2 §4.1.1", doneAt: t,
                                     notBefore: t, provisional: [2027, 2028])
        let deadline = Deadline(step: "resolve", due: t, clause: "002 篇5 §5.2.1", escalateTo: .manager, breachedAt: t, since: t, provisional: [2027])
        var checked = 0
        for text in texts {
            let intake = Intake(receivedAt: t, channel: .phone, kind: .complaint, severity: .important, repairSize: .small, unit: text,
                                reporter: contact, summary: text, details: text, requestedBy: t, firstResponder: "li.na", cause: Cause.allCases.first)
            var open = Event(at: t, by: "li.na", action: .open)
            open.intake = intake
            open.deadlines = [deadline, Deadline(step: "answer", due: t, clause: text)]
            open.profile = "residential@2026-12-02.5"
            var events = [open]
            for action in Action.allCases where action != .open {
                var e = Event(at: t, by: StaffID(rawValue: text.isEmpty ? "x" : "wang.wei"), action: action)
                e.deadlines = [deadline]
                e.profile = text
                e.department = Department.allCases.first
                e.assignee = "zhao.lei"
                e.text = text
                e.ownerInformed = true
                e.level = .manager
                e.reason = text
                e.result = text
                e.customerConfirmed = false
                e.rating = -3
                e.revisitsPlanned = [planned, planned]
                e.mode = .letter
                e.satisfied = false
                e.notes = text
                e.agency = text
                e.kind = .repair
                e.severity = .minor
                e.repairSize = .large
                e.cause = Cause.allCases.last
                e.valid = true
                e.step = text
                e.directorInformed = true
                e.correction = Correction(field: .reporter, from: "王先生", to: "王女士", contact: contact)
                e.value = text
                e.passed = false
                e.against = "sun.li"
                e.recordedAt = t
                e.lateReason = text
                events.append(e)
            }
            let state = CaseState(status: .open, level: .desk, department: .engineering, holder: "li.na", deadlines: [deadline],
                                  profile: text, revisitsPlanned: [planned], revisits: [RevisitRecord(at: t, by: "li.na", mode: .phone, satisfied: true, notes: text)],
                                  resolution: Resolution(at: t, by: "li.na", result: text, customerConfirmed: true, rating: 5),
                                  referral: Referral(at: t, agency: text), ownerInformedAt: t, reopenCount: 12, unresolvableReason: text,
                                  valid: false, closedAt: t, updatedAt: t, against: "sun.li")
            let file = CaseFile(format: CaseFile.format, id: "C-20261001-A01-0001", intake: intake, state: state, events: events)
            #expect(try CaseFileWriterTests.check(file, "text \(text.debugDescription.prefix(40))"))
            // And with every optional left out and every list empty.
            let bare = CaseFile(format: text, id: "C-1", intake: Intake(receivedAt: t, channel: .visit, kind: .inquiry, reporter: contact, summary: text, firstResponder: "li.na"),
                                state: CaseState(status: .closed, level: .desk, holder: "li.na", deadlines: [], profile: "", revisitsPlanned: [], revisits: [],
                                                 reopenCount: 0, updatedAt: t),
                                events: [Event(at: t, by: "li.na", action: .note)])
            #expect(try CaseFileWriterTests.check(bare, "bare \(text.debugDescription.prefix(40))"))
            checked += 2
        }
        #expect(checked == texts.count * 2)
    }

    /// The stored properties of every type the writer writes, as it knows them: a property added
    /// to one of these types fails here until the writer writes it (or gives up on it).
    @Test func knowsEveryStoredProperty() throws {
        func labels(_ value: Any) -> [String] { Mirror(reflecting: value).children.compactMap(\.label).sorted() }
        let t = Timestamp(date: Date(timeIntervalSince1970: 0), offsetSeconds: 0)
        let (resident, raw) = ResidentKey.generate()
        let contact = try Contact(name: "王小明", phone: nil, key: try ResidentKey(resident: resident, rawKey: raw))
        let intake = Intake(receivedAt: t, channel: .phone, kind: .inquiry, reporter: contact, summary: "s", firstResponder: "a")
        let state = CaseState(status: .open, level: .desk, holder: "a", deadlines: [], profile: "", revisitsPlanned: [], revisits: [], reopenCount: 0, updatedAt: t)
        let file = CaseFile(format: CaseFile.format, id: "C-1", intake: intake, state: state, events: [])
        #expect(labels(file) == ["events", "format", "id", "intake", "state"])
        #expect(labels(intake) == ["cause", "channel", "details", "emergency", "firstResponder", "inspection", "judicial", "kind", "receivedAt",
                                   "repairSize", "reporter", "requestedBy", "severity", "summary", "unit"])
        #expect(labels(contact) == ["nameDisplay", "phoneMasked", "resident", "sealed"])
        #expect(labels(state) == ["against", "approval", "checklist", "closedAt", "deadlines", "department", "holder", "level", "ownerInformedAt",
                                  "profile", "referral", "reopenCount", "resolution", "revisits", "revisitsPlanned", "status", "unresolvableReason",
                                  "updatedAt", "valid", "verifications"])
        #expect(labels(Deadline(step: "", due: t, clause: "")) == ["breachedAt", "clause", "due", "escalateTo", "provisional", "since", "step"])
        #expect(labels(PlannedRevisit(due: t, by: [], modes: [], clause: "")) == ["by", "clause", "doneAt", "due", "modes", "notBefore", "provisional"])
        #expect(labels(RevisitRecord(at: t, by: "a", mode: .phone, satisfied: true, notes: nil)) == ["at", "by", "mode", "notes", "satisfied"])
        #expect(labels(Resolution(at: t, by: "a", result: "", customerConfirmed: true, rating: nil)) == ["at", "by", "customerConfirmed", "rating", "result"])
        #expect(labels(Referral(at: t, agency: "")) == ["agency", "at"])
        #expect(labels(Correction(field: .unit, from: "", to: "")) == ["contact", "field", "from", "to"])
        #expect(labels(Event(at: t, by: "a", action: .note)) == [
            "action", "against", "agency", "assignee", "at", "by", "cause", "correction", "customerConfirmed", "deadlines", "department",
            "directorInformed", "intake", "item", "kind", "lateReason", "level", "mode", "notes", "ownerInformed", "passed", "profile", "rating",
            "reason", "recordedAt", "repairSize", "result", "revisitsPlanned", "satisfied", "severity", "step", "text", "valid", "value",
        ])
    }
}
