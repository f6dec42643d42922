import CaseModel
import Procedures

/// What the monthly figures read of every case, sorted into months in one pass over the cases,
/// so that a site with a report for each of many months does not read every case and every
/// event once per month. Each month is the span `Sampling.bounds(of:in:)` gives, exactly as the
/// figures count it (at a daylight-saving change that span and the zone's calendar month can
/// differ by an hour, so a time is tested against the bounds of its month and the two beside it).
struct MonthTotals: Sendable {
    /// The months asked for, with their bounds.
    let bounds: [String: (start: Timestamp, end: Timestamp)]
    /// Every case's summary (`Dashboard.summaries`, else made from the cases): what the monthly
    /// figures and the analysis read.
    let summaries: [Procedures.CaseSummary]
    /// Per month, the cases its `MonthReport` reads: those received in it, those whose last
    /// resolution is in it (the sample's finished cases) and those its samples drew. The
    /// report is the same as from every case (a test keeps it so).
    let reportCases: [String: [Procedures.CaseSummary]]
    /// Every late entry 补录 of every case, as `MonthReport` counts them by the month recorded.
    let lateEntries: [Procedures.CaseSummary.LateEntry]
    /// Per month, the steps made in it whose commit carries no signature that verifies against
    /// the author's registered key, per member of staff, most first.
    let unsignedSteps: [String: [(by: StaffID, count: Int)]]
    /// The month of the earliest intake (`MonthAnalysis.firstMonth(of:)`).
    let firstMonth: String?

    init(_ d: Dashboard, months wanted: [String]) {
        var bounds: [String: (start: Timestamp, end: Timestamp)] = [:]
        // The same spans by month number (`Timestamp.monthNumber`): a case's months found by
        // arithmetic, not by making and hashing their names.
        var spans: [Int: (name: String, start: Timestamp, end: Timestamp)] = [:]
        for month in wanted {
            guard let b = Sampling.bounds(of: month, in: d.timeZone) else { continue }
            bounds[month] = b
            if let n = MonthTotals.number(month) { spans[n] = (month, b.start, b.end) }
        }
        self.bounds = bounds
        // A moment's month by the zone's offset now (within a day of its month in the zone: the
        // months beside it are tried too, against their exact bounds).
        let offset = d.timeZone.secondsFromGMT(for: d.now.date)
        /// Adds to `months` (once each) the months asked for whose span holds `t`.
        func months(holding t: Timestamp, into months: inout [Int]) {
            let n = Timestamp.monthNumber(unixSeconds: t.unixSeconds, offsetSeconds: offset)
            for m in (n - 1)...(n + 1) {
                guard let b = spans[m], t >= b.start, t < b.end, !months.contains(m) else { continue }
                months.append(m)
            }
        }
        var cases: [Int: [Procedures.CaseSummary]] = [:]
        var late: [Procedures.CaseSummary.LateEntry] = []
        var unsigned: [Int: [StaffID: Int]] = [:]
        var picked: [CaseID: [Int]] = [:]
        for sample in d.samples where bounds[sample.month] != nil {
            guard let n = MonthTotals.number(sample.month) else { continue }
            for pick in sample.revisits.selected { picked[pick.id, default: []].append(n) }
        }
        summaries = d.summaries ?? d.cases.map { Procedures.CaseSummary($0, at: "") }
        var into: [Int] = []
        for summary in summaries {
            into.removeAll(keepingCapacity: true)
            months(holding: summary.receivedAt, into: &into)
            if let resolved = summary.report.lastResolution { months(holding: resolved.at, into: &into) }
            if !picked.isEmpty, let picks = picked[summary.id] {
                for m in picks where !into.contains(m) { into.append(m) }
            }
            for month in into { cases[month, default: []].append(summary) }
            late += summary.lateEntries
        }
        var steps = d.unsignedSteps ?? []
        if d.unsignedSteps == nil {
            for file in d.cases {
                guard let proofs = d.provenance[file.id] else { continue }
                steps += StreamTotals.unsignedSteps(of: file, proofs: proofs)
            }
        }
        for step in steps {
            into.removeAll(keepingCapacity: true)
            months(holding: step.at, into: &into)
            for month in into { unsigned[month, default: [:]][step.by, default: 0] += 1 }
        }
        reportCases = Dictionary(uniqueKeysWithValues: cases.map { (spans[$0.key]!.name, $0.value) })
        firstMonth = MonthAnalysis.firstMonth(of: summaries)
        lateEntries = late
        unsignedSteps = Dictionary(uniqueKeysWithValues: unsigned.map { month, counts in
            (spans[month]!.name, counts.map { (by: $0.key, count: $0.value) }.sorted { ($0.count, $1.by.rawValue) > ($1.count, $0.by.rawValue) })
        })
    }

    /// The number of month `YYYY-MM` (`Timestamp.monthNumber`); nil when it is not one.
    static func number(_ month: String) -> Int? {
        guard month.utf8.count == 7, let year = Int(month.prefix(4)), let m = Int(month.suffix(2)), (1...12).contains(m) else { return nil }
        return year * 12 + m - 1
    }

    /// The month's figures, as `MonthReport.compute` over every case gives them.
    func report(_ month: String, _ d: Dashboard, samples: [MonthlySample] = []) -> MonthReport? {
        guard let b = bounds[month] else { return nil }
        return MonthReport.compute(month: month, summaries: reportCases[month] ?? [], profile: d.profile, at: d.now, bounds: b,
                                   samples: samples, lateEntries: lateEntries)
    }

    /// The month's analysis (004 §4.5.2), as `MonthAnalysis.compute` over every case gives it,
    /// from the cases of its month and of the months it is compared with, each once.
    func analysis(_ month: String, _ d: Dashboard) -> MonthAnalysis {
        let compared = MonthAnalysis.previousMonths(of: month, rule: d.profile.analysisRule).filter { $0 >= firstMonth ?? month }
        // A month compared with one not sorted here (before the months asked for): every case.
        guard compared.allSatisfy({ bounds[$0] != nil }) else {
            return MonthAnalysis.compute(month: month, summaries: summaries, firstMonth: firstMonth, profile: d.profile, at: d.now, zone: d.timeZone)
        }
        var seen: Set<CaseID> = []
        var cases: [Procedures.CaseSummary] = []
        for m in [month] + compared {
            for summary in reportCases[m] ?? [] where seen.insert(summary.id).inserted { cases.append(summary) }
        }
        return MonthAnalysis.compute(month: month, summaries: cases, firstMonth: firstMonth, profile: d.profile, at: d.now, zone: d.timeZone)
    }
}
