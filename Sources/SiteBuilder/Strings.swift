import CaseModel

/// A language the dashboard is written in.
public enum Language: String, CaseIterable, Sendable {
    /// 简体中文
    case zhHans = "zh-Hans"
    case en
}

/// Every label of the dashboard, in every language: one table, one entry per key with all its
/// translations side by side, so a label cannot exist in one language only. Pages read the
/// plain keys as `s["key"]`; the vocabulary of the procedures (kinds, levels, …) has dotted keys
/// (`kind.complaint`) read through `Strings.label(_:)`.
public struct Strings: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    /// The label for `key`; the key itself if the table lacks it (a test keeps that from happening).
    public subscript(key: String) -> String {
        guard let entry = Strings.table[key] else { return key }
        switch language {
        case .zhHans: return entry.zh
        case .en: return entry.en
        }
    }

    /// The whole table in this language, for templates.
    public var all: [String: String] {
        Strings.table.mapValues { language == .zhHans ? $0.zh : $0.en }
    }

    // MARK: - The vocabulary of the procedures

    public func kind(_ k: Kind) -> String { self["kind." + k.rawValue] }
    public func severity(_ s: Severity) -> String { self["severity." + s.rawValue] }
    public func repairSize(_ s: RepairSize) -> String { self["repairSize." + s.rawValue] }
    public func channel(_ c: Channel) -> String { self["channel." + c.rawValue] }
    public func status(_ s: Status) -> String { self["status." + s.rawValue] }
    public func level(_ l: Level) -> String { self["level." + l.rawValue] }
    public func department(_ d: Department?) -> String { d.map { self["department." + $0.rawValue] } ?? self["unassigned"] }
    public func role(_ r: Role) -> String { self["role." + r.rawValue] }
    public func mode(_ m: RevisitMode) -> String { self["mode." + m.rawValue] }
    public func action(_ a: Action) -> String { self["action." + a.rawValue] }
    /// A deadline's step (`report`, `hand-over`, `answer`, `resolve`) or `ladder`.
    public func step(_ s: String) -> String {
        // A correction asked for again (rectify-2, rectify-3 …) reads as the first.
        if s.hasPrefix("rectify-"), let round = Int(s.dropFirst(8)) { return self["step.rectify"] + " (\(round))" }
        return Strings.table["step." + s] == nil ? s : self["step." + s]
    }
    public func signature(_ s: SignatureStatus) -> String { self["signature." + s.rawValue] }

    /// A kind with its grade: 投诉（重要）, repair (medium).
    public func kindWithGrade(_ i: Intake) -> String {
        let grade = i.severity.map(severity) ?? i.repairSize.map(repairSize)
        guard let grade else { return kind(i.kind) }
        return language == .zhHans ? "\(kind(i.kind))（\(grade)）" : "\(kind(i.kind)) (\(grade))"
    }

    /// `list` joined the way the language writes lists: 、 or `, `.
    public func list(_ items: [String]) -> String {
        items.joined(separator: language == .zhHans ? "、" : ", ")
    }

    /// The title of a paper form: 《投诉登记处理记录》 / Complaint registration and handling record.
    public func formTitle(_ key: String) -> String {
        language == .zhHans ? "《\(self[key])》" : self[key]
    }

    /// A length of time: 2天3小时 / 2 d 3 h; under an hour in minutes.
    public func duration(seconds: Int) -> String {
        let s = max(seconds, 0)
        let days = s / 86_400, hours = s % 86_400 / 3600, minutes = s % 3600 / 60
        let zh = language == .zhHans
        if days > 0 { return zh ? "\(days)天\(hours)小时" : "\(days) d \(hours) h" }
        if hours > 0 { return zh ? "\(hours)小时\(minutes)分" : "\(hours) h \(minutes) min" }
        return zh ? "\(minutes)分钟" : "\(minutes) min"
    }

    // MARK: - The table

    /// key → (简体中文, English): the dashboard's labels and the desk's (`desk`, in
    /// DeskStrings.swift; a test keeps their keys apart).
    static let table: [String: (zh: String, en: String)] = pages.merging(desk) { page, _ in page }.merging(refusals) { page, _ in page }
        .merging(calendar) { page, _ in page }
        .merging(messages) { page, _ in page }.merging(signatures) { page, _ in page }
        .merging(procedures) { page, _ in page }
        .merging(notify) { page, _ in page }
        .merging(host) { page, _ in page }
        .merging(company) { page, _ in page }
        .merging(round) { page, _ in page }
        .merging(layout) { page, _ in page }
        .merging(contracts) { page, _ in page }

    /// The dashboard's labels and the vocabulary of the procedures.
    static let pages: [String: (zh: String, en: String)] = [
        // Navigation and page titles
        "overview": ("总览", "Overview"),
        "openCases": ("未结案件", "Open cases"),
        "overdue": ("超时升级", "Overdue escalations"),
        "revisits": ("回访安排", "Revisit schedule"),
        "monthlyReport": ("月度报表", "Monthly report"),
        "monthlyReports": ("月度报表", "Monthly reports"),
        "casePage": ("案件", "Case"),
        "generatedAt": ("生成时间", "Generated"),
        "timeZone": ("时区", "Time zone"),
        "feeds": ("数据", "Data"),
        "skipToContent": ("跳到正文", "Skip to content"),
        "none": ("无。", "None."),
        "all": ("全部", "All"),
        "shown": ("显示", "Showing"),
        "of": ("/", "of"),
        "filterUnit": ("房号", "Unit"),
        "filterHint": ("输入房号开头筛选", "type the start of a unit"),
        "sortHint": ("点击表头排序", "click a column heading to sort"),
        "reset": ("清除筛选", "Clear filters"),
        // Overview
        "needsAction": ("今日需处理", "Needs action today"),
        "overdueSteps": ("已超时的时限", "Deadlines overdue"),
        "dueSoon": ("24小时内到期", "Due within 24 hours"),
        "revisitsDue": ("今日到期或逾期的回访", "Revisits due today or late"),
        "thisMonth": ("本月数据", "This month"),
        "received": ("本月受理", "Received"),
        "openCount": ("未结", "Open"),
        "onTimeRate": ("处理及时率", "On-time rate"),
        "revisitRate": ("回访率", "Revisit rate"),
        "requiredRate": ("要求回访率", "Required rate"),
        "satisfaction": ("满意率", "Satisfaction"),
        "fullReport": ("查看完整月报", "Full monthly report"),
        "openByKind": ("未结案件按类别", "Open cases by kind"),
        "openByDepartment": ("按责任部门", "By department"),
        "openByLevel": ("按处理层级", "By escalation level"),
        "count": ("件数", "Cases"),
        "onTimeFormula": ("处理及时率 = 按时处理件数 ÷ 全部件数 × 100%（未到期的时限计为按时）",
                          "On-time rate = cases handled on time ÷ all cases × 100 % (deadlines not yet due count as on time)"),
        // Columns
        "id": ("编号", "Id"),
        "kind": ("类别", "Kind"),
        "severity": ("等级", "Severity"),
        "status": ("状态", "Status"),
        "department": ("责任部门", "Department"),
        "level": ("处理层级", "Level"),
        "holder": ("处理人", "Holder"),
        "unit": ("房号", "Unit"),
        "reporter": ("反映人", "Reporter"),
        "matter": ("事由", "Matter"),
        "details": ("详细情况", "Details"),
        "receivedAt": ("受理时间", "Received"),
        "closedAt": ("关闭时间", "Closed"),
        "channel": ("诉求方式", "Channel"),
        "firstResponder": ("首问责任人", "First responsible"),
        "nextDue": ("最近期限", "Next deadline"),
        "step": ("时限", "Deadline"),
        "due": ("期限", "Due"),
        "dueSince": ("超时起于", "Late since"),
        "lateBy": ("已超时", "Late by"),
        "clause": ("依据", "Clause"),
        "standing": ("情况", "Standing"),
        "shouldHold": ("按规定应由", "Should be held by"),
        "needsEscalation": ("需升级", "needs escalation"),
        "time": ("时间", "Time"),
        "by": ("人员", "By"),
        "action": ("动作", "Action"),
        "detail": ("内容", "Detail"),
        "commit": ("提交", "Commit"),
        "author": ("作者", "Author"),
        "signature": ("签名", "Signature"),
        "who": ("回访人", "Who revisits"),
        "modes": ("回访方式", "Modes"),
        "source": ("来源", "Source"),
        "sourcePlan": ("回访计划", "Plan"),
        "sourceSample": ("月度抽样", "Monthly sample"),
        "done": ("已完成", "Done"),
        "pending": ("待回访", "To do"),
        "satisfied": ("满意", "Satisfied"),
        "unsatisfied": ("不满意", "Unsatisfied"),
        "notes": ("记录", "Notes"),
        "mode": ("方式", "Mode"),
        "cases": ("件数", "Cases"),
        "onTime": ("按时", "On time"),
        "resolved": ("已处理", "Resolved"),
        "revisited": ("已回访", "Revisited"),
        "revisitCount": ("回访次数", "Revisits"),
        "satisfiedCount": ("满意次数", "Satisfied"),
        "total": ("合计", "Total"),
        // Overdue page
        "overdueIntro": ("每一条为一个已超时的时限或应升级未升级的案件：超时起于期限时间；应由层级取处理时限的上报要求与逐级上报的较高者。",
                         "Each row is a deadline passed unmet, or a case the ladder says should have gone up: late since the due time; the level that should hold it is the higher of the deadline's escalation and the ladder."),
        "noOverdue": ("没有超时的案件。", "No case is overdue."),
        "oversightMissing": ("逾期未做的审核与归档", "Reviews and archives past due"),
        "noOversightMissing": ("审核与归档均已按时完成。", "Every review and archive is done."),
        "oversightWhat": ("事项", "What"), "period": ("期间", "Period"), "casesCovered": ("案件数", "Cases"), "signers": ("签署人", "Who signs"),
        "review.daily": ("客服主管每日审核《接待业主情况记录》", "Supervisor's daily review of the intake log"),
        "review.weekly": ("经理每周一审核上周《接待业主情况记录》", "Manager's Monday review of last week's intake log"),
        "review.records": ("客服主管每周审核投诉及回访记录并签署意见", "Supervisor's weekly sign-off of complaint and revisit records"),
        "archiveMonth": ("月度记录归档（下月10日前）", "Monthly archive (before the 10th of next month)"),
        // Revisits page
        "lateRevisits": ("已逾期的回访", "Late revisits"),
        "next14Days": ("未来14天", "The next 14 days"),
        "registerVisits": ("重点业主及空巢老人走访", "Key owners and empty-nest elderly: visits"),
        "registerVisitsDue": ("今日应走访的重点业主及空巢老人", "Key owners and empty-nest elderly to visit today"),
        "register": ("名册", "Register"), "register.key-owner": ("重点业主", "key owner"), "register.empty-nest": ("空巢老人", "empty-nest elderly"),
        "resident": ("住户", "Resident"), "emergencyContacts": ("紧急联系人", "Emergency contacts"), "lastVisit": ("上次走访", "Last visit"),
        "visitEvery": ("走访频率", "Visited"), "registerVisitEvent": ("走访", "Visit"),
        "special.inspection": ("质量检查", "Quality check"), "special.correctBy": ("整改期限", "correct by"),
        "special.verification": ("验证", "Verification"), "special.passed": ("合格", "passed"), "special.failed": ("不合格，重新整改", "failed, to be corrected again"),
        "special.missing": ("未记录", "not recorded"), "special.requester": ("来访单位", "Requester"),
        "special.officer": ("陪同民警（接待人栏签字）", "Accompanying officer (signs as receiver)"), "special.badge": ("警号", "badge"),
        "special.documents": ("介绍信/执业资格证/委托书", "Letter / licence / power of attorney"), "special.approval": ("审批", "Approval"),
        "special.notApproved": ("未审批：不得提供资料", "not approved: nothing may be released"),
        "check.monthly": ("月度检查", "monthly check"), "check.quarterly": ("季度检查", "quarterly check"), "check.yearly": ("年度检查", "yearly check"),
        "item.called-120": ("拨打120", "120 called"), "item.security-meets-ambulance": ("通知安防人员入口接应", "security told to meet the ambulance"),
        "item.hospital": ("送往医院", "hospital"), "item.relatives-told": ("通知病人亲属", "relatives told"),
        "item.scene-guarded": ("现场警戒监控", "scene guarded"), "item.emergency-plan": ("启动应急处理预案", "emergency plan started"),
        "item.called-110": ("报110", "110 called"), "item.fire-plan": ("按消防预案处置", "fire plan followed"),
        "requester.police": ("公安机关", "police"), "requester.procuratorate": ("检察机关", "procuratorate"),
        "requester.discipline": ("纪检机构", "discipline inspection body"), "requester.lawyer": ("律师", "lawyer"),
        "client.owner": ("业主本人委托", "for the owner"), "client.other": ("其他单位委托", "for another party"),
        "accountability": ("员工有效投诉问责", "Staff accountability"),
        "accountabilityNote": ("仅供经理查阅：每位员工每年被有效投诉的次数及相应处理。", "For managers only: valid complaints against each member of staff per calendar year, and what follows."),
        "staffMember": ("员工", "Staff member"), "validComplaints": ("有效投诉", "Valid complaints"), "consequence": ("处理", "Consequence"),
        "complaintCases": ("投诉案件", "Complaints"),
        "consequence.talk": ("诫勉谈话", "a talk"), "consequence.public-criticism": ("通报批评并书面检查", "public criticism and a written self-review"),
        "consequence.fails-assessment": ("年度考核不合格", "fails the annual assessment"), "consequence.suspension": ("停职", "suspension"),
        "noRevisits": ("当天没有回访。", "No revisits that day."),
        "later": ("14天以后", "Later"),
        "sampleTitle": ("本月回访抽样与抽查", "This month's revisit sample and spot checks"),
        "sampleOf": ("回访抽样", "Revisit sample"),
        "spotChecks": ("回访抽查", "Spot checks of revisits"),
        "sampledRevisits": ("日常工作抽样回访", "Sampled revisits of routine work"),
        "sampledIntro": ("本月完成的日常维修、求助等按比例抽样回访；每件抽中的回访须在其回访时限内完成。", "Routine repairs, help requests and the like finished this month are revisited at the profile's rate; each sampled revisit is due inside its window."),
        "sampledFinished": ("本月完成", "Finished"),
        "sampledDrawn": ("已抽样", "Drawn"),
        "sampledRate": ("抽样率", "Rate"),
        "sampledRequired": ("要求", "Required"),
        "sampledRevisited": ("已回访", "Revisited"),
        "sampledInsideWindow": ("时限内回访", "Inside window"),
        "population": ("总体", "Population"),
        "selected": ("抽中", "Selected"),
        "checker": ("抽查部门", "Checked by"),
        "seed": ("种子", "Seed"),
        "noSample": ("本月尚未抽样（casebook sample --month）。", "No sample drawn for this month yet (casebook sample --month)."),
        "weekday.1": ("星期日", "Sunday"), "weekday.2": ("星期一", "Monday"), "weekday.3": ("星期二", "Tuesday"),
        "weekday.4": ("星期三", "Wednesday"), "weekday.5": ("星期四", "Thursday"), "weekday.6": ("星期五", "Friday"),
        "weekday.7": ("星期六", "Saturday"),
        "today": ("今天", "today"),
        // Case page
        "intake": ("受理登记", "Intake"),
        "deadlines": ("处理时限", "Deadlines"),
        "noDeadlines": ("此类案件没有固定时限。", "No fixed deadline for this kind of case."),
        "revisitPlan": ("回访计划", "Revisits planned"),
        "revisitRecords": ("回访记录", "Revisit records"),
        "noRevisitRecords": ("尚无回访记录。", "No revisit yet."),
        "resolution": ("处理结果", "Result"),
        "referral": ("转相关部门", "Referred to"),
        "unresolvableReason": ("无法处理原因", "Reason it cannot be resolved"),
        "timeline": ("处理过程", "Timeline"),
        "customerConfirmed": ("业主确认", "confirmed by the customer"),
        "rating": ("评分", "rating"),
        "ownerInformed": ("已告知业主", "owner informed"),
        "directorInformed": ("已报管理处主任", "director informed"),
        "valid": ("有效投诉", "valid complaint"),
        "invalid": ("无效投诉", "invalid complaint"),
        "met": ("按时完成", "met on time"),
        "metLate": ("逾期完成", "met late"),
        "notDue": ("未到期", "not yet due"),
        "overdueNow": ("已超时", "overdue"),
        "breachRecorded": ("已记录超时", "breach recorded"),
        // Late entries 补录 (002 篇1 §4.2): a step recorded after the fact keeps both times.
        "lateEntry": ("补录", "late entry"),
        "lateEntryDetail": ("补录：{0} 登记，原因：{1}", "late entry: recorded {0}, reason: {1}"),
        "lateEntryRecorded": ("补录：{0} 登记", "late entry: recorded {0}"),
        "lateEntries": ("补录", "Late entries"),
        "lateEntriesIntro": ("事后登记的步骤（补录）：事件时间早于登记时间超过宽限期。及时率按事件时间与按登记时间各算一次。",
                             "Steps recorded after the fact (late entries): stated earlier than recorded by more than the grace. The on-time rate is given by the stated times and by the recording times."),
        "noLateEntries": ("本月没有补录。", "No late entry this month."),
        "onTimeRateRecorded": ("处理及时率（按登记时间）", "On-time rate (as recorded)"),
        "onTimeRateStated": ("处理及时率（按事件时间）", "On-time rate (as stated)"),
        "person": ("人员", "Person"),
        "recordedAt": ("登记时间", "Recorded"),
        "statedAt": ("事件时间", "Stated"),
        "lateReason": ("补录原因", "Reason"),
        "reviewLateEntries": ("当日补录 {0} 条：", "{0} late entries recorded that day:"),
        "printForm": ("打印登记表", "Print the record form"),
        // Printed forms (《投诉登记处理记录》, 《接待业主情况记录》, 《回访记录表》)
        "formComplaint": ("投诉登记处理记录", "Complaint registration and handling record"),
        "formReception": ("接待业主情况记录", "Owner reception record"),
        "formRevisit": ("回访记录表", "Revisit record"),
        "formNumber": ("编号", "No."),
        "colon": ("：", ": "),
        "formProcess": ("处理过程", "Handling"),
        "formResult": ("处理结果", "Result"),
        "formRevisitRecord": ("回访记录", "Revisit record"),
        "formSignatures": ("签字栏", "Signatures"),
        "formReceiver": ("受理人", "Received by"),
        "formHandler": ("处理人", "Handled by"),
        "formSupervisor": ("主管意见", "Supervisor's opinion"),
        "formOwner": ("业主签名", "Owner's signature"),
        "formDate": ("日期", "Date"),
        "formRevisitor": ("回访人", "Revisited by"),
        "formRevisitTime": ("回访时间", "Revisit time"),
        "formRevisitMode": ("回访方式", "Revisit mode"),
        "formRevisitContent": ("回访内容（质量、效果、满意度、不足、建议）", "Content (quality, effect, satisfaction, shortcomings, suggestions)"),
        "formOpinion": ("审核意见", "Reviewer's opinion"),
        // Report page
        "reportIntro": ("本月受理的案件，按受理时间统计。", "Cases received in the month, by intake time."),
        "byKind": ("按类别", "By kind"),
        "byDepartment": ("按责任部门", "By department"),
        "complaintsBySeverity": ("投诉按等级", "Complaints by severity"),
        "chartOnTimeByKind": ("各类别处理及时率", "On-time rate by kind"),
        "chartOnTimeByDepartment": ("各部门处理及时率", "On-time rate by department"),
        "asOf": ("统计至", "as of"),
        "noCases": ("没有案件。", "No cases."),
        // Feeds
        "overdueFeed": ("超时案件", "Overdue cases"),
        "revisitCalendar": ("回访日历", "Revisit calendar"),
        "revisitEvent": ("回访", "Revisit"),
        "unassigned": ("未分派", "unassigned"),
        // Vocabulary
        "kind.complaint": ("投诉", "complaint"), "kind.suggestion": ("建议", "suggestion"), "kind.opinion": ("意见", "opinion"), "kind.help": ("求助", "help request"),
        "kind.coordination": ("协调", "coordination"), "kind.repair": ("报修", "repair"), "kind.inquiry": ("咨询", "inquiry"),
        "kind.special-service": ("特约服务", "special service"), "kind.emergency": ("紧急求助", "emergency"),
        "kind.neighbour-dispute": ("邻居纠纷", "neighbour dispute"), "kind.judicial": ("司法调查", "judicial request"),
        "kind.nonconformity": ("不合格项", "non-conformity"),
        "severity.major": ("重大", "major"), "severity.important": ("重要", "important"), "severity.minor": ("轻微", "minor"),
        "repairSize.small": ("小修", "small"), "repairSize.medium": ("中修", "medium"), "repairSize.large": ("大修", "large"),
        "channel.phone": ("电话", "phone"), "channel.walk-in": ("亲临现场", "walk-in"), "channel.letter": ("信函", "letter"),
        "channel.online": ("网络", "online"), "channel.email": ("邮件", "email"), "channel.government": ("政府部门转办", "from a government department"),
        "channel.inspection": ("检查发现", "found in a quality check"),
        "status.open": ("已登记", "open"), "status.in-progress": ("处理中", "in progress"), "status.resolved": ("已处理", "resolved"),
        "status.closed": ("已关闭", "closed"), "status.referred": ("已转相关部门", "referred"), "status.unresolvable": ("无法处理", "unresolvable"),
        "level.desk": ("前台", "desk"), "level.supervisor": ("客服主管", "supervisor"), "level.manager": ("经理", "manager"),
        "department.customer-service": ("客服部", "customer service"), "department.engineering": ("工程部", "engineering"),
        "department.security": ("护管部", "security"), "department.environment": ("环境部", "environment"),
        "role.receptionist": ("前台接待员", "receptionist"), "role.auditor": ("审计", "auditor"), "role.cs-assistant": ("客服助理", "customer-service assistant"),
        "role.supervisor": ("客服主管", "supervisor"), "role.manager": ("经理", "manager"), "role.director": ("管理处主任", "director"),
        "role.general-manager": ("总经理", "general manager"), "role.department-head": ("部门负责人", "department head"),
        "role.engineer": ("维修工", "engineer"), "role.system": ("系统", "system"),
        "role.quality-inspector": ("品质管理员", "quality inspector"),
        "role.company-management": ("公司管理部", "company management department"),
        "role.quality-management": ("品质管理部", "quality management department"),
        "role.general-office": ("总经办", "general manager's office"),
        "mode.home": ("家访", "home visit"), "mode.phone": ("电话", "phone"), "mode.letter": ("信访", "letter"), "mode.online": ("网络", "online"),
        "action.open": ("受理", "opened"), "action.dispatch": ("派单", "dispatched"), "action.note": ("跟进", "note"),
        "action.escalate": ("上报", "escalated"), "action.resolve": ("处理完毕", "resolved"), "action.revisit": ("回访", "revisited"),
        "action.close": ("关闭", "closed"), "action.reopen": ("重新处理", "reopened"), "action.refer": ("转相关部门", "referred"),
        "action.unresolvable": ("无法处理", "unresolvable"), "action.reclassify": ("重新分类", "reclassified"),
        "action.breach": ("超时", "deadline missed"), "action.reschedule": ("时限重算", "deadlines recomputed"), "action.correct": ("更正", "corrected"),
        "action.reveal": ("查看联系方式", "contact revealed"), "action.erased": ("个人信息已删除", "personal data erased"),
        "action.rectify": ("整改", "corrected"), "action.verify": ("验证", "verified"), "action.checklist": ("处置记录", "checklist item done"),
        "action.approve": ("审批", "approved"),
        "step.report": ("上报", "report"), "step.hand-over": ("移交责任人", "hand over"), "step.answer": ("答复业主", "answer the owner"),
        "step.resolve": ("处理完毕", "resolve"), "step.ladder": ("逐级上报", "escalation ladder"),
        "step.rectify": ("整改", "correct the non-conformity"),
        "signature.good": ("签名有效", "good signature"), "signature.bad": ("签名无效", "bad signature"),
        "signature.not-registered": ("非登记密钥", "key not registered"),
        "signature.signed": ("已签名", "signed"), "signature.unsigned": ("未签名", "unsigned"), "signature.unknown": ("未知", "unknown"),
    ]
}
