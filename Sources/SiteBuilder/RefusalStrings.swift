extension Strings {
    /// What is wrong with a record that does not decode (the detail of CaseModel's `RecordError`)
    /// in this language, as far as the words are the table's; else as it is.
    public func record(detail: String) -> String {
        guard language != .en else { return detail }
        return translating(english: detail, under: ["record."]) ?? detail
    }

    /// The refusals of the procedures (`Refusal.Key`) beside those of DeskStrings.swift and
    /// MessageStrings.swift: the case file as a whole, merges, the calendar, the sample, the
    /// registers, non-conformities, emergencies, judicial requests, corrections. The English side
    /// is the rule's message as it always was, its words as `{0}`, `{1}`, …; merged into
    /// `Strings.table`.
    static let procedures: [String: (zh: String, en: String)] = [
        // The case file as a whole
        "refusal.format": ("文件格式（format）须为 {0}", "format must be {0}"),
        "refusal.case-id": ("“{0}”不是案件编号", "id '{0}' is not a case id"),
        "refusal.case-id.changed": ("案件编号不得更改（原为 {0}，现为 {1}）", "id changed from {0} to {1}"),
        "refusal.path": ("案件文件应位于 {0}，而非 {1}", "file must be at {0}, not {1}"),
        "refusal.append-only": ("事件只能追加：已有事件被修改、调换了顺序或被删除", "events may only be appended: an existing event was edited, reordered or removed"),
        "refusal.fold.empty": ("案件没有任何事件", "case has no events"),
        "refusal.fold.first": ("第一个事件 events[0] 须为受理", "events[0] must be the 'open' event"),
        "refusal.fold.missing-field": ("events[{0}] 缺少其操作所需的字段“{1}”", "events[{0}] lacks the field '{1}' its action needs"),
        "refusal.fold.second-open": ("events[{0}] 再次受理了本案", "events[{0}] opens the case a second time"),
        "refusal.fold.bad-correction": ("events[{0}] 把“{1}”更正为该项不能取的值", "events[{0}] corrects '{1}' to a value it cannot hold"),
        "refusal.first-responder": ("首问责任人须为受理本案的人", "the receiver who opens a case is its first-responsible person (首问责任人)"),
        "refusal.deadlines": ("处理时限与规程 {0} 给出的不一致", "deadlines differ from those of profile {0}"),
        "refusal.revisit-plan": ("回访计划与规程 {0} 给出的不一致", "revisit plan differs from that of profile {0}"),
        "refusal.breach.none": ("时限“{0}”不存在或已记录过超时", "no unbreached deadline '{0}' to record"),
        "refusal.breach.not-missed": ("时限“{0}”（期限 {1}）在 {2} 尚未超时", "deadline '{0}' (due {1}) was not missed at {2}"),
        "refusal.reschedule": ("重算的时限与正式日历给出的不一致", "rescheduled deadlines differ from those the official calendar gives"),
        "refusal.second-revisit": ("规程 {0} 不为{1}安排第二次回访", "profile {0} plans no second revisit for {1}"),
        "refusal.unknown-staff": ("“{0}”不在 records/staff.json 中", "'{0}' is not in records/staff.json"),
        // The business calendar
        "refusal.calendar.hours": ("工作时间的下班时间 workingHours.end 须为 HH:MM", "workingHours.end must be HH:MM"),
        "refusal.calendar.hours-differ": ("各年份日历的工作时间不一致", "working hours differ between years"),
        "refusal.calendar.missing": ("没有 {0} 年的节假日日历（已载入：{1}）；请添加 records/calendar/cn-{0}.json",
                                     "no holiday calendar for {0} (loaded: {1}); add records/calendar/cn-{0}.json"),
        // Two desks' versions merged
        "refusal.merge.cases": ("不能把 {0} 与 {1} 合并", "cannot merge {0} with {1}"),
        "refusal.merge.fold": ("合并后的事件不能构成一个案件：{0}", "the merged events do not fold: {0}"),
        "refusal.merge.history": ("两个前台的事件合在一起不是一段有效的处理记录：{0}", "the two desks' events do not make one valid history: {0}"),
        "refusal.merge.register-entry": ("不能合并 {0} 的两个不同版本：只有走访记录和查看记录可以不同",
                                         "cannot merge two different versions of {0}: only visits and reveal records may differ"),
        "refusal.merge.register": ("两个前台的记录合在一起不是一个有效的名册条目：{0}", "the two desks' records do not make one valid entry: {0}"),
        // The monthly sample
        "refusal.sampling.none": ("该规程没有抽样规则", "the profile has no sampling rule"),
        "refusal.sampling.month": ("月份格式须为 YYYY-MM", "month must be YYYY-MM"),
        "refusal.sampling.due-day": ("抽样规则的完成日 dueDay {0} 不是 {1} 中的日期", "dueDay {0} is not a day of {1}"),
        // The rules of a step
        "refusal.role.none": ("规程没有规定谁可以{0}", "the profile names no role that may {0}"),
        "refusal.classification.nothing": ("重新分类没有改变任何内容", "reclassify changes nothing"),
        "refusal.correction.incomplete": ("更正须写明更正项目、原值和新值", "a correction names the field, its old and its new value"),
        "refusal.correction.empty": ("{0}：不能为空", "{0}: must not be empty"),
        "refusal.correction.form": ("{0}：新值首尾有空白、超过 {1} 个字符或含有控制字符",
                                    "{0}: the new value is not trimmed, is longer than {1} characters or has control characters"),
        "refusal.correction.bad-value": ("新值不是有效的{0}", "the new value is not a valid {0}"),
        // Non-conformity reports 不合格项报告 and their inspectors
        "refusal.nonconformity.incomplete": ("不合格项报告须写明检查类别、责任部门和整改期限",
                                             "a non-conformity report needs its check, responsible department and correction date"),
        "refusal.nonconformity.correct-by": ("整改期限 {0} 须晚于报告时间（{1}）", "the correction date {0} must be after the report ({1})"),
        "refusal.nonconformity.check-only": ("只有不合格项报告才注明质量检查", "only a non-conformity report names a quality check"),
        "refusal.nonconformity.not-a-step": ("不合格项报告不能{0}（由责任部门整改、检查人员验证）",
                                             "{0} is not a step of a non-conformity report (it is corrected by its department and verified by an inspector)"),
        "refusal.nonconformity.only": ("只有不合格项报告才能{0}", "{0} is a step of non-conformity reports only"),
        "refusal.nonconformity.department": ("整改由责任部门（{0}）登记；{1} 属于{2}",
                                             "the correction is recorded by the responsible department ({0}); {1} is in {2}"),
        "refusal.nonconformity.verify-again": ("验证不合格时须设定晚于验证时间的新整改期限", "a failed verification sets a new correction date after it"),
        "refusal.inspector.no-team": ("规程 {0} 没有规定{1}的检查人员", "profile {0} names no inspection team for the {1} check"),
        "refusal.inspector.raise": ("{0}（{1}）不是{2}的检查人员；仅限{3}提出不合格项",
                                    "{0} ({1}) is not on the {2} check's team; only {3} may raise its non-conformities"),
        "refusal.inspector.verify": ("{0}（{1}）不是{2}的检查人员；仅限{3}验证不合格项的整改",
                                     "{0} ({1}) is not on the {2} check's team; only {3} may verify its non-conformities"),
        // Emergencies 紧急求助 and their checklists
        "refusal.checklist.type-only": ("只有紧急求助才有紧急类型（120、110、火警）", "only an emergency has an emergency type (120, 110, fire)"),
        "refusal.checklist.no-type": ("处置事项只属于已知类型的紧急求助（120、110、火警）", "checklist items belong to emergencies of a known type (120, 110, fire)"),
        "refusal.checklist.not-item": ("“{0}”不是{1}处置清单中的事项（{2}）", "'{0}' is not an item of the {1} checklist ({2})"),
        "refusal.checklist.done": ("“{0}”已登记", "'{0}' is already recorded"),
        "refusal.checklist.value": ("“{0}”须写明内容（--value，例如医院名称和地址）", "'{0}' needs its value (--value, e.g. the hospital's name and address)"),
        "refusal.checklist.missing": ("须先登记{1}处置事项“{2}”，才能{0}", "{0} needs the {1} checklist item '{2}' recorded first"),
        // Judicial requests 司法调查
        "refusal.judicial.requester-only": ("只有司法调查才注明来访单位", "only a judicial request names a requester"),
        "refusal.judicial.requester": ("司法调查须注明来访单位（--requester：police 公安机关、procuratorate 检察机关、discipline 纪检机构或 lawyer 律师）",
                                       "a judicial request names who asks (--requester police, procuratorate, discipline or lawyer)"),
        "refusal.judicial.officer": ("{0}调取业主资料，须由陪同的辖区民警在接待人栏签署姓名和警号；缺少 {1}",
                                     "a request by the {0} for owner data needs the accompanying officer's name and badge number in place of the receiver; missing {1}"),
        "refusal.judicial.lawyer": ("律师调取资料须出示介绍信、执业资格证和委托书；缺少 {0}",
                                    "a lawyer's request needs the letter of introduction, practising licence and power of attorney; missing {0}"),
        "refusal.judicial.approve-lawyer": ("只有律师调取业主资料才需审批", "only a lawyer's request for owner data is approved"),
        "refusal.judicial.approved": ("该申请已审批", "the request is already approved"),
        "refusal.judicial.not-approved": ("经理审批前不得向律师提供任何资料（casebook approve）",
                                          "nothing is released to a lawyer before a manager approves the request (casebook approve)"),
        // Complaints against a member of staff (有效投诉问责)
        "refusal.against.no-ladder": ("规程 {0} 不设员工有效投诉问责", "profile {0} keeps no staff-accountability ladder"),
        "refusal.against.complaint": ("只有投诉才能针对员工", "only a complaint is against a member of staff"),
        "refusal.against.valid": ("只有认定为有效的投诉才计入员工（reclassify --valid）",
                                  "only a complaint found valid counts against a member of staff (reclassify --valid)"),
        // The registers of key owners 重点业主 and empty-nest elderly 空巢老人
        "refusal.register.append-only": ("名册条目只能追加走访记录和查看记录：住户、联系人、走访频率和已有记录均不得改动",
                                         "a register entry only gains visits and reveal records: its resident, contacts, schedule and earlier records stay as they were"),
        "refusal.register.aged-contacts": ("只有空巢老人名册才记录高龄和紧急联系人", "only the empty-nest register records age and emergency contacts"),
        "refusal.register.contact-key": ("紧急联系人须用住户本人的密钥加密（{0}）", "an emergency contact is sealed under the resident's own key ({0})"),
        "refusal.register.schedule": ("按规程，{0}名册的住户每 {1} 天走访一次", "a {0} entry is visited every {1} days under the profile"),
        "refusal.register.schedule.daily": ("按规程，{0}名册的住户每 {1} 天走访一次", "a {0} entry is visited every {1} day under the profile"),
        "refusal.register.keeper": ("{0}（{1}）无权管理{2}名册；仅限{3}", "{0} ({1}) may not keep the {2} register; only {3}"),
        "refusal.register.visitor": ("{0}（{1}）无权走访{2}名册上的住户；仅限{3}", "{0} ({1}) may not visit residents on the {2} register; only {3}"),
        "refusal.register.reveal-who": ("{0} 无权查看名册条目中加密的联系方式", "{0} may not open a register entry's sealed contacts"),
        "refusal.register.reveal-reason": ("查看联系方式须写明原因", "a reveal names its reason"),
        "refusal.register.mode": ("{0}名册的走访方式须为{1}", "a visit on the {0} register is made by {1}"),
        "refusal.register.visit-order": ("走访时间 {0} 早于上一条记录（{1}）", "a visit at {0} is before the previous record ({1})"),
        "refusal.register.notes-phone": ("走访记录含有明文手机号；请写成掩码形式（138****5678）", "notes hold a mobile number in clear; write it masked (138****5678)"),
        "refusal.register.reason-phone": ("登记原因含有明文手机号；请写成掩码形式（138****5678）", "reason holds a mobile number in clear; write it masked (138****5678)"),
        "refusal.register.path": ("名册条目应位于 {0}，编号形如 {1}-1a2b3c4d", "entry must be at {0} with an id like {1}-1a2b3c4d"),
        "refusal.register.none": ("规程 {0} 不设{1}名册", "profile {0} keeps no {1} register"),
        // Where a refusal points
        "place.event": ("events[{0}]（{1}）：", "events[{0}] ({1}): "),
        // sync's progress (the English lines as they always were: scripts read them)
        "sync.upToDate": ("已是最新，没有要拉取或推送的提交", "up to date"),
        "sync.pulled": ("拉取了 {0} 个提交；没有要推送的提交", "pulled {0} commits; nothing to push"),
        "sync.pushed": ("拉取了 {0} 个提交，推送了 {1} 个", "pulled {0} commits, pushed {1}"),
        "sync.moved": ("{0} 在此期间被其他前台更新（{1}）；重新拉取", "{0} moved ({1}); pulling again"),
        // A record that does not decode (RecordError's detail, CaseModel/JSONCoding.swift; the last
        // is Foundation's line for a value outside an enumeration)
        "record.missing": ("{0}：缺少此项", "{0}: missing"),
        "record.wrongType": ("{0}：类型不对", "{0}: wrong type"),
        "record.null": ("{0}：此处须有值，不能为 null", "{0}: null where a value is required"),
        "record.notJSON": ("不是有效的 JSON", "not valid JSON"),
        "record.tooBig": ("大于 {0} MB（{1} 字节）；记录文件不会这么大", "larger than {0} MB ({1} bytes); a record is never that big"),
        "record.tooDeep": ("嵌套超过 {0} 层（第 {1} 字节处）", "nested deeper than {0} levels (at byte {1})"),
        "record.unreadable": ("无法读取", "unreadable"),
        "record.badValue": ("{0}：“{2}”不是 {1} 的有效值", "{0}: Cannot initialize {1} from invalid String value {2}"),
        // What a command could not compute (`Failure.about(label:)`)
        "subject.deadlines": ("处理时限", "deadlines"),
        "subject.revisitPlan": ("回访计划", "revisit plan"),
        "subject.inspectorName": ("检查人员姓名", "inspector name"),
    ]
}
