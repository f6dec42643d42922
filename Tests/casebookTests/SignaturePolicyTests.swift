import Foundation
import Testing

/// No one acts in another's name: once a member of staff has a registered key, every step in
/// their name is signed with it, refused locally without it, and refused by the pre-commit and
/// the server's pre-receive hook when it is not; every commit's author is on the staff list;
/// `system` steps are signed with the host's key.
@Suite struct SignaturePolicyTests {
    /// A key pair made with ssh-keygen in the sandbox: the private key's path.
    static func keygen(_ box: Sandbox, _ id: String) throws -> String {
        let key = box.root.appendingPathComponent("key-\(id)").path
        #expect(try box.run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", id, "-f", key], in: box.root.path).status == 0)
        return key
    }

    /// Appends a note by `by` to case `id` with python, as a hand edit would.
    static func noteByHand(_ box: Sandbox, in dir: String, id: String, by: String, at: String) throws {
        let path = try box.run("git", ["ls-files", "records/cases"], in: dir).stdout.split(separator: "\n").map(String.init).first { $0.contains(id) } ?? ""
        let script = "import json,sys\np=sys.argv[1]\nd=json.load(open(p))\ne={'at':'\(at)','by':'\(by)','action':'note','text':'已电话联系业主'}\n"
            + "d['events'].append(e)\nd['state']['updatedAt']=e['at']\nopen(p,'w').write(json.dumps(d,ensure_ascii=False,indent=2,sort_keys=True))"
        #expect(try box.run("python3", ["-c", script, dir + "/" + path]).status == 0)
    }

    /// `git commit -am` in `dir` as `email`, with `extra` git options (e.g. signing), through the hooks
    /// unless `verify` is false, at 10:00 on the test's day.
    static func commit(_ box: Sandbox, in dir: String, as email: String, name: String, _ extra: [String] = [], verify: Bool = true) throws -> Outcome {
        try box.run("git", ["-c", "user.name=\(name)", "-c", "user.email=\(email)"] + extra + ["commit", "-q", "-am", "hand"] + (verify ? [] : ["--no-verify"]),
                    in: dir, env: ["CASEBOOK_BIN": Sandbox.binary, "CASEBOOK_NOW": "2026-11-22T10:00:00+08:00",
                                   "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email, "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email])
    }

    @Test func stepsInTheNameOfSomeoneWithAKeyMustBeSignedWithIt() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        let wang = try Self.keygen(box, "wang.zg")
        try box.ok(["staff", "key", "wang.zg", wang + ".pub", "--as", "zhou.jl"], now: "2026-11-22T08:00:00+08:00")
        // Staff without a key may still record unsigned (the default, where-registered).
        let id = try box.ok(["open", "--as", "li.na", "--kind", "complaint", "--severity", "minor", "--channel", "phone",
                             "--reporter", "王女士", "--summary", "楼道灯不亮"], now: "2026-11-22T09:00:00+08:00")

        // The central repository with the server's hooks.
        let central = box.root.appendingPathComponent("central.git").path
        #expect(try box.run("git", ["init", "-q", "--bare", central]).status == 0)
        #expect(try box.run(Sandbox.binary, ["hooks", "install", "--server", central]).status == 0)
        let server = ["CASEBOOK_NOW": "2026-11-22T10:05:00+08:00"]
        func push() throws -> Outcome { try box.run("git", ["push", "-q", central, "HEAD:main"], in: box.repo, env: server) }
        #expect(try push().status == 0)

        // Acting as wang.zg without his key: refused, one line naming the rule, nothing written.
        let before = try box.snapshot()
        let refused = try box.cb(["note", id, "已联系", "--as", "wang.zg"], now: "2026-11-22T09:10:00+08:00")
        #expect(refused.status == 1 && refused.stderr.split(separator: "\n").count == 1)
        #expect(refused.stderr.contains("wang.zg has a registered key") && refused.stderr.contains("rule signed-commit"))
        let other = try box.cb(["note", id, "已联系", "--as", "wang.zg"], now: "2026-11-22T09:10:00+08:00",
                               env: ["CASEBOOK_SIGNING_KEY": try Self.keygen(box, "someone")])
        #expect(other.status == 1 && other.stderr.contains("is not the key registered for wang.zg"))
        #expect(try box.snapshot() == before)
        // With it: recorded, signed, good.
        try box.ok(["note", id, "已联系", "--as", "wang.zg"], now: "2026-11-22T09:10:00+08:00", env: ["CASEBOOK_SIGNING_KEY": wang])
        #expect(try box.ok(["verify", "HEAD~1..HEAD"]).contains("good"))
        #expect(try push().status == 0)

