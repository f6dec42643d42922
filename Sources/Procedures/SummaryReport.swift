import CaseModel
import Foundation

// The monthly figures from case summaries (`CaseSummary`, kept by blob id) rather than case
// files: the same figures as `MonthReport.compute(month:cases:…)` and
// `MonthAnalysis.compute(month:cases:…)` (tests compare them on simulated repositories), without
// reading or folding any case file. The site, `report --month` and the company's league use these.

extension Sampling {
    /// `isSampled(file, …)` of the summary's case.
    public static func isSampled(_ s: CaseSummary, rule: SamplingRule, profile: Profile) -> Bool {
        isSampled(kind: s.kind, severity: s.severity, repairSize: s.repairSize, rule: rule, profile: profile)
    }
}

extension MonthReport.SampleFigures {
    /// `compute(month:cases:…)` from summaries.
    public static func compute(month: String, summaries: [CaseSummary], samples: [MonthlySample], profile: Profile,
                               bounds: (start: Timestamp, end: Timestamp)) -> MonthReport.SampleFigures? {
        guard let rule = profile.sampling else { return nil }
        var f = MonthReport.SampleFigures()
        if rule.bands.count == 1, let p = rule.bands[0].percent, rule.bands[0].take == nil { f.requiredPercent = p }
        var byID: [CaseID: Int] = [:]
        for (n, s) in summaries.enumerated() {
            if byID[s.id] == nil { byID[s.id] = n }
            guard Sampling.isSampled(s, rule: rule, profile: profile) else { continue }
            if let last = s.report.lastResolution, last.at >= bounds.start, last.at < bounds.end { f.finished += 1 }
        }
        for sample in samples where sample.month == month {
            f.drawn += sample.revisits.population.count
            for pick in sample.revisits.selected {
                f.selected += 1
                guard let n = byID[pick.id] else { continue }
                let from = pick.resolvedAt ?? bounds.start
                guard let visit = summaries[n].report.revisitSteps.first(where: { $0 >= from }) else { continue }
                f.revisited += 1
                if pick.due.map({ visit <= $0 }) ?? true { f.insideWindow += 1 }
            }
        }
        return f
    }
}

extension MonthReport {
    /// `compute(month:cases:…)` from summaries: the cases received in `bounds` (and, for the
    /// sampled figures, those finished in it and those the samples picked) are enough, with
    /// every case's late entries in `lateEntries`.
    public static func compute(month: String, summaries: [CaseSummary], profile: Profile, at now: Timestamp,
                               bounds: (start: Timestamp, end: Timestamp), samples: [MonthlySample] = [],
                               lateEntries recorded: [CaseSummary.LateEntry]? = nil) -> MonthReport {
        var total = Row(key: "all")
        var kinds: [String: Row] = [:], departments: [String: Row] = [:], severities: [String: Row] = [:]
        // Customer requests only: a quality check's non-conformity is the centre's own finding (002 篇9 §4).
        for s in summaries where Row.counts(s, in: bounds) {
            let onTime = s.report.onTime.at(now), onTimeAsRecorded = s.report.onTimeAsRecorded.at(now)
            total.add(s.report, onTime: onTime, onTimeAsRecorded: onTimeAsRecorded)
            let kind = s.kind.rawValue
            kinds[kind, default: Row(key: kind)].add(s.report, onTime: onTime, onTimeAsRecorded: onTimeAsRecorded)
            let department = s.department?.rawValue ?? "unassigned"
            departments[department, default: Row(key: department)].add(s.report, onTime: onTime, onTimeAsRecorded: onTimeAsRecorded)
            if let severity = s.severity?.rawValue {
                severities[severity, default: Row(key: severity)].add(s.report, onTime: onTime, onTimeAsRecorded: onTimeAsRecorded)
            }
        }
        return assembled(month: month, at: now, total: total, kinds: kinds, departments: departments, severities: severities,
                         lateEntries: recorded ?? summaries.flatMap(\.lateEntries), profile: profile, bounds: bounds,
                         sampled: SampleFigures.compute(month: month, summaries: summaries, samples: samples, profile: profile, bounds: bounds))
    }
}

