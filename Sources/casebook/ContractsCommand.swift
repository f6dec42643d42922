import ArgumentParser
import CaseModel
import CasebookEngine
import Foundation
import GitStore
import Procedures

extension Casebook {
    /// `casebook contracts report --year YYYY` and `casebook contracts instruct --year YYYY`: 行政人事部's
    /// inventory of the written contracts by 31 December, for the general manager, whose
    /// instructions are recorded on it (002 篇3 §4.10).
    struct ContractsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "contracts",
            abstract: "The yearly inventory of written contracts (行政人事部 by 31 December) and the general manager's instructions (§4.10).",
            subcommands: [Inventory.self, Instruct.self])

        struct Inventory: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "report",
                abstract: "Write the year's inventory: list, performance, open issues (行政人事部, §4.10); prints its path.")
            @OptionGroup var global: GlobalOptions
            @OptionGroup var clock: NowOption
            @Option(help: "The year.") var year: Int

            func run() throws {
                let path = ContractInventory.path(year)
                try Retry.onConcurrentUpdate {
                    let ws = try clock.workspace(global)
                    let actor = try ws.actor(global.actor)
                    let at = try ws.eventTime(global.at)
                    let rule = ws.profile.contractRule
                    if try ws.base.flatMap({ try ws.repo.read(path, at: $0) }) != nil { throw Failure(key: "inventoryExists", path) }
                    let rows = ContractDates.inventoryRows(year: year, contracts: try ws.contracts(), at: at, rule: rule, calendar: ws.calendar, zone: ws.zone)
                    let inventory = ContractInventory(year: year, at: at, by: actor.id, clause: rule.inventoryClause, rows: rows)
                    do {
                        try ContractInventoryRules.validate(old: nil, new: inventory, path: path, staff: ws.staff, contracts: try ws.contracts(),
                                                            rule: rule, calendar: ws.calendar, zone: ws.zone)
                    } catch {
                        throw Failure.about(path, error)
                    }
                    try ws.commit([FileChange(path: path, content: try RecordJSON.encode(inventory))], by: actor, at: at, message: """
                        contracts: inventory of \(year) (\(rows.count) written, \(rows.filter { !$0.issues.isEmpty }.count) with open issues)

                        Action: contract-inventory
                        Procedure: \(rule.inventoryClause)
                        """)
                }
                print(path)
            }
        }

        struct Instruct: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "instruct", abstract: "The general manager's instructions 批示 on the year's inventory (§4.10).")
            @OptionGroup var global: GlobalOptions
            @OptionGroup var clock: NowOption
            @Option(help: "The inventory's year.") var year: Int
            @Option(help: "The instructions.") var text: String

            func run() throws {
                let said = try CaseModel.Contact.maskMobiles(casebookText(text, field: "--text"))
                let path = ContractInventory.path(year)
                try Retry.onConcurrentUpdate {
                    let ws = try clock.workspace(global)
                    let actor = try ws.actor(global.actor)
                    let at = try ws.eventTime(global.at)
                    let old = try Workspace.record(ContractInventory.self, path, in: ws.repo, at: ws.base, missing: Failure(key: "doesNotExist", path))
                    var next = old
                    next.instructions.append(ContractInstruction(at: at, by: actor.id, text: said))
                    do {
                        try ContractInventoryRules.validate(old: old, new: next, path: path, staff: ws.staff, contracts: [], rule: ws.profile.contractRule,
                                                            calendar: ws.calendar, zone: ws.zone)
                    } catch {
                        throw Failure.about(path, error)
                    }
                    try ws.commit([FileChange(path: path, content: try RecordJSON.encode(next))], by: actor, at: at, message: """
                        contracts: the general manager's instructions on the inventory of \(year)

                        Action: contract-instruction
                        Procedure: \(ws.profile.contractRule.inventoryClause)
                        """)
                }
                print(path)
            }
        }
    }
}

/// `text(_:field:)` for commands with an option called `text`.
func casebookText(_ value: String, field: String) throws -> String { try text(value, field: field) }
