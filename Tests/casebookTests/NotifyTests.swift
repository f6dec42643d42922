import Foundation
import Testing

/// A stand-in server from Tests/notify (the chat robots, or aiosmtpd) on 127.0.0.1 with a free
/// port, bounded in time and stopped afterwards.
final class LocalServer {
    let dir: URL
    let process = Process()
    let port: Int

    init(_ script: String, _ args: [String] = [], in box: Sandbox) throws {
        dir = box.root.appendingPathComponent("server-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        // Debian's interpreter (with python3-aiosmtpd) itself, not a wrapper that would outlive terminate().
        let python = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") ? "/usr/bin/python3" : "/usr/bin/env"
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = (python == "/usr/bin/env" ? ["python3"] : []) + [Sandbox.projectRoot.appendingPathComponent("Tests/notify/\(script)").path, "--dir", dir.path, "--timeout", "180"] + args
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let portFile = dir.appendingPathComponent("port")
        var found: Int?
        for _ in 0..<400 {
            if let text = try? String(contentsOf: portFile, encoding: .utf8), let p = Int(text) { found = p; break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        guard let found else {
            process.terminate()
            throw CocoaError(.fileNoSuchFile)
        }
        port = found
    }

    func stop() {
        // SIGKILL: a child of the test process may inherit a mask that blocks SIGTERM.
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// The requests the robots saw, in order.
    var log: [[String: Any]] {
        let text = (try? String(contentsOf: dir.appendingPathComponent("log.jsonl"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    func entries(_ robot: String, _ outcome: String) -> [String] {
        log.filter { $0["robot"] as? String == robot && $0["outcome"] as? String == outcome }.map { $0["text"] as? String ?? "" }
    }

    /// Every text the robots were sent, whatever they answered.
    var allTexts: [String] { log.compactMap { $0["text"] as? String } }

    /// The mails aiosmtpd received (raw).
    var mails: [String] {
        let folder = dir.appendingPathComponent("mail")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".eml") }
            .sorted { Int($0.dropLast(4)) ?? 0 < Int($1.dropLast(4)) ?? 0 }
        return names.compactMap { try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
    }

    func release() {
        FileManager.default.createFile(atPath: dir.appendingPathComponent("release").path, contents: Data())
    }
}

/// `casebook notify` end to end on loopback: sweep escalates, notify tells once, a rerun tells
/// nothing, failures are retried, a kill mid-send loses and duplicates nothing.
@Suite(.serialized) struct NotifyTests {
    static let manager = ["GIT_AUTHOR_NAME": "周经理", "GIT_AUTHOR_EMAIL": "zhou@cuihu.example",
                          "GIT_COMMITTER_NAME": "周经理", "GIT_COMMITTER_EMAIL": "zhou@cuihu.example"]

    /// A repository with one repair case (resident 赵建国, 13611112222) that `sweep` at
    /// 2026-11-20 09:00 escalates to the supervisor, records as breached and takes to the manager.
    static func repository(_ box: Sandbox) throws -> String {
        try box.makeRepository()
        let id = try box.ok(["open", "--as", "li.na", "--kind", "repair", "--repair-size", "medium", "--channel", "phone",
                             "--unit", "7-2-1102", "--reporter", "赵建国", "--phone", "13611112222", "--summary", "卫生间顶棚渗水，赵建国 13611112222 来电"],
                            now: "2026-11-12T11:00:00+08:00")
        try box.ok(["dispatch", id, "--department", "engineering", "--assignee", "zhao.gong", "--as", "li.na"], now: "2026-11-12T11:20:00+08:00")
        return id
    }

    /// Commits `config` as records/notify.json, by the manager, through the hooks.
    static func configure(_ box: Sandbox, _ config: String, now: String = "2026-11-19T08:00:00+08:00") throws -> Outcome {
        try config.write(toFile: box.repo + "/records/notify.json", atomically: true, encoding: .utf8)
        let env = manager.merging(["CASEBOOK_BIN": Sandbox.binary, "CASEBOOK_NOW": now]) { $1 }
        _ = try box.run("git", ["add", "records/notify.json"], env: env)
        return try box.run("git", ["commit", "-q", "-m", "notify: channels"], env: env.merging(["GIT_AUTHOR_DATE": now, "GIT_COMMITTER_DATE": now]) { $1 })
    }

    static func secrets(_ box: Sandbox, _ json: String) throws -> [String: String] {
        let path = box.root.appendingPathComponent("notify-secrets.json").path
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        return ["CASEBOOK_NOTIFY_SECRETS": path, "CASEBOOK_NOTIFY_TIMEOUT": "60"]
    }

    static let wecom = """
    {"format": "casebook.notify/1", "digestAt": "08:10", "warnBefore": {"*": "75%"},
     "channels": [{"id": "desk", "type": "wecom", "members": ["li.na", "wang.zg", "zhou.jl", "zhao.gong"],
                   "mentions": {"wang.zg": "WangZG", "zhou.jl": "ZhouJL", "zhao.gong": "ZhaoGong"}, "topics": ["escalation", "breach", "warning"]}]}
    """

    static func secretsJSON(_ port: Int) -> String {
        """
        {"channels": {"desk": {"webhook": "http://127.0.0.1:\(port)/wecom/cgi-bin/webhook/send?key=test-wecom-key"},
                      "ding": {"webhook": "http://127.0.0.1:\(port)/dingtalk/robot/send?access_token=test-ding-token", "secret": "SECtest-ding-secret"},
                      "fs": {"webhook": "http://127.0.0.1:\(port)/feishu/hook/test-feishu-token", "secret": "test-feishu-secret"}}}
        """
    }

    /// No resident's phone or full name in anything a platform was sent.
    static func masked(_ texts: [String]) {
        for t in texts {
            #expect(!t.contains("13611112222") && !t.contains("赵建国") && !t.contains("建国"), "\(t)")
        }
    }

    static func outbox(_ box: Sandbox) throws -> String {
        try box.git(["log", "-p", "--format=%H %an %G?", "refs/casebook/notify"])
    }

    /// The robots are called through `curl`, not FoundationNetworking: linking it would load
    /// libcurl and its two dozen libraries into every casebook process, every state change too.
    @Test func noCasebookProcessLoadsAnHTTPLibrary() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let needed = try box.run("readelf", ["--dynamic", Sandbox.binary], in: box.root.path)
        #expect(needed.status == 0, "\(needed.stderr)")
        #expect(needed.stdout.contains("libc.so"), "\(needed.stdout)")
        #expect(!needed.stdout.contains("libcurl") && !needed.stdout.contains("FoundationNetworking"), "\(needed.stdout)")
    }

    @Test func dryRunPrintsAndRecordsNothing() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let id = try NotifyTests.repository(box)
        let none = try box.cb(["notify"], now: "2026-11-19T09:00:00+08:00")
        #expect(none.status == 0 && none.stderr.contains("no records/notify.json"))
        #expect(try NotifyTests.configure(box, NotifyTests.wecom).status == 0)
        try box.ok(["sweep"], now: "2026-11-20T09:00:00+08:00")
        let dry = try box.cb(["notify", "--dry-run"], now: "2026-11-20T09:05:00+08:00")
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("desk\t") && dry.stdout.contains("【升级】\(id) 已转客服主管跟进") && dry.stdout.contains("【升级】\(id) 已转经理跟进"))
        #expect(dry.stdout.contains("【超时】\(id)") && dry.stdout.contains("<@WangZG>") && dry.stdout.contains("<@ZhaoGong>"))
        #expect(dry.stderr.contains("dry run"))
        NotifyTests.masked([dry.stdout])
        #expect(try box.run("git", ["rev-parse", "--verify", "-q", "refs/casebook/notify"]).status != 0)
    }

    @Test func configurationIsTheManagersAndChecked() throws {
        let box = try Sandbox()
        defer { box.remove() }
        _ = try NotifyTests.repository(box)
        let half = try NotifyTests.configure(box, NotifyTests.wecom.replacingOccurrences(of: "08:10", with: "08:30"))
        #expect(half.status != 0 && half.stderr.contains("digestAt"))
        let stranger = try NotifyTests.configure(box, NotifyTests.wecom.replacingOccurrences(of: "\"li.na\",", with: "\"nobody\","))
        #expect(stranger.status != 0 && stranger.stderr.contains("nobody"))
        try box.git(["reset", "-q", "--hard"])
        try NotifyTests.wecom.write(toFile: box.repo + "/records/notify.json", atomically: true, encoding: .utf8)
        try box.git(["add", "records/notify.json"])
        let desk = try box.run("git", ["commit", "-q", "-m", "x"], env: ["CASEBOOK_BIN": Sandbox.binary, "GIT_AUTHOR_NAME": "李娜",
                                                                       "GIT_AUTHOR_EMAIL": "li.na@cuihu.example", "GIT_COMMITTER_EMAIL": "li.na@cuihu.example"])
        #expect(desk.status != 0)
    }

    @Test func wecomTellsOnceAndRecordsTheAnswer() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let id = try NotifyTests.repository(box)
        #expect(try NotifyTests.configure(box, NotifyTests.wecom).status == 0)
        let server = try LocalServer("robots.py", in: box)
        defer { server.stop() }
        let env = try NotifyTests.secrets(box, NotifyTests.secretsJSON(server.port))
        try box.ok(["sweep"], now: "2026-11-20T09:00:00+08:00")
        let first = try box.cb(["notify"], now: "2026-11-20T09:05:00+08:00", env: env)
        #expect(first.status == 0, "\(first.stderr)")
        let delivered = server.entries("wecom", "delivered")
        #expect(delivered.count == 1, "\(server.log)")
        let text = delivered.joined()
        #expect(text.contains("【升级】\(id) 已转客服主管跟进") && text.contains("【升级】\(id) 已转经理跟进") && text.contains("【超时】\(id)"))
        #expect(text.contains("<@WangZG>") && text.contains("<@ZhouJL>") && text.contains("<@ZhaoGong>"))
        #expect(text.contains("赵＊＊") && text.contains("7-2-1102"))
        NotifyTests.masked(server.allTexts)
        // A second run, later, tells nothing again.
        let second = try box.cb(["notify"], now: "2026-11-20T09:20:00+08:00", env: env)
        #expect(second.status == 0)
        #expect(server.log.count == 1)
        // On the record: signed commits by the system actor, the text and the platform's answer.
        let record = try NotifyTests.outbox(box)
        #expect(record.contains("casebook") && record.contains("errcode 0 ok") && record.contains("\"outcome\" : \"ok\""))
        #expect(record.contains("\"to\" : ["))
        #expect(try box.git(["cat-file", "commit", "refs/casebook/notify"]).contains("-----BEGIN SSH SIGNATURE-----"))
    }

    @Test func dingtalkAndFeishuAreSignedAsThePlatformsCheck() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let id = try NotifyTests.repository(box)
        let config = """
        {"format": "casebook.notify/1", "locale": "en",
         "channels": [{"id": "ding", "type": "dingtalk", "members": ["wang.zg", "zhou.jl"], "mentions": {"wang.zg": "user123"}},
                      {"id": "fs", "type": "feishu", "members": ["wang.zg", "zhou.jl"], "mentions": {"zhou.jl": "ou_abc"}}]}
        """
        #expect(try NotifyTests.configure(box, config).status == 0)
        let server = try LocalServer("robots.py", in: box)
        defer { server.stop() }
        let env = try NotifyTests.secrets(box, NotifyTests.secretsJSON(server.port))
        try box.ok(["sweep"], now: "2026-11-20T09:00:00+08:00")
        let out = try box.cb(["notify"], now: "2026-11-20T09:05:00+08:00", env: env)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(server.log.allSatisfy { $0["outcome"] as? String == "delivered" }, "\(server.log)")
        let ding = server.entries("dingtalk", "delivered"), fs = server.entries("feishu", "delivered")
        #expect(ding.count == 1 && fs.count == 1)
        #expect(ding.joined().contains("[Escalated] \(id) is now with the manager") && ding.joined().contains("@user123"))
        #expect(fs.joined().contains("[Escalated] \(id) is now with the supervisor") && fs.joined().contains("<at user_id=\"ou_abc\">周经理</at>"))
        let mentioned = server.log.first { $0["robot"] as? String == "dingtalk" }?["mentions"] as? [String]
        #expect(mentioned == ["user123"])
        NotifyTests.masked(server.allTexts)
        // A wrong secret is refused by the platform: recorded as failed, kept for later.
        let wrong = NotifyTests.secretsJSON(server.port).replacingOccurrences(of: "SECtest-ding-secret", with: "SECwrong")
        let env2 = try NotifyTests.secrets(box, wrong)
        let other = try box.ok(["open", "--as", "li.na", "--kind", "complaint", "--severity", "minor", "--channel", "phone",
                                "--reporter", "钱先生", "--summary", "电梯多次困人"], now: "2026-11-20T09:40:00+08:00")
        try box.ok(["escalate", other, "--to", "supervisor", "--reason", "业主再次来电", "--as", "li.na"], now: "2026-11-20T10:00:00+08:00")
        let bad = try box.cb(["notify"], now: "2026-11-20T10:05:00+08:00", env: env2)
        #expect(bad.status == 0 && bad.stdout.contains("failed\terrcode 310000"))
        #expect(server.entries("dingtalk", "rejected").count == 1)
    }

    @Test func aFailingEndpointIsRetriedWithBackOffUntilItSucceeds() throws {
        let box = try Sandbox()
        defer { box.remove() }
        _ = try NotifyTests.repository(box)
        #expect(try NotifyTests.configure(box, NotifyTests.wecom).status == 0)
        let server = try LocalServer("robots.py", ["--script", "wecom=fail,http500,rate"], in: box)
        defer { server.stop() }
        let env = try NotifyTests.secrets(box, NotifyTests.secretsJSON(server.port))
        try box.ok(["sweep"], now: "2026-11-20T09:00:00+08:00")
        #expect(try box.cb(["notify"], now: "2026-11-20T09:05:00+08:00", env: env).stdout.contains("failed\terrcode -1"))
        // The dashboard shows the failed send until it goes through.
        let site = box.root.appendingPathComponent("site").path
        try box.ok(["site", "--out", site], now: "2026-11-20T09:05:10+08:00", env: env)
        let overview = try String(contentsOfFile: site + "/index.html", encoding: .utf8)
        #expect(overview.contains("data-table=\"undelivered\"") && overview.contains("errcode -1 system busy"))
        // Within the back-off (1 min after the first failure): not tried.
        let early = try box.cb(["notify"], now: "2026-11-20T09:05:30+08:00", env: env)
        #expect(early.stdout.contains("waiting") && server.log.count == 1)
        #expect(try box.cb(["notify"], now: "2026-11-20T09:06:01+08:00", env: env).stdout.contains("failed\tHTTP 500"))
        // Second failure: two minutes.
        #expect(try box.cb(["notify"], now: "2026-11-20T09:07:30+08:00", env: env).stdout.contains("waiting"))
        #expect(try box.cb(["notify"], now: "2026-11-20T09:08:02+08:00", env: env).stdout.contains("failed\terrcode 45009"))
        // The platform's rate limit: one minute.
        let ok = try box.cb(["notify"], now: "2026-11-20T09:09:03+08:00", env: env)
        #expect(ok.stdout.contains("\tok\terrcode 0"), "\(ok.stdout) \(ok.stderr)")
        #expect(server.entries("wecom", "delivered").count == 1 && server.log.count == 4)
        _ = try box.cb(["notify"], now: "2026-11-20T09:30:00+08:00", env: env)
        #expect(server.log.count == 4)
        try box.ok(["site", "--out", site], now: "2026-11-20T09:30:10+08:00", env: env)
        #expect(!(try String(contentsOfFile: site + "/index.html", encoding: .utf8)).contains("data-table=\"undelivered\""))
        let record = try NotifyTests.outbox(box)
        #expect(record.contains("errcode -1 system busy") && record.contains("HTTP 500") && record.contains("errcode 45009"))
    }

    @Test func aKillMidSendLosesAndDuplicatesNothing() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let id = try NotifyTests.repository(box)
        #expect(try NotifyTests.configure(box, NotifyTests.wecom).status == 0)
        let server = try LocalServer("robots.py", ["--script", "wecom=hold"], in: box)
        defer { server.stop() }
        let env = try NotifyTests.secrets(box, NotifyTests.secretsJSON(server.port))
        try box.ok(["sweep"], now: "2026-11-20T09:00:00+08:00")
        // The server holds the request; the notifier is killed while it waits for the answer.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Sandbox.binary)
        p.arguments = ["notify"]
        p.currentDirectoryURL = URL(fileURLWithPath: box.repo)
        p.environment = box.env.merging(env.merging(["CASEBOOK_NOW": "2026-11-20T09:05:00+08:00"]) { $1 }) { $1 }
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        var holding = false
        for _ in 0..<1200 where !holding {
            holding = !server.entries("wecom", "holding").isEmpty
            if !holding { Thread.sleep(forTimeInterval: 0.05) }
        }
        #expect(holding)
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        server.release()
        for _ in 0..<200 where server.entries("wecom", "dropped").isEmpty { Thread.sleep(forTimeInterval: 0.05) }
        // The next run finds the send interrupted and makes it again: told exactly once.
        let again = try box.cb(["notify"], now: "2026-11-20T09:10:00+08:00", env: env)
        #expect(again.status == 0, "\(again.stderr)")
        let delivered = server.entries("wecom", "delivered")
        #expect(delivered.count == 1 && delivered[0].contains("【升级】\(id) 已转经理跟进"))
        _ = try box.cb(["notify"], now: "2026-11-20T09:20:00+08:00", env: env)
        #expect(server.entries("wecom", "delivered").count == 1)
        let record = try NotifyTests.outbox(box)
        #expect(record.contains("\"outcome\" : \"interrupted\"") && record.contains("\"outcome\" : \"ok\""))
        #expect(try box.run("git", ["ls-tree", "-r", "--name-only", "refs/casebook/notify", "pending"]).stdout.isEmpty)
    }

    @Test func mailOneDigestPerPersonWithinTheRateAndAWarningWithoutSecret() throws {
        let box = try Sandbox()
        defer { box.remove() }
        _ = try NotifyTests.repository(box)
        let mine = try box.ok(["open", "--as", "li.na", "--kind", "help", "--channel", "walk-in", "--reporter", "孙丽华", "--phone", "13900001111",
                               "--summary", "借梯子"], now: "2026-11-12T12:00:00+08:00")
        let config = """
        {"format": "casebook.notify/1", "digestAt": "08:10",
         "channels": [{"id": "mail", "type": "email", "members": ["zhao.gong", "li.na"], "topics": ["digest"], "perMinute": 1},
                      {"id": "nowhere", "type": "wecom", "members": ["li.na"]}]}
        """
        #expect(try NotifyTests.configure(box, config, now: "2026-11-12T13:00:00+08:00").status == 0)
        let smtp = try LocalServer("smtp.py", in: box)
        defer { smtp.stop() }
        let env = try NotifyTests.secrets(box, """
            {"channels": {"mail": {"smtp": "smtp://127.0.0.1:\(smtp.port)", "from": "casebook@cuihu.example"}}}
            """)
        // Before the digest time: nothing.
        let early = try box.cb(["notify"], now: "2026-11-13T08:05:00+08:00", env: env)
        #expect(early.status == 0 && smtp.mails.isEmpty)
        // One mail a minute: the second person's waits for the next run.
        let first = try box.cb(["notify"], now: "2026-11-13T08:12:00+08:00", env: env)
        #expect(first.status == 0 && first.stderr.contains("mail: 1 messages a minute"), "\(first.stderr)")
        #expect(first.stderr.contains("channel nowhere: no address or key"))
        #expect(smtp.mails.count == 1)
        _ = try box.cb(["notify"], now: "2026-11-13T08:12:30+08:00", env: env)
        #expect(smtp.mails.count == 1)
        _ = try box.cb(["notify"], now: "2026-11-13T08:13:01+08:00", env: env)
        _ = try box.cb(["notify"], now: "2026-11-13T09:00:00+08:00", env: env)
        let mails = smtp.mails
        #expect(mails.count == 2)
        var bodies: [String] = []
        for mail in mails {
            #expect(mail.contains("Auto-Submitted: auto-generated") && mail.contains("Subject: =?UTF-8?B?") && mail.contains("Content-Type: text/plain; charset=UTF-8"))
            let parts = mail.components(separatedBy: "\r\n\r\n")
            let body = String(decoding: Data(base64Encoded: parts.dropFirst().joined().filter { !$0.isWhitespace }) ?? Data(), as: UTF8.self)
            bodies.append(body)
            #expect(body.contains("【今日待办】"), "\(body)")
        }
        #expect(mails.contains { $0.contains("To: <li.na@cuihu.example>") } && mails.contains { $0.contains("To: <zhao.gong@cuihu.example>") })
        #expect(bodies.joined().contains(mine))
        NotifyTests.masked(bodies + mails)
        #expect(!bodies.joined().contains("孙丽华") && !bodies.joined().contains("13900001111"))
    }
}
