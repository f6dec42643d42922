import Foundation
import Testing

@Suite struct SampleCommandTests {
    @Test func sampleIsCommittedOnceAndCheckedByTheHook() throws {
        // The villa's month-end sample (000 篇2 §4.3–4.4): drawn on the 30th, due by the 5th.
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository(profile: "villa")
        var ids: [String] = []
        for n in 0..<12 {
            let id = try box.ok(["open", "--as", "li.na", "--kind", "repair", "--repair-size", "small", "--channel", "phone",
                                 "--unit", "5-1-\(300 + n)", "--reporter", "陈先生", "--summary", "水龙头漏水"], now: "2026-11-10T09:\(10 + n):00+08:00")
            try box.ok(["resolve", id, "--result", "已修好", "--as", "zhao.gong"], now: "2026-11-10T15:\(10 + n):00+08:00")
            ids.append(id)
        }
        let early = try box.cb(["sample", "--month", "2026-11", "--as", "chen.jie"], now: "2026-11-29T10:00:00+08:00")
        #expect(early.status == 1 && early.stderr.contains("may be drawn from 2026-11-30"))
        let refused = try box.cb(["sample", "--month", "2026-11", "--as", "li.na"], now: "2026-11-30T10:00:00+08:00")
        #expect(refused.status == 1 && refused.stderr.contains("rule role"))

        let out = try box.ok(["sample", "--month", "2026-11", "--as", "chen.jie"], now: "2026-11-30T10:00:00+08:00")
        let lines = out.split(separator: "\n")
        // Fewer than 20 work orders: 5, more than half at home; due Monday 2026-12-07 (the 5th is a Saturday).
        #expect(lines.filter { $0.hasPrefix("revisit\t") }.count == 5)
        #expect(lines.first?.hasSuffix("due 2026-12-07T17:30:00+08:00\thome") == true)
        #expect(lines.filter { $0.hasSuffix("\thome") }.count == 3)
        #expect(try box.git(["log", "-1", "--format=%an|%s"]).hasPrefix("陈洁|sample 2026-11: 5 of 12 to revisit"))
        let head = try box.git(["rev-parse", "HEAD"])
        // Again: the same selection, nothing committed.
        #expect(try box.ok(["sample", "--month", "2026-11", "--as", "chen.jie"], now: "2026-12-01T10:00:00+08:00") == out)
        #expect(try box.git(["rev-parse", "HEAD"]) == head)
        #expect(try box.run("python3", [SchemaTests.validator, box.repo + "/records/samples/2026-11.json"]).status == 0)

        // A hand-picked sample is refused by the hook.
        try box.git(["rm", "-q", "--cached", "records/samples/2026-11.json"])
        try box.git(["commit", "-q", "--no-verify", "-m", "take the sample back (test)"])
        let path = box.repo + "/records/samples/2026-11.json"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let chosen = ids.filter { text.contains("\"id\" : \"\($0)\"") }
        let other = try #require(ids.first { !chosen.contains($0) })
        text = text.replacingOccurrences(of: "\"id\" : \"\(chosen[0])\"", with: "\"id\" : \"\(other)\"")
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        try box.git(["add", "records/samples/2026-11.json"])
        let o = try box.run("git", ["commit", "-q", "-m", "hand-picked"], env: [
            "CASEBOOK_BIN": Sandbox.binary, "GIT_AUTHOR_NAME": "陈洁", "GIT_AUTHOR_EMAIL": "chen.jie@cuihu.example",
            "GIT_COMMITTER_NAME": "陈洁", "GIT_COMMITTER_EMAIL": "chen.jie@cuihu.example",
        ])
        #expect(o.status == 1)
        #expect(o.stderr.contains("rule sample-reproducible"))
    }

    // MARK: - Sampled revisits inside their windows (issue 24)

    /// Opens and resolves `count` cases across November, alternating repairs and help requests,
    /// one each working morning from the 2nd, each resolved the same afternoon; sweeps each
    /// morning at 08:30 first. Returns id → (kind, resolution time).
    static func month(_ box: Sandbox, count: Int, sweep: Bool, largeEvery: Int = 0) throws -> [String: (kind: String, resolved: String)] {
        var out: [String: (kind: String, resolved: String)] = [:]
        var n = 0
        for day in 2...29 where n < count {
            let d = day < 10 ? "0\(day)" : "\(day)"
            if sweep { try box.ok(["sweep"], now: "2026-11-\(d)T08:30:00+08:00") }
            for k in 0..<2 where n < count {
                let kind = n % 3 == 2 ? "help" : "repair"
                let size = largeEvery > 0 && n % largeEvery == largeEvery - 1 ? "large" : "small"
                let extra = kind == "repair" ? ["--repair-size", size] : []
                let id = try box.ok(["open", "--as", "li.na", "--kind", kind, "--channel", "phone", "--unit", "5-1-\(300 + n)",
                                     "--reporter", "陈先生", "--summary", kind == "repair" ? "水龙头漏水" : "帮忙搬运"] + extra,
                                    now: "2026-11-\(d)T09:\(10 + k):00+08:00")
                let resolved = "2026-11-\(d)T15:\(10 + k):00+08:00"
                try box.ok(["resolve", id, "--result", "已处理", "--as", kind == "repair" ? "zhao.gong" : "chen.jie"], now: resolved)
                out[id] = (kind == "repair" && size == "large" ? "large" : kind, resolved)
                n += 1
            }
        }
        return out
    }

