import CaseModel
import CasebookEngine
import Foundation
import GitStore
import HeapModule
import Procedures

/// Plays months of a service centre through the workspace's own steps (`Workspace.open`,
/// `record`, `sweep`, the monthly sample): every event is validated by the rules the hooks use,
/// written and committed (signed) at the event's time, exactly as the commands do it.
/// This file is the loop (the agenda of timed tasks, the day's plan, the sweeps and the sample);
/// the case scripts are in Simulator+Cases.swift, reviews, archives, quality checks, judicial
/// requests and registers in Simulator+Oversight.swift, the daily round in Simulator+Round.swift, the contracts in
/// Simulator+Contracts.swift.
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

    static func bytes(_ n: Int, _ rng: inout SeededRandom) -> Data {
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

    // MARK: - What a step leaves, the sweeps, the sample

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
