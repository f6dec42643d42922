/// `records/calendar/cn-YYYY.json`: one year of the State Council's holiday arrangement
/// (国务院办公厅关于部分节假日安排的通知): days off, make-up working days (调休), working hours.
public struct CalendarYear: Codable, Equatable, Sendable {
    public static let format = "casebook.calendar/1"
    public var format: String
    public var year: Int
    public var timeZone: String
    /// The notice the dates come from.
    public var source: String
    public var workingHours: WorkingHours
    /// Days off, weekends inside a holiday span included.
    public var holidays: [NamedDays]
    /// Saturdays and Sundays that are working days (调休).
    public var workdays: [NamedDays]
    /// True for a year computed from the statutory rules because its official notice is not
    /// imported yet (`StatutoryHolidays`); never written to `records/calendar/`.
    public var provisional: Bool?

    public init(format: String = CalendarYear.format, year: Int, timeZone: String, source: String, workingHours: WorkingHours,
                holidays: [NamedDays], workdays: [NamedDays], provisional: Bool? = nil) {
        self.format = format
        self.year = year
        self.timeZone = timeZone
        self.source = source
        self.workingHours = workingHours
        self.holidays = holidays
        self.workdays = workdays
        self.provisional = provisional
    }

    public struct WorkingHours: Codable, Equatable, Sendable {
        /// `HH:MM`, e.g. `08:30`.
        public var start: String
        /// `HH:MM`, e.g. `17:30`.
        public var end: String

        public init(start: String, end: String) {
            self.start = start
            self.end = end
        }
    }

    public struct NamedDays: Codable, Equatable, Sendable {
        public var name: String
        /// `YYYY-MM-DD`.
        public var days: [String]

        public init(name: String, days: [String]) {
            self.name = name
            self.days = days
        }
    }
}
