import ArgumentParser
import CaseModel
import Procedures

extension Correction.Field: ExpressibleByArgument {
    /// `intake.unit`, or just `unit`.
    public init?(argument: String) {
        guard let f = Correction.Field(rawValue: argument) ?? Correction.Field(rawValue: "intake." + argument) else { return nil }
        self = f
    }
}

extension Casebook {
    /// `casebook correct ID --field F --to VALUE --reason R`: put a mistaken intake entry right
    /// 更正 with a new event naming the field, the old and new value and the reason; history is
    /// never edited (004 §4.1; 001 §5.1.2; 002 篇1 §4.3).
    struct Correct: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Correct a mistaken intake entry (unit, matter, details, reporter, phone, channel) by a new event.",
            discussion: """
            The case's first-responsible person, or a supervisor, manager, director or general manager,
            may correct it; the reason is required. The old value is the one the case holds (give
            --from to make sure it is the one you saw). Kind and severity change through reclassify.
            Example: casebook correct C-20261122-K3F-0001 --field intake.unit --to 3-2-1802 --reason 房号记错 --as li.na
            """
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: CaseArgument
        @Option(help: "The field: \(Correction.Field.allCases.map(\.rawValue).joined(separator: ", ")) (or without 'intake.').")
        var field: Correction.Field
        @Option(help: "The value the case holds now (default: read from the case).") var from: String?
        @Option(help: "The correct value ('' empties an optional field: unit, details, phone).") var to: String
        @Option(help: "Why the entry was wrong.") var reason: String

        func run() throws {
            let why = try text(reason, field: "--reason")
            let newValue = try value(to)
            try global.step(target.id, .correct, summary: "correct \(field.rawValue)") { event, file, ws in
                if field == .unit, !newValue.isEmpty, let units = ws.settings.units, !units.isEmpty, !units.contains(newValue) {
                    throw Failure("--to: '\(newValue.prefix(40))' is not in the unit list (units in \(Workspace.settingsPath))", key: "unitNotListed", ["--to", String(newValue.prefix(40))])
                }
                let old = try from.map(value) ?? Correction.value(of: field, in: file.intake)
                event.correction = Correction(field: field, from: old, to: newValue)
                event.reason = why
            }
        }

        /// A value of the field as the case would hold it: trimmed; a phone as its digits.
        func value(_ raw: String) throws -> String {
            let t = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            switch field {
            case .phone where !t.isEmpty:
                guard let digits = (try? Contact(name: "-", phone: t))?.reveal().phone else {
                    throw Failure("--to: not a phone number (7 to 12 digits, optionally +86)", key: "badPhone", ["--to"])
                }
                return digits
            case .channel where Channel(rawValue: t) == nil:
                throw Failure("--to: a channel is one of \(Channel.allCases.map(\.rawValue).joined(separator: ", "))")
            default:
                return t
            }
        }
    }
}
