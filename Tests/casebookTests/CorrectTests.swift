import Foundation
import Testing

/// `casebook correct`: a mistaken entry is put right by a new event, never by editing history
/// (004 §4.1; 001 §5.1.2; 002 篇1 §4.3).
@Suite struct CorrectTests {
    static let clause = "[rule correction; 004 §4.1; 001 §5.1.2; 002 篇1 §4.3]"

    static func prepared() throws -> (Sandbox, String) {
        let box = try Sandbox()
        try box.makeRepository()
        let id = try box.ok(["open", "--as", "li.na", "--kind", "complaint", "--severity", "minor", "--channel", "phone",
                             "--unit", "3-2-1801", "--reporter", "王女士", "--phone", "13812345678", "--summary", "楼道灯不亮"])
        return (box, id)
    }

    /// One line on stderr naming the rule, exit `code`, nothing changed.
    func refused(_ box: Sandbox, _ args: [String], code: Int32 = 1, mentions: [String]) throws {
        let before = try box.snapshot()
        let o = try box.cb(args, now: "2026-11-22T10:00:00+08:00")
        #expect(o.status == code, "\(args): \(o.stderr)")
        if code == 1 { #expect(o.stderr.split(separator: "\n").count == 1, "\(o.stderr)") }
        for m in mentions { #expect(o.stderr.contains(m), "stderr lacks '\(m)': \(o.stderr)") }
        #expect(o.stdout.isEmpty)
        #expect(try box.snapshot() == before)
    }

    @Test func aCorrectionIsANewEventShownWithOldAndNewValue() throws {
        let (box, id) = try Self.prepared()
        defer { box.remove() }
        let path = "\(casePath(id))"
        let first = try box.git(["show", "HEAD:\(path)"])
        #expect(try box.ok(["correct", id, "--field", "intake.unit", "--to", "3-2-1802", "--reason", "房号记错", "--as", "li.na"],
                           now: "2026-11-22T09:30:00+08:00") == id)
        #expect(try box.ok(["correct", id, "--field", "phone", "--to", "139 0000 1111", "--reason", "号码记错", "--as", "wang.zg"],
                           now: "2026-11-22T09:40:00+08:00") == id)
        // The first version of the file is still the first event of the new one: nothing was edited.
        let events = try #require(try JSONSerialization.jsonObject(with: Data(try box.git(["show", "HEAD:\(path)"]).utf8)) as? [String: Any])
        let list = try #require(events["events"] as? [[String: Any]])
        #expect(list.count == 3 && list.map { $0["action"] as? String } == ["open", "correct", "correct"])
        let original = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        let openEvent = try #require((original["events"] as? [[String: Any]])?.first)
        func canonical(_ o: Any) throws -> Data { try JSONSerialization.data(withJSONObject: o, options: .sortedKeys) }
        #expect(try canonical(openEvent) == canonical(list[0]))
        // The fold applies the corrections.
        let show = try box.ok(["show", id], now: "2026-11-22T10:00:00+08:00")
        #expect(show.contains("unit 3-2-1802") && show.contains("139****1111"))
        #expect(show.contains("corrected     2026-11-22T09:30:00+08:00 by li.na: intake.unit: '3-2-1801' → '3-2-1802' (房号记错)"), "\(show)")
        #expect(show.contains("by wang.zg: intake.phone: '138****5678' → '139****1111' (号码记错)"))
        #expect(!show.contains("13812345678") && !show.contains("13900001111"))
        // In Chinese (the repository's locale when LANG names no language), the same facts.
        let zh = try box.ok(["show", id], now: "2026-11-22T10:00:00+08:00", env: ["LANG": "C.UTF-8"])
        #expect(zh.contains("反映人：王女士  联系电话：139****1111  房号：3-2-1802"), "\(zh)")
        #expect(zh.contains("更正：2026-11-22T09:30:00+08:00 li.na：房号 “3-2-1801” → “3-2-1802”（房号记错）"))
        #expect(zh.contains("处理过程") && zh.contains("wang.zg  更正  号码记错  联系电话 “138****5678” → “139****1111”"))
        #expect(!zh.contains("13812345678") && !zh.contains("13900001111"))
        let json = try box.ok(["show", id, "--json"])
        #expect(!json.contains("13812345678") && !json.contains("13900001111") && json.contains("\"to\" : \"139****1111\""))
        // The commit is the author's, and names no personal data.
        #expect(try box.git(["log", "-1", "--format=%an|%s"]) == "王主管|complaint \(id): correct intake.phone\n")
        #expect(try box.git(["log", "-1", "--format=%B"]).contains("Action: correct"))
        // The history re-checks as the hooks would.
        #expect(try box.cb(["check", "--range", "HEAD~2..HEAD"]).status == 0)
        // The dashboard's timeline shows it, masked.
        let out = box.root.appendingPathComponent("site").path
        try box.ok(["site", "--out", out], now: "2026-11-22T10:00:00+08:00")
        let page = try String(contentsOfFile: out + "/cases/\(id).html", encoding: .utf8)
        #expect(page.contains("更正") && page.contains("房号 3-2-1801 → 3-2-1802") && page.contains("联系电话 138****5678 → 139****1111"))
        #expect(!page.contains("13900001111"))
    }

    @Test func refusedWithTheWrongOldValue() throws {
        let (box, id) = try Self.prepared()
        defer { box.remove() }
        try refused(box, ["correct", id, "--field", "intake.summary", "--from", "楼道灯坏了", "--to", "电梯灯不亮", "--reason", "记错", "--as", "li.na"],
                    mentions: ["events[1] (correct): intake.summary: the old value '楼道灯坏了' is not the one the case holds ('楼道灯不亮')", Self.clause])
    }

    @Test func refusedWithoutAReason() throws {
        let (box, id) = try Self.prepared()
        defer { box.remove() }
        try refused(box, ["correct", id, "--field", "unit", "--to", "3-2-1802", "--reason", " ", "--as", "li.na"], mentions: ["--reason: must not be empty"])
        try refused(box, ["correct", id, "--field", "unit", "--to", "3-2-1802", "--as", "li.na"], code: 64, mentions: ["--reason"])
        // By hand, without the reason: the hook refuses it.
        let path = "\(casePath(id))"
        let file = box.repo + "/" + path
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        var events = try #require(json["events"] as? [[String: Any]])
        events.append(["at": "2026-11-22T09:30:00+08:00", "by": "li.na", "action": "correct",
                       "correction": ["field": "intake.unit", "from": "3-2-1801", "to": "3-2-1802"]])
        json["events"] = events
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: file))
        try box.git(["add", path])
        let o = try box.cb(["check", "--staged"])
        #expect(o.status != 0 && o.stderr.contains("events[1] lacks the field 'reason' its action needs"), "\(o.stderr)")
        try box.git(["reset", "-q", "--hard"])
    }

    @Test func refusedForARoleNotAllowed() throws {
        let (box, id) = try Self.prepared()
        defer { box.remove() }
        // A customer-service assistant who did not take the call, and an engineer.
        for who in ["chen.jie", "zhao.gong"] {
            try refused(box, ["correct", id, "--field", "summary", "--to", "电梯灯不亮", "--reason", "记错", "--as", who],
                        mentions: ["may not correct this record; only its first-responsible person li.na or a supervisor", Self.clause])
        }
        // A field that is not correctable here: the usage error lists those that are.
        try refused(box, ["correct", id, "--field", "intake.kind", "--to", "repair", "--reason", "x", "--as", "li.na"], code: 64, mentions: ["--field"])
        // A phone that is not one.
        try refused(box, ["correct", id, "--field", "phone", "--to", "12ab", "--reason", "x", "--as", "li.na"], mentions: ["--to: not a phone number"])
    }
}
