import ArgumentParser
import CaseModel
import CasebookEngine
import Foundation
import GitStore
import Procedures

extension Casebook {
    /// `casebook sample --month YYYY-MM`: the month's revisit sample and spot checks, committed.
    struct Sample: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sample",
            abstract: "Draw the month's revisit sample and spot-check lists (reproducible) and commit them.",
            discussion: """
            The selection is seeded by SHA-256 of the month, the profile and the population, so the same
            repository and month always give the same selection; it is written to records/samples/YYYY-MM.json.
            Run again, it prints the committed selection and commits nothing.
            Where the profile draws daily (residential: a repair is revisited within five days, 002 篇2 §4.1.1),
            sweep has drawn each day's finished work already (records/samples/YYYY-MM/YYYY-MM-DD.json); the month
            file draws what is still undrawn the same way, with the spot checks.
            --recompute: recompute every draw of the month from its record and print the selection (an auditor's
            check, in any clone); it fails when a selection is not what its seed gives.
            Example: casebook sample --month 2026-11 --as chen.jie
            """
        )
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("The month, YYYY-MM.", valueName: "month")) var month: String
        @Flag(help: "Recompute the month's committed draws from their records and print the selection; commits nothing.") var recompute = false

        func validate() throws {
            guard month.count == 7, month.dropFirst(4).first == "-", Int(month.prefix(4)) != nil, let m = Int(month.suffix(2)), (1...12).contains(m) else {
                throw ValidationError("--month: YYYY-MM, e.g. 2026-11")
            }
        }

        /// Tried again on the new HEAD (a bounded number of times) if another process commits meanwhile.
        func run() throws { try Retry.onConcurrentUpdate { try attempt() } }

        func attempt() throws {
            let ws = try global.workspace()
            if recompute { return try recomputed(ws) }
            if let existing = try ws.repo.read(Workspace.samplePath(month), at: ws.base) {
                let sample = try RecordJSON.decode(MonthlySample.self, from: existing, file: Workspace.samplePath(month))
                print(Sample.lines(sample).joined(separator: "\n"))
                return
            }
            let sample = try ws.drawSample(month: month, as: global.actor)
            print(Sample.lines(sample).joined(separator: "\n"))
        }

        /// The month's draws recomputed from their files (`Sampling.recompute`), their selection printed.
        func recomputed(_ ws: Workspace) throws {
            guard let rule = ws.profile.sampling else { throw Failure(key: "noSample", "\(ws.profile.name)") }
            let samples = try ws.samples(of: month)
            if let problem = Sampling.recompute(samples, month: month, rule: rule, profile: ws.profile).first {
                throw Failure(key: "sampleRecompute", problem, rule.clause)
            }
            let ordered = samples.sorted { ($0.drawnOn ?? "9", $0.revisits.priorPopulation ?? 0) < ($1.drawnOn ?? "9", $1.revisits.priorPopulation ?? 0) }
            for sample in ordered { print(Sample.lines(sample).joined(separator: "\n")) }
            let drawn = samples.reduce(0) { $0 + $1.revisits.population.count }, selected = samples.reduce(0) { $0 + $1.revisits.selected.count }
            print(DeskLanguage.strings.fill("sample.recomputed", [month, "\(samples.count)", "\(drawn)", "\(selected)"]))
        }

        static func lines(_ s: MonthlySample) -> [String] {
            s.revisits.selected.map { "revisit\t\($0.id.rawValue)\tdue \($0.due?.description ?? "-")" + ($0.mode.map { "\t\($0.rawValue)" } ?? "") }
                + s.spotChecks.flatMap { draw in draw.selected.map { "spot-check \(draw.name)\t\($0.id.rawValue)" } }
        }
    }
}
