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

    public struct WorkingHours: Codable, Equatable, Sendable {
        /// `HH:MM`, e.g. `08:30`.
        public var start: String
        /// `HH:MM`, e.g. `17:30`.
        public var end: String
    }

    public struct NamedDays: Codable, Equatable, Sendable {
        public var name: String
        /// `YYYY-MM-DD`.
        public var days: [String]
    }
}
