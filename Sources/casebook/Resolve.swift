import ArgumentParser
import CaseModel
import Procedures

extension Casebook {
    /// `casebook resolve ID --result R`: the work is done 处理完毕; plans the required revisits.
    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that the work is done; the required revisit is planned.",
            discussion: """
            Example: casebook resolve C-20261122-K3F-0001 --result '已更换灯具' --customer-confirmed --rating 5 --as zhao.gong
            A repair that needs checking later: add --second-revisit (revisit again 1–2 months after).
            """
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: CaseArgument
        @Option(help: "What was done 处理结果.") var result: String
        @Flag(help: "The customer confirmed (signed the work order).") var customerConfirmed = false
        @Option(help: "Customer's rating of quality and attitude, 1–5 (003 五.4).") var rating: Int?
        @Flag(help: "Plan a second revisit as well, where the work needs one (repairs: 1–2 months after; 002 篇2 §4.1.1 b).")
        var secondRevisit = false

        func validate() throws {
            if let rating, !(1...5).contains(rating) { throw ValidationError("--rating: 1 to 5") }
        }

        func run() throws {
            let done = try text(result, field: "--result")
            try global.step(target.id, .resolve, summary: "resolved") { event, file, ws in
                event.result = done
                if customerConfirmed { event.customerConfirmed = true }
                event.rating = rating
                event.revisitsPlanned = try ws.revisitPlan(for: file, resolvedAt: event.at, second: secondRevisit)
            }
        }
    }
}
