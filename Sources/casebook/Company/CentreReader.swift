import CaseModel
import CasebookEngine
import Foundation
import GitStore
import Procedures
import SiteBuilder

/// One centre as head office reads it: its mirror at the commit head office accepted, opened as
/// the centre's own workspace (its settings, profile, calendar), so every figure is computed by
/// the same code as the centre's own commands.
struct CentreReader {
    let centre: Centre
    let ws: Workspace
    let commit: OID

    /// The centre's mirror at its accepted commit in `company`'s last collection; nil when none
    /// was ever accepted.
    init?(_ centre: Centre, in company: CompanyWorkspace) throws {
        guard let hex = company.collection?[centre.code]?.commit, let commit = OID(hex: hex) else { return nil }
        let mirror = try Repository.open(company.mirrorPath(centre.code))
        self.centre = centre
        self.commit = commit
        ws = try Workspace(repo: mirror, at: commit)
    }

    /// The month's report exactly as `casebook report --month` computes it at `now`, from every
    /// case's summary (kept by blob id in the mirror's summary cache).
    func report(month: String, summaries: [CaseSummary], at now: Timestamp) throws -> MonthReport? {
        guard let bounds = Sampling.bounds(of: month, in: ws.zone) else { return nil }
        return MonthReport.compute(month: month, summaries: summaries, profile: ws.profile, at: now, bounds: bounds, samples: try ws.samples(of: month))
    }

    /// The year's figures (`YYYY`, up to `now`) with the same code, over the year's cases.
    func report(year: String, summaries: [CaseSummary], at now: Timestamp) -> MonthReport? {
        guard let start = Timestamp.parse(year + "-01-01", defaultZone: ws.zone) else { return nil }
        return MonthReport.compute(month: year, summaries: summaries, profile: ws.profile, at: now, bounds: (start, start.addingMonths(12)))
    }

    /// Everything the company dashboard shows of this centre, as of `now`, for `month`.
    func figures(month: String, at now: Timestamp) throws -> (figures: CentreFigures, overdue: [OverdueDeadline], majors: [MajorReport],
                                                               missing: [MissingOversight]) {
        var f = CentreFigures(code: centre.code, name: centre.name, site: centre.site)
        f.commit = commit.hex
        let entries = try ws.caseSummaries()
        let summaries = entries.map(\.summary)
        f.month = try report(month: month, summaries: summaries, at: now)
        let year = String(month.prefix(4))
        f.year = report(year: year, summaries: summaries, at: now)
        func unsatisfied(_ bounds: (start: Timestamp, end: Timestamp)?) -> Int {
            guard let bounds else { return 0 }
            return summaries.reduce(0) { n, s in
                n + s.report.unsatisfiedRevisits.filter { $0 >= bounds.start && $0 < bounds.end }.count
            }
        }
        f.unsatisfiedMonth = unsatisfied(Sampling.bounds(of: month, in: ws.zone))
        f.unsatisfiedYear = Timestamp.parse(year + "-01-01", defaultZone: ws.zone).map { unsatisfied(($0, $0.addingMonths(12))) } ?? 0
        // Month by month, from the year's first month with requests to the league's month.
        if let last = Int(month.suffix(2)) {
            let trend = try (1...max(1, min(last, 12))).map { m in
                let key = "\(year)-" + (m < 10 ? "0\(m)" : "\(m)")
                return (month: key, rate: try report(month: key, summaries: summaries, at: now)?.total.onTimeRate)
            }
            f.trend = Array(trend.drop { $0.rate == nil })
        }
        // Overdue now: from the summaries (open cases, a deadline past due and not met).
        var overdue: [OverdueDeadline] = []
        var majorEntries: [CaseEntry] = []
        for entry in entries {
            let s = entry.summary
            if s.kind == .complaint, s.severity == .major { majorEntries.append(entry) }
            guard s.status.isOpen else { continue }
            for d in s.deadlines where !d.met && d.due < now {
                overdue.append(OverdueDeadline(which: CentreCase(centre: centre.code, id: s.id), kind: s.kind, severity: s.severity,
                                               step: d.step, due: d.due, holder: s.holder))
            }
        }
        f.overdueNow = overdue.count
        // Each major complaint's report to head office within 12 hours (002 篇5 §5.2.1).
        let majors = try ws.cases(majorEntries).flatMap { file in
            file.state.deadlines.filter { $0.step == "report" }.map { d in
                MajorReport(which: CentreCase(centre: centre.code, id: file.id), receivedAt: file.intake.receivedAt, due: d.due,
                            standing: Schedule.standing(of: d, in: file, at: now))
            }
        }
        // The reviews' periods lie in the last five weeks: only cases with a step since then can
        // fall in them, and their summaries' facts say which (no case file is read).
        let recent = entries.filter { $0.summary.report.latestStep >= now.adding(seconds: -(35 + 14) * 86_400) }.map(\.summary.facts)
        return (f, overdue, majors, try missing(facts: recent, months: Set(summaries.map { String($0.receivedAt.localDay.prefix(7)) }), at: now))
    }

    /// Reviews not signed and months not archived, past due, as the centre's own overview lists them.
    /// - Parameters:
    ///   - facts: at least every case's with a step in the last five weeks; `months`: the months with cases.
    func missing(facts: [CaseFacts], months: Set<String>, at now: Timestamp) throws -> [MissingOversight] {
        let reviews = try ws.repo.files(under: "records/reviews", at: commit).filter { $0.path.hasSuffix(".json") }.map { entry in
            try RecordJSON.decode(ReviewRecord.self, from: ws.repo.blob(entry.blob), file: entry.path)
        }
        var out: [MissingOversight] = []
        for kind in ReviewKind.allCases {
            for m in Reviews.missing(kind, facts: facts, done: reviews, now: now, in: ws.zone) {
                out.append(MissingOversight(what: kind.rawValue, centre: centre.code, period: m.from == m.to ? m.from : "\(m.from) – \(m.to)",
                                            due: m.due, clause: Reviews.rule(kind).clause))
            }
        }
        let archived = Set(try ws.repo.tags(matching: "archive/*").map { String($0.name.dropFirst("archive/".count)) })
        for month in months.sorted() where !archived.contains(month) {
            guard let start = Timestamp.parse(month + "-01", defaultZone: ws.zone) else { continue }
            let due = start.addingMonths(1).adding(seconds: 9 * 86_400)
            guard due < now, now.date.timeIntervalSince(due.date) < 62 * 86_400 else { continue }
            out.append(MissingOversight(what: "archive", centre: centre.code, period: month, due: due, clause: "002 篇2 §4.2"))
        }
        return out
    }
}
