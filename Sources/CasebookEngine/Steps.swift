import CaseModel
import Foundation
import GitStore
import Procedures

/// The parts of a step that more than one caller builds (the commands and the simulator): each
/// returns the event a command would record, so both go through `Workspace.record` alike.
extension Workspace {
    /// The `open` event of `intake`: the deadlines the profile sets, and the profile's reference.
    package func openEvent(_ intake: Intake, by actor: StaffID) throws -> Event {
        var event = Event(at: intake.receivedAt, by: actor, action: .open)
        event.intake = intake
        do {
            event.deadlines = try Schedule.deadlines(for: intake, profile: profile, calendar: calendar)
        } catch {
            throw Failure.about(label: "deadlines", error)
        }
        event.profile = profile.reference
        return event
    }

    /// Records a new case opened by `actor`; returns it.
    @discardableResult
    package func open(_ intake: Intake, by actor: Staff) throws -> CaseFile {
        let event = try openEvent(intake, by: actor.id)
        let id = try newID(receivedAt: intake.receivedAt)
        let label = [intake.severity?.rawValue, intake.repairSize?.rawValue].compactMap { $0 }.first.map { " (\($0))" } ?? ""
        return try record(event, on: nil, id: id, actor: actor, summary: "open\(label), \(intake.channel.rawValue)", clause: "002 篇1 §4.2; 001 §5.1")
    }

    /// The revisits the procedures require of `file` resolved at `time` (a second one too where
    /// `second`).
    package func revisitPlan(for file: CaseFile, resolvedAt time: Timestamp, second: Bool) throws -> [PlannedRevisit] {
        do {
            return try Schedule.revisits(for: file.intake, resolvedAt: time, profile: profile, calendar: calendar, second: second)
        } catch {
            throw Failure.about(label: "revisitPlan", error)
        }
    }

    /// Makes, as the `system` member, every step that time alone triggers at `time`: one commit
    /// each, dated when its rule fired. Calls `made` after each with the case, the event, a
    /// summary and the clause. Returns how many steps were made.
    @discardableResult
    package func sweep(at time: Timestamp, cases: [CaseFile]? = nil, made: (CaseFile, Event, String, String) -> Void = { _, _, _, _ in }) throws -> Int {
        guard let system = staff.staff.first(where: { $0.roles.contains(.system) }) else {
            throw Failure(key: "noSystem", "\(Workspace.staffPath)")
        }
        var count = 0
        // Only open cases can have a step due: their files are read in full (the rest only as summaries).
        for var file in try cases ?? openCases() where file.state.status.isOpen {
            while true {
                let next: Event?
                do {
                    next = try Sweep.nextStep(for: file, at: time, actor: system.id, profile: profile, calendar: calendar)
                } catch {
                    throw Failure.about(file.id.rawValue, error)
                }
                guard let event = next else { break }
                let (summary, clause) = Workspace.describeSweep(event, in: file)
                file = try record(event, on: file, id: file.id, actor: system, summary: summary, clause: clause)
                made(file, event, summary, clause)
                count += 1
            }
        }
        return count
    }

    /// The commit summary and clause of a time-driven step.
    static func describeSweep(_ e: Event, in file: CaseFile) -> (String, String) {
        switch e.action {
        case .escalate:
            let rung = file.state.level < .supervisor && e.level == .supervisor ? "002 篇1 §4.7" : "002 篇1 §4.8"
            return ("escalate to \(e.level?.rawValue ?? "")", rung)
        case .breach:
            let d = file.state.deadlines.first { $0.step == e.step && $0.breachedAt == nil }
            return ("deadline \(e.step ?? "") breached" + (e.level.map { ", reported to \($0.rawValue)" } ?? ""), d?.clause ?? "PROCEDURES.md §2")
        case .reclassify:
            return ("reclassify: major (valid complaint open one month)", "002 篇5 §4.1.3")
        case .reschedule:
            let what = (e.deadlines ?? []).map(\.step) + ((e.revisitsPlanned ?? []).isEmpty ? [] : ["revisit"])
            return ("reschedule: \(what.joined(separator: ", ")) on the official holiday calendar", "records/calendar/")
        default:
            return (e.action.rawValue, Transitions.allowed(e.action).clause)
        }
    }
}

extension Workspace {
    /// Draws the revisit sample and spot checks of `month` (as `casebook sample` does) and
    /// commits them as `records/samples/YYYY-MM.json`, by the staff member `option` names
    /// (as `--as` does), now.
    package func drawSample(month: String, as option: String?) throws -> MonthlySample {
        guard let rule = profile.sampling else {
            throw Failure(key: "noSample", "\(profile.name)")
        }
        let actor = try actor(option)
        guard actor.roles.contains(where: rule.by.contains) else {
            throw Failure(key: "sampleRole", "\(actor.id.rawValue)", "\(rule.by.map(\.rawValue).joined(separator: ", "))", "\(rule.clause)")
        }
        let now = try now()
        if let earliest = Sampling.earliest(for: month, rule: rule, zone: zone), now < earliest {
            throw Failure(key: "sampleDay", "\(month)", "\(earliest.localDay)", "\(rule.clause)")
        }
        let sample: MonthlySample
        do {
            sample = try Sampling.sample(month: month, facts: caseSummaries().map(\.summary.facts), profile: profile, calendar: calendar, zone: zone,
                                         earlier: try samples(of: month), on: now.localDay)
        } catch let refusal as Refusal {
            throw Failure.about("--month", refusal)
        }
        let spots = sample.spotChecks.map { "\($0.name) \($0.selected.count)/\($0.population.count)" }.joined(separator: ", ")
        try commit([FileChange(path: Workspace.samplePath(month), content: try RecordJSON.encode(sample))], by: actor, at: now, message: """
            sample \(month): \(sample.revisits.selected.count) of \(sample.revisits.population.count) to revisit; spot checks \(spots)

            Action: sample
            Procedure: \(rule.clause); 001 §5.5
            """)
        return sample
    }
}

