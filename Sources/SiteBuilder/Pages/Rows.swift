import CaseModel
import Procedures

/// The fields that name a case wherever it is listed, as the page shows them (display forms
/// only, free text scrubbed); `href` leads to its page from the listing page's folder.
struct CaseReference: Sendable {
    var id: String
    var href: String
    /// The kind with its grade: 投诉（重要）.
    var kind: String
    var summary: String
    var unit: String
    var reporter: String
    var phone: String
}

/// A revisit still to be made, as the overview and the revisit schedule list it.
struct RevisitRow: Sendable {
    var ref: CaseReference
    var due: String
    var dueISO: String
    var late: Bool
    var who: String
    var modes: String
    var source: String
    var clause: String

    /// The revisit page's row (the overview shows fewer columns).
    var scheduleRow: Markup {
        """
        <tr data-case="\(ref.id)" data-due="\(dueISO)"><td><a href="\(ref.href)">\(ref.id)</a></td><td>\(ref.kind)</td><td>\(ref.unit)</td><td>\(ref.reporter)</td><td class="\(if: late, "late")">\(due)</td><td>\(who)</td><td>\(modes)</td><td>\(source)</td><td>\(clause)</td></tr>
        """
    }

    static func scheduleHead(_ s: Strings) -> Markup {
        """
        <thead><tr><th>\(s["id"])</th><th>\(s["kind"])</th><th>\(s["unit"])</th><th>\(s["reporter"])</th><th>\(s["due"])</th><th>\(s["who"])</th><th>\(s["modes"])</th><th>\(s["source"])</th><th>\(s["clause"])</th></tr></thead>
        """
    }
}

/// A resident on a register (key owners, empty nests) with the next visit: display forms only.
struct RegisterRow: Sendable {
    var id: String
    var register: String
    var unit: String
    var resident: String
    var contacts: String
    var due: String
    var dueISO: String
    var late: Bool
    var every: String
    var who: String
    var modes: String
    var clause: String
    var last: String
}

/// One spot check of a monthly sample: what was drawn from how many, and the picks.
struct SpotCheckRow: Sendable {
    struct Pick: Sendable {
        var id: String
        /// nil when the case is not in the repository.
        var href: String?
    }

    var name: String
    var checker: String
    var clause: String
    var populationCount: Int
    var selected: [Pick]

    var row: Markup {
        let picks: Markup = selected.isEmpty ? "—" : Markup.each(selected) { "<a href=\"\($0.href ?? "")\">\($0.id)</a> " }
        return """
        <tr data-draw="\(name)"><td>\(name)</td><td>\(checker)</td><td>\(clause)</td><td class="num">\(populationCount)</td><td>\(picks)</td></tr>

        """
    }

    static func table(_ rows: [SpotCheckRow], _ s: Strings) -> Markup {
        """
        <table class="spot-checks"><thead><tr><th>\(s["source"])</th><th>\(s["checker"])</th><th>\(s["clause"])</th><th class="num">\(s["population"])</th><th>\(s["selected"])</th></tr></thead><tbody>
        \(Markup.each(rows, \.row))</tbody></table>
        """
    }
}

/// One row of a monthly report's figures (a kind, a department, a severity, or the total).
struct ReportRow: Sendable {
    var key: String
    var label: String
    var cases: Int
    var onTime: Int
    var onTimeRate: String
    var onTimeRateRecorded: String
    var lateEntries: Int
    var resolved: Int
    var revisited: Int
    var revisitRate: String
    var requiredRate: String
    var revisits: Int
    var satisfied: Int
    var satisfactionRate: String
    var belowRequired: Bool

    /// The figures' cells, after the label.
    var cells: Markup {
        """
        <td class="num">\(cases)</td><td class="num">\(onTime)</td><td class="num">\(onTimeRate)</td><td class="num">\(resolved)</td><td class="num">\(revisited)</td><td class="num\(if: belowRequired, " late")">\(revisitRate)</td><td class="num">\(requiredRate)</td><td class="num">\(revisits)</td><td class="num">\(satisfied)</td><td class="num">\(satisfactionRate)</td>
        """
    }

    static func head(_ s: Strings) -> Markup {
        """
        <th class="num">\(s["cases"])</th><th class="num">\(s["onTime"])</th><th class="num">\(s["onTimeRate"])</th><th class="num">\(s["resolved"])</th><th class="num">\(s["revisited"])</th><th class="num">\(s["revisitRate"])</th><th class="num">\(s["requiredRate"])</th><th class="num">\(s["revisitCount"])</th><th class="num">\(s["satisfiedCount"])</th><th class="num">\(s["satisfaction"])</th>
        """
    }
}

/// A horizontal bar chart of percentages: a bar per row, its rate out of 100 %, 400 units wide.
struct BarChart: Sendable {
    struct Bar: Sendable {
        var label: String
        var value: String
        var y: Int
        var width: Int
    }

    var bars: [Bar]
    var height: Int
    var caption: String

