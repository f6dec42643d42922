import CaseModel
import Foundation
import Procedures

// MARK: - iCalendar (RFC 5545)

/// `revisits.ics`: one VEVENT per revisit still to be made. CRLF line endings, content lines
/// folded at 75 octets (never inside a UTF-8 sequence), times in UTC.
enum ICalendar {
    static func calendar(name: String, events: [[(String, String)]]) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//casebook//dashboard//ZH", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:" + text(name)]
        for event in events {
            lines.append("BEGIN:VEVENT")
            lines += event.map { "\($0.0):\($0.1)" }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// A TEXT value: backslash, semicolon, comma and newline escaped (RFC 5545 §3.3.11).
    static func text(_ value: String) -> String {
        var out = ""
        for c in value {
            switch c {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            case "\r": break
            default: out.append(c)
            }
        }
        return out
    }

    /// One content line folded: at most 75 octets per line, continuation lines start with a space.
    static func fold(_ line: String) -> String {
        var out = "", count = 0
        for c in line {
            let octets = String(c).utf8.count
            if count + octets > 75 {
                out += "\r\n "
                count = 1
            }
            out.append(c)
            count += octets
        }
        return out
    }
}

// MARK: - Atom (RFC 4287)

enum XML {
    /// Text for XML content and attribute values; characters XML 1.0 forbids are dropped.
    static func escape(_ value: String) -> String {
        var out = ""
        for u in value.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default:
                if u.value >= 0x20, u.value != 0xFFFE, u.value != 0xFFFF { out.unicodeScalars.append(u) }
            }
        }
        return out
    }
}

// MARK: - CSV (RFC 4180)

enum CSV {
    /// The file: UTF-8 byte-order mark (so spreadsheet programs read Chinese right), CRLF rows.
    static func file(_ rows: [[String]]) -> Data {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data(rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined().utf8))
        return data
    }

    /// One field: quoted when it holds a comma, quote, CR or LF, quotes doubled; text a
    /// spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets a leading apostrophe.
    static func field(_ value: String) -> String {
        var v = value
        if let first = v.first, "=+-@".contains(first) { v = "'" + v }
        guard v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return v }
        return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

// MARK: - JSON summary

/// One case as `cases.json` gives it: the dashboard's view, residents in display form only.
struct CaseSummary: Codable, Equatable {
    struct Reporter: Codable, Equatable {
        var name: String
        var phone: String?
    }

    struct DeadlineSummary: Codable, Equatable {
        var step: String
        var due: Timestamp
        var clause: String
        /// `met`, `met-late`, `pending` or `overdue`.
        var standing: String
    }

    var id: String
    var page: String
    var kind: String
    var severity: String?
    var repairSize: String?
    var channel: String
    var status: String
    var level: String
    var department: String?
    var holder: String
    var unit: String?
    var reporter: Reporter
    var summary: String
    var receivedAt: Timestamp
    var closedAt: Timestamp?
    var deadlines: [DeadlineSummary]
    var overdue: [String]
    var onTime: Bool
    var revisits: Int
    var satisfied: Bool?
}

// MARK: - The feeds of the dashboard

extension Dashboard {
    /// `revisits.ics`: one event per revisit still to be made, the half hour before it is due,
    /// and one per resident on the registers for the next visit.
    func revisitCalendar() -> String {
        let index = byID
        let events = Agenda.revisits(cases, samples: samples, profile: profile).compactMap { r -> [(String, String)]? in
            guard let file = index[r.caseID] else { return nil }
            let what = [s["revisitEvent"], r.caseID.rawValue, scrub(file.intake.summary, file), file.intake.unit.map { scrub($0, file) }]
                .compactMap { $0 }.joined(separator: " ")
            return calendarEvent(uid: r.key, due: r.due, summary: what, category: s["revisitEvent"], description: [
                "\(s["kind"]): \(s.kindWithGrade(file.intake))",
                "\(s["due"]): \(time.minute(r.due))",
                "\(s["who"]): \(s.list(r.by.map(s.role)))",
                "\(s["modes"]): \(s.list(r.modes.map(s.mode)))",
                "\(s["reporter"]): \(file.intake.reporter.nameDisplay) \(file.intake.reporter.phoneMasked ?? "")",
                "\(s["clause"]): \(r.clause)",
                "cases/\(r.caseID.rawValue).html",
            ])
        }
        // Visits of the key-owner and empty-nest registers: the next one of each resident.
        let visits = registerVisits.map { e -> [(String, String)] in
            let what = [s["registerVisitEvent"], s["register." + e.register.rawValue], e.id, Privacy.scrub(e.unit), e.resident.nameDisplay].joined(separator: " ")
            return calendarEvent(uid: "\(e.id)-visit-\(e.visits.count + 1)", due: e.nextVisitDue, summary: what, category: s["registerVisitEvent"], description: [
                "\(s["due"]): \(time.minute(e.nextVisitDue))",
                "\(s["visitEvery"]): \(e.visitEveryDays)",
                "\(s["clause"]): \(e.clause)",
                "revisits.html",
            ])
        }
        return ICalendar.calendar(name: "\(siteName) · \(s["revisitCalendar"])", events: events + visits)
    }

