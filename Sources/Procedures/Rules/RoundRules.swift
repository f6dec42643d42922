import CaseModel
import Foundation

/// The records of the customer-service department's daily round (003 九): patrol reports
/// reviewed by the superior, household visits, monthly summaries. Each is written once by its
/// author; a patrol report only gains its review, by the author's superior. The commands and the
/// hooks both check a change here.
public enum RoundChange {
    public static let patrolClause = "003 九.2"
    public static let visitClause = "003 九.3"
    public static let summaryClause = "003 九.5"

    // MARK: - Dates

    /// When a patrol report handed in at `handedInAt` must be reviewed: `rule.reviewBy` (9:00) of
    /// the next working day (第二天九时取回).
    public static func reviewDue(handedInAt: Timestamp, rule: RoundRule, calendar: BusinessCalendar) throws(Refusal) -> Timestamp {
        let next = try calendar.endOfWorkingDays(1, after: handedInAt).localDay
        let zone = TimeZone(secondsFromGMT: handedInAt.offsetSeconds) ?? .current
        return Timestamp.parse("\(next)T\(rule.reviewBy):00", defaultZone: zone) ?? handedInAt
    }

    /// The end of the day a month's summary is due: the `summaryDay` (30th), or the month's last
    /// day when the month is shorter (每月30日前).
    public static func summaryDue(month: String, rule: RoundRule, zone: TimeZone) -> Timestamp? {
        guard let start = Timestamp.parse(month + "-01", defaultZone: zone) else { return nil }
        let lastDay = Int(start.addingMonths(1).adding(seconds: -1).localDay.suffix(2)) ?? 28
        let day = min(rule.summaryDay, lastDay)
        return Timestamp.parse(String(format: "%@-%02dT23:59:59", month, day), defaultZone: zone)
    }

    /// Whether `member` does the round (hands in patrol reports and summaries, visits households).
    public static func doesRound(_ member: Staff, rule: RoundRule) -> Bool { member.roles.contains(where: rule.by.contains) }

    /// Whether `reviewer` may review `author`'s patrol report: the author's named superior, or
    /// (none named) a supervisor, manager or director senior to them (上级领导, 003 九.2).
    public static func isSuperior(_ reviewer: Staff, of author: Staff) -> Bool {
        if let named = author.superior { return reviewer.id == named }
        let lead: Set<Role> = [.supervisor, .manager, .director]
        let rank = { (s: Staff) in s.roles.map(\.rank).max() ?? -1 }
        return reviewer.roles.contains(where: lead.contains) && rank(reviewer) > rank(author)
    }

    // MARK: - Checks

    static func refuse(_ rule: String, _ clause: String, _ message: String, _ template: Refusal.Template) -> Refusal {
        Refusal(rule: rule, clause: clause, message, template: template)
    }

    static func noPhone(_ text: String?, field: String) throws(Refusal) {
        guard let text, Contact.maskMobiles(text) != text else { return }
        throw refuse("personal-data", NoPhoneInClear.clause, "\(field) holds a mobile number in clear; write it masked (138****5678)", .init(.roundPhone, [.text(field)]))
    }

    static func member(_ id: StaffID, _ staff: StaffRegistry) throws(Refusal) -> Staff {
        guard let m = staff[id] else {
            throw Refusal(rule: "known-staff", clause: "002 篇1 §4.2", "'\(oneLine(id.rawValue, limit: 64))' is not in records/staff.json",
                          template: .init(.unknownStaff, [.text(oneLine(id.rawValue, limit: 64))]))
        }
        return m
    }

    static func roundRole(_ m: Staff, rule: RoundRule, clause: String) throws(Refusal) {
        guard doesRound(m, rule: rule) else {
            throw refuse("role", clause, "\(m.id.rawValue) (\(m.roles.map(\.rawValue).joined(separator: ", "))) does not do the daily round; only "
                         + rule.by.map(\.rawValue).joined(separator: ", "), .init(.roundRole, [.text(m.id.rawValue), .roles(m.roles), .roles(rule.by)]))
        }
    }

