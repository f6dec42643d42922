import CaseModel
import Foundation
import Procedures

/// The company dashboard's pages, rendered from `CompanyDashboard` by plain functions: every
/// value is escaped (`h`), every label comes from the strings table. No resident's name or phone
/// appears: a case is named by its centre and id, with its kind, never its text.
extension CompanyDashboard {
    /// The pages (`index.html` league, `trends.html`, `overdue.html`, `oversight.html`,
    /// `spot-checks.html`), `league.json` and the stylesheet.
    public func files() throws -> [SiteFile] {
        var out = [
            page("index.html", key: "company.league", body: leagueBody()),
            page("trends.html", key: "company.trends", body: trendsBody()),
            page("overdue.html", key: "company.overdue", body: overdueBody()),
            page("oversight.html", key: "company.oversight", body: oversightBody()),
            page("spot-checks.html", key: "company.spotChecks", body: spotChecksBody()),
        ]
        out.append(SiteFile(path: "league.json", content: try RecordJSON.encode(LeagueFile(self))))
        for asset in Assets.files where asset.path.hasSuffix(".css") { out.append(SiteFile(path: asset.path, content: Data(asset.content.utf8))) }
        return out
    }

    var s: Strings { Strings(language) }

    // MARK: - Frame

    static let nav = ["index.html": "company.league", "trends.html": "company.trends", "overdue.html": "company.overdue",
                      "oversight.html": "company.oversight", "spot-checks.html": "company.spotChecks"]
    static let navOrder = ["index.html", "trends.html", "overdue.html", "oversight.html", "spot-checks.html"]

