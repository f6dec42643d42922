import Foundation

/// Reads a case file straight from its bytes into a `CaseFile`, without `JSONDecoder`.
///
/// Every whole-repository read (list, sweep, the dashboard, a sample's check in a push) decodes
/// every case file, and Foundation's `JSONDecoder` spends about half a millisecond of CPU on one
/// (Codable's generic machinery, not the JSON): a 100,000-case repository is most of a minute
/// of decoding. This reader knows the case file's shape and builds the values directly.
///
/// It is a fast path, not a second definition of the format: it accepts only what it fully
/// understands — every key known, every value of the expected JSON type, no duplicate keys,
/// valid UTF-8 — and gives up (`nil`) on anything else, so that `RecordJSON.decode` falls back to
/// `JSONDecoder`, which then decodes the file or names its fault exactly as before. A field added
/// to the model and not yet known here is an unknown key: the file is still read, only slower.
/// The checks that `Decodable` conformances make beyond types (a timestamp's form, a contact's
/// seal and display forms) are the same functions here. A test keeps both paths equal on every
/// case file of a simulated service centre and on damaged copies of them.
enum CaseFileReader {
    /// The case file in `data`, or nil where `JSONDecoder` must decide.
    static func read(_ data: Data) -> CaseFile? {
        whole(data) { r throws(GiveUp) in try r.caseFile() }
    }

    /// What `read` makes of all of `data` (this and the other direct readers: settings, staff,
    /// procedures, calendar), or nil where it gives up or bytes are left after the value.
    static func whole<T>(_ data: Data, _ read: (inout Reader) throws(GiveUp) -> T) -> T? {
        data.withUnsafeBytes { raw -> T? in
            var r = Reader(bytes: raw.bindMemory(to: UInt8.self))
            guard let value = try? read(&r), (try? r.end()) != nil else { return nil }
            return value
        }
    }

    /// Anything this reader leaves to `JSONDecoder`.
    struct GiveUp: Error {}

    struct Reader {
        /// Named for the readers' extensions of `Reader` in other files (settings, staff, procedures, calendar).
        typealias GiveUp = CaseFileReader.GiveUp

        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        // MARK: - JSON

        mutating func space() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        }

        mutating func end() throws(GiveUp) {
            space()
            guard i == bytes.count else { throw GiveUp() }
        }

        /// Consumes `byte` (after white space) or gives up.
        mutating func expect(_ byte: UInt8) throws(GiveUp) {
            space()
            guard i < bytes.count, bytes[i] == byte else { throw GiveUp() }
            i += 1
        }

        /// Whether the next value is `null` (consumed if so).
        mutating func null() -> Bool {
            space()
            guard i + 4 <= bytes.count, bytes[i] == 0x6E, bytes[i + 1] == 0x75, bytes[i + 2] == 0x6C, bytes[i + 3] == 0x6C else { return false }
            i += 4
            return true
        }

