import CaseModel
import Procedures

/// `managers/accountability.html`: valid complaints against each member of staff this calendar
/// year and last, with the ladder's consequence (003 篇2 第十二条). In a folder of its own that a
/// web server can restrict; no other page or feed links to it or names whom a complaint is against.
struct AccountabilityPage: Sendable {
    struct Year: Sendable {
        struct Row: Sendable {
            var id: String
            var name: String
            var consequence: String
            var cases: [String]
        }

        var year: String
        var rows: [Row]
    }

    var frame: PageFrame
    var clause: String
    var ladder: [(atLeast: Int, consequence: String)]
    var years: [Year]

    init(_ d: Dashboard, rule: AccountabilityRule) {
        let s = d.s
        frame = d.pageFrame(page: "accountability", title: s["accountability"], root: "../")
        let year = Int(d.time.day(d.now).prefix(4)) ?? 0
        clause = rule.clause
        years = [year, year - 1].map { y in
            Year(year: String(y), rows: Accountability.tally(d.accountabilityCases ?? d.cases, year: String(y), rule: rule, zone: d.timeZone).map { t in
                Year.Row(id: t.staff.rawValue, name: d.staffName(t.staff),
                         consequence: t.consequence.map { s["consequence." + $0.consequence.rawValue] } ?? "—", cases: t.cases.map(\.rawValue))
            })
        }
        ladder = rule.ladder.sorted { $0.atLeast < $1.atLeast }.map { ($0.atLeast, s["consequence." + $0.consequence.rawValue]) }
    }

    func render() -> String {
        let s = frame.s
        let steps = Markup.each(ladder) { "<tr><td class=\"num\">≥ \($0.atLeast)</td><td>\($0.consequence)</td></tr>\n" }
        var out: Markup = """
        <p class="muted">\(s["accountabilityNote"]) [\(clause)]</p>
        <table class="ladder"><thead><tr><th class="num">\(s["validComplaints"])</th><th>\(s["consequence"])</th></tr></thead><tbody>
        \(steps)</tbody></table>

        """
        for y in years {
            let rows = Markup.each(y.rows) { r in
                let cases = Markup.each(r.cases) { "<a href=\"../cases/\($0).html\">\($0)</a> " }
                return """
                <tr data-staff="\(r.id)" data-count="\(r.cases.count)"><td>\(r.name) (\(r.id))</td><td class="num">\(r.cases.count)</td><td>\(r.consequence)</td><td>\(cases)</td></tr>

                """
            }
            out += """
            <h2>\(y.year)</h2>
            \(if: y.rows.isEmpty, "<p class=\"ok\">\(s["none"])</p>")
            \(if: !y.rows.isEmpty, "<table class=\"accountability\" data-year=\"\(y.year)\"><thead><tr><th>\(s["staffMember"])</th><th class=\"num\">\(s["validComplaints"])</th><th>\(s["consequence"])</th><th>\(s["complaintCases"])</th></tr></thead><tbody>\n\(rows)</tbody></table>")

            """
        }
        return frame.page(out)
    }
}
