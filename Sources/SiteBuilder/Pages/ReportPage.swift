import CaseModel
import Procedures

/// `reports/YYYY-MM.html`: a month's on-time, revisit and satisfaction figures by kind,
/// department and severity, late entries and unsigned steps by person, the sampled revisits
/// and the spot checks.
struct ReportPage: Sendable {
    /// The month's sampled revisits (002 篇2 §4.1.2).
    struct Sampled: Sendable {
        var finished: Int
        var drawn: Int
        var selected: Int
        var rate: String
        var required: String
        var revisited: Int
        var insideWindow: Int
        var clause: String
    }

    /// A person and how many of their steps were of some sort (late entries, unsigned).
    struct PersonCount: Sendable {
        var id: String
        var name: String
        var count: Int
    }

    var frame: PageFrame
    var asOf: String
    var sampled: Sampled?
    var total: ReportRow
    var byKind: [ReportRow]
    var byDepartment: [ReportRow]
    var bySeverity: [ReportRow]
    var lateEntries: [PersonCount]
    var unsignedSteps: [PersonCount]
    var kindChart: BarChart
    var departmentChart: BarChart
    /// The month's spot checks, when a sample with them was drawn.
    var spotChecks: [SpotCheckRow]?
    /// The month's findings and the corrective actions opened from them (004 §4.5).
    var analysis: AnalysisSection

    /// nil when `month` is not a month.
    init?(_ d: Dashboard, month: String, _ totals: MonthTotals) {
        let s = d.s
        frame = d.pageFrame(page: "report", title: "\(s["monthlyReport"]) \(month)", root: "../")
        guard let report = totals.report(month, d, samples: d.samples) else { return nil }
        analysis = AnalysisSection(d, month: month, totals)
        asOf = d.time.minute(report.at)
        sampled = report.sampled.map { f in
            Sampled(finished: f.finished, drawn: f.drawn, selected: f.selected, rate: d.percent(f.rate),
                    required: f.requiredPercent.map { "\($0)%" } ?? (d.profile.sampling?.clause ?? "—"),
                    revisited: f.revisited, insideWindow: f.insideWindow, clause: d.profile.sampling?.clause ?? "")
        }
        total = d.reportFigures(report.total, label: s["total"])
        func kindLabel(_ key: String) -> String { Kind(rawValue: key).map(s.kind) ?? key }
        func departmentLabel(_ key: String) -> String { s.department(Department(rawValue: key)) }
        func severityLabel(_ key: String) -> String { Severity(rawValue: key).map(s.severity) ?? key }
        byKind = report.byKind.map { d.reportFigures($0, label: kindLabel($0.key)) }
        byDepartment = report.byDepartment.map { d.reportFigures($0, label: departmentLabel($0.key)) }
        bySeverity = report.bySeverity.map { d.reportFigures($0, label: severityLabel($0.key)) }
        lateEntries = report.lateEntries.map { PersonCount(id: $0.by.rawValue, name: d.staffName($0.by), count: $0.count) }
        unsignedSteps = (totals.unsignedSteps[month] ?? []).map { PersonCount(id: $0.by.rawValue, name: d.staffName($0.by), count: $0.count) }
        kindChart = d.barChart(report.byKind.map { (kindLabel($0.key), $0.onTimeRate) }, caption: s["chartOnTimeByKind"])
        departmentChart = d.barChart(report.byDepartment.map { (departmentLabel($0.key), $0.onTimeRate) }, caption: s["chartOnTimeByDepartment"])
        if let sample = d.samples.first(where: { $0.month == month && ($0.drawnOn == nil || !$0.spotChecks.isEmpty) }) {
            spotChecks = d.spotCheckTableRows(sample, root: "../")
        }
    }

