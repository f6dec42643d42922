import ArgumentParser
import CasebookEngine

extension Casebook {
    /// `casebook reopen ID --reason R`: handle again 重新处理.
    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reopen",
            abstract: "Reopen a resolved, closed, referred or unresolvable case.",
            discussion: "Example: casebook reopen C-20261122-K3F-0001 --reason '业主反映灯又不亮' --as chen.jie"
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: CaseArgument
        @Option(help: "Why.") var reason: String

        func run() throws {
            let why = try text(reason, field: "--reason", limit: 500)
            try global.step(target.id, .reopen, summary: "reopen") { event, _, _ in event.reason = why }
        }
    }
}
