import CaseModel

/// The month's figures (PROCEDURES.md §5; 004 §4.5): on-time rate 投诉处理及时率 = cases handled
/// within their deadlines ÷ all cases × 100 %, revisit rate against the required rate, and
/// satisfaction, over the cases received in the month. The on-time rate is counted twice: by the
/// steps' stated times, and as recorded — a late entry 补录 counted at the moment it entered the
/// record (`Event.recordedAt`) — and the month's late entries are counted per person, so that a
/// paper record entered a week later is never silently on time (002 篇1 §4.2).
public struct MonthReport: Codable, Equatable, Sendable {
    public var month: String
    /// When the figures were computed: deadlines not yet due then count as on time so far.
    public var at: Timestamp
    public var total: Row
    public var byKind: [Row]
    public var byDepartment: [Row]
    public var bySeverity: [Row]
    /// Late entries 补录 recorded in the month (by `recordedAt`), per person who recorded them,
    /// most first.
    public var lateEntries: [PersonCount]
    /// The month's rate-sampled revisits, where the profile samples (nil otherwise).
    public var sampled: SampleFigures?

    /// The month's sample of routine work (`Sampling`): the work finished in the month, how
    /// much of it the month's draws covered, how many they picked (the rate met is
    /// `selected ÷ drawn`), and how many picks were revisited, and of those inside their window
    /// (from the resolution to the pick's due time: five days for a repair drawn daily, the 5th
    /// of next month for a villa's month-end sample).
    public struct SampleFigures: Codable, Equatable, Sendable {
        public var finished = 0
        public var drawn = 0
        public var selected = 0
        public var revisited = 0
        public var insideWindow = 0
        /// The rule's rate in percent, when it is one rate (not the villa's bands).
        public var requiredPercent: Int?

        public init() {}

        public var rate: Double? { drawn == 0 ? nil : Double(selected) * 100 / Double(drawn) }

        /// The figures of `month` from its `samples` (month files and daily draws) and `cases`.
        public static func compute(month: String, cases: [CaseFile], samples: [MonthlySample], profile: Profile,
                                   bounds: (start: Timestamp, end: Timestamp)) -> SampleFigures? {
            guard let rule = profile.sampling else { return nil }
            var f = SampleFigures()
            if rule.bands.count == 1, let p = rule.bands[0].percent, rule.bands[0].take == nil { f.requiredPercent = p }
            var byID: [CaseID: CaseFile] = [:]
            for file in cases where Sampling.isSampled(file, rule: rule, profile: profile) {
                byID[file.id] = file
                if let last = file.events.last(where: { $0.action == .resolve }), last.at >= bounds.start, last.at < bounds.end { f.finished += 1 }
            }
            for sample in samples where sample.month == month {
                f.drawn += sample.revisits.population.count
                for pick in sample.revisits.selected {
                    f.selected += 1
                    guard let file = byID[pick.id] ?? cases.first(where: { $0.id == pick.id }) else { continue }
                    let from = pick.resolvedAt ?? bounds.start
                    guard let visit = file.events.first(where: { $0.action == .revisit && $0.at >= from }) else { continue }
                    f.revisited += 1
                    if pick.due.map({ visit.at <= $0 }) ?? true { f.insideWindow += 1 }
                }
            }
            return f
        }
    }

    /// How many late entries one member of staff recorded.
    public struct PersonCount: Codable, Equatable, Sendable {
        public var by: StaffID
        public var count: Int
    }

    /// One line of figures.
    public struct Row: Codable, Equatable, Sendable {
        public var key: String
        public var cases = 0
        public var onTime = 0
        /// Cases on time when each step counts at the moment it was recorded (`recordedAt` for a
        /// late entry 补录): never more than `onTime`.
        public var onTimeAsRecorded = 0
        /// Steps of these cases entered late (补录).
        public var lateEntries = 0
        public var resolved = 0
        public var revisited = 0
        public var revisits = 0
        public var satisfied = 0
        /// Revisits made at home 家访; at least 20 % of revisits should be (002 篇2 §4.1.4).
        public var homeVisits = 0
        /// The share of cases the profile requires to be revisited, in percent (kinds only).
        public var requiredRevisitRate: Int?

        public init(key: String) { self.key = key }

        /// Percentages, nil when there is nothing to divide by.
        public var onTimeRate: Double? { cases == 0 ? nil : Double(onTime) * 100 / Double(cases) }
        public var onTimeRateAsRecorded: Double? { cases == 0 ? nil : Double(onTimeAsRecorded) * 100 / Double(cases) }
        public var revisitRate: Double? { resolved == 0 ? nil : Double(revisited) * 100 / Double(resolved) }
        public var satisfactionRate: Double? { revisits == 0 ? nil : Double(satisfied) * 100 / Double(revisits) }
        public var homeVisitRate: Double? { revisits == 0 ? nil : Double(homeVisits) * 100 / Double(revisits) }
    }

