import CaseModel

/// Each step comes when the procedure allows it (002 篇3 §4.4–4.10): reviewed before the
/// general manager signs (§4.5.1), a non-written contract never signed (§4.5.1), sealed after
/// signing (§4.5.2; a routine service commitment in any form, §4.5.5), effective when signed and
/// sealed or, non-written, when reviewed (§4.5.4), archived once effective (§4.6), reported on
/// and changed while it runs (§4.7–4.9), a change, termination or renewal taking effect only after
/// its own passed review (§4.8–4.9), and an important contract's effect reviewed once completed
/// (§4.7.5). Steps follow one another in time.
public struct ContractStepOrder: ContractCheck {
    public let name = "contract-order"
    public init() {}

    public func check(_ step: ContractCheckStep) throws(Refusal) {
        let c = step.new
        for (i, s, before) in step.newSteps {
            let place = "steps[\(i)]: "
            if i > 0, s.at < c.steps[i - 1].at {
                throw refuse("002 篇1 §4.2", "a step at \(s.at) is before the previous one (\(c.steps[i - 1].at))", .init(.contractTimeOrder, [.text(s.at.description), .text(c.steps[i - 1].at.description)])).at(place)
            }
            guard i > 0 else { continue }
            do throws(Refusal) {
                try allowed(s, before, c)
            } catch {
                throw error.at(place)
            }
        }
    }

    /// Whether `s` may follow a contract standing at `before`.
    func allowed(_ s: ContractStep, _ before: ContractState, _ c: ContractRecord) throws(Refusal) {
        let routine = c.kind == .routineService
        func notNow(_ clause: String) -> Refusal {
            refuse(clause, "\(s.action.rawValue) is not a step of a contract that is \(before.status.rawValue)", .init(.contractNotNow, [.contractAction(s.action), .contractStatus(before.status)]))
        }
        switch s.action {
        case .draft:
            return
        case .review:
            guard let purpose = s.review?.purpose, let due = Self.reviewDue(before, c) else {
                throw refuse("002 篇3 §4.4", "no review is due: the contract is \(before.status.rawValue)", .init(.contractReviewNotDue, [.contractStatus(before.status)]))
            }
            guard purpose == due else {
                throw refuse("002 篇3 §4.4", "the review due is of the \(due.rawValue), not the \(purpose.rawValue)", .init(.contractReviewPurpose, [.contractPurpose(due), .contractPurpose(purpose)]))
            }
        case .sign:
            guard c.form.isWritten else {
                throw refuse("002 篇3 §4.5.1", "a non-written contract is not signed", .init(.contractSignNonWritten, []))
            }
            guard before.status == .approved else {
                guard before.status == .drafted else { throw notNow("002 篇3 §4.5.1") }
                throw refuse("002 篇3 §4.5.1", "the general manager signs only after a passed review (the contract is \(before.status.rawValue))",
                             .init(.contractSignBeforeReview, [.contractStatus(before.status)]))
            }
        case .seal:
            guard c.form.isWritten, before.status == .signed || (routine && before.status == .approved) else {
                throw before.status == .approved && c.form.isWritten ? refuse("002 篇3 §4.5.2", "a contract is sealed after the general manager signs it",
                                                                              .init(.contractSealBeforeSign, [])) : notNow("002 篇3 §4.5.2–4.5.3")
            }
        case .effective:
            let ready = before.status == .sealed || (before.status == .approved && (!c.form.isWritten || routine))
            guard ready else {
                throw before.status == .approved || before.status == .signed
                    ? refuse("002 篇3 §4.5.4", "a written contract takes effect once signed and sealed", .init(.contractEffectiveUnsealed, []))
                    : notNow("002 篇3 §4.5.4")
            }
        case .archive:
            guard c.form.isWritten, before.status == .effective else { throw notNow("002 篇3 §4.6.2") }
        case .stageReport, .slippage:
            guard before.status.isRunning else { throw notNow("002 篇3 §4.7") }
        case .request:
            guard before.status.isRunning else { throw notNow("002 篇3 §4.8–4.9") }
            if let open = before.pendingRequest {
                throw refuse("002 篇3 §4.8–4.9", "a \(open.kind.rawValue) is already requested and not yet settled", .init(.contractRequestOpen, [.contractPurpose(open.kind.purpose)]))
            }
        case .amend:
            guard let open = before.pendingRequest else {
                throw refuse("002 篇3 §4.8–4.9", "no change, termination or renewal is requested", .init(.contractNoRequest, []))
            }
            guard before.pendingApproved else {
                throw refuse(open.kind == .renewal ? "002 篇3 §4.9" : "002 篇3 §4.8",
                             "the \(open.kind.rawValue) takes effect only after its review has passed", .init(.contractAmendUnreviewed, [.contractPurpose(open.kind.purpose)]))
            }
        case .complete:
            guard before.status.isRunning else { throw notNow("002 篇3 §4.7.5") }
            if let open = before.pendingRequest {
                throw refuse("002 篇3 §4.8–4.9", "a \(open.kind.rawValue) is already requested and not yet settled", .init(.contractRequestOpen, [.contractPurpose(open.kind.purpose)]))
            }
        }
    }

    /// The review a contract standing at `state` waits for, if any: the new contract's while it
    /// is drafted, a requested change's, termination's or renewal's, or a completed important
    /// contract's effect.
    public static func reviewDue(_ state: ContractState, _ c: ContractRecord) -> ContractReviewPurpose? {
        if state.status == .drafted { return .new }
        if state.status.isRunning, let r = state.pendingRequest, !state.pendingApproved { return r.kind.purpose }
        if state.status == .completed { return .effect }
        return nil
    }
}
