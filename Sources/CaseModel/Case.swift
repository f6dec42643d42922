/// The intake fields of the paper forms (《投诉登记处理记录》, 《接待业主情况记录》;
/// 002 篇1 §4.2, 001 §5.1).
public struct Intake: Codable, Equatable, Sendable {
    /// 受理时间
    public var receivedAt: Timestamp
    /// 诉求方式
    public var channel: Channel
    /// 诉求类别
    public var kind: Kind
    /// 投诉等级, complaints only.
    public var severity: Severity?
    /// 维修类别, repairs only.
    public var repairSize: RepairSize?
    /// 房号, e.g. 3-2-1801.
    public var unit: String?
    /// 反映人 and 联系电话.
    public var reporter: Contact
    /// What caused it, where the profile's deadlines depend on the cause (mall: 001 篇2 §4.6).
    public var cause: Cause?
    /// 事由, one line.
    public var summary: String
    /// 详细情况
    public var details: String?
    /// The date the owner asked for (minor complaints may be due then; 002 篇5 §5.2.3).
    public var requestedBy: Timestamp?
    /// 首问责任人: the receiver, responsible for the case's whole life (001 §4.1).
    public var firstResponder: StaffID
    /// Non-conformities: the check, the responsible department and the correction date (002 篇9 §4).
    public var inspection: Inspection?
    /// Emergencies: 120, 110 or fire, each with its checklist (001 §5.6.6, §5.6.8, §5.6.9).
    public var emergency: EmergencyType?
    /// Judicial requests: who asks, with the officer or the lawyer's documents (001 §5.6.5).
    public var judicial: JudicialRequest?

    public init(receivedAt: Timestamp, channel: Channel, kind: Kind, severity: Severity? = nil,
                repairSize: RepairSize? = nil, unit: String? = nil, reporter: Contact, summary: String,
                details: String? = nil, requestedBy: Timestamp? = nil, firstResponder: StaffID, cause: Cause? = nil,
                inspection: Inspection? = nil, emergency: EmergencyType? = nil, judicial: JudicialRequest? = nil) {
        self.receivedAt = receivedAt
        self.channel = channel
        self.kind = kind
        self.severity = severity
        self.repairSize = repairSize
        self.unit = unit
        self.reporter = reporter
        self.summary = summary
        self.details = details
        self.requestedBy = requestedBy
        self.firstResponder = firstResponder
        self.cause = cause
        self.inspection = inspection
        self.emergency = emergency
        self.judicial = judicial
    }
}

/// One deadline of a case, computed when it was set and kept as computed (PROCEDURES.md §2).
public struct Deadline: Codable, Equatable, Sendable {
    /// What must happen: `report`, `hand-over`, `answer`, `resolve`.
    public var step: String
    public var due: Timestamp
    /// The procedure clause, e.g. `002 篇5 §5.2.1`.
    public var clause: String
    /// Who must be told when it is missed (e.g. important complaint overdue → manager).
    public var escalateTo: Level?
    /// Set by the fold when `sweep` recorded the deadline as breached.
    public var breachedAt: Timestamp?
    /// Only a step taken at or after this time meets the deadline (a correction asked for again
    /// after a failed verification, 002 篇9 §4.2.2 c); nil: any.
    public var since: Timestamp?
    /// The years whose official holiday notice was not imported when `due` was computed: it was
    /// counted on their provisional calendar (暂定, from the statutory rules) and is recomputed
    /// by `sweep` once the notice is in `records/calendar/`. Nil: computed on official years only.
    public var provisional: [Int]?

    public init(step: String, due: Timestamp, clause: String, escalateTo: Level? = nil, breachedAt: Timestamp? = nil, since: Timestamp? = nil,
                provisional: [Int]? = nil) {
        self.since = since
        self.provisional = provisional
        self.step = step
        self.due = due
        self.clause = clause
        self.escalateTo = escalateTo
        self.breachedAt = breachedAt
    }
}

/// A revisit the procedures require after the work is done (PROCEDURES.md §4).
public struct PlannedRevisit: Codable, Equatable, Sendable {
    /// A second revisit is made no earlier than this (repairs: one month after, 002 篇2 §4.1.1 b).
    public var notBefore: Timestamp?
    public var due: Timestamp
    /// Roles that may make it, e.g. `["director"]` for an important complaint.
    public var by: [Role]
    /// Suitable modes, e.g. home or letter for a complaint.
    public var modes: [RevisitMode]
    public var clause: String
    /// Set by the fold when a revisit event fulfils this plan.
    public var doneAt: Timestamp?
    /// As on `Deadline`: the years counted on their provisional calendar when `due` was set.
    public var provisional: [Int]?