    /// Whether every deadline of `file` was met in time (or is not yet due at `now`).
    public static func onTime(_ file: CaseFile, at now: Timestamp) -> Bool {
        file.state.deadlines.allSatisfy { d in
            switch Schedule.standing(of: d, in: file, at: now) {
            case .met(_, let late): !late
            case .pending(let overdue): !overdue
            }
        }
    }

    /// `file` as recorded: every late entry's step moved to the moment it was recorded, the state
    /// folded again (deadlines stay as computed from the stated intake). `file` itself when it has
    /// no late entry.
    public static func asRecorded(_ file: CaseFile) -> CaseFile {
        guard file.events.contains(where: { $0.recordedAt != nil }) else { return file }
        let events = file.events.map { e -> Event in
            var moved = e
            moved.at = e.recorded
            return moved
        }
        return (try? CaseFile(id: file.id, events: events)) ?? file
    }

    /// The report for `month` (`YYYY-MM`) from `cases` and the committed `samples`, as of `now`.
    /// - Parameter lateEntries: every case's late entries (`CaseSummary.lateEntries`), where the
    ///   caller has them kept; read from `cases` otherwise.
    public static func compute(month: String, cases: [CaseFile], profile: Profile, at now: Timestamp, bounds: (start: Timestamp, end: Timestamp),
                               samples: [MonthlySample] = [], lateEntries recorded: [CaseSummary.LateEntry]? = nil) -> MonthReport {
        var total = Row(key: "all")
        var kinds: [String: Row] = [:], departments: [String: Row] = [:], severities: [String: Row] = [:]
        // Customer requests only: a quality check's non-conformity is the centre's own finding (002 篇9 §4).
        for file in cases where file.intake.receivedAt >= bounds.start && file.intake.receivedAt < bounds.end && file.intake.kind != .nonconformity {
            let recorded = asRecorded(file)
            func add(_ row: inout Row) {
                row.cases += 1
                if onTime(file, at: now) { row.onTime += 1 }
                if onTime(recorded, at: now) { row.onTimeAsRecorded += 1 }
                row.lateEntries += file.events.filter(\.isLateEntry).count
                if file.events.contains(where: { $0.action == .resolve }) { row.resolved += 1 }
                if file.events.contains(where: { $0.action == .revisit }) { row.revisited += 1 }
                row.revisits += file.state.revisits.count
                row.satisfied += file.state.revisits.filter(\.satisfied).count
                row.homeVisits += file.state.revisits.filter { $0.mode == .home }.count
            }
            add(&total)
            let kind = file.intake.kind.rawValue
            add(&kinds[kind, default: Row(key: kind)])
            let department = file.state.department?.rawValue ?? "unassigned"
            add(&departments[department, default: Row(key: department)])
            if let severity = file.intake.severity?.rawValue { add(&severities[severity, default: Row(key: severity)]) }
        }
        let late = recorded ?? cases.flatMap({ $0.events.compactMap { e in e.recordedAt.map { CaseSummary.LateEntry(by: e.by, recordedAt: $0) } } })
        return assembled(month: month, at: now, total: total, kinds: kinds, departments: departments, severities: severities,
                         lateEntries: late, profile: profile, bounds: bounds,
                         sampled: SampleFigures.compute(month: month, cases: cases, samples: samples, profile: profile, bounds: bounds))
    }

    /// The report from its rows as counted (from case files or from summaries): each kind's
    /// required revisit rate from the profile, the rows in the vocabulary's order, and the late
    /// entries recorded in `bounds` — whichever month their case was received in — per person.
    static func assembled(month: String, at now: Timestamp, total: Row, kinds counted: [String: Row], departments: [String: Row],
                          severities: [String: Row], lateEntries: [CaseSummary.LateEntry], profile: Profile,
                          bounds: (start: Timestamp, end: Timestamp), sampled: SampleFigures?) -> MonthReport {
        var kinds = counted
        for (kind, _) in kinds {
            kinds[kind]?.requiredRevisitRate = profile.revisits.filter { $0.kind.rawValue == kind && $0.repairSize == nil }.map(\.rate).max()
        }
        func ordered(_ rows: [String: Row], by order: [String]) -> [Row] {
            rows.values.sorted { (order.firstIndex(of: $0.key) ?? 99, $0.key) < (order.firstIndex(of: $1.key) ?? 99, $1.key) }
        }
        var late: [StaffID: Int] = [:]
        for e in lateEntries where e.recordedAt >= bounds.start && e.recordedAt < bounds.end {
            late[e.by, default: 0] += 1
        }
        let people = late.map { PersonCount(by: $0.key, count: $0.value) }
            .sorted { ($0.count, $1.by.rawValue) > ($1.count, $0.by.rawValue) }
        return MonthReport(month: month, at: now, total: total,
                           byKind: ordered(kinds, by: Kind.allCases.map(\.rawValue)),
                           byDepartment: ordered(departments, by: Department.allCases.map(\.rawValue)),
                           bySeverity: ordered(severities, by: Severity.allCases.map(\.rawValue)), lateEntries: people, sampled: sampled)
    }
}
