import CaseModel
import CasebookEngine
import Foundation
import GitStore
import Procedures

/// The case scripts: what a request is when it arrives (kind, severity, resident, what it will
/// do), who takes it, and each step of its life through the workspace's validated steps.
extension Simulator {
    // MARK: - Drawing a request

    func draw(at time: Timestamp) throws -> (Intake, Script) {
        let kind = rng.pick([(Kind.repair, 42), (.complaint, 16), (.help, 11), (.inquiry, 15), (.suggestion, 4),
                             (.coordination, 5), (.specialService, 4), (.emergency, 1), (.neighbourDispute, 2)])
        let matter = rng.element(Roster.matters[kind] ?? [])
        var script = Script(matter: matter)
        script.late = rng.chance(0.12)
        let severity: Severity? = kind == .complaint ? rng.pick([(.minor, 60), (.important, 32), (.major, 8)]) : nil
        let size: RepairSize? = kind == .repair ? rng.pick([(.small, 68), (.medium, 27), (.large, 5)]) : nil
        if kind == .complaint {
            script.unsatisfied = rng.chance(0.12)
            script.valid = severity != .minor && rng.chance(0.4)
            script.referred = severity == .minor && matter.department == .security && rng.chance(0.35)
        }
        script.unresolvable = kind != .inquiry && !script.referred && rng.chance(0.008)
        script.secondRevisit = kind == .repair && size != .small && rng.chance(0.15)
        let channel = rng.pick([(Channel.phone, 48), (.walkIn, 26), (.online, 16), (.letter, 5), (.email, 3), (.government, 2)])
        let unit = "\(Int.random(in: 1...12, using: &rng))-\(Int.random(in: 1...3, using: &rng))-\(Int.random(in: 1...33, using: &rng))0\(Int.random(in: 1...4, using: &rng))"
        let surname = String(rng.element(Roster.surnames))
        let name = rng.chance(0.7) ? surname + rng.element(Roster.honorifics) : surname + rng.element(Roster.givenNames)
        let phone = kind == .inquiry && channel == .letter ? nil
            : "1\(rng.element(["35", "36", "37", "38", "39", "50", "58", "86", "88"]))\(String(format: "%08d", Int.random(in: 0..<100_000_000, using: &rng)))"
        let receiver = rng.chance(0.85) ? someone(.receptionist) : someone(.csAssistant)
        // The names are drawn, never real; the phone is a well-formed mainland mobile number. Sealed
        // under the resident's key as at intake, with the key, id and nonce drawn from the seed.
        let reporter = try seal(name: name, phone: phone, at: time)
        let emergency: EmergencyType? = kind == .emergency ? rng.pick([(EmergencyType.medical, 70), (.criminal, 20), (.fire, 10)]) : nil
        let intake = Intake(receivedAt: time, channel: channel, kind: kind, severity: severity, repairSize: size, unit: unit,
                            reporter: reporter, summary: matter.summary, details: nil, requestedBy: nil,
                            firstResponder: receiver.id, cause: nil, emergency: emergency)
        return (intake, script)
    }

    /// `name` and `phone` sealed under the key of the resident whose phone is `residentPhone`
    /// (default: this phone's own resident), as the desk seals them.
    func seal(name: String, phone: String?, at time: Timestamp, residentPhone: String?? = nil) throws -> Contact {
        var rng = self.rng
        defer { self.rng = rng }
        func draw() -> (ResidentID, Data) {
            (ResidentID(rawValue: "R-" + String(format: "%016llx", rng.next())), Simulator.bytes(32, &rng))
        }
        do {
            let key = try keyStore.key(forPhone: residentPhone ?? phone, now: time.description, generate: draw)
            return try Contact(name: name, phone: phone, key: key, nonce: Simulator.bytes(12, &rng))
        } catch {
            // Drawn names and numbers are always well formed; a refusal here is a simulator bug.
            throw Failure(key: "simulateSeal", "\(error)")
        }
    }

    // MARK: - People

    func members(_ role: Role) -> [Staff] { ws.staff.staff.filter { $0.roles.contains(role) } }

    func someone(_ role: Role) -> Staff {
        let all = members(role)
        return all.isEmpty ? ws.staff.staff[0] : rng.element(all)
    }

