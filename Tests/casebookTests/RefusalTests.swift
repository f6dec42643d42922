import Foundation
import Testing

/// Bad input: one line on stderr naming the field or rule, exit 1 (64 for usage), and HEAD,
/// the index and the work tree exactly as they were.
@Suite struct RefusalTests {
    /// A repository with one open complaint, for refusals to bounce off.
    static func prepared() throws -> (Sandbox, String) {
        let box = try Sandbox()
        try box.makeRepository()
        let id = try box.ok(["open", "--as", "li.na", "--kind", "complaint", "--severity", "important", "--channel", "phone",
                             "--unit", "3-2-1801", "--reporter", "王女士", "--phone", "13812345678", "--summary", "楼道灯不亮"],
                            now: "2026-11-22T09:00:00+08:00")
        try box.ok(["dispatch", id, "--department", "engineering", "--as", "li.na"], now: "2026-11-22T09:05:00+08:00")
        return (box, id)
    }

    /// Runs `args`, expects exit `code` and one stderr line containing every one of `needles`,
    /// and that nothing in the repository moved.
    func refuse(_ box: Sandbox, _ args: [String], code: Int32 = 1, mentions needles: [String], now: String = "2026-11-22T10:00:00+08:00") throws {
        let before = try box.snapshot()
        let o = try box.cb(args, now: now)
        #expect(o.status == code, "\(args): exit \(o.status), stderr \(o.stderr)")
        if code == 1 {
            let lines = o.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(args): expected one line, got \(o.stderr)")
        }
        for n in needles { #expect(o.stderr.contains(n), "\(args): stderr lacks '\(n)': \(o.stderr)") }
        #expect(o.stdout.isEmpty)
        #expect(try box.snapshot() == before, "\(args) changed the repository")
    }

    @Test func unknownStaff() throws {
        let (box, id) = try Self.prepared()
        defer { box.remove() }
        try refuse(box, ["note", id, "进展", "--as", "nobody"], mentions: ["--as", "nobody", "records/staff.json"])
        try refuse(box, ["dispatch", id, "--department", "security", "--assignee", "ghost", "--as", "li.na"], mentions: ["--assignee", "ghost"])
    }

    @Test func unknownCase() throws {
        let (box, _) = try Self.prepared()
        defer { box.remove() }
        try refuse(box, ["dispatch", "C-20261122-T01-0099", "--department", "engineering", "--as", "li.na"], mentions: ["C-20261122-T01-0099", "no such case"])
        try refuse(box, ["show", "C-20261122-T01-0099"], mentions: ["no such case"])
        try refuse(box, ["log", "C-20261122-T01-0099"], mentions: ["no such case"])
    }

    @Test func transitionsTheStateDoesNotAllow() throws {
        let (box, id) = try Self.prepared()
        defer { box.remove() }
        try refuse(box, ["close", id, "--as", "chen.jie"], mentions: ["close is not allowed while the case is in-progress", "rule transition"])
        try refuse(box, ["revisit", id, "--mode", "phone", "--satisfied", "--as", "chen.jie"], mentions: ["rule transition", "002 篇2 §4.1"])
        try refuse(box, ["unresolvable", id, "--reason", "无法处理", "--as", "wang.zg"], mentions: ["may not unresolvable", "rule role", "002 篇1 §3.3.3"])
        try box.ok(["escalate", id, "--to", "manager", "--reason", "1周未处理", "--as", "li.na"], now: "2026-11-22T09:30:00+08:00")
        try refuse(box, ["escalate", id, "--to", "supervisor", "--reason", "回退", "--as", "li.na"], mentions: ["rule ladder-up"])
        try box.ok(["resolve", id, "--result", "已更换灯具", "--as", "zhao.gong"], now: "2026-11-22T09:40:00+08:00")
        try refuse(box, ["close", id, "--as", "chen.jie"], mentions: ["required revisit", "rule revisit-before-close"])
        try refuse(box, ["note", id, "过去的事", "--as", "li.na", "--at", "2026-11-22T08:00"], mentions: ["rule time-order"])
    }

    @Test func malformedCaseFileOnDisk() throws {
        let (box, id) = try Self.prepared()
        defer { box.remove() }
        let path = "\(casePath(id))"
        // Committed by hand with stock git, bypassing the hook.
        try Data("{\"format\": \"casebook.case/1\", \"id\": ".utf8).write(to: box.root.appendingPathComponent("cases/" + path))
        try box.git(["commit", "-q", "--no-verify", "-am", "broken by hand"])
        try refuse(box, ["note", id, "进展", "--as", "li.na"], mentions: [path, "not valid JSON"])
        try Data("{\"format\": \"casebook.case/1\", \"id\": \"\(id)\"}".utf8).write(to: box.root.appendingPathComponent("cases/" + path))
        try box.git(["commit", "-q", "--no-verify", "-am", "still broken"])
        try refuse(box, ["show", id], mentions: [path, "intake: missing"])
    }

    @Test func pathsOutsideRecords() throws {
        let (box, _) = try Self.prepared()
        defer { box.remove() }
        try refuse(box, ["show", "../../../etc/passwd"], mentions: ["is not a case id"])
        try refuse(box, ["note", "C-20261122-T01-0001/../../../x", "进展", "--as", "li.na"], mentions: ["is not a case id"])
    }

    @Test func badFieldsAndUsage() throws {
        let (box, id) = try Self.prepared()
        defer { box.remove() }
        try refuse(box, ["open", "--as", "li.na", "--kind", "repair", "--repair-size", "small", "--channel", "phone",
                         "--reporter", "陈先生", "--phone", "12ab", "--summary", "漏水"], mentions: ["--phone"])
        try refuse(box, ["open", "--as", "li.na", "--kind", "repair", "--repair-size", "small", "--channel", "phone",
                         "--reporter", "陈先生", "--summary", "   "], mentions: ["--summary", "empty"])
        try refuse(box, ["note", id, "进展", "--as", "li.na", "--at", "2026-11-23T09:00"], mentions: ["--at", "future"])
        try refuse(box, ["note", id, "进展", "--as", "li.na", "--at", "yesterday"], mentions: ["--at"])
        // Usage errors: exit 64.
        try refuse(box, ["open", "--as", "li.na", "--kind", "complaint", "--channel", "phone", "--reporter", "王女士", "--summary", "x"],
                   code: 64, mentions: ["--severity"])
        try refuse(box, ["escalate", id, "--to", "desk", "--reason", "x", "--as", "li.na"], code: 64, mentions: ["--to"])
        try refuse(box, ["dispatch", id, "--department", "kitchen", "--as", "li.na"], code: 64, mentions: ["kitchen"])
    }

    @Test func uncommittedEditsAreNotOverwritten() throws {
        let (box, id) = try Self.prepared()
        defer { box.remove() }
        let url = box.root.appendingPathComponent("cases/\(casePath(id))")
        var text = try String(contentsOf: url, encoding: .utf8)
        text += " "
        try text.write(to: url, atomically: false, encoding: .utf8)
        try refuse(box, ["note", id, "进展", "--as", "li.na"], mentions: ["uncommitted changes"])
        #expect(try String(contentsOf: url, encoding: .utf8) == text)
    }

    @Test func onlyManagersChangeTheStaffRegistry() throws {
        let (box, _) = try Self.prepared()
        defer { box.remove() }
        try refuse(box, ["staff", "add", "x.y", "--name", "某人", "--email", "x.y@cuihu.example", "--role", "manager", "--as", "li.na"],
                   mentions: ["rule config-owner"])
        try refuse(box, ["staff", "add", "li.na", "--name", "李娜", "--email", "other@cuihu.example", "--role", "receptionist", "--as", "zhou.jl"],
                   mentions: ["already registered"])
    }
}
