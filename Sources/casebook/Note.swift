import ArgumentParser
import CasebookEngine

extension Casebook {
    /// `casebook note ID TEXT`: progress, and whether the owner was told (跟进反馈).
    struct Note: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "note",
            abstract: "Record progress on a case, optionally as fed back to the owner.",
            discussion: "Example: casebook note C-20261122-K3F-0001 '已联系供应商，明天更换灯具' --owner-informed --as li.na"
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: CaseArgument
        @Argument(help: "What happened.") var text: String
        @Flag(help: "The owner was told of this progress (000 §1(5)).") var ownerInformed = false

        func run() throws {
            let body = try CasebookEngine.text(text, field: "text")
            try global.step(target.id, .note, summary: ownerInformed ? "progress fed back to the owner" : "note") { event, _, _ in
                event.text = body
                if ownerInformed { event.ownerInformed = true }
            }
        }
    }
}
