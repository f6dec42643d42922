import CaseModel
import CasebookEngine
import Foundation
import GitStore
import HeapModule
import Procedures

/// Plays months of a service centre through the workspace's own steps (`Workspace.open`,
/// `record`, `sweep`, the monthly sample): every event is validated by the rules the hooks use,
/// written and committed (signed) at the event's time, exactly as the commands do it.
final class Simulator {
    /// What a case will do, drawn when it arrives.
    struct Script {
        var matter: Roster.Matter
        /// Finishes past its deadline.
        var late = false
        /// The first revisit finds the owner unsatisfied (complaints).
        var unsatisfied = false
        /// A department head finds the complaint valid 有效投诉 (about the promised service).
        var valid = false
        /// Referred to an outside agency (noise, building sites).
        var referred = false
        /// The manager closes it as unresolvable.
        var unresolvable = false
        /// A repair that needs a second revisit 1–2 months after.
        var secondRevisit = false
    }

    enum Move: Equatable {
        case report(Level), answerOwner, dispatch, progress, validate, resolve, revisit, close, refer, unresolvable
        /// A non-conformity: the department's correction, the inspector's verification.
        case rectify, verify
    }

    enum Task {
        case day(String)
        case open(Intake, Script)
        case step(CaseID, Move)
        case sweep
        case sample(String)
        /// A review sign-off of the period containing the day (002 篇1 §4.3, §4.9; 000 §1(8)–(9)).
        case review(ReviewKind, String)
        /// The month's archive tag (002 篇2 §4.2).
        case archive(String)
        /// A quality check raising non-conformities (002 篇9 §4).
        case inspect(InspectionCheck)
        /// A judicial request: the police with their officer, or a lawyer with documents (001 §5.6.5).
        case judicial(Requester)
        /// Residents put on the key-owner and empty-nest registers (000 §1(7); 001 §5.6.7).
        case registers
        /// A visit to a register entry (by id).
        case visit(String)
        /// The daily round: patrol reports, their review, household visits, summaries, corrective actions (003 九; 004 §4.5.4).
        case round(RoundTask)
        /// A contract's draft or step, or the year's inventory (002 篇3).
        case contract(ContractPlay)
    }

    struct Item: Comparable {
        let at: Timestamp
        let seq: Int
        let task: Task
        static func < (a: Item, b: Item) -> Bool { (a.at, a.seq) < (b.at, b.seq) }
        static func == (a: Item, b: Item) -> Bool { a.at == b.at && a.seq == b.seq }
    }

    struct Totals {
        var cases = 0
        var events = 0
        var commits = 0
        var closed = 0
        var late = 0
        var unsatisfied = 0
        /// Daily reviews the supervisor did not sign (a day with cases): slips the overdue page shows.
        var missedReviews = 0
        /// The days whose daily review was skipped (`missedReviews` counts those overdue at the end).
        var missedReviewDays: [String] = []
        /// Steps recorded hours after they happened, with the reason (补录).
        var lateEntries = 0
        /// Valid complaints found against a member of staff.
        var against = 0
        var reviews = 0
        var archives = 0
        /// Deadlines overdue at the end on cases the simulation made late: the overdue page's rows.
        var overdueAtEnd = 0
        /// Deadlines overdue at the end on cases meant to be on time (a simulator bug if not 0).
        var unplannedOverdue = 0
        var nonconformities = 0
        var judicial = 0
        var registered = 0
        var registerVisits = 0
    }

    let ws: Workspace
    var rng: SeededRandom
    let perDay: Int
    let bulk: Bool
    private(set) var now: Timestamp
    var agenda = Heap<Item>()
    var seq = 0
    /// Cases still being worked on, by id (closed ones are dropped).
    var cases: [CaseID: CaseFile] = [:]
    var scripts: [CaseID: Script] = [:]
    /// Every case as it stands now, closed ones included (what a review covers).
    var everything: [CaseID: CaseFile] = [:]
    /// Requests received per day, and the first day played.
    var arrivals: [String: Int] = [:]
    let firstDay: String
    var people: [StaffID: Staff] = [:]
    var totals = Totals()
    /// The residents' sealing keys, drawn from the seed; written to the clone's key store.
    var keyStore: KeyStore
    var lastProgress = Date()
    /// The simulated day whose files `--bulk` last committed.
    var lastFlush = ""
    let progress: (String) -> Void
    /// The daily round's own stream of the seed, and what it has done (Simulator+Round.swift).
    var roundRng: SeededRandom
    var summarised: Set<String> = []
    var correctedMonths: Set<String> = []
    var leaks: Set<String> = []
    var visited: Set<String> = []

