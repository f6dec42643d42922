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

    /// The contracts page: contracts by state, those within their renewal notice period, stage
    /// reports overdue, the year's inventory and its instructions, and every contract with what is
    /// open. Confidential terms are never on it.
    func contractsPage(_ input: ContractsInput) -> [String: Any] {
        var page = frame(page: "contracts", title: s["contractsTitle"], root: "")
        let rule = profile.contractRule
        let sorted = input.contracts.sorted { ($0.state.end, $0.id) < ($1.state.end, $1.id) }
        page["renewalNotice"] = s.duration(seconds: rule.renewalNotice.seconds) + (rule.renewalNotice.months.map { " + \($0) " + s["contractsMonths"] } ?? "")
        page["renewalClause"] = rule.renewalClause
        page["stageClause"] = rule.stageClause
        page["byStatus"] = ContractStatus.allCases.compactMap { st -> [String: Any]? in
            let n = input.contracts.filter { $0.state.status == st }.count
            return n == 0 ? nil : ["status": st.rawValue, "label": s["contract.status." + st.rawValue], "count": n]
        }
        let expiring = sorted.filter { ContractDates.isExpiring($0, at: now, rule: rule, calendar: input.calendar, zone: timeZone) }
        page["expiring"] = expiring.map { c -> [String: Any] in
            var row = contractRow(c, input)
            row["noticeFrom"] = ContractDates.renewalNoticeFrom(end: c.state.end, rule: rule, zone: timeZone).map(time.day) ?? ""
            row["ended"] = c.state.end < time.day(now)
            return row
        }
        page["hasExpiring"] = !expiring.isEmpty
        let overdue = sorted.compactMap { c -> (ContractRecord, Timestamp)? in
            guard let due = ContractDates.stageReportDue(c.state, rule: rule, calendar: input.calendar), due < now else { return nil }
            return (c, due)
        }
        page["stageOverdue"] = overdue.map { c, due -> [String: Any] in
            var row = contractRow(c, input)
            row["due"] = time.minute(due)
            return row
        }
        page["hasStageOverdue"] = !overdue.isEmpty
        page["contracts"] = sorted.map { contractRow($0, input) }
        // Labels for the script's filter menus (status, executing department), as the open-cases page has them.
        let labels: [String: [String: String]] = [
            "status": Dictionary(uniqueKeysWithValues: ContractStatus.allCases.map { ($0.rawValue, s["contract.status." + $0.rawValue]) }),
            "department": Dictionary(uniqueKeysWithValues: Department.allCases.map { ($0.rawValue, s.department($0)) }),
            "_columns": ["status": s["status"], "department": s["contractDepartment"]],
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        page["labels"] = (try? encoder.encode(labels)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        page["hasContracts"] = !sorted.isEmpty
        page["inventory"] = inventoryFacts(input)
        return page
    }

    /// One contract as a row: what identifies it, its state and what is open.
    func contractRow(_ c: ContractRecord, _ input: ContractsInput) -> [String: Any] {
        let st = c.state
        let issues = ContractDates.issues(c, at: now, rule: profile.contractRule, calendar: input.calendar, zone: timeZone)
        return ["id": c.id, "number": st.archive?.number ?? "—", "kind": s["contract.kind." + c.kind.rawValue], "title": Privacy.scrub(c.title),
                "counterparty": Privacy.scrub(c.counterparty), "department": s.department(c.executingDepartment), "departmentKey": c.executingDepartment.rawValue, "important": c.important,
                "status": st.status.rawValue, "statusLabel": s["contract.status." + st.status.rawValue], "start": c.term.start, "end": st.end,
                "issues": issues.map { ["text": s.fill("contract.issue." + $0.code.rawValue, [$0.date]), "code": $0.code.rawValue] }]
    }

    /// This year's inventory (002 篇3 §4.10): due, written, instructed.
    func inventoryFacts(_ input: ContractsInput) -> [String: Any] {
        let rule = profile.contractRule
        let year = Int(time.day(now).prefix(4)) ?? 0
        let due = ContractDates.inventoryDue(year: year, rule: rule, zone: timeZone)
        var facts: [String: Any] = ["year": String(year), "due": due.map(time.day) ?? "", "clause": rule.inventoryClause]
        guard let inventory = input.inventories.first(where: { $0.year == year }) else {
            facts["state"] = due.map { $0 < now } == true ? "overdue" : "pending"
            facts["late"] = due.map { $0 < now } == true
            return facts
        }
        facts["state"] = inventory.instructions.isEmpty ? "written" : "instructed"
        facts["written"] = ["at": time.minute(inventory.at), "by": staffName(inventory.by), "count": inventory.rows.count,
                            "withIssues": inventory.rows.filter { !$0.issues.isEmpty }.count]
        // The list as 行政人事部 wrote it for the general manager: performance and open issues of each.
        facts["rows"] = inventory.rows.map { r -> [String: Any] in
            ["id": r.id, "number": r.number ?? "—", "title": Privacy.scrub(r.title), "department": s.department(r.executingDepartment),
             "status": s["contract.status." + r.status.rawValue], "end": r.end, "stageReports": r.stageReports, "slippages": r.slippages,
             "issues": r.issues.map { ["text": s.fill("contract.issue." + $0.code.rawValue, [$0.date])] }]
        }
        facts["instructions"] = inventory.instructions.map { ["at": time.minute($0.at), "by": staffName($0.by), "text": Privacy.scrub($0.text)] }
        return facts
    }

    /// The overview's figures about contracts, with the link to their page.
    func contractsSummary(_ input: ContractsInput) -> [String: Any] {
        let rule = profile.contractRule
        let expiring = input.contracts.filter { ContractDates.isExpiring($0, at: now, rule: rule, calendar: input.calendar, zone: timeZone) }.count
        let overdue = input.contracts.filter { c in ContractDates.stageReportDue(c.state, rule: rule, calendar: input.calendar).map { $0 < now } == true }.count
        let running = input.contracts.filter { $0.state.status.isRunning }.count
        return ["href": Dashboard.contractsPath, "running": running, "expiring": expiring, "hasExpiring": expiring > 0,
                "stageOverdue": overdue, "hasStageOverdue": overdue > 0]
    }
}

extension Templates {
    static let contracts = """
    {{> head}}
    <section class="contracts-by-state">
    <h2>{{t.contractsByState}}</h2>
    {{^byStatus}}<p>{{t.none}}</p>{{/byStatus}}
    <div class="figures">{{#byStatus}}<div class="figure" data-status="{{status}}"><b>{{count}}</b>{{label}}</div>{{/byStatus}}</div>
    </section>
    <section class="contracts-expiring">
    <h2>{{t.contractsExpiring}}</h2>
    <p class="muted">{{t.contractsExpiringNote}} {{renewalNotice}} [{{renewalClause}}]</p>
    {{^hasExpiring}}<p class="ok">{{t.none}}</p>{{/hasExpiring}}
    {{#hasExpiring}}<table data-table="contracts-expiring"><thead><tr><th>{{t.id}}</th><th>{{t.contractTitle}}</th><th>{{t.contractDepartment}}</th><th>{{t.contractEnd}}</th><th>{{t.contractNoticeFrom}}</th></tr></thead><tbody>
    {{#expiring}}<tr data-contract="{{id}}"><td><a href="#{{id}}">{{id}}</a></td><td>{{title}}</td><td>{{department}}</td><td class="{{#ended}}late{{/ended}}{{^ended}}soon{{/ended}}">{{end}}</td><td>{{noticeFrom}}</td></tr>
    {{/expiring}}</tbody></table>{{/hasExpiring}}
    </section>
    <section class="contracts-stage-overdue">
    <h2>{{t.contractsStageOverdue}}</h2>
    <p class="muted">[{{stageClause}}]</p>
    {{^hasStageOverdue}}<p class="ok">{{t.none}}</p>{{/hasStageOverdue}}
    {{#hasStageOverdue}}<table data-table="contracts-stage-overdue"><thead><tr><th>{{t.id}}</th><th>{{t.contractTitle}}</th><th>{{t.contractDepartment}}</th><th>{{t.dueSince}}</th></tr></thead><tbody>
    {{#stageOverdue}}<tr data-contract="{{id}}"><td><a href="#{{id}}">{{id}}</a></td><td>{{title}}</td><td>{{department}}</td><td class="late">{{due}}</td></tr>
    {{/stageOverdue}}</tbody></table>{{/hasStageOverdue}}
    </section>
    {{#inventory}}<section class="contracts-inventory" data-inventory="{{state}}">
    <h2>{{t.contractsInventory}} {{year}}</h2>
    <p class="muted">{{t.contractsInventoryNote}} {{due}} [{{clause}}]</p>
    {{^written}}<p class="{{#late}}late{{/late}}{{^late}}soon{{/late}}">{{t.contractsInventoryPending}} {{due}}</p>{{/written}}
    {{#written}}<p>{{t.contractsInventoryWritten}} {{at}} · {{by}} · {{count}} / {{withIssues}} {{t.contractsWithIssues}}</p>{{/written}}
    {{#written}}<table data-table="contracts-inventory"><thead><tr><th>{{t.contractNumber}}</th><th>{{t.contractTitle}}</th><th>{{t.contractDepartment}}</th><th>{{t.status}}</th><th>{{t.contractEnd}}</th><th class="num">{{t.contractStageReports}}</th><th class="num">{{t.contractSlippages}}</th><th>{{t.contractIssues}}</th></tr></thead><tbody>
    {{#rows}}<tr data-contract="{{id}}"><td>{{number}}</td><td>{{title}}</td><td>{{department}}</td><td>{{status}}</td><td>{{end}}</td><td class="num">{{stageReports}}</td><td class="num">{{slippages}}</td><td>{{#issues}}<span class="issue">{{text}}</span> {{/issues}}</td></tr>
    {{/rows}}</tbody></table>{{/written}}
    {{#instructions}}<blockquote data-instruction=""><p>{{text}}</p><footer>{{by}} · {{at}}</footer></blockquote>{{/instructions}}
    </section>{{/inventory}}
    <section class="contracts-all">
    <h2>{{t.contractsAll}}</h2>
    {{^hasContracts}}<p>{{t.none}}</p>{{/hasContracts}}
    {{#hasContracts}}<table data-table="contracts" data-filterable="status department" data-labels="{{labels}}" data-all="{{t.all}}" data-shown="{{t.shown}}" data-of="{{t.of}}" data-reset="{{t.reset}}"><thead><tr><th>{{t.id}}</th><th>{{t.contractNumber}}</th><th>{{t.kind}}</th><th>{{t.contractTitle}}</th><th>{{t.contractCounterparty}}</th><th>{{t.contractDepartment}}</th><th>{{t.status}}</th><th>{{t.contractTerm}}</th><th>{{t.contractIssues}}</th></tr></thead><tbody>
    {{#contracts}}<tr id="{{id}}" data-contract="{{id}}" data-status="{{status}}" data-department="{{departmentKey}}"><td>{{id}}{{#important}} <abbr title="{{t.contractImportant}}">★</abbr>{{/important}}</td><td>{{number}}</td><td>{{kind}}</td><td>{{title}}</td><td>{{counterparty}}</td><td>{{department}}</td><td>{{statusLabel}}</td><td>{{start}} – {{end}}</td><td>{{#issues}}<span class="issue" data-issue="{{code}}">{{text}}</span> {{/issues}}</td></tr>
    {{/contracts}}</tbody></table>{{/hasContracts}}
    </section>
    {{> foot}}
    """

    static let contractsSummary = """
    {{#contracts}}<section class="contracts-summary">
    <h2><a href="{{href}}">{{t.contractsTitle}}</a></h2>
    <div class="figures">
    <div class="figure"><b>{{running}}</b>{{t.contractsRunning}}</div>
    <div class="figure{{#hasExpiring}} soon{{/hasExpiring}}" data-figure="contracts-expiring"><b>{{expiring}}</b>{{t.contractsExpiring}}</div>
    <div class="figure{{#hasStageOverdue}} late{{/hasStageOverdue}}" data-figure="contracts-stage-overdue"><b>{{stageOverdue}}</b>{{t.contractsStageOverdue}}</div>
    </div>
    </section>{{/contracts}}
    """
}
