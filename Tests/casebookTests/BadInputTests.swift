import Foundation
import Testing

/// Hostile case files committed with stock git: the pre-commit hook (`casebook check --staged`)
/// refuses each with one line naming the file and what is wrong, and the commit is not made.
@Suite struct BadInputTests {
    @Test func hostileFilesAreRefusedByTheHook() throws {
        let (box, id) = try RefusalTests.prepared()
        defer { box.remove() }
        let path = "\(casePath(id))"
        let url = URL(fileURLWithPath: box.repo).appendingPathComponent(path)
        let original = try Data(contentsOf: url)
        let text = String(decoding: original, as: UTF8.self)
        let head = try box.git(["rev-parse", "HEAD"])
        let cases: [(String, Data, String)] = [
            ("invalid UTF-8", Data(text.utf8.prefix(40)) + Data([0xC3, 0x28, 0xFF]) + Data(text.utf8.dropFirst(40)), "not valid JSON"),
            ("NUL bytes", Data(text.replacingOccurrences(of: "\"kind\" : \"complaint\"", with: "\"kind\" : \"complaint\u{0}\"").utf8), "not valid JSON"),
            ("deep nesting", Data((String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000)).utf8), "nested deeper"),
            ("10 MB field", Data(text.replacingOccurrences(of: "楼道灯不亮", with: String(repeating: "灯", count: 3_500_000)).utf8), "larger than"),
            ("year 99999", Data(text.replacingOccurrences(of: "2026-11-22T09:05:00+08:00", with: "99999-11-22T09:05:00+08:00").utf8), "ISO 8601"),
            ("negative year", Data(text.replacingOccurrences(of: "2026-11-22T09:05:00+08:00", with: "-0001-11-22T09:05:00+08:00").utf8), "ISO 8601"),
            ("id with ../", Data(text.replacingOccurrences(of: "\"id\" : \"\(id)\"", with: "\"id\" : \"../../\(id)\"").utf8), "not a case id"),
            ("control characters", Data(text.replacingOccurrences(of: "\"summary\" : \"楼道灯不亮\"", with: "\"summary\" : \"a\\nforged line\\u001b[31m\"").utf8), "casebook check"),
            ("truncated", Data(original.prefix(original.count / 2)), "not valid JSON"),
            ("empty", Data(), "not valid JSON"),
        ]
        for (what, content, needle) in cases {
            try content.write(to: url)
            try box.git(["add", path])
            let o = try box.run("git", ["commit", "-q", "-m", "hand edit: \(what)"], env: [
                "CASEBOOK_BIN": Sandbox.binary, "GIT_AUTHOR_NAME": "李娜", "GIT_AUTHOR_EMAIL": "li.na@cuihu.example",
                "GIT_COMMITTER_NAME": "李娜", "GIT_COMMITTER_EMAIL": "li.na@cuihu.example",
            ])
            #expect(o.status != 0, "\(what) was committed")
            let lines = o.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(what): \(o.stderr.prefix(600))")
            #expect(o.stderr.contains(needle) && o.stderr.contains(path), "\(what): \(o.stderr.prefix(600))")
            #expect(o.stderr.count < 800, "\(what): the message is \(o.stderr.count) characters")
            #expect(try box.git(["rev-parse", "HEAD"]) == head)
            try box.git(["checkout", "HEAD", "--", path])
        }
        // And the repository is as it was.
        #expect(try box.git(["status", "--porcelain"]).isEmpty)
        #expect(try box.cb(["check", "--range", "HEAD"]).status == 0)
    }

    /// git's merge driver given damaged versions: one line, exit 1, OURS left as it was.
    @Test func theMergeDriverRefusesDamagedVersions() throws {
        let (box, id) = try RefusalTests.prepared()
        defer { box.remove() }
        let good = try Data(contentsOf: URL(fileURLWithPath: box.repo).appendingPathComponent("\(casePath(id))"))
        for damaged in [Data([0xFF, 0xFE, 0x00]), Data((String(repeating: "[", count: 100_000)).utf8), good.prefix(good.count / 3), Data()] {
            let ours = box.root.appendingPathComponent("ours.json"), theirs = box.root.appendingPathComponent("theirs.json")
            try good.write(to: ours)
            try damaged.write(to: theirs)
            let o = try box.cb(["merge-driver", ours.path, ours.path, theirs.path, "\(casePath(id))"])
            #expect(o.status == 1 && o.stderr.split(separator: "\n").count == 1, "\(o.stderr)")
            #expect(try Data(contentsOf: ours) == good)
        }
    }

    @Test func hostileArgumentsAreRefusedInOneLine() throws {
        let (box, id) = try RefusalTests.prepared()
        defer { box.remove() }
        let before = try box.snapshot()
        for args in [
            ["note", "../../../etc/passwd", "x", "--as", "li.na"],
            ["note", "C-20261122-T01-0001\u{1b}[31m", "x", "--as", "li.na"],
            ["note", id, "line\u{0}", "--as", "li.na"],
            ["note", id, String(repeating: "长", count: 10_000), "--as", "li.na"],
            ["note", id, "x", "--as", "li.na", "--at", "99999-01-01T00:00"],
            ["note", id, "x", "--as", "li.na", "--at", "-2026-01-01T00:00"],
            ["open", "--as", "li.na", "--kind", "inquiry", "--channel", "phone", "--reporter", "王\u{7}女士", "--summary", "x"],
            ["open", "--as", "li.na", "--kind", "inquiry", "--channel", "phone", "--reporter", "王女士", "--phone", "1381234567890123", "--summary", "x"],
            ["show", id, "--reveal", "--reason", "a\u{1}b", "--as", "li.na"],
            ["erase", "--resident", "../R-0000000000000000", "--as", "zhou.jl"],
        ] {
            let o = try box.cb(args)
            #expect(o.status == 1 || o.status == 64, "\(args): exit \(o.status)")
            #expect(o.stderr.split(separator: "\n").count == 1 || o.status == 64, "\(args): \(o.stderr)")
            #expect(!o.stderr.contains("\u{1b}") && !o.stderr.contains("\u{0}"), "\(args): control characters echoed")
            #expect(try box.snapshot() == before, "\(args) changed the repository")
        }
    }
}