    init(workspace: Workspace, seed: UInt64, perDay: Int, bulk: Bool, start: Timestamp, progress: @escaping (String) -> Void) {
        ws = workspace
        rng = SeededRandom(seed: seed)
        roundRng = SeededRandom(seed: seed ^ 0x0003_0009)
        contractRng = SeededRandom(seed: seed ^ 0xC047_7AC7)
        self.perDay = perDay
        self.bulk = bulk
        now = start
        firstDay = start.localDay
        self.progress = progress
        var secret = SeededRandom(seed: seed ^ 0x5EA1_ED00)
        keyStore = KeyStore(phoneIndexSecret: Simulator.bytes(32, &secret))
        for member in workspace.staff.staff { people[member.id] = member }
        if bulk { ws.batch = [:] }
        // A simulated repository is made again from its seed: no flush to disk per commit.
        ws.durable = false
        ws.clock = { [unowned self] in self.now }
    }

    // MARK: - The run

    /// Plays every day from `start` up to `end`.
    func run(until end: Timestamp) throws {
        lastDay = end.adding(seconds: -1).localDay
        var day = now
        while day < end {
            schedule(.day(day.localDay), at: day)
            day = day.adding(seconds: 86_400)
        }
        while let item = agenda.popMin(), item.at <= end {
            now = max(now, item.at)
            try perform(item.task)
            if Date().timeIntervalSince(lastProgress) > 2 {
                lastProgress = Date()
                progress("simulate: \(now.localDay) · \(totals.cases) cases · \(totals.events) events · \(cases.count) open")
            }
        }
        now = end
        try sweep()
        try flush()
        // A review skipped on the last morning is not overdue yet (due at the end of the next day).
        totals.missedReviews = totals.missedReviewDays.filter { Reviews.due(.daily, to: $0, in: ws.zone).map { $0 < end } ?? true }.count
        for (id, file) in cases {
            let overdue = Schedule.overdue(file, at: end).count
            if scripts[id]?.late == true { totals.overdueAtEnd += overdue } else { totals.unplannedOverdue += overdue }
        }
        let store = keyStore
        try ws.keys.update { $0 = store }
    }

    private static func bytes(_ n: Int, _ rng: inout SeededRandom) -> Data {
        Data((0..<n).map { _ in UInt8.random(in: 0...255, using: &rng) })
    }

    func schedule(_ task: Task, at time: Timestamp) {
        seq += 1
        agenda.insert(Item(at: time, seq: seq, task: task))
    }

    func perform(_ task: Task) throws {
        switch task {
        case .day(let day): try plan(day)
        case .open(let intake, let script): try open(intake, script)
        case .step(let id, let move): try step(id, move)
        case .sweep: try sweep()
        case .sample(let month): try sample(month)
        case .review(let kind, let day): try review(kind, day)
        case .archive(let month): try archive(month)
        case .inspect(let check): try inspect(check)
        case .judicial(let requester): try judicial(requester)
        case .registers: try registers()
        case .visit(let id): try visit(id)
        case .round(let t): try round(t)
        case .contract(let p): try play(p)
        }
    }

