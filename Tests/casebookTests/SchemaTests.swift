import Foundation
import Testing

/// Every file casebook writes validates against records/schema with an independent validator
/// (Python's jsonschema), and the schemas do refuse what casebook would not write.
@Suite struct SchemaTests {
    static let validator = Sandbox.projectRoot.appendingPathComponent("Tests/schema/validate.py").path

    @Test func everyWrittenFileValidates() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        let key = box.root.appendingPathComponent("k").path
        #expect(try box.run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", key], in: box.root.path).status == 0)
        try box.ok(["staff", "add", "sun.li", "--name", "孙丽", "--email", "sun.li@cuihu.example", "--role", "receptionist", "--role", "cs-assistant",
                    "--key", key + ".pub", "--as", "zhou.jl"], now: "2026-11-01T08:00:00+08:00")
        // Every action at least once, every optional field at least once.
        let a = try box.ok(["open", "--as", "li.na", "--kind", "complaint", "--severity", "minor", "--channel", "online", "--unit", "2-3-601",
                            "--reporter", "刘阿姨", "--phone", "+86 137-0000-1111", "--summary", "垃圾桶未及时清运", "--details", "连续三天",
                            "--requested-by", "2026-11-25T18:00"], now: "2026-11-20T10:00:00+08:00")
        try box.ok(["dispatch", a, "--department", "environment", "--assignee", "chen.jie", "--as", "li.na"], now: "2026-11-20T10:05:00+08:00")
        try box.ok(["note", a, "已安排", "--owner-informed", "--as", "li.na"], now: "2026-11-20T10:10:00+08:00")
        try box.ok(["escalate", a, "--to", "supervisor", "--reason", "2天未处理", "--as", "li.na"], now: "2026-11-22T10:10:00+08:00")
        try box.ok(["resolve", a, "--result", "已清运", "--customer-confirmed", "--rating", "3", "--as", "chen.jie"], now: "2026-11-22T11:00:00+08:00")
        try box.ok(["revisit", a, "--mode", "letter", "--unsatisfied", "--notes", "晚间仍有堆放", "--as", "chen.jie"], now: "2026-11-22T12:00:00+08:00")
        try box.ok(["resolve", a, "--result", "调整清运班次", "--as", "chen.jie"], now: "2026-11-22T13:00:00+08:00")
        try box.ok(["revisit", a, "--mode", "home", "--satisfied", "--as", "chen.jie"], now: "2026-11-22T14:00:00+08:00")
        try box.ok(["close", a, "--as", "chen.jie"], now: "2026-11-22T14:10:00+08:00")
        try box.ok(["reopen", a, "--reason", "复发", "--as", "chen.jie"], now: "2026-11-22T15:00:00+08:00")
        try box.ok(["unresolvable", a, "--reason", "属业主自家堆放", "--as", "zhou.jl"], now: "2026-11-22T16:00:00+08:00")
        let b = try box.ok(["open", "--as", "sun.li", "--kind", "repair", "--repair-size", "large", "--channel", "walk-in",
                            "--reporter", "陈先生", "--summary", "外墙渗水"], now: "2026-11-21T09:00:00+08:00", env: ["CASEBOOK_SIGNING_KEY": key])
        try box.ok(["refer", b, "--to", "开发商", "--as", "sun.li"], now: "2026-11-21T10:00:00+08:00", env: ["CASEBOOK_SIGNING_KEY": key])
        // A cause (mall deadlines by cause) set at intake and changed; a second revisit planned.
        let c = try box.ok(["open", "--as", "li.na", "--kind", "complaint", "--severity", "minor", "--cause", "equipment", "--channel", "phone",
                            "--reporter", "张先生", "--summary", "电梯停运"], now: "2026-11-21T11:00:00+08:00")
        try box.ok(["reclassify", c, "--cause", "outside-control", "--reason", "市政停电", "--as", "wang.zg"], now: "2026-11-21T11:30:00+08:00")
        let d = try box.ok(["open", "--as", "li.na", "--kind", "repair", "--repair-size", "small", "--channel", "phone",
                            "--reporter", "赵女士", "--summary", "水龙头漏水"], now: "2026-11-21T12:00:00+08:00")
        // Corrections: a plain field and a resident's phone (with its display forms).
        try box.ok(["correct", d, "--field", "intake.unit", "--to", "6-1-101", "--reason", "房号漏记", "--as", "li.na"], now: "2026-11-21T12:10:00+08:00")
        try box.ok(["correct", d, "--field", "intake.phone", "--to", "13600001111", "--reason", "号码漏记", "--as", "wang.zg"], now: "2026-11-21T12:20:00+08:00")
        try box.ok(["resolve", d, "--result", "已更换阀芯", "--second-revisit", "--as", "zhao.gong"], now: "2026-11-21T15:00:00+08:00")
        let plan = try box.ok(["show", d, "--json"])
        #expect(plan.contains("\"notBefore\" : \"2026-12-21T15:00:00+08:00\""), "\(plan)")
        // The privacy records: a reveal, and an erased resident.
        try box.ok(["show", c, "--reveal", "--as", "li.na"], now: "2026-11-21T16:00:00+08:00")
        let resident = String(try #require(try box.ok(["show", d]).firstMatch(of: /R-[0-9a-f]{16}/)).output)
        try box.ok(["erase", "--resident", resident, "--as", "zhou.jl"], now: "2026-11-21T16:00:00+08:00")

        let o = try box.run("python3", [Self.validator, "--all", box.repo])
        #expect(o.status == 0, "\(o.stdout)\(o.stderr)")
        #expect(o.stdout.contains("files valid"))
        // settings, staff, 3 profiles, 2 calendars, 4 cases.
        #expect(o.stdout.hasPrefix("11 files valid"))
    }

