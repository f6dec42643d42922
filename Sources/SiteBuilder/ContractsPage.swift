import CaseModel
import Foundation
import Procedures

/// What the contracts page is drawn from (002 篇3): the contracts and yearly inventories as
/// committed, and the business calendar their dates are counted on.
public struct ContractsInput: Sendable {
    public var contracts: [ContractRecord]
    public var inventories: [ContractInventory]
    public var calendar: BusinessCalendar

    public init(contracts: [ContractRecord], inventories: [ContractInventory], calendar: BusinessCalendar) {
        self.contracts = contracts
        self.inventories = inventories
        self.calendar = calendar
    }
}

extension Dashboard {
    public static let contractsPath = "contracts.html"
}

/// One contract as a row: what identifies it, its state and what is open.
struct ContractRow: Sendable {
    struct Issue: Sendable {
        var code: String
        var text: String
    }

    var id: String
    var number: String
    var kind: String
    var title: String
    var counterparty: String
    var department: String
    var departmentKey: String
    var important: Bool
    var status: String
    var statusLabel: String
    var start: String
    var end: String
    var issues: [Issue]

    init(_ c: ContractRecord, _ d: Dashboard, _ input: ContractsInput) {
        let s = d.s, st = c.state
        id = c.id
        number = st.archive?.number ?? "—"
        kind = s["contract.kind." + c.kind.rawValue]
        title = Privacy.scrub(c.title)
        counterparty = Privacy.scrub(c.counterparty)
        department = s.department(c.executingDepartment)
        departmentKey = c.executingDepartment.rawValue
        important = c.important
        status = st.status.rawValue
        statusLabel = s["contract.status." + st.status.rawValue]
        start = c.term.start
        end = st.end
        issues = ContractDates.issues(c, at: d.now, rule: d.profile.contractRule, calendar: input.calendar, zone: d.timeZone)
            .map { Issue(code: $0.code.rawValue, text: s.fill("contract.issue." + $0.code.rawValue, [$0.date])) }
    }
}

/// `contracts.html`: contracts by state, those within their renewal notice period, stage reports
/// overdue, the year's inventory and its instructions, and every contract with what is open
/// (002 篇3). Confidential terms are never on it.
struct ContractsPage: Sendable {
    struct StatusCount: Sendable {
        var status: String
        var label: String
        var count: Int
    }

    struct Inventory: Sendable {
        struct Row: Sendable {
            var id, number, title, department, status, end: String
            var stageReports, slippages: Int
            var issues: [String]
        }

        struct Instruction: Sendable {
            var at, by, text: String
        }

        var state: String
        var year: String
        var due: String
        var clause: String
        var late: Bool
        /// When written: at, by, how many contracts, how many with open issues.
        var written: (at: String, by: String, count: Int, withIssues: Int)?
        var rows: [Row]
        var instructions: [Instruction]
    }

    var frame: PageFrame
    var renewalNotice: String
    var renewalClause: String
    var stageClause: String
    var byStatus: [StatusCount]
    var expiring: [(row: ContractRow, noticeFrom: String, ended: Bool)]
    var stageOverdue: [(row: ContractRow, due: String)]
    var contracts: [ContractRow]
    var labels: String
    var inventory: Inventory