    public init(due: Timestamp, by: [Role], modes: [RevisitMode], clause: String, doneAt: Timestamp? = nil, notBefore: Timestamp? = nil,
                provisional: [Int]? = nil) {
        self.notBefore = notBefore
        self.provisional = provisional
        self.due = due
        self.by = by
        self.modes = modes
        self.clause = clause
        self.doneAt = doneAt
    }
}

/// A revisit made 回访记录 (002 篇2 §4.1.5).
public struct RevisitRecord: Codable, Equatable, Sendable {
    public var at: Timestamp
    public var by: StaffID
    public var mode: RevisitMode
    public var satisfied: Bool
    public var notes: String?
}

/// How the work was finished 处理结果.
public struct Resolution: Codable, Equatable, Sendable {
    public var at: Timestamp
    public var by: StaffID
    public var result: String
    public var customerConfirmed: Bool
    /// The customer's rating of quality and attitude, 1–5 (003 五.4).
    public var rating: Int?
}

/// Referral to the competent body 转相关部门 (001 篇2 §4.5; 000 §2(2)).
public struct Referral: Codable, Equatable, Sendable {
    public var at: Timestamp
    public var agency: String
}

/// The current state of a case: always exactly `fold(events)`.
public struct CaseState: Codable, Equatable, Sendable {
    public var status: Status
    /// Escalation level 处理层级.
    public var level: Level
    public var department: Department?
    /// Who holds the case now.
    public var holder: StaffID
    public var deadlines: [Deadline]
    /// The procedure profile and version the deadlines were computed with.
    public var profile: String
    public var revisitsPlanned: [PlannedRevisit]
    public var revisits: [RevisitRecord]
    public var resolution: Resolution?
    public var referral: Referral?
    /// The last time the owner was told of progress (跟进反馈; 000 §1(5)).
    public var ownerInformedAt: Timestamp?
    public var reopenCount: Int
    /// Reason written down for `unresolvable` (002 篇1 §3.3.3).
    public var unresolvableReason: String?
    /// Complaint validity 有效投诉 (about the promised service), decided by a department manager
    /// (001 篇2 §4.5); nil until decided.
    public var valid: Bool?
    public var closedAt: Timestamp?
    public var updatedAt: Timestamp
    /// Emergencies: the checklist items recorded so far (001 §5.6.6, §5.6.8, §5.6.9).
    public var checklist: [ChecklistEntry]?
    /// Non-conformities: each verification of a correction (002 篇9 §4.2.2 c).
    public var verifications: [Verification]?
    /// Judicial requests by a lawyer: the approval (001 §5.6.5.3).
    public var approval: Approval?
    /// A valid complaint's named member of staff, where the decision names one (003 篇2 第十二条).
    public var against: StaffID?
}

/// One step of a case's life. Which fields are set depends on `action`; the schema in
/// `records/schema/case.schema.json` says which are required for each.
public struct Event: Codable, Equatable, Sendable {
    public var at: Timestamp
    public var by: StaffID
    public var action: Action
    /// `open`: the intake.
    public var intake: Intake?
    /// `open`: the deadlines computed from the profile.
    public var deadlines: [Deadline]?
    /// `open`: the profile name and version, e.g. `residential@2026-11-22`.
    public var profile: String?
    /// `dispatch`
    public var department: Department?
    /// `dispatch`, `escalate`: who holds the case afterwards.
    public var assignee: StaffID?
    /// `note`
    public var text: String?
    /// `note`: the owner was told of progress.
    public var ownerInformed: Bool?
    /// `escalate`
    public var level: Level?
    /// `escalate`, `reopen`, `unresolvable`
    public var reason: String?
    /// `resolve`
    public var result: String?
    public var customerConfirmed: Bool?
    public var rating: Int?
    /// `resolve`: the revisits the procedures require.
    public var revisitsPlanned: [PlannedRevisit]?
    /// `revisit`
    public var mode: RevisitMode?
    public var satisfied: Bool?
    public var notes: String?
    /// `refer`
    public var agency: String?
    /// `reclassify`: the new classification (only the fields that change).
    public var kind: Kind?
    public var severity: Severity?
    public var repairSize: RepairSize?
    public var cause: Cause?
    public var valid: Bool?
    /// `breach`: the deadline's step.
    public var step: String?
    /// `revisit` when unsatisfied: the director was told (002 篇2 §4.4).
    public var directorInformed: Bool?
    /// `correct`: the intake field put right, its old and new value (the reason is `reason`).
    public var correction: Correction?
    /// `checklist`: the item done, and its value where it has one (the hospital).
    public var item: ChecklistItem?
    public var value: String?
    /// `verify`: whether the correction passed; when not, `deadlines` holds the new correction date.
    public var passed: Bool?
    /// `reclassify`: the member of staff a valid complaint is against (003 篇2 第十二条).
    public var against: StaffID?
    /// A late entry 补录 only: when the step was recorded, its stated time `at` being earlier than
    /// that by more than the profile's grace (paper records entered afterwards). Absent on an
    /// event recorded as it happened.
    public var recordedAt: Timestamp?
    /// A late entry 补录 only: why the step is recorded after the fact (e.g. 纸质记录补录).
    public var lateReason: String?

