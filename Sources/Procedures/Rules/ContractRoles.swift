import CaseModel

/// Who takes each step (002 篇3 §3, §4.3–4.10): the executing department drafts, reports its
/// stages, asks for changes and records completion; the general manager (or the assistant GM he
/// delegates) organises the review with the executing department and 经营部, and the general
/// manager reviews an important contract himself; only the general manager signs; 经营部 or
/// 行政人事部 seal and put in force; 行政人事部 archives and reports slippage; a change takes
/// effect by 经营部, an important one's by the general manager.
public struct ContractRoles: ContractCheck {
    public let name = "role"
    public init() {}

    public func check(_ step: ContractCheckStep) throws(Refusal) {
        let c = step.new
        for (i, s, _) in step.newSteps {
            do throws(Refusal) {
                try check(s, c, step.staff)
            } catch {
                throw error.at("steps[\(i)]: ")
            }
        }
    }

    func check(_ s: ContractStep, _ c: ContractRecord, _ staff: StaffRegistry) throws(Refusal) {
        guard let member = staff[s.by] else {
            throw Refusal(rule: "known-staff", clause: "002 篇1 §4.2", "'\(oneLine(s.by.rawValue, limit: 64))' is not in records/staff.json",
                          template: .init(.unknownStaff, [.text(oneLine(s.by.rawValue, limit: 64))]))
        }
        func department(_ allowed: [Department], _ clause: String) throws(Refusal) {
            guard let d = member.department, allowed.contains(d) else {
                throw refuse(clause, "\(s.by.rawValue) (\(member.department?.rawValue ?? "no department")) may not \(s.action.rawValue) this contract; only "
                             + allowed.map(\.rawValue).joined(separator: " or "), .init(.contractWhoDepartment, [.text(s.by.rawValue), .department(member.department), .contractAction(s.action), .departments(allowed)]))
            }
        }
        func role(_ allowed: [Role], _ clause: String) throws(Refusal) {
            guard member.roles.contains(where: allowed.contains) else {
                throw refuse(clause, "\(s.by.rawValue) (\(member.roleList)) may not \(s.action.rawValue) this contract; only "
                             + allowed.map(\.rawValue).joined(separator: ", "), .init(.contractWhoRole, [.text(s.by.rawValue), .roles(member.roles), .contractAction(s.action), .roles(allowed)]))
            }
        }
        let executing = c.executingDepartment
        switch s.action {
        case .draft, .stageReport, .request:
            try department([executing], s.action == .draft ? "002 篇3 §4.3.1" : s.action == .request ? "002 篇3 §4.8–4.9" : "002 篇3 §4.7.3")
        case .complete:
            try department([executing, .administration], "002 篇3 §4.7.5")
        case .review:
            try role([.generalManager, .assistantGeneralManager], "002 篇3 §4.4.1")
            guard let r = s.review else { return }
            let panel = r.reviewers.map { staff[$0] }
            if let unknown = r.reviewers.first(where: { staff[$0] == nil }) {
                throw Refusal(rule: "known-staff", clause: "002 篇1 §4.2", "'\(oneLine(unknown.rawValue, limit: 64))' is not in records/staff.json",
                              template: .init(.unknownStaff, [.text(oneLine(unknown.rawValue, limit: 64))]))
            }
            let organisers: [Role] = [.generalManager, .assistantGeneralManager]
            guard r.reviewers.contains(s.by), panel.contains(where: { $0?.roles.contains(where: organisers.contains) == true }),
                  panel.contains(where: { ContractChange.isIn($0, executing) }), panel.contains(where: { ContractChange.isIn($0, .business) }) else {
                throw refuse("002 篇3 §4.4.1", "the reviewers are the general manager or the assistant GM who organises the review, "
                             + "the executing department (\(executing.rawValue)) and 经营部, and include whoever records it", .init(.contractReviewers, [.department(executing)]))
            }
            if c.important, !panel.contains(where: ContractChange.isGM) {
                throw refuse("002 篇3 §3.1, §4.8–4.9", "an important contract is reviewed by the general manager himself", .init(.contractReviewersGM, []))
            }
        case .sign:
            try role([.generalManager], "002 篇3 §4.5.1")
        case .seal, .effective:
            if !ContractChange.isGM(member) { try department([.business, .administration], "002 篇3 §3.2, §4.5.2") }
        case .archive, .slippage:
            try department([.administration], s.action == .archive ? "002 篇3 §4.6.2" : "002 篇3 §4.7.4")
        case .amend:
            if c.important {
                try role([.generalManager], "002 篇3 §4.8–4.9")
            } else if !ContractChange.isGM(member) {
                try department([.business], "002 篇3 §4.8–4.9")
            }
        }
    }
}
