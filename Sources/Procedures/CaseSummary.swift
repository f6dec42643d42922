import CaseModel

/// What the whole-repository commands need of one case without its events: the row `list`
/// prints, whether it is open (`today` and `sweep` read only open cases in full), when it was
/// received (`report` reads only the month's cases in full), each deadline with what decides its
/// standing, the late entries 补录 (counted by the month they were recorded in), and the times of
/// the steps the sample and the reviews count (`facts`: what the hooks recompute a daily draw or a
/// review sign-off from).
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

    /// The fields, held once in a box shared by every copy until one is changed: a summary is
    /// copied many times over by the whole-repository commands (into the tree's folders, the list
    /// of entries, the dashboard's months), and as a struct of a dozen strings and arrays each copy
    /// retained them all (at 89,087 cases, a tenth of a dashboard rebuild went to those copies).
    private struct Fields: Equatable {
        var id: CaseID
        var path: String
        var kind: Kind
        var severity: Severity?
        var repairSize: RepairSize?
        var status: Status
        var level: Level
        var holder: StaffID
        var department: Department?
        var unit: String?
        var receivedAt: Timestamp
        var summary: String
        var deadlines: [Deadline]
        var lateEntries: [LateEntry]
        var resolutions: [Timestamp]
        var revisits: [Timestamp]
        var complaintSteps: [Timestamp]
        var report: ReportFacts
    }

    private final class Box: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    /// The fields to change, copied first when another summary shares them (rare: a path).
    private var owned: Fields {
        get { box.fields }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            yield &box.fields
        }
    }

    public var id: CaseID {
        get { box.fields.id }
        set { owned.id = newValue }
    }
    /// Where the file was read: its place in the repository's layout.
    public var path: String {
        get { box.fields.path }
        set { owned.path = newValue }
    }
    public var kind: Kind {
        get { box.fields.kind }
        set { owned.kind = newValue }
    }
    public var severity: Severity? {
        get { box.fields.severity }
        set { owned.severity = newValue }
    }
    public var repairSize: RepairSize? {
        get { box.fields.repairSize }
        set { owned.repairSize = newValue }
    }
    public var status: Status {
        get { box.fields.status }
        set { owned.status = newValue }
    }
    public var level: Level {
        get { box.fields.level }
        set { owned.level = newValue }
    }
    public var holder: StaffID {
        get { box.fields.holder }
        set { owned.holder = newValue }
    }
    public var department: Department? {
        get { box.fields.department }
        set { owned.department = newValue }
    }
    public var unit: String? {
        get { box.fields.unit }
        set { owned.unit = newValue }
    }
    public var receivedAt: Timestamp {
        get { box.fields.receivedAt }
        set { owned.receivedAt = newValue }
    }
    public var summary: String {
        get { box.fields.summary }
        set { owned.summary = newValue }
    }
    /// `state.deadlines`, in order.
    public var deadlines: [Deadline] {
        get { box.fields.deadlines }
        set { owned.deadlines = newValue }
    }
    /// Every event with a `recordedAt`, in order.
    public var lateEntries: [LateEntry] {
        get { box.fields.lateEntries }
        set { owned.lateEntries = newValue }
    }
    /// `CaseFacts.resolutions`, `.revisits` and `.complaintSteps`.
    public var resolutions: [Timestamp] {
        get { box.fields.resolutions }
        set { owned.resolutions = newValue }
    }
    public var revisits: [Timestamp] {
        get { box.fields.revisits }
        set { owned.revisits = newValue }
    }
    public var complaintSteps: [Timestamp] {
        get { box.fields.complaintSteps }
        set { owned.complaintSteps = newValue }
    }
    /// What the monthly figures read of the case (`MonthReport`, `MonthAnalysis`).
    public var report: ReportFacts {
        get { box.fields.report }
        set { owned.report = newValue }
    }

    public static func == (a: CaseSummary, b: CaseSummary) -> Bool { a.box === b.box || a.box.fields == b.box.fields }

    public init(id: CaseID, path: String, kind: Kind, severity: Severity?, repairSize: RepairSize?, status: Status, level: Level,
                holder: StaffID, department: Department?, unit: String?, receivedAt: Timestamp, summary: String,
                deadlines: [Deadline], lateEntries: [LateEntry], resolutions: [Timestamp], revisits: [Timestamp], complaintSteps: [Timestamp],
                report: ReportFacts) {
        box = Box(Fields(id: id, path: path, kind: kind, severity: severity, repairSize: repairSize, status: status, level: level,
                         holder: holder, department: department, unit: unit, receivedAt: receivedAt, summary: summary,
                         deadlines: deadlines, lateEntries: lateEntries, resolutions: resolutions, revisits: revisits,
                         complaintSteps: complaintSteps, report: report))
    }

    public init(_ file: CaseFile, at path: String) {
        let facts = CaseFacts(file)
        self.init(id: file.id, path: path, kind: file.intake.kind, severity: file.intake.severity, repairSize: file.intake.repairSize,
                  status: file.state.status, level: file.state.level, holder: file.state.holder, department: file.state.department,
                  unit: file.intake.unit, receivedAt: file.intake.receivedAt, summary: file.intake.summary,
                  deadlines: file.state.deadlines.map { Deadline(step: $0.step, due: $0.due, met: Schedule.fulfilment(of: $0, in: file) != nil) },
                  lateEntries: file.events.compactMap { e in e.recordedAt.map { LateEntry(by: e.by, recordedAt: $0) } },
                  resolutions: facts.resolutions, revisits: facts.revisits, complaintSteps: facts.complaintSteps,
                  report: ReportFacts(file))
    }

    /// What the sample and the reviews read of the case (`CaseFacts(file)` of its file).
    public var facts: CaseFacts {
        CaseFacts(id: id, kind: kind, severity: severity, repairSize: repairSize, receivedAt: receivedAt,
                  resolutions: resolutions, revisits: revisits, complaintSteps: complaintSteps)
    }

    /// The steps of the deadlines past due and not met at `now`: `Schedule.overdue(file, at: now)`
    /// (a deadline of a case no longer open counts as met; see `Schedule.standing`).
    public func overdue(at now: Timestamp) -> [String] {
        guard status.isOpen else { return [] }
        return deadlines.filter { !$0.met && now > $0.due }.map(\.step)
    }
}
