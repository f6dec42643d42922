import ArgumentParser
import CaseModel
import CasebookEngine
import Procedures
import SiteBuilder

extension Casebook {
    /// `casebook resolve ID --result R`: the work is done 处理完毕; plans the required revisits.
    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "resolve",
            abstract: "Record that the work is done; the required revisit is planned.",
            discussion: """
            On a terminal, a missing --result (with the customer's confirmation and rating) is asked for
            and the step read back.
            Example: casebook resolve C-20261122-K3F-0001 --result '已更换灯具' --customer-confirmed --rating 5 --as zhao.gong
            A repair that needs checking later: add --second-revisit (revisit again 1–2 months after).
            """
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: CaseArgument
        @Option(help: "What was done 处理结果.") var result: String?
        @Flag(help: "The customer confirmed (signed the work order).") var customerConfirmed = false
        @Option(help: "Customer's rating of quality and attitude, 1–5 (003 五.4).") var rating: Int?
        @Flag(help: "Plan a second revisit as well, where the work needs one (repairs: 1–2 months after; 002 篇2 §4.1.1 b).")
        var secondRevisit = false

        func validate() throws {
            if result == nil, !Prompter.isInteractive { throw missing("result", "result") }
            if let rating, !(1...5).contains(rating) { throw ValidationError("--rating: 1 to 5") }
        }

        func run() throws {
            var result = self.result, confirmed = customerConfirmed, rating = self.rating
            let asking = result == nil
            if asking {
                // First whether the step can be made at all, so nobody answers questions in vain.
                try global.precheck(target.id, .resolve) { event, file, ws in
                    event.result = "-"
                    event.revisitsPlanned = try? Schedule.revisits(for: file.intake, resolvedAt: event.at, profile: ws.profile, calendar: ws.calendar,
                                                                  second: secondRevisit)
                }
                let p = Prompter()
                let s = p.s
                result = try p.text("result")
                if !confirmed { confirmed = try p.yesNo(s["desk.prompt.customerConfirmed"]) }
                if rating == nil {
                    let got: Int = try p.ask(s["desk.prompt.rating"], hint: s["desk.optional"]) { a in
                        if a.isEmpty { return (0, nil) }
                        guard let n = Int(a), (1...5).contains(n) else { return (nil, s["desk.badRating"]) }
                        return (n, nil)
                    }
                    rating = got == 0 ? nil : got
                }
            }
            guard let result else { throw missing("result", "result") }
            let done = try text(result, field: "--result")
            let readBack: ((Event, CaseFile, Workspace) -> [(String, String)])? = !asking ? nil : { event, _, _ in
                let s = DeskLanguage.strings
                let plan = (event.revisitsPlanned ?? []).map { p in
                    "\(p.due) \(s.list(p.by.map(s.role))) (\(s.list(p.modes.map(s.mode))))"
                }
                return [(s["desk.result"], done),
                        (s["desk.customerConfirmed"], event.customerConfirmed == true ? s["desk.yes"] : s["desk.no"]),
                        (s["desk.rating"], event.rating.map { "\($0)/5" } ?? ""),
                        (s["revisitPlan"], s.list(plan))]
            }
            try global.step(target.id, .resolve, summary: "resolved", fill: { event, file, ws in
                event.result = done
                if confirmed { event.customerConfirmed = true }
                event.rating = rating
                event.revisitsPlanned = try ws.revisitPlan(for: file, resolvedAt: event.at, second: secondRevisit)
            }, readBack: readBack)
        }
    }
}