    func render() -> String {
        let s = frame.s
        let head = ReportRow.head(s)
        func rows(_ rows: [ReportRow]) -> Markup {
            Markup.each(rows) { "<tr data-key=\"\($0.key)\"><td>\($0.label)</td>\($0.cells)</tr>\n" }
        }
        func people(_ rows: [PersonCount]) -> Markup {
            Markup.each(rows) { "<tr data-person=\"\($0.id)\"><td>\($0.name)</td><td class=\"num\">\($0.count)</td></tr>\n" }
        }
        var out: Markup = """
        <div class="report">
        <p class="muted">\(s["reportIntro"]) \(s["asOf"]) \(asOf).</p>
        <div class="figures">
        <div class="figure"><b>\(total.cases)</b>\(s["cases"])</div>
        <div class="figure"><b>\(total.onTimeRate)</b>\(s["onTimeRate"])</div>
        <div class="figure" data-figure="on-time-recorded"><b>\(total.onTimeRateRecorded)</b>\(s["onTimeRateRecorded"])</div>
        <div class="figure"><b>\(total.revisitRate)</b>\(s["revisitRate"])</div>
        <div class="figure"><b>\(total.satisfactionRate)</b>\(s["satisfaction"])</div>
        </div>
        <p class="muted">\(s["onTimeFormula"])</p>
        <section><h2>\(s["lateEntries"])</h2>
        <p class="muted">\(s["lateEntriesIntro"])</p>
        <table class="late-rates"><tbody>
        <tr data-rate="stated"><th>\(s["onTimeRateStated"])</th><td class="num">\(total.onTimeRate)</td></tr>
        <tr data-rate="recorded"><th>\(s["onTimeRateRecorded"])</th><td class="num">\(total.onTimeRateRecorded)</td></tr>
        </tbody></table>
        \(if: lateEntries.isEmpty, "<p>\(s["noLateEntries"])</p>")
        \(if: !lateEntries.isEmpty, "<table class=\"late-entries\"><thead><tr><th>\(s["person"])</th><th class=\"num\">\(s["lateEntries"])</th></tr></thead><tbody>\n\(people(lateEntries))</tbody></table>")
        </section>
        <section><h2>\(s["unsignedSteps"])</h2>
        <p class="muted">\(s["unsignedStepsNote"])</p>
        \(if: unsignedSteps.isEmpty, "<p>\(s["none"])</p>")
        \(if: !unsignedSteps.isEmpty, "<table class=\"unsigned-steps\"><thead><tr><th>\(s["person"])</th><th class=\"num\">\(s["unsignedSteps"])</th></tr></thead><tbody>\n\(people(unsignedSteps))</tbody></table>")
        </section>
        <section><h2>\(s["byKind"])</h2>
        <table class="by-kind"><thead><tr><th>\(s["kind"])</th>\(head)</tr></thead><tbody>
        \(rows(byKind))<tr data-key="all"><th>\(s["total"])</th>\(total.cells)</tr></tbody></table>
        \(kindChart.figure)
        </section>
        <section><h2>\(s["byDepartment"])</h2>
        <table class="by-department"><thead><tr><th>\(s["department"])</th>\(head)</tr></thead><tbody>
        \(rows(byDepartment))</tbody></table>
        \(departmentChart.figure)
        </section>
        <section><h2>\(s["complaintsBySeverity"])</h2>
        \(if: bySeverity.isEmpty, "<p>\(s["noCases"])</p>")
        \(if: !bySeverity.isEmpty, "<table class=\"by-severity\"><thead><tr><th>\(s["severity"])</th>\(head)</tr></thead><tbody>\n\(rows(bySeverity))</tbody></table>")
        </section>

        """
        if let f = sampled {
            out += """
            <section><h2>\(s["sampledRevisits"])</h2>
            <p class="muted">\(s["sampledIntro"]) \(f.clause)</p>
            <table class="sampled"><thead><tr><th class="num">\(s["sampledFinished"])</th><th class="num">\(s["sampledDrawn"])</th><th class="num">\(s["selected"])</th><th class="num">\(s["sampledRate"])</th><th class="num">\(s["sampledRequired"])</th><th class="num">\(s["sampledRevisited"])</th><th class="num">\(s["sampledInsideWindow"])</th></tr></thead><tbody>
            <tr><td class="num">\(f.finished)</td><td class="num">\(f.drawn)</td><td class="num">\(f.selected)</td><td class="num">\(f.rate)</td><td class="num">\(f.required)</td><td class="num">\(f.revisited)</td><td class="num">\(f.insideWindow)</td></tr>
            </tbody></table></section>
            """
        }
        out += "\n"
        if let spotChecks {
            out += "<section><h2>\(s["spotChecks"])</h2>\n\(SpotCheckRow.table(spotChecks, s))</section>"
        }
        out += "\n"
        out += analysis.render(s)
        out += """

        </div>

        """
        return frame.page(out)
    }
}
