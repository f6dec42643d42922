import CaseModel
import Procedures

extension Dashboard {
    public static let roundPath = "round.html"

    /// `verified`, `corrected`, `overdue` or `open`.
    func actionStanding(_ file: CaseFile) -> String {
        switch file.state.status {
        case .closed: return "verified"
        case .resolved: return "corrected"
        default: return Schedule.overdue(file, at: now).isEmpty ? "open" : "overdue"
        }
    }
}

/// `round.html`, the page of the daily round (003 九): patrol reports with their review standing,
/// each person's visit coverage against the year's pace, monthly summaries with the missing ones.
struct RoundPage: Sendable {
    struct Patrol: Sendable {
        struct Finding: Sendable {
            var text: String
            var caseID: String?
        }

        var by, name, day, handedIn, due, standing, reviewer, reviewedAt: String
        var late: Bool
        var findings: [Finding]
    }

    struct Coverage: Sendable {
        var by, name, percent: String
        var households, visited, needed, visits: Int
        var behind: Bool
    }

    struct Summary: Sendable {
        var by, name, month, due, at: String
        var late: Bool
    }

    var frame: PageFrame
    var patrols: [Patrol]
    var coverage: [Coverage]
    var pace: String
    var summaries: [Summary]

    init(_ d: Dashboard, _ book: RoundBook) {
        let s = d.s, now = d.now, rule = d.profile.roundRule
        frame = d.pageFrame(page: "round", title: s["round.title"], root: "")
        // Reports: the late ones first, then the last four weeks' newest first.
        let recent = book.patrols.filter { $0.reviewDue.unixSeconds > now.unixSeconds - 28 * 86_400 || ($0.review == nil && $0.reviewDue < now) }
        patrols = recent.sorted { ($0.isOverdue(at: now) ? 1 : 0, $0.day, $0.by.rawValue) > ($1.isOverdue(at: now) ? 1 : 0, $1.day, $1.by.rawValue) }
            .map { p in
                let standing = p.review == nil ? (p.reviewDue < now ? "round.notReviewed" : "round.awaitingReview")
                    : (p.review.map { $0.at > p.reviewDue } == true ? "round.reviewedLatePage" : "round.reviewed")
                return Patrol(by: p.by.rawValue, name: d.staffName(p.by), day: p.day, handedIn: d.time.minute(p.handedInAt), due: d.time.minute(p.reviewDue),
                              standing: s[standing], reviewer: p.review.map { d.staffName($0.by) } ?? "—",
                              reviewedAt: p.review.map { d.time.minute($0.at) } ?? "—", late: p.isOverdue(at: now),
                              findings: p.findings.map { Patrol.Finding(text: Privacy.scrub($0.text), caseID: $0.case?.rawValue) })
            }
        coverage = book.coverage(staff: StaffRegistry(staff: d.staff), rule: rule, units: d.units, at: now).map { c in
            Coverage(by: c.by.rawValue, name: d.staffName(c.by), percent: c.households == 0 ? "—" : d.percent(Double(c.visited) * 100 / Double(c.households)),
                     households: c.households, visited: c.visited, needed: c.needed, visits: c.visits, behind: !c.onPace)
        }
        pace = s.fill("round.paceNote", ["\(rule.visitsPerDay)"])
        let missing = book.missingSummaries(staff: StaffRegistry(staff: d.staff), rule: rule, zone: d.timeZone, at: now)
        summaries = missing.map { m in
            Summary(by: m.by.rawValue, name: d.staffName(m.by), month: m.month, due: d.time.minute(m.due), at: s["round.missing"], late: true)
        } + book.summaries.sorted { ($0.month, $0.by.rawValue) > ($1.month, $1.by.rawValue) }.prefix(24).map { m in
            Summary(by: m.by.rawValue, name: d.staffName(m.by), month: m.month, due: d.time.minute(m.due), at: d.time.minute(m.at), late: m.at > m.due)
        }
    }

