import CaseModel
import CasebookEngine
import Foundation
import Procedures
import SiteBuilder

/// A corrective action 限期整改 opened from a finding of the monthly analysis (004 §4.5.4): a
/// non-conformity report of the `analysis` check, and where it stands.
struct CorrectiveAction {
    let file: CaseFile
    var finding: String { file.intake.inspection?.finding ?? "" }

    /// `corrected`, `verified`, `overdue` or `open`, at `now`.
    func standing(at now: Timestamp) -> String {
        switch file.state.status {
        case .closed: return "verified"
        case .resolved: return "corrected"
        default:
            let late = file.state.deadlines.contains { d in if case .pending(let overdue) = Schedule.standing(of: d, in: file, at: now) { overdue } else { false } }
            return late ? "overdue" : "open"
        }
    }

    /// The corrective actions opened from findings of `month`.
    static func of(month: String, in cases: [CaseFile]) -> [CorrectiveAction] {
        cases.filter { $0.intake.inspection?.check == .analysis && ($0.intake.inspection?.finding ?? "").hasPrefix(month + "/") }
            .map(CorrectiveAction.init(file:))
    }
}

extension Casebook.Report {
    /// The analysis's lines of `casebook report`: work orders signed and rated, findings, and the
    /// corrective actions with their progress.
    /// - Parameters:
    ///   - summaries: every case's summary; `cases`: at least every non-conformity report (the
    ///     only kind a quality check's corrective action is).
    static func analysisLines(month: String, summaries: [CaseSummary], cases: [CaseFile], ws: Workspace, now: Timestamp) -> [String] {
        let s = DeskLanguage.strings
        let analysis = MonthAnalysis.compute(month: month, summaries: summaries, profile: ws.profile, at: now, zone: ws.zone)
        let w = analysis.workOrders
        var out = [s.fill("analysis.workOrders", ["\(w.resolved)", "\(w.confirmed)", "\(w.rated)"]), s["analysis.findings"]]
        let actions = CorrectiveAction.of(month: month, in: cases)
        if analysis.findings.isEmpty { out.append("  " + s["analysis.none"]) }
        for f in analysis.findings {
            let acted = actions.filter { $0.finding == f.id }.map { "\($0.file.id.rawValue) \(s["corrective." + $0.standing(at: now)])" }
            out.append("  " + [f.id, describe(f, in: s), acted.isEmpty ? s["analysis.noAction"] : acted.joined(separator: ", ")].joined(separator: "\t"))
        }
        return out
    }

    /// One finding in words: `4 problems (threshold 3)` / `on-time rate 62.0 % against 85.0 %`.
    static func describe(_ f: Finding, in s: Strings) -> String {
        if f.dimension.isIndicator {
            return s.fill(Finding.swingKey(f.dimension), [String(format: "%.1f%%", f.current), String(format: "%.1f%%", f.previous ?? 0)])
        }
        if let p = f.previous { return s.fill("analysis.rise", ["\(Int(f.current))", String(format: "%.1f", p)]) }
        return s.fill("analysis.recurs", ["\(Int(f.current))", "\(Int(f.threshold))"])
    }
}