extension MonthReport.Row {
    /// Whether the month of `bounds` counts the case: received in it, and a customer request (a
    /// quality check's non-conformity is the centre's own finding, 002 篇9 §4).
    static func counts(_ s: CaseSummary, in bounds: (start: Timestamp, end: Timestamp)) -> Bool {
        s.receivedAt >= bounds.start && s.receivedAt < bounds.end && s.kind != .nonconformity
    }

    /// Counts one case's figures into the row.
    mutating func add(_ r: ReportFacts, onTime: Bool, onTimeAsRecorded: Bool) {
        cases += 1
        if onTime { self.onTime += 1 }
        if onTimeAsRecorded { self.onTimeAsRecorded += 1 }
        lateEntries += r.lateEntries
        if r.lastResolution != nil { resolved += 1 }
        if !r.revisitSteps.isEmpty { revisited += 1 }
        revisits += r.revisits
        satisfied += r.satisfied
        homeVisits += r.homeVisits
    }

    /// The month's total row alone (`MonthReport.compute(…).total`), as the analysis compares months.
    static func total(summaries: [CaseSummary], at now: Timestamp, bounds: (start: Timestamp, end: Timestamp)) -> MonthReport.Row {
        var row = MonthReport.Row(key: "all")
        for s in summaries where counts(s, in: bounds) {
            row.add(s.report, onTime: s.report.onTime.at(now), onTimeAsRecorded: s.report.onTimeAsRecorded.at(now))
        }
        return row
    }
}

extension MonthAnalysis {
    /// `compute(month:cases:…)` from summaries. Only the cases received in the month and the
    /// months it is compared with, and the repairs resolved in it, are looked at after one pass.
    public static func compute(month: String, summaries all: [CaseSummary], profile: Profile, at now: Timestamp, zone: TimeZone) -> MonthAnalysis {
        compute(month: month, summaries: all, firstMonth: firstMonth(of: all), profile: profile, at: now, zone: zone)
    }

    /// The month (`YYYY-MM`) of the earliest intake among `summaries`, as its local day gives it:
    /// the records' first month. The earliest local day is the one of the earliest local time (a
    /// day's text follows the local seconds), so only that one is formatted.
    public static func firstMonth(of summaries: [CaseSummary]) -> String? {
        var earliest: Timestamp?
        for s in summaries {
            let t = s.receivedAt
            if earliest.map({ t.unixSeconds + Int64(t.offsetSeconds) < $0.unixSeconds + Int64($0.offsetSeconds) }) ?? true { earliest = t }
        }
        return earliest.map { String($0.localDay.prefix(7)) }
    }