    /// One calendar event: the half hour before `due`.
    func calendarEvent(uid: String, due: Timestamp, summary: String, category: String, description: [String]) -> [(String, String)] {
        [
            ("UID", ICalendar.text("\(uid)@casebook")),
            ("DTSTAMP", LocalTime.icsUTC(now)),
            ("DTSTART", LocalTime.icsUTC(due.adding(seconds: -1800))),
            ("DTEND", LocalTime.icsUTC(due)),
            ("SUMMARY", ICalendar.text(summary)),
            ("DESCRIPTION", ICalendar.text(description.joined(separator: "\n"))),
            ("CATEGORIES", ICalendar.text(category)),
            ("STATUS", "CONFIRMED"),
            ("TRANSP", "TRANSPARENT"),
        ]
    }

    /// `overdue.atom`: one entry per case with anything overdue, updated when it fell due.
    func overdueFeed() -> String {
        let index = byID
        let entries = Agenda.overdue(cases, profile: profile, at: now)
        var order: [CaseID] = []
        for e in entries where !order.contains(e.caseID) { order.append(e.caseID) }
        let ascii = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
        let site = siteName.addingPercentEncoding(withAllowedCharacters: ascii) ?? "site"
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(language.rawValue)">
        <id>urn:casebook:\(site):overdue</id>
        <title>\(XML.escape("\(siteName) · \(s["overdueFeed"])"))</title>
        <updated>\(LocalTime.rfc3339UTC(now))</updated>
        <author><name>\(XML.escape(siteName))</name></author>
        <link rel="self" href="overdue.atom"/>
        <link rel="alternate" type="text/html" href="overdue.html"/>
        <generator>casebook</generator>

        """
        for id in order {
            guard let file = index[id] else { continue }
            let mine = entries.filter { $0.caseID == id }
            let latest = mine.map(\.due).max() ?? now
            let steps = s.list(mine.map { s.step($0.step) })
            let lines = mine.map { e in
                "\(s.step(e.step)) · \(s["dueSince"]) \(time.minute(e.due)) · \(e.clause) · \(s["holder"]) \(staffName(e.holder)) (\(s.level(e.level))) · \(s["shouldHold"]) \(s.level(e.requiredLevel))"
            }
            xml += """
            <entry>
            <id>urn:casebook:\(site):overdue:\(XML.escape(id.rawValue))</id>
            <title>\(XML.escape("\(id.rawValue) \(s.kindWithGrade(file.intake)): \(scrub(file.intake.summary, file)) — \(steps)"))</title>
            <updated>\(LocalTime.rfc3339UTC(latest))</updated>
            <link rel="alternate" type="text/html" href="cases/\(XML.escape(id.rawValue)).html"/>
            <summary>\(XML.escape(lines.joined(separator: "\n")))</summary>
            </entry>

            """
        }
        xml += "</feed>\n"
        return xml
    }

    /// `cases.csv`: one line per case (`lines`, each from `csvLine`, in intake order), labels in
    /// the dashboard's language, residents masked.
    func casesCSV(_ lines: [Data]) -> Data {
        var data = casesCSVHeader()
        data.reserveCapacity(data.count + lines.reduce(0) { $0 + $1.count })
        for line in lines { data.append(line) }
        return data
    }

    /// The start of `cases.csv`: the byte-order mark and the header line; its case lines follow.
    public func casesCSVHeader() -> Data {
        CSV.file([["id", "kind", "severity", "status", "department", "level", "holder", "unit", "reporter", "channel",
                   "receivedAt", "matter", "overdueSteps", "closedAt"].map { s[$0] }])
    }

    /// One case's line of `cases.csv` as the file holds it: kept as bytes while the cases stream
    /// past (89,000 rows of strings were hundreds of MiB at the end of a large build).
    func csvLine(_ file: CaseFile) -> Data {
        Data((csvRow(file).map(CSV.field).joined(separator: ",") + "\r\n").utf8)
    }

    /// One case's row of `cases.csv`.
    func csvRow(_ file: CaseFile) -> [String] {
        let i = file.intake, st = file.state
        let reporter = [i.reporter.nameDisplay, i.reporter.phoneMasked].compactMap { $0 }.joined(separator: " ")
        return [file.id.rawValue, s.kind(i.kind), i.severity.map(s.severity) ?? i.repairSize.map(s.repairSize) ?? "",
                s.status(st.status), s.department(st.department), s.level(st.level), staffName(st.holder),
                scrub(i.unit ?? "", file), reporter, s.channel(i.channel), time.minute(i.receivedAt),
                scrub(i.summary, file), s.list(Schedule.overdue(file, at: now).map { s.step($0.step) }),
                st.closedAt.map(time.minute) ?? ""]
    }

    /// `cases.json` as one value: the file is this, encoded by `RecordJSON` (pretty, keys sorted).
    struct CasesExport: Encodable {
        var format = "casebook.site-cases/1"
        var site: String
        var generatedAt: Timestamp
        var cases: [CaseSummary]
    }

    /// `cases.json`: every case (`entries`, each from `jsonEntry`, in intake order) as the dashboard
    /// sees it, keys in English, residents masked. The same bytes as `RecordJSON` encoding the
    /// whole `CasesExport`, without holding every case's value (and the encoder's tree of them)
    /// at once: the frame is encoded with no case and the entries are set into its array.
    func casesJSON(_ entries: [Data]) throws -> Data {
        let frame = try casesJSONFrame()
        guard !entries.isEmpty else { return frame.empty }
        var data = frame.head
        data.reserveCapacity(frame.head.count + entries.reduce(0) { $0 + $1.count + 2 } + frame.tail.count)
        for (n, entry) in entries.enumerated() {
            if n > 0 { data.append(contentsOf: Dashboard.casesJSONSeparator) }
            data.append(entry)
        }
        data.append(frame.tail)
        return data
    }

    /// What goes between two entries of `cases.json`'s array.
    public static let casesJSONSeparator = Data(",\n".utf8)

    /// The frame of `cases.json`: the whole file when there is no case (`empty`), else `head`,
    /// the entries (`jsonEntry`) joined by `casesJSONSeparator`, and `tail`.
    public func casesJSONFrame() throws -> (empty: Data, head: Data, tail: Data) {
        let frame = try RecordJSON.encode(CasesExport(site: siteName, generatedAt: Timestamp(date: now.date, in: timeZone), cases: []))
        let opening = Data("\"cases\" : [".utf8)
        guard let open = frame.range(of: opening), let close = frame[open.upperBound...].firstIndex(of: UInt8(ascii: "]")) else {
            throw EncodingError.invalidValue(frame, .init(codingPath: [], debugDescription: "cases.json: the encoder's frame has no cases array"))
        }
        return (frame, Data(frame[..<open.upperBound]) + Data([0x0A]), Data("\n  ".utf8) + Data(frame[close...]))
    }

    /// One case's entry of `cases.json` as the file holds it: pretty-printed, indented to its
    /// place in the array (four spaces), with no line break after it.
    /// Written directly in `RecordJSON`'s layout (`CaseFileWriter.Writer`, two levels in):
    /// `JSONEncoder` and the re-indenting of its lines were a ninth of a full build at 100,000
    /// cases. `CasesJSONTests` compares the file with the encoder's whole export.
    func jsonEntry(_ file: CaseFile) throws -> Data {
        var w = CaseFileWriter.Writer()
        w.out.reserveCapacity(1024)
        w.out.append(contentsOf: [0x20, 0x20, 0x20, 0x20])
        w.depth = 2
        w.feedRow(jsonRow(file))
        return Data(w.out)
    }

    /// One case's entry of `cases.json`.
    func jsonRow(_ file: CaseFile) -> CaseSummary {
        let i = file.intake, st = file.state
        let deadlines = st.deadlines.map { d in
            CaseSummary.DeadlineSummary(step: d.step, due: d.due, clause: d.clause, standing: standing(d, in: file).key)
        }
        return CaseSummary(id: file.id.rawValue, page: "cases/\(file.id.rawValue).html", kind: i.kind.rawValue,
                           severity: i.severity?.rawValue, repairSize: i.repairSize?.rawValue, channel: i.channel.rawValue,
                           status: st.status.rawValue, level: st.level.rawValue, department: st.department?.rawValue,
                           holder: st.holder.rawValue, unit: i.unit.map { scrub($0, file) },
                           reporter: .init(name: i.reporter.nameDisplay, phone: i.reporter.phoneMasked),
                           summary: scrub(i.summary, file), receivedAt: i.receivedAt, closedAt: st.closedAt,
                           deadlines: deadlines, overdue: Schedule.overdue(file, at: now).map(\.step),
                           onTime: MonthReport.onTime(file, at: now), revisits: st.revisits.count,
                           satisfied: st.revisits.last?.satisfied)
    }
}

extension CaseFileWriter.Writer {
    /// One row of `cases.json`, keys in sorted order, as `JSONEncoder` writes `CaseSummary`.
    mutating func feedRow(_ r: CaseSummary) {
        object { w in
            w.field("channel", r.channel)
            w.field("closedAt", r.closedAt)
            w.key("deadlines")
            w.list(r.deadlines) { w, d in
                w.object { w in
                    w.field("clause", d.clause)
                    w.field("due", d.due)
                    w.field("standing", d.standing)
                    w.field("step", d.step)
                }
            }
            w.field("department", r.department)
            w.field("holder", r.holder)
            w.field("id", r.id)
            w.field("kind", r.kind)
            w.field("level", r.level)
            w.field("onTime", r.onTime)
            w.key("overdue")
            w.list(r.overdue) { w, step in w.string(step) }
            w.field("page", r.page)
            w.field("receivedAt", r.receivedAt)
            w.field("repairSize", r.repairSize)
            w.key("reporter")
            w.object { w in
                w.field("name", r.reporter.name)
                w.field("phone", r.reporter.phone)
            }
            w.field("revisits", r.revisits)
            w.field("satisfied", r.satisfied)
            w.field("severity", r.severity)
            w.field("status", r.status)
            w.field("summary", r.summary)
            w.field("unit", r.unit)
        }
    }
}
