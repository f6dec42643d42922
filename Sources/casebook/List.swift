import ArgumentParser
import CaseModel
import CasebookEngine
import Foundation
import Procedures
import SiteBuilder

extension Casebook {
    /// `casebook list`: the cases at HEAD, one line each.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List cases, optionally only open, of one status or overdue.",
            discussion: "Example: casebook list --open"
        )
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only cases with this status: \(Status.allCases.map(\.rawValue).joined(separator: ", ")).") var status: Status?
        @Flag(help: "Only cases that still need work (open, in progress, resolved).") var open = false
        @Flag(help: "Only cases with a deadline past due and not met.") var overdue = false
        @Flag(help: "JSON array (personal data masked).") var json = false

        struct Row: Encodable {
            let id: CaseID
            let kind: Kind
            let severity: Severity?
            let repairSize: RepairSize?
            let status: Status
            let level: Level
            let holder: StaffID
            let department: Department?
            let unit: String?
            let receivedAt: Timestamp
            let summary: String
            let overdue: [String]
        }

        func run() throws {
            let ws = try global.workspace()
            let now = try ws.now()
            // From the kept summaries: only case files changed since the last read are decoded. Open
            // and overdue cases (overdue only when open: `CaseSummary.overdue`) from the live ones alone.
            let liveOnly = open || overdue || status?.isOpen == true
            let rows: [Row] = try (liveOnly ? ws.liveCases() : ws.caseSummaries()).compactMap { entry in
                let c = entry.summary
                let late = c.overdue(at: now)
                if let status, c.status != status { return nil }
                if open, !c.status.isOpen { return nil }
                if overdue, late.isEmpty { return nil }
                return Row(id: c.id, kind: c.kind, severity: c.severity, repairSize: c.repairSize, status: c.status, level: c.level,
                           holder: c.holder, department: c.department, unit: c.unit, receivedAt: c.receivedAt, summary: c.summary,
                           overdue: late)
            }
            if json {
                FileHandle.standardOutput.write(try RecordJSON.encode(rows, redacted: true))
                return
            }
            let s = DeskLanguage.strings
            for r in rows {
                let grade = s.term(r.severity?.rawValue ?? r.repairSize?.rawValue ?? "") { s in r.severity.map(s.severity) ?? r.repairSize.map(s.repairSize) ?? "" }
                let kind = s.term(r.kind.rawValue) { $0.kind(r.kind) } + (grade.isEmpty ? "" : "/" + grade)
                let steps = s.term(r.overdue.joined(separator: ",")) { s in s.list(r.overdue.map(s.step)) }
                let late = r.overdue.isEmpty ? "" : s.fill("list.overdue", [steps])
                print([r.id.rawValue, kind, s.term(r.status.rawValue) { $0.status(r.status) }, s.term(r.level.rawValue) { $0.level(r.level) },
                       r.holder.rawValue, r.unit ?? "-", r.summary].joined(separator: "\t") + late)
            }
        }
    }
}
