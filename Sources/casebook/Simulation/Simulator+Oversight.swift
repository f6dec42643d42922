import CaseModel
import CasebookEngine
import Foundation
import GitStore
import Procedures

/// The parts of a well-run centre besides requests: reviews and archives, quality checks with their non-conformities,
/// judicial requests, the key-owner and empty-nest registers. Played through the same steps as
/// the commands (`Workspace.open`/`record`, `RegisterCommand.save`), signed by whoever acts.
extension Simulator {
    /// The day's oversight: the supervisor signs yesterday's intake log in the morning (now and
    /// then forgetting, a slip the overview shows); on Mondays the manager reviews last week's
    /// log and the supervisor signs last week's complaint and revisit records; early in the month
    /// an assistant tags the month before as archived.
    func planOversight(_ day: String, midnight: Timestamp, working: Bool) {
        let yesterday = midnight.adding(seconds: -86_400).localDay
        if yesterday >= firstDay {
            schedule(.review(.daily, yesterday), at: midnight.adding(seconds: 9 * 3600 + rng.minutes(5, 90)))
        }
        let lastWeek = midnight.adding(seconds: -7 * 86_400)
        if Reviews.period(.weekly, containing: day, in: ws.zone)?.from == day, yesterday >= firstDay {
            schedule(.review(.weekly, lastWeek.localDay), at: midnight.adding(seconds: 10 * 3600 + rng.minutes(5, 40)))
            schedule(.review(.records, lastWeek.localDay), at: midnight.adding(seconds: 11 * 3600 + rng.minutes(0, 40)))
        }
        let dayOfMonth = Int(day.suffix(2)) ?? 0
        let previousMonth = String(midnight.adding(seconds: -Int(dayOfMonth) * 86_400).localDay.prefix(7))
        if working, (3...9).contains(dayOfMonth), previousMonth >= String(firstDay.prefix(7)), !archivedMonths.contains(previousMonth) {
            archivedMonths.insert(previousMonth)
            schedule(.archive(previousMonth), at: midnight.adding(seconds: 10 * 3600 + rng.minutes(30, 60)))
        }
    }

    /// A review sign-off through the same code as `casebook review`.
    func review(_ kind: ReviewKind, _ day: String) throws {
        let rule = Reviews.rule(kind)
        guard let reviewer = ws.staff.staff.first(where: { s in s.roles.contains(where: rule.by.contains) && !s.roles.contains(.system) }) else { return }
        if kind == .daily {
            guard (arrivals[day] ?? 0) > 0 else { return }
            if rng.chance(0.03) {
                totals.missedReviewDays.append(day)
                return
            }
        }
        let opinion = kind == .weekly ? rng.element(["上周登记完整，跟进及时", "上周记录齐全，2 件需加快处理", "已审阅，注意回访时效"])
            : rng.element(["记录完整", "已审核，跟进中的请按时反馈", "登记规范，无遗漏"])
        let files = everything.values.sorted { $0.id.rawValue < $1.id.rawValue }
        _ = try ws.signReview(kind, day: day, opinion: opinion, as: reviewer.id.rawValue, cases: files)
        totals.reviews += 1
        totals.commits += 1
    }

    /// The month's archive tag through the same code as `casebook archive`.
    func archive(_ month: String) throws {
        guard let archiver = members(.csAssistant).first else { return }
        _ = try ws.archive(month: month, as: archiver.id.rawValue)
        totals.archives += 1
    }

    /// On the first working day from the 15th, the supervisor's monthly check (and at the end of
    /// a quarter the director's quarterly one); in the first month, a police request on the 12th;
    /// two days before the end, a lawyer's request still waiting for the manager's approval on
    /// the last day; on the first day, the registers.
    func planSpecial(_ day: String, midnight: Timestamp, working: Bool) {
        let dayOfMonth = Int(day.suffix(2)) ?? 0
        if day == firstDay { schedule(.registers, at: midnight.adding(seconds: 10 * 3600 + rng.minutes(0, 50))) }
        if working, dayOfMonth >= 15, !inspectedMonths.contains(String(day.prefix(7))) {
            inspectedMonths.insert(String(day.prefix(7)))
            schedule(.inspect(.monthly), at: midnight.adding(seconds: 14 * 3600 + rng.minutes(0, 60)))
            if let month = Int(day.dropFirst(5).prefix(2)), month % 3 == 0 {
                schedule(.inspect(.quarterly), at: midnight.adding(seconds: 15 * 3600 + rng.minutes(10, 60)))
            }
        }
        if working, dayOfMonth >= 12, !judicialPlayed, day.prefix(7) == firstDay.prefix(7) {
            judicialPlayed = true
            schedule(.judicial(.police), at: midnight.adding(seconds: 10 * 3600 + rng.minutes(0, 90)))
        }
        if let last = lastDay, day == last {
            schedule(.judicial(.lawyer), at: midnight.adding(seconds: 9 * 3600 + rng.minutes(30, 90)))
        }
    }

