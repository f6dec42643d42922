import CaseModel
import CasebookEngine
import Foundation
import Procedures

extension Roster {
    /// The assistants' areas 责任区 (buildings), about 1,200 households each: 4–5 visits a working
    /// day cover one within the year (003 九.3).
    static let areas: [String: [String]] = ["chen.jie": ["1", "2", "3"], "liu.yang": ["4", "5", "6"]]
    /// Whom the assistants hand their patrol reports to (003 九.2).
    static let superior: StaffID = "wang.zg"
    /// The estate's units as the simulator draws them: buildings 1–12, three entrances, 33 floors, four doors.
    static let units: [String] = (1...12).flatMap { b in (1...3).flatMap { u in (1...33).flatMap { f in (1...4).map { d in "\(b)-\(u)-\(f)0\(d)" } } } }
    /// The unit whose pipes leak month after month: the recurring problem of the monthly analysis.
    static let troubleUnit = "3-2-1801"
    static let patrolFindings = ["5栋消防通道畅通", "地下车库照明正常", "2栋单元门闭门器已调整", "儿童游乐区设施完好", "垃圾分类点已整理",
                                 "3栋电梯厅地面湿滑，已放置警示牌", "绿化带有烟头，已通知保洁", "外来车辆已引导离开"]
    static let activities = [Matter(summary: "社区中秋游园会", department: .customerService, result: "活动已举办，约百户参加"),
                             Matter(summary: "消防安全知识讲座", department: .customerService, result: "讲座已举办，发放宣传资料"),
                             Matter(summary: "重阳节敬老活动", department: .customerService, result: "活动已举办，走访慰问高龄老人")]
    static let visitNotes = ["宣传垃圾分类", "解答物业费缴纳问题", "收集对绿化的意见", "介绍报修渠道", "宣传消防安全知识", "了解老人居家情况"]
}

/// The customer-service department's daily round (003 九), played through the same workspace
/// steps as `casebook round`: each assistant's patrol report at the end of the working day,
/// reviewed by the supervisor the next morning (now and then after 9:00); four or five household
/// visits a working day in the assistant's area; the monthly summary by the 30th (one missing in
/// the first month); three repairs a month at one unit, and the manager's corrective action
/// from that finding early the next month. Times and texts come from their own stream of the
/// seed, so the requests of the rest of the simulation stay as they were.
extension Simulator {
    enum RoundTask {
        case patrol(StaffID)
        case review(String)
        case visits(StaffID)
        case summary(StaffID, String)
        case corrective(String)
        case activity(StaffID)
    }

    var assistants: [Staff] { members(.csAssistant).filter { Roster.areas[$0.id.rawValue] != nil } }

    func planRound(_ day: String, midnight: Timestamp, working: Bool) {
        guard working else { return }
        let dayOfMonth = Int(day.suffix(2)) ?? 0
        let month = String(day.prefix(7))
        for a in assistants {
            schedule(.round(.visits(a.id)), at: midnight.adding(seconds: 14 * 3600 + roundRng.minutes(0, 30)))
            schedule(.round(.patrol(a.id)), at: midnight.adding(seconds: 17 * 3600 + roundRng.minutes(15, 40)))
            // The summary on a working day from the 26th, once a month; 刘洋 forgets it in the first month.
            if dayOfMonth >= 26, !summarised.contains("\(month) \(a.id.rawValue)") {
                summarised.insert("\(month) \(a.id.rawValue)")
                if a.id == "liu.yang", month == String(firstDay.prefix(7)) { continue }
                schedule(.round(.summary(a.id, month)), at: midnight.adding(seconds: 16 * 3600 + roundRng.minutes(0, 50)))
            }
        }
        // A community activity each month from the 15th, recorded by an assistant and revisited by the sample, by letter.
        if dayOfMonth >= 15, !summarised.contains("activity \(month)"), let organiser = assistants.first {
            summarised.insert("activity \(month)")
            schedule(.round(.activity(organiser.id)), at: midnight.adding(seconds: 15 * 3600 + roundRng.minutes(0, 60)))
        }
        // Early in a month: the manager's corrective action on last month's recurring leak.
        if (2...8).contains(dayOfMonth), let previous = MonthAnalysis.month(month, back: 1), previous >= String(firstDay.prefix(7)),
           !correctedMonths.contains(previous) {
            correctedMonths.insert(previous)
            schedule(.round(.corrective(previous)), at: midnight.adding(seconds: 11 * 3600 + roundRng.minutes(0, 60)))
        }
    }