        // A hand-made unsigned commit in his name: refused by pre-commit, and by the server when
        // committed past the local hook.
        try Self.noteByHand(box, in: box.repo, id: id, by: "wang.zg", at: "2026-11-22T09:20:00+08:00")
        let local = try Self.commit(box, in: box.repo, as: "wang.zg@cuihu.example", name: "王主管")
        #expect(local.status != 0 && local.stderr.contains("rule signed-commit"), "\(local.stderr)")
        #expect(try Self.commit(box, in: box.repo, as: "wang.zg@cuihu.example", name: "王主管", verify: false).status == 0)
        let centralHead = try box.run("git", ["rev-parse", "main"], in: central).stdout
        let pushed = try push()
        #expect(pushed.status != 0 && pushed.stderr.contains("is unsigned") && pushed.stderr.contains("rule signed-commit"), "\(pushed.stderr)")
        #expect(try box.run("git", ["rev-parse", "main"], in: central).stdout == centralHead)
        try box.git(["reset", "-q", "--hard", "HEAD~1"])

        // The same step signed by hand with his registered key: accepted by both hooks.
        try Self.noteByHand(box, in: box.repo, id: id, by: "wang.zg", at: "2026-11-22T09:20:00+08:00")
        let signed = try Self.commit(box, in: box.repo, as: "wang.zg@cuihu.example", name: "王主管",
                                     ["-c", "gpg.format=ssh", "-c", "user.signingkey=\(wang)", "-c", "commit.gpgsign=true"])
        #expect(signed.status == 0, "\(signed.stderr)")
        let accepted = try push()
        #expect(accepted.status == 0, "\(accepted.stderr)")