        mutating func string() throws(GiveUp) -> String {
            try expect(0x22)
            let start = i
            while i < bytes.count, bytes[i] != 0x22, bytes[i] != 0x5C, bytes[i] >= 0x20 { i += 1 }
            guard i < bytes.count else { throw GiveUp() }
            if bytes[i] == 0x22 {
                defer { i += 1 }
                guard let s = String(validating: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self) else { throw GiveUp() }
                return s
            }
            // Escapes: the slow part of the string, byte by byte.
            var out = Array(bytes[start..<i])
            while true {
                guard i < bytes.count else { throw GiveUp() }
                let b = bytes[i]
                i += 1
                switch b {
                case 0x22:
                    guard let s = String(validating: out, as: UTF8.self) else { throw GiveUp() }
                    return s
                case 0x5C:
                    guard i < bytes.count else { throw GiveUp() }
                    let e = bytes[i]
                    i += 1
                    switch e {
                    case 0x22, 0x5C, 0x2F: out.append(e)
                    case 0x62: out.append(0x08)
                    case 0x66: out.append(0x0C)
                    case 0x6E: out.append(0x0A)
                    case 0x72: out.append(0x0D)
                    case 0x74: out.append(0x09)
                    case 0x75:
                        var scalar = try hex4()
                        if (0xD800..<0xDC00).contains(scalar) {
                            guard i + 2 <= bytes.count, bytes[i] == 0x5C, bytes[i + 1] == 0x75 else { throw GiveUp() }
                            i += 2
                            let low = try hex4()
                            guard (0xDC00..<0xE000).contains(low) else { throw GiveUp() }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let u = Unicode.Scalar(scalar) else { throw GiveUp() }
                        out.append(contentsOf: UTF8.encode(u).map(Array.init) ?? [])
                    default: throw GiveUp()
                    }
                default:
                    guard b >= 0x20 else { throw GiveUp() }
                    out.append(b)
                }
            }
        }

        mutating func hex4() throws(GiveUp) -> UInt32 {
            guard i + 4 <= bytes.count else { throw GiveUp() }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let c = bytes[i]
                i += 1
                let d: UInt8 = switch c {
                case 0x30...0x39: c - 0x30
                case 0x41...0x46: c - 0x41 + 10
                case 0x61...0x66: c - 0x61 + 10
                default: throw GiveUp()
                }
                v = v << 4 | UInt32(d)
            }
            return v
        }

