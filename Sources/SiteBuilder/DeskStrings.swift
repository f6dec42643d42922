import CaseModel
import Procedures

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
        // Answers
        "desk.yesNo": ("是/否", "y/n"),
        "desk.optional": ("可空，回车跳过", "optional, Enter to skip"),
        "desk.chooseHint": ("输入编号或名称", "a number or a name"),
        "desk.badChoice": ("请输入上面列出的编号或名称。", "Choose one of the numbers or names above."),
        "desk.required": ("此项必填。", "This field is required."),
        "desk.badYesNo": ("请回答“是”或“否”。", "Answer y or n."),
        "desk.badPhone": ("不是有效的大陆电话号码（手机 11 位，1 开头；固话带区号，或本地 7–8 位）。",
                          "Not a valid mainland phone number (mobile: 11 digits starting with 1; landline with its area code, or 7–8 local digits)."),
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
        "desk.prompt.actor": ("您是哪位（受理人）", "Who is recording this"),
        // Prompts of open (the intake form, 002 篇1 §4.2)
        "desk.prompt.kind": ("诉求类别", "Kind of request"),
        "desk.prompt.severity": ("投诉等级", "Complaint severity"),
        "desk.prompt.repairSize": ("维修类别", "Repair size"),
        "desk.prompt.channel": ("诉求方式", "Channel"),
        "desk.prompt.unit": ("房号", "Unit"),
        "desk.prompt.reporter": ("反映人", "Reporter's name"),
        "desk.prompt.phone": ("联系电话", "Phone"),
        "desk.prompt.summary": ("事由（一句话）", "The matter (one line)"),
        "desk.prompt.emergency": ("紧急类型", "Emergency type"),
        "emergency.120": ("120 急救", "120 ambulance"), "emergency.110": ("110 刑事案件", "110 criminal incident"), "emergency.fire": ("火警", "fire"),
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
        "show.profile": ("规程", "profile"),
        "desk.prompt.field": ("更正哪一项", "Which entry to correct"),
        "desk.prompt.to": ("正确的值", "The correct value"),
        "desk.prompt.reason": ("更正原因", "Why it was wrong"),
        "desk.field": ("更正项目", "Entry"),
        "desk.oldValue": ("原值", "Old value"),
        "desk.newValue": ("新值", "New value"),
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

// MARK: - Refusals in the user's language

extension Strings {
    /// `key`'s text with `{0}`, `{1}`, … replaced by `values`.
    public func fill(_ key: String, _ values: [String]) -> String {
        var out = self[key]
        for (i, v) in values.enumerated() { out = out.replacingOccurrences(of: "{\(i)}", with: v) }
        return out
    }

    /// A refusal in this language, still naming its rule and clause: the English message as
    /// the rule wrote it, or the table's translation of its template.
    public func say(_ r: Refusal) -> String {
        guard let sentence = sentence(r) else { return r.description }
        return "\(sentence) [\(self["desk.rule"]) \(r.rule)\(self["desk.clauseSeparator"])\(r.clause)]"
    }

    /// A refusal's location and sentence in this language, without its rule and clause; nil in
    /// English (the rule's own message) or when the table lacks the template's key.
    func sentence(_ r: Refusal) -> String? {
        guard language != .en, Strings.table["refusal." + r.template.key] != nil else { return nil }
        let words = r.template.words.map { w -> String in
            switch w {
            case .text(let x): x
            case .texts(let list): self.list(list)
            case .action(let a): self["verb." + a.rawValue]
            case .status(let st): status(st)
            case .statuses(let list): self.list(list.map(status))
            case .roles(let list): self.list(list.map(role))
            case .level(let l): level(l)
            case .modes(let list): self.list(list.map(mode))
            case .kind(let k): kind(k)
            case .department(let d): department(d)
            case .register(let k): self["register." + k.rawValue]
            case .departments(let list): self.list(list.map(department))
            case .contractAction(let a): self["contract.action." + a.rawValue]
            case .contractStatus(let st): self["contract.status." + st.rawValue]
            case .contractPurpose(let p): self["contract.purpose." + p.rawValue]
            case .contractPoints(let list): self.list(list.map { self["contract.point." + $0.rawValue] })
            case .check(let c): self["check." + c.rawValue]
            case .requester(let q): self["requester." + q.rawValue]
            case .emergency(let t): self["emergency." + t.rawValue]
            case .items(let list): self.list(list.map { self["item." + $0.rawValue] })
            case .step(let st): step(st)
            case .field(let f): field(f)
            case .refusal(let inner): sentence(inner) ?? inner.message
            }
        }
        let places = r.places.map { p -> String in
            switch p {
            case .text(let x): x
            case .event(let i, let a): fill("place.event", ["\(i)", action(a)])
            }
        }
        return places.joined() + fill("refusal." + r.template.key, words)
    }

