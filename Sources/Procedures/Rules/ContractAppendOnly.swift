import CaseModel

/// A contract's particulars are fixed at its draft and its steps only appended (the records are
/// evidence; 002 篇3 §4.11: the written review record is archived with the contract). Its first
/// step, and only that one, is the draft.
public struct ContractAppendOnly: ContractCheck {
    public let name = "append-only"
    public init() {}

    public func check(_ step: ContractCheckStep) throws(Refusal) {
        if let old = step.old {
            var head = step.new
            head.steps = old.steps
            head.reveals = old.reveals
            guard head == old, step.new.steps.starts(with: old.steps), (step.new.reveals ?? []).starts(with: old.reveals ?? []) else {
                throw refuse("002 篇3 §4.11; DESIGN: records are append-only",
                             "a contract only gains steps: its particulars and earlier steps stay as they were", .init(.contractAppendOnly, []))
            }
        }
        guard step.new.steps.first?.action == .draft else {
            throw refuse("002 篇3 §4.3.1", "a contract's first step is its draft by the executing department", .init(.contractFirstDraft, []))
        }
        if let again = step.newSteps.first(where: { $0.index > 0 && $0.step.action == .draft }) {
            throw refuse("002 篇3 §4.3.1", "a contract is drafted once; a draft that failed its review is reviewed again", .init(.contractDraftOnce, []))
                .at("steps[\(again.index)]: ")
        }
    }
}