extension Workspace {
    /// Where the daily draw of `month` made on `day` is kept.
    /// Where the month's sample is committed (a monthly draw, or the record of the daily draws).
    package static func samplePath(_ month: String) -> String { "records/samples/\(month).json" }

    static func drawPath(month: String, day: String) -> String { "records/samples/\(month)/\(day).json" }

    /// The committed sample of `month` and its daily draws, at the base.
    package func samples(of month: String) throws -> [MonthlySample] {
        guard let base else { return [] }
        return try repo.files(under: "records/samples", at: base).filter { entry in
            entry.path == Workspace.samplePath(month) || (entry.path.hasPrefix("records/samples/\(month)/") && entry.path.hasSuffix(".json"))
        }.map { entry in try RecordJSON.decode(MonthlySample.self, from: repo.blob(entry.blob), file: entry.path) }
    }

    /// Where the profile draws its sample daily: the draw of the day of `time` (the work finished
    /// before that day and not yet drawn, of that month and of the month before, which a draw on
    /// the 1st finishes), each committed as `records/samples/YYYY-MM/YYYY-MM-DD.json` by the system
    /// member at `time`. At most one draw per month and day; nothing when there is nothing new.
    /// `cases` (default: every case at the base) must be the repository's.
    @discardableResult
    package func drawDaily(at time: Timestamp, cases: [CaseFile]? = nil) throws -> [MonthlySample] {
        guard let rule = profile.sampling, rule.timing == .daily,
              let system = staff.staff.first(where: { $0.roles.contains(.system) }) else { return [] }
        let day = time.localDay
        guard let midnight = Timestamp.parse(day, defaultZone: zone) else { return [] }
        let months = [String(midnight.adding(seconds: -86_400).localDay.prefix(7)), String(day.prefix(7))]
        var made: [MonthlySample] = []
        // What the draw reads of each case: from the caller's files, else from the summaries (only unsummarised files are read).
        var all = cases?.map(CaseFacts.init)
        // The days found with nothing to draw, kept in the live cache: a sweep with nothing to do reads no summary.
        let quiet = cases == nil ? try quietDrawDays() : []
        for month in Array(Set(months)).sorted() {
            guard try repo.read(Workspace.drawPath(month: month, day: day), at: base) == nil else { continue }
            if quiet.contains("\(month) \(day)") { continue }
            if all == nil { all = try caseSummaries().map(\.summary.facts) }
            let draw: MonthlySample?
            do {
                draw = try Sampling.daily(month: month, on: day, facts: all ?? [], earlier: try samples(of: month), profile: profile, calendar: calendar, zone: zone)
            } catch let refusal as Refusal {
                throw Failure.about("sweep", refusal)
            }
            guard let draw else {
                if cases == nil { try rememberQuiet(month: month, day: day) }
                continue
            }
            try commit([FileChange(path: Workspace.drawPath(month: month, day: day), content: try RecordJSON.encode(draw))], by: system, at: time, message: """
                sample \(month) (\(day)): \(draw.revisits.selected.count) of \(draw.revisits.population.count) to revisit, \(draw.revisits.selected.count + (draw.revisits.priorSelected ?? 0)) of \(draw.revisits.population.count + (draw.revisits.priorPopulation ?? 0)) this month

                Action: sample
                Procedure: \(rule.clause)
                """)
            made.append(draw)
        }
        return made
    }
}

extension Workspace {
    /// Adds `member` to `records/staff.json` in one commit by the acting manager (the option or
    /// environment `actor` names), or by the new member while the registry has no manager yet.
    package func register(_ member: Staff, actor option: String?) throws {
        var registry = staff
        guard registry[member.id] == nil else { throw Failure(key: "idRegistered", "\(member.id.rawValue)") }
        guard registry.byEmail(member.email) == nil else { throw Failure(key: "emailRegistered", "\(member.email)") }
        let bootstrap = !registry.staff.contains(where: \.ownsConfiguration)
        let author: Staff
        if bootstrap {
            // Setting up: nobody can approve yet; the commit is the new member's own.
            author = (try? actor(option)) ?? member
        } else {
            author = try actor(option)
            guard author.ownsConfiguration else {
                throw Failure(key: "configOwner", "\(author.id.rawValue)", "\(Workspace.staffPath)")
            }
        }
        registry.staff.append(member)
        try saveStaff(registry, by: author, message: """
            staff: add \(member.id.rawValue) (\(member.roles.map(\.rawValue).joined(separator: ", ")))

            Staff-Id: \(member.id.rawValue)
            Action: staff-add
            """)
    }

    /// Commits `registry` as `records/staff.json` by `author`, now; later steps of this
    /// workspace see it.
    package func saveStaff(_ registry: StaffRegistry, by author: Staff, message: String) throws {
        try commit([FileChange(path: Workspace.staffPath, content: try RecordJSON.encode(registry))], by: author, at: try now(), message: message)
        staff = registry
    }
}
