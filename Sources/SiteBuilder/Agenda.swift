import CaseModel
import Foundation
import Procedures

/// One late case on the overdue page: a deadline passed unmet, or a case the escalation ladder
/// says should have gone up and has not (002 篇1 §4.7–4.8).
public struct OverdueEntry: Equatable, Sendable {
    public var caseID: CaseID
    /// The deadline's step (`report`, `answer`, `resolve`, …), or `ladder`.
    public var step: String
    /// Late since: the deadline's due time, or the moment the ladder step applied.
    public var due: Timestamp
    public var clause: String
    /// Who holds the case now, at which level.
    public var holder: StaffID
    public var level: Level
    /// The level that should hold it now: the higher of the ladder's level and the missed
    /// deadline's `escalateTo` (never below the current level).
    public var requiredLevel: Level
    /// The clause that requires `requiredLevel`.
    public var requiredClause: String

    /// Whether the case sits below the level the procedures require.
    public var needsEscalation: Bool { requiredLevel > level }
}

/// A revisit still to be made: from a case's revisit plan, or from the monthly sample.
public struct RevisitDue: Equatable, Sendable {
    public enum Source: Equatable, Sendable {
        /// `revisitsPlanned[index]` of the case.
        case plan(index: Int)
        /// The monthly sample of `month`.
        case sample(month: String)
    }

    public var caseID: CaseID
    public var due: Timestamp
    /// Roles that may make it (002 篇2 §4.1.3).
    public var by: [Role]
    public var modes: [RevisitMode]
    public var clause: String
    public var source: Source

    /// A stable identifier, for iCalendar's UID.
    public var key: String {
        switch source {
        case .plan(let i): "\(caseID.rawValue)-revisit-\(i + 1)"
        case .sample(let m): "\(caseID.rawValue)-sample-\(m)"
        }
    }
}

/// What the dashboard must show as needing action, computed from case values at `now`.
public enum Agenda {
    /// Every overdue deadline of the open cases, and every open case below its ladder level,
    /// oldest first.
    public static func overdue(_ cases: [CaseFile], profile: Profile, at now: Timestamp) -> [OverdueEntry] {
        var out: [OverdueEntry] = []
        for file in cases where file.state.status.isOpen {
            let ladder = Schedule.ladderLevel(for: file, at: now, profile: profile)
            let s = file.state
            for d in Schedule.overdue(file, at: now) {
                var required = s.level, clause = ""
                if let ladder, ladder.level > required { required = ladder.level; clause = ladder.clause }
                if let up = d.escalateTo, up > required { required = up; clause = d.clause }
                out.append(OverdueEntry(caseID: file.id, step: d.step, due: d.due, clause: d.clause, holder: s.holder,
                                        level: s.level, requiredLevel: required, requiredClause: clause))
            }
            if let ladder, ladder.level > s.level {
                out.append(OverdueEntry(caseID: file.id, step: "ladder",
                                        due: file.intake.receivedAt.adding(seconds: ladder.after.seconds), clause: ladder.clause,
                                        holder: s.holder, level: s.level, requiredLevel: ladder.level, requiredClause: ladder.clause))
            }
        }
        return out.sorted { ($0.due, $0.caseID.rawValue, $0.step) < ($1.due, $1.caseID.rawValue, $1.step) }
    }

    /// Deadlines of open cases not yet due that fall due within `seconds` of `now`, soonest first.
    public static func dueSoon(_ cases: [CaseFile], at now: Timestamp, within seconds: Int = 86_400) -> [(CaseFile, Deadline)] {
        let limit = now.adding(seconds: seconds)
        var out: [(CaseFile, Deadline)] = []
        for file in cases where file.state.status.isOpen {
            for d in file.state.deadlines where d.due <= limit && Schedule.standing(of: d, in: file, at: now) == .pending(overdue: false) {
                out.append((file, d))
            }
        }
        return out.sorted { ($0.1.due, $0.0.id.rawValue) < ($1.1.due, $1.0.id.rawValue) }
    }

