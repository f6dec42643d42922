import ArgumentParser
import CaseModel
import Foundation
import Procedures

extension Casebook {
    /// `casebook sweep`: the steps time alone triggers, committed as the `system` actor.
    struct SweepCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sweep",
            abstract: "Make the steps that time alone triggers: ladder escalations, breached deadlines, one-month-major.",
            discussion: """
            Run it from cron or a scheduled CI job. Each step is one commit by the `system` staff member, dated
            when the rule fired. Running it twice at the same time commits nothing the second time.
            Example: casebook sweep --now 2026-11-24T09:00
            """
        )
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("The time to sweep at (default: $CASEBOOK_NOW, then now).", valueName: "time")) var now: String?

        /// If another process commits while the sweep runs, the sweep starts again on the new HEAD:
        /// steps already made are not due any more, so each is made exactly once.
        func run() throws {
            var count = 0
            let at = try Retry.onConcurrentUpdate { try sweep(count: &count) }
            FileHandle.standardError.write(Data("sweep at \(at): \(count) step\(count == 1 ? "" : "s")\n".utf8))
        }

        func sweep(count: inout Int) throws -> Timestamp {
            let ws = try global.workspace()
            var at = try ws.now()
            if let now {
                guard let t = Timestamp.parse(now, defaultZone: ws.zone), t <= at else {
                    throw Failure("--now: '\(oneLine(now, limit: 40))' is not an ISO 8601 time up to now")
                }
                at = t
            }
            guard let system = ws.staff.staff.first(where: { $0.roles.contains(.system) }) else {
                throw Failure("\(Workspace.staffPath): no staff member with the role 'system' to make time-driven steps")
            }
            for var file in try ws.allCases() where file.state.status.isOpen {
                while true {
                    let next: Event?
                    do {
                        next = try Sweep.nextStep(for: file, at: at, actor: system.id, profile: ws.profile, calendar: ws.calendar)
                    } catch {
                        throw Failure("\(file.id.rawValue): \(error)")
                    }
                    guard let event = next else { break }
                    let (summary, clause) = describe(event, in: file)
                    file = try ws.record(event, on: file, id: file.id, actor: system, summary: summary, clause: clause)
                    print("\(file.id.rawValue)\t\(event.at)\t\(summary)\t[\(clause)]")
                    count += 1
                }
            }
            return at
        }

        func describe(_ e: Event, in file: CaseFile) -> (String, String) {
            switch e.action {
            case .escalate:
                let rung = file.state.level < .supervisor && e.level == .supervisor ? "002 篇1 §4.7" : "002 篇1 §4.8"
                return ("escalate to \(e.level?.rawValue ?? "")", rung)
            case .breach:
                let d = file.state.deadlines.first { $0.step == e.step && $0.breachedAt == nil }
                return ("deadline \(e.step ?? "") breached" + (e.level.map { ", reported to \($0.rawValue)" } ?? ""), d?.clause ?? "PROCEDURES.md §2")
            case .reclassify:
                return ("reclassify: major (valid complaint open one month)", "002 篇5 §4.1.3")
            default:
                return (e.action.rawValue, Transitions.allowed(e.action).clause)
            }
        }
    }
}
