extension Strings {
    /// The central host's words: the pusher's refusals in the server hook and the `host`
    /// commands' lines. Merged into `Strings.table`.
    static let host: [String: (zh: String, en: String)] = [
        "check.notPusher": ("由 {0} 提交，却由 {1} 推送；每人只推送本人的步骤 [规则 pusher；DESIGN: who pushes = GL_USER]",
                            "authored by {0} but pushed by {1}: everyone pushes only their own steps [rule pusher; DESIGN: who pushes = GL_USER]"),
        "check.pusherNotStaff": ("推送者 {0} 不在 records/staff.json 中，不能推送 [规则 pusher；records/staff.json]",
                                 "pusher {0} is not in records/staff.json and cannot push [rule pusher; records/staff.json]"),
        "failure.host.noCentral": ("--central：未指定中心仓库（在钩子外请用 --central）", "--central: no central repository given (outside the hooks, give --central)"),
        "failure.host.noCommits": ("{0}：中心仓库还没有提交", "{0}: the central repository has no commits yet"),
        "failure.host.noSite": ("--site：未指定发布目录（请用 --site，或先执行 casebook host install --site）",
                                "--site: no site folder (give --site, or run casebook host install --site first)"),
        "failure.host.cannotRun": ("无法运行 {0}：{1}", "cannot run {0}: {1}"),
        "failure.host.gitoliteFailed": ("gitolite {0} 失败（退出码 {1}）", "gitolite {0} failed (exit {1})"),
        "failure.host.htpasswdFailed": ("htpasswd 失败（退出码 {0}；请安装 apache2-utils）", "htpasswd failed (exit {0}; install apache2-utils)"),
        "failure.host.buildFailed": ("看板生成失败，原站点保持不变：{0}", "the dashboard could not be built; the old site stays: {0}"),
        "failure.host.switchFailed": ("无法切换 {0}：{1}", "cannot switch {0}: {1}"),
        "failure.host.pullFailed": ("{0}：无法从 origin 快进到 main", "{0}: cannot fast-forward to origin's main"),
        "failure.host.pushFailed": ("{0}：中心仓库拒绝了 system 的推送（原因见上）", "{0}: the central repository refused system's push (see above)"),
        "host.installed": ("已在 {0} 安装 pre-receive 和 post-receive", "pre-receive and post-receive installed in {0}"),
        "host.keysSynced": ("gitolite：{0} 个用户，仓库 {1}", "gitolite: {0} users, repository {1}"),
        "host.newPasswords": ("新密码：{0}（见 {1}，交给本人后删除该文件）", "new passwords: {0} (in {1}; hand them over, then delete the file)"),
        "host.published": ("看板已发布：{0} → {1}", "dashboard published: {0} -> {1}"),
    ]
}
