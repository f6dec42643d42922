import CaseModel
import Foundation

/// Working-day arithmetic on the Chinese public-holiday calendar: a make-up Saturday is a working
/// day, a holiday weekday is not. A year without its official file is computed from the statutory
/// rules (`StatutoryHolidays`) and marked provisional, so the front desk never stops for a notice
/// not yet published; outside those years too, it refuses rather than guess.
public struct BusinessCalendar: Sendable {
    private var holidays: [String: String] = [:]
    private var workdays: [String: String] = [:]
    /// Years with an official file under `records/calendar/`.
    public let official: Set<Int>
    /// Years computed from the statutory rules because their official file is missing.
    public private(set) var provisional: Set<Int>
    private var loaded: Set<Int> { official.union(provisional) }
    /// Minutes after midnight at which the working day ends (default 17:30).
    public let closingMinute: Int
    /// The official years' working hours (a provisional year takes them over).
    public let workingHours: CalendarYear.WorkingHours

    /// - Parameters:
    ///   - years: the official years (`records/calendar/cn-YYYY.json`).
    ///   - fillingIn: the years to compute provisionally where no official year is given.
    /// - Throws: `Refusal` if the years disagree on working hours.
    public init(_ years: [CalendarYear], fillingIn: ClosedRange<Int>? = StatutoryHolidays.years) throws(Refusal) {
        official = Set(years.map(\.year))
        var closing: Int?
        var hours = CalendarYear.WorkingHours(start: "08:30", end: "17:30")
        for y in years {
            for h in y.holidays { for d in h.days { holidays[d] = h.name } }
            for w in y.workdays { for d in w.days { workdays[d] = w.name } }
            let parts = y.workingHours.end.split(separator: ":").compactMap { Int($0) }
            guard parts.count == 2 else {
                throw Refusal(rule: "calendar", clause: "records/calendar/cn-\(y.year).json", "workingHours.end must be HH:MM", template: .init(.calendarHours, []))
            }
            let minute = parts[0] * 60 + parts[1]
            if let closing, closing != minute {
                throw Refusal(rule: "calendar", clause: "records/calendar/cn-\(y.year).json", "working hours differ between years",
                              template: .init(.calendarHoursDiffer, []))
            }
            closing = minute
            hours = y.workingHours
        }
        closingMinute = closing ?? 17 * 60 + 30
        workingHours = hours
        var filled = Set<Int>()
        for year in fillingIn.map(Array.init) ?? [] where !official.contains(year) {
            guard let y = StatutoryHolidays.provisionalYear(year, workingHours: hours, timeZone: "Asia/Shanghai") else { continue }
            for h in y.holidays { for d in h.days { holidays[d] = h.name } }
            filled.insert(year)
        }
        provisional = filled
    }

    /// Whether `year`'s days come from the statutory rules rather than the official notice.
    public func isProvisional(_ year: Int) -> Bool { provisional.contains(year) }

    /// The provisional years among the local days from `start` to `end` (both included), sorted:
    /// the years a working-day deadline over that span was computed on without their notice.
    public func provisionalYears(from start: Timestamp, to end: Timestamp) -> [Int] {
        guard !provisional.isEmpty, let a = Int(start.localDay.prefix(4)), let b = Int(end.localDay.prefix(4)), a <= b else { return [] }
        return (a...b).filter(provisional.contains)
    }

    /// This calendar with `years` computed from the statutory rules even where an official file
    /// exists: what a step recorded before the notice was imported was computed on.
    public func treating(asProvisional years: [Int]) -> BusinessCalendar {
        var copy = self
        for year in years where official.contains(year) {
            let prefix = "\(year)-"
            copy.holidays = copy.holidays.filter { !$0.key.hasPrefix(prefix) }
            copy.workdays = copy.workdays.filter { !$0.key.hasPrefix(prefix) }
            if let y = StatutoryHolidays.provisionalYear(year, workingHours: workingHours, timeZone: "Asia/Shanghai") {
                for h in y.holidays { for d in h.days { copy.holidays[d] = h.name } }
            }
        }
        copy.provisional.formUnion(years.filter(official.contains))
        return copy
    }