    init(_ d: Dashboard, _ input: ContractsInput) {
        let s = d.s, rule = d.profile.contractRule, now = d.now, zone = d.timeZone
        frame = d.pageFrame(page: "contracts", title: s["contractsTitle"], root: "")
        let sorted = input.contracts.sorted { ($0.state.end, $0.id) < ($1.state.end, $1.id) }
        renewalNotice = s.duration(seconds: rule.renewalNotice.seconds) + (rule.renewalNotice.months.map { " + \($0) " + s["contractsMonths"] } ?? "")
        renewalClause = rule.renewalClause
        stageClause = rule.stageClause
        byStatus = ContractStatus.allCases.compactMap { st in
            let n = input.contracts.filter { $0.state.status == st }.count
            return n == 0 ? nil : StatusCount(status: st.rawValue, label: s["contract.status." + st.rawValue], count: n)
        }
        expiring = sorted.filter { ContractDates.isExpiring($0, at: now, rule: rule, calendar: input.calendar, zone: zone) }.map { c in
            (ContractRow(c, d, input), ContractDates.renewalNoticeFrom(end: c.state.end, rule: rule, zone: zone).map(d.time.day) ?? "",
             c.state.end < d.time.day(now))
        }
        stageOverdue = sorted.compactMap { c in
            guard let due = ContractDates.stageReportDue(c.state, rule: rule, calendar: input.calendar), due < now else { return nil }
            return (ContractRow(c, d, input), d.time.minute(due))
        }
        contracts = sorted.map { ContractRow($0, d, input) }
        // Labels for the script's filter menus (status, executing department), as the open-cases page has them.
        let labels: [String: [String: String]] = [
            "status": Dictionary(uniqueKeysWithValues: ContractStatus.allCases.map { ($0.rawValue, s["contract.status." + $0.rawValue]) }),
            "department": Dictionary(uniqueKeysWithValues: Department.allCases.map { ($0.rawValue, s.department($0)) }),
            "_columns": ["status": s["status"], "department": s["contractDepartment"]],
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        self.labels = (try? encoder.encode(labels)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        // This year's inventory (002 篇3 §4.10): due, written, instructed.
        let year = Int(d.time.day(now).prefix(4)) ?? 0
        let due = ContractDates.inventoryDue(year: year, rule: rule, zone: zone)
        let late = due.map { $0 < now } == true
        if let inv = input.inventories.first(where: { $0.year == year }) {
            inventory = Inventory(
                state: inv.instructions.isEmpty ? "written" : "instructed", year: String(year), due: due.map(d.time.day) ?? "",
                clause: rule.inventoryClause, late: false,
                written: (d.time.minute(inv.at), d.staffName(inv.by), inv.rows.count, inv.rows.filter { !$0.issues.isEmpty }.count),
                rows: inv.rows.map { r in
                    Inventory.Row(id: r.id, number: r.number ?? "—", title: Privacy.scrub(r.title), department: s.department(r.executingDepartment),
                                  status: s["contract.status." + r.status.rawValue], end: r.end, stageReports: r.stageReports, slippages: r.slippages,
                                  issues: r.issues.map { s.fill("contract.issue." + $0.code.rawValue, [$0.date]) })
                },
                instructions: inv.instructions.map { .init(at: d.time.minute($0.at), by: d.staffName($0.by), text: Privacy.scrub($0.text)) })
        } else {
            inventory = Inventory(state: late ? "overdue" : "pending", year: String(year), due: due.map(d.time.day) ?? "",
                                  clause: rule.inventoryClause, late: late, written: nil, rows: [], instructions: [])
        }
    }

    func render() -> String {
        let s = frame.s
        let none: Markup = "<p>\(s["none"])</p>"
        let noneOK: Markup = "<p class=\"ok\">\(s["none"])</p>"
        var out: Markup = """
        <section class="contracts-by-state">
        <h2>\(s["contractsByState"])</h2>
        \(if: byStatus.isEmpty, none)
        <div class="figures">\(Markup.each(byStatus) { "<div class=\"figure\" data-status=\"\($0.status)\"><b>\($0.count)</b>\($0.label)</div>" })</div>
        </section>
        <section class="contracts-expiring">
        <h2>\(s["contractsExpiring"])</h2>
        <p class="muted">\(s["contractsExpiringNote"]) \(renewalNotice) [\(renewalClause)]</p>

        """
        if expiring.isEmpty {
            out += noneOK
        } else {
            let rows = Markup.each(expiring) { e in
                """
                <tr data-contract="\(e.row.id)"><td><a href="#\(e.row.id)">\(e.row.id)</a></td><td>\(e.row.title)</td><td>\(e.row.department)</td><td class="\(e.ended ? "late" : "soon")">\(e.row.end)</td><td>\(e.noticeFrom)</td></tr>

                """
            }
            out += """
            <table data-table="contracts-expiring"><thead><tr><th>\(s["id"])</th><th>\(s["contractTitle"])</th><th>\(s["contractDepartment"])</th><th>\(s["contractEnd"])</th><th>\(s["contractNoticeFrom"])</th></tr></thead><tbody>
            \(rows)</tbody></table>
            """
        }
        out += """

        </section>
        <section class="contracts-stage-overdue">
        <h2>\(s["contractsStageOverdue"])</h2>
        <p class="muted">[\(stageClause)]</p>

        """
        if stageOverdue.isEmpty {
            out += noneOK
        } else {
            let rows = Markup.each(stageOverdue) { e in
                """
                <tr data-contract="\(e.row.id)"><td><a href="#\(e.row.id)">\(e.row.id)</a></td><td>\(e.row.title)</td><td>\(e.row.department)</td><td class="late">\(e.due)</td></tr>

                """
            }
            out += """
            <table data-table="contracts-stage-overdue"><thead><tr><th>\(s["id"])</th><th>\(s["contractTitle"])</th><th>\(s["contractDepartment"])</th><th>\(s["dueSince"])</th></tr></thead><tbody>
            \(rows)</tbody></table>
            """
        }
        out += "\n</section>\n"
        out += inventorySection
        out += """
        <section class="contracts-all">
        <h2>\(s["contractsAll"])</h2>

        """
        if contracts.isEmpty {
            out += none
        } else {
            let rows = Markup.each(contracts) { c in
                let issues = Markup.each(c.issues) { "<span class=\"issue\" data-issue=\"\($0.code)\">\($0.text)</span> " }
                let star: Markup = " <abbr title=\"\(s["contractImportant"])\">★</abbr>"
                return """
                <tr id="\(c.id)" data-contract="\(c.id)" data-status="\(c.status)" data-department="\(c.departmentKey)"><td>\(c.id)\(if: c.important, star)</td><td>\(c.number)</td><td>\(c.kind)</td><td>\(c.title)</td><td>\(c.counterparty)</td><td>\(c.department)</td><td>\(c.statusLabel)</td><td>\(c.start) – \(c.end)</td><td>\(issues)</td></tr>

                """
            }
            out += """
            <table data-table="contracts" data-filterable="status department" data-labels="\(labels)" data-all="\(s["all"])" data-shown="\(s["shown"])" data-of="\(s["of"])" data-reset="\(s["reset"])"><thead><tr><th>\(s["id"])</th><th>\(s["contractNumber"])</th><th>\(s["kind"])</th><th>\(s["contractTitle"])</th><th>\(s["contractCounterparty"])</th><th>\(s["contractDepartment"])</th><th>\(s["status"])</th><th>\(s["contractTerm"])</th><th>\(s["contractIssues"])</th></tr></thead><tbody>
            \(rows)</tbody></table>
            """
        }
        out += "\n</section>\n"
        return frame.page(out)
    }

    private var inventorySection: Markup {
        let s = frame.s, inv = inventory
        var out: Markup = """
        <section class="contracts-inventory" data-inventory="\(inv.state)">
        <h2>\(s["contractsInventory"]) \(inv.year)</h2>
        <p class="muted">\(s["contractsInventoryNote"]) \(inv.due) [\(inv.clause)]</p>

        """
        if let w = inv.written {
            let rows = Markup.each(inv.rows) { r in
                let issues = Markup.each(r.issues) { "<span class=\"issue\">\($0)</span> " }
                return """
                <tr data-contract="\(r.id)"><td>\(r.number)</td><td>\(r.title)</td><td>\(r.department)</td><td>\(r.status)</td><td>\(r.end)</td><td class="num">\(r.stageReports)</td><td class="num">\(r.slippages)</td><td>\(issues)</td></tr>

                """
            }
            out += """
            <p>\(s["contractsInventoryWritten"]) \(w.at) · \(w.by) · \(w.count) / \(w.withIssues) \(s["contractsWithIssues"])</p>
            <table data-table="contracts-inventory"><thead><tr><th>\(s["contractNumber"])</th><th>\(s["contractTitle"])</th><th>\(s["contractDepartment"])</th><th>\(s["status"])</th><th>\(s["contractEnd"])</th><th class="num">\(s["contractStageReports"])</th><th class="num">\(s["contractSlippages"])</th><th>\(s["contractIssues"])</th></tr></thead><tbody>
            \(rows)</tbody></table>

            """
        } else {
            out += "<p class=\"\(inv.late ? "late" : "soon")\">\(s["contractsInventoryPending"]) \(inv.due)</p>\n"
        }
        out += Markup.each(inv.instructions) { "<blockquote data-instruction=\"\"><p>\($0.text)</p><footer>\($0.by) · \($0.at)</footer></blockquote>\n" }
        out += "</section>\n"
        return out
    }
}

/// The overview's figures about contracts, with the link to their page.
struct ContractsSummary: Sendable {
    var running: Int
    var expiring: Int
    var stageOverdue: Int

    init(_ d: Dashboard, _ input: ContractsInput) {
        let rule = d.profile.contractRule
        expiring = input.contracts.filter { ContractDates.isExpiring($0, at: d.now, rule: rule, calendar: input.calendar, zone: d.timeZone) }.count
        stageOverdue = input.contracts.filter { c in ContractDates.stageReportDue(c.state, rule: rule, calendar: input.calendar).map { $0 < d.now } == true }.count
        running = input.contracts.filter { $0.state.status.isRunning }.count
    }

    func render(_ s: Strings) -> Markup {
        """
        <section class="contracts-summary">
        <h2><a href="\(Dashboard.contractsPath)">\(s["contractsTitle"])</a></h2>
        <div class="figures">
        <div class="figure"><b>\(running)</b>\(s["contractsRunning"])</div>
        <div class="figure\(if: expiring > 0, " soon")" data-figure="contracts-expiring"><b>\(expiring)</b>\(s["contractsExpiring"])</div>
        <div class="figure\(if: stageOverdue > 0, " late")" data-figure="contracts-stage-overdue"><b>\(stageOverdue)</b>\(s["contractsStageOverdue"])</div>
        </div>
        </section>

        """
    }
}
