import ArgumentParser
import CaseModel
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
            // The month's cases in full; the late entries of every case from the kept summaries.
            let entries = try ws.caseSummaries()
            let received = entries.filter { $0.summary.receivedAt >= bounds.start && $0.summary.receivedAt < bounds.end }
            let report = MonthReport.compute(month: month, cases: try ws.cases(received), profile: ws.profile, at: try ws.now(), bounds: bounds,
                                             lateEntries: entries.flatMap(\.summary.lateEntries))
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
            // Late entries 补录 recorded in the month, per person (002 篇1 §4.2).
            print(s["lateEntries"])
            if report.lateEntries.isEmpty { print("  " + s["noLateEntries"]) }
            for p in report.lateEntries { print("  \(p.by.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0))\t\(p.count)") }
        }
    }
}
