import Foundation

// MARK: - The customer-service department's daily round (003 九; 000 §1(3))

/// One line of a patrol report: what was found, where, whether it was handled at once, and the
/// case opened for it when it needs work (发现问题能处理的立即处理，不能处理的及时上报, 003 九.2).
public struct PatrolFinding: Codable, Equatable, Sendable {
    public var text: String
    /// 房号 or a place (e.g. 3栋电梯厅).
    public var unit: String?
    /// Handled on the spot (立即处理).
    public var handled: Bool
    /// The case opened for it through the normal open step, when it needs work (上报).
    public var `case`: CaseID?

    public init(text: String, unit: String? = nil, handled: Bool, case id: CaseID? = nil) {
        self.text = text
        self.unit = unit
        self.handled = handled
        self.case = id
    }
}

/// The superior's review 审阅 of a patrol report (003 九.2).
public struct PatrolReview: Codable, Equatable, Sendable {
    public var by: StaffID
    public var at: Timestamp
    public var notes: String?

    public init(by: StaffID, at: Timestamp, notes: String? = nil) {
        self.by = by
        self.at = at
        self.notes = notes
    }
}

/// `records/rounds/patrols/YYYY-MM/<staff>-<YYYY-MM-DD>.json`: a daily work record and patrol
/// report 巡视日报表, handed to the superior before leaving and returned, reviewed, by 9:00 the
/// next working day (003 九.2, 九.4). Written once by its author; only the review is added, by the
/// superior, in a commit of their own.
public struct PatrolReport: Codable, Equatable, Sendable {
    public static let format = "casebook.patrol/1"
    public var format: String = PatrolReport.format
    public var by: StaffID
    /// The day patrolled, `YYYY-MM-DD` (local).
    public var day: String
    /// When it was handed in (下班前交给上级领导).
    public var handedInAt: Timestamp
    /// 日常工作记录: what the day's work was, one paragraph.
    public var work: String?
    public var findings: [PatrolFinding]
    /// 第二天九时取回: 9:00 of the next working day.
    public var reviewDue: Timestamp
    public var clause: String
    public var review: PatrolReview?

    public init(by: StaffID, day: String, handedInAt: Timestamp, work: String?, findings: [PatrolFinding], reviewDue: Timestamp, clause: String) {
        self.by = by
        self.day = day
        self.handedInAt = handedInAt
        self.work = work
        self.findings = findings
        self.reviewDue = reviewDue
        self.clause = clause
    }

    public var path: String { PatrolReport.path(by: by, day: day) }

    public static func path(by: StaffID, day: String) -> String { "records/rounds/patrols/\(day.prefix(7))/\(by.rawValue)-\(day).json" }

    /// Whether the review is late at `now`: not reviewed by `reviewDue`, or reviewed after it.
    public func isOverdue(at now: Timestamp) -> Bool {
        if let review { return review.at > reviewDue }
        return now > reviewDue
    }
}

/// `records/rounds/visits/YYYY-MM/<V-xxxxxxxx>.json`: one household visit 走访 (publicity,
/// answering questions, collecting opinions; 003 九.3). What the household raises becomes a case,
/// opened through the normal open step and named here (000 §1(3)).
public struct HouseholdVisit: Codable, Equatable, Sendable {
    public static let format = "casebook.visit/1"
    public var format: String = HouseholdVisit.format
    /// `V-` and 8 hex digits, drawn at random.
    public var id: String
    /// 房号, from the estate's unit list when it has one.
    public var unit: String
    public var by: StaffID
    public var at: Timestamp
    /// What was done: 宣传, 解答咨询, 收集意见 …
    public var notes: String?
    /// The cases opened for what was raised.
    public var raised: [CaseID]?

    public init(id: String, unit: String, by: StaffID, at: Timestamp, notes: String?, raised: [CaseID]?) {
        self.id = id
        self.unit = unit
        self.by = by
        self.at = at
        self.notes = notes
        self.raised = raised
    }

    public var path: String { "records/rounds/visits/\(at.localDay.prefix(7))/\(id).json" }

    /// Whether `id` has the shape `V-` and 8 lowercase hex digits.
    public static func isWellFormed(_ id: String) -> Bool {
        id.count == 10 && id.hasPrefix("V-") && id.dropFirst(2).unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
    }

    public static func newID() -> String {
        var rng = SystemRandomNumberGenerator()
        return "V-" + String(format: "%08x", UInt32.random(in: .min ... .max, using: &rng))
    }
}

/// `records/rounds/summaries/YYYY-MM/<staff>.json`: the monthly work summary and next month's
/// plan 月度工作总结及下月工作计划, handed in by the 30th (003 九.5). Written once.
public struct MonthlySummary: Codable, Equatable, Sendable {
    public static let format = "casebook.summary/1"
    public var format: String = MonthlySummary.format
    /// `YYYY-MM`
    public var month: String
    public var by: StaffID
    public var at: Timestamp
    public var summary: String
    public var plan: String
    /// The 30th, or the month's last day when it is shorter (end of that day).
    public var due: Timestamp
    public var clause: String

    public init(month: String, by: StaffID, at: Timestamp, summary: String, plan: String, due: Timestamp, clause: String) {
        self.month = month
        self.by = by
        self.at = at
        self.summary = summary
        self.plan = plan
        self.due = due
        self.clause = clause
    }

    public var path: String { MonthlySummary.path(month: month, by: by) }

    public static func path(month: String, by: StaffID) -> String { "records/rounds/summaries/\(month)/\(by.rawValue).json" }
}

/// The round's numbers (003 九), a profile setting; absent, `RoundRule.standard`.
public struct RoundRule: Codable, Equatable, Sendable {
    /// Who does the round: hands in patrol reports and summaries, visits households.
    public var by: [Role]
    /// Households a day (每天走访4-5户): the pace is judged against the lower number.
    public var visitsPerDay: Int
    /// The local time of the next working day by which a patrol report is reviewed (第二天九时取回).
    public var reviewBy: String
    /// The day of the month by which the summary is due (每月30日前), capped at the month's last day.
    public var summaryDay: Int
    public var clause: String

    public init(by: [Role], visitsPerDay: Int, reviewBy: String, summaryDay: Int, clause: String) {
        self.by = by
        self.visitsPerDay = visitsPerDay
        self.reviewBy = reviewBy
        self.summaryDay = summaryDay
        self.clause = clause
    }

    public static let standard = RoundRule(by: [.csAssistant], visitsPerDay: 4, reviewBy: "09:00", summaryDay: 30, clause: "003 九")
}

extension Staff {
    /// Whether `unit` lies in this person's area 责任区: an area entry is a unit, or a building
    /// (or any prefix of units) followed by `-`.
    public func covers(_ unit: String) -> Bool {
        (area ?? []).contains { unit == $0 || unit.hasPrefix($0 + "-") }
    }
}
