import ArgumentParser
import CaseModel
import CasebookEngine
import Foundation
import Procedures

extension Casebook {
    /// `casebook sweep`: the steps time alone triggers, committed as the `system` actor.
    struct SweepCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sweep",
            abstract: "Make the steps that time alone triggers: ladder escalations, breached deadlines, one-month-major.",
            discussion: """
            Run it from cron or a scheduled CI job. Each step is one commit by the `system` staff member, dated
            when the rule fired. Running it twice at the same time commits nothing the second time.
            Where the profile draws its revisit sample daily (residential), the first sweep of a day draws the
            routine work finished before that day (records/samples/YYYY-MM/YYYY-MM-DD.json), each pick due
            inside its revisit window.
            Example: casebook sweep --now 2026-11-24T09:00
            """
        )
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("The time to sweep at (default: $CASEBOOK_NOW, then now).", valueName: "time")) var now: String?

        /// If another process commits while the sweep runs, the sweep starts again on the new HEAD:
        /// steps already made are not due any more, so each is made exactly once.
        func run() throws {
            var count = 0
            let at = try Retry.onConcurrentUpdate { try sweep(count: &count) }
            FileHandle.standardError.write(Data("sweep at \(at): \(count) step\(count == 1 ? "" : "s")\n".utf8))
        }

        func sweep(count: inout Int) throws -> Timestamp {
            let ws = try global.workspace()
            var at = try ws.now()
            if let now {
                guard let t = Timestamp.parse(now, defaultZone: ws.zone), t <= at else {
                    throw Failure(key: "nowUpToNow", "\(oneLine(now, limit: 40))")
                }
                at = t
            }
            count += try ws.sweep(at: at) { file, event, summary, clause in
                print("\(file.id.rawValue)\t\(event.at)\t\(summary)\t[\(clause)]")
            }
            // Where the profile draws its revisit sample daily, the day's draw (Sampling.daily).
            for draw in try ws.drawDaily(at: at) {
                print(Sample.lines(draw).map { "\(draw.drawnOn ?? "")\t" + $0 }.joined(separator: "\n"))
                count += 1
            }
            // The round's overdue reviews and missing summaries are named, not recorded (003 九.2, 九.5).
            for line in RoundCommand.lines(try ws.rounds(), ws: ws, now: at, coverage: false) { print(line) }
            return at
        }
    }
}
