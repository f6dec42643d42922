import ArgumentParser
import CaseModel
import CasebookEngine
import Procedures
import SiteBuilder

extension Casebook {
    /// `casebook open`: intake 受理登记. Prints the new case id alone on stdout.
    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "open",
            abstract: "Record a new request (intake); prints the new case id.",
            discussion: """
            The receiver (--as) becomes the case's first-responsible person 首问责任人.
            On a terminal, missing fields are asked for one by one (numbered choices, answers checked as \
            they are typed) and the whole record is read back (复清楚) before it is committed.
            Example: casebook open --as li.na --kind complaint --severity important --channel phone \\
                       --unit 3-2-1801 --reporter 王女士 --phone 13812345678 --summary 楼道灯不亮
            """
        )

        @OptionGroup var global: GlobalOptions

        @Option(help: "Kind 诉求类别: \(Kind.allCases.map(\.rawValue).joined(separator: ", ")) (asked on a terminal when missing).") var kind: Kind?
        @Option(help: "Complaint severity 投诉等级: major, important, minor (complaints only).") var severity: Severity?
        @Option(help: "Repair size 维修类别: small, medium, large (repairs only).") var repairSize: RepairSize?
        @Option(help: "Channel 诉求方式: \(Channel.allCases.map(\.rawValue).joined(separator: ", ")).") var channel: Channel?
        @Option(help: "Unit 房号, e.g. 3-2-1801 (one of records/casebook.json's units, if it lists them).") var unit: String?
        @Option(help: "Reporter's name 反映人, e.g. 王女士.") var reporter: String?
        @Option(help: "Reporter's phone 联系电话.") var phone: String?
        @Option(help: "The matter 事由, one line.") var summary: String?
        @Option(help: "Details 详细情况.") var details: String?
        @Option(help: "Cause, where the profile's deadlines depend on it (mall 001 篇2 §4.6): \(Cause.allCases.map(\.rawValue).joined(separator: ", ")).")
        var cause: Cause?
        @Option(help: ArgumentHelp("The date the owner asked for (minor complaints are due then).", valueName: "time")) var requestedBy: String?
        @Option(help: "Emergencies: 120, 110 or fire; each has its checklist (001 §5.6.6, §5.6.8, §5.6.9).") var emergency: EmergencyType?
        @Option(help: "Judicial requests 司法调查: police, procuratorate, discipline or lawyer (001 §5.6.5).") var requester: Requester?
        @Option(help: "Judicial requests: the accompanying police officer's name (signs in place of the receiver, 001 §5.6.5.2).") var officer: String?
        @Option(help: "Judicial requests: the officer's badge number.") var badge: String?
        @Option(help: "Lawyers: the letter of introduction 介绍信 (its reference).") var letter: String?
        @Option(help: "Lawyers: the practising licence 执业资格证 (its number).") var licence: String?
        @Option(help: "Lawyers: the power of attorney 委托书 (its reference).") var powerOfAttorney: String?
        @Option(help: "Lawyers: acting for the owner or another party (001 §5.6.5.3 a–b).") var client: LawyerClient?

        func validate() throws {
            // On a terminal the missing fields are asked for instead (run()).
            if !Prompter.isInteractive {
                if kind == nil { throw missing("kind", "kind") }
                if channel == nil { throw missing("channel", "channel") }
                if reporter == nil { throw missing("reporter", "reporter") }
                if summary == nil { throw missing("summary", "summary") }
            }
            // Without --kind (asked on the terminal), run() checks severity and size against the answer.
            guard let kind else { return }
            if kind == .complaint, severity == nil, !Prompter.isInteractive {
                throw ValidationError("--severity: required for a complaint (major, important or minor; 002 篇5 §4)")
            }
            if kind != .complaint, severity != nil {
                throw ValidationError("--severity: only complaints have a severity")
            }
            if kind == .repair, repairSize == nil, !Prompter.isInteractive {
                throw ValidationError("--repair-size: required for a repair (small, medium or large; 001 §5.4.2)")
            }
            if kind != .repair, repairSize != nil {
                throw ValidationError("--repair-size: only repairs have a size")
            }
        }

        /// The judicial request's particulars, as given (the rule `judicial` says what is missing).
        func judicialRequest() throws -> JudicialRequest? {
            guard let requester else {
                if officer != nil || badge != nil || letter != nil || licence != nil || powerOfAttorney != nil || client != nil {
                    throw Failure(key: "requesterParticulars")
                }
                return nil
            }
            func field(_ v: String?, _ name: String) throws -> String? { try v.map { try text($0, field: name, limit: 100) } }
            return JudicialRequest(requester: requester, officerName: try field(officer, "--officer"), officerBadge: try field(badge, "--badge"),
                                   letter: try field(letter, "--letter"), licence: try field(licence, "--licence"),
                                   powerOfAttorney: try field(powerOfAttorney, "--power-of-attorney"), client: client)
        }

        /// Whether a field the intake needs is missing (and so asked for on a terminal).
        var isIncomplete: Bool {
            kind == nil || channel == nil || reporter == nil || summary == nil
                || (kind == .complaint && severity == nil) || (kind == .repair && repairSize == nil)
        }

        func run() throws {
            let first = try global.workspace()
            _ = try first.actor(global.actor)
            let at = try first.eventTime(global.at)
            var form = self
            let asking = Prompter.isInteractive && isIncomplete
            if asking { try form.ask(Prompter(), units: first.settings.units ?? []) }
            guard let kind = form.kind, let channel = form.channel, let reporter = form.reporter, let summary = form.summary else {
                throw Failure(key: "intakeIncomplete")
            }
            if let unit = form.unit, let units = first.settings.units, !units.isEmpty, !units.contains(unit) {
                throw Failure(key: "unitNotListed", "--unit", String(unit.prefix(40)))
            }
            // The resident's key is on disk before the commit that needs it is made; made once,
            // whatever the retries below.
            let phone = form.phone
            let contact: Contact = try first.keys.update { store in
                do {
                    let key = try store.key(forPhone: phone, now: at.description)
                    return try Contact(name: reporter, phone: phone, key: key)
                } catch let error as ContactError {
                    throw Failure.about("--\(error == .badPhone ? "phone" : "reporter")", error)
                }
            }
            let name = reporter.trimmingCharacters(in: .whitespaces)
            var readBack = asking
            let id = try Retry.onConcurrentUpdate { () throws -> CaseID in
                let ws = try global.workspace()
                let actor = try ws.actor(global.actor)
                var requested: Timestamp?
                if let requestedBy {
                    guard let t = Timestamp.parse(requestedBy, defaultZone: ws.zone), t > at else {
                        throw Failure(key: "requestedBy", "\(oneLine(requestedBy, limit: 40))")
                    }
                    requested = t
                }
                let intake = Intake(
                    receivedAt: at, channel: channel, kind: kind, severity: form.severity, repairSize: form.repairSize,
                    unit: try form.unit.map { try text($0, field: "--unit", limit: 40) }, reporter: contact,
                    summary: Contact.scrub(try text(summary, field: "--summary", limit: 200), fullName: name),
                    details: try details.map { Contact.scrub(try text($0, field: "--details"), fullName: name) },
                    requestedBy: requested, firstResponder: actor.id, cause: cause, emergency: form.emergency,
                    judicial: try judicialRequest())
                if readBack {
                    // 复清楚: check the step as the hook would, then read the record back before committing.
                    let event = try ws.openEvent(intake, by: actor.id)
                    let id = try ws.newID(receivedAt: at)
                    try ws.check(event, on: nil, id: id)
                    try Prompter().confirm(Open.readBack(intake, name: name, phone: try Contact.normalizedPhone(phone), id: id, receiver: actor,
                                                         deadlines: event.deadlines ?? []))
                    readBack = false
                }
                return try ws.open(intake, by: actor).id
            }
            print(id.rawValue)
        }

        /// Asks for each missing field in the order of the paper form: kind, severity or repair
        /// size, channel, unit, reporter, phone, summary.
        mutating func ask(_ p: Prompter, units: [String]) throws {
            let s = p.s
            if kind == nil { kind = try p.choose("kind", Open.kindMenu, raw: \.rawValue, label: s.kind) }
            if kind == .complaint, severity == nil {
                severity = try p.choose("severity", Severity.allCases, raw: \.rawValue, label: s.severity)
            }
            if kind == .repair, repairSize == nil {
                repairSize = try p.choose("repairSize", RepairSize.allCases, raw: \.rawValue, label: s.repairSize)
            }
            if kind == .emergency, emergency == nil {
                // Optional: a typed emergency follows its checklist (001 §5.6.6, §5.6.8, §5.6.9).
                let options = EmergencyType.allCases
                p.say(options.enumerated().map { "\($0.offset + 1) \(s["emergency." + $0.element.rawValue])" }.joined(separator: "  "))
                let got: String = try p.ask(s["desk.prompt.emergency"], hint: s["desk.optional"]) { a in
                    if a.isEmpty { return ("", nil) }
                    if let n = Int(a), options.indices.contains(n - 1) { return (options[n - 1].rawValue, nil) }
                    if let o = options.first(where: { $0.rawValue == a.lowercased() || s["emergency." + $0.rawValue] == a }) { return (o.rawValue, nil) }
                    return (nil, s["desk.badChoice"])
                }
                emergency = EmergencyType(rawValue: got)
            }
            if kind != .complaint, severity != nil { throw Failure(key: "severityOnlyComplaint") }
            if kind != .repair, repairSize != nil { throw Failure(key: "sizeOnlyRepair") }
            // Patrol findings and household visits are opened by `casebook round`, which sets their channel.
            if channel == nil { channel = try p.choose("channel", Channel.allCases.filter { $0 != .patrol && $0 != .visit }, raw: \.rawValue, label: s.channel) }
            if unit == nil {
                let got: String = try p.ask(s["desk.prompt.unit"], hint: s["desk.optional"]) { a in
                    if a.isEmpty { return ("", nil) }
                    if a.count > 40 { return (nil, s["desk.badText"]) }
                    if !units.isEmpty, !units.contains(a) { return (nil, s["desk.badUnit"]) }
                    return (a, nil)
                }
                unit = got.isEmpty ? nil : got
            }
            if reporter == nil {
                reporter = try p.ask(s["desk.prompt.reporter"]) { a in
                    if a.isEmpty { return (nil, s["desk.required"]) }
                    return ((try? Contact.checkedName(a)) == nil ? nil : a, s["desk.badText"])
                }
            }
            if phone == nil {
                let got: String = try p.ask(s["desk.prompt.phone"], hint: s["desk.optional"]) { a in
                    if a.isEmpty { return ("", nil) }
                    return Contact.isMainlandNumber(a) && (try? Contact.normalizedPhone(a)) != nil ? (a, nil) : (nil, s["desk.badPhone"])
                }
                phone = got.isEmpty ? nil : got
            }
            if summary == nil { summary = try p.text("summary", limit: 200) }
        }

        /// The kinds in the order the desk offers them: the most frequent first (投诉, 报修), then
        /// the rest in the order of 001 §3.0.
        static let kindMenu: [Kind] = [.complaint, .repair] + Kind.allCases.filter { $0 != .complaint && $0 != .repair && $0 != .nonconformity }

        /// The whole record as the receptionist reads it back to the caller. The phone is shown
        /// in full here only: it is read back to the person who just gave it.
        static func readBack(_ i: Intake, name: String, phone: String?, id: CaseID, receiver: Staff, deadlines: [Deadline]) -> [(String, String)] {
            let s = DeskLanguage.strings
            return [
                (s["desk.case"], id.rawValue),
                (s["kind"], s.kindWithGrade(i) + (i.emergency.map { " · " + s["emergency." + $0.rawValue] } ?? "")),
                (s["channel"], s.channel(i.channel)),
                (s["unit"], i.unit ?? ""),
                (s["reporter"], name),
                (s["desk.phone"], phone ?? ""),
                (s["matter"], i.summary),
                (s["receivedAt"], i.receivedAt.description),
                (s["firstResponder"], "\(receiver.name) (\(receiver.id.rawValue))"),
                // What the desk may promise the caller (PROCEDURES.md §2).
                (s["deadlines"], s.list(deadlines.map { "\(s.step($0.step)) \($0.due)" })),
            ]
        }
    }
}
