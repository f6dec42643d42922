import Foundation
import Testing

/// Years without their official holiday notice: every command goes on, on a provisional
/// calendar computed from the statutory holidays; `calendar import` brings the notice and
/// `sweep` recomputes what was provisional, as recorded steps.
@Suite struct CalendarTests {
    /// A made-up notice for 2027: 春节 02-05 … 02-12 off, Sunday 02-14 and Saturday 02-20 working.
    static let notice2027 = """
        # 国务院办公厅关于2027年部分节假日安排的通知（测试用，虚构）
        元旦 2027-01-01..2027-01-03
        春节 2027-02-05..2027-02-12 上班 2027-02-14 2027-02-20
        清明节 2027-04-03..2027-04-05
        劳动节 2027-05-01..2027-05-05 上班 2027-04-25
        端午节 2027-06-09
        中秋节 2027-09-15
        国庆节 2027-10-01..2027-10-07 上班 2027-09-26 2027-10-09

        """

    /// The deadline `step` of case `id` as `show --json` gives it.
    static func deadline(_ box: Sandbox, _ id: String, _ step: String, now: String) throws -> [String: Any] {
        let json = try box.ok(["show", id, "--json"], now: now)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let deadlines = try #require((object["state"] as? [String: Any])?["deadlines"] as? [[String: Any]])
        return try #require(deadlines.first { $0["step"] as? String == step })
    }

    @Test(arguments: ["residential", "villa", "mall"])
    func everyCommandWorksIn2027And2028(profile: String) throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository(profile: profile)
        // Saturday 2027-02-06, 正月初一: a complaint about the service is handled the same working day.
        let id = try box.ok(["open", "--as", "li.na", "--kind", "complaint", "--severity", "minor", "--cause", "service-quality",
                             "--channel", "phone", "--unit", "3-2-1801", "--reporter", "王女士", "--phone", "13812345678",
                             "--summary", "保安态度差"], now: "2027-02-06T10:00:00+08:00")
        // On the statutory rules 02-05 … 02-10 are off: the first working day is Thursday 02-11.
        let before = try Self.deadline(box, id, "same-day", now: "2027-02-06T10:05:00+08:00")
        #expect(before["due"] as? String == "2027-02-11T17:30:00+08:00")
        #expect(before["provisional"] as? [Int] == [2027])
        #expect(try box.ok(["show", id], now: "2027-02-06T10:05:00+08:00").contains("(provisional: 2027 calendar not imported)"))
        #expect(try box.ok(["show", id], now: "2027-02-06T10:05:00+08:00", env: ["LANG": "zh_CN.UTF-8"]).contains("暂定"))
        #expect(try box.ok(["calendar", "show", "2027"]).hasPrefix("2027: provisional"))

        // The notice, imported by the manager; sweep computes the open deadline again, as a step.
        let file = box.root.appendingPathComponent("notice-2027.txt")
        try Self.notice2027.write(to: file, atomically: true, encoding: .utf8)
        let imported = try box.ok(["calendar", "import", "2027", file.path, "--as", "zhou.jl"], now: "2027-02-07T09:00:00+08:00")
        #expect(imported.contains("records/calendar/cn-2027.json") && imported.contains("provisional deadlines of 1 open cases"))
        #expect(try box.ok(["calendar", "show", "2027"]).hasPrefix("2027: the State Council's official arrangement"))
        let swept = try box.ok(["sweep"], now: "2027-02-07T09:05:00+08:00")
        // (The mall's complaint also has its one-working-day feedback rescheduled.)
        let reschedule = profile == "mall" ? "reschedule: feedback, same-day" : "reschedule: same-day"
        #expect(swept.contains("\(id)\t2027-02-07T09:05:00+08:00\t\(reschedule) on the official holiday calendar"))
        let after = try Self.deadline(box, id, "same-day", now: "2027-02-07T09:10:00+08:00")
        #expect(after["due"] as? String == "2027-02-14T17:30:00+08:00")   // the make-up Sunday
        #expect(after["provisional"] == nil)
        // The history says what changed and why, by the system, in a commit of its own.
        #expect(try box.git(["log", "--format=%an|%s"]).contains("casebook|complaint \(id): \(reschedule) on the official holiday calendar"))
        let json = try box.ok(["show", id, "--json"], now: "2027-02-07T09:10:00+08:00")
        #expect(json.contains("2027-02-11T17:30:00+08:00 → 2027-02-14T17:30:00+08:00"))
        #expect(try box.cb(["sweep"], now: "2027-02-07T09:10:00+08:00").stdout.isEmpty)
        #expect(try box.cb(["check", "--range", "HEAD"], now: "2027-02-07T09:10:00+08:00").status == 0)

