import ArgumentParser
import CaseModel
import CasebookEngine
import Foundation
import Procedures
import SiteBuilder

extension Casebook {
    /// `casebook today`: one person's queue, most urgent first.
    struct Today: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "today",
            abstract: "My queue: what I hold, what is due today or late, the revisits I must make, cases waiting for my level.",
            discussion: """
            One line per item, most urgent first: when it is due, what it is, the case, its kind and matter.
            Items: a deadline of a case I hold that is late or due before the end of today; a revisit my role
            must make whose window is open; a case the ladder has sent to my level that is still
            held below it (002 篇1 §4.7–4.8); and every other open case I hold. Residents appear masked.
            Example: casebook today --as li.na
            """
        )
        @OptionGroup var global: GlobalOptions
        @Flag(help: "JSON.") var json = false

        struct Item: Encodable {
            var due: String?
            /// What is to be done, in English (the JSON's `what`).
            var what: String
            /// The same, to be said in the reader's language.
            var task: Task
            var late: Bool
            var id: String
            var kind: String
            var summary: String
            var status: String
            var clause: String?

            enum CodingKeys: String, CodingKey { case due, what, late, id, kind, summary, status, clause }
        }

        /// What an item asks of the person.
        enum Task {
            case deadline(String)
            case revisit([RevisitMode])
            case ladder(Level)
            case correct
            case holding
            /// 审阅巡视日报表 (003 九.2)
            case reviewPatrol
            /// 月度工作总结及计划 (003 九.5)
            case summary
            /// 跟进前一天的项目 (003 九.1)
            case followUp

            /// The task in the language of `s`: `deadline report` / `时限：上报`.
            func said(in s: Strings) -> String {
                switch self {
                case .deadline(let step): s.fill("today.deadline", [s.term(step) { $0.step(step) }])
                case .revisit(let modes):
                    s.fill("today.revisit", [s.term(modes.map(\.rawValue).joined(separator: "/")) { s in s.list(modes.map(s.mode)) }])
                case .ladder(let level): s.fill("today.ladder", [s.term(level.rawValue) { $0.level(level) }])
                case .correct: s["today.correct"]
                case .holding: s["today.holding"]
                case .reviewPatrol: s["today.reviewPatrol"]
                case .summary: s["today.summary"]
                case .followUp: s["today.followUp"]
                }
            }
        }

        func run() throws {
            let ws = try global.workspace()
            let me = try ws.actor(global.actor)
            let now = try ws.now()
            let open = try ws.openCases()
            let items = (Today.queue(for: me, cases: open, profile: ws.profile, now: now, zone: ws.zone)
                         + Today.roundItems(for: me, book: try ws.rounds(), cases: open, ws: ws, now: now))
                .sorted { ($0.due ?? "9999", $0.id) < ($1.due ?? "9999", $1.id) }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                FileHandle.standardOutput.write(try encoder.encode(items) + Data("\n".utf8))
                return
            }
            let s = DeskLanguage.strings
            guard !items.isEmpty else {
                print(s.fill("today.nothing", [me.name, me.id.rawValue]))
                return
            }
            print(s.fill("today.header", [me.name, me.id.rawValue, now.description.prefix(16).replacingOccurrences(of: "T", with: " "), "\(items.count)"]))
            for item in items {
                let due = item.due.map { String($0.prefix(16)).replacingOccurrences(of: "T", with: " ") } ?? "-"
                let kind = s.term(item.kind) { s in Kind(rawValue: item.kind).map(s.kind) ?? item.kind }
                let status = s.term(item.status) { s in Status(rawValue: item.status).map(s.status) ?? item.status }
                print([item.late ? s["today.late"] + due : due, item.task.said(in: s), item.id, kind, status, item.summary].joined(separator: "\t"))
            }
        }

        /// The ladder level a person works at: desk, supervisor, or manager and above.
        static func level(of staff: Staff) -> Level {
            if staff.roles.contains(where: ([.manager, .director, .generalManager] as [Role]).contains) { return .manager }
            if staff.roles.contains(.supervisor) { return .supervisor }
            return .desk
        }

        static func queue(for me: Staff, cases: [CaseFile], profile: Profile, now: Timestamp, zone: TimeZone) -> [Item] {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let endOfToday = Timestamp(date: calendar.startOfDay(for: now.date).addingTimeInterval(86_400), in: zone)
            let myLevel = level(of: me)
            var items: [Item] = []
            for file in cases where file.state.status.isOpen {
                func item(_ task: Task, due: Timestamp?, clause: String?) -> Item {
                    Item(due: due?.description, what: task.said(in: Strings(.en)), task: task, late: due.map { $0 < now } ?? false, id: file.id.rawValue,
                         kind: file.intake.kind.rawValue, summary: file.intake.summary, status: file.state.status.rawValue, clause: clause)
                }
                var listed = false
                if file.state.holder == me.id {
                    for d in file.state.deadlines where d.due < endOfToday {
                        if case .pending = Schedule.standing(of: d, in: file, at: now) {
                            items.append(item(.deadline(d.step), due: d.due, clause: d.clause))
                            listed = true
                        }
                    }
                }
                for p in file.state.revisitsPlanned where p.doneAt == nil && me.roles.contains(where: p.by.contains) {
                    if let notBefore = p.notBefore, notBefore > now { continue }
                    items.append(item(.revisit(p.modes), due: p.due, clause: p.clause))
                    listed = true
                }
                if myLevel != .desk, let step = Schedule.ladderLevel(for: file, at: now, profile: profile), step.level == myLevel,
                   file.state.level < myLevel {
                    let due = file.intake.receivedAt.adding(seconds: step.after.seconds)
                    items.append(item(.ladder(myLevel), due: due, clause: step.clause))
                    listed = true
                }
                // A non-conformity waits on its responsible department's correction (002 篇9 §4.2.2 c).
                if file.intake.kind == .nonconformity, file.state.status != .resolved, let department = file.state.department,
                   me.department == department, file.state.holder != me.id {
                    let pending = file.state.deadlines.filter { if case .pending = Schedule.standing(of: $0, in: file, at: now) { true } else { false } }
                    items.append(item(.correct, due: pending.map(\.due).max(), clause: InspectionSteps.clause))
                    listed = true
                }
                if file.state.holder == me.id, !listed {
                    items.append(item(.holding, due: file.state.deadlines.filter { Schedule.fulfilment(of: $0, in: file) == nil }.map(\.due).min(), clause: nil))
                }
            }
            return items.sorted { ($0.due ?? "9999", $0.id) < ($1.due ?? "9999", $1.id) }
        }
    }
}
