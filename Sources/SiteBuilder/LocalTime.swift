import CaseModel
import Foundation

/// Times as the desk reads them: in the repository's time zone, to the minute.
struct LocalTime: Sendable {
    let zone: TimeZone

    /// `t` in the zone: `2026-11-20T17:00:00+08:00`.
    func local(_ t: Timestamp) -> Timestamp { Timestamp(date: t.date, in: zone) }

    /// `2026-11-20 17:00`.
    func minute(_ t: Timestamp) -> String {
        Timestamp.written(unixSeconds: t.unixSeconds, offsetSeconds: zone.secondsFromGMT(for: t.date), to: .minute)
    }

    /// `2026-11-20`.
    func day(_ t: Timestamp) -> String { local(t).localDay }

    /// `2026-11`.
    func month(_ t: Timestamp) -> String {
        Timestamp.month(unixSeconds: t.unixSeconds, offsetSeconds: zone.secondsFromGMT(for: t.date))
    }

    /// Midnight at the start of `t`'s day in the zone.
    func startOfDay(_ t: Timestamp) -> Timestamp {
        Timestamp.parse(day(t), defaultZone: zone) ?? t
    }

    /// The start of the day `days` after `t`'s day (calendar days in the zone).
    func startOfDay(_ t: Timestamp, plus days: Int) -> Timestamp {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let start = startOfDay(t)
        let moved = calendar.date(byAdding: .day, value: days, to: start.date) ?? start.date
        return Timestamp(date: moved, in: zone)
    }

    /// 1 (Sunday) … 7 (Saturday) of `t`'s day in the zone.
    func weekday(_ t: Timestamp) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.component(.weekday, from: t.date)
    }

    /// `20261120T090000Z`, for iCalendar.
    static func icsUTC(_ t: Timestamp) -> String {
        let d = Timestamp(date: t.date, offsetSeconds: 0).description
        return d.prefix(10).replacingOccurrences(of: "-", with: "") + "T" + d.dropFirst(11).prefix(8).replacingOccurrences(of: ":", with: "") + "Z"
    }

    /// `2026-11-20T09:00:00Z`, for Atom.
    static func rfc3339UTC(_ t: Timestamp) -> String {
        String(Timestamp(date: t.date, offsetSeconds: 0).description.prefix(19)) + "Z"
    }
}
