import CaseModel
import Foundation

extension Strings {
    /// A term of the procedures as the command line prints it: the raw value in English (what
    /// scripts and the tests read), the strings table's word in Chinese.
    public func term(_ raw: String, _ label: (Strings) -> String) -> String {
        language == .en ? raw : label(self)
    }

    /// The lines `today`, `list`, `report` and `log` print, and the failures of the commands:
    /// one entry per key with both languages; merged into `Strings.table`. The English side is
    /// the line as it always was, so scripts reading it are not broken.
    static let messages: [String: (zh: String, en: String)] = [
        // today
        "today.nothing": ("{0}（{1}）：暂无待办事项", "{0} ({1}): nothing to do"),
        "today.header": ("{0}（{1}），{2}：共 {3} 项", "{0} ({1}) at {2}: {3} items"),
        "today.late": ("逾期 ", "LATE "),
        "today.deadline": ("时限：{0}", "deadline {0}"),
        "today.revisit": ("回访（{0}）", "revisit ({0})"),
        "today.ladder": ("逐级上报 → {0}", "ladder → {0}"),
        "today.correct": ("整改（不合格项）", "correct (non-conformity)"),
        "today.holding": ("本人处理中", "holding"),
        // list
        "list.overdue": ("  已超时：{0}", "  OVERDUE: {0}"),
        // report
        "report.title": ("{0} 月报，统计至 {1}", "month {0} as of {1}"),
        "report.cases": ("件数", "cases"), "report.onTime": ("按时", "on time"), "report.rate": ("比率", "rate"),
        "report.revisited": ("已回访/已处理", "revisited"), "report.required": ("要求回访率", "required"),
        "report.satisfied": ("满意率", "satisfied"), "report.homeVisits": ("家访率", "home visits"),
        "report.byKind": ("按类别", "by kind"), "report.byDepartment": ("按责任部门", "by department"),
        "report.bySeverity": ("投诉按等级", "by severity"), "report.all": ("合计", "all"),
        "report.sampled": ("抽样回访：本月完成 {0}，已抽样 {1}，抽中 {2}（{3}，要求 {4}），已回访 {5}，其中时限内 {6}", "sampled revisits: finished {0}, drawn {1}, selected {2} ({3}, required {4}), revisited {5}, inside their window {6}"),
        "report.asRecorded": ("按登记时间", "as recorded"), "report.lateEntries": ("补录", "late entries"),
        // log
        "log.merge": ("合并", "merge"),
        // Failures of the commands (`Failure(key:)`): the English side is the line as it always was
        "failure.separator": ("：", ": "),
        "failure.inputEnded": ("输入已结束，未登记任何内容。", "input ended; nothing was recorded."),
        "failure.concurrent": ("提交：记录期间另有提交；未做任何修改，请重新执行该命令",
                               "commit: another commit was made while this step was being recorded; nothing was changed, run the command again"),
        "failure.recordMissing": ("{0} 不存在", "{0} is missing"),
        "failure.notCaseRepository": ("{0} 不存在：这不是案件仓库（请先执行 casebook init）", "{0} is missing: not a case repository (run 'casebook init')"),
        "failure.profileMissing": ("{0} 不存在（{2} 中的规程“{1}”）", "{0} is missing (profile '{1}' in {2})"),
        "failure.doesNotExist": ("{0} 不存在", "{0} does not exist"),
        "contact.badName": ("反映人姓名为空、太长或含控制字符", "reporter name is empty, too long or has control characters"),
        "contact.badPhone": ("不是电话号码（7 到 12 位数字，可带 +86）", "phone is not a phone number (7 to 12 digits, optionally +86)"),
        "contact.badKey": ("住户密钥不是 32 字节", "resident key is not 32 bytes"),
        "contact.wrongKey": ("该密钥打不开此联系方式的密封（住户密钥不对，或密封被改动）", "the key does not open this contact's seal (wrong resident key, or the seal was altered)"),
        "contact.badSeal": ("密封的联系方式无法读取", "sealed contact is not readable"),
        "contact.mismatch": ("显示形式与密封的姓名和电话不符", "display forms do not match the sealed name and phone"),
        "failure.month.report": ("--month：格式为 YYYY-MM，例如 2026-11", "--month: YYYY-MM, e.g. 2026-11"),
        "failure.sizeOnlyRepair": ("--repair-size：只有报修才有维修类别", "--repair-size: only repairs have a size"),
        "failure.severityOnlyComplaint": ("--severity：只有投诉才有投诉等级", "--severity: only complaints have a severity"),
        "failure.requestedBy": ("--requested-by：“{0}”不是受理之后的 ISO 8601 时间", "--requested-by: '{0}' is not an ISO 8601 time after intake"),
        "failure.intakeIncomplete": ("open：受理登记不完整", "open: the intake is incomplete"),
        "failure.requesterParticulars": ("--requester：民警和律师的信息只属于司法调查（001 §5.6.5）", "--requester: the officer's and lawyer's particulars belong to a judicial request (001 §5.6.5)"),
        "failure.channelOneOf": ("--to：诉求方式须为以下之一：{0}", "--to: a channel is one of {0}"),
        "failure.noResidentKey": ("--field：本机密钥库中没有住户 {0} 的密钥，无法重新加密 {1}（casebook keys import）", "--field: this desk's key store does not hold the key of resident {0}, so the {1} cannot be sealed anew (casebook keys import)"),
        "failure.noResident": ("--resident：{1} 中没有 {0} 的密钥，也没有相关案件", "--resident: {0} has no key in {1} and no case"),
        "failure.eraseRole": ("erase：{0}（{1}）无权删除个人信息；仅限 {2} [规则 role；{3}]", "erase: {0} ({1}) may not erase; only {2} [rule role; {3}]"),
        "failure.notEmpty": ("{0}：目录不是空的", "{0}: is not empty"),
        "failure.notCaseRepo": ("{0}：已有 git 仓库，但不是案件仓库", "{0}: already holds a git repository that is not a case repository"),
        "failure.nowUpToNow": ("--now：“{0}”不是不晚于现在的 ISO 8601 时间", "--now: '{0}' is not an ISO 8601 time up to now"),
        "failure.noKeyStore": ("密钥库：{0} 不存在（casebook keys init，或用 keys import 导入其他前台导出的密钥）", "key store: {0} does not exist (casebook keys init, or keys import a desk's export)"),
        "failure.notKeyStore": ("{0}：不是 casebook 密钥库", "{0}: not a casebook key store"),
        "failure.simulateSeal": ("simulate：无法加密生成的联系人：{0}", "simulate: cannot seal a drawn contact: {0}"),
        "failure.keysUnreadable": ("keys import：无法读取 {0}", "keys import: cannot read {0}"),
        "failure.outExists": ("--out：{0} 已存在", "--out: {0} already exists"),
        "failure.keysMissing": ("keys export：{0} 不存在（casebook keys init）", "keys export: {0} does not exist (casebook keys init)"),
        "failure.keysExists": ("keys init：{0} 已存在", "keys init: {0} already exists"),
        "failure.noRevealKey": ("--reveal：{0}：{2} 中没有住户 {1} 的密钥（从有该密钥的前台 casebook keys import FILE）", "--reveal: {0}: no key for resident {1} in {2} (casebook keys import FILE from a desk that has it)"),
        "failure.residentErased": ("--reveal：{0}：住户 {1} 的个人信息已删除，姓名和电话无法再读取", "--reveal: {0}: resident {1} was erased; the name and phone can no longer be read"),
        "failure.archiveExists": ("archive：{0} 已存在（标签 {1}，由 {2} 创建）；归档一经生成不得替换 [规则 archive-fixed；{3}]", "archive: {0} exists (tag {1} by {2}); an archive is never replaced [rule archive-fixed; {3}]"),
        "failure.archiveNoCommits": ("archive：仓库中还没有提交", "archive: the repository has no commits"),
        "failure.monthNotOver": ("--month：{0} 尚未结束（月末之后才能归档） [规则 archive-month；{1}]", "--month: {0} is not over yet (the archive is made after the month ends) [rule archive-month; {1}]"),
        "failure.archiveRole": ("archive：{0} 无权归档；仅限客服助理、客服主管、经理、管理处主任、总经理 [规则 archive-role；{1}]", "archive: {0} may not archive; only cs-assistant, supervisor, manager, director, general-manager [rule archive-role; {1}]"),
        "failure.month.archive": ("--month：格式为 YYYY-MM，例如 2026-10", "--month: YYYY-MM, e.g. 2026-10"),
        "failure.bothDesks": ("sync：{0} 在两个前台都被修改；只有案件文件和名册条目能自动合并，请手工合并", "sync: {0} changed on both desks; only case files and register entries merge by themselves, merge it by hand"),
        "failure.syncUncommitted": ("sync：{0} 有未提交的修改；请先提交或还原", "sync: {0} has uncommitted changes; commit or restore them first"),
        "failure.deletedRemote": ("sync：{0} 在 {1} 上被删除；casebook 从不删除文件，请手工合并", "sync: {0} was deleted on {1}; casebook never deletes files, merge by hand"),
        "failure.keptMoving": ("sync：{0} 一直在变化；尝试 {1} 次后放弃，请再次执行 sync", "sync: {0} kept moving; gave up after {1} attempts, run sync again"),
        "failure.pushRefused": ("sync：服务器拒绝了推送（{0}）", "sync: the server refused the push ({0})"),
        "failure.localBreaks": ("sync：有 {0} 个本地提交违反规程；未推送任何内容", "sync: {0} local commits break the procedures; nothing was pushed"),
        "failure.syncNoCommits": ("sync：仓库中还没有提交", "sync: the repository has no commits"),
        "failure.fetchFailed": ("sync：从 {0} 获取失败：{1}", "sync: fetching from {0} failed: {1}"),
        "failure.cannotWriteSite": ("--out：无法把网站写入“{0}”：{1}", "--out: cannot write the site into '{0}': {1}"),
        "failure.nowNotTime": ("--now：“{0}”不是 ISO 8601 时间（例如 2026-11-20T17:00）", "--now: '{0}' is not an ISO 8601 time (e.g. 2026-11-20T17:00)"),
        "failure.notDateAfter": ("{0}：“{1}”不是 {2} 之后的日期或 ISO 8601 时间 [规则 nonconformity；{3}]", "{0}: '{1}' is not a date or ISO 8601 time after {2} [rule nonconformity; {3}]"),
        "failure.wrongSigningKey": ("签名：{0} 不是 {2} 中为 {1} 登记的密钥 [规则 signed-commit；records/casebook.json signatures]", "signature: {0} is not the key registered for {1} in {2} [rule signed-commit; records/casebook.json signatures]"),
        "failure.noSigningKey": ("签名：签名密钥文件“{0}”不存在", "signature: signing key file '{0}' does not exist"),
        "failure.signatureRequired": ("签名：{0} 要求提交必须签名；请设置 CASEBOOK_SIGNING_KEY 或 git user.signingkey", "signature: {0} requires signed commits; set CASEBOOK_SIGNING_KEY or git user.signingkey"),
        "failure.uncommitted": ("{0}：有未提交的修改；请先提交或还原", "{0}: has uncommitted changes; commit or restore them first"),
        "failure.notFold": ("{0}：当前状态与事件记录不一致", "{0}: state is not the fold of its events"),
        "failure.idMismatch": ("{0}：id 字段与文件路径不符", "{0}: id field does not match its path"),
        "failure.caseIDNoDate": ("案件编号“{0}”不含日期（应为 {1}-YYYYMMDD-DESK-NNNN）", "case id '{0}' has no date (expected {1}-YYYYMMDD-DESK-NNNN)"),
        "failure.badCaseID": ("案件编号“{0}”无效（只能由字母、数字和“-”组成）", "case id '{0}' is not a case id (letters, digits and '-')"),
        "failure.atFuture": ("--at：{0} 晚于现在（现在是 {1}）", "--at: {0} is in the future (now is {1})"),
        "failure.badAt": ("--at：“{0}”不是 ISO 8601 时间（例如 2026-11-22T09:30）", "--at: '{0}' is not an ISO 8601 time (e.g. 2026-11-22T09:30)"),
        "failure.badZone": ("{0}：timeZone：未知时区“{1}”", "{0}: timeZone: unknown time zone '{1}'"),
        "failure.badNow": ("CASEBOOK_NOW：“{0}”不是 ISO 8601 时间", "CASEBOOK_NOW: '{0}' is not an ISO 8601 time"),
        "failure.noRevision": ("没有名为“{0}”的提交或分支", "no commit or branch '{0}'"),
        "failure.reviewSigned": ("审核 {0} {1}：已签署（{2}）；审核记录不得更改 [规则 review-fixed；{3}]", "review {0} {1}: already signed ({2}); a review is never changed [rule review-fixed; {3}]"),
        "failure.periodNotBegun": ("--date：期间 {0}…{1} 尚未开始 [规则 review-period；{2}]", "--date: the period {0}…{1} has not begun [rule review-period; {2}]"),
        "failure.notADay": ("--date：“{0}”不是日期（YYYY-MM-DD）", "--date: '{0}' is not a day (YYYY-MM-DD)"),
        "failure.reviewRole": ("审核 {0}：{1} 无权签署；仅限 {2} [规则 role；{3}]", "review {0}: {1} may not sign it; only {2} [rule role; {3}]"),
        "failure.configOwner": ("{0} 无权修改 {1}；仅限经理、管理处主任或总经理 [规则 config-owner；002 篇1 §3.3.1]", "{0} may not change {1}; only a manager, director or general manager [rule config-owner; 002 篇1 §3.3.1]"),
        "failure.emailRegistered": ("--email：{0} 已登记", "--email: {0} is already registered"),
        "failure.idRegistered": ("id：“{0}”已登记", "id: '{0}' is already registered"),
        "failure.sampleDay": ("--month：{0} 的抽样最早可在 {1} 进行 [规则 sampling-day；{2}]", "--month: the sample of {0} may be drawn from {1} [rule sampling-day; {2}]"),
        "failure.sampleRole": ("{0} 无权抽样；仅限 {1} [规则 role；{2}]", "{0} may not draw the sample; only {1} [rule role; {2}]"),
        "failure.noSample": ("--month：规程 {0} 要求回访每一件案件，没有月度抽样 [规则 sampling；001 篇2 §3.2]", "--month: profile {0} revisits every case; it has no monthly sample [rule sampling; 001 篇2 §3.2]"),
        "failure.noSystem": ("{0}：没有角色为“system”的员工，无法执行按时自动进行的步骤", "{0}: no staff member with the role 'system' to make time-driven steps"),
        "failure.noRegisterKey": ("--reveal：{0}：{2} 中没有住户 {1} 的密钥（已删除，或从有该密钥的前台 keys import）", "--reveal: {0}: no key for resident {1} in {2} (erased, or keys import from a desk that has it)"),
        "failure.badRegisterID": ("{0}：不是名册编号（K- 或 E- 加 8 位十六进制数字）", "{0}: not a register id (K- or E- and 8 hex digits)"),
        "failure.noRegister": ("规程 {0} 不设 {1} 名册 [规则 register；000 §1(7)；001 §5.6.7]", "profile {0} keeps no {1} register [rule register; 000 §1(7); 001 §5.6.7]"),
        "failure.badContact": ("--contact：“{0}”不是“姓名 电话”", "--contact: '{0}' is not 'NAME PHONE'"),
        "failure.outNotEmpty": ("--out：{0} 不是空目录", "--out: {0} is not empty"),
        "failure.badUntil": ("--until：“{0}”不是模拟月份内的 ISO 8601 时间", "--until: '{0}' is not an ISO 8601 time inside the months played"),
        "failure.startNotMonth": ("--start：不是月份", "--start: not a month"),
        "failure.serverNotBare": ("--server：“{0}”带有工作区；中心仓库应为裸仓库（git init --bare）", "--server: '{0}' has a work tree; the central repository is bare (git init --bare)"),
        "failure.noServerRepo": ("--server：“{0}”处没有 git 仓库", "--server: no git repository at '{0}'"),
        "failure.notSSHKey": ("--key：{0} 不是 OpenSSH 公钥（ssh-ed25519 AAAA…）", "--key: {0} is not an OpenSSH public key (ssh-ed25519 AAAA…)"),
        "failure.keyUnreadable": ("--key：无法读取 {0}", "--key: cannot read {0}"),
        // Refusals of the hooks (`casebook check`) beside the rules' own
        "check.configOwner": ("只有经理、管理处主任或总经理可以修改配置（提交者 {0}） [规则 config-owner；002 篇1 §3.3.1]", "configuration may be changed only by a manager, director or general manager (author {0}) [rule config-owner; 002 篇1 §3.3.1]"),
        "check.caseDeleted": ("案件文件不得删除或改名 [规则 append-only；000 篇2 §5.0]", "case files are never deleted or renamed [rule append-only; 000 篇2 §5.0]"),
        "check.author": ("events[{0}] ({1})：{2} 的事件须由本人提交（提交者 {3}） [规则 author；DESIGN: one commit per step by its actor]", "events[{0}] ({1}): events by {2} must be committed by that person (author {3}) [rule author; DESIGN: one commit per step by its actor]"),
        "check.afterCommit": ("events[{0}] ({1})：事件时间 {2} 晚于提交时间（{3}） [规则 time-order；002 篇1 §4.2]", "events[{0}] ({1}): event time {2} is after the commit ({3}) [rule time-order; 002 篇1 §4.2]"),
        "check.mergeDrops": ("合并丢弃或改动了某一方的事件 [规则 append-only；DESIGN: case file；000 篇2 §5.0]", "the merge drops or edits events of a parent [rule append-only; DESIGN: case file; 000 篇2 §5.0]"),
        "check.mergeAdds": ("events[{0}]：合并提交不得添加自己的事件 [规则 merge；DESIGN: one commit per step by its actor]", "events[{0}]: a merge adds no events of its own [rule merge; DESIGN: one commit per step by its actor]"),
        "check.reviewFixed": ("已签署的审核记录不得更改或删除 [规则 review-fixed；002 篇1 §4.3]", "a signed review is never changed or removed [rule review-fixed; 002 篇1 §4.3]"),
        "check.reviewPath": ("{0} 审核须覆盖整个期间，并存放在其第一天的路径下 [规则 path；{1}]", "a {0} review covers a whole period and lives at its first day's path [rule path; {1}]"),
        "check.reviewRole": ("只有 {0} 可以签署 {1} 审核 [规则 role；{2}]", "only {0} may sign a {1} review [rule role; {2}]"),
        "check.reviewAuthor": ("{0} 的审核须由本人提交（提交者 {1}） [规则 author；DESIGN: one commit per step by its actor]", "a review by {0} must be committed by that person (author {1}) [rule author; DESIGN: one commit per step by its actor]"),
        "check.reviewAfterCommit": ("审核时间 {0} 晚于提交时间（{1}） [规则 time-order；002 篇1 §4.2]", "review time {0} is after the commit ({1}) [rule time-order; 002 篇1 §4.2]"),
        "check.reviewCoverage": ("所列案件与该期间的案件现状不符 [规则 review-coverage；{0}]", "the covered cases are not the period's cases as they stand [rule review-coverage; {0}]"),
        "check.registerDeleted": ("名册条目不得删除或改名 [规则 append-only；000 篇2 §5.0]", "register entries are never deleted or renamed [rule append-only; 000 篇2 §5.0]"),
        "check.registerAuthor": ("{0}：由 {1} 所做，须由本人提交（提交者 {2}） [规则 author；DESIGN: one commit per step by its actor]", "{0}: made by {1}, who must commit it (author {2}) [rule author; DESIGN: one commit per step by its actor]"),
        "check.registerAfterCommit": ("{0}：时间 {1} 晚于提交时间（{2}） [规则 time-order；002 篇1 §4.2]", "{0}: time {1} is after the commit ({2}) [rule time-order; 002 篇1 §4.2]"),
        "check.mergeDropsRecords": ("合并丢弃或改动了某一方的记录 [规则 append-only；DESIGN: records are append-only]", "the merge drops or edits records of a parent [rule append-only; DESIGN: records are append-only]"),
        "check.mergeAddsVisits": ("合并提交不得添加自己的走访 [规则 merge；DESIGN: one commit per step by its actor]", "a merge adds no visits of its own [rule merge; DESIGN: one commit per step by its actor]"),
        "check.sampleFixed": ("已抽取的样本不得更改或删除 [规则 sample-fixed；000 篇2 §4.3]", "a drawn sample is never changed or removed [rule sample-fixed; 000 篇2 §4.3]"),
        "check.noSample": ("该规程没有月度抽样 [规则 sampling；001 篇2 §3.2]", "the profile has no monthly sample [rule sampling; 001 篇2 §3.2]"),
        "check.samplePath": ("{0} 的样本应存放在 {1} [规则 path]", "a sample of {0} belongs at {1} [rule path]"),
        "check.sampleRole": ("只有 {0} 可以抽样 [规则 role；{1}]", "only {0} may draw the sample [rule role; {1}]"),
        "check.sampleDrawDay": ("抽样记为 {0}，在 {1} 提交；抽样日期不得晚于提交日期，也不得早于本月此前的抽样 [规则 sampling-day；{2}]", "a draw dated {0} is committed on {1}; a draw is dated no later than its commit and no earlier than the month's draws before it [rule sampling-day; {2}]"),
        "refusal.sampling.notDaily": ("该规程不按日抽样", "the profile does not draw its sample daily"),
        "refusal.sampling.day": ("日期须为 YYYY-MM-DD", "day must be YYYY-MM-DD"),
        "sample.recomputed": ("{0}：已按各次抽样的记录重算 {1} 次抽样，选取相同；{2} 件完成的日常工作抽取 {3} 件", "{0}: recomputed {1} draw(s) from their records, the same selection; {3} of {2} finished routine cases selected"),
        "failure.sampleRecompute": ("--recompute：{0} [规则 sample-reproducible；{1}]", "--recompute: {0} [rule sample-reproducible; {1}]"),
        "check.sampleReproducible": ("抽中的案件与规则从这些案件中抽取的结果不符（种子 {0}…） [规则 sample-reproducible；{1}]", "the selection is not the one the rules draw from these cases (seed {0}…) [rule sample-reproducible; {1}]"),
        "check.schema": ("{0} [规则 schema；records/schema/{1}.schema.json]", "{0} [rule schema; records/schema/{1}.schema.json]"),
        "check.signedCommit.unsigned": ("{0} 的提交未签名；须用提交者登记的密钥签名 [规则 signed-commit；records/casebook.json signatures]", "commit by {0} is unsigned; signatures by the author's registered key are required [rule signed-commit; records/casebook.json signatures]"),
        "check.signedCommit.bad": ("{0} 的提交签名无效；须用提交者登记的密钥签名 [规则 signed-commit；records/casebook.json signatures]", "commit by {0} has a bad signature; signatures by the author's registered key are required [rule signed-commit; records/casebook.json signatures]"),
        "check.signedCommit.notRegistered": ("{0} 的提交不是用其登记的密钥签名的；须用提交者登记的密钥签名 [规则 signed-commit；records/casebook.json signatures]", "commit by {0} is not signed with the author's registered key; signatures by the author's registered key are required [rule signed-commit; records/casebook.json signatures]"),
        // Refusals of the rules beside those of DeskStrings.swift (`Refusal.Template`)
        "refusal.known-staff": ("操作人“{0}”不在 records/staff.json 中", "actor '{0}' is not in records/staff.json"),
        "refusal.state-is-fold": ("受理信息和当前状态与事件记录不一致", "intake and state are not the fold of the events"),
        "refusal.opens-first": ("案件须以受理开始，而非{0}", "a case begins with 'open', not '{0}'"),
        "refusal.opens-first.again": ("案件已受理", "the case is already open"),
        "refusal.personal-data": ("{0} 含有明文手机号；请写成掩码形式（138****5678）", "{0} holds a mobile number in clear; write it masked (138****5678)"),
        // Usage errors (ValidationError and swift-argument-parser's own), matched by their English line
        "usage.escalateTo": ("--to：supervisor（客服主管）或 manager（经理）", "--to: supervisor or manager"),
        "usage.severityRequired": ("--severity：投诉须注明投诉等级（major 重大、important 重要或 minor 轻微；002 篇5 §4）", "--severity: required for a complaint (major, important or minor; 002 篇5 §4)"),
        "usage.sizeRequired": ("--repair-size：报修须注明维修类别（small 小修、medium 中修或 large 大修；001 §5.4.2）", "--repair-size: required for a repair (small, medium or large; 001 §5.4.2)"),
        "usage.residentID": ("--resident：“{0}”不是住户编号（R- 加 16 位十六进制数字）", "--resident: '{0}' is not a resident id (R- and 16 hex digits)"),
        "usage.oneOf": ("{0} 须为以下之一：{1}", "{0} must be one of {1}"),
        "usage.desk": ("--desk 须为 1 到 6 个大写字母或数字", "--desk must be 1 to 6 capital letters or digits"),
        "usage.range": ("{0}：{1} 到 {2}", "{0}: {1} to {2}"),
        "usage.lang": ("--lang：须为 zh-Hans 或 en，而非“{0}”", "--lang: zh-Hans or en, not '{0}'"),
        "usage.correctByRequired": ("--correct-by：验证不合格时须给出新的整改期限（002 篇9 §4.2.2 c）", "--correct-by: required when the verification failed (002 篇9 §4.2.2 c)"),
        "usage.correctByOnlyFailed": ("--correct-by：只有验证不合格时才设定新的期限", "--correct-by: only a failed verification sets a new date"),
        "usage.missing": ("缺少参数 {0}", "Missing expected argument '{0}'"),
        "usage.revealJSON": ("--reveal：不能与 --json 同用（JSON 输出从不包含个人信息）", "--reveal: not with --json (the JSON output never holds personal data)"),
        "usage.missingSatisfied": ("缺少参数 --satisfied 或 --unsatisfied", "Missing expected argument '--satisfied' or '--unsatisfied'"),
        "usage.month": ("{0}：格式为 YYYY-MM，例如 {1}", "{0}: YYYY-MM, e.g. {1}"),
        "usage.stagedOrRange": ("请给出 --staged 或 --range OLD..NEW", "give --staged or --range OLD..NEW"),
        "usage.rangeForm": ("--range：OLD..NEW，或一个修订（检查其全部历史）", "--range: OLD..NEW, or one revision for its whole history"),
        "usage.atMost": ("{0}：最多 {1} 个字符", "{0}: at most {1} characters"),
        "usage.validInvalid": ("--valid 和 --invalid 不能同时使用", "--valid and --invalid exclude each other"),
        "usage.againstValid": ("--against：只有有效投诉才计入员工", "--against: only a valid complaint counts against a member of staff"),
        "usage.reclassifyNothing": ("请至少给出 --kind、--severity、--repair-size、--cause、--valid、--invalid 中的一项", "give at least one of --kind, --severity, --repair-size, --cause, --valid, --invalid"),
        "usage.verifyRange": ("RANGE：OLD..NEW", "RANGE: OLD..NEW"),
        "usage.emptyNestOnly": ("--aged、--contact：只用于空巢老人名册（001 §5.6.7）", "--aged, --contact: only for the empty-nest register (001 §5.6.7)"),
        "usage.emptyNestContact": ("--contact：登记空巢老人须附紧急联系人（001 §5.6.7.1）", "--contact: an empty-nest resident is registered with an emergency contact (001 §5.6.7.1)"),
        "usage.staffID": ("id：“{0}”须为 1–64 个 a-z、0-9、“.”、“-”、“_”", "id: '{0}' must be 1–64 of a-z, 0-9, '.', '-', '_'"),
        "usage.staffName": ("--name：须为 1–60 个字符，不含换行和尖括号", "--name: must be 1–60 characters without newlines or angle brackets"),
        "usage.email": ("--email：“{0}”不是电子邮件地址", "--email: '{0}' is not an email address"),
        "usage.role": ("--role：至少一个角色", "--role: at least one role"),
        "usage.unknownOption": ("未知选项 {0}", "Unknown option '{0}'"),
        "usage.unexpected": ("多余的参数 {0}", "Unexpected argument '{0}'"),
        "usage.noValue": ("{0} 缺少值", "Missing value for '{0}'"),
        "usage.invalidValue": ("“{0}”不是 {1} 的有效值；可用的值：{2}", "The value '{0}' is invalid for '{1}'. Please provide one of the following:{2}"),
        "usage.invalidValueOnly": ("“{0}”不是 {1} 的有效值", "The value '{0}' is invalid for '{1}'"),
        "usage.help": ("用法见 casebook {0} --help", "See 'casebook {0} --help'"),
    ]
}

extension Strings {
    /// An English message of the table (a key under one of `prefixes`) said in this language:
    /// the message is matched against each English template, `{0}`, `{1}`, … standing for any
    /// text, and the same values are put into this language's template. Nil when none matches.
    /// For messages that reach the user as English text only: swift-argument-parser's usage
    /// errors and the commands' `ValidationError`s.
    public func translating(english line: String, under prefixes: [String]) -> String? {
        for (key, entry) in Strings.table.sorted(by: { $0.key < $1.key }) where prefixes.contains(where: key.hasPrefix) {
            var pattern = "(?s)^"
            var rest = Substring(entry.en)
            while let open = rest.firstRange(of: "{"), let close = rest[open.upperBound...].firstIndex(of: "}") {
                pattern += NSRegularExpression.escapedPattern(for: String(rest[..<open.lowerBound])) + "(.*?)"
                rest = rest[rest.index(after: close)...]
            }
            pattern += NSRegularExpression.escapedPattern(for: String(rest)) + "$"
            guard let regex = try? Regex(pattern), let match = try? regex.wholeMatch(in: line) else { continue }
            let values = (1..<match.output.count).map { match.output[$0].substring.map(String.init) ?? "" }
            return fill(key, values)
        }
        return nil
    }
}