    /// A quality check: one or two findings, each a non-conformity its department corrects by a
    /// date a week ahead (some late), which the inspector then verifies (some failing once).
    func inspect(_ check: InspectionCheck) throws {
        guard let inspector = (check == .monthly ? members(.supervisor) : members(.director)).first else { return }
        for _ in 0..<(rng.chance(0.5) ? 2 : 1) {
            let finding = rng.element(Roster.findings)
            let due = try Casebook.InspectionCommand.deadline(now.adding(seconds: 7 * 86_400).localDay, option: "--correct-by", ws: ws, after: now)
            let intake = Intake(receivedAt: now, channel: .inspection, kind: .nonconformity, unit: finding.place,
                                reporter: try seal(name: inspector.name, phone: nil, at: now), summary: finding.summary,
                                firstResponder: inspector.id, inspection: Inspection(check: check, department: finding.department, correctBy: due))
            let file = try ws.open(intake, by: inspector)
            counted(file)
            totals.cases += 1
            totals.nonconformities += 1
            let late = rng.chance(0.15)
            if late { totals.late += 1 }
            scripts[file.id] = Script(matter: Roster.Matter(summary: finding.summary, department: finding.department, result: finding.correction), late: late)
            let day = 24 * 60
            let window: (Int, Int) = late ? (8 * day, 10 * day) : (day, 5 * day)
            later(file.id, .rectify, from: now, minutes: window)
        }
    }

    /// A non-conformity's correction or verification: the actor,
    /// the event, the commit summary and what follows; nil when the case is past that point.
    func specialStep(_ move: Move, _ file: CaseFile, _ script: Script) throws -> (actor: Staff, event: Event, summary: String, next: [(Move, (Int, Int))])? {
        let state = file.state
        guard state.status.isOpen else { return nil }
        var event = Event(at: now, by: "", action: .note)
        switch move {
        case .rectify:
            let actor = handler(for: file.intake.inspection?.department)
            event.action = .rectify
            event.result = script.matter.result
            return (actor, event, "non-conformity corrected", [(.verify, (4 * 60, 2 * 24 * 60))])
        case .verify:
            let actor = member(file.intake.firstResponder)
            let failedBefore = (state.verifications ?? []).contains { !$0.passed }
            let fails = !failedBefore && rng.chance(0.25)
            event.action = .verify
            event.passed = !fails
            event.notes = fails ? "复查仍有遗留问题，限期再次整改" : "复查合格，关闭报告"
            guard fails else { return (actor, event, "correction verified, report closed", []) }
            let due = try Casebook.InspectionCommand.deadline(now.adding(seconds: 5 * 86_400).localDay, option: "--correct-by", ws: ws, after: now)
            event.deadlines = [Schedule.correction(due: due, since: now, round: Schedule.nextCorrectionRound(of: file))]
            return (actor, event, "correction failed verification", [(.rectify, (24 * 60, 4 * 24 * 60))])
        default:
            return nil
        }
    }

    /// A judicial request at the front desk: the police with the local officer, who signs in
    /// place of the receiver, resolved the same day; a lawyer with letter, licence and power of
    /// attorney, left waiting for the manager's approval.
    func judicial(_ requester: Requester) throws {
        let receiver = someone(.receptionist)
        let police = requester == .police
        let request = police
            ? JudicialRequest(requester: .police, officerName: "张警官", officerBadge: "031" + String(format: "%03d", Int.random(in: 0..<1000, using: &rng)))
            : JudicialRequest(requester: .lawyer, letter: "律介字〔2026〕第 \(Int.random(in: 10...99, using: &rng)) 号",
                              licence: "1310\(Int.random(in: 100_000...999_999, using: &rng))", powerOfAttorney: "委托书 2026-\(Int.random(in: 100...999, using: &rng))",
                              client: .owner)
        let unit = "\(Int.random(in: 1...12, using: &rng))-\(Int.random(in: 1...3, using: &rng))-\(Int.random(in: 1...33, using: &rng))01"
        let intake = Intake(receivedAt: now, channel: .walkIn, kind: .judicial, unit: unit,
                            reporter: try seal(name: police ? "张警官" : "周律师", phone: nil, at: now),
                            summary: police ? "派出所调取业主登记资料" : "律师调取业主缴费记录", firstResponder: receiver.id, judicial: request)
        let file = try ws.open(intake, by: receiver)
        counted(file)
        totals.cases += 1
        totals.judicial += 1
        scripts[file.id] = Script(matter: Roster.Matter(summary: intake.summary, department: .customerService,
                                                        result: police ? "经民警签字后提供登记资料复印件" : "经审批后提供缴费记录"))
        if police { later(file.id, .resolve, from: now, minutes: (20, 90)) }
    }

