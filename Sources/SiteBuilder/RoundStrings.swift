import Procedures

extension Strings {
    /// The daily round (003 九) and the monthly analysis's findings and corrective actions
    /// (004 §4.5.4): refusals, the commands' lines and failures, and the dashboard's labels, in
    /// both languages; merged into `Strings.table`.
    static let round: [String: (zh: String, en: String)] = [
        // Terms
        "channel.patrol": ("巡视发现", "found on patrol"), "channel.visit": ("走访反映", "raised on a household visit"),
        "kind.activity": ("社区活动", "community activity"),
        "check.analysis": ("月度分析整改", "monthly analysis"),
        // The commands
        "failure.badRaise": ("{0}：“{1}”应写成“类别[/等级][@房号] 内容”，例如 repair@3-2-1801 楼道灯不亮", "{0}: '{1}' is not 'KIND[/GRADE][@UNIT] TEXT', e.g. repair@3-2-1801 楼道灯不亮"),
        "failure.roundExists": ("{0} 已存在：一天一份日报表、一月一份总结", "{0} already exists: one patrol report a day, one summary a month"),
        "failure.badPatrol": ("“{0} {1}”：应为员工编号和日期 YYYY-MM-DD", "'{0} {1}': a staff id and a day YYYY-MM-DD"),
        "round.reviewedLate": ("已审阅，但晚于期限 {0}（逾期）", "reviewed after its due time {0} (overdue)"),
        "round.summaryLate": ("已上报，但晚于期限 {0}（逾期）", "handed in after its due time {0} (overdue)"),
        "round.overdueReview": ("逾期：{0} 的 {1} 巡视日报表未在 {2} 前审阅", "OVERDUE: patrol report of {0} for {1} not reviewed by {2}"),
        "round.missingSummary": ("逾期：{0} 未上报 {1} 的月度工作总结及计划（期限 {2}）", "OVERDUE: no monthly summary of {0} for {1} (due {2})"),
        "round.coverage": ("{0}：今年已走访 {1}/{2} 户，按进度应走访 {3} 户", "{0}: visited {1} of {2} households this year, {3} needed by now"),
        "round.coverageBehind": ("{0}：今年已走访 {1}/{2} 户，按进度应走访 {3} 户（落后）", "{0}: visited {1} of {2} households this year, {3} needed by now (behind)"),
        // The monthly analysis (casebook report)
        "analysis.workOrders": ("维修单：本月完成 {0}，客户签名确认 {1}，客户评价 {2}（004 §4.5.2）", "work orders: {0} resolved, {1} signed by the customer, {2} rated (004 §4.5.2)"),
        "analysis.findings": ("突出问题与指标波动（004 §4.5.4）", "recurring problems and swinging indicators (004 §4.5.4)"),
        "analysis.none": ("无", "none"),
        "analysis.noAction": ("未采取整改措施", "no corrective action"),
        "analysis.recurs": ("{0} 件（阈值 {1}）", "{0} problems (threshold {1})"),
        "analysis.rise": ("{0} 件，前几个月平均 {1} 件", "{0} problems against {1} a month before"),
        "analysis.swing.on-time": ("及时率 {0}，前几个月平均 {1}", "on-time rate {0} against {1}"),
        "analysis.swing.satisfaction": ("满意率 {0}，前几个月平均 {1}", "satisfaction {0} against {1}"),
        "analysis.swing.revisit": ("回访率 {0}，前几个月平均 {1}", "revisit rate {0} against {1}"),
        "corrective.open": ("整改中", "being corrected"), "corrective.overdue": ("整改逾期", "correction overdue"),
        "corrective.corrected": ("已整改，待验证", "corrected, awaiting verification"), "corrective.verified": ("已验证关闭", "verified, closed"),
        // today
        "today.reviewPatrol": ("审阅巡视日报表", "review patrol report"),
        "today.summary": ("月度工作总结及计划", "monthly summary and plan"),
        "today.followUp": ("跟进昨日项目", "follow up yesterday's job"),
        // The dashboard: the round page and the report's findings
        "roundNav": ("巡视走访", "Daily round"), "round.title": ("客服日常巡视走访", "The daily round"),
        "roundPatrols": ("巡视日报表", "Patrol reports"),
        "roundPatrolsNote": ("下班前交上级审阅，第二天九时取回；未按时审阅的标为逾期。", "Handed to the superior before leaving and returned at 9:00 the next working day; those not reviewed in time are marked overdue."),
        "roundDay": ("日期", "Day"), "roundHandedIn": ("上交时间", "Handed in"), "roundReviewDue": ("审阅期限", "Review due"),
        "roundStanding": ("状态", "Standing"), "roundReviewer": ("审阅人", "Reviewed by"), "roundFindings": ("发现问题", "Findings"),
        "round.notReviewed": ("逾期未审阅", "not reviewed, overdue"), "round.awaitingReview": ("待审阅", "awaiting review"),
        "round.reviewed": ("已审阅", "reviewed"), "round.reviewedLatePage": ("已审阅（逾期）", "reviewed late"),
        "roundCoverage": ("走访覆盖（今年）", "Household visits this year"),
        "round.paceNote": ("每天走访 {0} 户以上，一年内走访完责任区内全部住户；“应走访”为按全年进度到今天应走访的户数。",
                           "At least {0} households a day, every household of one's area within the year; 'needed' is how many the year's pace asks for by today."),
        "roundHouseholds": ("责任区户数", "Households in area"), "roundVisited": ("已走访户数", "Visited"), "roundNeeded": ("按进度应走访", "Needed by now"),
        "roundVisits": ("走访次数", "Visits"),
        "roundSummaries": ("月度工作总结及计划", "Monthly summaries and plans"),
        "roundSummariesNote": ("每月30日前上报（月份较短时为当月最后一天）。", "Due by the 30th (the month's last day when it is shorter)."),
        "roundMonth": ("月份", "Month"), "roundDue": ("期限", "Due"), "round.missing": ("未上报（逾期）", "missing (overdue)"),
        "analysisFindings": ("突出问题与指标波动", "Recurring problems and swinging indicators"),
        "analysisFinding": ("结果", "Finding"), "analysisWhat": ("情况", "What"), "analysisCases": ("案件", "Cases"),
        "analysisActions": ("整改措施", "Corrective actions"), "analysisNoAction": ("未采取整改措施", "no corrective action"),
        "analysis.all": ("全部", "all"),
        "analysis.dimension.unit": ("同一房号", "unit"), "analysis.dimension.building": ("同一楼栋", "building"),
        "analysis.dimension.kind": ("同一类别", "kind"), "analysis.dimension.department": ("同一部门", "department"),
        "analysis.dimension.on-time": ("及时率", "on-time rate"), "analysis.dimension.satisfaction": ("满意率", "satisfaction"),
        "analysis.dimension.revisit": ("回访率", "revisit rate"),
        // The hooks
        "check.roundDeleted": ("巡视走访记录不得删除或改名 [规则 append-only；003 九]", "round records are never deleted or renamed [rule append-only; 003 九]"),
        "check.roundPath": ("{0}：不是巡视日报表、走访或月度总结的路径 [规则 path；003 九]", "{0}: not the path of a patrol report, visit or monthly summary [rule path; 003 九]"),
        // Refusals (Rules/RoundRules.swift)
        "refusal.nonconformity.finding": ("月度分析的整改措施须注明所依据的分析结果（且只有它注明）", "a corrective action of the monthly analysis names its finding, and only it"),
        "failure.noFinding": ("--from：“{0}”不是该月统计分析中的一项结果（casebook report --month）", "--from: '{0}' is not a finding of its month's analysis (casebook report --month)"),
        "refusal.round.path": ("记录应位于 {0}", "the record must be at {0}"),
        "refusal.round.fixed": ("巡视日报表只写一次，之后只能加上上级的审阅", "a patrol report is written once and only gains its review"),
        "refusal.round.written-once": ("{0}记录只写一次，不得改动", "a {0} record is written once"),
        "refusal.round.role": ("{0}（{1}）不做客服日常巡视走访；仅限{2}", "{0} ({1}) does not do the daily round; only {2}"),
        "refusal.round.patrol-day": ("{0} 的巡视日报表须当天下班前上交（而非 {1}）", "a patrol report of {0} is handed in that day, before leaving (not {1})"),
        "refusal.round.review-due": ("审阅期限为 {0}（下一个工作日 {1}）", "the review is due at {0} ({1} the next working day)"),
        "refusal.round.review-own-step": ("审阅是上级自己的一步，在日报表上交之后", "the review is the superior's own step, after the report is handed in"),
        "refusal.round.finding-case": ("{0} 未能立即处理：须作为案件上报（--raise）", "{0} was not handled at once: it is reported as a case (--raise)"),
        "refusal.round.reviewer": ("{0} 不是 {1} 的上级；日报表由 {2} 审阅", "{0} is not {1}'s superior; the report is reviewed by {2}"),
        "refusal.round.review-order": ("审阅时间 {0} 早于日报表上交时间（{1}）", "the review at {0} is before the report was handed in ({1})"),
        "refusal.round.phone": ("{0} 含有明文手机号；请写成掩码形式（138****5678）", "{0} holds a mobile number in clear; write it masked (138****5678)"),
        "refusal.round.empty": ("{0} 为空", "{0} is empty"),
        "refusal.round.visit-unit": ("房号 {0} 不在本小区房号清单中（records/casebook.json units）", "unit {0} is not in the estate's unit list (records/casebook.json units)"),
        "refusal.round.summary-due": ("{0} 的月度工作总结期限为 {1}", "the summary of {0} is due at {1}"),
        "refusal.round.summary-month": ("{0} 的月度工作总结应在当月或之后填写，而非 {1}", "the summary of {0} is written in or after that month, not at {1}"),
    ]
}

extension Finding {
    /// The strings table's sentence of a swinging indicator: `analysis.swing.on-time` ….
    public static func swingKey(_ d: Dimension) -> String { "analysis.swing." + d.rawValue }
}