    func render() -> String {
        let s = frame.s
        let none: Markup = "<p>\(s["none"])</p>"
        var out: Markup = """
        <section><h2>\(s["roundPatrols"])</h2>
        <p class="muted">\(s["roundPatrolsNote"]) [003 九.2]</p>

        """
        if patrols.isEmpty {
            out += none
        } else {
            let rows = Markup.each(patrols) { p in
                let findings = Markup.each(p.findings) { f in
                    let link: Markup = f.caseID.map { " <a href=\"cases/\($0).html\">\($0)</a>" } ?? ""
                    return "\(f.text)\(link)；"
                }
                return """
                <tr data-patrol="\(p.by)-\(p.day)"\(if: p.late, " class=\"late\"")><td>\(p.name)</td><td>\(p.day)</td><td>\(p.handedIn)</td><td>\(p.due)</td><td>\(p.standing)</td><td>\(p.reviewer) \(p.reviewedAt)</td><td>\(findings)</td></tr>

                """
            }
            out += """
            <table class="patrols"><thead><tr><th>\(s["person"])</th><th>\(s["roundDay"])</th><th>\(s["roundHandedIn"])</th><th>\(s["roundReviewDue"])</th><th>\(s["roundStanding"])</th><th>\(s["roundReviewer"])</th><th>\(s["roundFindings"])</th></tr></thead><tbody>
            \(rows)</tbody></table>
            """
        }
        out += """

        </section>
        <section><h2>\(s["roundCoverage"])</h2>
        <p class="muted">\(pace) [003 九.3]</p>

        """
        if coverage.isEmpty {
            out += none
        } else {
            let rows = Markup.each(coverage) { c in
                """
                <tr data-person="\(c.by)"\(if: c.behind, " class=\"late\"")><td>\(c.name)</td><td class="num">\(c.households)</td><td class="num">\(c.visited)</td><td class="num">\(c.needed)</td><td class="num">\(c.visits)</td><td class="num">\(c.percent)</td></tr>

                """
            }
            out += """
            <table class="coverage"><thead><tr><th>\(s["person"])</th><th class="num">\(s["roundHouseholds"])</th><th class="num">\(s["roundVisited"])</th><th class="num">\(s["roundNeeded"])</th><th class="num">\(s["roundVisits"])</th><th class="num">%</th></tr></thead><tbody>
            \(rows)</tbody></table>
            """
        }
        out += """

        </section>
        <section><h2>\(s["roundSummaries"])</h2>
        <p class="muted">\(s["roundSummariesNote"]) [003 九.5]</p>

        """
        if summaries.isEmpty {
            out += none
        } else {
            let rows = Markup.each(summaries) { m in
                """
                <tr data-summary="\(m.by)-\(m.month)"\(if: m.late, " class=\"late\"")><td>\(m.name)</td><td>\(m.month)</td><td>\(m.due)</td><td>\(m.at)</td></tr>

                """
            }
            out += """
            <table class="summaries"><thead><tr><th>\(s["person"])</th><th>\(s["roundMonth"])</th><th>\(s["roundDue"])</th><th>\(s["roundHandedIn"])</th></tr></thead><tbody>
            \(rows)</tbody></table>
            """
        }
        out += "\n</section>\n"
        return frame.page(out)
    }
}

/// The monthly report's findings and the corrective actions opened from them (004 §4.5.2–4.5.4).
struct AnalysisSection: Sendable {
    struct Row: Sendable {
        struct Action: Sendable {
            var id, standing, due: String
        }

        var id, dimension, key, what: String
        var cases: [String]
        var actions: [Action]
    }

    var workOrders: String
    var findings: [Row]

    init(_ d: Dashboard, month: String, _ totals: MonthTotals) {
        let s = d.s
        let analysis = totals.analysis(month, d)
        let actions = d.correctiveActions.filter { ($0.intake.inspection?.finding ?? "").hasPrefix(month + "/") }
        findings = analysis.findings.map { f in
            let what: String
            if f.dimension.isIndicator {
                what = s.fill(Finding.swingKey(f.dimension), [d.percent(f.current), d.percent(f.previous)])
            } else if let p = f.previous {
                what = s.fill("analysis.rise", ["\(Int(f.current))", String(format: "%.1f", p)])
            } else {
                what = s.fill("analysis.recurs", ["\(Int(f.current))", "\(Int(f.threshold))"])
            }
            let label: String = switch f.dimension {
            case .kind: Kind(rawValue: f.key).map(s.kind) ?? f.key
            case .department: s.department(Department(rawValue: f.key))
            case .unit, .building: Privacy.scrub(f.key)
            default: s["analysis.all"]
            }
            return Row(id: f.id, dimension: s["analysis.dimension." + f.dimension.rawValue], key: label, what: what,
                       cases: f.cases.prefix(12).map(\.rawValue),
                       actions: actions.filter { $0.intake.inspection?.finding == f.id }.map { a in
                           Row.Action(id: a.id.rawValue, standing: s["corrective." + d.actionStanding(a)],
                                      due: a.intake.inspection.map { d.time.minute($0.correctBy) } ?? "")
                       })
        }
        let w = analysis.workOrders
        workOrders = s.fill("analysis.workOrders", ["\(w.resolved)", "\(w.confirmed)", "\(w.rated)"])
    }

    func render(_ s: Strings) -> Markup {
        var out: Markup = """
        <section class="analysis"><h2>\(s["analysisFindings"])</h2>
        <p class="muted">\(workOrders)</p>

        """
        if findings.isEmpty {
            out += "<p>\(s["none"])</p>"
        } else {
            let rows = Markup.each(findings) { f in
                let cases = Markup.each(f.cases) { "<a href=\"../cases/\($0).html\">\($0)</a> " }
                let actions: Markup = f.actions.isEmpty ? "\(s["analysisNoAction"])"
                    : Markup.each(f.actions) { "<a href=\"../cases/\($0.id).html\">\($0.id)</a> \($0.standing) (\($0.due)) " }
                return """
                <tr data-finding="\(f.id)"><td>\(f.dimension) \(f.key)</td><td>\(f.what)</td><td>\(cases)</td><td>\(actions)</td></tr>

                """
            }
            out += """
            <table class="findings"><thead><tr><th>\(s["analysisFinding"])</th><th>\(s["analysisWhat"])</th><th>\(s["analysisCases"])</th><th>\(s["analysisActions"])</th></tr></thead><tbody>
            \(rows)</tbody></table>
            """
        }
        out += "\n</section>\n"
        return out
    }
}
