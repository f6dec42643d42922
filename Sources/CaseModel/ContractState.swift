/// Where a contract stands after its steps: the fold of `steps`, as the commands, the hooks and
/// the dashboard read it.
public struct ContractState: Equatable, Sendable {
    public var status: ContractStatus = .drafted
    /// The last review of any purpose.
    public var lastReview: ContractReview?
    /// A change, termination or renewal asked for and not yet taken effect or refused.
    public var pendingRequest: ContractRequest?
    /// Whether the pending request's review passed.
    public var pendingApproved = false
    /// The last day of the term, renewals included.
    public var end: String
    public var effectiveAt: Timestamp?
    public var archive: ContractArchive?
    public var lastStageReport: Timestamp?
    public var stageReports = 0
    public var slippages = 0
    public var renewals = 0
    public var completedAt: Timestamp?
    /// The last step's time.
    public var updatedAt: Timestamp?

    /// Whether the contract is finished with (closed or terminated).
    public var isFinished: Bool { status == .closed || status == .terminated }
}

extension ContractRecord {
    /// The state after every step (`steps` folded in order).
    public var state: ContractState { state(after: steps.count) }

    /// The state after the first `count` steps.
    public func state(after count: Int) -> ContractState {
        var s = ContractState(end: term.end)
        for step in steps.prefix(count) { s.apply(step, important: important) }
        return s
    }
}

extension ContractState {
    /// The state after `step` (no checks: the rules of Procedures decide whether it may be taken).
    public mutating func apply(_ step: ContractStep, important: Bool) {
        updatedAt = step.at
        switch step.action {
        case .draft:
            status = .drafted
        case .review:
            guard let r = step.review else { return }
            lastReview = r
            switch r.purpose {
            case .new:
                status = r.passed ? .approved : .drafted
            case .change, .termination, .renewal:
                if r.passed { pendingApproved = true } else { pendingRequest = nil; pendingApproved = false }
            case .effect:
                status = .closed
            }
        case .sign:
            status = .signed
        case .seal:
            status = .sealed
        case .effective:
            status = .effective
            effectiveAt = step.at
        case .archive:
            status = .archived
            archive = step.archive
        case .stageReport:
            lastStageReport = step.at
            stageReports += 1
        case .slippage:
            slippages += 1
        case .request:
            pendingRequest = step.request
            pendingApproved = false
        case .amend:
            if let r = pendingRequest {
                switch r.kind {
                case .renewal:
                    if let e = r.newEnd { end = e }
                    renewals += 1
                case .termination:
                    status = .terminated
                case .change:
                    break
                }
            }
            pendingRequest = nil
            pendingApproved = false
        case .complete:
            status = important ? .completed : .closed
            completedAt = step.at
        }
    }
}