    var figure: Markup {
        let bars = Markup.each(bars) { bar in
            """
            <text x="0" y="\(bar.y + 14)">\(bar.label)</text><rect class="track" x="170" y="\(bar.y)" width="400" height="18"/><rect class="bar" x="170" y="\(bar.y)" width="\(bar.width)" height="18"/><text x="578" y="\(bar.y + 14)">\(bar.value)</text>

            """
        }
        return """
        <figure>
        <svg class="chart" xmlns="http://www.w3.org/2000/svg" width="640" height="\(height)" viewBox="0 0 640 \(height)" role="img" aria-label="\(caption)">
        \(bars)</svg>
        <figcaption>\(caption)</figcaption>
        </figure>
        """
    }
}

extension Dashboard {
    /// The fields that name a case wherever it is listed; `root` leads back to the top folder.
    func caseReference(_ file: CaseFile, root: String) -> CaseReference {
        let i = file.intake
        return CaseReference(id: file.id.rawValue, href: "\(root)cases/\(file.id.rawValue).html", kind: s.kindWithGrade(i),
                             summary: scrub(i.summary, file), unit: scrub(i.unit ?? "", file),
                             reporter: i.reporter.nameDisplay, phone: i.reporter.phoneMasked ?? "")
    }

    /// A revisit due as a row; nil when its case is not in the repository.
    func revisitDueRow(_ r: RevisitDue, root: String) -> RevisitRow? {
        guard let file = byID[r.caseID] else { return nil }
        let source = switch r.source {
        case .plan: s["sourcePlan"]
        case .sample(let month): "\(s["sourceSample"]) \(month)"
        }
        return RevisitRow(ref: caseReference(file, root: root), due: time.minute(r.due), dueISO: LocalTime.rfc3339UTC(r.due), late: r.due < now,
                          who: s.list(r.by.map(s.role)), modes: s.list(r.modes.map(s.mode)), source: source, clause: r.clause)
    }

    /// The registers' residents by their next visit, late first (000 §1(7); 001 §5.6.7).
    var registerVisits: [RegisterEntry] {
        registers.sorted { ($0.nextVisitDue, $0.id) < ($1.nextVisitDue, $1.id) }
    }

    /// One resident on a register as the pages list it: display forms only.
    func registerVisitRow(_ e: RegisterEntry) -> RegisterRow {
        let rule = profile.registers?.first { $0.register == e.register }
        let every = language == .zhHans ? "每\(e.visitEveryDays)天" : "every \(e.visitEveryDays) d"
        return RegisterRow(id: e.id, register: s["register." + e.register.rawValue], unit: Privacy.scrub(e.unit),
                           resident: [e.resident.nameDisplay, e.resident.phoneMasked].compactMap { $0 }.joined(separator: " "),
                           contacts: (e.emergencyContacts ?? []).map { [$0.nameDisplay, $0.phoneMasked].compactMap { $0 }.joined(separator: " ") }.joined(separator: "；"),
                           due: time.minute(e.nextVisitDue), dueISO: LocalTime.rfc3339UTC(e.nextVisitDue), late: e.nextVisitDue < now,
                           every: every, who: s.list((rule?.by ?? []).map(s.role)), modes: s.list((rule?.modes ?? []).map(s.mode)), clause: e.clause,
                           last: e.visits.last.map { time.minute($0.at) } ?? "—")
    }

    /// A sample's spot checks as rows; `root` leads back to the top folder.
    func spotCheckTableRows(_ sample: MonthlySample, root: String) -> [SpotCheckRow] {
        sample.spotChecks.map { draw in
            SpotCheckRow(name: draw.name, checker: profile.spotChecks?.first { $0.name == draw.name }?.checker ?? "", clause: draw.clause,
                         populationCount: draw.population.count,
                         selected: draw.selected.map { .init(id: $0.id.rawValue, href: !hasCase($0.id) ? nil : "\(root)cases/\($0.id.rawValue).html") })
        }
    }

    /// A report's row of figures.
    func reportFigures(_ r: MonthReport.Row, label: String) -> ReportRow {
        var below = false
        if let required = r.requiredRevisitRate, let rate = r.revisitRate, rate < Double(required) { below = true }
        return ReportRow(key: r.key, label: label, cases: r.cases, onTime: r.onTime, onTimeRate: percent(r.onTimeRate),
                         onTimeRateRecorded: percent(r.onTimeRateAsRecorded), lateEntries: r.lateEntries, resolved: r.resolved,
                         revisited: r.revisited, revisitRate: percent(r.revisitRate), requiredRate: r.requiredRevisitRate.map { "\($0)%" } ?? "—",
                         revisits: r.revisits, satisfied: r.satisfied, satisfactionRate: percent(r.satisfactionRate), belowRequired: below)
    }

    /// A bar per row: its on-time rate out of 100 %, 400 units wide.
    func barChart(_ rows: [(label: String, rate: Double?)], caption: String) -> BarChart {
        let bars = rows.enumerated().map { n, r in
            BarChart.Bar(label: r.label, value: percent(r.rate), y: 10 + n * 26, width: Int(((r.rate ?? 0) * 4).rounded()))
        }
        return BarChart(bars: bars, height: 20 + rows.count * 26, caption: caption)
    }
}