    /// The revisits still to be made: each open case's planned revisits not yet done, and the
    /// samples' picks (monthly or daily draws) whose case has had no revisit since the resolution
    /// the pick follows (or since the sample's month began); soonest first.
    public static func revisits(_ cases: [CaseFile], samples: [MonthlySample], profile: Profile) -> [RevisitDue] {
        var out: [RevisitDue] = []
        var byID: [CaseID: CaseFile] = [:]
        for file in cases { byID[file.id] = file }
        for file in cases where file.state.status.isOpen {
            for (i, plan) in file.state.revisitsPlanned.enumerated() where plan.doneAt == nil {
                out.append(RevisitDue(caseID: file.id, due: plan.due, by: plan.by, modes: plan.modes, clause: plan.clause, source: .plan(index: i)))
            }
        }
        for sample in samples {
            for pick in sample.revisits.selected {
                guard let due = pick.due, let file = byID[pick.id] else { continue }
                if file.state.revisits.contains(where: { pick.isAnswered(byRevisitAt: $0.at, month: sample.month) }) { continue }
                if out.contains(where: { $0.caseID == pick.id }) { continue }
                let rule = profile.revisits.first { $0.kind == file.intake.kind }
                out.append(RevisitDue(caseID: pick.id, due: due, by: rule?.by ?? [.csAssistant],
                                      modes: pick.mode.map { [$0] } ?? rule?.modes ?? [.phone],
                                      clause: sample.revisits.clause, source: .sample(month: sample.month)))
            }
        }
        return out.sorted { ($0.due, $0.caseID.rawValue, $0.key) < ($1.due, $1.caseID.rawValue, $1.key) }
    }

    /// The samples' picks whose case the pages show in full (`Dashboard.cases` must hold them):
    /// every pick of this month's and last month's samples (the revisit page's tables), and any
    /// other pick still to be revisited (`revisits(_:samples:profile:)`). Judged from a case's
    /// summary, whose revisit times are its file's, so a site reads only these picks' files and
    /// not the thousands already revisited.
    public struct PicksShown: Sendable {
        private var picks: [CaseID: [(pick: MonthlySample.Pick, month: String)]] = [:]
        private let current: Set<String>

        public init(_ samples: [MonthlySample], at now: Timestamp, zone: TimeZone) {
            current = Set(Dashboard.currentSampleMonths(at: now, zone: zone))
            for sample in samples {
                for pick in sample.revisits.selected { picks[pick.id, default: []].append((pick, sample.month)) }
            }
        }

        /// Whether the pages show the case of `summary` as a pick.
        public func contains(_ summary: Procedures.CaseSummary) -> Bool {
            guard let mine = picks[summary.id] else { return false }
            return mine.contains { pick, month in
                if current.contains(month) { return true }
                guard pick.due != nil else { return false }
                return !summary.revisits.contains { pick.isAnswered(byRevisitAt: $0, month: month) }
            }
        }
    }

    /// One day of the revisit schedule.
    public struct Day: Equatable, Sendable {
        /// `YYYY-MM-DD` in the repository's time zone.
        public var day: String
        public var start: Timestamp
        public var items: [RevisitDue]
    }

    /// `items` laid out as the revisit page shows them: late ones (due before `now`), then each
    /// of the next `days` days from today (empty days included), then anything later.
    static func schedule(_ items: [RevisitDue], at now: Timestamp, time: LocalTime, days: Int = 14) -> (late: [RevisitDue], days: [Day], later: [RevisitDue]) {
        let late = items.filter { $0.due < now }
        var out: [Day] = []
        for k in 0..<days {
            let start = time.startOfDay(now, plus: k), end = time.startOfDay(now, plus: k + 1)
            out.append(Day(day: time.day(start), start: start,
                           items: items.filter { $0.due >= now && $0.due >= start && $0.due < end }))
        }
        let horizon = time.startOfDay(now, plus: days)
        return (late, out, items.filter { $0.due >= horizon })
    }
}

extension MonthlySample.Pick {
    /// Whether a revisit made at `at` answers this pick of the sample of `month`: made after the
    /// resolution the pick follows (after the month began, for a pick without one). The revisit
    /// schedule, the sample's table and the site's choice of the picks it reads all judge so.
    func isAnswered(byRevisitAt at: Timestamp, month: String) -> Bool {
        resolvedAt.map { at >= $0 } ?? (at.localDay >= month + "-01")
    }
}
