import ArgumentParser
import CaseModel
import CasebookEngine
import Procedures

extension InspectionCheck: ExpressibleByArgument {}

extension Casebook {
    /// `casebook inspection raise|rectify|verify`: non-conformity reports 不合格项报告 of the
    /// monthly, quarterly and yearly quality checks (002 篇9 §4).
    struct InspectionCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "inspection",
            abstract: "Non-conformity reports of the quality checks: raise, correct, verify (002 篇9 §4).",
            discussion: """
            raise    an inspector of the check's team records the finding, the responsible department and the
                     correction date; prints the new case id.
            rectify  the responsible department records its correction.
            verify   the inspector verifies it: --passed closes the report, --failed sends it back to be corrected
                     by a new --correct-by date.
            An overdue correction shows on the dashboard, in list --overdue and is recorded by sweep like any deadline.
            Example: casebook inspection raise --check monthly --department environment --finding '3栋楼道未按时保洁' \\
                       --correct-by 2026-11-25 --as wang.zg
            """,
            subcommands: [Raise.self, Rectify.self, Verify.self]
        )

        /// The end of a day given as YYYY-MM-DD, or a full time.
        static func deadline(_ text: String, option: String, ws: Workspace, after: Timestamp) throws -> Timestamp {
            let full = text.count == 10 ? text + "T23:59:59" : text
            guard let t = Timestamp.parse(full, defaultZone: ws.zone), t > after else {
                throw Failure(key: "notDateAfter", "\(option)", "\(oneLine(text, limit: 40))", "\(after)", "\(InspectionSteps.clause)")
            }
            return t
        }

        /// `id` is a finding of its month's analysis as of now (`casebook report --month`).
        static func requireFinding(_ id: String, in ws: Workspace) throws {
            let month = String(id.prefix(7))
            guard Sampling.bounds(of: month, in: ws.zone) != nil else { throw Failure(key: "noFinding", oneLine(id, limit: 80)) }
            let analysis = MonthAnalysis.compute(month: month, cases: try ws.allCases(), profile: ws.profile, at: try ws.now(), zone: ws.zone)
            guard analysis.findings.contains(where: { $0.id == id }) else { throw Failure(key: "noFinding", oneLine(id, limit: 80)) }
        }

        struct Raise: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "raise", abstract: "Raise a non-conformity found in a quality check; prints the new case id.")
            @OptionGroup var global: GlobalOptions
            @Option(help: "The check that found it: monthly, quarterly, yearly.") var check: InspectionCheck
            @Option(help: "The responsible department 责任部门: \(Department.allCases.map(\.rawValue).joined(separator: ", ")).") var department: Department
            @Option(help: "The finding 不合格事实, one line.") var finding: String
            @Option(help: "Details.") var details: String?
            @Option(help: "Where, e.g. a unit or building.") var unit: String?
            @Option(help: ArgumentHelp("Correct by 整改期限: YYYY-MM-DD (end of that day) or an ISO 8601 time.", valueName: "date")) var correctBy: String
            @Option(help: ArgumentHelp("With --check analysis: the monthly report's finding acted on, e.g. 2026-11/unit/3-2-1801 (004 §4.5.4).",
                                       valueName: "finding")) var from: String?

            func validate() throws {
                if (check == .analysis) != (from != nil) { throw ValidationError("--from: a corrective action of the monthly analysis (--check analysis) names its finding (004 §4.5.4)") }
            }

            func run() throws {
                if let from { try InspectionCommand.requireFinding(from, in: try global.workspace()) }
                let first = try global.workspace()
                let inspector = try first.actor(global.actor)
                let at = try first.eventTime(global.at)
                // The report names its inspector; like any reporter the name is sealed (a key of its own).
                let contact: Contact = try first.keys.update { store in
                    let key = try store.key(forPhone: nil, now: at.description)
                    do { return try Contact(name: inspector.name, phone: nil, key: key) } catch { throw Failure.about(label: "inspectorName", error) }
                }
                let id = try Retry.onConcurrentUpdate { () throws -> CaseID in
                    let ws = try global.workspace()
                    let actor = try ws.actor(global.actor)
                    let due = try InspectionCommand.deadline(correctBy, option: "--correct-by", ws: ws, after: at)
                    let intake = Intake(receivedAt: at, channel: .inspection, kind: .nonconformity,
                                        unit: try unit.map { try text($0, field: "--unit", limit: 40) }, reporter: contact,
                                        summary: try text(finding, field: "--finding", limit: 200), details: try details.map { try text($0, field: "--details") },
                                        firstResponder: actor.id,
                                        inspection: CaseModel.Inspection(check: check, department: department, correctBy: due, finding: from))
                    let event = try ws.openEvent(intake, by: actor.id)
                    let id = try ws.newID(receivedAt: at)
                    return try ws.record(event, on: nil, id: id, actor: actor,
                                         summary: "non-conformity (\(check.rawValue) check), \(department.rawValue) to correct by \(due.localDay)",
                                         clause: "002 篇9 §4.2.2 b").id
                }
                print(id.rawValue)
            }
        }

        struct Rectify: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "rectify", abstract: "Record the responsible department's correction 整改.")
            @OptionGroup var global: GlobalOptions
            @OptionGroup var target: CaseArgument
            @Option(help: "What was corrected, and how it is prevented 纠正或预防措施.") var correction: String

            func run() throws {
                let done = try text(correction, field: "--correction")
                try global.step(target.id, .rectify, summary: "non-conformity corrected") { event, _, _ in
                    event.result = done
                }
            }
        }

        struct Verify: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "verify", abstract: "Verify a correction 验证: passed closes the report, failed asks for it again.")
            @OptionGroup var global: GlobalOptions
            @OptionGroup var target: CaseArgument
            @Flag(exclusivity: .exclusive, help: "Whether the correction passed.") var outcome: Outcome
            @Option(help: "What the inspector found.") var notes: String?
            @Option(help: ArgumentHelp("Failed: correct again by this date (YYYY-MM-DD or ISO 8601).", valueName: "date")) var correctBy: String?

            enum Outcome: String, EnumerableFlag { case passed, failed }

            func validate() throws {
                if outcome == .failed, correctBy == nil { throw ValidationError("--correct-by: required when the verification failed (002 篇9 §4.2.2 c)") }
                if outcome == .passed, correctBy != nil { throw ValidationError("--correct-by: only a failed verification sets a new date") }
            }

            func run() throws {
                let said = try notes.map { try text($0, field: "--notes") }
                try global.step(target.id, .verify, summary: outcome == .passed ? "correction verified, report closed" : "correction failed verification") { event, file, ws in
                    event.passed = outcome == .passed
                    event.notes = said
                    if let correctBy {
                        let due = try InspectionCommand.deadline(correctBy, option: "--correct-by", ws: ws, after: event.at)
                        event.deadlines = [Schedule.correction(due: due, since: event.at, round: Schedule.nextCorrectionRound(of: file))]
                    }
                }
            }
        }
    }
}
