import CaseModel
import CasebookEngine
import Foundation
import GitStore
import Procedures

/// The company's contracts (002 篇3) in a simulated quarter: an elevator maintenance contract
/// (important, paid in stages, near its end so it is renewed), a purchase whose first review
/// fails on price, an oral paid service for a resident, each step by the person the procedure
/// names through `ContractCommand.save`, as `casebook contract …` records it; before the year's
/// end 行政人事部's inventory and the general manager's instructions.
extension Simulator {
    /// Which contract a play concerns and what happens to it.
    enum ContractPlay {
        case draft(Int)
        case step(String, ContractAction)
        case inventory(Int)
        case instruct(Int)
    }

    /// On the first working day from the 2nd of a quarter's first month (and of the first month
    /// played), three drafts; from 20 December, the inventory.
    func planContracts(_ day: String, midnight: Timestamp, working: Bool) {
        guard working, let month = Int(day.dropFirst(5).prefix(2)), let dayOfMonth = Int(day.suffix(2)) else { return }
        let quarter = String(day.prefix(4)) + "Q\((month - 1) / 3)"
        if dayOfMonth >= 2, month % 3 == 1 || day.prefix(7) == firstDay.prefix(7), !contractQuarters.contains(quarter) {
            contractQuarters.insert(quarter)
            for n in 0..<3 { schedule(.contract(.draft(n)), at: midnight.adding(seconds: (9 + n) * 3600 + contractRng.minutes(0, 50))) }
        }
        if month == 12, dayOfMonth >= 20, let year = Int(day.prefix(4)), !contractInventories.contains(year) {
            contractInventories.insert(year)
            schedule(.contract(.inventory(year)), at: midnight.adding(seconds: 15 * 3600 + contractRng.minutes(0, 60)))
        }
    }

    /// Whether `member` works in the company's offices of the contracts' procedure (the assistant
    /// GM, 经营部, 行政人事部, finance), who make no revisits of the centre's requests.
    static func isContractOffice(_ member: Staff) -> Bool {
        member.roles.contains(.assistantGeneralManager) || [.business, .administration, .finance].contains(member.department)
    }

    /// The first member of `department`.
    func inDepartment(_ department: Department) -> Staff? { ws.staff.staff.first { $0.department == department } }

    func play(_ play: ContractPlay) throws {
        switch play {
        case .draft(let n): try draftContract(n)
        case .step(let id, let action): try contractStep(id, action)
        case .inventory(let year): try contractInventory(year)
        case .instruct(let year): try contractInstruction(year)
        }
    }

