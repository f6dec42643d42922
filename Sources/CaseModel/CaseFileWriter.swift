import Foundation

/// Writes a `CaseFile` straight into the bytes `RecordJSON.encode` makes of it, without
/// `JSONEncoder`.
///
/// Every step writes its case once, and Foundation's `JSONEncoder` spent about a tenth of a
/// short command's instructions on it (Codable's generic machinery and first-use type lookups,
/// not the JSON). This writer knows the case file's shape and its one layout: keys sorted,
/// two-space indentation, `" : "` between key and value, an empty list as `[`, a blank line and
/// `]`, absent optionals left out, strings escaped as `JSONEncoder` escapes them (`/` and
/// non-ASCII text as they are), a final newline.
///
/// It is a fast path, not a second definition of the format: a case holding what it does not
/// write (the special requests' and inspections' fields, as `CaseFileReader` does not read them)
/// gives nil, and `RecordJSON.encode` uses `JSONEncoder`. A field added to the model must be
/// added here or to `givesUp`; a test lists every stored property of each type written, and
/// compares both paths byte for byte on every case of simulated service centres.
package enum CaseFileWriter {
    /// The file's bytes, or nil where `JSONEncoder` must write them.
    static func write(_ file: CaseFile) -> Data? {
        guard !givesUp(file) else { return nil }
        var w = Writer()
        w.out.reserveCapacity(4096 + file.events.count * 512)
        w.caseFile(file)
        w.out.append(0x0A)
        return Data(w.out)
    }

    /// Whether `file` holds a value this writer leaves to `JSONEncoder`.
    static func givesUp(_ file: CaseFile) -> Bool {
        func special(_ intake: Intake) -> Bool { intake.inspection != nil || intake.emergency != nil || intake.judicial != nil }
        if special(file.intake) { return true }
        if file.state.checklist != nil || file.state.verifications != nil || file.state.approval != nil { return true }
        return file.events.contains { e in e.item != nil || e.intake.map(special) == true }
    }

    /// The JSON layout itself, for the other files written directly in it (the site's feed rows).
    package struct Writer {
        package var out: [UInt8] = []
        /// Open objects and lists (the indentation a member's line starts at, two spaces each).
        package var depth = 0
        /// Whether the innermost open object or list has no member yet.
        var empty = true

        package init() {}

        // MARK: - JSON

        mutating func indent() {
            for _ in 0..<depth { out.append(0x20); out.append(0x20) }
        }

        /// Starts the next member of the innermost object or list: a comma after the one before,
        /// a line of its own.
        package mutating func member() {
            if !empty { out.append(0x2C) }
            empty = false
            out.append(0x0A)
            indent()
        }

        /// `{ … }` or `[ … ]` around what `body` writes.
        package mutating func nest(_ open: UInt8, _ close: UInt8, _ body: (inout Writer) -> Void) {
            out.append(open)
            let outer = empty
            depth += 1
            empty = true
            body(&self)
            // An empty object or list is written with a blank line inside, as JSONEncoder does.
            if empty { out.append(0x0A) }
            depth -= 1
            out.append(0x0A)
            indent()
            out.append(close)
            empty = outer
        }

        package mutating func object(_ body: (inout Writer) -> Void) { nest(0x7B, 0x7D, body) }

        package mutating func list<T>(_ items: [T], _ item: (inout Writer, T) -> Void) {
            nest(0x5B, 0x5D) { w in
                for x in items {
                    w.member()
                    item(&w, x)
                }
            }
        }

        /// `"key" : ` on a line of its own. Keys are plain ASCII names, written as they are.
        package mutating func key(_ name: StaticString) {
            member()
            out.append(0x22)
            name.withUTF8Buffer { out.append(contentsOf: $0) }
            out.append(contentsOf: [0x22, 0x20, 0x3A, 0x20])
        }

        package mutating func string(_ text: String) {
            out.append(0x22)
            for byte in text.utf8 {
                switch byte {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x08: out.append(contentsOf: [0x5C, 0x62])
                case 0x0C: out.append(contentsOf: [0x5C, 0x66])
                case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: out.append(contentsOf: [0x5C, 0x72])
                case 0x09: out.append(contentsOf: [0x5C, 0x74])
                case 0x00..<0x20:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
                default: out.append(byte)
                }
            }
            out.append(0x22)
        }

        package mutating func int(_ value: Int) { out.append(contentsOf: String(value).utf8) }

        package mutating func bool(_ value: Bool) { out.append(contentsOf: value ? Array("true".utf8) : Array("false".utf8)) }

        // MARK: - Fields

        package mutating func field(_ name: StaticString, _ value: String?) {
            guard let value else { return }
            key(name)
            string(value)
        }

        mutating func field<T: RawRepresentable>(_ name: StaticString, _ value: T?) where T.RawValue == String {
            field(name, value?.rawValue)
        }

        package mutating func field(_ name: StaticString, _ value: Timestamp?) { field(name, value?.description) }

        package mutating func field(_ name: StaticString, _ value: Int?) {
            guard let value else { return }
            key(name)
            int(value)
        }

        package mutating func field(_ name: StaticString, _ value: Bool?) {
            guard let value else { return }
            key(name)
            bool(value)
        }

        mutating func field(_ name: StaticString, ints: [Int]?) {
            guard let ints else { return }
            key(name)
            list(ints) { w, v in w.int(v) }
        }

        mutating func field<T: RawRepresentable>(_ name: StaticString, raws: [T]) where T.RawValue == String {
            key(name)
            list(raws) { w, v in w.string(v.rawValue) }
        }

        // MARK: - Values of the domain (keys in sorted order)

        mutating func caseFile(_ f: CaseFile) {
            object { w in
                w.key("events")
                w.list(f.events) { w, e in w.event(e) }
                w.field("format", f.format)
                w.field("id", f.id.rawValue)
                w.key("intake")
                w.intake(f.intake)
                w.key("state")
                w.state(f.state)
            }
        }

        mutating func intake(_ i: Intake) {
            object { w in
                w.field("cause", i.cause)
                w.field("channel", i.channel)
                w.field("details", i.details)
                w.field("firstResponder", i.firstResponder.rawValue)
                w.field("kind", i.kind)
                w.field("receivedAt", i.receivedAt)
                w.field("repairSize", i.repairSize)
                w.key("reporter")
                w.contact(i.reporter)
                w.field("requestedBy", i.requestedBy)
                w.field("severity", i.severity)
                w.field("summary", i.summary)
                w.field("unit", i.unit)
            }
        }

        mutating func contact(_ c: Contact) {
            object { w in
                w.field("nameDisplay", c.nameDisplay)
                w.field("phoneMasked", c.phoneMasked)
                w.field("resident", c.resident.rawValue)
                w.field("sealed", c.sealed)
            }
        }

        mutating func state(_ s: CaseState) {
            object { w in
                w.field("against", s.against?.rawValue)
                w.field("closedAt", s.closedAt)
                w.key("deadlines")
                w.list(s.deadlines) { w, d in w.deadline(d) }
                w.field("department", s.department)
                w.field("holder", s.holder.rawValue)
                w.field("level", s.level)
                w.field("ownerInformedAt", s.ownerInformedAt)
                w.field("profile", s.profile)
                if let referral = s.referral {
                    w.key("referral")
                    w.object { w in
                        w.field("agency", referral.agency)
                        w.field("at", referral.at)
                    }
                }
                w.field("reopenCount", s.reopenCount)
                if let resolution = s.resolution {
                    w.key("resolution")
                    w.resolution(resolution)
                }
                w.key("revisits")
                w.list(s.revisits) { w, r in w.revisit(r) }
                w.key("revisitsPlanned")
                w.list(s.revisitsPlanned) { w, p in w.plannedRevisit(p) }
                w.field("status", s.status)
                w.field("unresolvableReason", s.unresolvableReason)
                w.field("updatedAt", s.updatedAt)
                w.field("valid", s.valid)
            }
        }

        mutating func deadline(_ d: Deadline) {
            object { w in
                w.field("breachedAt", d.breachedAt)
                w.field("clause", d.clause)
                w.field("due", d.due)
                w.field("escalateTo", d.escalateTo)
                w.field("provisional", ints: d.provisional)
                w.field("since", d.since)
                w.field("step", d.step)
            }
        }

        mutating func plannedRevisit(_ p: PlannedRevisit) {
            object { w in
                w.field("by", raws: p.by)
                w.field("clause", p.clause)
                w.field("doneAt", p.doneAt)
                w.field("due", p.due)
                w.field("modes", raws: p.modes)
                w.field("notBefore", p.notBefore)
                w.field("provisional", ints: p.provisional)
            }
        }

        mutating func revisit(_ r: RevisitRecord) {
            object { w in
                w.field("at", r.at)
                w.field("by", r.by.rawValue)
                w.field("mode", r.mode)
                w.field("notes", r.notes)
                w.field("satisfied", r.satisfied)
            }
        }

        mutating func resolution(_ r: Resolution) {
            object { w in
                w.field("at", r.at)
                w.field("by", r.by.rawValue)
                w.field("customerConfirmed", r.customerConfirmed)
                w.field("rating", r.rating)
                w.field("result", r.result)
            }
        }

        mutating func correction(_ c: Correction) {
            object { w in
                if let contact = c.contact {
                    w.key("contact")
                    w.contact(contact)
                }
                w.field("field", c.field)
                w.field("from", c.from)
                w.field("to", c.to)
            }
        }

        mutating func event(_ e: Event) {
            object { w in
                w.field("action", e.action)
                w.field("against", e.against?.rawValue)
                w.field("agency", e.agency)
                w.field("assignee", e.assignee?.rawValue)
                w.field("at", e.at)
                w.field("by", e.by.rawValue)
                w.field("cause", e.cause)
                if let correction = e.correction {
                    w.key("correction")
                    w.correction(correction)
                }
                w.field("customerConfirmed", e.customerConfirmed)
                if let deadlines = e.deadlines {
                    w.key("deadlines")
                    w.list(deadlines) { w, d in w.deadline(d) }
                }
                w.field("department", e.department)
                w.field("directorInformed", e.directorInformed)
                if let intake = e.intake {
                    w.key("intake")
                    w.intake(intake)
                }
                w.field("kind", e.kind)
                w.field("lateReason", e.lateReason)
                w.field("level", e.level)
                w.field("mode", e.mode)
                w.field("notes", e.notes)
                w.field("ownerInformed", e.ownerInformed)
                w.field("passed", e.passed)
                w.field("profile", e.profile)
                w.field("rating", e.rating)
                w.field("reason", e.reason)
                w.field("recordedAt", e.recordedAt)
                w.field("repairSize", e.repairSize)
                w.field("result", e.result)
                if let planned = e.revisitsPlanned {
                    w.key("revisitsPlanned")
                    w.list(planned) { w, p in w.plannedRevisit(p) }
                }
                w.field("satisfied", e.satisfied)
                w.field("severity", e.severity)
                w.field("step", e.step)
                w.field("text", e.text)
                w.field("valid", e.valid)
                w.field("value", e.value)
            }
        }
    }
}