    @Test func schemasRefuseWhatCasebookWouldNotWrite() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        let id = try box.ok(["open", "--as", "li.na", "--kind", "inquiry", "--channel", "letter", "--reporter", "周女士", "--summary", "咨询"])
        let file = box.root.appendingPathComponent("cases/\(casePath(id))")
        let original = try String(contentsOf: file, encoding: .utf8)
        let broken = box.root.appendingPathComponent("broken.json")
        // A state without a status, an unknown action, a time without its offset.
        for (find, replace) in [("\"status\" : \"open\",", ""), ("\"action\" : \"open\"", "\"action\" : \"teleport\""), ("+08:00\"", "\"")] {
            let text = original.replacingOccurrences(of: find, with: replace, options: [], range: original.range(of: find))
            #expect(text != original)
            try text.write(to: broken, atomically: false, encoding: .utf8)
            let o = try box.run("python3", [Self.validator, broken.path])
            #expect(o.status == 1, "\(find) → \(replace) was accepted")
            #expect(o.stdout.contains("broken.json"), "\(o.stdout)")
        }
        // A correction of a resident's phone without the contact sealed anew, or of a field not correctable.
        try box.ok(["correct", id, "--field", "phone", "--to", "13600001111", "--reason", "补记电话", "--as", "li.na"], now: "2026-11-22T09:10:00+08:00")
        let corrected = try String(contentsOf: file, encoding: .utf8)
        for (find, replace) in [(#""contact" : \{[^}]*\},?"#, ""), (#""field" : "intake.phone""#, #""field" : "intake.kind""#)] {
            let text = corrected.replacingOccurrences(of: find, with: replace, options: .regularExpression)
            #expect(text != corrected, "\(find)")
            try text.write(to: broken, atomically: false, encoding: .utf8)
            #expect(try box.run("python3", [Self.validator, broken.path]).status == 1, "\(find) → \(replace) was accepted")
        }
        try corrected.write(to: broken, atomically: false, encoding: .utf8)
        #expect(try box.run("python3", [Self.validator, broken.path]).status == 0)
    }
}
