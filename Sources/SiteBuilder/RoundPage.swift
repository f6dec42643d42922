import CaseModel
import Procedures

/// The round page (003 九): patrol reports with their review standing, each person's visit
/// coverage against the year's pace, monthly summaries with the missing ones; and the monthly
/// report's findings and corrective actions (004 §4.5.2–4.5.4).
extension Dashboard {
    public static let roundPath = "round.html"

    /// The page of the daily round.
    func roundPage(_ book: RoundBook) -> [String: Any] {
        var page = frame(page: "round", title: s["round.title"], root: "")
        let rule = profile.roundRule
        // Reports: the late ones first, then the last four weeks' newest first.
        let recent = book.patrols.filter { $0.reviewDue.unixSeconds > now.unixSeconds - 28 * 86_400 || ($0.review == nil && $0.reviewDue < now) }
        page["patrols"] = recent.sorted { ($0.isOverdue(at: now) ? 1 : 0, $0.day, $0.by.rawValue) > ($1.isOverdue(at: now) ? 1 : 0, $1.day, $1.by.rawValue) }
            .map { p -> [String: Any] in
                let standing = p.review == nil ? (p.reviewDue < now ? "round.notReviewed" : "round.awaitingReview")
                    : (p.review.map { $0.at > p.reviewDue } == true ? "round.reviewedLate" : "round.reviewed")
                return ["by": p.by.rawValue, "name": staffName(p.by), "day": p.day, "handedIn": time.minute(p.handedInAt), "due": time.minute(p.reviewDue),
                        "late": p.isOverdue(at: now), "standing": s[standing == "round.reviewedLate" ? "round.reviewedLatePage" : standing],
                        "reviewer": p.review.map { staffName($0.by) } ?? "—", "reviewedAt": p.review.map { time.minute($0.at) } ?? "—",
                        "findings": p.findings.map { f -> [String: Any] in
                            ["text": Privacy.scrub(f.text), "case": f.case?.rawValue ?? "", "hasCase": f.case != nil, "handled": f.handled]
                        }]
            }
        page["hasPatrols"] = !recent.isEmpty
        page["coverage"] = book.coverage(staff: StaffRegistry(staff: staff), rule: rule, units: units, at: now).map { c -> [String: Any] in
            ["by": c.by.rawValue, "name": staffName(c.by), "households": c.households, "visited": c.visited, "visits": c.visits, "needed": c.needed,
             "behind": !c.onPace, "percent": c.households == 0 ? "—" : percent(Double(c.visited) * 100 / Double(c.households))]
        }
        page["hasCoverage"] = !(page["coverage"] as? [[String: Any]] ?? []).isEmpty
        page["pace"] = s.fill("round.paceNote", ["\(rule.visitsPerDay)"])
        let missing = book.missingSummaries(staff: StaffRegistry(staff: staff), rule: rule, zone: timeZone, at: now)
        page["summaries"] = (missing.map { m -> [String: Any] in
            ["by": m.by.rawValue, "name": staffName(m.by), "month": m.month, "due": time.minute(m.due), "late": true, "at": s["round.missing"]]
        } + book.summaries.sorted { ($0.month, $0.by.rawValue) > ($1.month, $1.by.rawValue) }.prefix(24).map { m -> [String: Any] in
            ["by": m.by.rawValue, "name": staffName(m.by), "month": m.month, "due": time.minute(m.due), "late": m.at > m.due, "at": time.minute(m.at)]
        })
        page["hasSummaries"] = !(page["summaries"] as? [[String: Any]] ?? []).isEmpty
        return page
    }

    /// The findings of `month` and the corrective actions opened from them, for the report page.
    func analysisSection(_ month: String) -> [String: Any] {
        let analysis = MonthAnalysis.compute(month: month, cases: cases, profile: profile, at: now, zone: timeZone)
        let actions = cases.filter { $0.intake.inspection?.check == .analysis && ($0.intake.inspection?.finding ?? "").hasPrefix(month + "/") }
        let rows = analysis.findings.map { f -> [String: Any] in
            let what: String
            if f.dimension.isIndicator {
                what = s.fill(Finding.swingKey(f.dimension), [percent(f.current), percent(f.previous)])
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
            return ["id": f.id, "dimension": s["analysis.dimension." + f.dimension.rawValue], "key": label, "what": what,
                    "cases": f.cases.prefix(12).map { ["id": $0.rawValue] },
                    "actions": actions.filter { $0.intake.inspection?.finding == f.id }.map { a -> [String: Any] in
                        ["id": a.id.rawValue, "standing": s["corrective." + actionStanding(a)], "due": a.intake.inspection.map { time.minute($0.correctBy) } ?? ""]
                    }]
        }
        let w = analysis.workOrders
        return ["findings": rows, "hasFindings": !rows.isEmpty, "clause": profile.analysisRule.clause,
                "workOrders": s.fill("analysis.workOrders", ["\(w.resolved)", "\(w.confirmed)", "\(w.rated)"])]
    }

    /// `verified`, `corrected`, `overdue` or `open`.
    func actionStanding(_ file: CaseFile) -> String {
        switch file.state.status {
        case .closed: return "verified"
        case .resolved: return "corrected"
        default: return Schedule.overdue(file, at: now).isEmpty ? "open" : "overdue"
        }
    }
}

enum RoundTemplates {
    static let all: [(name: String, text: String)] = [("round", round), ("analysis", analysis)]