    /// Refusals and failures of the command line, and the verbs they use.
    static let refusals: [String: (zh: String, en: String)] = [
        "desk.rule": ("规则", "rule"),
        "desk.clauseSeparator": ("；", "; "),
        "refusal.transition": ("案件{1}时不能{0}（仅限{2}时）", "{0} is not allowed while the case is {1} (only when {2})"),
        "refusal.transition.never": ("案件{1}时不能{0}", "{0} is not allowed while the case is {1}"),
        "refusal.role": ("{0}（{1}）无权{2}；仅限{3}", "{0} ({1}) may not {2}; only {3}"),
        "refusal.time-order": ("事件时间 {0} 早于本案最后一个事件（{1}）", "event time {0} is before the case's last event ({1})"),
        "refusal.late-entry": ("事件时间 {0} 早于登记时间（{2}）超过 {1}：补录须写明原因（--late-reason；文件中为 recordedAt 与 lateReason）",
                               "event time {0} is more than {1} before it is recorded ({2}): a late entry (补录) needs a reason (--late-reason; recordedAt and lateReason in the file)"),
        "refusal.late-entry.incomplete": ("补录须同时写明登记时间 recordedAt 与补录原因 lateReason", "a late entry (补录) needs both recordedAt and lateReason"),
        "refusal.late-entry.order": ("登记时间 {0} 不晚于事件时间 {1}", "recordedAt {0} is not after the event time {1}"),
        "refusal.late-entry.future": ("登记时间 {0} 晚于实际登记的时刻（{1}）", "recordedAt {0} is after the moment it is recorded ({1})"),
        "refusal.correction.reason": ("更正须写明原因", "a correction needs the reason it is made"),
        "refusal.correction.who": ("{0}（{1}）无权更正此记录；仅限首问责任人 {2} 或客服主管、经理、管理处主任、总经理",
                                   "{0} ({1}) may not correct this record; only its first-responsible person {2} or a supervisor, manager, director or general manager"),
        "refusal.correction.old": ("{0}：原值“{1}”与案件记录的“{2}”不符", "{0}: the old value '{1}' is not the one the case holds ('{2}')"),
        "refusal.correction.same": ("{0}：新值与原值相同", "{0}: the new value is the same as the old one"),
        "refusal.classification": ("投诉须有投诉等级、报修须有维修类别，其他类别两者皆无", "a complaint needs a severity and a repair a size, and nothing else has either"),
        "refusal.classification.valid": ("只有投诉才分有效或无效", "only complaints are valid or invalid"),
        "refusal.ladder-up": ("只能逐级向上报告：案件已在{0}", "escalation must go up the ladder: the case is already at {0}"),
        "refusal.rating": ("评分须为 1 到 5", "rating must be 1 to 5"),
        "refusal.revisit-before-close": ("须先完成规定的回访才能关闭（期限 {0}）", "close needs the required revisit first (due {0})"),
        "refusal.revisit-level": ("此案由 {0}（{1}）处理完毕，回访须由同一级别的人员进行", "the case was resolved by {0} ({1}); the revisit needs someone of that level"),
        "refusal.revisit-mode": ("回访方式“{0}”不适合此案；应为{1}", "mode {0} does not suit this case; use {1}"),
        "refusal.revisit-visitor": ("此次回访应由{0}进行，而非{1}", "this revisit is for {0}, not {1}"),
        "refusal.revisit-window": ("此次回访应在 {0} 至 {1} 之间进行，而非 {2}", "this revisit is due between {0} and {1}, not at {2}"),
        "refusal.unsatisfied-reported": ("不满意的回访须报告管理处主任（directorInformed）", "an unsatisfied revisit must be reported to the director (directorInformed)"),
        "refusal.valid-complaint.who": ("有效投诉须由服务中心经理亲自回访，而非{0}", "a valid complaint is revisited by the service-centre manager in person, not {0}"),
        "refusal.valid-complaint.mode": ("有效投诉须上门回访，而非{0}", "a valid complaint is revisited at home (上门回访), not by {0}"),
        "failure.noSuchCase": ("案件 {0} 不存在", "case {0}: no such case"),
        "failure.notStaff": ("{0}：“{1}”不在 records/staff.json 中", "{0}: '{1}' is not in records/staff.json"),
        "failure.noActor": ("--as：未指定操作人员（请用 --as、设置 CASEBOOK_ACTOR，或把 git user.email 设为已登记的邮箱）",
                            "--as: no acting staff member (give --as, set CASEBOOK_ACTOR, or set git user.email to a registered email)"),
        "failure.empty": ("{0}：不能为空", "{0}: must not be empty"),
        "failure.tooLong": ("{0}：超过 {1} 个字符", "{0}: longer than {1} characters"),
        "failure.control": ("{0}：含有控制字符", "{0}: contains control characters"),
        "failure.noRepo": ("--repo：“{0}”及其上级目录中没有 git 仓库", "--repo: no git repository at or above '{0}'"),
        "failure.moved": ("提交：记录期间分支已被更新，未做任何修改，请重新执行该命令",
                          "commit: the branch moved while this step was being recorded; nothing was changed, run the command again"),
        "failure.unitNotListed": ("{0}：“{1}”不在房号表中（records/casebook.json 的 units）", "{0}: '{1}' is not in the unit list (units in records/casebook.json)"),
        "failure.badPhone": ("{0}：不是电话号码（7 到 12 位数字，可带 +86）", "{0}: not a phone number (7 to 12 digits, optionally +86)"),
        "verb.open": ("受理", "open"), "verb.dispatch": ("派单", "dispatch"), "verb.note": ("记录跟进", "note"),
        "verb.escalate": ("上报", "escalate"), "verb.resolve": ("登记处理完毕", "resolve"), "verb.revisit": ("回访", "revisit"),
        "verb.close": ("关闭", "close"), "verb.reopen": ("重新处理", "reopen"), "verb.refer": ("转相关部门", "refer"),
        "verb.unresolvable": ("作无法处理关闭", "close as unresolvable"), "verb.reclassify": ("重新分类", "reclassify"),
        "verb.breach": ("记录超时", "record a breach"), "verb.reschedule": ("重算时限", "recompute deadlines"), "verb.correct": ("更正", "correct"),
        "verb.reveal": ("查看联系方式", "reveal the contact"), "verb.erased": ("删除个人信息", "erase personal data"),
        "verb.rectify": ("登记整改", "record the correction"), "verb.verify": ("验证整改", "verify the correction"),
        "verb.checklist": ("登记处置事项", "record a checklist item"), "verb.approve": ("审批", "approve"),
    ]
}