    /// Whether `day` (`YYYY-MM-DD`) is a working day.
    /// - Throws: `Refusal` when the day's year is neither loaded nor computable.
    public func isWorkingDay(_ day: String) throws(Refusal) -> Bool {
        guard let year = Int(day.prefix(4)), loaded.contains(year) else {
            throw Refusal(rule: "calendar", clause: "records/calendar/",
                          "no holiday calendar for \(day.prefix(4)) (loaded: \(loaded.sorted().map(String.init).joined(separator: ", "))); add records/calendar/cn-\(day.prefix(4)).json",
                          template: .init(.calendarMissing, [.text(String(day.prefix(4))), .texts(loaded.sorted().map(String.init))]))
        }
        if workdays[day] != nil { return true }
        if holidays[day] != nil { return false }
        return !BusinessCalendar.isWeekend(day)
    }

    /// The days off and make-up working days of `year` by holiday, in the order of the year.
    public func named(in year: Int) -> [(name: String, days: [String], workdays: [String])] {
        let prefix = "\(year)-"
        var order: [String] = []
        var off: [String: [String]] = [:], on: [String: [String]] = [:]
        for (day, name) in holidays where day.hasPrefix(prefix) {
            if off[name] == nil { order.append(name) }
            off[name, default: []].append(day)
        }
        for (day, name) in workdays where day.hasPrefix(prefix) {
            let holiday = name.hasSuffix("调休") ? String(name.dropLast(2)) : name
            if off[holiday] == nil, on[holiday] == nil { order.append(holiday) }
            on[holiday, default: []].append(day)
        }
        return order.map { ($0, (off[$0] ?? []).sorted(), (on[$0] ?? []).sorted()) }
            .sorted { ($0.days.first ?? $0.workdays.first ?? "") < ($1.days.first ?? $1.workdays.first ?? "") }
    }

    /// Whether `YYYY-MM-DD` is a Saturday or a Sunday.
    public static func isWeekendDay(_ day: String) -> Bool { isWeekend(day) }

    /// The holiday or make-up-day name of `day`, if it has one.
    public func name(of day: String) -> String? { holidays[day] ?? workdays[day] }

    /// The end of the working day `count` working days after the local day of `start`
    /// (`count` 0: the end of `start`'s own day if that is a working day, else of the next one).
    public func endOfWorkingDays(_ count: Int, after start: Timestamp) throws(Refusal) -> Timestamp {
        var day = start.localDay
        var remaining = count
        if count == 0 {
            while try !isWorkingDay(day) { day = BusinessCalendar.next(day) }
            let zone = TimeZone(secondsFromGMT: start.offsetSeconds)!
            if Timestamp.parse(day, defaultZone: zone)!.adding(seconds: closingMinute * 60) <= start {
                // Received after closing time: the same day's work ends with the next working day.
                repeat { day = BusinessCalendar.next(day) } while try !isWorkingDay(day)
            }
        } else {
            while remaining > 0 {
                day = BusinessCalendar.next(day)
                if try isWorkingDay(day) { remaining -= 1 }
            }
        }
        let midnight = Timestamp.parse(day, defaultZone: TimeZone(secondsFromGMT: start.offsetSeconds)!)!
        return midnight.adding(seconds: closingMinute * 60)
    }

    // MARK: - Civil days

    /// Day of week of `YYYY-MM-DD`: Saturday or Sunday.
    static func isWeekend(_ day: String) -> Bool {
        guard let t = Timestamp.parse(day, defaultZone: TimeZone(secondsFromGMT: 0)!) else { return false }
        // 1970-01-01 was a Thursday (4); Saturday is 6, Sunday 0.
        let weekday = ((t.unixSeconds / 86_400) % 7 + 4) % 7
        return weekday == 6 || weekday == 0
    }

    /// The day after `YYYY-MM-DD`.
    static func next(_ day: String) -> String {
        let utc = TimeZone(secondsFromGMT: 0)!
        return Timestamp.parse(day, defaultZone: utc)!.adding(seconds: 86_400).localDay
    }

    /// The day before `YYYY-MM-DD`.
    static func previous(_ day: String) -> String {
        let utc = TimeZone(secondsFromGMT: 0)!
        return Timestamp.parse(day, defaultZone: utc)!.adding(seconds: -86_400).localDay
    }
}

extension BusinessCalendar {
    /// `start` moved by `span`: natural time added as it is, working days on this calendar.
    public func adding(_ span: Span, to start: Timestamp) throws(Refusal) -> Timestamp {
        let natural = start.addingMonths(span.months ?? 0).adding(seconds: span.seconds)
        guard let days = span.workingDays else { return natural }
        return try endOfWorkingDays(days, after: natural)
    }
}