    /// Who takes a case in `department`: the department's engineers, else its head, else an assistant.
    func handler(for department: Department?) -> Staff {
        switch department {
        case .engineering: return someone(.engineer)
        case .security, .environment:
            return ws.staff.staff.first { $0.department == department && $0.roles.contains(.departmentHead) } ?? someone(.csAssistant)
        default: return someone(.csAssistant)
        }
    }

    func member(_ id: StaffID) -> Staff { people[id] ?? ws.staff.staff[0] }

    // MARK: - Steps

    @discardableResult
    func open(_ intake: Intake, _ script: Script) throws -> CaseID {
        let file = try ws.open(intake, by: member(intake.firstResponder))
        counted(file)
        totals.cases += 1
        scripts[file.id] = script
        let t = intake.receivedAt
        if script.late { totals.late += 1 }
        switch (intake.kind, intake.severity) {
        case (.complaint, .important?):
            // Reported to the supervisor within the hour (002 篇5 §5.2.2).
            later(file.id, .report(.supervisor), from: t, minutes: script.late ? (70, 240) : (10, 55))
        case (.complaint, .major?):
            // Reported up within 12 hours; a clear answer within 2 days (002 篇5 §5.2.1).
            later(file.id, .report(.manager), from: t, minutes: script.late ? (13 * 60, 20 * 60) : (20, 300))
        case (.inquiry, _):
            later(file.id, .resolve, from: t, minutes: script.late ? (50 * 60, 90 * 60) : (20, 30 * 60))
        case (.complaint, _) where script.referred:
            later(file.id, .refer, from: t, minutes: (30, 300))
        default:
            later(file.id, .dispatch, from: t, minutes: (3, 50))
        }
        return file.id
    }

    func later(_ id: CaseID, _ move: Move, from time: Timestamp, minutes: (Int, Int)) {
        schedule(.step(id, move), at: max(time, now).adding(seconds: rng.minutes(minutes.0, minutes.1) + Int.random(in: 0..<60, using: &rng)))
    }

    /// The time a case is given to be worked on, in minutes: within its deadline, or past it.
    func workMinutes(_ file: CaseFile, late: Bool) -> (Int, Int) {
        let limit: Int
        if let due = file.state.deadlines.first(where: { $0.step == "resolve" })?.due {
            limit = max(Int(due.date.timeIntervalSince(now.date) / 60), 30)
        } else {
            switch file.intake.kind {
            case .repair: limit = 14 * 24 * 60
            case .help, .emergency: limit = 6 * 60
            default: limit = 3 * 24 * 60
            }
        }
        // Late work has a long tail: parts on order, an upstairs neighbour away (up to four times
        // the time allowed, and a few weeks for some).
        let tail = rng.chance(0.2) ? 14 * 24 * 60 : 0
        return late ? (limit + 60, limit * 4 + 600 + tail) : (max(limit / 10, 10), max(limit * 8 / 10, 15))
    }

