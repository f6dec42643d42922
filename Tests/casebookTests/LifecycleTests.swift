import Foundation
import Testing

/// The whole life of a case through the built binary, checked with stock git.
@Suite struct LifecycleTests {
    @Test func complaintFromIntakeToClose() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        let base = Int(try box.git(["rev-list", "--count", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0

        let id = try box.ok(["open", "--as", "li.na", "--kind", "complaint", "--severity", "important", "--channel", "phone",
                             "--unit", "3-2-1801", "--reporter", "王女士", "--phone", "13812345678", "--summary", "楼道灯不亮"],
                            now: "2026-11-22T09:00:00+08:00")
        #expect(id == "C-20261122-T01-0001")
        let steps: [([String], String)] = [
            (["dispatch", id, "--department", "engineering", "--assignee", "zhao.gong", "--as", "li.na"], "2026-11-22T09:10:00+08:00"),
            (["note", id, "已通知工程部，今天下午更换", "--owner-informed", "--as", "li.na"], "2026-11-22T09:20:00+08:00"),
            (["escalate", id, "--to", "supervisor", "--reason", "重要投诉1小时内报告", "--assignee", "wang.zg", "--as", "li.na"], "2026-11-22T09:30:00+08:00"),
            (["resolve", id, "--result", "已更换灯具", "--customer-confirmed", "--rating", "5", "--as", "zhao.gong"], "2026-11-22T15:00:00+08:00"),
            (["revisit", id, "--mode", "home", "--satisfied", "--notes", "业主满意", "--as", "he.zr"], "2026-11-23T10:00:00+08:00"),
            (["close", id, "--as", "chen.jie"], "2026-11-23T10:30:00+08:00"),
        ]
        for (args, now) in steps {
            #expect(try box.ok(args, now: now) == id)
        }

        // One commit per step, authored by the person who took it, at the event's time, +08:00.
        let log = try box.git(["log", "--reverse", "--format=%an|%ae|%ad|%s", "--date=iso-strict", "-n", "7"])
            .split(separator: "\n").map(String.init)
        #expect(log == [
            "李娜|li.na@cuihu.example|2026-11-22T09:00:00+08:00|complaint \(id): open (important), phone",
            "李娜|li.na@cuihu.example|2026-11-22T09:10:00+08:00|complaint \(id): dispatch to engineering (zhao.gong)",
            "李娜|li.na@cuihu.example|2026-11-22T09:20:00+08:00|complaint \(id): progress fed back to the owner",
            "李娜|li.na@cuihu.example|2026-11-22T09:30:00+08:00|complaint \(id): escalate to supervisor",
            "赵工|zhao.gong@cuihu.example|2026-11-22T15:00:00+08:00|complaint \(id): resolved",
            "何主任|he.zr@cuihu.example|2026-11-23T10:00:00+08:00|complaint \(id): revisit by home, satisfied",
            "陈洁|chen.jie@cuihu.example|2026-11-23T10:30:00+08:00|complaint \(id): close",
        ])
        let count = Int(try box.git(["rev-list", "--count", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        #expect(count == base + 7)
        // Each commit touches exactly the case file, and carries the trailers.
        let path = "\(casePath(id))"
        let touched = try box.git(["log", "-n", "7", "--format=", "--name-only"]).split(separator: "\n").map(String.init)
        #expect(touched == Array(repeating: path, count: 7))
        let trailers = try box.git(["log", "-1", "--format=%(trailers:key=Case-Id,valueonly)%(trailers:key=Action,valueonly)%(trailers:key=Procedure,valueonly)"])
        #expect(trailers.contains(id) && trailers.contains("close") && trailers.contains("002 篇2 §4.1.2"))
        // Stock git agrees the repository is sound and the work tree is clean.
        #expect(try box.run("git", ["fsck", "--strict"]).status == 0)
        #expect(try box.git(["status", "--porcelain"]).isEmpty)

        // show --json: the folded state.
        let json = try box.ok(["show", id, "--json"], now: "2026-11-24T09:00:00+08:00")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let state = try #require(object["state"] as? [String: Any])
        #expect(state["status"] as? String == "closed")
        #expect(state["level"] as? String == "supervisor")
        #expect(state["holder"] as? String == "wang.zg")
        #expect(state["department"] as? String == "engineering")
        #expect(state["closedAt"] as? String == "2026-11-23T10:30:00+08:00")
        #expect(state["ownerInformedAt"] as? String == "2026-11-22T09:20:00+08:00")
        let revisits = try #require(state["revisits"] as? [[String: Any]])
        #expect(revisits.count == 1 && revisits[0]["by"] as? String == "he.zr" && revisits[0]["satisfied"] as? Bool == true)
        let deadlines = try #require(state["deadlines"] as? [[String: Any]])
        #expect(deadlines.map { $0["step"] as? String } == ["report", "resolve"])
        #expect(deadlines.map { $0["due"] as? String } == ["2026-11-22T10:00:00+08:00", "2026-11-29T09:00:00+08:00"])
        #expect((object["events"] as? [Any])?.count == 7)
        // Personal data stays out of show's output.
        #expect(!json.contains("13812345678"))
        #expect(json.contains("138****5678"))

        // log: the case's commits, newest first, with authors and actions.
        let caseLog = try box.ok(["log", id]).split(separator: "\n")
        #expect(caseLog.count == 7)
        #expect(caseLog.first?.contains("陈洁 <chen.jie@cuihu.example>\tclose") == true)
        #expect(caseLog.last?.contains("2026-11-22T09:00:00+08:00\t李娜 <li.na@cuihu.example>\topen") == true)

        // list: filters by status.
        #expect(try box.ok(["list", "--status", "closed"]).hasPrefix(id))
        #expect(try box.ok(["list", "--open"]).isEmpty)
    }

    @Test func unsatisfiedRevisitReopensAndReferralCloses() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        let id = try box.ok(["open", "--as", "li.na", "--kind", "complaint", "--severity", "minor", "--channel", "online",
                             "--unit", "2-3-601", "--reporter", "刘阿姨", "--summary", "垃圾桶未及时清运"], now: "2026-11-20T10:00:00+08:00")
        try box.ok(["resolve", id, "--result", "已清运", "--as", "zhao.gong"], now: "2026-11-20T15:00:00+08:00")
        try box.ok(["revisit", id, "--mode", "home", "--unsatisfied", "--as", "chen.jie"], now: "2026-11-21T10:00:00+08:00")
        #expect(try box.git(["log", "-1", "--format=%s"]).contains("reported to the director"))
        #expect(try box.ok(["list", "--status", "in-progress"]).hasPrefix(id))
        // A second referral case: refer, then close without a revisit.
        let noise = try box.ok(["open", "--as", "li.na", "--kind", "complaint", "--severity", "minor", "--channel", "phone",
                                "--reporter", "孙女士", "--phone", "13522223333", "--summary", "工地夜间施工噪音"], now: "2026-11-20T20:00:00+08:00")
        #expect(noise == "C-20261120-T01-0002")
        try box.ok(["refer", noise, "--to", "区城市管理局", "--as", "li.na"], now: "2026-11-21T09:00:00+08:00")
        try box.ok(["close", noise, "--as", "chen.jie"], now: "2026-11-21T09:30:00+08:00")
        try box.ok(["reopen", noise, "--reason", "业主反映仍未处理", "--as", "chen.jie"], now: "2026-11-22T09:00:00+08:00")
        try box.ok(["unresolvable", noise, "--reason", "属政府职能，已书面答复", "--as", "zhou.jl"], now: "2026-11-22T10:00:00+08:00")
        let shown = try box.ok(["show", noise], now: "2026-11-22T11:00:00+08:00")
        #expect(shown.contains("unresolvable") && shown.contains("属政府职能"))
    }

    @Test func overdueDeadlinesAreListed() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        let id = try box.ok(["open", "--as", "li.na", "--kind", "repair", "--repair-size", "small", "--channel", "phone",
                             "--unit", "5-1-302", "--reporter", "陈先生", "--phone", "13987654321", "--summary", "水龙头漏水"],
                            now: "2026-11-20T09:00:00+08:00")
        #expect(try box.ok(["list", "--overdue"], now: "2026-11-20T16:59:59+08:00").isEmpty)
        #expect(try box.ok(["list", "--overdue"], now: "2026-11-20T17:00:01+08:00").contains("\(id)\trepair/small"))
        #expect(try box.ok(["show", id], now: "2026-11-20T17:00:01+08:00").contains("OVERDUE"))
    }
}
