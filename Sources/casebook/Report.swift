import ArgumentParser
import CaseModel
import CasebookEngine
import Foundation
import Procedures
import SiteBuilder

extension Casebook {
    /// `casebook report --month YYYY-MM`: the month's on-time, revisit and satisfaction figures.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "The month's on-time rate, revisit rate against the required rate, and satisfaction.",
            discussion: """
            On-time rate = cases received in the month whose every deadline was met (or is not yet due)
            ÷ all cases received in the month × 100 % (004 §4.5); "as recorded" counts each late entry (补录) at the
            moment it was recorded instead of its stated time. Late entries recorded in the month are counted per person.
            Where the profile samples routine work: how much finished in the month, how much was drawn and selected
            (the rate met), and how many of the picks were revisited, and how many of those inside their window.
            Example: casebook report --month 2026-11 --json
            """
        )
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("The month, YYYY-MM.", valueName: "month")) var month: String
        @Flag(help: "JSON.") var json = false

        func run() throws {
            let ws = try global.workspace()
            guard let bounds = Sampling.bounds(of: month, in: ws.zone), Int(month.suffix(2)).map({ (1...12).contains($0) }) == true else {
                throw Failure(key: "month.report")
            }
            // Every case's summary (kept by blob id): the sampled figures count work finished in the
            // month, whenever it was received, and late entries count by the month they were recorded in.
            let entries = try ws.caseSummaries()
            let summaries = entries.map(\.summary)
            let report = MonthReport.compute(month: month, summaries: summaries, profile: ws.profile, at: try ws.now(), bounds: bounds,
                                             samples: try ws.samples(of: month))
            if json {
                FileHandle.standardOutput.write(try RecordJSON.encode(report))
                return
            }
            let s = DeskLanguage.strings
            func pct(_ v: Double?) -> String { v.map { String(format: "%.1f%%", $0) } ?? "-" }
            /// A row's name: a kind, department or severity, or `all`.
            func name(_ key: String) -> String {
                s.term(key) { s in
                    Kind(rawValue: key).map(s.kind) ?? Department(rawValue: key).map(s.department) ?? Severity(rawValue: key).map(s.severity)
                        ?? (key == "all" ? s["report.all"] : s[key])
                }
            }
            func line(_ r: MonthReport.Row) -> String {
                [name(r.key).padding(toLength: 18, withPad: " ", startingAt: 0), "\(r.cases)", "\(r.onTime)", pct(r.onTimeRate), pct(r.onTimeRateAsRecorded),
                 "\(r.lateEntries)", "\(r.revisited)/\(r.resolved)", pct(r.revisitRate), r.requiredRevisitRate.map { "\($0)%" } ?? "-",
                 pct(r.satisfactionRate), pct(r.homeVisitRate)]
                    .joined(separator: "\t")
            }
            print(s.fill("report.title", [month, report.at.description]))
            print(["", "cases", "onTime", "rate", "asRecorded", "lateEntries", "revisited", "rate", "required", "satisfied", "homeVisits"]
                .map { $0.isEmpty ? "" : s["report." + $0] }.joined(separator: "\t"))
            print(line(report.total))
            for (title, rows) in [("byKind", report.byKind), ("byDepartment", report.byDepartment), ("bySeverity", report.bySeverity)] where !rows.isEmpty {
                print(s["report." + title])
                rows.forEach { print(line($0)) }
            }
            // The month's rate-sampled revisits: the rate met, and how many were made inside their window.
            if let f = report.sampled {
                print(s.fill("report.sampled", ["\(f.finished)", "\(f.drawn)", "\(f.selected)", pct(f.rate),
                                                f.requiredPercent.map { "\($0)%" } ?? "-", "\(f.revisited)", "\(f.insideWindow)"]))
            }
            // Late entries 补录 recorded in the month, per person (002 篇1 §4.2).
            print(s["lateEntries"])
            if report.lateEntries.isEmpty { print("  " + s["noLateEntries"]) }
            for p in report.lateEntries { print("  \(p.by.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0))\t\(p.count)") }
            // What recurs or swings, and the corrective actions opened from it (004 §4.5.2–4.5.4).
            // Read in full: the non-conformity reports, where the corrective actions are.
            let reports = try ws.cases(entries.filter { $0.summary.kind == .nonconformity })
            print(Self.analysisLines(month: month, summaries: summaries, cases: reports, ws: ws, now: report.at).joined(separator: "\n"))
        }
    }
}