    /// A day's arrivals in working hours, the cron sweeps, and on sample day the monthly sample.
    func plan(_ day: String) throws {
        guard let midnight = Timestamp.parse(day, defaultZone: ws.zone) else { return }
        let working = (try? ws.calendar.isWorkingDay(day)) ?? true
        let mean = working ? perDay : max(perDay * 2 / 3, 1)
        let count = max(0, mean + Int.random(in: -(mean / 3)...(mean / 3), using: &rng))
        var arrivals: [Int] = []
        for _ in 0..<count {
            // Mostly 08:00–18:00, some evenings.
            let hour = rng.pick([(8, 10), (9, 14), (10, 14), (11, 10), (13, 9), (14, 12), (15, 11), (16, 9), (17, 6), (19, 3), (21, 2)])
            arrivals.append(hour * 3600 + rng.minutes(0, 59) + Int.random(in: 0..<60, using: &rng))
        }
        for offset in arrivals.sorted() {
            let at = midnight.adding(seconds: offset)
            let (intake, script) = try draw(at: at)
            schedule(.open(intake, script), at: at)
        }
        for (h, m) in [(8, 30), (12, 30), (17, 45)] { schedule(.sweep, at: midnight.adding(seconds: h * 3600 + m * 60)) }
        self.arrivals[day] = count
        if !bulk { planOversight(day, midnight: midnight, working: working) }
        if !bulk { planSpecial(day, midnight: midnight, working: working) }
        if !bulk { planRound(day, midnight: midnight, working: working) }
        if !bulk { planContracts(day, midnight: midnight, working: working) }
        if let rule = ws.profile.sampling, let earliest = Sampling.earliest(for: String(day.prefix(7)), rule: rule, zone: ws.zone),
           earliest.localDay == day {
            schedule(.sample(String(day.prefix(7))), at: max(earliest, midnight.adding(seconds: 16 * 3600)))
        }
    }

    var archivedMonths: Set<String> = []
    var inspectedMonths: Set<String> = []
    var judicialPlayed = false
    var contractQuarters: Set<String> = []
    var contractInventories: Set<Int> = []
    var contractFails: [String: Bool] = [:]
    var contractNumbers = 0
    /// The contracts' own random numbers, so playing them leaves the requests as they were.
    var contractRng: SeededRandom
    /// The last day played (set by `run`), for what is left waiting at the end.
    var lastDay: String?


    // MARK: - Drawing a request

    func draw(at time: Timestamp) throws -> (Intake, Script) {
        let kind = rng.pick([(Kind.repair, 42), (.complaint, 16), (.help, 11), (.inquiry, 15), (.suggestion, 4),
                             (.coordination, 5), (.specialService, 4), (.emergency, 1), (.neighbourDispute, 2)])
        let matter = rng.element(Roster.matters[kind] ?? [])
        var script = Script(matter: matter)
        script.late = rng.chance(0.12)
        let severity: Severity? = kind == .complaint ? rng.pick([(.minor, 60), (.important, 32), (.major, 8)]) : nil
        let size: RepairSize? = kind == .repair ? rng.pick([(.small, 68), (.medium, 27), (.large, 5)]) : nil
        if kind == .complaint {
            script.unsatisfied = rng.chance(0.12)
            script.valid = severity != .minor && rng.chance(0.4)
            script.referred = severity == .minor && matter.department == .security && rng.chance(0.35)
        }
        script.unresolvable = kind != .inquiry && !script.referred && rng.chance(0.008)
        script.secondRevisit = kind == .repair && size != .small && rng.chance(0.15)
        let channel = rng.pick([(Channel.phone, 48), (.walkIn, 26), (.online, 16), (.letter, 5), (.email, 3), (.government, 2)])
        let unit = "\(Int.random(in: 1...12, using: &rng))-\(Int.random(in: 1...3, using: &rng))-\(Int.random(in: 1...33, using: &rng))0\(Int.random(in: 1...4, using: &rng))"
        let surname = String(rng.element(Roster.surnames))
        let name = rng.chance(0.7) ? surname + rng.element(Roster.honorifics) : surname + rng.element(Roster.givenNames)
        let phone = kind == .inquiry && channel == .letter ? nil
            : "1\(rng.element(["35", "36", "37", "38", "39", "50", "58", "86", "88"]))\(String(format: "%08d", Int.random(in: 0..<100_000_000, using: &rng)))"
        let receiver = rng.chance(0.85) ? someone(.receptionist) : someone(.csAssistant)
        // The names are drawn, never real; the phone is a well-formed mainland mobile number. Sealed
        // under the resident's key as at intake, with the key, id and nonce drawn from the seed.
        let reporter = try seal(name: name, phone: phone, at: time)
        let emergency: EmergencyType? = kind == .emergency ? rng.pick([(EmergencyType.medical, 70), (.criminal, 20), (.fire, 10)]) : nil
        let intake = Intake(receivedAt: time, channel: channel, kind: kind, severity: severity, repairSize: size, unit: unit,
                            reporter: reporter, summary: matter.summary, details: nil, requestedBy: nil,
                            firstResponder: receiver.id, cause: nil, emergency: emergency)
        return (intake, script)
    }

