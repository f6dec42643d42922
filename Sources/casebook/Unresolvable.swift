import ArgumentParser
import CasebookEngine

extension Casebook {
    /// `casebook unresolvable ID --reason R`: the manager closes a matter that cannot be handled.
    struct Unresolvable: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "unresolvable",
            abstract: "Close a matter as unresolvable, with the reason (manager only; 002 篇1 §3.3.3).",
            discussion: "Example: casebook unresolvable C-20261122-K3F-0003 --reason '属开发商遗留问题，已书面答复业主' --as zhou.jl"
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: CaseArgument
        @Option(help: "Why it cannot be handled.") var reason: String

        func run() throws {
            let why = try text(reason, field: "--reason", limit: 1000)
            try global.step(target.id, .unresolvable, summary: "unresolvable") { event, _, _ in event.reason = why }
        }
    }
}
