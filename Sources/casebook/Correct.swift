import ArgumentParser
import CaseModel
import CasebookEngine
import Procedures
import SiteBuilder

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
            commandName: "correct",
            abstract: "Correct a mistaken intake entry (unit, matter, details, reporter, phone, channel) by a new event.",
            discussion: """
            The case's first-responsible person, or a supervisor, manager, director or general manager,
            may correct it; the reason is required. The old value is the one the case holds (give
            --from to make sure it is the one you saw). Kind and severity change through reclassify.
            On a terminal, what is missing is asked for and the correction read back.
            Example: casebook correct C-20261122-K3F-0001 --field intake.unit --to 3-2-1802 --reason 房号记错 --as li.na
            """
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: CaseArgument
        @Option(help: "The field: \(Correction.Field.allCases.map(\.rawValue).joined(separator: ", ")) (or without 'intake.').")
        var field: Correction.Field?
        @Option(help: "The value the case holds now (default: read from the case).") var from: String?
        @Option(help: "The correct value ('' empties an optional field: unit, details, phone).") var to: String?
        @Option(help: "Why the entry was wrong.") var reason: String?

        func validate() throws {
            guard !Prompter.isInteractive else { return }
            if field == nil { throw missing("field", "field") }
            if to == nil { throw missing("to", "to") }
            if reason == nil { throw missing("reason", "reason") }
        }

        func run() throws {
            var field = self.field, to = self.to, reason = self.reason
            let asking = field == nil || to == nil || reason == nil
            if asking {
                // First whether this person may correct the case at all (a stand-in correction).
                try global.precheck(target.id, .correct) { event, file, _ in
                    let current = file.intake.summary
                    event.correction = Correction(field: .summary, from: current, to: current == "-" ? "--" : "-")
                    event.reason = "-"
                }
                let ws = try global.workspace()
                let file = try ws.load(CaseID(rawValue: target.id))
                let p = Prompter()
                let chosen = try field ?? p.choose("field", Correction.Field.allCases, raw: \.rawValue) { f in
                    let now = Correction(field: f, from: Correction.value(of: f, in: file.intake), to: "").fromDisplay
                    return p.s.field(f) + p.aside(now.isEmpty ? p.s["desk.none"] : String(now.prefix(20)))
                }
                field = chosen
                if to == nil { to = try Correct.askValue(of: chosen, p, units: ws.settings.units ?? []) }
                if reason == nil { reason = try p.text("reason") }
            }
            guard let field, let to, let reason else { throw missing("field", "field") }
            let why = try text(reason, field: "--reason")
            let newValue = try value(to, of: field)
            let readBack: ((Event, CaseFile, Workspace) -> [(String, String)])? = !asking ? nil : { event, _, _ in
                let s = DeskLanguage.strings
                guard let c = event.correction else { return [] }
                // The old value as any screen shows it; the new one in full, read back to who typed it.
                return [(s["desk.field"], s.field(c.field)), (s["desk.oldValue"], c.fromDisplay),
                        (s["desk.newValue"], c.field == .channel ? Channel(rawValue: c.to).map(s.channel) ?? c.to : newValue), (s["desk.reason"], why)]
            }
            try global.step(target.id, .correct, summary: "correct \(field.rawValue)", fill: { event, file, ws in
                if field == .unit, !newValue.isEmpty, let units = ws.settings.units, !units.isEmpty, !units.contains(newValue) {
                    throw Failure(key: "unitNotListed", "--to", String(newValue.prefix(40)))
                }
                var old = try from.map { try value($0, of: field) } ?? Correction.value(of: field, in: file.intake)
                var shown = newValue
                var contact: Contact?
                if field.isPersonal {
                    // The name or phone never enters the history in clear: the reporter is sealed
                    // anew under the resident's key, and the event names display forms only.
                    let resident = file.intake.reporter.resident
                    guard let key = try ws.keys.read()?.key(for: resident) else {
                        throw Failure(key: "noResidentKey", "\(resident.rawValue)", "\(field.rawValue)")
                    }
                    let (name, phone) = try file.intake.reporter.reveal(with: key)
                    let sealed = try Contact(name: field == .reporter ? newValue : name,
                                             phone: field == .phone ? (newValue.isEmpty ? nil : newValue) : phone, key: key)
                    contact = sealed
                    shown = field == .reporter ? sealed.nameDisplay : sealed.phoneMasked ?? ""
                    if from != nil { old = field == .reporter ? Contact.displayName(old) : old.isEmpty ? "" : Contact.mask(old) }
                }
                event.correction = Correction(field: field, from: old, to: shown, contact: contact)
                event.reason = why
            }, readBack: readBack)
        }

        /// A value of the field as the case would hold it: trimmed; a phone as its digits.
        func value(_ raw: String, of field: Correction.Field) throws -> String {
            let t = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            switch field {
            case .phone where !t.isEmpty:
                guard let digits = (try? Contact.normalizedPhone(t)) ?? nil else {
                    throw Failure(key: "badPhone", "--to")
                }
                return digits
            case .channel where Channel(rawValue: t) == nil:
                throw Failure(key: "channelOneOf", "\(Channel.allCases.map(\.rawValue).joined(separator: ", "))")
            default:
                return t
            }
        }

        /// The new value, asked and checked as the intake asks it.
        static func askValue(of field: Correction.Field, _ p: Prompter, units: [String]) throws -> String {
            let s = p.s
            if field == .channel { return try p.choose("channel", Channel.allCases, raw: \.rawValue, label: s.channel).rawValue }
            let label = "\(s["desk.prompt.to"])\(p.aside(s.field(field)))"
            return try p.ask(label, hint: field.isOptional ? s["desk.optional"] : nil) { a in
                if a.isEmpty { return field.isOptional ? ("", nil) : (nil, s["desk.required"]) }
                switch field {
                case .phone: return Contact.isMainlandNumber(a) ? (a, nil) : (nil, s["desk.badPhone"])
                case .unit where !units.isEmpty && !units.contains(a): return (nil, s["desk.badUnit"])
                case .reporter: return (try? Contact.checkedName(a)) == nil ? (nil, s["desk.badText"]) : (a, nil)
                default:
                    let limit = field == .unit ? 40 : field == .summary ? 200 : 2000
                    return a.count > limit ? (nil, s["desk.badText"]) : (a, nil)
                }
            }
        }
    }
}
