import CaseModel

/// What the whole-repository commands need of one case without its events: the row `list`
/// prints, whether it is open (`today` and `sweep` read only open cases in full), when it was
/// received (`report` reads only the month's cases in full), each deadline with what decides its
/// standing, and the late entries 补录 (counted by the month they were recorded in).
///
/// It is derived from a case file and nothing else, so it can be kept by the file's blob id
/// (`casebook`'s summary cache under `.git/casebook/`). Everything in it that depends on the rules
/// (`Deadline.met`: `Schedule.fulfilment`) is computed by this binary: a cache written by
/// another build is not used.
public struct CaseSummary: Equatable, Sendable {
    /// One deadline: its step and due time, and whether an event already fulfils it.
    public struct Deadline: Equatable, Sendable {
        public var step: String
        public var due: Timestamp
        /// `Schedule.fulfilment(of:in:) != nil`.
        public var met: Bool

        public init(step: String, due: Timestamp, met: Bool) {
            self.step = step
            self.due = due
            self.met = met
        }
    }

    /// An event recorded after the fact: who, and when it was recorded.
    public struct LateEntry: Equatable, Sendable {
        public var by: StaffID
        public var recordedAt: Timestamp

        public init(by: StaffID, recordedAt: Timestamp) {
            self.by = by
            self.recordedAt = recordedAt
        }
    }

    public var id: CaseID
    /// Where the file was read: its place in the repository's layout.
    public var path: String
    public var kind: Kind
    public var severity: Severity?
    public var repairSize: RepairSize?
    public var status: Status
    public var level: Level
    public var holder: StaffID
    public var department: Department?
    public var unit: String?
    public var receivedAt: Timestamp
    public var summary: String
    /// `state.deadlines`, in order.
    public var deadlines: [Deadline]
    /// Every event with a `recordedAt`, in order.
    public var lateEntries: [LateEntry]
    /// What the monthly figures read of the case (`MonthReport`, `MonthAnalysis`).
    public var report: ReportFacts

    public init(id: CaseID, path: String, kind: Kind, severity: Severity?, repairSize: RepairSize?, status: Status, level: Level,
                holder: StaffID, department: Department?, unit: String?, receivedAt: Timestamp, summary: String,
                deadlines: [Deadline], lateEntries: [LateEntry], report: ReportFacts) {
        self.id = id
        self.path = path
        self.kind = kind
        self.severity = severity
        self.repairSize = repairSize
        self.status = status
        self.level = level
        self.holder = holder
        self.department = department
        self.unit = unit
        self.receivedAt = receivedAt
        self.summary = summary
        self.deadlines = deadlines
        self.lateEntries = lateEntries
        self.report = report
    }

    public init(_ file: CaseFile, at path: String) {
        self.init(id: file.id, path: path, kind: file.intake.kind, severity: file.intake.severity, repairSize: file.intake.repairSize,
                  status: file.state.status, level: file.state.level, holder: file.state.holder, department: file.state.department,
                  unit: file.intake.unit, receivedAt: file.intake.receivedAt, summary: file.intake.summary,
                  deadlines: file.state.deadlines.map { Deadline(step: $0.step, due: $0.due, met: Schedule.fulfilment(of: $0, in: file) != nil) },
                  lateEntries: file.events.compactMap { e in e.recordedAt.map { LateEntry(by: e.by, recordedAt: $0) } },
                  report: ReportFacts(file))
    }

    /// The steps of the deadlines past due and not met at `now`: `Schedule.overdue(file, at: now)`
    /// (a deadline of a case no longer open counts as met; see `Schedule.standing`).
    public func overdue(at now: Timestamp) -> [String] {
        guard status.isOpen else { return [] }
        return deadlines.filter { !$0.met && now > $0.due }.map(\.step)
    }
}
