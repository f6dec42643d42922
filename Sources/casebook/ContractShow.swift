import ArgumentParser
import CaseModel
import CasebookEngine
import Foundation
import GitStore
import Procedures

extension ContractStatus: ExpressibleByArgument {}

extension Casebook.ContractCommand {
    struct ShowContract: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a contract, its steps and what is open; --reveal opens the sealed confidential terms (§4.6.4) where this desk holds the key.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var clock: NowOption
        @Argument(help: "The contract's id.") var id: String
        @Flag(help: "Show the confidential terms (needs the key in this desk's key store; recorded first, its own commit).") var reveal = false
        @Option(help: "Why the confidential terms are needed (with --reveal).") var reason: String?

        func validate() throws {
            if reveal, reason == nil { throw ValidationError("--reason: an opening of the confidential terms names its reason (002 篇3 §4.6.4)") }
        }

        func run() throws {
            var ws = try clock.workspace(global)
            var c = try Casebook.ContractCommand.load(id, in: ws)
            if reveal, c.confidential != nil, let reason {
                let why = try text(reason, field: "--reason", limit: 200)
                // Recorded before anything is shown: the opening is on the record even if reading fails.
                try Retry.onConcurrentUpdate {
                    let here = try clock.workspace(global)
                    let actor = try here.actor(global.actor)
                    let at = try here.eventTime(global.at)
                    let old = try Casebook.ContractCommand.load(id, in: here)
                    var next = old
                    next.reveals = (old.reveals ?? []) + [ContractReveal(at: at, by: actor.id, reason: why)]
                    do {
                        try ContractChange.validate(old: old, new: next, path: next.path, staff: here.staff,
                                                    numbersTaken: try here.contractNumbers(except: id))
                    } catch {
                        throw Failure.about(id, error)
                    }
                    try here.commit([FileChange(path: next.path, content: try RecordJSON.encode(next))], by: actor, at: at, message: """
                        contract \(id): confidential terms opened

                        Contract-Id: \(id)
                        Action: contract-reveal
                        Procedure: 002 篇3 §4.6.4
                        """)
                }
                ws = try clock.workspace(global)
                c = try Casebook.ContractCommand.load(id, in: ws)
            }
            let s = c.state
            var lines = ["\(c.id)  \(c.kind.rawValue)  \(c.form.rawValue)  \(s.status.rawValue)\(c.important ? "  important" : "")  [\(c.kind.clause)]",
                         "title         \(c.title)", "counterparty  \(c.counterparty)", "department    \(c.executingDepartment.rawValue)",
                         "term          \(c.term.start) – \(s.end)\(c.value.map { "  ¥\($0)" } ?? "")"]
            if let a = s.archive { lines.append("archive       \(a.number)  \(a.original)  sha256 \(a.documentSHA256)") }
            if let secret = c.confidential {
                if reveal {
                    guard let key = try ws.keys.read()?.key(for: secret.key) else { throw Failure(key: "noContractKey", c.id, "\(ws.keys.path)") }
                    do { lines.append("confidential  \(try secret.reveal(with: key))") } catch { throw Failure.about("--reveal: \(c.id)", error) }
                } else {
                    lines.append("confidential  (sealed)")
                }
            }
            for step in c.steps {
                var detail = step.notes ?? ""
                if let r = step.review {
                    detail = "\(r.purpose.rawValue) \(r.passed ? "passed" : "failed") by \(r.reviewers.map(\.rawValue).joined(separator: ", "))"
                    lines.append("  \(step.at)  \(step.by.rawValue)  review  \(detail)")
                    for f in r.findings { lines.append("      \(f.acceptable ? "ok  " : "FAIL") \(f.point.rawValue): \(f.finding)") }
                    continue
                }
                if let q = step.request { detail = "\(q.kind.rawValue): \(q.reason)\(q.newEnd.map { " → \($0)" } ?? "")" }
                lines.append("  \(step.at)  \(step.by.rawValue)  \(step.action.rawValue)  \(detail)")
            }
            for r in c.reveals ?? [] { lines.append("  \(r.at)  \(r.by.rawValue)  reveal  \(r.reason)") }
            for i in ContractDates.issues(c, at: try ws.now(), rule: ws.profile.contractRule, calendar: ws.calendar, zone: ws.zone) {
                lines.append("open: \(i.code.rawValue) \(i.date)")
            }
            print(lines.joined(separator: "\n"))
        }
    }

    struct ListContracts: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "The contracts with their status and what is open.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var clock: NowOption
        @Option(help: "Only contracts in this status.") var status: ContractStatus?
        @Flag(help: "Only contracts within their renewal notice period (or past their end) with no renewal or termination asked for.") var expiring = false

        func run() throws {
            let ws = try clock.workspace(global)
            let now = try ws.now()
            let rule = ws.profile.contractRule
            for c in try ws.contracts().sorted(by: { ($0.state.end, $0.id) < ($1.state.end, $1.id) }) {
                let s = c.state
                if let status, s.status != status { continue }
                let issues = ContractDates.issues(c, at: now, rule: rule, calendar: ws.calendar, zone: ws.zone)
                if expiring, !issues.contains(where: { $0.code == .expiring || $0.code == .expired }) { continue }
                print([c.id, s.status.rawValue, c.executingDepartment.rawValue, s.end, c.title, issues.map { "\($0.code.rawValue) \($0.date)" }.joined(separator: "; ")]
                    .joined(separator: "\t"))
            }
        }
    }
}