    /// `name` and `phone` sealed under the key of the resident whose phone is `residentPhone`
    /// (default: this phone's own resident), as the desk seals them.
    func seal(name: String, phone: String?, at time: Timestamp, residentPhone: String?? = nil) throws -> Contact {
        var rng = self.rng
        defer { self.rng = rng }
        func draw() -> (ResidentID, Data) {
            (ResidentID(rawValue: "R-" + String(format: "%016llx", rng.next())), Simulator.bytes(32, &rng))
        }
        do {
            let key = try keyStore.key(forPhone: residentPhone ?? phone, now: time.description, generate: draw)
            return try Contact(name: name, phone: phone, key: key, nonce: Simulator.bytes(12, &rng))
        } catch {
            // Drawn names and numbers are always well formed; a refusal here is a simulator bug.
            throw Failure(key: "simulateSeal", "\(error)")
        }
    }

    // MARK: - People

    func members(_ role: Role) -> [Staff] { ws.staff.staff.filter { $0.roles.contains(role) } }

    func someone(_ role: Role) -> Staff {
        let all = members(role)
        return all.isEmpty ? ws.staff.staff[0] : rng.element(all)
    }

    /// Who takes a case in `department`: the department's engineers, else its head, else an assistant.
    func handler(for department: Department?) -> Staff {
        switch department {
        case .engineering: return someone(.engineer)
        case .security, .environment:
            return ws.staff.staff.first { $0.department == department && $0.roles.contains(.departmentHead) } ?? someone(.csAssistant)
        default: return someone(.csAssistant)
        }
    }

    func member(_ id: StaffID) -> Staff { people[id] ?? ws.staff.staff[0] }

    // MARK: - Steps

    @discardableResult
    func open(_ intake: Intake, _ script: Script) throws -> CaseID {
        let file = try ws.open(intake, by: member(intake.firstResponder))
        counted(file)
        totals.cases += 1
        scripts[file.id] = script
        let t = intake.receivedAt
        if script.late { totals.late += 1 }
        switch (intake.kind, intake.severity) {
        case (.complaint, .important?):
            // Reported to the supervisor within the hour (002 篇5 §5.2.2).
            later(file.id, .report(.supervisor), from: t, minutes: script.late ? (70, 240) : (10, 55))
        case (.complaint, .major?):
            // Reported up within 12 hours; a clear answer within 2 days (002 篇5 §5.2.1).
            later(file.id, .report(.manager), from: t, minutes: script.late ? (13 * 60, 20 * 60) : (20, 300))
        case (.inquiry, _):
            later(file.id, .resolve, from: t, minutes: script.late ? (50 * 60, 90 * 60) : (20, 30 * 60))
        case (.complaint, _) where script.referred:
            later(file.id, .refer, from: t, minutes: (30, 300))
        default:
            later(file.id, .dispatch, from: t, minutes: (3, 50))
        }
        return file.id
    }

    func later(_ id: CaseID, _ move: Move, from time: Timestamp, minutes: (Int, Int)) {
        schedule(.step(id, move), at: max(time, now).adding(seconds: rng.minutes(minutes.0, minutes.1) + Int.random(in: 0..<60, using: &rng)))
    }

    /// The time a case is given to be worked on, in minutes: within its deadline, or past it.
    func workMinutes(_ file: CaseFile, late: Bool) -> (Int, Int) {
        let limit: Int
        if let due = file.state.deadlines.first(where: { $0.step == "resolve" })?.due {
            limit = max(Int(due.date.timeIntervalSince(now.date) / 60), 30)
        } else {
            switch file.intake.kind {
            case .repair: limit = 14 * 24 * 60
            case .help, .emergency: limit = 6 * 60
            default: limit = 3 * 24 * 60
            }
        }
        // Late work has a long tail: parts on order, an upstairs neighbour away (up to four times
        // the time allowed, and a few weeks for some).
        let tail = rng.chance(0.2) ? 14 * 24 * 60 : 0
        return late ? (limit + 60, limit * 4 + 600 + tail) : (max(limit / 10, 10), max(limit * 8 / 10, 15))
    }

