import Foundation
import Testing

/// Hand edits committed with stock git go through hooks/pre-commit → `casebook check --staged`.
@Suite struct HookTests {
    /// Appends `event` to the case file by hand, updating `state` as the fold would for a note.
    func appendNoteByHand(_ box: Sandbox, id: String, by: String, at: String, action: String = "note") throws {
        let url = box.root.appendingPathComponent("cases/records/cases/2026/11/\(id).json")
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var events = try #require(object["events"] as? [[String: Any]])
        events.append(["at": at, "by": by, "action": action, "text": "电话告知业主维修进度"])
        object["events"] = events
        var state = try #require(object["state"] as? [String: Any])
        state["updatedAt"] = at
        object["state"] = state
        try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]).write(to: url)
    }

    func commitByHand(_ box: Sandbox, as email: String, name: String) throws -> Outcome {
        try box.run("git", ["commit", "-q", "-am", "hand edit"], env: [
            "CASEBOOK_BIN": Sandbox.binary, "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email,
            "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email,
        ])
    }

    @Test func initInstallsThePreCommitHook() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        #expect(try box.git(["config", "core.hooksPath"]).trimmingCharacters(in: .whitespacesAndNewlines) == "hooks")
        #expect(FileManager.default.isExecutableFile(atPath: box.repo + "/hooks/pre-commit"))
        #expect(try box.git(["ls-files", "-s", "hooks/pre-commit"]).hasPrefix("100755"))
        for path in ["records/casebook.json", "records/staff.json", "records/procedures/residential.json", "records/procedures/villa.json",
                     "records/procedures/mall.json", "records/cases/.gitkeep"] {
            #expect(!(try box.git(["ls-files", path]).isEmpty), "\(path) not committed")
        }
    }

    @Test func validHandEditIsAccepted() throws {
        let (box, id) = try RefusalTests.prepared()
        defer { box.remove() }
        try appendNoteByHand(box, id: id, by: "li.na", at: "2026-11-22T09:30:00+08:00")
        let o = try commitByHand(box, as: "li.na@cuihu.example", name: "李娜")
        #expect(o.status == 0, "\(o.stderr)")
        #expect(try box.git(["log", "-1", "--format=%ae"]).hasPrefix("li.na@cuihu.example"))
        // casebook reads the hand-made step like its own.
        #expect(try box.ok(["show", id], now: "2026-11-22T10:00:00+08:00").contains("电话告知业主维修进度"))
    }

    @Test func handEditsThatBreakTheProceduresAreRefused() throws {
        let (box, id) = try RefusalTests.prepared()
        defer { box.remove() }
        let head = try box.git(["rev-parse", "HEAD"])

        // Another person's event committed under my name.
        try appendNoteByHand(box, id: id, by: "li.na", at: "2026-11-22T09:30:00+08:00")
        var o = try commitByHand(box, as: "chen.jie@cuihu.example", name: "陈洁")
        #expect(o.status == 1)
        #expect(o.stderr.contains("rule author"))
        try box.git(["checkout", "--", "."])

        // State that is not the fold of the events.
        try appendNoteByHand(box, id: id, by: "li.na", at: "2026-11-22T09:30:00+08:00")
        let url = box.root.appendingPathComponent("cases/records/cases/2026/11/\(id).json")
        try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "\"in-progress\"", with: "\"closed\"")
            .write(to: url, atomically: false, encoding: .utf8)
        o = try commitByHand(box, as: "li.na@cuihu.example", name: "李娜")
        #expect(o.status == 1)
        #expect(o.stderr.contains("rule state-is-fold"))
        try box.git(["checkout", "--", "."])

        // An event edited in place.
        try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "楼道灯不亮", with: "楼道灯已修好")
            .write(to: url, atomically: false, encoding: .utf8)
        o = try commitByHand(box, as: "li.na@cuihu.example", name: "李娜")
        #expect(o.status == 1)
        #expect(o.stderr.contains("rule append-only"))
        try box.git(["checkout", "--", "."])

        // A case file deleted.
        try box.git(["rm", "-q", "records/cases/2026/11/\(id).json"])
        o = try commitByHand(box, as: "li.na@cuihu.example", name: "李娜")
        #expect(o.status == 1)
        #expect(o.stderr.contains("never deleted"))
        try box.git(["reset", "-q", "--hard"])

        // The profile changed by a receptionist.
        let profile = box.root.appendingPathComponent("cases/records/procedures/residential.json")
        try String(contentsOf: profile, encoding: .utf8).replacingOccurrences(of: "\"hours\": 12", with: "\"hours\": 48")
            .write(to: profile, atomically: false, encoding: .utf8)
        o = try commitByHand(box, as: "li.na@cuihu.example", name: "李娜")
        #expect(o.status == 1)
        #expect(o.stderr.contains("rule config-owner"))
        #expect(try box.git(["rev-parse", "HEAD"]) == head)
        // ...and accepted from the manager.
        o = try commitByHand(box, as: "zhou@cuihu.example", name: "周经理")
        #expect(o.status == 0, "\(o.stderr)")
    }
}