    func round(_ task: RoundTask) throws {
        switch task {
        case .patrol(let id): try patrol(by: member(id))
        case .review(let path):
            let report = try ws.patrol(path)
            guard report.review == nil, let reviewer = people[report.by].flatMap({ $0.superior }).map(member) else { return }
            try ws.review(patrol: path, by: reviewer, at: now, notes: roundRng.element(["已阅", "已阅，跟进报修", "注意巡查重点"]))
            totals.commits += 1
        case .visits(let id): try visits(by: member(id))
        case .summary(let id, let month):
            guard let due = RoundChange.summaryDue(month: month, rule: ws.profile.roundRule, zone: ws.zone) else { return }
            let summary = MonthlySummary(month: month, by: id, at: now, summary: "本月巡视 \(roundRng.minutes(18, 22) / 60) 天，走访住户若干，跟进报修与投诉",
                                         plan: "下月继续按进度走访责任区住户，跟进遗留问题", due: due, clause: RoundChange.summaryClause)
            try ws.record(summary: summary, by: member(id))
            totals.commits += 1
        case .corrective(let month): try corrective(month)
        case .activity(let id):
            let organiser = member(id)
            let matter = roundRng.element(Roster.activities)
            let intake = Intake(receivedAt: now, channel: .walkIn, kind: .activity, reporter: try seal(name: organiser.name, phone: nil, at: now),
                                summary: matter.summary, firstResponder: organiser.id)
            try open(intake, Script(matter: matter))
        }
    }

    /// The day's patrol report; on the trouble unit's days, its leak raised as a case first.
    func patrol(by a: Staff) throws {
        let day = now.localDay
        var findings = (0..<(roundRng.chance(0.5) ? 2 : 1)).map { _ in PatrolFinding(text: roundRng.element(Roster.patrolFindings), handled: true) }
        let dayOfMonth = Int(day.suffix(2)) ?? 0
        if a.id == "chen.jie", let slot = [20, 13, 6].first(where: { $0 <= dayOfMonth }), !leaks.contains("\(day.prefix(7))-\(slot)") {
            leaks.insert("\(day.prefix(7))-\(slot)")
            let matter = Roster.Matter(summary: "卫生间顶棚渗水", department: .engineering, result: "修补楼上防水层")
            let intake = Intake(receivedAt: now, channel: .patrol, kind: .repair, repairSize: .small, unit: Roster.troubleUnit,
                                reporter: try seal(name: a.name, phone: nil, at: now), summary: matter.summary, firstResponder: a.id)
            let id = try open(intake, Script(matter: matter))
            findings.append(PatrolFinding(text: matter.summary, unit: Roster.troubleUnit, handled: false, case: id))
        }
        let due = try RoundChange.reviewDue(handedInAt: now, rule: ws.profile.roundRule, calendar: ws.calendar)
        let report = PatrolReport(by: a.id, day: day, handedInAt: now, work: "巡视责任区，跟进报修与投诉", findings: findings, reviewDue: due,
                                  clause: RoundChange.patrolClause)
        try ws.handIn(report, by: a)
        totals.commits += 1
        // Returned by 9:00 the next working day; about one in eight after it.
        guard let morning = Timestamp.parse(due.localDay, defaultZone: ws.zone) else { return }
        let late = roundRng.chance(0.12)
        schedule(.round(.review(report.path)), at: morning.adding(seconds: late ? 9 * 3600 + roundRng.minutes(20, 120) : 8 * 3600 + roundRng.minutes(5, 50)))
    }

    /// Four or five households of the assistant's area, none visited yet this year where possible.
    func visits(by a: Staff) throws {
        let area = Roster.units.filter(a.covers)
        guard !area.isEmpty else { return }
        for k in 0..<(roundRng.chance(0.5) ? 5 : 4) {
            var unit = roundRng.element(area)
            for _ in 0..<5 where visited.contains(unit) { unit = roundRng.element(area) }
            visited.insert(unit)
            let id = String(format: "V-%08x", UInt32(truncatingIfNeeded: roundRng.next()))
            let at = now.adding(seconds: -k * 25 * 60)
            try ws.record(visit: HouseholdVisit(id: id, unit: unit, by: a.id, at: at, notes: roundRng.element(Roster.visitNotes), raised: nil), by: a)
            totals.commits += 1
        }
    }

    /// The manager's corrective action 限期整改 on last month's recurring problem (004 §4.5.4),
    /// corrected by engineering and verified by the manager like any non-conformity.
    func corrective(_ month: String) throws {
        let finding = "\(month)/unit/\(Roster.troubleUnit)"
        let analysis = MonthAnalysis.compute(month: month, cases: Array(everything.values), profile: ws.profile, at: now, zone: ws.zone)
        guard analysis.findings.contains(where: { $0.id == finding }), let manager = members(.manager).first else { return }
        let due = try Casebook.InspectionCommand.deadline(now.adding(seconds: 10 * 86_400).localDay, option: "--correct-by", ws: ws, after: now)
        let summary = "\(Roster.troubleUnit) 一月内多次渗水报修，查明楼上防水及管道原因"
        let intake = Intake(receivedAt: now, channel: .inspection, kind: .nonconformity, unit: Roster.troubleUnit,
                            reporter: try seal(name: manager.name, phone: nil, at: now), summary: summary, firstResponder: manager.id,
                            inspection: Inspection(check: .analysis, department: .engineering, correctBy: due, finding: finding))
        let file = try ws.open(intake, by: manager)
        counted(file)
        totals.cases += 1
        totals.nonconformities += 1
        scripts[file.id] = Script(matter: Roster.Matter(summary: summary, department: .engineering, result: "更换楼上卫生间防水层及立管"))
        later(file.id, .rectify, from: now, minutes: (24 * 60, 6 * 24 * 60))
    }
}