    /// Validates a patrol report: new (`old` nil) as its author hands it in, or gaining its review.
    public static func validate(old: PatrolReport?, new: PatrolReport, path: String, staff: StaffRegistry, profile: Profile,
                                calendar: BusinessCalendar) throws(Refusal) {
        let rule = profile.roundRule
        guard new.format == PatrolReport.format else {
            throw refuse("schema", "records/schema/patrol.schema.json", "format must be \(PatrolReport.format)", .init(.format, [.text(PatrolReport.format)]))
        }
        guard new.by.isWellFormed, new.day.count == 10, Timestamp.parse(new.day, defaultZone: .current) != nil, path == new.path else {
            throw refuse("path", "DESIGN: records/rounds/", "the record must be at \(new.path)", .init(.roundPath, [.text(new.path)]))
        }
        let author = try member(new.by, staff)
        if let old {
            var head = new
            head.review = nil
            guard old.review == nil, head == old, new.review != nil else {
                throw refuse("append-only", patrolClause, "a patrol report is written once and only gains its review", .init(.roundFixed, []))
            }
        } else {
            try roundRole(author, rule: rule, clause: patrolClause)
            guard new.handedInAt.localDay == new.day else {
                throw refuse("patrol-day", "003 九.2", "a patrol report of \(new.day) is handed in that day, before leaving (not \(new.handedInAt))",
                             .init(.roundPatrolDay, [.text(new.day), .text(new.handedInAt.description)]))
            }
            let due = try reviewDue(handedInAt: new.handedInAt, rule: rule, calendar: calendar)
            guard new.reviewDue == due, new.clause == patrolClause else {
                throw refuse("deadline", "003 九.2", "the review is due at \(due) (\(rule.reviewBy) the next working day)",
                             .init(.roundReviewDue, [.text(due.description), .text(rule.reviewBy)]))
            }
            guard new.review == nil else {
                throw refuse("review", "003 九.2", "the review is the superior's own step, after the report is handed in", .init(.roundReviewOwnStep, []))
            }
            try noPhone(new.work, field: "work")
            for (i, f) in new.findings.enumerated() {
                guard !f.text.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw refuse("schema", "003 九.2", "findings[\(i)] is empty", .init(.roundEmpty, [.text("findings[\(i)]")]))
                }
                try noPhone(f.text, field: "findings[\(i)]")
                guard f.handled || f.case != nil else {
                    throw refuse("finding-case", "003 九.2", "findings[\(i)] was not handled at once: it is reported as a case (--raise)",
                                 .init(.roundFindingCase, [.text("findings[\(i)]")]))
                }
            }
        }
        if let review = new.review {
            let reviewer = try member(review.by, staff)
            guard isSuperior(reviewer, of: author) else {
                let who = author.superior?.rawValue ?? "supervisor, manager, director"
                throw refuse("reviewer", "003 九.2", "\(reviewer.id.rawValue) is not \(author.id.rawValue)'s superior; the report is reviewed by \(who)",
                             .init(.roundReviewer, [.text(reviewer.id.rawValue), .text(author.id.rawValue), .text(who)]))
            }
            guard review.at >= new.handedInAt else {
                throw refuse("time-order", "003 九.2", "the review at \(review.at) is before the report was handed in (\(new.handedInAt))",
                             .init(.roundReviewOrder, [.text(review.at.description), .text(new.handedInAt.description)]))
            }
            try noPhone(review.notes, field: "review.notes")
        }
    }

    /// Validates a new household visit (a visit is never changed).
    public static func validate(old: HouseholdVisit?, new: HouseholdVisit, path: String, staff: StaffRegistry, profile: Profile,
                                units: [String]?) throws(Refusal) {
        guard new.format == HouseholdVisit.format else {
            throw refuse("schema", "records/schema/visit.schema.json", "format must be \(HouseholdVisit.format)", .init(.format, [.text(HouseholdVisit.format)]))
        }
        guard HouseholdVisit.isWellFormed(new.id), path == new.path else {
            throw refuse("path", "DESIGN: records/rounds/", "the record must be at \(new.path)", .init(.roundPath, [.text(new.path)]))
        }
        guard old == nil else {
            throw refuse("append-only", visitClause, "a household visit is written once", .init(.roundWrittenOnce, [.text("visit")]))
        }
        let m = try member(new.by, staff)
        var rule = profile.roundRule
        rule.by.append(.supervisor)
        try roundRole(m, rule: rule, clause: visitClause)
        if let units, !units.isEmpty, !units.contains(new.unit) {
            throw refuse("unit", visitClause, "unit \(oneLine(new.unit, limit: 40)) is not in the estate's unit list (records/casebook.json units)",
                         .init(.roundVisitUnit, [.text(oneLine(new.unit, limit: 40))]))
        }
        try noPhone(new.notes, field: "notes")
    }

    /// Validates a new monthly summary (a summary is never changed).
    public static func validate(old: MonthlySummary?, new: MonthlySummary, path: String, staff: StaffRegistry, profile: Profile,
                                zone: TimeZone) throws(Refusal) {
        let rule = profile.roundRule
        guard new.format == MonthlySummary.format else {
            throw refuse("schema", "records/schema/summary.schema.json", "format must be \(MonthlySummary.format)", .init(.format, [.text(MonthlySummary.format)]))
        }
        guard let due = summaryDue(month: new.month, rule: rule, zone: zone), new.by.isWellFormed, path == new.path else {
            throw refuse("path", "DESIGN: records/rounds/", "the record must be at \(new.path)", .init(.roundPath, [.text(new.path)]))
        }
        guard old == nil else {
            throw refuse("append-only", summaryClause, "a monthly summary is written once", .init(.roundWrittenOnce, [.text("summary")]))
        }
        try roundRole(try member(new.by, staff), rule: rule, clause: summaryClause)
        guard new.due == due, new.clause == summaryClause else {
            throw refuse("deadline", summaryClause, "the summary of \(new.month) is due at \(due)", .init(.roundSummaryDue, [.text(new.month), .text(due.description)]))
        }
        if let start = Timestamp.parse(new.month + "-01", defaultZone: zone), new.at < start {
            throw refuse("time-order", summaryClause, "the summary of \(new.month) is written in or after that month, not at \(new.at)",
                         .init(.roundSummaryEarly, [.text(new.month), .text(new.at.description)]))
        }
        for (field, text) in [("summary", new.summary), ("plan", new.plan)] {
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw refuse("schema", summaryClause, "\(field) is empty", .init(.roundEmpty, [.text(field)]))
            }
            try noPhone(text, field: field)
        }
    }
}