    /// Every pick of every committed draw of November, with its file.
    static func picks(_ box: Sandbox) throws -> [(file: String, id: String, due: String, resolvedAt: String?)] {
        let files = try box.git(["ls-files", "records/samples"]).split(separator: "\n").map(String.init).filter { $0.contains("2026-11") }
        var out: [(file: String, id: String, due: String, resolvedAt: String?)] = []
        for f in files {
            let data = try Data(contentsOf: URL(fileURLWithPath: box.repo + "/" + f))
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let revisits = try #require(object["revisits"] as? [String: Any])
            for pick in try #require(revisits["selected"] as? [[String: Any]]) {
                out.append((f, try #require(pick["id"] as? String), try #require(pick["due"] as? String), pick["resolvedAt"] as? String))
            }
        }
        return out
    }

    static func date(_ s: String) throws -> Date { try #require(ISO8601DateFormatter().date(from: s)) }

    /// The same repository, cloned, recomputes the same selection, and its whole history passes the hook.
    static func sameInAClone(_ box: Sandbox) throws {
        let original = try box.ok(["sample", "--month", "2026-11", "--recompute"], now: "2026-12-02T09:00:00+08:00")
        let clone = box.root.appendingPathComponent("clone").path
        #expect(try box.run("git", ["clone", "-q", box.repo, clone], in: box.root.path).status == 0)
        let again = try box.run(Sandbox.binary, ["sample", "--month", "2026-11", "--recompute"], in: clone, env: ["CASEBOOK_NOW": "2026-12-02T09:00:00+08:00"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.trimmingCharacters(in: .newlines) == original)
        #expect(original.contains("the same selection"))
        // An auditor's full re-check: every commit against the rules of its parent, samples recomputed.
        let checked = try box.run(Sandbox.binary, ["check", "--range", "HEAD"], in: clone, env: ["CASEBOOK_NOW": "2026-12-02T09:00:00+08:00"])
        #expect(checked.status == 0, "\(checked.stdout)\(checked.stderr)")
    }

    /// Residential: a repair revisited within five days, help within a week (002 篇2 §4.1.1 b, f),
    /// at 10 % over the month (§4.1.2 b): sweep draws each day's finished work the next morning.
    @Test func residentialDrawsDailyInsideTheWindows() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository(profile: "residential")
        let cases = try Self.month(box, count: 36, sweep: true)
        try box.ok(["sweep"], now: "2026-11-30T08:30:00+08:00")
        let monthly = try box.ok(["sample", "--month", "2026-11", "--as", "chen.jie"], now: "2026-11-30T16:00:00+08:00")
        try box.ok(["sweep"], now: "2026-12-01T08:30:00+08:00")
        let picks = try Self.picks(box)
        // The rate over the month: at least 10 % of the 36 finished, every case drawn once.
        #expect(picks.count >= 4)
        #expect(Set(picks.map(\.id)).count == picks.count)
        #expect(picks.contains { $0.file.hasPrefix("records/samples/2026-11/") })
        // Every pick due at the end of its window, counted from its resolution, and drawn before it closes.
        for pick in picks {
            let c = try #require(cases[pick.id])
            #expect(pick.resolvedAt == c.resolved)
            let days = try Self.date(pick.due).timeIntervalSince(try Self.date(c.resolved)) / 86_400
            #expect(days == (c.kind == "repair" ? 5 : 7), "\(pick.id) \(c.kind) due \(pick.due) after \(c.resolved)")
            let drawnOn = pick.file.hasPrefix("records/samples/2026-11/") ? String(pick.file.dropFirst("records/samples/2026-11/".count).prefix(10)) : "2026-11-30"
            #expect(drawnOn < String(pick.due.prefix(10)))
        }
        _ = monthly
        // The picks are on the revisit schedule; made in their window, the report says so.
        let site = box.root.appendingPathComponent("site").path
        try box.ok(["site", "--out", site], now: "2026-11-30T17:00:00+08:00")
        let revisitsPage = try String(contentsOfFile: site + "/revisits.html", encoding: .utf8)
        #expect(picks.allSatisfy { revisitsPage.contains($0.id) })
        let early = picks.sorted { $0.due < $1.due }
        for pick in early.prefix(2) {
            try box.ok(["revisit", pick.id, "--mode", "phone", "--satisfied", "--notes", "业主表示满意", "--as", "chen.jie"],
                       now: String(pick.due.prefix(10)) + "T10:00:00+08:00")
        }
        let report = try box.ok(["report", "--month", "2026-11"], now: "2026-12-02T09:00:00+08:00")
        #expect(report.contains("sampled revisits: finished 36, drawn 36, selected \(picks.count)"), "\(report)")
        #expect(report.contains("required 10%"))
        #expect(report.contains("revisited 2, inside their window 2"))
        let zh = try box.ok(["report", "--month", "2026-11"], now: "2026-12-02T09:00:00+08:00", env: ["LANG": "zh_CN.UTF-8"])
        #expect(zh.contains("抽样回访：本月完成 36") && zh.contains("其中时限内 2"))
        try box.ok(["site", "--out", site], now: "2026-12-02T09:00:00+08:00")
        let reportPage = try String(contentsOfFile: site + "/reports/2026-11.html", encoding: .utf8)
        #expect(reportPage.contains("class=\"sampled\""))
        try Self.sameInAClone(box)

        // A hand-picked daily draw is refused by the hook.
        let draw = try #require(picks.first { $0.file.hasPrefix("records/samples/2026-11/") })
        let other = try #require(cases.keys.sorted().first { id in !picks.contains { $0.id == id } })
        try box.git(["rm", "-q", "--cached", draw.file])
        try box.git(["commit", "-q", "--no-verify", "-m", "take the draw back (test)"])
        let path = box.repo + "/" + draw.file
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\"id\" : \"\(draw.id)\"", with: "\"id\" : \"\(other)\"")
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        try box.git(["add", draw.file])
        let o = try box.run("git", ["commit", "-q", "-m", "hand-picked"], env: [
            "CASEBOOK_BIN": Sandbox.binary, "CASEBOOK_NOW": "2026-12-02T09:00:00+08:00", "GIT_AUTHOR_NAME": "陈洁", "GIT_AUTHOR_EMAIL": "chen.jie@cuihu.example",
            "GIT_COMMITTER_NAME": "陈洁", "GIT_COMMITTER_EMAIL": "chen.jie@cuihu.example",
        ])
        #expect(o.status == 1)
        #expect(o.stderr.contains("rule sample-reproducible") || o.stderr.contains("rule sampling-day"), "\(o.stderr)")
    }

    /// Villa: routine work sampled on the 30th and revisited by the 5th (its own rule, 000 篇2
    /// §4.3–4.4); a large repair revisited at once, outside the sample (§4.8).
    @Test func villaKeepsItsMonthEndSample() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository(profile: "villa")
        let cases = try Self.month(box, count: 24, sweep: true, largeEvery: 5)
        let large = cases.filter { $0.value.kind == "large" }
        #expect(large.count == 3)
        for (id, c) in large {
            let json = try box.ok(["show", id, "--json"], now: "2026-11-30T09:00:00+08:00")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let plans = try #require((object["state"] as? [String: Any])?["revisitsPlanned"] as? [[String: Any]])
            // The same working day (the resolutions are at 15:xx on working days).
            #expect(plans.count == 1 && (plans.first?["due"] as? String)?.hasPrefix(String(c.resolved.prefix(10))) == true, "\(plans)")
        }
        #expect(try box.git(["ls-files", "records/samples"]).isEmpty)
        try box.ok(["sample", "--month", "2026-11", "--as", "chen.jie"], now: "2026-11-30T16:00:00+08:00")
        try box.ok(["sweep"], now: "2026-12-01T08:30:00+08:00")
        let picks = try Self.picks(box)
        // 21 routine work orders (20–50): 30 %, rounded up; none of them large.
        #expect(picks.count == 7)
        #expect(picks.allSatisfy { large[$0.id] == nil && $0.due == "2026-12-07T17:30:00+08:00" })
        try box.ok(["revisit", picks[0].id, "--mode", "home", "--satisfied", "--notes", "业主表示满意", "--as", "chen.jie"], now: "2026-12-03T10:00:00+08:00")
        let report = try box.ok(["report", "--month", "2026-11"], now: "2026-12-04T09:00:00+08:00")
        #expect(report.contains("sampled revisits: finished 21, drawn 21, selected 7 (33.3%, required -), revisited 1, inside their window 1"), "\(report)")
        try Self.sameInAClone(box)
    }

    /// Mall: every repair and help request revisited (001 篇2 §3.2), planned at resolution inside its window.
    @Test func mallPlansEveryRevisitInsideItsWindow() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository(profile: "mall")
        let cases = try Self.month(box, count: 6, sweep: true)
        for (id, c) in cases {
            let json = try box.ok(["show", id, "--json"], now: "2026-11-30T09:00:00+08:00")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let plans = try #require((object["state"] as? [String: Any])?["revisitsPlanned"] as? [[String: Any]])
            let due = try #require(plans.first?["due"] as? String)
            let days = try Self.date(due).timeIntervalSince(try Self.date(c.resolved)) / 86_400
            #expect(days == (c.kind == "repair" ? 5 : 7))
        }
        let o = try box.cb(["sample", "--month", "2026-11", "--as", "chen.jie"], now: "2026-11-30T16:00:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("rule sampling"))
        #expect(try box.git(["ls-files", "records/samples"]).isEmpty)
    }
}
