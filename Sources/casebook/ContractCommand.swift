import ArgumentParser
import CaseModel
import CasebookEngine
import Foundation
import GitStore
import Procedures
import SiteBuilder

extension ContractKind: ExpressibleByArgument {}
extension ContractForm: ExpressibleByArgument {}

/// `--now`: the moment a contract command acts at (default: $CASEBOOK_NOW, then now).
struct NowOption: ParsableArguments {
    @Option(help: ArgumentHelp("The time to act at (default: $CASEBOOK_NOW, then now); a step's own time is --at.", valueName: "time"))
    var now: String?

    /// Opens the workspace of `global` with its clock set to `--now`.
    func workspace(_ global: GlobalOptions) throws -> Workspace {
        let ws = try global.workspace()
        if let now {
            guard let t = Timestamp.parse(now, defaultZone: ws.zone) else { throw Failure(key: "nowNotTime", "\(oneLine(now, limit: 40))") }
            ws.clock = { t }
        }
        return ws
    }
}

extension Casebook {
    /// `casebook contract draft|review|sign|seal|effective|archive|report|slippage|request|amend|complete|show|list`:
    /// the company's contracts 经济合同 (002 篇3), each one file under `records/contracts/`, each
    /// step one signed commit by the person who took it, checked like the hooks check it.
    struct ContractCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "contract",
            abstract: "Contracts (002 篇3): draft, review, sign, seal, put in force, archive, report, change, complete.",
            discussion: """
            draft      the executing department drafts it (§4.3); prints the new id (H-1a2b3c4d).
            review     the general manager, or the assistant GM he delegates, records the review of §4.4.2 with the
                       executing department and 经营部: every point with its finding (--point POINT=ok:FINDING or
                       POINT=fail:FINDING); the review due is that of the new contract, of a requested change,
                       termination or renewal, or of a completed important contract's effect.
            sign       the general manager signs after a passed review (§4.5.1); non-written contracts are not signed.
            seal, effective, archive (行政人事部: the uniform number, the signed document's SHA-256, where the original is).
            report     a stage report to the general manager (§4.7.3); slippage: 行政人事部 reports a delay (§4.7.4).
            request    a change, termination or renewal (§4.8–4.9); amend: it takes effect after its review passed.
            complete   performed (§4.7.5); an important contract's effect is then reviewed.
            Example: casebook contract sign H-1a2b3c4d --as zhang.zjl
            """,
            subcommands: [Draft.self, ContractReview.self, Sign.self, Seal.self, Effective.self, ArchiveContract.self, StageReport.self, Slippage.self,
                          Request.self, Amend.self, Complete.self, ShowContract.self, ListContracts.self]
        )

        /// The contracts page's input: nil when the repository has no contracts (no page then).
        static func pageInput(_ ws: Workspace) throws -> ContractsInput? {
            let contracts = try ws.contracts()
            let inventories = try ws.repo.files(under: "records/contracts/inventory", at: ws.base).filter { $0.path.hasSuffix(".json") }
                .map { try RecordJSON.decode(ContractInventory.self, from: ws.repo.blob($0.blob), file: $0.path) }
            return contracts.isEmpty && inventories.isEmpty ? nil : ContractsInput(contracts: contracts, inventories: inventories, calendar: ws.calendar)
        }

        /// The contract `id` at the workspace's base.
        static func load(_ id: String, in ws: Workspace) throws -> ContractRecord {
            guard ContractRecord.isWellFormed(id) else { throw Failure(key: "badContractID", "\(oneLine(id, limit: 40))") }
            return try Workspace.record(ContractRecord.self, ContractRecord.path(id), in: ws.repo, at: ws.base,
                                        missing: Failure(key: "doesNotExist", ContractRecord.path(id)))
        }

        /// Checks the change as the hook does, then commits it by `actor` at `time`.
        static func save(_ record: ContractRecord, old: ContractRecord?, by actor: Staff, at time: Timestamp, in ws: Workspace, subject: String,
                         action: ContractAction, clause: String) throws {
            do {
                try ContractChange.validate(old: old, new: record, path: record.path, staff: ws.staff, numbersTaken: try ws.contractNumbers(except: record.id))
            } catch {
                throw Failure.about(record.id, error)
            }
            try ws.commit([FileChange(path: record.path, content: try RecordJSON.encode(record))], by: actor, at: time, message: """
                contract \(record.id): \(subject)

                Contract-Id: \(record.id)
                Action: contract-\(action.rawValue)
                Procedure: \(clause)
                """)
        }

        /// Appends the step `make` builds to contract `id`, by the acting member at the step's time,
        /// and commits it (again on a concurrent update).
        static func step(_ id: String, _ global: GlobalOptions, _ clock: NowOption, _ action: ContractAction, subject: String, clause: String,
                         make: (inout ContractStep, ContractRecord, Workspace) throws -> Void = { _, _, _ in }) throws {
            try Retry.onConcurrentUpdate {
                let ws = try clock.workspace(global)
                let actor = try ws.actor(global.actor)
                let at = try ws.eventTime(global.at)
                let old = try load(id, in: ws)
                var s = ContractStep(at: at, by: actor.id, action: action)
                try make(&s, old, ws)
                var next = old
                next.steps.append(s)
                try save(next, old: old, by: actor, at: at, in: ws, subject: subject, action: action, clause: clause)
            }
            print(id)
        }

        struct Draft: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "draft", abstract: "Draft a contract (the executing department, §4.3); prints its id.")
            @OptionGroup var global: GlobalOptions
            @OptionGroup var clock: NowOption
            @Option(help: "What it is (§4.1): \(ContractKind.allCases.map(\.rawValue).joined(separator: ", ")).") var kind: ContractKind
            @Option(help: "Its form (§4.2): \(ContractForm.allCases.map(\.rawValue).joined(separator: ", ")).") var form: ContractForm = .written
            @Option(help: "A short title.") var title: String
            @Option(help: "The other party 对方 (a company; a resident's name is sealed with --confidential).") var counterparty: String
            @Option(help: "The executing department 合同执行部门.") var department: Department
            @Flag(help: "An important contract 重要合同 (reviewed by the GM himself, stage reports in writing, effect reviewed).") var important = false
            @Option(help: ArgumentHelp("First day of the term.", valueName: "YYYY-MM-DD")) var start: String
            @Option(help: ArgumentHelp("Last day of the term.", valueName: "YYYY-MM-DD")) var end: String
            @Option(help: ArgumentHelp("Value in yuan, e.g. 128000.00.", valueName: "amount")) var value: String?
            @Flag(help: "Paid in stages (finance keeps a copy, §4.6.3).") var stages = false
            @Flag(help: "Takes effect only when notarised (§4.5.4).") var notarise = false
            @Option(help: "a) 标的 subject.") var subject: String
            @Option(help: "b) 数量和质量或工作内容 scope.") var scope: String
            @Option(help: "c) 价款或酬金 price, in words.") var price: String
            @Option(help: "d) 履约期限、地点方式 performance.") var performance: String
            @Option(help: "e) 合同终止条件 termination.") var termination: String
            @Option(help: "f) 违约责任 liability.") var liability: String
            @Option(help: "g) other necessary terms.") var special: String?
            @Option(help: "The template 合同范本 followed (§4.3.2).") var template: String?
            @Option(help: "Confidential terms 保密条款 (sealed; pages never show them, §4.6.4).") var confidential: String?

            func run() throws {
                let first = try clock.workspace(global)
                let at = try first.eventTime(global.at)
                let secret: SealedText? = try confidential.map { given in
                    let t = try text(given, field: "--confidential", limit: 4000)
                    return try first.keys.update { store in
                        do { return try SealedText(t, key: try store.key(forPhone: nil, now: at.description)) } catch { throw Failure.about("--confidential", error) }
                    }
                }
                let draft = ContractDraft(subject: try text(subject, field: "--subject", limit: 200), scope: try text(scope, field: "--scope"),
                                          price: try text(price, field: "--price", limit: 500), performance: try text(performance, field: "--performance"),
                                          termination: try text(termination, field: "--termination"), liability: try text(liability, field: "--liability"),
                                          special: try special.map { try text($0, field: "--special") }, template: try template.map { try text($0, field: "--template", limit: 200) })
                let id = ContractRecord.newID()
                try Retry.onConcurrentUpdate {
                    let ws = try clock.workspace(global)
                    let actor = try ws.actor(global.actor)
                    let record = ContractRecord(id: id, kind: kind, form: form, title: try text(title, field: "--title", limit: 200),
                                                counterparty: try text(counterparty, field: "--counterparty", limit: 200), executingDepartment: department,
                                                important: important, term: ContractTerm(start: start, end: end), value: value, paidInStages: stages,
                                                notarisation: notarise, draft: draft, confidential: secret,
                                                steps: [ContractStep(at: at, by: actor.id, action: .draft)])
                    try ContractCommand.save(record, old: nil, by: actor, at: at, in: ws, subject: "drafted (\(kind.rawValue), \(department.rawValue))",
                                             action: .draft, clause: "002 篇3 §4.3")
                }
                print(id)
            }
        }
    }
}