        // An author who is not on the staff list, whatever the file: refused by both hooks.
        try "访客须知\n".write(toFile: box.repo + "/NOTICE.txt", atomically: false, encoding: .utf8)
        try box.git(["add", "NOTICE.txt"])
        let stranger = try Self.commit(box, in: box.repo, as: "visitor@example.com", name: "访客")
        #expect(stranger.status != 0 && stranger.stderr.contains("rule known-author"), "\(stranger.stderr)")
        #expect(try Self.commit(box, in: box.repo, as: "visitor@example.com", name: "访客", verify: false).status == 0)
        let strangerPush = try push()
        #expect(strangerPush.status != 0 && strangerPush.stderr.contains("visitor@example.com is not in records/staff.json"), "\(strangerPush.stderr)")
        try box.git(["reset", "-q", "--hard", "HEAD~1"])
        #expect(try box.run("git", ["fsck", "--strict"], in: central).status == 0)
    }

    /// `system` has the host's key (made by init, kept in .git/casebook/keys/system): a desk
    /// without it cannot sweep, and an unsigned step as system is refused by the server.
    @Test func systemStepsNeedTheHostsKey() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        #expect(FileManager.default.fileExists(atPath: box.repo + "/.git/casebook/keys/system"))
        #expect(try box.ok(["verify"]).contains("good"))
        let id = try box.ok(["open", "--as", "li.na", "--kind", "repair", "--repair-size", "small", "--channel", "phone",
                             "--reporter", "赵先生", "--summary", "水管漏水"], now: "2026-11-22T09:00:00+08:00")
        let central = box.root.appendingPathComponent("central.git").path
        #expect(try box.run("git", ["init", "-q", "--bare", central]).status == 0)
        #expect(try box.run(Sandbox.binary, ["hooks", "install", "--server", central]).status == 0)
        #expect(try box.run("git", ["push", "-q", central, "HEAD:main"], in: box.repo, env: ["CASEBOOK_NOW": "2026-11-22T09:05:00+08:00"]).status == 0)
        #expect(try box.run("git", ["symbolic-ref", "HEAD", "refs/heads/main"], in: central).status == 0)

        // A desk cloned from the centre has no host key: its sweep is refused, nothing written.
        let desk = box.root.appendingPathComponent("desk").path
        #expect(try box.run("git", ["clone", "-q", central, desk]).status == 0)
        try box.ok(["init", desk, "--desk", "B01"])
        let head = try box.run("git", ["rev-parse", "HEAD"], in: desk).stdout
        let sweep = try box.run(Sandbox.binary, ["sweep", "--repo", desk], env: ["CASEBOOK_NOW": "2026-11-22T18:00:00+08:00"])
        #expect(sweep.status != 0 && sweep.stderr.contains("system has a registered key"), "\(sweep.stderr)")
        #expect(try box.run("git", ["rev-parse", "HEAD"], in: desk).stdout == head)

        // A breach written by hand as system, pushed past the desk's hook: the server refuses it.
        let path = try box.run("git", ["ls-files", "records/cases"], in: desk).stdout.split(separator: "\n").map(String.init).first { $0.contains(id) } ?? ""
        let script = "import json,sys\np=sys.argv[1]\nd=json.load(open(p))\ne={'at':'2026-11-22T17:00:01+08:00','by':'system','action':'breach','step':'resolve'}\n"
            + "d['events'].append(e)\nd['state']['updatedAt']=e['at']\nd['state']['deadlines'][0]['breachedAt']=e['at']\n"
            + "open(p,'w').write(json.dumps(d,ensure_ascii=False,indent=2,sort_keys=True))"
        #expect(try box.run("python3", ["-c", script, desk + "/" + path]).status == 0)
        let hand = try box.run("git", ["commit", "-q", "--no-verify", "-am", "breach"], in: desk, env: [
            "GIT_AUTHOR_NAME": "casebook", "GIT_AUTHOR_EMAIL": "system@casebook.invalid", "GIT_AUTHOR_DATE": "2026-11-22T17:00:01+08:00",
            "GIT_COMMITTER_NAME": "casebook", "GIT_COMMITTER_EMAIL": "system@casebook.invalid"])
        #expect(hand.status == 0, "\(hand.stderr)")
        let pushed = try box.run("git", ["push", "-q", "origin", "HEAD:main"], in: desk, env: ["CASEBOOK_NOW": "2026-11-22T18:00:00+08:00"])
        #expect(pushed.status != 0 && pushed.stderr.contains("system@casebook.invalid is unsigned"), "\(pushed.stderr)")

        // On the host (the clone that holds the key) the same sweep is signed and accepted.
        let swept = try box.ok(["sweep"], now: "2026-11-22T18:00:00+08:00")
        #expect(swept.contains("deadline resolve breached"))
        #expect(try box.run("git", ["push", "-q", central, "HEAD:main"], in: box.repo, env: ["CASEBOOK_NOW": "2026-11-22T18:00:00+08:00"]).status == 0)
    }

    /// Relaxing the policy takes a manager's signed commit; the dashboard then says so.
    @Test func relaxingTakesAManagersSignedCommit() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        let edit = "import json\np='records/casebook.json'\nd=json.load(open(p))\nd['signatures']='optional'\nopen(p,'w').write(json.dumps(d,ensure_ascii=False,indent=2,sort_keys=True))"
        #expect(try box.run("python3", ["-c", edit]).status == 0)
        // The manager has no key yet: refused.
        let unsigned = try Self.commit(box, in: box.repo, as: "zhou@cuihu.example", name: "周经理")
        #expect(unsigned.status != 0 && unsigned.stderr.contains("rule signature-policy"), "\(unsigned.stderr)")
        // With his key registered and git signing with it: accepted.
        let zhou = try Self.keygen(box, "zhou.jl")
        try box.git(["stash", "-q"])
        try box.ok(["staff", "key", "zhou.jl", zhou + ".pub", "--as", "zhou.jl"], now: "2026-11-22T08:00:00+08:00", env: ["CASEBOOK_SIGNING_KEY": zhou])
        try box.git(["stash", "pop", "-q"])
        let signed = try Self.commit(box, in: box.repo, as: "zhou@cuihu.example", name: "周经理",
                                     ["-c", "gpg.format=ssh", "-c", "user.signingkey=\(zhou)", "-c", "commit.gpgsign=true"])
        #expect(signed.status == 0, "\(signed.stderr)")
        #expect(try box.cb(["check", "--range", "HEAD"], now: "2026-11-22T10:05:00+08:00").status == 0)
        // The overview says signatures are relaxed; the month's unsigned steps are counted.
        let out = box.root.appendingPathComponent("site")
        try box.ok(["site", "--out", out.path], now: "2026-11-22T10:10:00+08:00")
        let overview = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(overview.contains("data-warning=\"signatures\""))
        #expect(overview.contains("data-figure=\"unsigned\""))
    }

    /// A simulated centre is made under the policy: every commit verifies.
    @Test func aSimulatedCentreVerifiesGood() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let out = box.root.appendingPathComponent("sim").path
        try box.ok(["simulate", "--out", out, "--months", "1", "--seed", "3", "--cases-per-day", "3", "--start", "2026-10",
                    "--until", "2026-10-12T17:00:00+08:00"])
        let verify = try box.run(Sandbox.binary, ["verify", "--repo", out])
        #expect(verify.status == 0, "\(verify.stderr)")
        let summary = verify.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(summary.hasSuffix("good") && !summary.contains(","), "\(summary)")
        // Acting as the supervisor on the demo without holding his key is refused.
        let id = try box.run(Sandbox.binary, ["list", "--open", "--repo", out]).stdout.split(separator: "\t").first.map(String.init) ?? ""
        let refused = try box.run(Sandbox.binary, ["note", id, "跟进", "--as", "wang.zg", "--repo", out], env: ["CASEBOOK_NOW": "2026-10-12T17:30:00+08:00"])
        #expect(refused.status == 1 && refused.stderr.contains("rule signed-commit"), "\(refused.stderr)")
    }
}
