import CaseModel

/// What the revisit sample (`Sampling`) and the review sign-offs (`Reviews.covered`) read of a
/// case, and nothing else: its id, the intake facts that pick its revisit rule, when it was
/// received, and the times of the steps they count. The rules take these facts, so they are
/// computed alike from a case file (`init(_:)`) and from a summary kept by the file's blob id
/// (`CaseSummary.facts`), which is how the hooks judge a sample or a review without decoding
/// every case of the repository.
public struct CaseFacts: Equatable, Sendable {
    public var id: CaseID
    public var kind: Kind
    public var severity: Severity?
    public var repairSize: RepairSize?
    public var receivedAt: Timestamp
    /// The time of every `resolve` event, in the order of the events.
    public var resolutions: [Timestamp]
    /// The time of every `revisit` event, in the order of the events.
    public var revisits: [Timestamp]
    /// For a complaint, the time of every event, in order (the records review covers a complaint
    /// with any step in its week); empty for other kinds.
    public var complaintSteps: [Timestamp]

    public init(id: CaseID, kind: Kind, severity: Severity?, repairSize: RepairSize?, receivedAt: Timestamp,
                resolutions: [Timestamp], revisits: [Timestamp], complaintSteps: [Timestamp]) {
        self.id = id
        self.kind = kind
        self.severity = severity
        self.repairSize = repairSize
        self.receivedAt = receivedAt
        self.resolutions = resolutions
        self.revisits = revisits
        self.complaintSteps = complaintSteps
    }

    public init(_ file: CaseFile) {
        self.init(id: file.id, kind: file.intake.kind, severity: file.intake.severity, repairSize: file.intake.repairSize,
                  receivedAt: file.intake.receivedAt,
                  resolutions: file.events.filter { $0.action == .resolve }.map(\.at),
                  revisits: file.events.filter { $0.action == .revisit }.map(\.at),
                  complaintSteps: file.intake.kind == .complaint ? file.events.map(\.at) : [])
    }
}