    func step(_ id: CaseID, _ move: Move) throws {
        guard let file = cases[id], let script = scripts[id] else { return }
        let state = file.state
        let actor: Staff
        var event = Event(at: now, by: "", action: .note)
        var summary: String
        var lateReason: String?
        var next: [(Move, (Int, Int))] = []
        switch move {
        case .report(let level):
            guard state.level < level, state.status == .open || state.status == .inProgress else { return }
            actor = member(state.holder)
            event.action = .escalate
            event.level = level
            event.assignee = (level == .manager ? members(.manager).first : members(.supervisor).first)?.id
            event.reason = level == .manager ? "重大投诉报告经理及总经理" : "重要投诉1小时内报告客服主管"
            summary = "escalate to \(level.rawValue)"
            if level == .manager { next.append((.answerOwner, script.late ? (49 * 60, 60 * 60) : (60, 30 * 60))) }
            next.append((.dispatch, (5, 90)))
        case .answerOwner:
            guard state.status.isOpen else { return }
            actor = member(state.holder)
            event.text = "已向业主答复处理方案及时间安排"
            event.ownerInformed = true
            summary = "progress fed back to the owner"
        case .dispatch:
            guard state.status == .open || state.status == .inProgress, state.department == nil else { return }
            actor = member(state.holder)
            let department = script.matter.department ?? .customerService
            event.action = .dispatch
            event.department = department
            event.assignee = handler(for: department).id
            summary = "dispatch to \(department.rawValue)"
            if script.unresolvable {
                next.append((.unresolvable, (8 * 24 * 60, 12 * 24 * 60)))
            } else {
                if script.valid { next.append((.validate, (60, 20 * 60))) }
                if rng.chance(0.3) { next.append((.progress, (60, 8 * 60))) }
                next.append((.resolve, workMinutes(file, late: script.late)))
            }
        case .progress:
            guard state.status == .inProgress else { return }
            actor = member(state.holder)
            event.text = rng.element(["已上门查看，等待配件", "已联系业主约定上门时间", "已安排人员处理，今日内回复业主"])
            event.ownerInformed = rng.chance(0.6) ? true : nil
            summary = event.ownerInformed == true ? "progress fed back to the owner" : "note"
            // Now and then written up hours later from the paper job sheet: a late entry 补录.
            if let last = file.events.last, rng.chance(0.12) {
                let stated = max(last.at.adding(seconds: 60), now.adding(seconds: -rng.minutes(120, 360)))
                if stated.adding(seconds: ws.profile.lateEntryRule.graceSeconds) < now {
                    event.at = stated
                    lateReason = rng.element(["外出维修，纸质派工单返回后补录", "现场处理，回到前台后补录", "系统维护期间先记纸质，恢复后补录"])
                }
            }
        case .validate:
            guard state.status == .open || state.status == .inProgress, state.valid == nil else { return }
            actor = members(.supervisor).first ?? member(state.holder)
            event.action = .reclassify
            event.valid = true
            event.reason = "经核实属公司承诺服务范围，认定为有效投诉"
            summary = "reclassify: valid"
            // Found against the member of staff who handled it (003 篇2 第十二条), where the profile keeps the ladder.
            if ws.profile.accountability != nil, ws.staff[state.holder]?.roles.contains(.system) == false, rng.chance(0.4) {
                event.against = state.holder
                totals.against += 1
                summary = "reclassify: valid, against \(state.holder.rawValue)"
            }
        case .resolve:
            guard state.status == .open || state.status == .inProgress else { return }
            actor = member(state.holder)
            // An emergency's checklist comes first, item by item (001 §5.6.6, §5.6.8, §5.6.9).
            if let type = file.intake.emergency, let item = type.checklist.first(where: { i in !(state.checklist ?? []).contains { $0.item == i } }) {
                event.action = .checklist
                event.item = item
                event.value = item.needsValue ? rng.element(["市第一人民医院（人民路 88 号）", "区中医院急诊科（建设路 12 号）"]) : nil
                summary = "checklist: \(item.rawValue)"
                next.append((.resolve, (5, 40)))
                break
            }
            event.action = .resolve
            event.result = script.matter.result
            if file.intake.kind == .repair || file.intake.kind == .specialService {
                event.customerConfirmed = true
                event.rating = rng.pick([(5, 55), (4, 30), (3, 10), (2, 5)])
            }
            event.revisitsPlanned = try ws.revisitPlan(for: file, resolvedAt: now, second: script.secondRevisit)
            summary = "resolved"
            if let plan = event.revisitsPlanned?.first {
                next.append((.revisit, revisitWindow(plan, late: rng.chance(0.05))))
            } else if !(ws.profile.sampling?.kinds.contains(file.intake.kind) ?? false) {
                next.append((.close, (30, 24 * 60)))
            }
        case .revisit:
            guard state.status == .resolved else { return }
            let plan = state.revisitsPlanned.first { $0.doneAt == nil }
            let rule = plan.map { ($0.by, $0.modes) } ?? Schedule.revisitRule(for: file.intake, profile: ws.profile).map { ($0.by, $0.modes) }
            guard let (roles, modes) = rule else { return }
            actor = visitor(for: file, roles: roles)
            event.action = .revisit
            let valid = file.intake.kind == .complaint && state.valid == true
            event.mode = valid ? .home : (modes.contains(.home) && rng.chance(0.3) ? .home : modes.first ?? .phone)
            let unhappy = script.unsatisfied && state.reopenCount == 0
            event.satisfied = !unhappy
            event.notes = unhappy ? "业主对处理结果不满意，已报告管理处主任" : rng.element(["业主表示满意", "维修质量好，服务及时", "业主满意，建议加强日常巡查"])
            if unhappy {
                event.directorInformed = true
                totals.unsatisfied += 1
            }
            summary = "revisit by \(event.mode?.rawValue ?? ""), \(unhappy ? "unsatisfied" : "satisfied")"
            if unhappy {
                next.append((.resolve, (12 * 60, 3 * 24 * 60)))
            } else if let second = state.revisitsPlanned.dropFirst().first(where: { $0.doneAt == nil }) {
                next.append((.revisit, revisitWindow(second, late: false)))
            } else {
                next.append((.close, (10, 180)))
            }
        case .rectify, .verify:
            guard let made = try specialStep(move, file, script) else { return }
            actor = made.actor
            event = made.event
            summary = made.summary
            next = made.next
        case .close:
            guard state.status == .resolved || state.status == .referred,
                  !state.revisitsPlanned.contains(where: { $0.doneAt == nil }) else { return }
            actor = someone(.csAssistant)
            event.action = .close
            summary = "close"
        case .refer:
            guard state.status == .open || state.status == .inProgress else { return }
            actor = member(state.holder)
            event.action = .refer
            event.agency = rng.element(Roster.agencies)
            summary = "refer to \(event.agency ?? "")"
            next.append((.answerOwner, (10, 120)))
            next.append((.close, (24 * 60, 3 * 24 * 60)))
        case .unresolvable:
            guard state.status == .open || state.status == .inProgress else { return }
            actor = members(.manager).first ?? member(state.holder)
            event.action = .unresolvable
            event.reason = "涉及开发商遗留问题，超出物业服务范围，已书面告知业主"
            summary = "unresolvable"
        }
        event.by = actor.id
        if lateReason != nil { totals.lateEntries += 1 }
        ws.lateReason = lateReason
        defer { ws.lateReason = nil }
        let updated = try ws.record(event, on: file, id: id, actor: actor, summary: summary, clause: Transitions.allowed(event.action).clause)
        counted(updated)
        for (move, minutes) in next { later(id, move, from: now, minutes: minutes) }
    }