    func page(_ path: String, key: String, body: String) -> SiteFile {
        let links = Self.navOrder.map { p in
            "<a href=\"\(p)\"\(p == path ? " aria-current=\"page\"" : "")>\(h(s[Self.nav[p] ?? p]))</a>"
        }.joined(separator: " ")
        let html = """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(h(s[key])) · \(h(companyName))</title>
        <link rel="stylesheet" href="assets/casebook.css">
        </head>
        <body class="page-company">
        <a class="skip" href="#main">\(h(s["skipToContent"]))</a>
        <header class="site">
        <p class="site-name">\(h(companyName))</p>
        <nav>\(links)</nav>
        </header>
        <main id="main">
        <h1>\(h(s[key]))</h1>
        \(unreachableWarnings())\(body)
        </main>
        <footer>
        <p>\(h(s["generatedAt"])) \(h(minute(now)))</p>
        </footer>
        </body>
        </html>

        """
        return SiteFile(path: path, content: Data(html.utf8))
    }

    /// A warning for each centre that could not be reached or did not verify at the last collection.
    func unreachableWarnings() -> String {
        guard let collection else { return "<p class=\"warning\" role=\"alert\">\(h(s["company.noCollection"]))</p>\n" }
        return collection.centres.filter { $0.outcome == .unreachable || $0.outcome == .refused }.map { f in
            let last = f.lastGood.map(minute) ?? s["company.never"]
            let line = f.outcome == .unreachable
                ? s.fill("company.warnUnreachable", [f.centre, last])
                : s.fill("company.warnRefused", [f.centre, String(f.refusedCommit?.prefix(10) ?? "-"), last])
            return "<p class=\"warning\" role=\"alert\" data-centre=\"\(h(f.centre))\" data-outcome=\"\(f.outcome.rawValue)\">\(h(line))</p>\n"
        }.joined()
    }

    // MARK: - League

    func leagueBody() -> String {
        var out = "<p class=\"muted\">\(h(s["company.leagueNote"]))</p>\n"
        out += "<h2>\(h(s.fill("company.leagueMonth", [month])))</h2>\n" + leagueTable(\.month, unsatisfied: \.unsatisfiedMonth, period: "month")
        out += "<h2>\(h(s.fill("company.leagueYear", [year])))</h2>\n" + leagueTable(\.year, unsatisfied: \.unsatisfiedYear, period: "year")
        out += "<h2>\(h(s["company.collection"]))</h2>\n" + collectionTable()
        return out
    }

    func leagueTable(_ report: KeyPath<CentreFigures, MonthReport?>, unsatisfied: KeyPath<CentreFigures, Int>, period: String) -> String {
        let heads = ["company.centre", "company.requests", "company.onTimeRate", "company.revisitRate", "company.complaintRevisitRate",
                     "company.requiredRate", "company.satisfaction", "company.overdueNow", "company.unsatisfied", "company.lateEntries"]
        var out = "<table data-table=\"league-\(period)\"><thead><tr>"
        out += heads.enumerated().map { i, k in "<th\(i > 0 ? " class=\"num\"" : "")>\(h(s[k]))</th>" }.joined() + "</tr></thead><tbody>\n"
        for c in centres {
            let r = c[keyPath: report]
            let complaints = r?.byKind.first { $0.key == Kind.complaint.rawValue }
            // Below the required rate: complaints resolved but not all revisited (002 篇2 §4.1.2).
            let below = complaints.map { k in k.requiredRevisitRate.map { (k.revisitRate ?? 100) < Double($0) } ?? false } ?? false
            let cells: [(value: String, key: String, warn: Bool)] = [
                (r.map { "\($0.total.cases)" } ?? "—", "cases", false),
                (percent(r?.total.onTimeRate), "onTimeRate", false),
                (percent(r?.total.revisitRate), "revisitRate", false),
                (percent(complaints?.revisitRate), "complaintRevisitRate", below),
                (complaints?.requiredRevisitRate.map { "\($0)%" } ?? "—", "required", false),
                (percent(r?.total.satisfactionRate), "satisfactionRate", false),
                ("\(c.overdueNow)", "overdueNow", false),
                (r == nil ? "—" : "\(c[keyPath: unsatisfied])", "unsatisfied", false),
                (CentreFigures.lateEntries(r).map { "\($0)" } ?? "—", "lateEntries", false),
            ]
            out += "<tr data-centre=\"\(h(c.code))\"><th scope=\"row\">\(h(c.name)) (\(h(c.code)))</th>"
            out += cells.map { "<td class=\"num\($0.warn ? " warn" : "")\" data-figure=\"\($0.key)\">\(h($0.value))</td>" }.joined() + "</tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    func collectionTable() -> String {
        guard let collection else { return "" }
        var out = "<p>\(h(s.fill("company.collectedAt", [minute(collection.at)])))</p>\n"
        out += "<table data-table=\"collection\"><thead><tr><th>\(h(s["company.centre"]))</th><th>\(h(s["company.outcome"]))</th>"
        out += "<th>\(h(s["company.commit"]))</th><th>\(h(s["company.lastGood"]))</th><th>\(h(s["company.problem"]))</th></tr></thead><tbody>\n"
        for f in collection.centres {
            out += "<tr data-centre=\"\(h(f.centre))\" data-outcome=\"\(f.outcome.rawValue)\"><td>\(h(f.centre))</td><td>\(h(s["company.outcome." + f.outcome.rawValue]))</td>"
            out += "<td><code>\(h(String(f.commit?.prefix(10) ?? "—")))</code></td><td>\(h(f.lastGood.map(minute) ?? s["company.never"]))</td>"
            out += "<td>\(h(f.problem ?? ""))</td></tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    // MARK: - Trends

    func trendsBody() -> String {
        var out = "<p class=\"muted\">\(h(s["company.trendsNote"]))</p>\n"
        for c in centres where !c.trend.isEmpty {
            out += "<h2>\(h(c.name)) (\(h(c.code)))</h2>\n"
            out += chart(c.trend.map { (label: $0.month, rate: $0.rate) }, caption: s.fill("company.trendCaption", [c.name, year]))
        }
        return out
    }

    /// A horizontal bar per row, out of 100 %: the centre dashboard's chart markup.
    func chart(_ rows: [(label: String, rate: Double?)], caption: String) -> String {
        let height = 20 + rows.count * 26
        var out = "<figure>\n<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"\(height)\" viewBox=\"0 0 640 \(height)\" role=\"img\" aria-label=\"\(h(caption))\">\n"
        for (n, r) in rows.enumerated() {
            let y = 10 + n * 26
            out += "<text x=\"0\" y=\"\(y + 14)\">\(h(r.label))</text><rect class=\"track\" x=\"170\" y=\"\(y)\" width=\"400\" height=\"18\"/>"
            out += "<rect class=\"bar\" x=\"170\" y=\"\(y)\" width=\"\(Int(((r.rate ?? 0) * 4).rounded()))\" height=\"18\"/><text x=\"578\" y=\"\(y + 14)\">\(h(percent(r.rate)))</text>\n"
        }
        return out + "</svg>\n<figcaption>\(h(caption))</figcaption>\n</figure>\n"
    }

    // MARK: - Overdue and the 12-hour reports

    func overdueBody() -> String {
        var out = "<h2>\(h(s["company.majorReports"]))</h2>\n<p class=\"muted\">\(h(s["company.majorReportsNote"])) [002 篇5 §5.2.1]</p>\n"
        if majorReports.isEmpty {
            out += "<p class=\"ok\">\(h(s["none"]))</p>\n"
        } else {
            out += "<table data-table=\"major-reports\"><thead><tr><th>\(h(s["company.case"]))</th><th>\(h(s["company.received"]))</th>"
            out += "<th>\(h(s["company.due"]))</th><th>\(h(s["company.standing"]))</th></tr></thead><tbody>\n"
            for m in majorReports {
                let (standing, css) = standingText(m.standing)
                out += "<tr data-case=\"\(h(m.which.name))\" data-standing=\"\(css)\"><td>\(caseLink(m.which))</td><td>\(h(minute(m.receivedAt)))</td>"
                out += "<td>\(h(minute(m.due)))</td><td class=\"\(css)\">\(h(standing))</td></tr>\n"
            }
            out += "</tbody></table>\n"
        }
        out += "<h2>\(h(s["company.overdueDeadlines"]))</h2>\n"
        if overdue.isEmpty { return out + "<p class=\"ok\">\(h(s["none"]))</p>\n" }
        out += "<table data-table=\"overdue\"><thead><tr><th>\(h(s["company.case"]))</th><th>\(h(s["company.kind"]))</th><th>\(h(s["company.step"]))</th>"
        out += "<th>\(h(s["company.due"]))</th><th>\(h(s["company.lateBy"]))</th><th>\(h(s["company.holder"]))</th></tr></thead><tbody>\n"
        for d in overdue {
            let kind = d.severity.map { "\(s.kind(d.kind)) · \(s.severity($0))" } ?? s.kind(d.kind)
            out += "<tr data-case=\"\(h(d.which.name))\"\(d.isMajor ? " class=\"major\"" : "")><td>\(caseLink(d.which))</td><td>\(h(kind))</td>"
            out += "<td>\(h(s.step(d.step)))</td><td>\(h(minute(d.due)))</td>"
            out += "<td>\(h(s.duration(seconds: Int(now.date.timeIntervalSince(d.due.date)))))</td><td>\(h(d.holder.rawValue))</td></tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    func standingText(_ standing: DeadlineStanding) -> (String, String) {
        switch standing {
        case .met(let at, let late): (s.fill(late ? "company.reportedLate" : "company.reported", [minute(at)]), late ? "late" : "ok")
        case .pending(let overdue): (s[overdue ? "company.notReportedOverdue" : "company.notReportedYet"], overdue ? "overdue" : "pending")
        }
    }

    /// `CENTRE/ID`, linked to the centre's own case page when its site is known.
    func caseLink(_ c: CentreCase) -> String {
        let text = "<span class=\"centre\">\(h(c.centre))</span> <code>\(h(c.id.rawValue))</code>"
        guard let site = centres.first(where: { $0.code == c.centre })?.site else { return text }
        let base = site.hasSuffix("/") ? site : site + "/"
        return "<a href=\"\(h(base))cases/\(h(c.id.rawValue)).html\">\(text)</a>"
    }

    // MARK: - Oversight

    func oversightBody() -> String {
        var out = "<p class=\"muted\">\(h(s["company.oversightNote"]))</p>\n"
        if missing.isEmpty { return out + "<p class=\"ok\">\(h(s["none"]))</p>\n" }
        out += "<table data-table=\"missing\"><thead><tr><th>\(h(s["company.centre"]))</th><th>\(h(s["company.what"]))</th>"
        out += "<th>\(h(s["company.period"]))</th><th>\(h(s["company.due"]))</th><th>\(h(s["company.clause"]))</th></tr></thead><tbody>\n"
        for m in missing {
            let what = m.what == "archive" ? s["archiveMonth"] : s["review." + m.what]
            out += "<tr data-centre=\"\(h(m.centre))\" data-what=\"\(h(m.what))\"><td>\(h(m.centre))</td><td>\(h(what))</td><td>\(h(m.period))</td>"
            out += "<td>\(h(minute(m.due)))</td><td>\(h(m.clause))</td></tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    // MARK: - Spot checks

    func spotChecksBody() -> String {
        var out = "<p class=\"muted\">\(h(s["company.spotChecksNote"])) [001 §5.5.1–5.5.3]</p>\n"
        if samples.isEmpty { return out + "<p>\(h(s["company.noSample"]))</p>\n" }
        for sample in samples.reversed() {
            out += "<h2>\(h(sample.month))</h2>\n"
            for d in sample.draws {
                out += "<h3>\(h(s["company.draw." + d.name])) · \(h(s.role(d.checker))) · \(d.percent)% [\(h(d.clause))]</h3>\n"
                out += "<p>\(h(s.fill("company.drawn", ["\(d.selected.count)", "\(d.population.count)"])))</p>\n"
                if d.selected.isEmpty { continue }
                out += "<table data-table=\"spot-\(h(d.name))\"><thead><tr><th>\(h(s["company.case"]))</th><th>\(h(s["company.result"]))</th>"
                out += "<th>\(h(s["company.by"]))</th><th>\(h(s["company.remarks"]))</th></tr></thead><tbody>\n"
                for c in d.selected {
                    let result = sample.results.last { $0.centre == c.centre && $0.id == c.id }
                    let text = result.map { r in
                        !r.reached ? s["company.notReached"] : r.satisfied == true ? s["company.satisfied"] : s["company.unsatisfiedResult"]
                    } ?? s["company.pending"]
                    out += "<tr data-case=\"\(h(c.name))\" data-checked=\"\(result == nil ? "no" : "yes")\"><td>\(caseLink(c))</td><td>\(h(text))</td>"
                    out += "<td>\(h(result.map { "\($0.by.rawValue) \(minute($0.at))" } ?? ""))</td><td>\(h(result?.remarks.map(Privacy.scrub) ?? ""))</td></tr>\n"
                }
                out += "</tbody></table>\n"
            }
        }
        return out
    }

    // MARK: - Helpers

    func h(_ text: String) -> String { Markup.escaped(text) }

    func percent(_ v: Double?) -> String { v.map { String(format: "%.1f%%", $0) } ?? "—" }

    /// `2026-11-20 17:00` in the time's own offset.
    func minute(_ t: Timestamp) -> String { String(t.description.prefix(16)).replacingOccurrences(of: "T", with: " ") }
}

/// `league.json`: each centre's month and year as `MonthReport` (the figures of the league table,
/// equal to the centre's own `report --month --json`).
struct LeagueFile: Encodable {
    struct Entry: Encodable {
        var code: String
        var commit: String?
        var month: MonthReport?
        var year: MonthReport?
        var overdueNow: Int
        var unsatisfiedMonth: Int
        var unsatisfiedYear: Int
    }

    var month: String
    var at: Timestamp
    var centres: [Entry]

    init(_ d: CompanyDashboard) {
        month = d.month
        at = d.now
        centres = d.centres.map {
            Entry(code: $0.code, commit: $0.commit, month: $0.month, year: $0.year, overdueNow: $0.overdueNow,
                  unsatisfiedMonth: $0.unsatisfiedMonth, unsatisfiedYear: $0.unsatisfiedYear)
        }
    }
}
