import Foundation
import Testing

/// Non-conformity reports of the quality checks (002 篇9 §4): raised by the check's team,
/// corrected by the responsible department by a date, verified by an inspector; an overdue
/// correction is a deadline like any other (list --overdue, sweep, the dashboard).
@Suite struct InspectionTests {
    /// A repository with a quality inspector beside the usual staff.
    static func repository() throws -> Sandbox {
        let box = try Sandbox()
        try box.makeRepository()
        try box.ok(["staff", "add", "qi.pj", "--name", "齐品检", "--email", "qi.pj@cuihu.example", "--role", "quality-inspector", "--as", "zhou.jl"],
                   now: "2026-11-01T08:00:00+08:00")
        return box
    }

    @Test func aReportIsRaisedCorrectedVerifiedAgainAndClosed() throws {
        let box = try Self.repository()
        defer { box.remove() }
        // Only the check's team raises: a receptionist is refused, nothing is written.
        let before = try box.snapshot()
        var o = try box.cb(["inspection", "raise", "--check", "monthly", "--department", "engineering", "--finding", "水泵房运行记录缺失",
                            "--correct-by", "2026-11-25", "--as", "li.na"], now: "2026-11-20T10:00:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("[rule inspector; 002 篇9 §4.1, §3.1]"), "\(o.stderr)")
        #expect(o.stderr.split(separator: "\n").count == 1)
        // The yearly check is top management's: a supervisor may not raise its findings.
        o = try box.cb(["inspection", "raise", "--check", "yearly", "--department", "engineering", "--finding", "x",
                        "--correct-by", "2026-11-25", "--as", "wang.zg"], now: "2026-11-20T10:00:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("[rule inspector; 002 篇9 §4.3, §3.3]"), "\(o.stderr)")
        #expect(try box.snapshot() == before)

        let id = try box.ok(["inspection", "raise", "--check", "monthly", "--department", "engineering", "--finding", "水泵房运行记录缺失",
                             "--correct-by", "2026-11-25", "--as", "qi.pj"], now: "2026-11-20T10:00:00+08:00")
        #expect(try box.git(["log", "-1", "--format=%an <%ae>|%(trailers:key=Procedure,valueonly)"]).hasPrefix("齐品检 <qi.pj@cuihu.example>|002 篇9 §4.2.2 b"))
        let json = try box.ok(["show", id, "--json"])
        #expect(json.contains("\"check\" : \"monthly\"") && json.contains("\"correctBy\" : \"2026-11-25T23:59:59+08:00\""), "\(json)")
        #expect(json.contains("\"department\" : \"engineering\""))

        // Front-desk steps do not apply; the correction is the responsible department's.
        let held = try box.snapshot()
        o = try box.cb(["dispatch", id, "--department", "security", "--as", "zhou.jl"], now: "2026-11-21T09:00:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("[rule nonconformity; 002 篇9 §4.2.2 c]"), "\(o.stderr)")
        o = try box.cb(["inspection", "rectify", id, "--correction", "已补记录", "--as", "li.na"], now: "2026-11-21T09:00:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("the correction is recorded by the responsible department (engineering)"), "\(o.stderr)")
        #expect(try box.snapshot() == held)

        // The department sees it in its queue.
        #expect(try box.ok(["today", "--as", "zhao.gong"], now: "2026-11-21T09:00:00+08:00").contains("correct (non-conformity)"))
        // Late: list --overdue shows it, sweep records the breach, the dashboard lists it.
        #expect(try box.ok(["list", "--overdue"], now: "2026-11-27T10:00:00+08:00").contains("\(id)\tnonconformity"))
        #expect(try box.ok(["sweep"], now: "2026-11-27T10:00:00+08:00").contains("deadline rectify breached"))
        #expect(try box.git(["log", "-1", "--format=%an %s"]).contains("deadline rectify breached"))
        let out = box.root.appendingPathComponent("public")
        #expect(try box.cb(["site", "--out", out.path], now: "2026-11-27T10:00:00+08:00").status == 0)
        let overdue = try String(contentsOf: out.appendingPathComponent("overdue.html"), encoding: .utf8)
        #expect(overdue.contains(id) && overdue.contains("整改"), "the overdue correction is on the overdue page")
        #expect(try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8).contains(id))
        let casePage = try String(contentsOf: out.appendingPathComponent("cases/\(id).html"), encoding: .utf8)
        #expect(casePage.contains("<dt>质量检查</dt><dd>月度检查 · 工程部 · 整改期限 2026-11-25 23:59</dd>"), "\(casePage)")
        #expect(!casePage.contains("齐品检 <") && casePage.contains("齐**"), "the inspector is the sealed reporter")

        // The department corrects; the inspector's verification fails and sets a new date.
        try box.ok(["inspection", "rectify", id, "--correction", "已补记录", "--as", "zhao.gong"], now: "2026-11-27T11:00:00+08:00")
        #expect(try box.git(["log", "-1", "--format=%an"]).hasPrefix("赵工"))
        o = try box.cb(["inspection", "verify", id, "--failed", "--as", "qi.pj"], now: "2026-11-27T12:00:00+08:00")
        #expect(o.status == 64 && o.stderr.contains("--correct-by"), "\(o.stderr)")
        o = try box.cb(["inspection", "verify", id, "--passed", "--as", "chen.jie"], now: "2026-11-27T12:00:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("[rule role;"), "a customer-service assistant does not verify: \(o.stderr)")
        try box.ok(["inspection", "verify", id, "--failed", "--correct-by", "2026-11-30", "--notes", "记录仍不完整", "--as", "qi.pj"], now: "2026-11-27T12:00:00+08:00")
        #expect(try box.ok(["show", id, "--json"]).contains("\"status\" : \"in-progress\""))
        // The new date is a deadline of its own: the earlier correction does not meet it.
        #expect(try box.ok(["list", "--overdue"], now: "2026-12-01T09:00:00+08:00").contains(id))
        try box.ok(["inspection", "rectify", id, "--correction", "补全全部记录，每班检查", "--as", "zhao.gong"], now: "2026-11-29T10:00:00+08:00")
        try box.ok(["inspection", "verify", id, "--passed", "--as", "qi.pj"], now: "2026-11-29T15:00:00+08:00")
        let closed = try box.ok(["show", id, "--json"])
        #expect(closed.contains("\"status\" : \"closed\"") && closed.contains("\"passed\" : true"))
        #expect(try box.git(["log", "-1", "--format=%an %s"]).contains("齐品检"))

        // The server hook's check agrees with every step, each judged at the time it was committed
        // (a re-check of the history); every file matches its schema.
        #expect(try box.cb(["check", "--range", "HEAD"]).status == 0)
        let schema = try box.run("python3", [SchemaTests.validator, "--all", box.repo])
        #expect(schema.status == 0, "\(schema.stdout)\(schema.stderr)")
    }

    @Test func aHandEditedCorrectionByAnotherDepartmentIsRefusedByTheHook() throws {
        let box = try Self.repository()
        defer { box.remove() }
        let id = try box.ok(["inspection", "raise", "--check", "monthly", "--department", "engineering", "--finding", "电梯机房未上锁",
                             "--correct-by", "2026-11-21", "--as", "qi.pj"], now: "2026-11-20T10:00:00+08:00")
        let path = box.repo + "/\(casePath(id))"
        // 李娜 (customer service) writes an engineering correction by hand and commits with stock git.
        var file = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        var events = try #require(file["events"] as? [[String: Any]])
        events.append(["at": "2026-11-20T11:00:00+08:00", "by": "li.na", "action": "rectify", "result": "已上锁"])
        file["events"] = events
        var state = try #require(file["state"] as? [String: Any])
        state["status"] = "resolved"
        state["resolution"] = ["at": "2026-11-20T11:00:00+08:00", "by": "li.na", "result": "已上锁", "customerConfirmed": false]
        state["updatedAt"] = "2026-11-20T11:00:00+08:00"
        file["state"] = state
        try JSONSerialization.data(withJSONObject: file, options: [.prettyPrinted, .sortedKeys]).write(to: URL(fileURLWithPath: path))
        let head = try box.git(["rev-parse", "HEAD"])
        try box.git(["add", path])
        let hand = try box.run("git", ["commit", "-q", "-m", "整改"], env: [
            "CASEBOOK_BIN": Sandbox.binary, "CASEBOOK_NOW": "2026-11-20T11:30:00+08:00", "GIT_AUTHOR_NAME": "李娜", "GIT_AUTHOR_EMAIL": "li.na@cuihu.example",
            "GIT_COMMITTER_NAME": "李娜", "GIT_COMMITTER_EMAIL": "li.na@cuihu.example"])
        #expect(hand.status == 1)
        #expect(hand.stderr.contains("the correction is recorded by the responsible department (engineering)") && hand.stderr.contains("[rule nonconformity; 002 篇9 §4.1]"),
                "\(hand.stderr)")
        #expect(try box.git(["rev-parse", "HEAD"]) == head)
    }

    @Test func aSecondRoundMissedAfterAFirstOnTimeIsBreachedOnItsOwn() throws {
        let box = try Self.repository()
        defer { box.remove() }
        let id = try box.ok(["inspection", "raise", "--check", "quarterly", "--department", "engineering", "--finding", "消防通道堆物",
                             "--correct-by", "2026-11-21", "--as", "qi.pj"], now: "2026-11-20T10:00:00+08:00")
        try box.ok(["inspection", "rectify", id, "--correction", "已清理", "--as", "zhao.gong"], now: "2026-11-21T09:00:00+08:00")
        try box.ok(["inspection", "verify", id, "--failed", "--correct-by", "2026-11-23", "--notes", "又有堆物", "--as", "qi.pj"], now: "2026-11-21T15:00:00+08:00")
        // The first round was on time; only the second is missed, and sweep records just that.
        let swept = try box.ok(["sweep"], now: "2026-11-25T09:00:00+08:00")
        #expect(swept.contains("deadline rectify-2 breached") && !swept.contains("deadline rectify breached"), "\(swept)")
        let show = try box.ok(["show", id], now: "2026-11-25T09:00:00+08:00")
        #expect(show.contains("rectify    2026-11-21T23:59:59+08:00  met 2026-11-21T09:00:00+08:00"), "\(show)")
        #expect(show.contains("rectify-2  2026-11-23T23:59:59+08:00  OVERDUE"), "\(show)")
        let again = try box.cb(["sweep"], now: "2026-11-25T09:00:00+08:00")
        #expect(again.status == 0 && again.stdout.isEmpty && again.stderr.contains(": 0 steps"), "\(again.stdout)\(again.stderr)")
        #expect(try box.cb(["check", "--range", "HEAD"]).status == 0)
    }
}
