import CaseModel
import Foundation

/// One finding of the monthly analysis (004 §4.5.4): a problem that recurs (the same unit,
/// building, kind or department repeatedly within the month) or a quality indicator that swings
/// against the previous months. The manager may open a corrective action from it.
public struct Finding: Codable, Equatable, Sendable {
    public enum Dimension: String, Codable, CaseIterable, Sendable {
        case unit, building, kind, department
        case onTime = "on-time", satisfaction, revisit

        /// Whether it is an indicator that swings rather than a problem that recurs.
        public var isIndicator: Bool { self == .onTime || self == .satisfaction || self == .revisit }
    }

    /// `YYYY-MM/<dimension>/<key>`, e.g. `2026-11/unit/3-2-1801`: what a corrective action names.
    public var id: String
    public var dimension: Dimension
    /// The unit, building, kind or department; `all` for an indicator.
    public var key: String
    /// Recurring problems: how many in the month. Indicators: the month's rate in percent.
    public var current: Double
    /// Kinds and indicators: the average of the previous months (count or rate).
    public var previous: Double?
    /// The threshold it met: a count, or a drop in percentage points.
    public var threshold: Double
    /// The cases behind a recurring problem.
    public var cases: [CaseID]
    public var clause: String
}

/// Work orders signed and rated by the customer (004 §4.5.2): of the month's resolved repairs,
/// how many the customer confirmed, and how many they rated.
public struct WorkOrderFigures: Codable, Equatable, Sendable {
    public var resolved = 0
    public var confirmed = 0
    public var rated = 0
}

/// The monthly analysis: the findings and the work-order figures.
public struct MonthAnalysis: Codable, Equatable, Sendable {
    public var month: String
    public var findings: [Finding]
    public var workOrders: WorkOrderFigures

    /// Problems a resident or the estate suffers, counted for recurrence: complaints, repairs, help requests.
    public static let problemKinds: Set<Kind> = [.complaint, .repair, .help]

    /// The building of a unit: its first part (`3` of `3-2-1801`), nil when it has no parts.
    public static func building(of unit: String) -> String? {
        let parts = unit.split(separator: "-")
        return parts.count > 1 ? String(parts[0]) : nil
    }

    /// The month before `month` (`YYYY-MM`), `k` months back.
    public static func month(_ month: String, back k: Int) -> String? {
        guard let t = Timestamp.parse(month + "-15", defaultZone: TimeZone(secondsFromGMT: 0) ?? .current) else { return nil }
        return String(t.addingMonths(-k).localDay.prefix(7))
    }

    /// The indicators that swing: each of `this` month's rates (on time, satisfaction, revisits)
    /// that fell by the rule's drop or more below their average over the months `before`.
    static func drops(_ this: MonthReport.Row, before: [MonthReport.Row], rule: AnalysisRule)
        -> [(dimension: Finding.Dimension, current: Double, average: Double, drop: Double)] {
        var out: [(dimension: Finding.Dimension, current: Double, average: Double, drop: Double)] = []
        for (d, rate, drop) in [(Finding.Dimension.onTime, \MonthReport.Row.onTimeRate, rule.onTimeDrop),
                                (.satisfaction, \MonthReport.Row.satisfactionRate, rule.satisfactionDrop), (.revisit, \MonthReport.Row.revisitRate, rule.revisitDrop)] {
            let earlier = before.compactMap { $0[keyPath: rate] }
            guard let current = this[keyPath: rate], !earlier.isEmpty else { continue }
            let average = earlier.reduce(0, +) / Double(earlier.count)
            if average - current >= drop { out.append((d, current, average, drop)) }
        }
        return out
    }