        /// A plain integer (optional minus, digits, no fraction or exponent).
        mutating func int() throws(GiveUp) -> Int {
            space()
            var negative = false
            if i < bytes.count, bytes[i] == 0x2D { negative = true; i += 1 }
            let start = i
            var v = 0
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                guard i - start < 15 else { throw GiveUp() }
                v = v * 10 + Int(bytes[i] - 0x30)
                i += 1
            }
            guard i > start, i == start + 1 || bytes[start] != 0x30 else { throw GiveUp() }
            if i < bytes.count, bytes[i] == 0x2E || bytes[i] == 0x65 || bytes[i] == 0x45 { throw GiveUp() }
            return negative ? -v : v
        }

        mutating func bool() throws(GiveUp) -> Bool {
            space()
            if i + 4 <= bytes.count, bytes[i] == 0x74, bytes[i + 1] == 0x72, bytes[i + 2] == 0x75, bytes[i + 3] == 0x65 {
                i += 4
                return true
            }
            if i + 5 <= bytes.count, bytes[i] == 0x66, bytes[i + 1] == 0x61, bytes[i + 2] == 0x6C, bytes[i + 3] == 0x73, bytes[i + 4] == 0x65 {
                i += 5
                return false
            }
            throw GiveUp()
        }

        /// Calls `field` with each key of an object, the reader at its value; a key twice gives up.
        mutating func object(_ field: (inout Reader, String) throws(GiveUp) -> Void) throws(GiveUp) {
            try expect(0x7B)
            space()
            if i < bytes.count, bytes[i] == 0x7D { i += 1; return }
            var seen: [String] = []
            while true {
                let key = try string()
                guard !seen.contains(key) else { throw GiveUp() }
                seen.append(key)
                try expect(0x3A)
                try field(&self, key)
                space()
                guard i < bytes.count else { throw GiveUp() }
                if bytes[i] == 0x2C { i += 1; continue }
                if bytes[i] == 0x7D { i += 1; return }
                throw GiveUp()
            }
        }

        mutating func array<T>(_ element: (inout Reader) throws(GiveUp) -> T) throws(GiveUp) -> [T] {
            try expect(0x5B)
            space()
            var out: [T] = []
            if i < bytes.count, bytes[i] == 0x5D { i += 1; return out }
            while true {
                out.append(try element(&self))
                space()
                guard i < bytes.count else { throw GiveUp() }
                if bytes[i] == 0x2C { i += 1; continue }
                if bytes[i] == 0x5D { i += 1; return out }
                throw GiveUp()
            }
        }

        /// `read` unless the value is `null` (what `decodeIfPresent` does).
        mutating func optional<T>(_ read: (inout Reader) throws(GiveUp) -> T) throws(GiveUp) -> T? {
            null() ? nil : try read(&self)
        }

        // MARK: - Values of the domain

        mutating func raw<T: RawRepresentable>(_: T.Type) throws(GiveUp) -> T where T.RawValue == String {
            guard let v = T(rawValue: try string()) else { throw GiveUp() }
            return v
        }

        mutating func time() throws(GiveUp) -> Timestamp {
            guard let t = Timestamp.decoded(from: try string()) else { throw GiveUp() }
            return t
        }

        mutating func staff() throws(GiveUp) -> StaffID { StaffID(rawValue: try string()) }

        /// A required field: present and not null.
        static func need<T>(_ value: T?) throws(GiveUp) -> T {
            guard let value else { throw GiveUp() }
            return value
        }

        mutating func caseFile() throws(GiveUp) -> CaseFile {
            var format: String?, id: CaseID?, intake: Intake?, state: CaseState?, events: [Event]?
            try object { r, key throws(GiveUp) in
                switch key {
                case "format": format = try r.string()
                case "id": id = CaseID(rawValue: try r.string())
                case "intake": intake = try r.intake()
                case "state": state = try r.state()
                case "events": events = try r.array { r throws(GiveUp) in try r.event() }
                default: throw GiveUp()
                }
            }
            return CaseFile(format: try Reader.need(format), id: try Reader.need(id), intake: try Reader.need(intake),
                            state: try Reader.need(state), events: try Reader.need(events))
        }

        mutating func intake() throws(GiveUp) -> Intake {
            var receivedAt: Timestamp?, channel: Channel?, kind: Kind?, severity: Severity?, repairSize: RepairSize?
            var unit: String?, reporter: Contact?, cause: Cause?, summary: String?, details: String?
            var requestedBy: Timestamp?, firstResponder: StaffID?, emergency: EmergencyType?
            try object { r, key throws(GiveUp) in
                switch key {
                case "receivedAt": receivedAt = try r.time()
                case "channel": channel = try r.raw(Channel.self)
                case "kind": kind = try r.raw(Kind.self)
                case "severity": severity = try r.optional { r throws(GiveUp) in try r.raw(Severity.self) }
                case "repairSize": repairSize = try r.optional { r throws(GiveUp) in try r.raw(RepairSize.self) }
                case "unit": unit = try r.optional { r throws(GiveUp) in try r.string() }
                case "reporter": reporter = try r.contact()
                case "cause": cause = try r.optional { r throws(GiveUp) in try r.raw(Cause.self) }
                case "summary": summary = try r.string()
                case "details": details = try r.optional { r throws(GiveUp) in try r.string() }
                case "requestedBy": requestedBy = try r.optional { r throws(GiveUp) in try r.time() }
                case "firstResponder": firstResponder = try r.staff()
                case "emergency": emergency = try r.optional { r throws(GiveUp) in try r.raw(EmergencyType.self) }
                default: throw GiveUp()
                }
            }
            return Intake(receivedAt: try Reader.need(receivedAt), channel: try Reader.need(channel), kind: try Reader.need(kind),
                          severity: severity, repairSize: repairSize, unit: unit, reporter: try Reader.need(reporter),
                          summary: try Reader.need(summary), details: details, requestedBy: requestedBy,
                          firstResponder: try Reader.need(firstResponder), cause: cause, emergency: emergency)
        }

        mutating func contact() throws(GiveUp) -> Contact {
            var resident: String?, sealed: String?, nameDisplay: String?, phoneMasked: String?
            try object { r, key throws(GiveUp) in
                switch key {
                case "resident": resident = try r.string()
                case "sealed": sealed = try r.string()
                case "nameDisplay": nameDisplay = try r.string()
                case "phoneMasked": phoneMasked = try r.optional { r throws(GiveUp) in try r.string() }
                default: throw GiveUp()
                }
            }
            let contact = Contact(resident: ResidentID(rawValue: try Reader.need(resident)), sealed: try Reader.need(sealed),
                                  nameDisplay: try Reader.need(nameDisplay), phoneMasked: phoneMasked)
            guard contact.problem == nil else { throw GiveUp() }
            return contact
        }

        mutating func state() throws(GiveUp) -> CaseState {
            var status: Status?, level: Level?, department: Department?, holder: StaffID?, deadlines: [Deadline]?
            var profile: String?, revisitsPlanned: [PlannedRevisit]?, revisits: [RevisitRecord]?, resolution: Resolution?
            var referral: Referral?, ownerInformedAt: Timestamp?, reopenCount: Int?, unresolvableReason: String?
            var valid: Bool?, closedAt: Timestamp?, updatedAt: Timestamp?, checklist: [ChecklistEntry]?
            try object { r, key throws(GiveUp) in
                switch key {
                case "status": status = try r.raw(Status.self)
                case "level": level = try r.raw(Level.self)
                case "department": department = try r.optional { r throws(GiveUp) in try r.raw(Department.self) }
                case "holder": holder = try r.staff()
                case "deadlines": deadlines = try r.array { r throws(GiveUp) in try r.deadline() }
                case "profile": profile = try r.string()
                case "revisitsPlanned": revisitsPlanned = try r.array { r throws(GiveUp) in try r.plannedRevisit() }
                case "revisits": revisits = try r.array { r throws(GiveUp) in try r.revisitRecord() }
                case "resolution": resolution = try r.optional { r throws(GiveUp) in try r.resolution() }
                case "referral": referral = try r.optional { r throws(GiveUp) in try r.referral() }
                case "ownerInformedAt": ownerInformedAt = try r.optional { r throws(GiveUp) in try r.time() }
                case "reopenCount": reopenCount = try r.int()
                case "unresolvableReason": unresolvableReason = try r.optional { r throws(GiveUp) in try r.string() }
                case "valid": valid = try r.optional { r throws(GiveUp) in try r.bool() }
                case "closedAt": closedAt = try r.optional { r throws(GiveUp) in try r.time() }
                case "updatedAt": updatedAt = try r.time()
                case "checklist": checklist = try r.optional { r throws(GiveUp) in try r.array { r throws(GiveUp) in try r.checklistEntry() } }
                default: throw GiveUp()
                }
            }
            var state = CaseState(status: try Reader.need(status), level: try Reader.need(level), department: department,
                             holder: try Reader.need(holder), deadlines: try Reader.need(deadlines), profile: try Reader.need(profile),
                             revisitsPlanned: try Reader.need(revisitsPlanned), revisits: try Reader.need(revisits),
                             resolution: resolution, referral: referral, ownerInformedAt: ownerInformedAt,
                             reopenCount: try Reader.need(reopenCount), unresolvableReason: unresolvableReason, valid: valid,
                             closedAt: closedAt, updatedAt: try Reader.need(updatedAt))
            state.checklist = checklist
            return state
        }

        /// An emergency's checklist item done (001 §5.6.6, §5.6.8, §5.6.9).
        mutating func checklistEntry() throws(GiveUp) -> ChecklistEntry {
            var item: ChecklistItem?, at: Timestamp?, by: StaffID?, value: String?
            try object { r, key throws(GiveUp) in
                switch key {
                case "item": item = try r.raw(ChecklistItem.self)
                case "at": at = try r.time()
                case "by": by = try r.staff()
                case "value": value = try r.optional { r throws(GiveUp) in try r.string() }
                default: throw GiveUp()
                }
            }
            return ChecklistEntry(item: try Reader.need(item), at: try Reader.need(at), by: try Reader.need(by), value: value)
        }

        mutating func deadline() throws(GiveUp) -> Deadline {
            var step: String?, due: Timestamp?, clause: String?, escalateTo: Level?, breachedAt: Timestamp?, provisional: [Int]?
            try object { r, key throws(GiveUp) in
                switch key {
                case "step": step = try r.string()
                case "due": due = try r.time()
                case "clause": clause = try r.string()
                case "escalateTo": escalateTo = try r.optional { r throws(GiveUp) in try r.raw(Level.self) }
                case "breachedAt": breachedAt = try r.optional { r throws(GiveUp) in try r.time() }
                case "provisional": provisional = try r.optional { r throws(GiveUp) in try r.array { r throws(GiveUp) in try r.int() } }
                default: throw GiveUp()
                }
            }
            return Deadline(step: try Reader.need(step), due: try Reader.need(due), clause: try Reader.need(clause),
                            escalateTo: escalateTo, breachedAt: breachedAt, provisional: provisional)
        }

        mutating func plannedRevisit() throws(GiveUp) -> PlannedRevisit {
            var notBefore: Timestamp?, due: Timestamp?, by: [Role]?, modes: [RevisitMode]?, clause: String?, doneAt: Timestamp?
            var provisional: [Int]?
            try object { r, key throws(GiveUp) in
                switch key {
                case "notBefore": notBefore = try r.optional { r throws(GiveUp) in try r.time() }
                case "due": due = try r.time()
                case "by": by = try r.array { r throws(GiveUp) in try r.raw(Role.self) }
                case "modes": modes = try r.array { r throws(GiveUp) in try r.raw(RevisitMode.self) }
                case "clause": clause = try r.string()
                case "doneAt": doneAt = try r.optional { r throws(GiveUp) in try r.time() }
                case "provisional": provisional = try r.optional { r throws(GiveUp) in try r.array { r throws(GiveUp) in try r.int() } }
                default: throw GiveUp()
                }
            }
            return PlannedRevisit(due: try Reader.need(due), by: try Reader.need(by), modes: try Reader.need(modes),
                                  clause: try Reader.need(clause), doneAt: doneAt, notBefore: notBefore, provisional: provisional)
        }

        mutating func revisitRecord() throws(GiveUp) -> RevisitRecord {
            var at: Timestamp?, by: StaffID?, mode: RevisitMode?, satisfied: Bool?, notes: String?
            try object { r, key throws(GiveUp) in
                switch key {
                case "at": at = try r.time()
                case "by": by = try r.staff()
                case "mode": mode = try r.raw(RevisitMode.self)
                case "satisfied": satisfied = try r.bool()
                case "notes": notes = try r.optional { r throws(GiveUp) in try r.string() }
                default: throw GiveUp()
                }
            }
            return RevisitRecord(at: try Reader.need(at), by: try Reader.need(by), mode: try Reader.need(mode),
                                 satisfied: try Reader.need(satisfied), notes: notes)
        }

        mutating func resolution() throws(GiveUp) -> Resolution {
            var at: Timestamp?, by: StaffID?, result: String?, customerConfirmed: Bool?, rating: Int?
            try object { r, key throws(GiveUp) in
                switch key {
                case "at": at = try r.time()
                case "by": by = try r.staff()
                case "result": result = try r.string()
                case "customerConfirmed": customerConfirmed = try r.bool()
                case "rating": rating = try r.optional { r throws(GiveUp) in try r.int() }
                default: throw GiveUp()
                }
            }
            return Resolution(at: try Reader.need(at), by: try Reader.need(by), result: try Reader.need(result),
                              customerConfirmed: try Reader.need(customerConfirmed), rating: rating)
        }

        mutating func referral() throws(GiveUp) -> Referral {
            var at: Timestamp?, agency: String?
            try object { r, key throws(GiveUp) in
                switch key {
                case "at": at = try r.time()
                case "agency": agency = try r.string()
                default: throw GiveUp()
                }
            }
            return Referral(at: try Reader.need(at), agency: try Reader.need(agency))
        }

        mutating func correction() throws(GiveUp) -> Correction {
            var field: Correction.Field?, from: String?, to: String?, contact: Contact?
            try object { r, key throws(GiveUp) in
                switch key {
                case "field": field = try r.raw(Correction.Field.self)
                case "from": from = try r.string()
                case "to": to = try r.string()
                case "contact": contact = try r.optional { r throws(GiveUp) in try r.contact() }
                default: throw GiveUp()
                }
            }
            return Correction(field: try Reader.need(field), from: try Reader.need(from), to: try Reader.need(to), contact: contact)
        }

        mutating func event() throws(GiveUp) -> Event {
            var at: Timestamp?, by: StaffID?, action: Action?
            var e = Event(at: Timestamp(date: Date(timeIntervalSince1970: 0), offsetSeconds: 0), by: "", action: .note)
            try object { r, key throws(GiveUp) in
                switch key {
                case "at": at = try r.time()
                case "by": by = try r.staff()
                case "action": action = try r.raw(Action.self)
                case "intake": e.intake = try r.optional { r throws(GiveUp) in try r.intake() }
                case "deadlines": e.deadlines = try r.optional { r throws(GiveUp) in try r.array { r throws(GiveUp) in try r.deadline() } }
                case "profile": e.profile = try r.optional { r throws(GiveUp) in try r.string() }
                case "department": e.department = try r.optional { r throws(GiveUp) in try r.raw(Department.self) }
                case "assignee": e.assignee = try r.optional { r throws(GiveUp) in try r.staff() }
                case "text": e.text = try r.optional { r throws(GiveUp) in try r.string() }
                case "ownerInformed": e.ownerInformed = try r.optional { r throws(GiveUp) in try r.bool() }
                case "level": e.level = try r.optional { r throws(GiveUp) in try r.raw(Level.self) }
                case "reason": e.reason = try r.optional { r throws(GiveUp) in try r.string() }
                case "result": e.result = try r.optional { r throws(GiveUp) in try r.string() }
                case "customerConfirmed": e.customerConfirmed = try r.optional { r throws(GiveUp) in try r.bool() }
                case "rating": e.rating = try r.optional { r throws(GiveUp) in try r.int() }
                case "revisitsPlanned": e.revisitsPlanned = try r.optional { r throws(GiveUp) in try r.array { r throws(GiveUp) in try r.plannedRevisit() } }
                case "mode": e.mode = try r.optional { r throws(GiveUp) in try r.raw(RevisitMode.self) }
                case "satisfied": e.satisfied = try r.optional { r throws(GiveUp) in try r.bool() }
                case "notes": e.notes = try r.optional { r throws(GiveUp) in try r.string() }
                case "agency": e.agency = try r.optional { r throws(GiveUp) in try r.string() }
                case "kind": e.kind = try r.optional { r throws(GiveUp) in try r.raw(Kind.self) }
                case "severity": e.severity = try r.optional { r throws(GiveUp) in try r.raw(Severity.self) }
                case "repairSize": e.repairSize = try r.optional { r throws(GiveUp) in try r.raw(RepairSize.self) }
                case "cause": e.cause = try r.optional { r throws(GiveUp) in try r.raw(Cause.self) }
                case "valid": e.valid = try r.optional { r throws(GiveUp) in try r.bool() }
                case "step": e.step = try r.optional { r throws(GiveUp) in try r.string() }
                case "directorInformed": e.directorInformed = try r.optional { r throws(GiveUp) in try r.bool() }
                case "correction": e.correction = try r.optional { r throws(GiveUp) in try r.correction() }
                case "recordedAt": e.recordedAt = try r.optional { r throws(GiveUp) in try r.time() }
                case "lateReason": e.lateReason = try r.optional { r throws(GiveUp) in try r.string() }
                case "item": e.item = try r.optional { r throws(GiveUp) in try r.raw(ChecklistItem.self) }
                case "value": e.value = try r.optional { r throws(GiveUp) in try r.string() }
                default: throw GiveUp()
                }
            }
            e.at = try Reader.need(at)
            e.by = try Reader.need(by)
            e.action = try Reader.need(action)
            return e
        }
    }
}
