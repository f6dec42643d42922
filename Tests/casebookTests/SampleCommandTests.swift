import Foundation
import Testing

@Suite struct SampleCommandTests {
    @Test func sampleIsCommittedOnceAndCheckedByTheHook() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
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
        // 10 % of 12, rounded up; due Monday 2026-12-07 (the 5th is a Saturday).
        #expect(lines.filter { $0.hasPrefix("revisit\t") }.count == 2)
        #expect(lines.first?.hasSuffix("due 2026-12-07T17:30:00+08:00") == true)
        #expect(try box.git(["log", "-1", "--format=%an|%s"]).hasPrefix("陈洁|sample 2026-11: 2 of 12 to revisit"))
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
}
