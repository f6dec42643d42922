import ArgumentParser
import CaseModel

extension Casebook {
    /// `casebook revisit ID --mode M --satisfied|--unsatisfied`: the revisit 回访.
    struct Revisit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a revisit; an unsatisfied one is reported to the director and the case handled again.",
            discussion: "Example: casebook revisit C-20261122-K3F-0001 --mode phone --satisfied --notes '业主表示满意' --as chen.jie"
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: CaseArgument
        @Option(help: "Mode: home, phone, letter, online.") var mode: RevisitMode
        @Flag(exclusivity: .exclusive, help: "Whether the owner was satisfied.") var satisfaction: Satisfaction
        @Option(help: "Quality, effect, shortcomings, suggestions (002 篇2 §4.1.5).") var notes: String?

        enum Satisfaction: String, EnumerableFlag {
            case satisfied, unsatisfied
        }

        func run() throws {
            let remarks = try notes.map { try text($0, field: "--notes") }
            let unhappy = satisfaction == .unsatisfied
            try global.step(target.id, .revisit, summary: "revisit by \(mode.rawValue), \(satisfaction.rawValue)" + (unhappy ? "; reported to the director, to be handled again" : "")) { event, _, _ in
                event.mode = mode
                event.satisfied = !unhappy
                event.notes = remarks
                // An unsatisfactory result is reported to the director and handled again (002 篇2 §4.4).
                if unhappy { event.directorInformed = true }
            }
        }
    }
}
