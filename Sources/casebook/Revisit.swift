import ArgumentParser
import CaseModel
import CasebookEngine
import SiteBuilder

extension Casebook {
    /// `casebook revisit ID --mode M --satisfied|--unsatisfied`: the revisit 回访.
    struct Revisit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revisit",
            abstract: "Record a revisit; an unsatisfied one is reported to the director and the case handled again.",
            discussion: """
            On a terminal, a missing --mode or satisfaction is asked for with the questions of the revisit
            record (002 篇2 §4.1.5: quality, effect, satisfaction, shortcomings, suggestions) and read back.
            Example: casebook revisit C-20261122-K3F-0001 --mode phone --satisfied --notes '业主表示满意' --as chen.jie
            """
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: CaseArgument
        @Option(help: "Mode: home, phone, letter, online.") var mode: RevisitMode?
        @Flag(exclusivity: .exclusive, help: "Whether the owner was satisfied.") var satisfaction: Satisfaction?
        @Option(help: "Quality, effect, shortcomings, suggestions (002 篇2 §4.1.5).") var notes: String?

        enum Satisfaction: String, EnumerableFlag {
            case satisfied, unsatisfied
        }

        func validate() throws {
            guard !Prompter.isInteractive else { return }
            if mode == nil { throw missing("mode", "mode") }
            if satisfaction == nil { throw ValidationError("Missing expected argument '--satisfied' or '--unsatisfied'") }
        }

        func run() throws {
            var mode = self.mode, satisfaction = self.satisfaction, notes = self.notes
            let asking = mode == nil || satisfaction == nil
            if asking {
                let ws = try global.workspace()
                let file = try ws.load(CaseID(rawValue: target.id))
                let p = Prompter()
                let s = p.s
                if mode == nil {
                    // The modes the plan allows come first; any mode may be chosen (the rules decide).
                    let planned = file.state.revisitsPlanned.first { $0.doneAt == nil }?.modes ?? []
                    let modes = planned + RevisitMode.allCases.filter { !planned.contains($0) }
                    mode = try p.choose("mode", modes, raw: \.rawValue, label: s.mode)
                }
                // Whether this person may make this revisit now, in this mode, before the questions.
                try global.precheck(target.id, .revisit) { event, _, _ in
                    event.mode = mode
                    event.satisfied = true
                }
                // The record's content in the repository's language (002 篇2 §4.1.5).
                let record = Strings(Language(rawValue: ws.settings.locale) ?? .zhHans)
                var parts: [String] = []
                for key in ["quality", "effect"] {
                    if let a = try p.text(key, optional: true) { parts.append("\(record["desk.notes." + key])\(record["colon"])\(a)") }
                }
                if satisfaction == nil { satisfaction = try p.yesNo(s["desk.prompt.satisfied"]) ? .satisfied : .unsatisfied }
                for key in ["shortcomings", "suggestions"] {
                    if let a = try p.text(key, optional: true) { parts.append("\(record["desk.notes." + key])\(record["colon"])\(a)") }
                }
                if let n = notes { parts.append(n) }
                notes = parts.isEmpty ? nil : parts.joined(separator: record.language == .zhHans ? "；" : "; ")
            }
            guard let mode, let satisfaction else { throw missing("mode", "mode") }
            let remarks = try notes.map { try text($0, field: "--notes") }
            let unhappy = satisfaction == .unsatisfied
            let readBack: ((Event, CaseFile, Workspace) -> [(String, String)])? = !asking ? nil : { event, _, _ in
                let s = DeskLanguage.strings
                return [(s["mode"], s.mode(mode)),
                        (s["desk.satisfaction"], unhappy ? s["unsatisfied"] + " · " + s["directorInformed"] : s["satisfied"]),
                        (s["desk.revisitNotes"], event.notes ?? "")]
            }
            try global.step(target.id, .revisit, summary: "revisit by \(mode.rawValue), \(satisfaction.rawValue)" + (unhappy ? "; reported to the director, to be handled again" : ""), fill: { event, _, _ in
                event.mode = mode
                event.satisfied = !unhappy
                event.notes = remarks
                // An unsatisfactory result is reported to the director and handled again (002 篇2 §4.4).
                if unhappy { event.directorInformed = true }
            }, readBack: readBack)
        }
    }
}
