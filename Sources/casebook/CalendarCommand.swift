import ArgumentParser
import CaseModel
import CasebookEngine
import Foundation
import GitStore
import Procedures

extension Casebook {
    /// `casebook calendar import|show`: the holiday calendars under `records/calendar/`.
    struct CalendarCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "calendar",
            abstract: "Import a year's official holiday notice, or show a year's calendar.",
            discussion: """
            A year without its official file is computed from the statutory holidays (全国年节及纪念日放假办法, \
            2024 revision) and marked provisional (暂定); deadlines counted on it are recomputed by sweep \
            once the notice is imported. Example: casebook calendar import 2027 notice-2027.txt --as zhou.jl
            """,
            subcommands: [Import.self, ShowYear.self]
        )

        struct Import: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "import",
                abstract: "Record the State Council's holiday notice of a year as records/calendar/cn-YEAR.json (one commit, by a manager).",
                discussion: """
                FILE holds one line per holiday as the notice gives it: the name, the days off (a day or \
                FIRST..LAST) and, after 上班 (or workdays), the make-up working days (调休); lines starting \
                with # are comments, the first of them the notice's title. A calendar file \
                (casebook.calendar/1 JSON) is taken as it is. Example line: 春节 2027-02-05..2027-02-12 上班 2027-02-14 2027-02-20
                """
            )

            @OptionGroup var global: GlobalOptions
            @Argument(help: "The year of the notice.") var year: Int
            @Argument(help: "The notice as text lines, or a calendar JSON file.") var file: String
            @Option(help: "The notice's title (default: the file's first comment line).") var source: String?
            @Flag(help: "Replace an official calendar already imported for the year.") var replace = false

            func run() throws { try Retry.onConcurrentUpdate { try attempt() } }

            func attempt() throws {
                let ws = try global.workspace()
                let actor = try ws.actor(global.actor)
                guard actor.ownsConfiguration else {
                    throw Failure(key: "configOwner", actor.id.rawValue, "records/calendar/")
                }
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw Failure(key: "cannotRead", "FILE", file)
                }
                var notice = try Notice.parse(data, year: year, file: file)
                if let source { notice.source = source }
                if ws.calendar.official.contains(year), !replace {
                    throw Failure(key: "calendarImported", String(year))
                }
                let calendar = try notice.calendarYear(workingHours: ws.calendar.workingHours)
                let path = "records/calendar/cn-\(year).json"
                let open = try ws.allCases().filter { file in
                    file.state.status.isOpen && file.state.deadlines.contains { $0.breachedAt == nil && ($0.provisional ?? []).contains(year) }
                }.count
                try ws.commit([FileChange(path: path, content: try RecordJSON.encode(calendar))], by: actor, at: try ws.now(), message: """
                    calendar: import \(year) (\(calendar.source))

                    Action: calendar-import
                    """)
                let days = calendar.holidays.reduce(0) { $0 + $1.days.count }
                let workdays = calendar.workdays.reduce(0) { $0 + $1.days.count }
                print(DeskLanguage.strings.fill("calendar.imported", [path, String(days), String(workdays), String(open)]))
            }
        }

        struct ShowYear: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "show", abstract: "Print a year's days off and make-up working days, and whether they are official or provisional.",
                discussion: "Example: casebook calendar show 2027")
            @OptionGroup var global: GlobalOptions
            @Argument(help: "The year.") var year: Int

            func run() throws {
                let ws = try global.workspace()
                let s = DeskLanguage.strings
                if ws.calendar.official.contains(year) {
                    print(s.fill("calendar.official", [String(year)]))
                } else if ws.calendar.isProvisional(year) {
                    print(s.fill("calendar.provisional", [String(year)]))
                } else {
                    throw Failure(key: "noCalendar", String(year))
                }
                for (name, days, workdays) in ws.calendar.named(in: year) {
                    print("\(name)\t\(days.joined(separator: " "))" + (workdays.isEmpty ? "" : "\t\(s["calendar.workdays"]) \(workdays.joined(separator: " "))"))
                }
            }
        }
    }
}

/// A year's holiday notice as a manager types it from the State Council's text.
struct Notice {
    var year: Int
    var source: String
    var holidays: [CalendarYear.NamedDays]
    var workdays: [CalendarYear.NamedDays]

