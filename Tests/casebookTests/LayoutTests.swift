import Foundation
import Testing

/// Day folders (`records/cases/YYYY/MM/DD/`): `init` makes them; a repository laid out by month
/// moves in one manager's commit the hooks check, and a desk with unpushed steps in the old places
/// carries them into the new ones when it syncs.
@Suite struct LayoutTests {
    typealias Member = ServerTests.Member

    func monthPath(_ id: String) -> String {
        let day = id.split(separator: "-")[1]
        return "records/cases/\(day.prefix(4))/\(day.dropFirst(4).prefix(2))/\(id).json"
    }

    @Test func aNewRepositoryIsLaidOutByDay() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        #expect(try box.ok(["layout", "show"]).contains("records/cases/YYYY/MM/DD/"))
        let id = try box.ok(["open", "--kind", "inquiry", "--channel", "phone", "--reporter", "赵先生", "--summary", "询问停车费", "--as", "li.na"])
        #expect(FileManager.default.fileExists(atPath: box.repo + "/" + casePath(id)))
        #expect(try box.ok(["layout", "migrate"], env: ["CASEBOOK_ACTOR": "zhou.jl"]).contains("already"))
    }

    @Test func aMonthRepositoryMovesToDayFoldersAndADeskWithUnpushedStepsFollows() throws {
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
        for m in [zhou, li] {
            try box.ok(["staff", "add", m.id, "--name", m.name, "--email", m.email, "--role", m.role, "--key", m.key + ".pub", "--as", "zhou.jl"],
                       now: t0, env: ["CASEBOOK_SIGNING_KEY": zhou.key])
        }
        // The repository as every repository was before day folders: by month.
        try box.ok(["layout", "migrate", "--to", "month", "--as", "zhou.jl"], now: t0, env: ["CASEBOOK_SIGNING_KEY": zhou.key])

        let central = box.root.appendingPathComponent("central.git").path
        #expect(try box.run("git", ["init", "-q", "--bare", central]).status == 0)
        #expect(try box.run(Sandbox.binary, ["hooks", "install", "--server", central]).status == 0)
        let server = ["CASEBOOK_NOW": "2026-11-02T08:30:00+08:00"]
        #expect(try box.run("git", ["push", "-q", central, "main"], in: seed, env: server).status == 0)
        #expect(try box.run("git", ["symbolic-ref", "HEAD", "refs/heads/main"], in: central).status == 0)
        let daemon = try ServerTests.Daemon(base: box.root.path, env: box.env.merging(server) { $1 })
        defer { daemon.stop() }
        #expect(try daemon.waitUntilReachable(box), "git daemon exited before it answered")
        let deskA = box.root.appendingPathComponent("deskA").path, office = box.root.appendingPathComponent("office").path
        for (dir, code) in [(deskA, "A01"), (office, "M01")] {
            #expect(try box.run("git", ["clone", "-q", daemon.url, dir]).status == 0)
            try box.ok(["init", dir, "--desk", code])
        }
        func on(_ dir: String, _ m: Member, _ args: [String], at now: String) throws -> String {
            try box.ok(args + ["--repo", dir, "--as", m.id], now: now, env: ["CASEBOOK_SIGNING_KEY": m.key])
        }
        let x = try on(deskA, li, ["open", "--kind", "complaint", "--severity", "minor", "--channel", "phone", "--unit", "3-2-1801",
                                   "--reporter", "王女士", "--phone", "13812345678", "--summary", "楼道灯不亮"], at: "2026-11-02T09:00:00+08:00")
        let y = try on(deskA, li, ["open", "--kind", "inquiry", "--channel", "phone", "--reporter", "赵先生", "--summary", "询问停车费"], at: "2026-11-02T09:30:00+08:00")
        try on(deskA, li, ["sync"], at: "2026-11-02T09:40:00+08:00")
        #expect(FileManager.default.fileExists(atPath: deskA + "/" + monthPath(x)))
        try on(office, zhou, ["sync"], at: "2026-11-02T09:45:00+08:00")

        // Desk A goes on in the old places without pushing: a note on x, a new case z.
        try on(deskA, li, ["note", x, "已联系电工"], at: "2026-11-02T10:00:00+08:00")
        let z = try on(deskA, li, ["open", "--kind", "repair", "--repair-size", "small", "--channel", "walk-in", "--reporter", "陈先生", "--summary", "水管漏水"],
                       at: "2026-11-02T10:10:00+08:00")
        #expect(FileManager.default.fileExists(atPath: deskA + "/" + monthPath(z)))

        // A receptionist cannot move the files; the manager can, in one commit the server accepts.
        let refused = try box.cb(["layout", "migrate", "--repo", office, "--as", "li.na"], now: "2026-11-02T10:20:00+08:00",
                                 env: ["CASEBOOK_SIGNING_KEY": li.key])
        #expect(refused.status != 0 && refused.stderr.contains("may not change"), "\(refused.stderr)")
        #expect(try on(office, zhou, ["layout", "migrate"], at: "2026-11-02T10:30:00+08:00").contains("moved 2 case files"))
        #expect(try box.run("git", ["status", "--porcelain"], in: office).stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: office + "/" + monthPath(x)))
        #expect(FileManager.default.fileExists(atPath: office + "/" + casePath(x)))
        try on(office, zhou, ["sync"], at: "2026-11-02T10:35:00+08:00")
        #expect(try box.run("git", ["cat-file", "-e", "main:\(casePath(y))"], in: central).status == 0)

        // Desk A syncs: its note and its new case arrive in the new places.
        try on(deskA, li, ["sync"], at: "2026-11-02T10:40:00+08:00")
        for id in [x, y, z] {
            #expect(try box.run("git", ["cat-file", "-e", "main:\(casePath(id))"], in: central).status == 0, "\(id) not in day folders")
            #expect(try box.run("git", ["cat-file", "-e", "main:\(monthPath(id))"], in: central).status != 0, "\(id) left in the month folder")
        }
        #expect(try on(deskA, li, ["show", x], at: "2026-11-02T10:45:00+08:00").contains("已联系电工"))
        #expect(try box.run("git", ["status", "--porcelain"], in: deskA).stdout.isEmpty)
        // The case's history runs through the move, and the dashboard's steps still find their commits.
        let log = try on(deskA, li, ["log", x], at: "2026-11-02T10:45:00+08:00")
        #expect(log.contains("open") && log.contains("note") && log.contains("migrate-layout"), "\(log)")
        try on(deskA, li, ["note", x, "电工已到场"], at: "2026-11-02T11:00:00+08:00")
        try on(deskA, li, ["sync"], at: "2026-11-02T11:05:00+08:00")
        // An auditor re-checks the whole history, the move included.
        let audit = try box.run(Sandbox.binary, ["check", "--range", "main", "--repo", central])
        #expect(audit.status == 0, "\(audit.stderr)")
        // The last three commits as a push arriving days later are late entries; re-checked as
        // recorded (an auditor's range), each at its own time, they pass.
        let later = ["CASEBOOK_NOW": "2026-11-20T09:00:00+08:00"]
        let late = try box.run(Sandbox.binary, ["check", "--range", "HEAD~3..HEAD", "--repo", central], env: later)
        #expect(late.status != 0 && late.stderr.contains("[rule late-entry;"), "\(late.stderr)")
        let asRecorded = try box.run(Sandbox.binary, ["check", "--range", "HEAD~3..HEAD", "--as-recorded", "--repo", central], env: later)
        #expect(asRecorded.status == 0, "\(asRecorded.stderr)")

        // A hand-made "migration" back to months that also edits a case is refused by the server.
        let editBack = "import json\np='records/casebook.json'\nd=json.load(open(p))\nd['layout']='month'\nopen(p,'w').write(json.dumps(d,ensure_ascii=False,indent=2,sort_keys=True))"
        try on(office, zhou, ["sync"], at: "2026-11-02T11:10:00+08:00")  // brings desk A's last note
        #expect(try box.run("python3", ["-c", editBack], in: office).status == 0)
        let month = box.root.appendingPathComponent("office/" + monthPath(y)).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: month, withIntermediateDirectories: true)
        #expect(try box.run("git", ["mv", casePath(y), monthPath(y)], in: office).status == 0)
        #expect(try box.run("git", ["mv", casePath(z), monthPath(z)], in: office).status == 0)
        #expect(try box.run("git", ["mv", casePath(x), monthPath(x)], in: office).status == 0)
        let text = try String(contentsOfFile: office + "/" + monthPath(x), encoding: .utf8)
        try text.replacingOccurrences(of: "电工已到场", with: "电工未到").write(toFile: office + "/" + monthPath(x), atomically: true, encoding: .utf8)
        let commit = try box.run("git", ["-c", "user.name=周经理", "-c", "user.email=\(zhou.email)", "-c", "gpg.format=ssh",
                                         "-c", "user.signingkey=\(zhou.key)", "commit", "-q", "-S", "--no-verify", "-am", "back"], in: office)
        #expect(commit.status == 0, "\(commit.stderr)")
        let push = try box.run("git", ["push", "origin", "main"], in: office)
        #expect(push.status != 0 && push.stderr.contains("[rule layout-migrate;"), "\(push.stderr)")
    }
}
