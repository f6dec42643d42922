import CaseModel
import Foundation

/// The review sign-offs of PROCEDURES.md §3 "reviews": who signs each, what period and which
/// cases it covers, and when it is due.
public enum Reviews {
    public struct Rule: Sendable {
        public let kind: ReviewKind
        public let by: Set<Role>
        public let clause: String
    }

    public static func rule(_ kind: ReviewKind) -> Rule {
        switch kind {
        case .daily: Rule(kind: kind, by: [.supervisor, .manager, .director, .generalManager], clause: "002 篇1 §4.3")
        case .weekly: Rule(kind: kind, by: [.manager, .director, .generalManager], clause: "002 篇1 §4.9")
        case .records: Rule(kind: kind, by: [.supervisor, .manager, .director, .generalManager], clause: "000 §1(8)–(9)")
        }
    }

    /// The period containing `day` (`YYYY-MM-DD`): the day itself, or its Monday-to-Sunday week.
    public static func period(_ kind: ReviewKind, containing day: String, in zone: TimeZone) -> (from: String, to: String)? {
        guard let start = Timestamp.parse(day, defaultZone: zone) else { return nil }
        if kind == .daily { return (start.localDay, start.localDay) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let weekday = calendar.component(.weekday, from: start.date)  // 1 = Sunday
        let monday = start.adding(seconds: -((weekday + 5) % 7) * 86_400)
        return (monday.localDay, monday.adding(seconds: 6 * 86_400).localDay)
    }

    /// When the review of a period is due: the end of the day after a daily period; the end of
    /// the Monday after a week.
    public static func due(_ kind: ReviewKind, to: String, in zone: TimeZone) -> Timestamp? {
        Timestamp.parse(to, defaultZone: zone).map { $0.adding(seconds: 2 * 86_400 - 1) }
    }

    /// The cases a review covers: those received in the period (the intake log); for `records`,
    /// the complaints with a step in the period and every case revisited in it.
    public static func covered(_ kind: ReviewKind, from: String, to: String, cases: [CaseFile], in zone: TimeZone) -> [CaseFile] {
        guard let covers = covers(kind, from: from, to: to, in: zone) else { return [] }
        return cases.filter { covers(CaseFacts($0)) }.sorted { $0.id.rawValue < $1.id.rawValue }
    }

    /// Whether a review of `kind` for `from`…`to` covers a case, given its facts (nil for a
    /// day that does not parse): what `covered` selects by.
    public static func covers(_ kind: ReviewKind, from: String, to: String, in zone: TimeZone) -> ((CaseFacts) -> Bool)? {
        guard let start = Timestamp.parse(from, defaultZone: zone), let last = Timestamp.parse(to, defaultZone: zone) else { return nil }
        let end = last.adding(seconds: 86_400)
        func within(_ t: Timestamp) -> Bool { t >= start && t < end }
        return { facts in
            switch kind {
            case .daily, .weekly: within(facts.receivedAt)
            case .records: facts.complaintSteps.contains(where: within) || facts.revisits.contains(where: within)
            }
        }
    }

    /// One late entry 补录 a review lists: the case, the step's index and the step.
    public struct LateEntryRow: Sendable {
        public let id: CaseID
        public let index: Int
        public let event: Event
    }

    /// The late entries 补录 recorded in the period `from`…`to` (by `recordedAt`, whatever the day
    /// they state), in the order they were recorded: what the reviewer must see, since a step
    /// entered afterwards is not in the day's log as it was kept (002 篇1 §4.2–4.3).
    public static func lateEntries(from: String, to: String, cases: [CaseFile], in zone: TimeZone) -> [LateEntryRow] {
        guard let start = Timestamp.parse(from, defaultZone: zone), let last = Timestamp.parse(to, defaultZone: zone) else { return [] }
        let end = last.adding(seconds: 86_400)
        var rows: [LateEntryRow] = []
        for file in cases {
            for (i, e) in file.events.enumerated() {
                if let r = e.recordedAt, r >= start, r < end { rows.append(LateEntryRow(id: file.id, index: i, event: e)) }
            }
        }
        return rows.sorted { ($0.event.recorded, $0.id.rawValue, $0.index) < ($1.event.recorded, $1.id.rawValue, $1.index) }
    }

    /// The periods of the last `days` days before `now` that need a review of `kind` (some case
    /// falls in them), are past due, and have none in `done`: what the dashboard lists as late.
    public static func missing(_ kind: ReviewKind, cases: [CaseFile], done: [ReviewRecord], now: Timestamp, days: Int = 35,
                               in zone: TimeZone) -> [(from: String, to: String, due: Timestamp, cases: Int)] {
        missing(kind, facts: cases.map(CaseFacts.init), done: done, now: now, days: days, in: zone)
    }

    /// `missing` from the cases' facts (`CaseSummary.facts`), so that every case need not be read in full.
    public static func missing(_ kind: ReviewKind, facts: [CaseFacts], done: [ReviewRecord], now: Timestamp, days: Int = 35,
                               in zone: TimeZone) -> [(from: String, to: String, due: Timestamp, cases: Int)] {
        missing(kind, facts: facts, signed: Set(done.filter { $0.kind == kind }.map(\.from)), now: now, days: days, in: zone)
    }

    /// `missing` from the first days (`ReviewRecord.from`) of the periods of `kind` signed off.
    public static func missing(_ kind: ReviewKind, facts: [CaseFacts], signed: Set<String>, now: Timestamp, days: Int = 35,
                               in zone: TimeZone) -> [(from: String, to: String, due: Timestamp, cases: Int)] {
        var seen: Set<String> = []
        var out: [(from: String, to: String, due: Timestamp, cases: Int)] = []
        for back in stride(from: days, through: 1, by: -1) {
            let day = Timestamp(date: now.adding(seconds: -back * 86_400).date, in: zone).localDay
            guard let p = period(kind, containing: day, in: zone), !seen.contains(p.from) else { continue }
            seen.insert(p.from)
            guard !signed.contains(p.from), let due = due(kind, to: p.to, in: zone), due < now else { continue }
            guard let covers = covers(kind, from: p.from, to: p.to, in: zone) else { continue }
            let n = facts.filter(covers).count
            if n > 0 { out.append((p.from, p.to, due, n)) }
        }
        return out
    }
}
