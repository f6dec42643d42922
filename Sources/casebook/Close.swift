import ArgumentParser
import CasebookEngine

extension Casebook {
    /// `casebook close ID`: the case is finished 结案.
    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "close",
            abstract: "Close a resolved (and, where required, revisited) or referred case.",
            discussion: "Example: casebook close C-20261122-K3F-0001 --as chen.jie"
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: CaseArgument

        func run() throws {
            try global.step(target.id, .close, summary: "close")
        }
    }
}
