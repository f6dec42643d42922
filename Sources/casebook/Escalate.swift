import ArgumentParser
import CaseModel
import CasebookEngine

extension Casebook {
    /// `casebook escalate ID --to supervisor|manager`: up the ladder 逐级上报.
    struct Escalate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "escalate",
            abstract: "Pass a case up the escalation ladder (desk → supervisor → manager).",
            discussion: "Example: casebook escalate C-20261122-K3F-0001 --to supervisor --reason '2天未处理完毕' --as li.na"
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: CaseArgument
        @Option(help: "Level: supervisor or manager.") var to: Level
        @Option(help: "Why.") var reason: String
        @Option(help: ArgumentHelp("Staff member who takes the case.", valueName: "staff-id"), completion: .staffIDs) var assignee: String?

        func validate() throws {
            guard to != .desk else { throw ValidationError("--to: supervisor or manager") }
        }

        func run() throws {
            let why = try text(reason, field: "--reason", limit: 500)
            try global.step(target.id, .escalate, summary: "escalate to \(to.rawValue)") { event, _, ws in
                event.level = to
                event.reason = why
                event.assignee = try assignee.map { try ws.registered($0, field: "--assignee") }
            }
        }
    }
}

extension Level: ExpressibleByArgument {}
