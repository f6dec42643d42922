import Foundation
import Testing

/// The key-owner (000 §1(7)) and empty-nest elderly (001 §5.6.7) registers: entries and visits
/// are signed commits checked by the hooks, visits follow the profile's schedule and show on the
/// revisit page and in revisits.ics, and residents and emergency contacts stay sealed and masked.
@Suite struct RegisterTests {
    @Test func anEmptyNestResidentIsSealedVisitedAndScheduled() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        let e = try box.ok(["register", "add", "empty-nest", "--unit", "5-1-302", "--name", "刘桂英", "--phone", "13700001111",
                            "--contact", "刘建明 13911112222", "--contact", "刘建华 13922223333", "--aged", "--as", "chen.jie"],
                           now: "2026-11-20T10:00:00+08:00")
        #expect(e.wholeMatch(of: /E-[0-9a-f]{8}/) != nil, "\(e)")
        #expect(try box.git(["log", "-1", "--format=%an|%(trailers:key=Procedure,valueonly)"]).hasPrefix("陈洁|001 §5.6.7.3"))
        let path = box.repo + "/records/registers/empty-nest/\(e).json"
        let raw = try String(contentsOfFile: path, encoding: .utf8)
        for secret in ["刘桂英", "13700001111", "刘建明", "13911112222", "13922223333"] { #expect(!raw.contains(secret), "\(secret) in clear") }
        #expect(raw.contains("\"visitEveryDays\" : 1") && raw.contains("139****2222") && raw.contains("刘**"))
        // The contacts are sealed under the resident's own key: one resident id in the file.
        #expect(Set(raw.matches(of: /R-[0-9a-f]{16}/).map { String($0.output) }).count == 1)
        let schema = try box.run("python3", [SchemaTests.validator, path])
        #expect(schema.status == 0, "\(schema.stdout)\(schema.stderr)")

        // Who visits, and how: an engineer may not; a letter is not a visit.
        let before = try box.snapshot()
        var o = try box.cb(["register", "visit", e, "--mode", "home", "--as", "zhao.gong"], now: "2026-11-21T09:00:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("[rule role; 001 §5.6.7.5"), "\(o.stderr)")
        o = try box.cb(["register", "visit", e, "--mode", "letter", "--as", "chen.jie"], now: "2026-11-21T09:00:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("[rule revisit-mode;"), "\(o.stderr)")
        #expect(o.stderr.split(separator: "\n").count == 1)
        #expect(try box.snapshot() == before)
        try box.ok(["register", "visit", e, "--mode", "home", "--notes", "精神好，已提醒备好防汛用品", "--as", "li.na"], now: "2026-11-21T09:00:00+08:00")
        #expect(try box.git(["log", "-1", "--format=%an|%s"]).hasPrefix("李娜|empty-nest \(e): visit (home)"))

        // A key owner is visited every 30 days (the profile's number for 000 §1(7)).
        let k = try box.ok(["register", "add", "key-owner", "--unit", "1-1-101", "--name", "王建国", "--phone", "13600002222", "--reason", "业委会主任",
                            "--as", "zhou.jl"], now: "2026-11-20T11:00:00+08:00")
        #expect(try box.ok(["register", "list"], now: "2026-11-23T09:00:00+08:00")
            == "\(e)\tempty-nest\t5-1-302\t刘**\tevery 1 d\tnext 2026-11-22T09:00:00+08:00  LATE\n"
            + "\(k)\tkey-owner\t1-1-101\t王**\tevery 30 d\tnext 2026-12-20T11:00:00+08:00")

        // The revisit page and the calendar: the late daily visit and the key owner's, display forms only.
        let out = box.root.appendingPathComponent("public")
        #expect(try box.cb(["site", "--out", out.path], now: "2026-11-23T09:00:00+08:00").status == 0)
        let page = try String(contentsOf: out.appendingPathComponent("revisits.html"), encoding: .utf8)
        let row = try #require(page.components(separatedBy: "<tr data-register=\"\(e)\"").dropFirst().first?.components(separatedBy: "</tr>").first)
        #expect(row.contains("class=\"late\">2026-11-22 09:00") && row.contains("刘** 137****1111") && row.contains("刘** 139****2222；刘** 139****3333"), "\(row)")
        #expect(page.contains("data-register=\"\(k)\""))
        // The overview lists the late daily visit among what needs action today, not the key owner's.
        let overview = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(overview.contains("<tr data-register=\"\(e)\">") && !overview.contains("data-register=\"\(k)\""))
        let ics = try String(contentsOf: out.appendingPathComponent("revisits.ics"), encoding: .utf8)
        #expect(ics.contains("UID:\(e)-visit-2@casebook") && ics.contains("UID:\(k)-visit-1@casebook"))
        let parse = "import icalendar,sys\nc=icalendar.Calendar.from_ical(open(sys.argv[1],'rb').read())\n"
            + "for e in c.walk('VEVENT'): print(e['UID'], e.decoded('DTSTART').isoformat())"
        let parsed = try box.run("python3", ["-c", parse, out.appendingPathComponent("revisits.ics").path])
        #expect(parsed.status == 0, "\(parsed.stderr)")
        #expect(parsed.stdout.contains("\(e)-visit-2@casebook 2026-11-22T00:30:00+00:00"), "\(parsed.stdout)")
        let every = try FileManager.default.subpathsOfDirectory(atPath: out.path).filter { !$0.hasPrefix("assets") }
        for file in every {
            guard let text = try? String(contentsOf: out.appendingPathComponent(file), encoding: .utf8) else { continue }
            for secret in ["刘桂英", "13700001111", "刘建明", "13911112222", "王建国", "13600002222"] { #expect(!text.contains(secret), "\(secret) in \(file)") }
        }
        #expect(try box.cb(["check", "--range", "HEAD~3..HEAD"]).status == 0)

        // In an emergency the desk opens the contacts: recorded first, in its own commit.
        #expect(!(try box.ok(["register", "show", e])).contains("13911112222"))
        let shown = try box.ok(["register", "show", e, "--reveal", "--reason", "老人摔倒，联系家属", "--as", "li.na"], now: "2026-11-23T10:00:00+08:00")
        #expect(shown.contains("刘建明  13911112222") && shown.contains("刘建华  13922223333") && shown.contains("刘桂英  13700001111"), "\(shown)")
        #expect(try box.git(["log", "-1", "--format=%an|%(trailers:key=Action,valueonly)"]).hasPrefix("李娜|reveal"))
        #expect(!(try String(contentsOfFile: path, encoding: .utf8)).contains("13911112222"))
        // Erasing the resident's key makes the contacts unreadable too.
        let resident = String(try #require(raw.firstMatch(of: /R-[0-9a-f]{16}/)).output)
        try box.ok(["erase", "--resident", resident, "--as", "zhou.jl"], now: "2026-11-23T11:00:00+08:00")
        let after = try box.cb(["register", "show", e, "--reveal", "--as", "li.na"], now: "2026-11-23T12:00:00+08:00")
        #expect(after.status == 1 && !after.stdout.contains("13911112222"), "\(after.stdout)\(after.stderr)")
        #expect(try box.cb(["check", "--range", "HEAD~6..HEAD"]).status == 0)
    }

    @Test func theHookRefusesARewrittenEntryOrAVisitByAnotherHand() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        let k = try box.ok(["register", "add", "key-owner", "--unit", "1-1-101", "--name", "王建国", "--phone", "13600002222", "--as", "chen.jie"],
                           now: "2026-11-20T10:00:00+08:00")
        let path = box.repo + "/records/registers/key-owners/\(k).json"
        let original = try String(contentsOfFile: path, encoding: .utf8)
        func commit(_ text: String, as who: (String, String)) throws -> Outcome {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            try box.git(["add", path])
            return try box.run("git", ["commit", "-q", "-m", "名册"], env: [
                "CASEBOOK_BIN": Sandbox.binary, "CASEBOOK_NOW": "2026-11-25T11:30:00+08:00", "GIT_AUTHOR_NAME": who.0, "GIT_AUTHOR_EMAIL": who.1,
                "GIT_COMMITTER_NAME": who.0, "GIT_COMMITTER_EMAIL": who.1])
        }
        let head = try box.git(["rev-parse", "HEAD"])
        // A longer interval, made by hand, is refused.
        var o = try commit(original.replacingOccurrences(of: "\"visitEveryDays\" : 30", with: "\"visitEveryDays\" : 90"), as: ("陈洁", "chen.jie@cuihu.example"))
        #expect(o.status == 1 && o.stderr.contains("[rule append-only;"), "\(o.stderr)")
        // A visit recorded in 王主管's name but committed by 陈洁 is refused.
        let visit = original.replacingOccurrences(of: "\"visits\" : [\n\n  ]", with: """
            "visits" : [ { "at" : "2026-11-25T10:00:00+08:00", "by" : "wang.zg", "mode" : "home" } ]
            """)
        #expect(visit != original)
        o = try commit(visit, as: ("陈洁", "chen.jie@cuihu.example"))
        #expect(o.status == 1 && o.stderr.contains("[rule author;"), "\(o.stderr)")
        // Deleting the entry is refused too.
        try FileManager.default.removeItem(atPath: path)
        try box.git(["add", "-A", "records"])
        o = try box.run("git", ["commit", "-q", "-m", "删除"], env: ["CASEBOOK_BIN": Sandbox.binary, "GIT_AUTHOR_NAME": "周经理", "GIT_AUTHOR_EMAIL": "zhou@cuihu.example",
                                                                 "GIT_COMMITTER_NAME": "周经理", "GIT_COMMITTER_EMAIL": "zhou@cuihu.example"])
        #expect(o.status == 1 && o.stderr.contains("register entries are never deleted"), "\(o.stderr)")
        #expect(try box.git(["rev-parse", "HEAD"]) == head)
        // The same visit committed by 王主管 himself passes.
        try box.git(["reset", "-q", "--hard"])
        o = try commit(visit, as: ("王主管", "wang.zg@cuihu.example"))
        #expect(o.status == 0, "\(o.stderr)")
    }

    @Test func twoDesksVisitingTheSameResidentMergeTheirVisits() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        let central = box.root.appendingPathComponent("central.git").path
        let desk2 = box.root.appendingPathComponent("desk2").path
        let e = try box.ok(["register", "add", "empty-nest", "--unit", "5-1-302", "--name", "刘桂英", "--contact", "刘建明 13911112222",
                            "--as", "chen.jie"], now: "2026-11-20T10:00:00+08:00")
        let branch = try box.git(["branch", "--show-current"]).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try box.run("git", ["clone", "-q", "--bare", box.repo, central]).status == 0)
        try box.git(["remote", "add", "origin", central])
        try box.git(["fetch", "-q", "origin"])
        try box.git(["branch", "-q", "-u", "origin/\(branch)"])
        #expect(try box.run("git", ["clone", "-q", central, desk2]).status == 0)
        #expect(try box.run(Sandbox.binary, ["init", desk2, "--desk", "B02"], env: ["CASEBOOK_NOW": "2026-11-20T12:00:00+08:00"]).status == 0)
        func on2(_ args: [String], now: String) throws -> Outcome {
            try box.run(Sandbox.binary, args, in: desk2, env: ["CASEBOOK_NOW": now])
        }
        // Both desks visit the same elder on the same day, each in its own clone.
        try box.ok(["register", "visit", e, "--mode", "home", "--notes", "上午家访", "--as", "chen.jie"], now: "2026-11-21T09:00:00+08:00")
        #expect(try on2(["register", "visit", e, "--mode", "phone", "--notes", "下午电话", "--as", "li.na"], now: "2026-11-21T15:00:00+08:00").status == 0)
        #expect(try box.ok(["sync", "--as", "chen.jie"], now: "2026-11-21T16:00:00+08:00").contains("pushed"))
        let synced = try on2(["sync", "--as", "li.na"], now: "2026-11-21T16:30:00+08:00")
        #expect(synced.status == 0 && synced.stdout.contains("pulled 1 commits, pushed 2"), "\(synced.stdout)\(synced.stderr)")
        let entry = try String(contentsOfFile: desk2 + "/records/registers/empty-nest/\(e).json", encoding: .utf8)
        #expect(entry.contains("上午家访") && entry.contains("下午电话"), "\(entry)")
        #expect(try on2(["check", "--range", "HEAD~3..HEAD"], now: "2026-11-21T17:00:00+08:00").status == 0)
        // Plain git pull merges the same way (the merge driver casebook init registers).
        try box.ok(["register", "visit", e, "--mode", "home", "--as", "chen.jie"], now: "2026-11-22T09:00:00+08:00")
        #expect(try on2(["register", "visit", e, "--mode", "phone", "--as", "li.na"], now: "2026-11-22T10:00:00+08:00").status == 0)
        #expect(try on2(["sync", "--as", "li.na"], now: "2026-11-22T10:30:00+08:00").status == 0)
        let pull = try box.run("git", ["-c", "user.name=陈洁", "-c", "user.email=chen.jie@cuihu.example", "pull", "-q", "--no-rebase", "--no-edit", "origin", branch],
                               env: ["CASEBOOK_BIN": Sandbox.binary, "CASEBOOK_NOW": "2026-11-22T11:00:00+08:00"])
        #expect(pull.status == 0, "\(pull.stdout)\(pull.stderr)")
        #expect(try box.ok(["register", "show", e], now: "2026-11-22T11:00:00+08:00").components(separatedBy: "\n").filter { $0.hasPrefix("  2026-11-2") }.count == 4)
    }
}