    /// Whether the step is marked as a late entry 补录.
    public var isLateEntry: Bool { recordedAt != nil || lateReason != nil }
    /// When the step entered the record: `recordedAt` for a late entry, else its stated time.
    public var recorded: Timestamp { recordedAt ?? at }

    public init(at: Timestamp, by: StaffID, action: Action) {
        self.at = at
        self.by = by
        self.action = action
    }
}

/// A case file `records/cases/YYYY/MM/DD/<id>.json` (or `YYYY/MM/<id>.json` in a repository
/// still laid out by month, `CaseLayout`): intake, state and the append-only events.
public struct CaseFile: Codable, Equatable, Sendable {
    public static let format = "casebook.case/1"
    public var format: String
    public var id: CaseID
    public var intake: Intake
    public var state: CaseState
    public var events: [Event]

    /// A case file whose intake and state are the fold of `events`.
    public init(id: CaseID, events: [Event]) throws(FoldError) {
        let (intake, state) = try fold(events)
        self.format = CaseFile.format
        self.id = id
        self.intake = intake
        self.state = state
        self.events = events
    }

    /// The values as a file holds them, not checked against each other (see `isConsistent`).
    init(format: String, id: CaseID, intake: Intake, state: CaseState, events: [Event]) {
        self.format = format
        self.id = id
        self.intake = intake
        self.state = state
        self.events = events
    }

    /// The path of a case's file inside the repository in `layout`, by the intake date in the
    /// intake's own offset.
    public static func path(for id: CaseID, receivedAt: Timestamp, in layout: CaseLayout) -> String {
        layout.path(of: id, day: receivedAt.localDay)
    }

    /// Where this file belongs in `layout`.
    public func path(in layout: CaseLayout) -> String { CaseFile.path(for: id, receivedAt: intake.receivedAt, in: layout) }

    /// Whether `path` is where this file belongs in one of the layouts.
    public func belongs(at path: String) -> Bool { CaseLayout.allCases.contains { self.path(in: $0) == path } }

    /// Whether the stored intake and state are exactly the fold of the events.
    public var isConsistent: Bool {
        guard let (i, s) = try? fold(events) else { return false }
        return i == intake && s == state && format == CaseFile.format
    }
}

public enum FoldError: Error, Equatable, CustomStringConvertible {
    case empty
    case firstEventNotOpen
    case missingField(event: Int, field: String)
    case secondOpen(event: Int)
    case badCorrection(event: Int, field: String)

    public var description: String {
        switch self {
        case .empty: "case has no events"
        case .firstEventNotOpen: "events[0] must be the 'open' event"
        case .missingField(let i, let f): "events[\(i)] lacks the field '\(f)' its action needs"
        case .secondOpen(let i): "events[\(i)] opens the case a second time"
        case .badCorrection(let i, let f): "events[\(i)] corrects '\(f)' to a value it cannot hold"
        }
    }
}

