import ArgumentParser
import CasebookEngine

extension Casebook {
    /// `casebook refer ID --to AGENCY`: outside property management, to the competent body 转相关部门.
    struct Refer: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "refer",
            abstract: "Refer a matter outside property management to the competent body.",
            discussion: "Example: casebook refer C-20261122-K3F-0002 --to 区环保局 --as li.na"
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: CaseArgument
        @Option(help: "The agency, e.g. 区环保局.") var to: String

        func run() throws {
            let agency = try text(to, field: "--to", limit: 100)
            try global.step(target.id, .refer, summary: "refer to \(agency)") { event, _, _ in event.agency = agency }
        }
    }
}
