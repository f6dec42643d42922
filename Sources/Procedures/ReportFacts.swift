import CaseModel

/// What the monthly figures (`MonthReport`, `MonthAnalysis`) read of one case besides its
/// intake, derived from the case file alone so that it can be kept with the case's summary by
/// blob id: whether each deadline was met in time (stated and as recorded), the counts of its
/// late entries, revisits and satisfied revisits, its last resolution and its revisit steps.
public struct ReportFacts: Equatable, Sendable {
    /// `MonthReport.onTime(file, at: now)` for any `now`: a deadline met (or closed) late makes
    /// the case late for good; deadlines still pending keep it on time while `now` is not past
    /// the earliest of them.
    public struct OnTime: Equatable, Sendable {
        public var late: Bool
        /// The earliest due time of the deadlines pending (unmet while the case is open).
        public var pendingUntil: Timestamp?

        public init(late: Bool, pendingUntil: Timestamp?) {
            self.late = late
            self.pendingUntil = pendingUntil
        }

        public init(_ file: CaseFile) {
            var late = false
            var pending: Timestamp?
            for d in file.state.deadlines {
                switch Schedule.standing(of: d, in: file, at: d.due) {
                case .met(_, let l): if l { late = true }
                case .pending: pending = pending.map { min($0, d.due) } ?? d.due
                }
            }
            self.init(late: late, pendingUntil: pending)
        }

        /// Whether every deadline was met in time or is not yet due at `now`.
        public func at(_ now: Timestamp) -> Bool {
            !late && pendingUntil.map { !(now > $0) } ?? true
        }
    }

    /// The last resolution: when, whether the customer confirmed it, whether they rated it.
    public struct Resolution: Equatable, Sendable {
        public var at: Timestamp
        public var confirmed: Bool
        public var rated: Bool

        public init(at: Timestamp, confirmed: Bool, rated: Bool) {
            self.at = at
            self.confirmed = confirmed
            self.rated = rated
        }
    }

    public var onTime: OnTime
    /// `onTime` of `MonthReport.asRecorded(file)`.
    public var onTimeAsRecorded: OnTime
    /// Steps entered late (`Event.isLateEntry`).
    public var lateEntries: Int
    /// The last `resolve` step; nil when none.
    public var lastResolution: Resolution?
    /// The times of the `revisit` steps, in order.
    public var revisitSteps: [Timestamp]
    /// `state.revisits`: how many, how many satisfied, how many at home.
    public var revisits: Int
    public var satisfied: Int
    public var homeVisits: Int
    /// When the revisits the resident was not satisfied with were made (the company's league counts them).
    public var unsatisfiedRevisits: [Timestamp]
    /// The latest stated time of any step (steps entered late need not be in order): a case
    /// with nothing since a period began has nothing in it (the reviews' periods).
    public var latestStep: Timestamp

    public init(onTime: OnTime, onTimeAsRecorded: OnTime, lateEntries: Int, lastResolution: Resolution?, revisitSteps: [Timestamp],
                revisits: Int, satisfied: Int, homeVisits: Int, unsatisfiedRevisits: [Timestamp], latestStep: Timestamp) {
        self.onTime = onTime
        self.onTimeAsRecorded = onTimeAsRecorded
        self.lateEntries = lateEntries
        self.lastResolution = lastResolution
        self.revisitSteps = revisitSteps
        self.revisits = revisits
        self.satisfied = satisfied
        self.homeVisits = homeVisits
        self.unsatisfiedRevisits = unsatisfiedRevisits
        self.latestStep = latestStep
    }

    public init(_ file: CaseFile) {
        let last = file.events.last { $0.action == .resolve }
        let onTime = OnTime(file)
        // `asRecorded` is the file itself when no step was entered late.
        let recorded = file.events.contains { $0.recordedAt != nil } ? OnTime(MonthReport.asRecorded(file)) : onTime
        self.init(onTime: onTime, onTimeAsRecorded: recorded,
                  lateEntries: file.events.filter(\.isLateEntry).count,
                  lastResolution: last.map { Resolution(at: $0.at, confirmed: $0.customerConfirmed == true, rated: $0.rating != nil) },
                  revisitSteps: file.events.filter { $0.action == .revisit }.map(\.at),
                  revisits: file.state.revisits.count, satisfied: file.state.revisits.filter(\.satisfied).count,
                  homeVisits: file.state.revisits.filter { $0.mode == .home }.count,
                  unsatisfiedRevisits: file.state.revisits.filter { !$0.satisfied }.map(\.at),
                  latestStep: max(file.events.map(\.at).max() ?? file.intake.receivedAt, file.intake.receivedAt))
    }
}