    /// When a planned revisit is made: inside its window, or (rarely) after it.
    func revisitWindow(_ plan: PlannedRevisit, late: Bool) -> (Int, Int) {
        let opens = plan.notBefore.map { max(Int($0.date.timeIntervalSince(now.date) / 60) + 60, 30) } ?? 30
        let closes = max(Int(plan.due.date.timeIntervalSince(now.date) / 60) - 30, opens)
        return late ? (closes + 60, closes + 3 * 24 * 60) : (opens, opens + (closes - opens) * 8 / 10)
    }

    /// Who makes a revisit: someone of the roles the plan names (or more senior), at least of the
    /// resolver's level, and the manager in person for a valid complaint (002 篇2 §4.1.3; 000 篇2 §4.7).
    func visitor(for file: CaseFile, roles: [Role]) -> Staff {
        let resolver = file.state.resolution.map { member($0.by).seniority } ?? 0
        let named = roles.map(\.rank).max() ?? 0
        var floor = resolver >= Role.supervisor.rank ? resolver : 0
        if file.intake.kind == .complaint, file.state.valid == true { floor = max(floor, Role.manager.rank) }
        let allowed = ws.staff.staff.filter { s in
            !s.roles.contains(.system) && !Simulator.isContractOffice(s) && s.seniority >= floor && (s.roles.contains(where: roles.contains) || s.seniority > named)
        }
        let department = file.state.department
        if let head = allowed.first(where: { $0.roles.contains(.departmentHead) && $0.department == department }), rng.chance(0.5) { return head }
        let least = allowed.map(\.seniority).min() ?? 0
        let candidates = allowed.filter { $0.seniority == least }
        return candidates.isEmpty ? someone(.csAssistant) : rng.element(candidates)
    }
}
