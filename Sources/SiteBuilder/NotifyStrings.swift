extension Strings {
    /// What `casebook notify` tells staff on their work chat and by mail, and the lines it and the
    /// dashboard say about it: one entry per key with both languages; merged into `Strings.table`.
    static let notify: [String: (zh: String, en: String)] = [
        // Messages
        "notify.escalation": ("【升级】{0} 已转{1}跟进", "[Escalated] {0} is now with the {1}"),
        "notify.breach": ("【超时】{0} 时限“{1}”已过（{2}）", "[Deadline missed] {0}: {1} was due {2}"),
        "notify.warning": ("【即将到期】{0} 时限“{1}”将于 {2} 到期", "[Due soon] {0}: {1} is due {2}"),
        "notify.revisit": ("【今日回访】{0} 回访须于 {1} 前完成（{2}）", "[Revisit today] {0}: revisit by {1} ({2})"),
        "notify.digest": ("【今日待办】{0}，共 {1} 项", "[Today] {0}: {1} items"),
        "notify.case": ("{0}｜{1}｜{2}｜{3}", "{0} | {1} | {2} | {3}"),
        "notify.clause": ("依据：{0}", "Procedure: {0}"),
        "notify.holder": ("经办人：{0}", "Held by: {0}"),
        "notify.reason": ("原因：{0}", "Reason: {0}"),
        "notify.part": ("（第 {0}/{1} 部分）", "(part {0} of {1})"),
        "notify.footer": ("casebook 自动发送，请勿回复。", "Sent by casebook; do not reply."),
        "notify.subject": ("[{0}] {1}", "[{0}] {1}"),
        "notify.subjectMany": ("[{0}] {1} 等 {2} 条通知", "[{0}] {1} and {2} more"),
        "notify.late": ("已逾期 ", "late "),
        // Lines of the command
        "notify.sent": ("{0} 已发送（{1}）", "{0} sent ({1})"),
        "notify.failed": ("{0} 发送失败（{1}），{2} 后重试", "{0} failed ({1}); retry after {2}"),
        "notify.waiting": ("{0} 等待重试，{1} 后再发", "{0} waits to be retried after {1}"),
        "notify.rateHeld": ("{0}：已达每分钟 {1} 条的上限，其余留待下次发送", "{0}: {1} messages a minute reached; the rest wait for the next run"),
        "notify.summary": ("notify {0}：新通知 {1} 条，已发送 {2} 条，待发 {3} 条", "notify at {0}: {1} new, {2} sent, {3} waiting"),
        "notify.interrupted": ("上次发送中断，重发", "the last send was interrupted; sent again"),
        "notify.noConfig": ("没有 records/notify.json：不发送通知", "no records/notify.json: no notifications are sent"),
        "notify.badConfig": ("records/notify.json 有误，不发送通知：{0}", "records/notify.json is wrong, nothing is sent: {0}"),
        "notify.noSecret": ("渠道 {0}：本机的 {1} 中没有它的地址或密钥，消息留待配置后发送", "channel {0}: no address or key for it in this host's {1}; its messages wait until there is"),
        "notify.badSecrets": ("{0} 无法读取：{1}", "{0} cannot be read: {1}"),
        "notify.dryRun": ("（试运行，未发送，未记录）", "(dry run: nothing sent, nothing recorded)"),
        // The dashboard
        "notifyUndelivered": ("未送达的通知", "Notifications not delivered"),
        "notifyUndeliveredNone": ("所有通知均已送达。", "Every notification was delivered."),
        "notifyChannel": ("渠道", "Channel"),
        "notifyMessage": ("通知", "Notification"),
        "notifyAttempts": ("尝试次数", "Attempts"),
        "notifyAnswer": ("最后应答", "Last answer"),
        "notifyProblem": ("通知配置问题", "Notification set-up problem"),
        // Failures of the configuration
        "failure.notifyFormat": ("records/notify.json：format 须为 casebook.notify/1", "records/notify.json: format must be casebook.notify/1"),
        "failure.notifyDecode": ("records/notify.json 无法读取：{0}", "records/notify.json cannot be read: {0}"),
        "failure.notifyDigestAt": ("records/notify.json：digestAt “{0}” 须为 HH:MM，且避开整点和半点（:00、:30，平台要求错开）",
                                   "records/notify.json: digestAt '{0}' must be HH:MM, avoiding :00 and :30 (the platforms ask senders to)"),
        "failure.notifyChannelID": ("records/notify.json：渠道编号 “{0}” 须为小写字母、数字和连字符，且不重复",
                                    "records/notify.json: channel id '{0}' must be lowercase letters, digits and dashes, and unique"),
        "failure.notifyMember": ("records/notify.json：渠道 {0} 的成员 “{1}” 不在 records/staff.json 中", "records/notify.json: channel {0}: '{1}' is not in records/staff.json"),
        "failure.notifySecrets": ("{0} 无法读取（须为 JSON，形如 {\"channels\": {\"渠道编号\": {\"webhook\": \"…\"}}}）", "{0} cannot be read (it must be JSON like {\"channels\": {\"channel id\": {\"webhook\": \"…\"}}})"),
        "failure.notifyWarn": ("records/notify.json：warnBefore 的 “{0}”: “{1}” 须形如 75% 或 4h", "records/notify.json: warnBefore '{0}': '{1}' must be like 75% or 4h"),
    ]
}
