import ArgumentParser
import CaseModel
import CasebookEngine
import Procedures

extension Casebook {
    /// `casebook reclassify ID`: change kind, severity, repair size or validity; deadlines are
    /// recomputed from the intake time under the current profile.
    struct Reclassify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reclassify",
            abstract: "Change a case's kind, severity, repair size or complaint validity; deadlines are recomputed.",
            discussion: """
            A department manager decides whether a complaint is valid 有效投诉 (001 篇2 §4.5).
            Example: casebook reclassify C-20261122-K3F-0001 --severity major --valid --reason '多次反映未解决' --as wang.zg
            """
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: CaseArgument
        @Option(help: "New kind.") var kind: Kind?
        @Option(help: "New complaint severity: major, important, minor.") var severity: Severity?
        @Option(help: "New repair size: small, medium, large.") var repairSize: RepairSize?
        @Option(help: "New cause (mall: trading-stopped, outside-control, equipment; 001 篇2 §4.6).") var cause: Cause?
        @Flag(name: .customLong("valid"), help: "The complaint is about the promised service (有效投诉).") var isValid = false
        @Flag(name: .customLong("invalid"), help: "The complaint is outside the promised service (无效投诉).") var isInvalid = false
        @Option(help: ArgumentHelp("With --valid: the member of staff the complaint is against (003 篇2 第十二条; profiles with the accountability ladder).",
                                   valueName: "staff-id"), completion: .staffIDs) var against: String?
        @Option(help: "Why.") var reason: String

        func validate() throws {
            if isValid && isInvalid { throw ValidationError("--valid and --invalid exclude each other") }
            if against != nil, isInvalid { throw ValidationError("--against: only a valid complaint counts against a member of staff") }
            if kind == nil, severity == nil, repairSize == nil, cause == nil, !isValid, !isInvalid, against == nil {
                throw ValidationError("give at least one of --kind, --severity, --repair-size, --cause, --valid, --invalid")
            }
        }

        func run() throws {
            let why = try text(reason, field: "--reason", limit: 500)
            let changes = [kind?.rawValue, severity?.rawValue, repairSize?.rawValue, cause?.rawValue, isValid ? "valid" : nil, isInvalid ? "invalid" : nil, against.map { "against \($0)" }]
                .compactMap { $0 }.joined(separator: ", ")
            try global.step(target.id, .reclassify, summary: "reclassify: \(changes)") { event, file, ws in
                event.kind = kind
                event.severity = severity
                event.repairSize = repairSize
                event.cause = cause
                if isValid || isInvalid { event.valid = isValid }
                event.against = against.map { StaffID(rawValue: $0) }
                event.reason = why
                if kind != nil || severity != nil || repairSize != nil || cause != nil {
                    var intake = file.intake
                    if let kind { intake.kind = kind }
                    if kind != nil || severity != nil { intake.severity = severity }
                    if kind != nil || repairSize != nil { intake.repairSize = repairSize }
                    if let cause { intake.cause = cause }
                    do {
                        event.deadlines = try Schedule.deadlines(for: intake, profile: ws.profile, calendar: ws.calendar)
                    } catch {
                        throw Failure.about(label: "deadlines", error)
                    }
                    event.profile = ws.profile.reference
                }
            }
        }
    }
}
