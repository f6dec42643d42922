import CaseModel

extension Language {
    /// The language a person at the desk reads: `LANG` when it names English (`en*`) or Chinese
    /// (`zh*`), else the repository's `locale` (records/casebook.json), else 简体中文.
    public static func forUser(lang: String?, locale: String?) -> Language {
        if let lang = lang?.lowercased() {
            if lang.hasPrefix("en") { return .en }
            if lang.hasPrefix("zh") { return .zhHans }
        }
        return locale.flatMap(Language.init(rawValue:)) ?? .zhHans
    }
}

extension Strings {
    /// A correctable intake field's label: 房号 / Unit.
    public func field(_ f: Correction.Field) -> String { self["field." + f.rawValue] }

    /// An answer meaning yes: y, yes, 是, 确认, 对 (either language).
    public static func isYes(_ answer: String) -> Bool {
        ["y", "yes", "是", "是的", "确认", "对", "好"].contains(answer.trimmingWhitespace.lowercased())
    }

    /// An answer meaning no: n, no, 否, 不.
    public static func isNo(_ answer: String) -> Bool {
        ["n", "no", "否", "不", "不是", "取消"].contains(answer.trimmingWhitespace.lowercased())
    }

    /// The labels of the command line: prompts, the read-back 复清楚, refusals. One entry per key
    /// with both languages, like the dashboard's; merged into `Strings.table`.
    static let desk: [String: (zh: String, en: String)] = [
        // Refusals
        "desk.errorPrefix": ("错误：", "Error: "),
        "desk.inputEnded": ("输入已结束，未登记任何内容。", "input ended; nothing was recorded."),
        // Answers
        "desk.yesNo": ("是/否", "y/n"),
        "desk.optional": ("可空，回车跳过", "optional, Enter to skip"),
        "desk.chooseHint": ("输入编号或名称", "a number or a name"),
        "desk.badChoice": ("请输入上面列出的编号或名称。", "Choose one of the numbers or names above."),
        "desk.required": ("此项必填。", "This field is required."),
        "desk.badYesNo": ("请回答“是”或“否”。", "Answer y or n."),
        "desk.badPhone": ("不是有效的大陆电话号码（手机 11 位，1 开头；固话带区号）。",
                          "Not a valid mainland phone number (mobile: 11 digits starting with 1; landline with its area code)."),
        "desk.badUnit": ("房号不在房号表中（records/casebook.json 的 units）。", "That unit is not in the unit list (units in records/casebook.json)."),
        "desk.badText": ("太长或含控制字符。", "Too long, or contains control characters."),
        "desk.badRating": ("请输入 1 到 5，或回车跳过。", "Type 1 to 5, or Enter to skip."),
        "desk.badStaff": ("不是已登记的员工编号（records/staff.json）。", "Not a registered staff id (records/staff.json)."),
        // Read-back and confirmation
        "desk.readBack": ("请向来电/来访人复述核对（复清楚）：", "Read this back to the caller (复清楚):"),
        "desk.checkStep": ("请核对（复清楚）：", "Check this before it is recorded:"),
        "desk.confirm": ("确认登记？", "Record it?"),
        "desk.cancelled": ("已取消，未登记任何内容。", "Cancelled; nothing was recorded."),
        "desk.recorded": ("已登记：", "Recorded:"),
        // Prompts of open (the intake form, 002 篇1 §4.2)
        "desk.prompt.kind": ("诉求类别", "Kind of request"),
        "desk.prompt.severity": ("投诉等级", "Complaint severity"),
        "desk.prompt.repairSize": ("维修类别", "Repair size"),
        "desk.prompt.channel": ("诉求方式", "Channel"),
        "desk.prompt.unit": ("房号", "Unit"),
        "desk.prompt.reporter": ("反映人", "Reporter's name"),
        "desk.prompt.phone": ("联系电话", "Phone"),
        "desk.prompt.summary": ("事由（一句话）", "The matter (one line)"),
        // dispatch
        "desk.prompt.department": ("责任部门", "Responsible department"),
        "desk.prompt.assignee": ("处理人员工编号", "Staff id of who will hold it"),
        // resolve
        "desk.prompt.result": ("处理结果", "What was done"),
        "desk.prompt.customerConfirmed": ("业主已确认（在维修单上签字）？", "Did the customer confirm (sign the work order)?"),
        "desk.prompt.rating": ("业主对质量和态度的评分 1–5", "Customer's rating of quality and attitude, 1–5"),
        "desk.prompt.secondRevisit": ("需要 1–2 个月后第二次回访？", "Plan a second revisit 1–2 months after?"),
        // revisit (002 篇2 §4.1.5: quality, effect, satisfaction, shortcomings, suggestions)
        "desk.prompt.mode": ("回访方式", "Revisit mode"),
        "desk.prompt.quality": ("服务质量", "Quality of the service"),
        "desk.prompt.effect": ("服务效果", "Effect of the service"),
        "desk.prompt.satisfied": ("业主是否满意？", "Was the owner satisfied?"),
        "desk.prompt.shortcomings": ("不足之处", "Shortcomings"),
        "desk.prompt.suggestions": ("业主建议", "Suggestions"),
        // Read-back labels not on the dashboard
        "desk.case": ("案件", "Case"),
        "desk.phone": ("联系电话", "Phone"),
        "desk.assignee": ("处理人", "Held by"),
        "desk.result": ("处理结果", "Result"),
        "desk.customerConfirmed": ("业主确认", "Customer confirmed"),
        "desk.rating": ("评分", "Rating"),
        "desk.secondRevisit": ("第二次回访", "Second revisit"),
        "desk.revisitNotes": ("回访内容", "Revisit notes"),
        "desk.satisfaction": ("满意度", "Satisfaction"),
        "desk.yes": ("是", "yes"),
        "desk.no": ("否", "no"),
        "desk.none": ("（无）", "(none)"),
        // The revisit record's parts, as written into the notes
        "desk.notes.quality": ("质量", "Quality"),
        "desk.notes.effect": ("效果", "Effect"),
        "desk.notes.shortcomings": ("不足", "Shortcomings"),
        "desk.notes.suggestions": ("建议", "Suggestions"),
        // correct
        "desk.correction": ("更正", "Correction"),
        "desk.reason": ("原因", "Reason"),
        "field.intake.unit": ("房号", "unit"),
        "field.intake.summary": ("事由", "matter"),
        "field.intake.details": ("详细情况", "details"),
        "field.intake.reporter": ("反映人", "reporter"),
        "field.intake.phone": ("联系电话", "phone"),
        "field.intake.channel": ("诉求方式", "channel"),
    ]
}

extension String {
    /// Without leading and trailing spaces and newlines.
    var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
