import Foundation
import Testing

/// Two desks and one central repository behind a real `git daemon` with the server hooks:
/// valid work from both desks arrives, the history verifies with stock git, and hand-made
/// commits that break the procedures are refused with their rule and leave the server unchanged.
@Suite(.serialized) struct ServerTests {
    /// A staff member with a signing key.
    struct Member {
        let id: String, name: String, role: String, key: String
        var email: String { "\(id)@cuihu.example" }
    }

    /// `git daemon` on 127.0.0.1 serving `base` with receive-pack, stopped by `stop()`.
    final class Daemon {
        let process = Process()
        let port: Int

        init(base: String, env: [String: String]) throws {
            port = Int.random(in: 20_000...60_000)
            // git-daemon itself, not the `git` wrapper, so terminating it stops the server.
            let exec = Process()
            exec.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            exec.arguments = ["git", "--exec-path"]
            let out = Pipe()
            exec.standardOutput = out
            try exec.run()
            let folder = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            exec.waitUntilExit()
            process.executableURL = URL(fileURLWithPath: folder + "/git-daemon")
            process.arguments = ["--reuseaddr", "--export-all", "--enable=receive-pack", "--listen=127.0.0.1",
                                 "--port=\(port)", "--base-path=\(base)", base]
            process.environment = env
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
        }

        var url: String { "git://127.0.0.1:\(port)/central.git" }

        /// Waits until the daemon answers `git ls-remote`, however long it takes to start on this
        /// machine; false only if the daemon exited (e.g. its port was taken).
        func waitUntilReachable(_ box: Sandbox) throws -> Bool {
            while process.isRunning {
                if try box.run("git", ["ls-remote", url]).status == 0 { return true }
                usleep(50_000)
            }
            return false
        }

