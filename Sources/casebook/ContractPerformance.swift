import ArgumentParser
import CaseModel
import CasebookEngine
import Foundation

extension ContractRequest.Kind: EnumerableFlag {}

extension Casebook.ContractCommand {
    /// A stage report to the general manager (002 篇3 §4.7.3).
    struct StageReport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "report", abstract: "A stage report to the general manager (§4.7.3; written for important contracts).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var clock: NowOption
        @Argument(help: "The contract's id.") var id: String
        @Option(help: "How the contract stands.") var notes: String
        @Flag(help: "Handed in in writing (required for important contracts).") var written = false

        func run() throws {
            let said = try text(notes, field: "--notes")
            try Casebook.ContractCommand.step(id, global, clock, .stageReport, subject: "stage report", clause: "002 篇3 §4.7.3") { step, _, _ in
                step.notes = said
                step.written = written
            }
        }
    }

    /// 行政人事部 reports a contract falling behind (§4.7.4).
    struct Slippage: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "slippage", abstract: "行政人事部 reports a contract falling behind to the general manager (§4.7.4).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var clock: NowOption
        @Argument(help: "The contract's id.") var id: String
        @Option(help: "What is behind.") var notes: String

        func run() throws {
            let said = try text(notes, field: "--notes")
            try Casebook.ContractCommand.step(id, global, clock, .slippage, subject: "slippage reported", clause: "002 篇3 §4.7.4") { step, _, _ in
                step.notes = said
            }
        }
    }

    /// The executing department asks 经营部 for a change, termination or renewal (§4.8–4.9).
    struct Request: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "request", abstract: "Ask 经营部 for a change, termination or renewal (§4.8–4.9); it is reviewed before it takes effect.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var clock: NowOption
        @Argument(help: "The contract's id.") var id: String
        @Flag(exclusivity: .exclusive, help: "What is asked for.") var kind: ContractRequest.Kind
        @Option(help: "Why.") var reason: String
        @Option(help: ArgumentHelp("A renewal's new last day.", valueName: "YYYY-MM-DD")) var newEnd: String?

        func run() throws {
            let why = try text(reason, field: "--reason", limit: 500)
            try Casebook.ContractCommand.step(id, global, clock, .request, subject: "\(kind.rawValue) requested",
                                              clause: kind == .renewal ? "002 篇3 §4.9" : "002 篇3 §4.8") { step, _, _ in
                step.request = ContractRequest(kind: kind, reason: why, newEnd: newEnd)
            }
        }
    }

    /// The reviewed change, termination or renewal takes effect (§4.8–4.9).
    struct Amend: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "amend", abstract: "The change, termination or renewal takes effect once its review passed (§4.8–4.9).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var clock: NowOption
        @Argument(help: "The contract's id.") var id: String
        @Option(help: "What was changed (required for a change).") var notes: String?

        func run() throws {
            let said = try notes.map { try text($0, field: "--notes") }
            try Casebook.ContractCommand.step(id, global, clock, .amend, subject: "change, termination or renewal in effect", clause: "002 篇3 §4.8–4.9") { step, _, _ in
                step.notes = said
            }
        }
    }

    /// Performed (§4.7.5): an important contract's effect is reviewed next.
    struct Complete: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "complete", abstract: "Record the contract performed (§4.7.5); the department's copy returns to 行政人事部.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var clock: NowOption
        @Argument(help: "The contract's id.") var id: String
        @Option(help: "How it was performed.") var notes: String

        func run() throws {
            let said = try text(notes, field: "--notes")
            try Casebook.ContractCommand.step(id, global, clock, .complete, subject: "performed", clause: "002 篇3 §4.7.5") { step, _, _ in
                step.notes = said
            }
        }
    }
}