    func step(_ id: CaseID, _ move: Move) throws {
        guard let file = cases[id], let script = scripts[id] else { return }
        let state = file.state
        let actor: Staff
        var event = Event(at: now, by: "", action: .note)
        var summary: String
        var lateReason: String?
        var next: [(Move, (Int, Int))] = []
        switch move {
        case .report(let level):
            guard state.level < level, state.status == .open || state.status == .inProgress else { return }
            actor = member(state.holder)
            event.action = .escalate
            event.level = level
            event.assignee = (level == .manager ? members(.manager).first : members(.supervisor).first)?.id
            event.reason = level == .manager ? "重大投诉报告经理及总经理" : "重要投诉1小时内报告客服主管"
            summary = "escalate to \(level.rawValue)"
            if level == .manager { next.append((.answerOwner, script.late ? (49 * 60, 60 * 60) : (60, 30 * 60))) }
            next.append((.dispatch, (5, 90)))
        case .answerOwner:
            guard state.status.isOpen else { return }
            actor = member(state.holder)
            event.text = "已向业主答复处理方案及时间安排"
            event.ownerInformed = true
            summary = "progress fed back to the owner"
        case .dispatch:
            guard state.status == .open || state.status == .inProgress, state.department == nil else { return }
            actor = member(state.holder)
            let department = script.matter.department ?? .customerService
            event.action = .dispatch
            event.department = department
            event.assignee = handler(for: department).id
            summary = "dispatch to \(department.rawValue)"
            if script.unresolvable {
                next.append((.unresolvable, (8 * 24 * 60, 12 * 24 * 60)))
            } else {
                if script.valid { next.append((.validate, (60, 20 * 60))) }
                if rng.chance(0.3) { next.append((.progress, (60, 8 * 60))) }
                next.append((.resolve, workMinutes(file, late: script.late)))
            }
        case .progress:
            guard state.status == .inProgress else { return }
            actor = member(state.holder)
            event.text = rng.element(["已上门查看，等待配件", "已联系业主约定上门时间", "已安排人员处理，今日内回复业主"])
            event.ownerInformed = rng.chance(0.6) ? true : nil
            summary = event.ownerInformed == true ? "progress fed back to the owner" : "note"
            // Now and then written up hours later from the paper job sheet: a late entry 补录.
            if let last = file.events.last, rng.chance(0.12) {
                let stated = max(last.at.adding(seconds: 60), now.adding(seconds: -rng.minutes(120, 360)))
                if stated.adding(seconds: ws.profile.lateEntryRule.graceSeconds) < now {
                    event.at = stated
                    lateReason = rng.element(["外出维修，纸质派工单返回后补录", "现场处理，回到前台后补录", "系统维护期间先记纸质，恢复后补录"])
                }
            }
        case .validate:
            guard state.status == .open || state.status == .inProgress, state.valid == nil else { return }
            actor = members(.supervisor).first ?? member(state.holder)
            event.action = .reclassify
            event.valid = true
            event.reason = "经核实属公司承诺服务范围，认定为有效投诉"
            summary = "reclassify: valid"
            // Found against the member of staff who handled it (003 篇2 第十二条), where the profile keeps the ladder.
            if ws.profile.accountability != nil, ws.staff[state.holder]?.roles.contains(.system) == false, rng.chance(0.4) {
                event.against = state.holder
                totals.against += 1
                summary = "reclassify: valid, against \(state.holder.rawValue)"
            }
        case .resolve:
            guard state.status == .open || state.status == .inProgress else { return }
            actor = member(state.holder)
            // An emergency's checklist comes first, item by item (001 §5.6.6, §5.6.8, §5.6.9).
            if let type = file.intake.emergency, let item = type.checklist.first(where: { i in !(state.checklist ?? []).contains { $0.item == i } }) {
                event.action = .checklist
                event.item = item
                event.value = item.needsValue ? rng.element(["市第一人民医院（人民路 88 号）", "区中医院急诊科（建设路 12 号）"]) : nil
                summary = "checklist: \(item.rawValue)"
                next.append((.resolve, (5, 40)))
                break
            }
            event.action = .resolve
            event.result = script.matter.result
            if file.intake.kind == .repair || file.intake.kind == .specialService {
                event.customerConfirmed = true
                event.rating = rng.pick([(5, 55), (4, 30), (3, 10), (2, 5)])
            }
            event.revisitsPlanned = try ws.revisitPlan(for: file, resolvedAt: now, second: script.secondRevisit)
            summary = "resolved"
            if let plan = event.revisitsPlanned?.first {
                next.append((.revisit, revisitWindow(plan, late: rng.chance(0.05))))
            } else if !(ws.profile.sampling?.kinds.contains(file.intake.kind) ?? false) {
                next.append((.close, (30, 24 * 60)))
            }
        case .revisit:
            guard state.status == .resolved else { return }
            let plan = state.revisitsPlanned.first { $0.doneAt == nil }
            let rule = plan.map { ($0.by, $0.modes) } ?? Schedule.revisitRule(for: file.intake, profile: ws.profile).map { ($0.by, $0.modes) }
            guard let (roles, modes) = rule else { return }
            actor = visitor(for: file, roles: roles)
            event.action = .revisit
            let valid = file.intake.kind == .complaint && state.valid == true
            event.mode = valid ? .home : (modes.contains(.home) && rng.chance(0.3) ? .home : modes.first ?? .phone)
            let unhappy = script.unsatisfied && state.reopenCount == 0
            event.satisfied = !unhappy
            event.notes = unhappy ? "业主对处理结果不满意，已报告管理处主任" : rng.element(["业主表示满意", "维修质量好，服务及时", "业主满意，建议加强日常巡查"])
            if unhappy {
                event.directorInformed = true
                totals.unsatisfied += 1
            }
            summary = "revisit by \(event.mode?.rawValue ?? ""), \(unhappy ? "unsatisfied" : "satisfied")"
            if unhappy {
                next.append((.resolve, (12 * 60, 3 * 24 * 60)))
            } else if let second = state.revisitsPlanned.dropFirst().first(where: { $0.doneAt == nil }) {
                next.append((.revisit, revisitWindow(second, late: false)))
            } else {
                next.append((.close, (10, 180)))
            }
        case .rectify, .verify:
            guard let made = try specialStep(move, file, script) else { return }
            actor = made.actor
            event = made.event
            summary = made.summary
            next = made.next
        case .close:
            guard state.status == .resolved || state.status == .referred,
                  !state.revisitsPlanned.contains(where: { $0.doneAt == nil }) else { return }
            actor = someone(.csAssistant)
            event.action = .close
            summary = "close"
        case .refer:
            guard state.status == .open || state.status == .inProgress else { return }
            actor = member(state.holder)
            event.action = .refer
            event.agency = rng.element(Roster.agencies)
            summary = "refer to \(event.agency ?? "")"
            next.append((.answerOwner, (10, 120)))
            next.append((.close, (24 * 60, 3 * 24 * 60)))
        case .unresolvable:
            guard state.status == .open || state.status == .inProgress else { return }
            actor = members(.manager).first ?? member(state.holder)
            event.action = .unresolvable
            event.reason = "涉及开发商遗留问题，超出物业服务范围，已书面告知业主"
            summary = "unresolvable"
        }
        event.by = actor.id
        if lateReason != nil { totals.lateEntries += 1 }
        ws.lateReason = lateReason
        defer { ws.lateReason = nil }
        let updated = try ws.record(event, on: file, id: id, actor: actor, summary: summary, clause: Transitions.allowed(event.action).clause)
        counted(updated)
        for (move, minutes) in next { later(id, move, from: now, minutes: minutes) }
    }