        // 2028 has no notice either: intake, the steps, the lists, the report, the dashboard.
        let next = try box.ok(["open", "--as", "li.na", "--kind", "complaint", "--severity", "minor", "--cause", "service-quality",
                               "--channel", "walk-in", "--unit", "3-2-1801", "--reporter", "王女士", "--phone", "13812345678",
                               "--summary", "前台无人"], now: "2028-01-25T18:00:00+08:00")
        let d2028 = try Self.deadline(box, next, "same-day", now: "2028-01-25T18:05:00+08:00")
        // 除夕 2028-01-25 (Tue) … 初三 01-28 off, then the weekend: Monday 01-31.
        #expect(d2028["due"] as? String == "2028-01-31T17:30:00+08:00")
        #expect(d2028["provisional"] as? [Int] == [2028])
        try box.ok(["dispatch", next, "--department", "customer-service", "--assignee", "wang.zg", "--as", "li.na"], now: "2028-01-25T18:10:00+08:00")
        try box.ok(["note", next, "已联系业主", "--owner-informed", "--as", "wang.zg"], now: "2028-01-31T10:00:00+08:00")
        try box.ok(["resolve", next, "--result", "已安排值班", "--customer-confirmed", "--as", "wang.zg"], now: "2028-01-31T11:00:00+08:00")
        try box.ok(["revisit", next, "--mode", "home", "--satisfied", "--notes", "业主满意", "--as", "he.zr"], now: "2028-01-31T16:00:00+08:00")
        try box.ok(["close", next, "--as", "chen.jie"], now: "2028-01-31T16:30:00+08:00")
        try box.ok(["review", "daily", "--date", "2028-01-31", "--opinion", "已审核", "--as", "wang.zg"], now: "2028-01-31T18:00:00+08:00")
        if profile != "mall" {
            try box.ok(["sample", "--month", "2028-01", "--as", "chen.jie"], now: "2028-01-31T18:10:00+08:00")
        }
        #expect(try box.cb(["list", "--overdue"], now: "2028-02-01T09:00:00+08:00").status == 0)
        #expect(try box.cb(["today", "--as", "li.na"], now: "2028-02-01T09:00:00+08:00").status == 0)
        #expect(try box.cb(["report", "--month", "2028-01"], now: "2028-02-01T09:00:00+08:00").status == 0)
        #expect(try box.cb(["sweep"], now: "2028-02-10T09:00:00+08:00").status == 0)
        let site = box.root.appendingPathComponent("site")
        try box.ok(["site", "--out", site.path], now: "2028-02-10T09:00:00+08:00")
        let page = try String(contentsOf: site.appendingPathComponent("cases/\(next).html"), encoding: .utf8)
        #expect(page.contains("class=\"provisional\""))
        let overview = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(overview.contains("data-warning=\"calendar\"") && overview.contains("2028"))
        #expect(try box.cb(["check", "--range", "HEAD"], now: "2028-02-10T09:00:00+08:00").status == 0)
    }

    /// A revisit plan counted on the provisional year is recomputed too (villa: a complaint is
    /// revisited the same working day, 000 篇2 §4.8).
    @Test func revisitPlansAreRescheduled() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository(profile: "villa")
        // Thursday 2027-02-11: a working day on the statutory rules, a day off in the notice.
        let id = try box.ok(["open", "--as", "li.na", "--kind", "complaint", "--severity", "minor", "--channel", "phone",
                             "--unit", "3-2-1801", "--reporter", "王女士", "--phone", "13812345678", "--summary", "草坪未修剪"],
                            now: "2027-02-11T09:00:00+08:00")
        try box.ok(["dispatch", id, "--department", "customer-service", "--assignee", "wang.zg", "--as", "li.na"], now: "2027-02-11T09:10:00+08:00")
        try box.ok(["resolve", id, "--result", "已修剪", "--customer-confirmed", "--as", "wang.zg"], now: "2027-02-11T15:00:00+08:00")
        func plan(_ now: String) throws -> [String: Any] {
            let json = try box.ok(["show", id, "--json"], now: now)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            return try #require(((object["state"] as? [String: Any])?["revisitsPlanned"] as? [[String: Any]])?.first)
        }
        let before = try plan("2027-02-11T15:05:00+08:00")
        #expect(before["due"] as? String == "2027-02-11T17:30:00+08:00" && before["provisional"] as? [Int] == [2027])
        let file = box.root.appendingPathComponent("notice-2027.txt")
        try Self.notice2027.write(to: file, atomically: true, encoding: .utf8)
        try box.ok(["calendar", "import", "2027", file.path, "--as", "zhou.jl"], now: "2027-02-11T16:00:00+08:00")
        #expect(try box.ok(["sweep"], now: "2027-02-11T16:05:00+08:00").contains("reschedule: revisit on the official holiday calendar"))
        let after = try plan("2027-02-11T16:10:00+08:00")
        #expect(after["due"] as? String == "2027-02-14T17:30:00+08:00" && after["provisional"] == nil)
        #expect(try box.cb(["check", "--range", "HEAD"], now: "2027-02-11T16:10:00+08:00").status == 0)
    }

    /// Only a manager imports; a notice that contradicts the law or itself is refused in one
    /// line naming what is wrong, and nothing is written.
    @Test func badNoticesAreRefused() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        let file = box.root.appendingPathComponent("notice.txt")
        func refused(_ text: String, as who: String = "zhou.jl", extra: [String] = []) throws -> String {
            try text.write(to: file, atomically: true, encoding: .utf8)
            let before = try box.snapshot()
            let o = try box.cb(["calendar", "import", "2027", file.path, "--as", who] + extra, now: "2026-12-10T09:00:00+08:00")
            #expect(o.status != 0)
            #expect(o.stderr.split(separator: "\n").count == 1, "\(o.stderr)")
            #expect(try box.snapshot() == before)
            return o.stderr
        }
        #expect(try refused(Self.notice2027, as: "li.na").contains("rule config-owner"))
        #expect(try refused(Self.notice2027.replacingOccurrences(of: "中秋节 2027-09-15\n", with: ""))
            .contains("中秋节 2027-09-15 is a statutory holiday but not a day off"))
        #expect(try refused(Self.notice2027.replacingOccurrences(of: "上班 2027-04-25", with: "上班 2027-04-26"))
            .contains("2027-04-26 is not a Saturday or Sunday"))
        #expect(try refused(Self.notice2027.replacingOccurrences(of: "端午节 2027-06-09", with: "端午节 2027-06-31"))
            .contains("'2027-06-31' is not a day"))
        #expect(try refused(Self.notice2027.replacingOccurrences(of: "元旦 2027-01-01..2027-01-03", with: "元旦 2026-11-30..2027-01-03"))
            .contains("2026-11-30 is neither in 2027 nor in the December before it"))
        // In Chinese too.
        try Self.notice2027.write(to: file, atomically: true, encoding: .utf8)
        let zh = try box.cb(["calendar", "import", "2027", file.path, "--as", "li.na"], now: "2026-12-10T09:00:00+08:00", env: ["LANG": "zh_CN.UTF-8"])
        #expect(zh.stderr.hasPrefix("错误：li.na 无权修改 records/calendar/"))
        // Once imported, again only with --replace.
        try box.ok(["calendar", "import", "2027", file.path, "--as", "zhou.jl"], now: "2026-12-10T09:00:00+08:00")
        #expect(try refused(Self.notice2027).contains("already imported"))
        try box.ok(["calendar", "import", "2027", file.path, "--as", "zhou.jl", "--replace"], now: "2026-12-10T09:05:00+08:00")
        // The committed file is a calendar the schema and the hooks accept.
        #expect(try box.cb(["check", "--range", "HEAD"], now: "2026-12-10T09:10:00+08:00").status == 0)

        // A calendar committed by hand must decode and be named for its year.
        func handCommit(_ path: String, _ content: String) throws -> Outcome {
            try content.write(toFile: box.repo + "/" + path, atomically: false, encoding: .utf8)
            try box.git(["add", path])
            let o = try box.run("git", ["commit", "-q", "-m", "calendar"], env: [
                "CASEBOOK_BIN": Sandbox.binary, "CASEBOOK_NOW": "2026-12-10T09:20:00+08:00",
                "GIT_AUTHOR_NAME": "周经理", "GIT_AUTHOR_EMAIL": "zhou@cuihu.example"])
            try box.git(["reset", "-q", "--hard"])
            return o
        }
        let garbage = try handCommit("records/calendar/cn-2028.json", "{\"format\": \"casebook.calendar/1\", \"year\": ")
        #expect(garbage.status != 0 && garbage.stderr.contains("rule schema"), "\(garbage.stderr)")
        let official = try String(contentsOfFile: box.repo + "/records/calendar/cn-2027.json", encoding: .utf8)
        let misnamed = try handCommit("records/calendar/cn-2028.json", official)
        #expect(misnamed.status != 0 && misnamed.stderr.contains("records/calendar/cn-2027.json [rule calendar"), "\(misnamed.stderr)")
    }
}