    func draftContract(_ n: Int) throws {
        guard let engineering = inDepartment(.engineering), let service = inDepartment(.customerService) else { return }
        let id = "H-" + String(format: "%08x", UInt32(truncatingIfNeeded: contractRng.next()))
        let today = now.localDay
        func day(_ days: Int) -> String { now.adding(seconds: days * 86_400).localDay }
        let record: ContractRecord
        switch n {
        case 0:
            record = ContractRecord(id: id, kind: .subcontract, form: .written, title: "电梯维保", counterparty: contractRng.element(["粤安电梯工程有限公司", "迅达电梯维保公司"]),
                                    executingDepartment: .engineering, important: true, term: ContractTerm(start: today, end: day(75)),
                                    value: "\(Int.random(in: 90...160, using: &contractRng))000.00", paidInStages: true, notarisation: false,
                                    draft: ContractDraft(subject: "小区电梯的维护保养", scope: "每月两次保养，24 小时应急救援", price: "按台按月计费",
                                                         performance: "本小区，按月", termination: "期满或双方协商", liability: "按合同额 5% 计违约金", template: "电梯维保合同范本"),
                                    confidential: nil, steps: [ContractStep(at: now, by: engineering.id, action: .draft)])
        case 1:
            record = ContractRecord(id: id, kind: .purchase, form: .written, title: contractRng.element(["绿化养护用品采购", "保洁耗材采购", "监控设备采购"]),
                                    counterparty: contractRng.element(["华南物资有限公司", "恒信贸易公司"]), executingDepartment: .engineering, important: false,
                                    term: ContractTerm(start: today, end: day(365)), value: "\(Int.random(in: 8...40, using: &contractRng))500.00", paidInStages: false,
                                    notarisation: false,
                                    draft: ContractDraft(subject: "年度物资供应", scope: "按月供货，质量符合国家标准", price: "按清单单价", performance: "送货至管理处仓库",
                                                         termination: "期满终止", liability: "逾期交货按日计违约金"),
                                    confidential: nil, steps: [ContractStep(at: now, by: engineering.id, action: .draft)])
        default:
            record = ContractRecord(id: id, kind: .paidService, form: .oral, title: "有偿搬运服务", counterparty: "住户（口头委托）",
                                    executingDepartment: .customerService, important: false, term: ContractTerm(start: today, end: day(2)), value: "200.00",
                                    paidInStages: false, notarisation: false,
                                    draft: ContractDraft(subject: "家具搬运", scope: "两名护管员协助搬运", price: "200 元", performance: "约定时间上门",
                                                         termination: "完成即终止", liability: "损坏照价赔偿"),
                                    confidential: nil, steps: [ContractStep(at: now, by: service.id, action: .draft)])
        }
        let author = member(record.steps[0].by)
        try Casebook.ContractCommand.save(record, old: nil, by: author, at: now, in: ws, subject: "drafted (\(record.kind.rawValue), \(record.executingDepartment.rawValue))",
                                          action: .draft, clause: "002 篇3 §4.3")
        totals.commits += 1
        contractFails[id] = n == 1
        nextContract(id, .review, days: (0, 2))
    }

    func nextContract(_ id: String, _ action: ContractAction, days: (Int, Int)) {
        schedule(.contract(.step(id, action)), at: now.adding(seconds: contractRng.minutes(days.0 * 24 * 60 + 60, days.1 * 24 * 60 + 240)))
    }

