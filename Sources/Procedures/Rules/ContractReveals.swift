import CaseModel

/// A contract's confidential terms are opened only by those who handle the contract — the
/// general manager, the assistant GM, 经营部, 行政人事部 and the executing department — each
/// opening recorded with its reason, in time order (002 篇3 §4.6.4; as residents' data, PIPL Art. 51).
public struct ContractReveals: ContractCheck {
    public let name = "reveal"
    public init() {}

    public func check(_ step: ContractCheckStep) throws(Refusal) {
        let c = step.new
        var last = step.old?.reveals?.last?.at ?? c.steps[0].at
        for r in (c.reveals ?? []).dropFirst(step.old?.reveals?.count ?? 0) {
            let member = step.staff[r.by]
            let handles = member.map { m in
                m.roles.contains(.generalManager) || m.roles.contains(.assistantGeneralManager)
                    || [.business, .administration, c.executingDepartment].contains(m.department)
            } ?? false
            guard c.confidential != nil, handles else {
                throw refuse("002 篇3 §4.6.4", "\(r.by.rawValue) may not open this contract's confidential terms", .init(.contractRevealWho, [.text(r.by.rawValue)]))
            }
            guard !r.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, r.at >= last else {
                throw refuse("002 篇3 §4.6.4", "an opening of the confidential terms names its reason, after the earlier records", .init(.contractRevealReason, []))
            }
            last = r.at
        }
    }
}