        /// SIGKILL: the test runs on a dispatch worker thread, which blocks SIGTERM, and the
        /// daemon inherits that signal mask.
        func stop() {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// Commits the staged change with stock git as `member`, signed with their key unless
    /// `signed` is false, skipping the local pre-commit hook (the server must catch it).
    func handCommit(_ box: Sandbox, in dir: String, as member: Member, message: String, signed: Bool = true) throws {
        var args = ["-c", "user.name=\(member.name)", "-c", "user.email=\(member.email)", "-c", "gpg.format=ssh",
                    "-c", "user.signingkey=\(member.key)", "commit", "-q", "--no-verify", "-am", message]
        if signed { args.insert("-S", at: args.count - 2) }
        let o = try box.run("git", args, in: dir)
        #expect(o.status == 0, "\(o.stderr)")
    }

    /// Rewrites the case file at `path` in `dir` with `python` acting on `d` (the parsed JSON).
    func edit(_ box: Sandbox, _ dir: String, _ path: String, _ python: String) throws {
        let script = "import json,sys\np=sys.argv[1]\nd=json.load(open(p))\n\(python)\nopen(p,'w').write(json.dumps(d,ensure_ascii=False,indent=2,sort_keys=True))"
        let o = try box.run("python3", ["-c", script, dir + "/" + path], in: dir)
        #expect(o.status == 0, "\(o.stderr)")
    }

    @Test func twoDesksOneCentralRepository() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let seed = box.repo
        let t0 = "2026-11-02T08:00:00+08:00"
        try box.ok(["init", seed, "--desk", "S01", "--site", "翠湖花园服务中心"], now: t0)
        func member(_ id: String, _ name: String, _ role: String) throws -> Member {
            let key = box.root.appendingPathComponent("key-\(id)").path
            #expect(try box.run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", id, "-f", key]).status == 0)
            return Member(id: id, name: name, role: role, key: key)
        }
        let zhou = try member("zhou.jl", "周经理", "manager")
        let li = try member("li.na", "李娜", "receptionist")
        let chen = try member("chen.jie", "陈洁", "cs-assistant")
        for m in [zhou, li, chen] {
            try box.ok(["staff", "add", m.id, "--name", m.name, "--email", m.email, "--role", m.role, "--key", m.key + ".pub", "--as", "zhou.jl"],
                       now: t0, env: ["CASEBOOK_SIGNING_KEY": zhou.key])
        }
        // The manager turns on required signatures with stock git; the local hook checks it.
        try edit(box, seed, "records/casebook.json", "d['requireSignatures']=True")
        let required = try box.run("git", ["-c", "user.name=周经理", "-c", "user.email=\(zhou.email)", "-c", "gpg.format=ssh", "-c", "user.signingkey=\(zhou.key)",
                                     "commit", "-q", "-S", "-am", "要求签名"], in: seed, env: ["CASEBOOK_BIN": Sandbox.binary])
        #expect(required.status == 0, "\(required.stderr)")

        // The central repository, its hooks, and the daemon.
        let central = box.root.appendingPathComponent("central.git").path
        #expect(try box.run("git", ["init", "-q", "--bare", central]).status == 0)
        #expect(try box.run(Sandbox.binary, ["hooks", "install", "--server", central]).status == 0)
        #expect(FileManager.default.isExecutableFile(atPath: central + "/hooks/pre-receive"))
        // The server's clock (the push time its hook judges late entries against): the morning of
        // the desks' day, before any of their steps.
        let server = ["CASEBOOK_NOW": "2026-11-02T09:00:00+08:00"]
        #expect(try box.run("git", ["push", "-q", central, "main"], in: seed, env: server).status == 0)
        #expect(try box.run("git", ["symbolic-ref", "HEAD", "refs/heads/main"], in: central).status == 0)
        let daemon = try Daemon(base: box.root.path, env: box.env.merging(server) { $1 })
        defer { daemon.stop() }
        #expect(try daemon.waitUntilReachable(box), "git daemon exited before it answered")

        // Two desks, cloned over git://, set up by `casebook init`.
        let deskA = box.root.appendingPathComponent("deskA").path, deskB = box.root.appendingPathComponent("deskB").path
        for (dir, code) in [(deskA, "A01"), (deskB, "B01")] {
            #expect(try box.run("git", ["clone", "-q", daemon.url, dir]).status == 0)
            try box.ok(["init", dir, "--desk", code])
            #expect(try box.run("git", ["config", "merge.casebook.driver"], in: dir).stdout.contains("merge-driver %O %A %B %P"))
        }
        func on(_ dir: String, _ m: Member, _ args: [String], at now: String) throws -> String {
            try box.ok(args + ["--repo", dir, "--as", m.id], now: now, env: ["CASEBOOK_SIGNING_KEY": m.key])
        }
        // Desk A opens a case; desk B opens another; both sync.
        let x = try on(deskA, li, ["open", "--kind", "complaint", "--severity", "minor", "--channel", "phone", "--unit", "3-2-1801",
                                   "--reporter", "王女士", "--phone", "13812345678", "--summary", "楼道灯不亮"], at: "2026-11-02T09:00:00+08:00")
        let y = try on(deskB, chen, ["open", "--kind", "repair", "--repair-size", "small", "--channel", "walk-in",
                                     "--reporter", "陈先生", "--summary", "水管漏水"], at: "2026-11-02T09:10:00+08:00")
        #expect(try on(deskA, li, ["sync"], at: "2026-11-02T09:20:00+08:00") == "pulled 0 commits, pushed 1")
        #expect(try on(deskB, chen, ["sync"], at: "2026-11-02T09:21:00+08:00") == "pulled 1 commits, pushed 2")
        #expect(try on(deskA, li, ["sync"], at: "2026-11-02T09:22:00+08:00") == "pulled 2 commits; nothing to push")
        // Both desks append to the same case, then sync: the merge driver's union.
        try on(deskA, li, ["note", x, "已联系电工"], at: "2026-11-02T10:00:00+08:00")
        try on(deskB, chen, ["note", x, "已告知业主", "--owner-informed"], at: "2026-11-02T10:30:00+08:00")
        try on(deskA, li, ["sync"], at: "2026-11-02T10:40:00+08:00")
        #expect(try on(deskB, chen, ["sync"], at: "2026-11-02T10:41:00+08:00") == "pulled 1 commits, pushed 2")
        // Again, with stock git's pull at desk A: git runs casebook's merge driver on the case file.
        try on(deskA, li, ["note", x, "电工已到场"], at: "2026-11-02T10:50:00+08:00")
        try on(deskB, chen, ["note", x, "业主表示感谢"], at: "2026-11-02T10:55:00+08:00")
        #expect(try on(deskB, chen, ["sync"], at: "2026-11-02T10:56:00+08:00") == "pulled 0 commits, pushed 1")
        let pull = try box.run("git", ["-c", "user.name=李娜", "-c", "user.email=\(li.email)", "-c", "gpg.format=ssh", "-c", "user.signingkey=\(li.key)",
                                       "-c", "commit.gpgsign=true", "pull", "-q", "--no-rebase", "--no-edit", "origin", "main"], in: deskA)
        #expect(pull.status == 0, "\(pull.stdout)\(pull.stderr)")
        #expect(try on(deskA, li, ["sync"], at: "2026-11-02T11:00:00+08:00") == "pulled 0 commits, pushed 2")

        // Everything arrived: the central case holds both desks' notes, in time order.
        let central1 = try box.run("git", ["rev-parse", "main"], in: central).stdout
        let shown = try box.ok(["show", x, "--repo", deskA])
        for note in ["已联系电工", "已告知业主", "电工已到场", "业主表示感谢"] {
            #expect(shown.contains(note), "\(note) missing: \(shown)")
        }
        #expect(try box.run("git", ["cat-file", "-e", "main:\(casePath(y))"], in: central).status == 0)
        // The history verifies: casebook verify, and stock git with the allowed-signers file.
        let signers = box.root.appendingPathComponent("allowed_signers").path
        try Data(try box.ok(["keys", "allowed-signers", "--repo", deskA]).appending("\n").utf8).write(to: URL(fileURLWithPath: signers))
        let verify = try box.cb(["verify", "--repo", deskA])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        // Every commit good, the first (by system, with the host's key) included.
        #expect(!verify.stdout.contains("unsigned") && verify.stdout.contains("good"), "\(verify.stdout)")
        let revs = try box.run("git", ["rev-list", "main", "--max-parents=100", "--min-parents=1"], in: central).stdout.split(separator: "\n")
        #expect(revs.count >= 9)
        for rev in revs {
            let o = try box.run("git", ["-c", "gpg.ssh.allowedSignersFile=\(signers)", "verify-commit", String(rev)], in: central)
            #expect(o.status == 0, "verify-commit \(rev): \(o.stderr)")
            #expect(o.stderr.contains("Good \"git\" signature"))
        }
        #expect(try box.run("git", ["fsck", "--strict", "--no-progress"], in: central).status == 0)
        // An auditor re-checks the whole central history, every commit against the rules of its day.
        let audit = try box.run(Sandbox.binary, ["check", "--range", "main", "--repo", central])
        #expect(audit.status == 0, "\(audit.stderr)")

        // Hand-made commits that break the procedures, each pushed with stock git and refused.
        let path = "\(casePath(x))"
        func refused(_ rule: String, _ make: () throws -> Void) throws {
            try make()
            let push = try box.run("git", ["push", "origin", "main"], in: deskA)
            #expect(push.status != 0)
            #expect(push.stderr.contains("[rule \(rule);"), "expected rule \(rule): \(push.stderr)")
            #expect(try box.run("git", ["rev-parse", "main"], in: central).stdout == central1)
            #expect(try box.run("git", ["reset", "-q", "--hard", "origin/main"], in: deskA).status == 0)
        }
        // An edited past event.
        try refused("append-only") {
            try edit(box, deskA, path, "d['events'][1]['text']='改过的'")
            try handCommit(box, in: deskA, as: li, message: "改记录")
        }
        // A note by li.na committed (and signed) by chen.jie.
        try refused("author") {
            try edit(box, deskA, path, "e={'at':'2026-11-02T11:00:00+08:00','by':'li.na','action':'note','text':'代记'}\nd['events'].append(e)\nd['state']['updatedAt']=e['at']")
            try handCommit(box, in: deskA, as: chen, message: "代记")
        }
        // A valid note, unsigned, while signatures are required.
        try refused("signed-commit") {
            try edit(box, deskA, path, "e={'at':'2026-11-02T11:00:00+08:00','by':'li.na','action':'note','text':'未签名'}\nd['events'].append(e)\nd['state']['updatedAt']=e['at']")
            try handCommit(box, in: deskA, as: li, message: "未签名", signed: false)
        }
        // A resolve (valid, by casebook) followed by a hand-made close before the revisit: the
        // push is refused as a whole.
        try refused("revisit-before-close") {
            try on(deskA, chen, ["resolve", x, "--result", "已更换灯泡"], at: "2026-11-02T12:00:00+08:00")
            try edit(box, deskA, path, "e={'at':'2026-11-02T12:30:00+08:00','by':'chen.jie','action':'close'}\nd['events'].append(e)\nd['state'].update(status='closed',closedAt=e['at'],updatedAt=e['at'])")
            try handCommit(box, in: deskA, as: chen, message: "结案")
        }
        // Deleting the branch on the server is refused too.
        let delete = try box.run("git", ["push", "origin", ":main"], in: deskA)
        #expect(delete.status != 0)
        #expect(try box.run("git", ["rev-parse", "main"], in: central).stdout == central1)
    }
}