/// The one function that computes a case's intake and state from its events. Everything that
/// needs the current state (commands, validator, dashboard) uses this; the state stored in a file
/// is only a cache that the validator compares against it.
public func fold(_ events: [Event]) throws(FoldError) -> (Intake, CaseState) {
    guard let first = events.first else { throw .empty }
    guard first.action == .open else { throw .firstEventNotOpen }
    guard var intake = first.intake else { throw .missingField(event: 0, field: "intake") }
    var s = CaseState(status: .open, level: .desk, department: intake.inspection?.department, holder: first.by,
                      deadlines: first.deadlines ?? [], profile: first.profile ?? "",
                      revisitsPlanned: [], revisits: [], resolution: nil, referral: nil,
                      ownerInformedAt: nil, reopenCount: 0, unresolvableReason: nil, valid: nil, closedAt: nil,
                      updatedAt: first.at)
    for (i, e) in events.enumerated().dropFirst() where !e.action.isPrivacyRecord {
        func need<T>(_ value: T?, _ field: String) throws(FoldError) -> T {
            guard let value else { throw .missingField(event: i, field: field) }
            return value
        }
        switch e.action {
        case .open:
            throw .secondOpen(event: i)
        case .reveal, .erased:
            continue
        case .dispatch:
            s.department = try need(e.department, "department")
            if let a = e.assignee { s.holder = a }
            s.status = .inProgress
        case .note:
            _ = try need(e.text, "text")
            if e.ownerInformed == true { s.ownerInformedAt = e.at }
        case .escalate:
            s.level = try need(e.level, "level")
            if let a = e.assignee { s.holder = a }
        case .resolve:
            s.resolution = Resolution(at: e.at, by: e.by, result: try need(e.result, "result"),
                                      customerConfirmed: e.customerConfirmed ?? false, rating: e.rating)
            s.revisitsPlanned = e.revisitsPlanned ?? []
            s.status = .resolved
        case .revisit:
            let satisfied = try need(e.satisfied, "satisfied")
            s.revisits.append(RevisitRecord(at: e.at, by: e.by, mode: try need(e.mode, "mode"),
                                            satisfied: satisfied, notes: e.notes))
            if let k = s.revisitsPlanned.firstIndex(where: { $0.doneAt == nil }) {
                s.revisitsPlanned[k].doneAt = e.at
            }
            if !satisfied {
                // Unsatisfactory: handled again and revisited again (002 篇2 §4.4).
                s.status = .inProgress
                s.resolution = nil
                s.reopenCount += 1
            }
        case .close:
            s.status = .closed
            s.closedAt = e.at
        case .reopen:
            _ = try need(e.reason, "reason")
            s.status = .inProgress
            s.resolution = nil
            s.closedAt = nil
            s.unresolvableReason = nil
            s.referral = nil
            s.reopenCount += 1
        case .refer:
            s.referral = Referral(at: e.at, agency: try need(e.agency, "agency"))
            s.status = .referred
        case .unresolvable:
            s.unresolvableReason = try need(e.reason, "reason")
            s.status = .unresolvable
            s.closedAt = e.at
        case .reclassify:
            _ = try need(e.reason, "reason")
            if let k = e.kind { intake.kind = k }
            if e.kind != nil || e.severity != nil { intake.severity = e.severity }
            if e.kind != nil || e.repairSize != nil { intake.repairSize = e.repairSize }
            if let c = e.cause { intake.cause = c }
            if let v = e.valid { s.valid = v }
            if let a = e.against { s.against = a }
            if let p = e.profile { s.profile = p }
            if let d = e.deadlines {
                // Deadlines already breached stay on record; the new ones replace the rest.
                s.deadlines = s.deadlines.filter { $0.breachedAt != nil } + d
            }
        case .correct:
            _ = try need(e.reason, "reason")
            let c = try need(e.correction, "correction")
            do {
                intake = try c.applied(to: intake)
            } catch {
                throw .badCorrection(event: i, field: c.field.rawValue)
            }
        case .rectify:
            s.resolution = Resolution(at: e.at, by: e.by, result: try need(e.result, "result"), customerConfirmed: false, rating: nil)
            s.status = .resolved
        case .verify:
            let passed = try need(e.passed, "passed")
            s.verifications = (s.verifications ?? []) + [Verification(at: e.at, by: e.by, passed: passed, notes: e.notes)]
            if passed {
                s.status = .closed
                s.closedAt = e.at
            } else {
                // Corrected again by the new date (002 篇9 §4.2.2 c).
                s.status = .inProgress
                s.resolution = nil
                s.reopenCount += 1
                s.deadlines += try need(e.deadlines, "deadlines")
            }
        case .checklist:
            s.checklist = (s.checklist ?? []) + [ChecklistEntry(item: try need(e.item, "item"), at: e.at, by: e.by, value: e.value)]
        case .approve:
            s.approval = Approval(at: e.at, by: e.by, notes: e.notes)
        case .breach:
            let step = try need(e.step, "step")
            if let k = s.deadlines.firstIndex(where: { $0.step == step && $0.breachedAt == nil }) {
                s.deadlines[k].breachedAt = e.at
            }
            if let level = e.level, level > s.level { s.level = level }
        case .reschedule:
            for d in try need(e.deadlines, "deadlines") {
                if let k = s.deadlines.firstIndex(where: { $0.step == d.step && $0.breachedAt == nil }) { s.deadlines[k] = d }
            }
            for p in e.revisitsPlanned ?? [] {
                if let k = s.revisitsPlanned.firstIndex(where: { $0.clause == p.clause && $0.doneAt == nil && ($0.notBefore == nil) == (p.notBefore == nil) }) {
                    s.revisitsPlanned[k] = p
                }
            }
        }
        s.updatedAt = e.at
    }
    return (intake, s)
}
