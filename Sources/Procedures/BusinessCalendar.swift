import CaseModel
import Foundation

/// Working-day arithmetic on the Chinese public-holiday calendar: a make-up Saturday is a working
/// day, a holiday weekday is not. Outside the loaded years it refuses rather than guess.
public struct BusinessCalendar: Sendable {
    private var holidays: [String: String] = [:]
    private var workdays: [String: String] = [:]
    public let years: ClosedRange<Int>?
    private let loaded: Set<Int>
    /// Minutes after midnight at which the working day ends (default 17:30).
    public let closingMinute: Int

    /// - Throws: `Refusal` if the years are not contiguous or disagree on working hours.
    public init(_ years: [CalendarYear]) throws(Refusal) {
        loaded = Set(years.map(\.year))
        self.years = loaded.isEmpty ? nil : loaded.min()!...loaded.max()!
        var closing: Int?
        for y in years {
            for h in y.holidays { for d in h.days { holidays[d] = h.name } }
            for w in y.workdays { for d in w.days { workdays[d] = w.name } }
            let parts = y.workingHours.end.split(separator: ":").compactMap { Int($0) }
            guard parts.count == 2 else {
                throw Refusal(rule: "calendar", clause: "records/calendar/cn-\(y.year).json", "workingHours.end must be HH:MM")
            }
            let minute = parts[0] * 60 + parts[1]
            if let closing, closing != minute {
                throw Refusal(rule: "calendar", clause: "records/calendar/cn-\(y.year).json", "working hours differ between years")
            }
            closing = minute
        }
        closingMinute = closing ?? 17 * 60 + 30
        if let r = self.years, r.count != loaded.count {
            throw Refusal(rule: "calendar", clause: "records/calendar/", "calendar years must be contiguous, have \(loaded.sorted())")
        }
    }

    /// Whether `day` (`YYYY-MM-DD`) is a working day.
    /// - Throws: `Refusal` when the day's year is not loaded.
    public func isWorkingDay(_ day: String) throws(Refusal) -> Bool {
        guard let year = Int(day.prefix(4)), loaded.contains(year) else {
            throw Refusal(rule: "calendar", clause: "records/calendar/",
                          "no holiday calendar for \(day.prefix(4)) (loaded: \(loaded.sorted().map(String.init).joined(separator: ", "))); add records/calendar/cn-\(day.prefix(4)).json")
        }
        if workdays[day] != nil { return true }
        if holidays[day] != nil { return false }
        return !BusinessCalendar.isWeekend(day)
    }

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
}

extension BusinessCalendar {
    /// `start` moved by `span`: natural time added as it is, working days on this calendar.
    public func adding(_ span: Span, to start: Timestamp) throws(Refusal) -> Timestamp {
        let natural = start.addingMonths(span.months ?? 0).adding(seconds: span.seconds)
        guard let days = span.workingDays else { return natural }
        return try endOfWorkingDays(days, after: natural)
    }
}