    /// One step of contract `id` by whoever the procedure names, and the next one scheduled.
    func contractStep(_ id: String, _ action: ContractAction) throws {
        let old = try Casebook.ContractCommand.load(id, in: ws)
        let state = old.state
        guard let gm = members(.generalManager).first, let business = inDepartment(.business), let admin = inDepartment(.administration),
              let executing = inDepartment(old.executingDepartment) else { return }
        var step = ContractStep(at: now, by: executing.id, action: action)
        var subject = action.rawValue
        var next: (ContractAction, (Int, Int))?
        switch action {
        case .review:
            guard let purpose = ContractStepOrder.reviewDue(state, old) else { return }
            let organiser = old.important || purpose != .new ? gm : (members(.assistantGeneralManager).first ?? gm)
            let fails = contractFails[id] == true
            contractFails[id] = false
            let findings = ContractReviewPoint.required(for: old.kind.direction).map { p in
                ContractFinding(point: p, acceptable: !(fails && p == .price), finding: fails && p == .price ? "报价高于市场价，需重新议价" : "符合要求")
            }
            step.by = organiser.id
            step.review = ContractReview(purpose: purpose, findings: findings, reviewers: [organiser.id, executing.id, business.id], passed: !fails)
            subject = "reviewed (\(purpose.rawValue), \(fails ? "failed" : "passed"))"
            switch purpose {
            case .new where fails: next = (.review, (2, 5))
            case .new: next = old.form.isWritten ? (.sign, (0, 2)) : (.effective, (0, 1))
            case .renewal, .change, .termination: next = (.amend, (0, 2))
            case .effect: next = nil
            }
        case .sign:
            step.by = gm.id
            next = (.seal, (0, 1))
        case .seal:
            step.by = business.id
            step.pages = Int.random(in: 2...8, using: &contractRng)
            step.seamSeal = true
            next = (.effective, (0, 0))
        case .effective:
            step.by = business.id
            next = old.form.isWritten ? (.archive, (0, 2)) : (.complete, (1, 2))
        case .archive:
            step.by = admin.id
            contractNumbers += 1
            step.archive = ContractArchive(number: String(format: "HT-%@-%03d", String(now.localDay.prefix(4)), contractNumbers),
                                           documentSHA256: (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &contractRng)) }.joined(),
                                           original: "行政人事部档案柜 A-\(Int.random(in: 1...6, using: &contractRng))",
                                           copies: (old.paidInStages ? [ContractCopy(holder: .finance)] : []) + [ContractCopy(holder: old.executingDepartment, note: "经审批的复印件")])
            subject = "archived as \(step.archive?.number ?? "")"
            if old.important { next = (.request, (18, 22)) }
        case .stageReport:
            step.notes = contractRng.element(["本阶段按计划履约", "本月保养按时完成，无困人事件", "供货及时，质量合格"])
            step.written = old.important
        case .slippage:
            step.by = admin.id
            step.notes = "3 号梯保养推迟一周，已督促"
        case .request:
            guard state.status.isRunning, state.pendingRequest == nil, let end = Timestamp.parse(state.end, defaultZone: ws.zone) else { return }
            step.request = ContractRequest(kind: .renewal, reason: "服务良好，续签一年", newEnd: end.addingMonths(12).localDay)
            subject = "renewal requested"
            next = (.review, (1, 3))
            if contractRng.chance(0.5) { schedule(.contract(.step(id, .slippage)), at: now.adding(seconds: contractRng.minutes(60, 600))) }
            schedule(.contract(.step(id, .stageReport)), at: now.adding(seconds: contractRng.minutes(4 * 24 * 60, 8 * 24 * 60)))
        case .amend:
            step.by = old.important ? gm.id : business.id
            subject = "renewal in effect"
        case .complete:
            step.notes = "已按约完成"
            subject = "performed"
        case .draft:
            return
        }
        var record = old
        record.steps.append(step)
        try Casebook.ContractCommand.save(record, old: old, by: member(step.by), at: now, in: ws, subject: subject, action: action, clause: "002 篇3 §4.4–4.9")
        totals.commits += 1
        if let (a, d) = next { nextContract(id, a, days: d) }
    }

    /// 行政人事部's inventory, and the general manager's instructions the next working day.
    func contractInventory(_ year: Int) throws {
        guard let admin = inDepartment(.administration) else { return }
        let rule = ws.profile.contractRule
        let inventory = ContractInventory(year: year, at: now, by: admin.id, clause: rule.inventoryClause,
                                          rows: ContractDates.inventoryRows(year: year, contracts: try ws.contracts(), at: now, rule: rule,
                                                                            calendar: ws.calendar, zone: ws.zone))
        try ws.commit([FileChange(path: ContractInventory.path(year), content: try RecordJSON.encode(inventory))], by: admin, at: now,
                      message: "contracts: inventory of \(year)\n\nAction: contract-inventory\nProcedure: \(rule.inventoryClause)\n")
        totals.commits += 1
        schedule(.contract(.instruct(year)), at: now.adding(seconds: contractRng.minutes(16 * 60, 20 * 60)))
    }

    func contractInstruction(_ year: Int) throws {
        guard let gm = members(.generalManager).first else { return }
        let path = ContractInventory.path(year)
        let old = try Workspace.record(ContractInventory.self, path, in: ws.repo, at: ws.base, missing: Failure(key: "doesNotExist", path))
        var next = old
        next.instructions.append(ContractInstruction(at: now, by: gm.id, text: "逾期汇报的合同请执行部门一周内补报；到期合同提前启动续约评审"))
        try ws.commit([FileChange(path: path, content: try RecordJSON.encode(next))], by: gm, at: now,
                      message: "contracts: the general manager's instructions on the inventory of \(year)\n\nAction: contract-instruction\nProcedure: \(ws.profile.contractRule.inventoryClause)\n")
        totals.commits += 1
    }
}