    /// When a planned revisit is made: inside its window, or (rarely) after it.
    func revisitWindow(_ plan: PlannedRevisit, late: Bool) -> (Int, Int) {
        let opens = plan.notBefore.map { max(Int($0.date.timeIntervalSince(now.date) / 60) + 60, 30) } ?? 30
        let closes = max(Int(plan.due.date.timeIntervalSince(now.date) / 60) - 30, opens)
        return late ? (closes + 60, closes + 3 * 24 * 60) : (opens, opens + (closes - opens) * 8 / 10)
    }

    /// Who makes a revisit: someone of the roles the plan names (or more senior), at least of the
    /// resolver's level, and the manager in person for a valid complaint (002 篇2 §4.1.3; 000 篇2 §4.7).
    func visitor(for file: CaseFile, roles: [Role]) -> Staff {
        let resolver = file.state.resolution.map { member($0.by).seniority } ?? 0
        let named = roles.map(\.rank).max() ?? 0
        var floor = resolver >= Role.supervisor.rank ? resolver : 0
        if file.intake.kind == .complaint, file.state.valid == true { floor = max(floor, Role.manager.rank) }
        let allowed = ws.staff.staff.filter { s in
            !s.roles.contains(.system) && !Simulator.isContractOffice(s) && s.seniority >= floor && (s.roles.contains(where: roles.contains) || s.seniority > named)
        }
        let department = file.state.department
        if let head = allowed.first(where: { $0.roles.contains(.departmentHead) && $0.department == department }), rng.chance(0.5) { return head }
        let least = allowed.map(\.seniority).min() ?? 0
        let candidates = allowed.filter { $0.seniority == least }
        return candidates.isEmpty ? someone(.csAssistant) : rng.element(candidates)
    }