    static let round = """
    {{> head}}
    <section><h2>{{t.roundPatrols}}</h2>
    <p class="muted">{{t.roundPatrolsNote}} [003 九.2]</p>
    {{^hasPatrols}}<p>{{t.none}}</p>{{/hasPatrols}}
    {{#hasPatrols}}<table class="patrols"><thead><tr><th>{{t.person}}</th><th>{{t.roundDay}}</th><th>{{t.roundHandedIn}}</th><th>{{t.roundReviewDue}}</th><th>{{t.roundStanding}}</th><th>{{t.roundReviewer}}</th><th>{{t.roundFindings}}</th></tr></thead><tbody>
    {{#patrols}}<tr data-patrol="{{by}}-{{day}}"{{#late}} class="late"{{/late}}><td>{{name}}</td><td>{{day}}</td><td>{{handedIn}}</td><td>{{due}}</td><td>{{standing}}</td><td>{{reviewer}} {{reviewedAt}}</td><td>{{#findings}}{{text}}{{#hasCase}} <a href="cases/{{case}}.html">{{case}}</a>{{/hasCase}}；{{/findings}}</td></tr>
    {{/patrols}}</tbody></table>{{/hasPatrols}}
    </section>
    <section><h2>{{t.roundCoverage}}</h2>
    <p class="muted">{{pace}} [003 九.3]</p>
    {{^hasCoverage}}<p>{{t.none}}</p>{{/hasCoverage}}
    {{#hasCoverage}}<table class="coverage"><thead><tr><th>{{t.person}}</th><th class="num">{{t.roundHouseholds}}</th><th class="num">{{t.roundVisited}}</th><th class="num">{{t.roundNeeded}}</th><th class="num">{{t.roundVisits}}</th><th class="num">%</th></tr></thead><tbody>
    {{#coverage}}<tr data-person="{{by}}"{{#behind}} class="late"{{/behind}}><td>{{name}}</td><td class="num">{{households}}</td><td class="num">{{visited}}</td><td class="num">{{needed}}</td><td class="num">{{visits}}</td><td class="num">{{percent}}</td></tr>
    {{/coverage}}</tbody></table>{{/hasCoverage}}
    </section>
    <section><h2>{{t.roundSummaries}}</h2>
    <p class="muted">{{t.roundSummariesNote}} [003 九.5]</p>
    {{^hasSummaries}}<p>{{t.none}}</p>{{/hasSummaries}}
    {{#hasSummaries}}<table class="summaries"><thead><tr><th>{{t.person}}</th><th>{{t.roundMonth}}</th><th>{{t.roundDue}}</th><th>{{t.roundHandedIn}}</th></tr></thead><tbody>
    {{#summaries}}<tr data-summary="{{by}}-{{month}}"{{#late}} class="late"{{/late}}><td>{{name}}</td><td>{{month}}</td><td>{{due}}</td><td>{{at}}</td></tr>
    {{/summaries}}</tbody></table>{{/hasSummaries}}
    </section>
    {{> foot}}
    """

    static let analysis = """
    <section class="analysis"><h2>{{t.analysisFindings}}</h2>
    <p class="muted">{{workOrders}}</p>
    {{^hasFindings}}<p>{{t.none}}</p>{{/hasFindings}}
    {{#hasFindings}}<table class="findings"><thead><tr><th>{{t.analysisFinding}}</th><th>{{t.analysisWhat}}</th><th>{{t.analysisCases}}</th><th>{{t.analysisActions}}</th></tr></thead><tbody>
    {{#findings}}<tr data-finding="{{id}}"><td>{{dimension}} {{key}}</td><td>{{what}}</td><td>{{#cases}}<a href="../cases/{{id}}.html">{{id}}</a> {{/cases}}</td><td>{{#actions}}<a href="../cases/{{id}}.html">{{id}}</a> {{standing}} ({{due}}) {{/actions}}{{^actions}}{{t.analysisNoAction}}{{/actions}}</td></tr>
    {{/findings}}</tbody></table>{{/hasFindings}}
    </section>
    """
}
