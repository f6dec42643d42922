import Foundation

/// Reads a year of the business calendar (`records/calendar/*.json`) straight from its bytes into
/// `CalendarYear`, without `JSONDecoder`: with the settings, the staff list and the procedures read
/// directly, the calendar was the last file a state change handed to `JSONDecoder`, whose first use
/// in a process costs the runtime's lookups of its machinery (2.6 % of a `note` at 1,000 cases).
/// A fast path like `SettingsReader`, never a second definition: it accepts only what it fully
/// understands and gives nil otherwise, so that `RecordJSON.decode` falls back to `JSONDecoder`.
/// A test keeps both paths equal on the shipped years, one with every field set, and damaged copies.
enum CalendarReader {
    /// The year in `data`, or nil where `JSONDecoder` must decide.
    static func read(_ data: Data) -> CalendarYear? {
        CaseFileReader.whole(data) { r throws(CaseFileReader.GiveUp) in try r.calendarYear() }
    }
}

extension CaseFileReader.Reader {
    mutating func calendarYear() throws(GiveUp) -> CalendarYear {
        var format: String?, year: Int?, timeZone: String?, source: String?, workingHours: CalendarYear.WorkingHours?
        var holidays: [CalendarYear.NamedDays]?, workdays: [CalendarYear.NamedDays]?, provisional: Bool?
        try object { r, key throws(GiveUp) in
            switch key {
            case "format": format = try r.string()
            case "year": year = try r.int()
            case "timeZone": timeZone = try r.string()
            case "source": source = try r.string()
            case "workingHours": workingHours = try r.workingHours()
            case "holidays": holidays = try r.array { r throws(GiveUp) in try r.namedDays() }
            case "workdays": workdays = try r.array { r throws(GiveUp) in try r.namedDays() }
            case "provisional": provisional = try r.optional { r throws(GiveUp) in try r.bool() }
            default: throw GiveUp()
            }
        }
        return CalendarYear(format: try Self.need(format), year: try Self.need(year), timeZone: try Self.need(timeZone),
                            source: try Self.need(source), workingHours: try Self.need(workingHours), holidays: try Self.need(holidays),
                            workdays: try Self.need(workdays), provisional: provisional)
    }

    mutating func workingHours() throws(GiveUp) -> CalendarYear.WorkingHours {
        var start: String?, end: String?
        try object { r, key throws(GiveUp) in
            switch key {
            case "start": start = try r.string()
            case "end": end = try r.string()
            default: throw GiveUp()
            }
        }
        return CalendarYear.WorkingHours(start: try Self.need(start), end: try Self.need(end))
    }

    mutating func namedDays() throws(GiveUp) -> CalendarYear.NamedDays {
        var name: String?, days: [String]?
        try object { r, key throws(GiveUp) in
            switch key {
            case "name": name = try r.string()
            case "days": days = try r.array { r throws(GiveUp) in try r.string() }
            default: throw GiveUp()
            }
        }
        return CalendarYear.NamedDays(name: try Self.need(name), days: try Self.need(days))
    }
}
