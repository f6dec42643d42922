import CaseModel
import Foundation

/// The daily round's records as committed (003 九), and what is late in them: patrol reports
/// not reviewed by 9:00 the next working day, monthly summaries missing after their day, and each
/// person's visits against the pace that covers their area within the year.
public struct RoundBook: Sendable {
    public var patrols: [PatrolReport]
    public var visits: [HouseholdVisit]
    public var summaries: [MonthlySummary]

    public init(patrols: [PatrolReport], visits: [HouseholdVisit], summaries: [MonthlySummary]) {
        self.patrols = patrols.sorted { ($0.day, $0.by.rawValue) < ($1.day, $1.by.rawValue) }
        self.visits = visits.sorted { ($0.at, $0.id) < ($1.at, $1.id) }
        self.summaries = summaries
    }

    /// Reports still not reviewed at `now` although due (第二天九时取回, 003 九.2), oldest first.
    public func unreviewed(at now: Timestamp) -> [PatrolReport] {
        patrols.filter { $0.review == nil && $0.reviewDue < now }
    }

    /// A summary that should be there and is not (003 九.5).
    public struct MissingSummary: Equatable, Sendable {
        public var by: StaffID
        public var month: String
        public var due: Timestamp
    }

    /// The months whose summaries are looked for: from the first month with any round record (or
    /// `since`) up to the month of `now`.
    public func months(upTo now: Timestamp, since: String? = nil) -> [String] {
        // A centre that keeps no round records at all has not started the round: nothing is missing.
        if since == nil, patrols.isEmpty, visits.isEmpty, summaries.isEmpty { return [] }
        let first = ([since].compactMap { $0 } + patrols.map { String($0.day.prefix(7)) } + visits.map { String($0.at.localDay.prefix(7)) }
                     + summaries.map(\.month)).min() ?? String(now.localDay.prefix(7))
        var out: [String] = []
        var month = first
        let last = String(now.localDay.prefix(7))
        while month <= last, out.count < 240 {
            out.append(month)
            guard let t = Timestamp.parse(month + "-01", defaultZone: TimeZone(secondsFromGMT: 0) ?? .current) else { break }
            month = String(t.addingMonths(1).localDay.prefix(7))
        }
        return out
    }

    /// Summaries due before `now` that nobody who does the round has written, by month then person.
    public func missingSummaries(staff: StaffRegistry, rule: RoundRule, zone: TimeZone, at now: Timestamp, since: String? = nil) -> [MissingSummary] {
        let people = staff.staff.filter { RoundChange.doesRound($0, rule: rule) }
        var out: [MissingSummary] = []
        for month in months(upTo: now, since: since) {
            guard let due = RoundChange.summaryDue(month: month, rule: rule, zone: zone), due < now else { continue }
            for p in people where !summaries.contains(where: { $0.month == month && $0.by == p.id }) {
                out.append(MissingSummary(by: p.id, month: month, due: due))
            }
        }
        return out
    }

    /// One person's visits this year against their area (003 九.3).
    public struct Coverage: Equatable, Sendable {
        public var by: StaffID
        /// Households in the area (units of the estate's list in it).
        public var households: Int
        /// Distinct households visited in the year.
        public var visited: Int
        /// Visits made in the year (a household may be visited twice).
        public var visits: Int
        /// How many households should have been visited by now to cover the area within the year.
        public var needed: Int
        /// Whether the person keeps the pace.
        public var onPace: Bool { visited >= needed }
    }

    /// The year the coverage is counted over at `now`: from 1 January, or from the first day of
    /// the month the first visit was recorded in when that is later (a centre that starts the
    /// round in October has a year from October to cover its areas).
    public func coverageYear(at now: Timestamp) -> (start: Timestamp, end: Timestamp)? {
        let zone = TimeZone(secondsFromGMT: now.offsetSeconds) ?? .current
        guard let january = Timestamp.parse(String(now.localDay.prefix(4)) + "-01-01", defaultZone: zone) else { return nil }
        var start = january
        if let first = visits.first?.at, first > january, first <= now,
           let month = Timestamp.parse(String(first.localDay.prefix(7)) + "-01", defaultZone: zone) {
            start = month
        }
        return (start, start.addingMonths(12))
    }

    /// The coverage of everyone who does the round and has an area, over `coverageYear`.
    public func coverage(staff: StaffRegistry, rule: RoundRule, units: [String], at now: Timestamp) -> [Coverage] {
        guard let (start, end) = coverageYear(at: now) else { return [] }
        let elapsed = Double(now.unixSeconds - start.unixSeconds) / Double(end.unixSeconds - start.unixSeconds)
        return staff.staff.filter { RoundChange.doesRound($0, rule: rule) && !($0.area ?? []).isEmpty }.map { member in
            let area = units.filter(member.covers)
            let mine = visits.filter { $0.by == member.id && $0.at >= start && $0.at <= now }
            let visited = Set(mine.map(\.unit).filter(member.covers)).count
            let needed = Int((Double(area.count) * elapsed).rounded(.up))
            return Coverage(by: member.id, households: area.count, visited: visited, visits: mine.count, needed: min(needed, area.count))
        }
    }
}