    /// Three key owners and three empty-nest residents (one very old, visited daily), each with
    /// visits on the profile's schedule.
    func registers() throws {
        guard let rules = ws.profile.registers, let adder = members(.csAssistant).first else { return }
        for rule in rules {
            for n in 0..<3 {
                let aged = rule.register == .emptyNest && n == 0
                let id = rule.register.prefix + "-" + String(format: "%08x", UInt32(truncatingIfNeeded: rng.next()))
                let surname = String(rng.element(Roster.surnames))
                let name = surname + (rule.register == .emptyNest ? rng.element(["奶奶", "爷爷"]) : rng.element(Roster.givenNames))
                let phone = "13\(Int.random(in: 5...9, using: &rng))\(String(format: "%08d", Int.random(in: 0..<100_000_000, using: &rng)))"
                let resident = try seal(name: name, phone: phone, at: now)
                let contacts = rule.register == .emptyNest
                    ? [try seal(name: surname + rng.element(["先生", "女士"]), phone: "13\(Int.random(in: 5...9, using: &rng))\(String(format: "%08d", Int.random(in: 0..<100_000_000, using: &rng)))",
                                at: now, residentPhone: .some(phone))]
                    : nil
                let (days, clause) = rule.schedule(aged: aged)
                let unit = "\(Int.random(in: 1...12, using: &rng))-\(Int.random(in: 1...3, using: &rng))-\(Int.random(in: 1...33, using: &rng))0\(Int.random(in: 1...4, using: &rng))"
                let entry = RegisterEntry(register: rule.register, id: id, unit: unit, resident: resident,
                                          reason: rule.register == .keyOwner ? "长期在外，委托管理处保管钥匙" : "独居，子女在外地",
                                          aged: rule.register == .emptyNest ? aged : nil, emergencyContacts: contacts,
                                          visitEveryDays: days, clause: clause, addedBy: adder.id, addedAt: now)
                try Casebook.RegisterCommand.save(entry, old: nil, by: adder, at: now, in: ws, subject: "added (\(unit), every \(days) d)", action: "register-add")
                totals.commits += 1
                totals.registered += 1
                scheduleVisit(id, every: days, from: now)
            }
        }
    }

    /// The next visit a day or so before it falls due.
    func scheduleVisit(_ id: String, every days: Int, from time: Timestamp) {
        let lead = days > 1 ? rng.minutes(6 * 60, 20 * 60) : rng.minutes(30, 3 * 60)
        schedule(.visit(id), at: time.adding(seconds: days * 86_400 - lead))
    }

    /// A register visit through the same code as `casebook register visit`.
    func visit(_ id: String) throws {
        guard let register = RegisterKind.allCases.first(where: { RegisterEntry.isWellFormed(id, $0) }),
              let rule = ws.profile.registers?.first(where: { $0.register == register }) else { return }
        let path = RegisterEntry.path(register, id: id)
        let old = try Workspace.record(RegisterEntry.self, path, in: ws.repo, at: ws.base, missing: Failure(key: "doesNotExist", path))
        guard let visitor = ws.staff.staff.first(where: { s in s.roles.contains(where: rule.by.contains) && s.roles.contains(.csAssistant) })
            ?? ws.staff.staff.first(where: { s in s.roles.contains(where: rule.by.contains) }) else { return }
        var entry = old
        let mode: RevisitMode = rng.chance(0.6) ? .home : .phone
        entry.visits.append(RegisterVisit(at: now, by: visitor.id, mode: mode, notes: rng.element(["身体状况良好", "生活正常，提醒注意用电安全", "钥匙保管完好，房屋无异常"])))
        try Casebook.RegisterCommand.save(entry, old: old, by: visitor, at: now, in: ws, subject: "visit (\(mode.rawValue))", action: "register-visit")
        totals.commits += 1
        totals.registerVisits += 1
        scheduleVisit(id, every: old.visitEveryDays, from: now)
    }
}
