import Foundation
import Testing

/// Review sign-offs (PROCEDURES.md §3 "reviews"): who may sign which, what each covers, that a
/// hand-made one is checked like any record, and that missing ones show on the dashboard.
@Suite struct ReviewSignoffTests {
    @Test func reviewsAreSignedCheckedAndMissedOnesShowAsOverdue() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        func open(_ summary: String, at: String) throws -> String {
            try box.ok(["open", "--as", "li.na", "--kind", "complaint", "--severity", "minor", "--channel", "phone", "--unit", "3-2-1801",
                        "--reporter", "王女士", "--phone", "13812345678", "--summary", summary], now: at)
        }
        // Friday 20 November: two cases; Monday 23 November: one.
        let a = try open("楼道灯不亮", at: "2026-11-20T09:00:00+08:00")
        let b = try open("垃圾未清运", at: "2026-11-20T14:00:00+08:00")
        let c = try open("电梯异响", at: "2026-11-23T10:00:00+08:00")

        // Only a supervisor or above signs the daily review; only a manager or above the weekly one.
        var o = try box.cb(["review", "daily", "--date", "2026-11-20", "--opinion", "已审核", "--as", "li.na"], now: "2026-11-20T18:00:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("[rule role; 002 篇1 §4.3]"), "\(o.stderr)")
        o = try box.cb(["review", "weekly", "--opinion", "已审核", "--as", "wang.zg"], now: "2026-11-23T09:00:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("[rule role; 002 篇1 §4.9]"), "\(o.stderr)")

        #expect(try box.ok(["review", "daily", "--date", "2026-11-20", "--opinion", "记录完整", "--as", "wang.zg"], now: "2026-11-20T18:00:00+08:00")
            == "records/reviews/daily/2026-11-20.json\t2 cases")
        #expect(try box.git(["log", "-1", "--format=%an <%ae>%n%(trailers:key=Procedure,valueonly)"]).hasPrefix("王主管 <wang.zg@cuihu.example>\n002 篇1 §4.3"))
        let daily = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: box.repo + "/records/reviews/daily/2026-11-20.json"))) as? [String: Any])
        let covered = try #require(daily["cases"] as? [[String: String]])
        #expect(covered.map { $0["id"] } == [a, b].sorted())
        let blobA = try box.git(["rev-parse", "HEAD:\(casePath(a))"]).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(covered.first { $0["id"] == a }?["blob"] == blobA)
        let schema = try box.run("python3", [Sandbox.projectRoot.appendingPathComponent("Tests/schema/validate.py").path,
                                             box.repo + "/records/reviews/daily/2026-11-20.json"])
        #expect(schema.status == 0, "\(schema.stdout)\(schema.stderr)")
        o = try box.cb(["review", "daily", "--date", "2026-11-20", "--opinion", "再审", "--as", "zhou.jl"], now: "2026-11-21T09:00:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("[rule review-fixed;"), "\(o.stderr)")

        // Monday: the manager reviews last week (16–22 November).
        #expect(try box.ok(["review", "weekly", "--opinion", "上周记录完整", "--as", "zhou.jl"], now: "2026-11-23T09:00:00+08:00")
            == "records/reviews/weekly/2026-11-16.json\t2 cases")

        // A hand-made daily review of the 23rd that leaves a case out is refused by the hook.
        let dir = box.repo + "/records/reviews/daily"
        let forged = """
        {"format":"casebook.review/1","kind":"daily","from":"2026-11-23","to":"2026-11-23","by":"wang.zg",
         "at":"2026-11-23T18:00:00+08:00","opinion":"无异常","cases":[],"clause":"002 篇1 §4.3"}
        """
        try forged.write(toFile: dir + "/2026-11-23.json", atomically: true, encoding: .utf8)
        try box.git(["add", "records/reviews"])
        let hand = try box.run("git", ["commit", "-q", "-m", "review"], env: [
            "CASEBOOK_BIN": Sandbox.binary, "CASEBOOK_NOW": "2026-11-23T19:00:00+08:00", "GIT_AUTHOR_NAME": "王主管", "GIT_AUTHOR_EMAIL": "wang.zg@cuihu.example",
            "GIT_COMMITTER_NAME": "王主管", "GIT_COMMITTER_EMAIL": "wang.zg@cuihu.example"])
        #expect(hand.status == 1)
        #expect(hand.stderr.contains("[rule review-coverage; 002 篇1 §4.3]"), "\(hand.stderr)")
        try box.git(["rm", "-q", "--cached", "records/reviews/daily/2026-11-23.json"])
        try FileManager.default.removeItem(atPath: dir + "/2026-11-23.json")

        // Wednesday 25th: the daily review of the 23rd and last week's records sign-off are late.
        let out = box.root.appendingPathComponent("public")
        #expect(try box.cb(["site", "--out", out.path], now: "2026-11-25T10:00:00+08:00").status == 0)
        let page = try String(contentsOf: out.appendingPathComponent("overdue.html"), encoding: .utf8)
        let rows = page.components(separatedBy: "<tr data-oversight=\"").dropFirst().map { String($0.prefix { $0 != ">" }) }
        #expect(rows == ["review-records\" data-period=\"2026-11-16 – 2026-11-22\"", "review-daily\" data-period=\"2026-11-23\""], "\(rows)")
        #expect(page.contains("客服主管每日审核《接待业主情况记录》"))
        #expect(!page.contains("data-period=\"2026-11-20\""), "the signed daily review is not listed")
        _ = c
    }
}