    /// The analysis of `month` from every case, as of `now`, under the profile's thresholds.
    public static func compute(month: String, cases: [CaseFile], profile: Profile, at now: Timestamp, zone: TimeZone) -> MonthAnalysis {
        let rule = profile.analysisRule
        var out = MonthAnalysis(month: month, findings: [], workOrders: WorkOrderFigures())
        guard let bounds = Sampling.bounds(of: month, in: zone) else { return out }
        func inMonth(_ f: CaseFile, _ b: (start: Timestamp, end: Timestamp)) -> Bool { f.intake.receivedAt >= b.start && f.intake.receivedAt < b.end }
        let problems = cases.filter { inMonth($0, bounds) && problemKinds.contains($0.intake.kind) }
        func add(_ d: Finding.Dimension, _ key: String, current: Double, previous: Double?, threshold: Double, cases: [CaseID]) {
            out.findings.append(Finding(id: "\(month)/\(d.rawValue)/\(key)", dimension: d, key: key, current: current, previous: previous,
                                        threshold: threshold, cases: cases.sorted { $0.rawValue < $1.rawValue }, clause: rule.clause))
        }
        // The same unit, repeatedly within the month.
        let byUnit = Dictionary(grouping: problems.filter { $0.intake.unit != nil }) { $0.intake.unit ?? "" }
        for (unit, files) in byUnit.sorted(by: { $0.key < $1.key }) where files.count >= rule.unit {
            add(.unit, unit, current: Double(files.count), previous: nil, threshold: Double(rule.unit), cases: files.map(\.id))
        }
        // A building, a kind, or one department's complaints rising against the previous months' average.
        let previousMonths = (1...max(1, rule.previousMonths)).compactMap { self.month(month, back: $0) }
        // Only months the records cover: a centre's first months are not compared with nothing.
        let firstMonth = cases.map { String($0.intake.receivedAt.localDay.prefix(7)) }.min() ?? month
        let previousBounds = previousMonths.filter { $0 >= firstMonth }.compactMap { Sampling.bounds(of: $0, in: zone) }
        let building: (CaseFile) -> String? = { $0.intake.unit.flatMap(MonthAnalysis.building) }
        let department: (CaseFile) -> String? = { $0.intake.kind == .complaint ? $0.state.department?.rawValue : nil }
        let kind: (CaseFile) -> String? = { $0.intake.kind.rawValue }
        for (d, key, minimum) in [(Finding.Dimension.building, building, rule.building), (.kind, kind, rule.kind), (.department, department, rule.department)] {
            let groups = Dictionary(grouping: problems.filter { key($0) != nil }) { key($0) ?? "" }
            for (k, files) in groups.sorted(by: { $0.key < $1.key }) where files.count >= minimum {
                let counts = previousBounds.map { b in cases.filter { inMonth($0, b) && problemKinds.contains($0.intake.kind) && key($0) == k }.count }
                guard !counts.isEmpty, counts.contains(where: { $0 > 0 }) else { continue }
                let average = Double(counts.reduce(0, +)) / Double(counts.count)
                if Double(files.count) >= average * (1 + Double(rule.risePercent) / 100) {
                    add(d, k, current: Double(files.count), previous: average, threshold: Double(minimum), cases: files.map(\.id))
                }
            }
        }
        // Indicators that swing: a drop against the previous months' average.
        let this = MonthReport.compute(month: month, cases: cases, profile: profile, at: now, bounds: bounds).total
        let before = previousBounds.enumerated().map { MonthReport.compute(month: previousMonths[$0.offset], cases: cases, profile: profile, at: now,
                                                                          bounds: $0.element).total }
        for s in drops(this, before: before, rule: rule) {
            add(s.dimension, "all", current: s.current, previous: s.average, threshold: s.drop, cases: [])
        }
        // Work orders signed and rated by the customer (004 §4.5.2).
        for f in cases where f.intake.kind == .repair {
            guard let r = f.events.last(where: { $0.action == .resolve }), r.at >= bounds.start, r.at < bounds.end else { continue }
            out.workOrders.resolved += 1
            if r.customerConfirmed == true { out.workOrders.confirmed += 1 }
            if r.rating != nil { out.workOrders.rated += 1 }
        }
        return out
    }
}
