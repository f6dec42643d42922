import ArgumentParser
import CaseModel
import CasebookEngine
import Foundation
import Procedures
import SiteBuilder

extension Casebook {
    /// `casebook round report|review|visit|summary|status`: the customer-service department's daily
    /// round (003 九): patrol reports 巡视日报表 reviewed by the superior, household visits 走访,
    /// the monthly work summary and plan.
    struct RoundCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "round",
            abstract: "The daily round: patrol reports and their review, household visits, monthly summaries (003 九).",
            discussion: """
            report   an assistant hands in the day's patrol report before leaving (003 九.2): --finding for what was
                     handled at once, --raise 'KIND[/GRADE][@UNIT] TEXT' for what needs work (opened as a case first, then
                     named in the report).
            review   the superior (staff.json superior, else a supervisor, manager or director senior to the author)
                     reviews it by 9:00 the next working day; a report not reviewed by then is overdue.
            visit    a household visit 走访 of UNIT (4–5 a day, every household of one's area within the year, 003 九.3);
                     --raise opens a case for what the household raised (000 §1(3)).
            summary  the month's work summary and next month's plan, due by the 30th (003 九.5).
            status   overdue reviews, missing summaries and each person's visit coverage against the pace.
            Examples: casebook round report --finding '5栋消防通道畅通' --raise 'repair@3-2-1801 楼道灯不亮' --as chen.jie
                      casebook round review chen.jie 2026-11-23 --as wang.zg
                      casebook round visit 3-2-1801 --notes 宣传垃圾分类 --as chen.jie
                      casebook round summary --month 2026-11 --summary '…' --plan '…' --as chen.jie
            """,
            subcommands: [Report.self, ReviewReport.self, Visit.self, Summary.self, Status.self]
        )

        struct Report: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "report", abstract: "Hand in the day's patrol report 巡视日报表; prints its path.")
            @OptionGroup var global: GlobalOptions
            @Option(help: "The day's work record 日常工作记录, one paragraph.") var work: String?
            @Option(name: .customLong("finding"), help: ArgumentHelp("Something found and handled at once (repeat).", valueName: "text")) var findings: [String] = []
            @Option(name: .customLong("raise"), help: ArgumentHelp("Something found that needs work, opened as a case: 'KIND[/GRADE][@UNIT] TEXT' (repeat).",
                                                                  valueName: "problem")) var raised: [String] = []

            func run() throws {
                let problems = try raised.map { try RaisedProblem(parsing: $0, option: "--raise") }
                let handled = try findings.map { PatrolFinding(text: Contact.maskMobiles(try text($0, field: "--finding", limit: 200)), handled: true) }
                let work = try self.work.map { Contact.maskMobiles(try text($0, field: "--work")) }
                let first = try global.workspace()
                let me = try first.actor(global.actor)
                let at = try first.eventTime(global.at)
                let day = at.localDay
                if try first.repo.read(PatrolReport.path(by: me.id, day: day), at: first.base) != nil {
                    throw Failure(key: "roundExists", PatrolReport.path(by: me.id, day: day))
                }
                // The reporter of a case found on patrol is the assistant, sealed like any reporter.
                let contact: Contact? = problems.isEmpty ? nil : try first.keys.update { store in
                    let key = try store.key(forPhone: nil, now: at.description)
                    do { return try Contact(name: me.name, phone: nil, key: key) } catch { throw Failure.about(label: "inspectorName", error) }
                }
                var opened: [PatrolFinding] = []
                for p in problems {
                    guard let contact else { break }
                    let id = try Retry.onConcurrentUpdate { () throws -> CaseID in
                        let ws = try global.workspace()
                        return try ws.openRaised(p, channel: .patrol, reporter: contact, by: try ws.actor(global.actor), at: at)
                    }
                    opened.append(PatrolFinding(text: p.summary, unit: p.unit, handled: false, case: id))
                    print(id.rawValue)
                }
                let path = try Retry.onConcurrentUpdate { () throws -> String in
                    let ws = try global.workspace()
                    let actor = try ws.actor(global.actor)
                    let due: Timestamp
                    do { due = try RoundChange.reviewDue(handedInAt: at, rule: ws.profile.roundRule, calendar: ws.calendar) } catch {
                        throw Failure.about(label: "deadlines", error)
                    }
                    let report = PatrolReport(by: actor.id, day: day, handedInAt: at, work: work, findings: handled + opened, reviewDue: due,
                                              clause: RoundChange.patrolClause)
                    try ws.handIn(report, by: actor)
                    return report.path
                }
                print(path)
            }
        }

        struct ReviewReport: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "review", abstract: "Review (return) a patrol report, as the author's superior (003 九.2).")
            @OptionGroup var global: GlobalOptions
            @Argument(help: "The author's staff id.") var author: String
            @Argument(help: "The day of the report, YYYY-MM-DD.") var day: String
            @Option(help: "The superior's remarks.") var notes: String?

            func run() throws {
                guard StaffID(rawValue: author).isWellFormed, day.count == 10, Timestamp.parse(day, defaultZone: .current) != nil else {
                    throw Failure(key: "badPatrol", oneLine(author, limit: 64), oneLine(day, limit: 20))
                }
                let said = try notes.map { Contact.maskMobiles(try text($0, field: "--notes")) }
                let path = PatrolReport.path(by: StaffID(rawValue: author), day: day)
                try Retry.onConcurrentUpdate {
                    let ws = try global.workspace()
                    let actor = try ws.actor(global.actor)
                    let at = try ws.eventTime(global.at)
                    try ws.review(patrol: path, by: actor, at: at, notes: said)
                    let report = try ws.patrol(path)
                    if at > report.reviewDue { print(DeskLanguage.strings.fill("round.reviewedLate", [report.reviewDue.description])) }
                }
                print(path)
            }
        }

        struct Visit: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "visit", abstract: "Record a household visit 走访; prints its id.")
            @OptionGroup var global: GlobalOptions
            @Argument(help: "The unit 房号 visited.") var unit: String
            @Option(help: "What was done: publicity, questions answered, opinions collected.") var notes: String?
            @Option(name: .customLong("raise"), help: ArgumentHelp("What the household raised, opened as a case: 'KIND[/GRADE] TEXT' (repeat).", valueName: "problem"))
            var raised: [String] = []
            @Option(help: "The resident who raised it (sealed; needed with --raise).") var resident: String?
            @Option(help: "Their phone (sealed).") var phone: String?

            func validate() throws {
                if !raised.isEmpty, resident == nil { throw ValidationError("--resident: required with --raise (the reporter of the case, 002 篇1 §4.2)") }
            }

            func run() throws {
                let place = try text(unit, field: "UNIT", limit: 40)
                let problems = try raised.map { raw -> RaisedProblem in
                    var p = try RaisedProblem(parsing: raw, option: "--raise")
                    p.unit = p.unit ?? place
                    return p
                }
                let said = try notes.map { Contact.maskMobiles(try text($0, field: "--notes")) }
                let first = try global.workspace()
                let at = try first.eventTime(global.at)
                if let units = first.settings.units, !units.isEmpty, !units.contains(place) { throw Failure(key: "unitNotListed", "UNIT", String(place.prefix(40))) }
                let contact: Contact? = try resident.map { name in
                    try first.keys.update { store in
                        do {
                            let key = try store.key(forPhone: phone, now: at.description)
                            return try Contact(name: name, phone: phone, key: key)
                        } catch let error as ContactError {
                            throw Failure.about("--\(error == .badPhone ? "phone" : "resident")", error)
                        }
                    }
                }
                var cases: [CaseID] = []
                for p in problems {
                    guard let contact else { break }
                    cases.append(try Retry.onConcurrentUpdate { () throws -> CaseID in
                        let ws = try global.workspace()
                        return try ws.openRaised(p, channel: .visit, reporter: contact, by: try ws.actor(global.actor), at: at)
                    })
                    print(cases.last?.rawValue ?? "")
                }
                let id = HouseholdVisit.newID()
                try Retry.onConcurrentUpdate {
                    let ws = try global.workspace()
                    let actor = try ws.actor(global.actor)
                    try ws.record(visit: HouseholdVisit(id: id, unit: place, by: actor.id, at: at, notes: said, raised: cases.isEmpty ? nil : cases), by: actor)
                }
                print(id)
            }
        }

        struct Summary: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "summary", abstract: "Hand in the month's work summary and next month's plan (003 九.5).")
            @OptionGroup var global: GlobalOptions
            @Option(help: ArgumentHelp("The month, YYYY-MM.", valueName: "month")) var month: String
            @Option(help: "The month's work summary 月度工作总结.") var summary: String
            @Option(help: "Next month's plan 下月工作计划.") var plan: String

            func run() throws {
                let done = Contact.maskMobiles(try text(summary, field: "--summary"))
                let next = Contact.maskMobiles(try text(plan, field: "--plan"))
                let path = try Retry.onConcurrentUpdate { () throws -> String in
                    let ws = try global.workspace()
                    guard Sampling.bounds(of: month, in: ws.zone) != nil, Int(month.suffix(2)).map({ (1...12).contains($0) }) == true,
                          let due = RoundChange.summaryDue(month: month, rule: ws.profile.roundRule, zone: ws.zone) else {
                        throw Failure(key: "month.report")
                    }
                    let actor = try ws.actor(global.actor)
                    let at = try ws.eventTime(global.at)
                    let record = MonthlySummary(month: month, by: actor.id, at: at, summary: done, plan: next, due: due, clause: RoundChange.summaryClause)
                    try ws.record(summary: record, by: actor)
                    if at > due { print(DeskLanguage.strings.fill("round.summaryLate", [due.description])) }
                    return record.path
                }
                print(path)
            }
        }

        struct Status: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "status",
                                                            abstract: "Overdue reviews, missing monthly summaries and each person's visit coverage against the pace.")
            @OptionGroup var global: GlobalOptions

            func run() throws {
                let ws = try global.workspace()
                let now = try ws.now()
                print(RoundCommand.lines(try ws.rounds(), ws: ws, now: now, coverage: true).joined(separator: "\n"))
            }
        }

        /// What is late in the round at `now`, one line each (also printed by `sweep`), and the
        /// coverage lines when asked.
        static func lines(_ book: RoundBook, ws: Workspace, now: Timestamp, coverage: Bool) -> [String] {
            let s = DeskLanguage.strings
            let rule = ws.profile.roundRule
            var out: [String] = []
            for p in book.unreviewed(at: now) {
                out.append(s.fill("round.overdueReview", [p.by.rawValue, p.day, p.reviewDue.description]) + "\t[003 九.2]")
            }
            for m in book.missingSummaries(staff: ws.staff, rule: rule, zone: ws.zone, at: now) {
                out.append(s.fill("round.missingSummary", [m.by.rawValue, m.month, m.due.description]) + "\t[003 九.5]")
            }
            if coverage {
                for c in book.coverage(staff: ws.staff, rule: rule, units: ws.settings.units ?? [], at: now) {
                    out.append(s.fill(c.onPace ? "round.coverage" : "round.coverageBehind",
                                      [c.by.rawValue, "\(c.visited)", "\(c.households)", "\(c.needed)"]) + "\t[003 九.3]")
                }
            }
            return out
        }
    }
}