    /// Reads the lines of `data` (or a calendar JSON file).
    /// - Throws: `Failure` naming the line and what is wrong with it.
    static func parse(_ data: Data, year: Int, file: String) throws -> Notice {
        if data.first == UInt8(ascii: "{") {
            let c = try RecordJSON.decode(CalendarYear.self, from: data, file: file)
            guard c.year == year else { throw Failure(key: "calendarYear", file, String(c.year), String(year)) }
            return Notice(year: year, source: c.source, holidays: c.holidays, workdays: c.workdays)
        }
        guard let text = String(data: data, encoding: .utf8) else { throw Failure(key: "notUTF8", file) }
        var notice = Notice(year: year, source: "", holidays: [], workdays: [])
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            if line.hasPrefix("#") {
                if notice.source.isEmpty { notice.source = line.drop { $0 == "#" || $0 == " " }.trimmingCharacters(in: .whitespaces) }
                continue
            }
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == "，" || $0 == "、" }).map(String.init)
            guard let name = words.first, words.count >= 2 else {
                throw Failure(key: "noticeLine", file, String(n + 1))
            }
            var off: [String] = [], on: [String] = []
            var makeUp = false
            for word in words.dropFirst() {
                if ["上班", "workdays", "workday", "调休上班"].contains(word) { makeUp = true; continue }
                let days = try Notice.days(word, year: year, at: "\(file):\(n + 1)")
                if makeUp { on += days } else { off += days }
            }
            guard !off.isEmpty || !on.isEmpty else {
                throw Failure(key: "noticeLine", file, String(n + 1))
            }
            if !off.isEmpty { notice.holidays.append(.init(name: name, days: off)) }
            if !on.isEmpty { notice.workdays.append(.init(name: "\(name)调休", days: on)) }
        }
        if notice.source.isEmpty { notice.source = "国务院办公厅关于\(year)年部分节假日安排的通知" }
        return notice
    }

    /// `YYYY-MM-DD` or `FIRST..LAST` (also `FIRST~LAST`, `FIRST至LAST`), every day in `year` or
    /// in the December before it.
    static func days(_ word: String, year: Int, at place: String) throws -> [String] {
        let ends = word.replacingOccurrences(of: "~", with: "..").replacingOccurrences(of: "至", with: "..")
            .components(separatedBy: "..")
        let utc = TimeZone(secondsFromGMT: 0)!
        let parsed = ends.map { e -> Timestamp? in
            guard e.count == 10, let t = Timestamp.parse(e, defaultZone: utc), t.localDay == e else { return nil }
            return t
        }
        guard (1...2).contains(parsed.count), let first = parsed.first ?? nil, let last = parsed.last ?? nil, first <= last else {
            throw Failure(key: "noticeDay", place, String(word.prefix(40)))
        }
        var out: [String] = []
        var day = first
        while day <= last {
            // A notice may begin in the December before (元旦 2023: 2022-12-31 … 2023-01-02).
            guard day.localDay.hasPrefix("\(year)-") || day.localDay.hasPrefix("\(year - 1)-12-") else {
                throw Failure(key: "noticeYear", place, day.localDay, String(year))
            }
            out.append(day.localDay)
            day = day.adding(seconds: 86_400)
        }
        return out
    }

    /// The calendar file, checked against the law: every statutory day is off, a make-up day is
    /// a Saturday or Sunday, and no day is both.
    func calendarYear(workingHours: CalendarYear.WorkingHours) throws -> CalendarYear {
        let off = Set(holidays.flatMap(\.days)), on = workdays.flatMap(\.days)
        if let both = on.first(where: off.contains) {
            throw Failure(key: "noticeBoth", both)
        }
        if let weekday = on.first(where: { !BusinessCalendar.isWeekendDay($0) }) {
            throw Failure(key: "noticeMakeUp", weekday)
        }
        for festival in StatutoryHolidays.festivals(of: year) ?? [] {
            if let missing = festival.days.first(where: { !off.contains($0) }) {
                throw Failure(key: "noticeStatutory", festival.name, missing)
            }
        }
        return CalendarYear(year: year, timeZone: "Asia/Shanghai", source: source, workingHours: workingHours,
                            holidays: holidays, workdays: workdays)
    }
}