    /// `compute(month:summaries:…)` where the records' first month (`firstMonth(of:)` of every
    /// case) is known and `all` holds at least every case received in the month or in the months
    /// it is compared with, and every repair resolved in it (more do no harm: each is tested
    /// against the months' bounds).
    public static func compute(month: String, summaries all: [CaseSummary], firstMonth: String?, profile: Profile, at now: Timestamp,
                               zone: TimeZone) -> MonthAnalysis {
        let rule = profile.analysisRule
        var out = MonthAnalysis(month: month, findings: [], workOrders: WorkOrderFigures())
        guard let bounds = Sampling.bounds(of: month, in: zone) else { return out }
        func inMonth(_ s: CaseSummary, _ b: (start: Timestamp, end: Timestamp)) -> Bool { s.receivedAt >= b.start && s.receivedAt < b.end }
        // Only months the records cover: a centre's first months are not compared with nothing.
        let previousMonths = previousMonths(of: month, rule: rule)
        let previousBounds = previousMonths.filter { $0 >= firstMonth ?? month }.compactMap { Sampling.bounds(of: $0, in: zone) }
        // The cases the analysis looks at: received in the month or the months before it compared with.
        let spans = [bounds] + previousBounds
        let cases = all.filter { s in spans.contains { inMonth(s, $0) } }
        let problems = cases.filter { inMonth($0, bounds) && problemKinds.contains($0.kind) }
        func add(_ d: Finding.Dimension, _ key: String, current: Double, previous: Double?, threshold: Double, cases: [CaseID]) {
            out.findings.append(Finding(id: "\(month)/\(d.rawValue)/\(key)", dimension: d, key: key, current: current, previous: previous,
                                        threshold: threshold, cases: cases.sorted { $0.rawValue < $1.rawValue }, clause: rule.clause))
        }
        // The same unit, repeatedly within the month.
        let byUnit = Dictionary(grouping: problems.filter { $0.unit != nil }) { $0.unit ?? "" }
        for (unit, files) in byUnit.sorted(by: { $0.key < $1.key }) where files.count >= rule.unit {
            add(.unit, unit, current: Double(files.count), previous: nil, threshold: Double(rule.unit), cases: files.map(\.id))
        }
        // A building, a kind, or one department's complaints rising against the previous months' average.
        let building: (CaseSummary) -> String? = { $0.unit.flatMap(MonthAnalysis.building) }
        let department: (CaseSummary) -> String? = { $0.kind == .complaint ? $0.department?.rawValue : nil }
        let kind: (CaseSummary) -> String? = { $0.kind.rawValue }
        let dimensions = [(Finding.Dimension.building, building, rule.building), (.kind, kind, rule.kind), (.department, department, rule.department)]
        // Each dimension's problems per key in each month compared with, counted in one pass.
        var earlier: [[String: [Int]]] = dimensions.map { _ in [:] }
        for s in cases where problemKinds.contains(s.kind) {
            guard let m = previousBounds.firstIndex(where: { inMonth(s, $0) }) else { continue }
            for (n, dimension) in dimensions.enumerated() {
                guard let k = dimension.1(s) else { continue }
                earlier[n][k, default: Array(repeating: 0, count: previousBounds.count)][m] += 1
            }
        }
        for (n, (d, key, minimum)) in dimensions.enumerated() {
            let groups = Dictionary(grouping: problems.filter { key($0) != nil }) { key($0) ?? "" }
            for (k, files) in groups.sorted(by: { $0.key < $1.key }) where files.count >= minimum {
                let counts = earlier[n][k] ?? Array(repeating: 0, count: previousBounds.count)
                guard !counts.isEmpty, counts.contains(where: { $0 > 0 }) else { continue }
                let average = Double(counts.reduce(0, +)) / Double(counts.count)
                if Double(files.count) >= average * (1 + Double(rule.risePercent) / 100) {
                    add(d, k, current: Double(files.count), previous: average, threshold: Double(minimum), cases: files.map(\.id))
                }
            }
        }
        // Indicators that swing: a drop against the previous months' average.
        let this = MonthReport.Row.total(summaries: cases, at: now, bounds: bounds)
        let before = previousBounds.map { MonthReport.Row.total(summaries: cases, at: now, bounds: $0) }
        for s in drops(this, before: before, rule: rule) {
            add(s.dimension, "all", current: s.current, previous: s.average, threshold: s.drop, cases: [])
        }
        // Work orders signed and rated by the customer (004 §4.5.2).
        for s in all where s.kind == .repair {
            guard let r = s.report.lastResolution, r.at >= bounds.start, r.at < bounds.end else { continue }
            out.workOrders.resolved += 1
            if r.confirmed { out.workOrders.confirmed += 1 }
            if r.rated { out.workOrders.rated += 1 }
        }
        return out
    }

    /// The months `month` is compared with (the rule's `previousMonths`, latest first).
    public static func previousMonths(of month: String, rule: AnalysisRule) -> [String] {
        (1...max(1, rule.previousMonths)).compactMap { self.month(month, back: $0) }
    }
}