    func counted(_ file: CaseFile) {
        everything[file.id] = file
        totals.events += 1
        if !bulk { totals.commits += 1 }
        if file.state.status.isOpen || file.state.status == .referred {
            cases[file.id] = file
        } else {
            cases[file.id] = nil
            scripts[file.id] = nil
            totals.closed += 1
        }
    }

    func sweep() throws {
        let open = cases.values.sorted { $0.id.rawValue < $1.id.rawValue }
        try ws.sweep(at: now, cases: open) { file, _, _, _ in counted(file) }
        if bulk, now.localDay != lastFlush {
            try flush()
        }
        // A profile that draws daily: the day's draw, through the same code as `casebook sweep`
        // (the cases finished before today are committed by now, in bulk mode too).
        if ws.profile.sampling?.timing == .daily {
            for draw in try ws.drawDaily(at: now, cases: open) {
                totals.commits += 1
                follow(draw.revisits)
            }
        }
    }

    /// The picks of a draw revisited before their due time, the rest of its population closed.
    private func follow(_ draw: MonthlySample.Draw) {
        let picks = Dictionary(draw.selected.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for id in draw.population {
            guard let file = cases[id], file.state.status == .resolved, !file.state.revisitsPlanned.contains(where: { $0.doneAt == nil }) else { continue }
            if let pick = picks[id] {
                let span = pick.due.map { max(Int($0.date.timeIntervalSince(now.date) / 60) * 7 / 10, 60) } ?? 24 * 60
                later(id, .revisit, from: now, minutes: (30, max(span, 31)))
            } else {
                later(id, .close, from: now, minutes: (10, 120))
            }
        }
    }

    /// Bulk mode: the day's files in one commit by the system member.
    func flush() throws {
        guard bulk, let system = ws.staff.staff.first(where: { $0.roles.contains(.system) }) else { return }
        lastFlush = now.localDay
        let count = ws.batch?.count ?? 0
        guard count > 0 else { return }
        try ws.commitBatch(by: system, at: now, message: "simulate --bulk: \(count) case files up to \(now)\n\nAction: bulk\n")
        totals.commits += 1
    }

    /// The month's sample: drawn by an assistant through the same code as `casebook sample`;
    /// the picks are revisited by phone before the due day, and the rest of the month's routine
    /// work orders are closed (of its own population only, where the profile draws daily).
    func sample(_ month: String) throws {
        try flush()
        guard let drawer = members(.csAssistant).first else { return }
        let sample = try ws.drawSample(month: month, as: drawer.id.rawValue)
        totals.commits += 1
        if ws.profile.sampling?.timing == .daily {
            // The month file draws only what the daily draws have not.
            follow(sample.revisits)
            return
        }
        let picked = Set(sample.revisits.selected.map(\.id))
        for (id, file) in cases.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where file.state.status == .resolved
            && !file.state.revisitsPlanned.contains(where: { $0.doneAt == nil }) {
            if picked.contains(id) {
                let due = sample.revisits.selected.first { $0.id == id }?.due
                let span = due.map { max(Int($0.date.timeIntervalSince(now.date) / 60) * 7 / 10, 60) } ?? 24 * 60
                later(id, .revisit, from: now, minutes: (30, span))
            } else {
                later(id, .close, from: now, minutes: (10, 120))
            }
        }
    }
}
