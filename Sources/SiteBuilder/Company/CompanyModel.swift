import CaseModel
import Foundation
import Procedures

/// What the company dashboard shows, as typed values: everything is computed by the caller from
/// the centres' accepted commits (with the same `MonthReport` code as each centre's own
/// `report --month`), and the pages only render it.
public struct CompanyDashboard: Sendable {
    public var companyName: String
    public var language: Language
    public var now: Timestamp
    /// `YYYY-MM`: the month of the league table.
    public var month: String
    public var centres: [CentreFigures]
    public var overdue: [OverdueDeadline] = []
    public var majorReports: [MajorReport] = []
    public var missing: [MissingOversight] = []
    public var samples: [CompanySample] = []
    /// The last collection (nil before the first `company fetch`).
    public var collection: CompanyCollection?

    public init(companyName: String, language: Language, now: Timestamp, month: String, centres: [CentreFigures]) {
        self.companyName = companyName
        self.language = language
        self.now = now
        self.month = month
        self.centres = centres
    }

    /// The year of the league table's month.
    public var year: String { String(month.prefix(4)) }
}

/// One centre's figures: its month and year with the same code as its own report.
public struct CentreFigures: Sendable {
    public var code: String
    public var name: String
    /// The centre's own dashboard (its published site), for links to case pages.
    public var site: String?
    /// Nil when head office has never accepted a commit of the centre.
    public var month: MonthReport?
    public var year: MonthReport?
    /// Deadlines past due and not met now, in open cases.
    public var overdueNow = 0
    /// Revisits made in the month / year whose resident was not satisfied.
    public var unsatisfiedMonth = 0
    public var unsatisfiedYear = 0
    /// The on-time rate of each month of the year up to the league's month.
    public var trend: [(month: String, rate: Double?)] = []
    /// The centre's commit the figures were read from.
    public var commit: String?

    public init(code: String, name: String, site: String? = nil) {
        self.code = code
        self.name = name
        self.site = site
    }

    /// Late entries 补录 recorded in the report's period, all people together.
    public static func lateEntries(_ report: MonthReport?) -> Int? {
        report.map { $0.lateEntries.reduce(0) { $0 + $1.count } }
    }
}

/// A deadline of some centre's case past due and not met.
public struct OverdueDeadline: Codable, Equatable, Sendable {
    public var which: CentreCase
    public var kind: Kind
    public var severity: Severity?
    public var step: String
    public var due: Timestamp
    public var holder: StaffID

    public init(which: CentreCase, kind: Kind, severity: Severity?, step: String, due: Timestamp, holder: StaffID) {
        self.which = which
        self.kind = kind
        self.severity = severity
        self.step = step
        self.due = due
        self.holder = holder
    }

    public var isMajor: Bool { severity == .major }
}

/// A major complaint's report to head office and the general manager's office within 12 hours
/// (002 篇5 §5.2.1): the `report` deadline of a major complaint, with its standing.
public struct MajorReport: Codable, Equatable, Sendable {
    public var which: CentreCase
    public var receivedAt: Timestamp
    public var due: Timestamp
    public var standing: DeadlineStanding

    public init(which: CentreCase, receivedAt: Timestamp, due: Timestamp, standing: DeadlineStanding) {
        self.which = which
        self.receivedAt = receivedAt
        self.due = due
        self.standing = standing
    }
}

/// A review not signed or a month not archived at a centre, past due.
public struct MissingOversight: Codable, Equatable, Sendable {
    /// A `ReviewKind`'s raw value, or `archive`.
    public var what: String
    public var centre: String
    public var period: String
    public var due: Timestamp
    public var clause: String

    public init(what: String, centre: String, period: String, due: Timestamp, clause: String) {
        self.what = what
        self.centre = centre
        self.period = period
        self.due = due
        self.clause = clause
    }
}
