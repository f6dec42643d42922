import Foundation
import Testing

/// Hand edits committed with stock git go through hooks/pre-commit → `casebook check --staged`.
@Suite struct HookTests {
    /// Appends `event` to the case file by hand, updating `state` as the fold would for a note.
    func appendNoteByHand(_ box: Sandbox, id: String, by: String, at: String, action: String = "note") throws {
        let url = box.root.appendingPathComponent("cases/\(casePath(id))")
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
        // Committed at 10:00 on the day of the hand-made steps (the pre-commit hook judges late
        // entries against the commit's clock).
        try box.run("git", ["commit", "-q", "-am", "hand edit"], env: [
            "CASEBOOK_BIN": Sandbox.binary, "CASEBOOK_NOW": "2026-11-22T10:00:00+08:00", "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email,
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
        let url = box.root.appendingPathComponent("cases/\(casePath(id))")
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
        try box.git(["rm", "-q", "\(casePath(id))"])
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

    /// One refusal of point 1 of the validator, made by hand and committed with stock git.
    struct HandEdit: Sendable, CustomTestStringConvertible {
        let what: String
        /// Python acting on `d` (the parsed case file; None: leave the file as written) and `p`
        /// (its path); or a file step: `mv-case`/`cp-case` to a path (ID: the case's id).
        let python: String?
        let shell: [String]?
        let rule: String
        var testDescription: String { what }

        static let all: [HandEdit] = [
            HandEdit(what: "malformed JSON", python: "open(p,'w').write('{\"format\": ')\nd=None", shell: nil, rule: "schema"),
            HandEdit(what: "a field outside the schema", python: "d['intake']['kind']='banana'", shell: nil, rule: "schema"),
            HandEdit(what: "events reordered", python: "d['events'][0],d['events'][1]=d['events'][1],d['events'][0]", shell: nil, rule: "append-only"),
            HandEdit(what: "an event removed", python: "d['events'].pop()\nd['state']['updatedAt']=d['events'][-1]['at']\nd['state']['status']='open'\nd['state'].pop('department',None)",
                     shell: nil, rule: "append-only"),
            HandEdit(what: "a file renamed", python: nil, shell: ["mv-case", "records/cases/2026/11/22/C-20261122-A01-0002.json"], rule: "append-only"),
            HandEdit(what: "a copy at a path that is not its id's", python: nil, shell: ["cp-case", "records/cases/2026/10/ID.json"], rule: "path"),
            HandEdit(what: "close while in progress", python: "e={'at':'2026-11-22T09:30:00+08:00','by':'chen.jie','action':'close'}\nd['events'].append(e)\nd['state'].update(status='closed',closedAt=e['at'],updatedAt=e['at'])",
                     shell: nil, rule: "transition"),
            HandEdit(what: "close by a receptionist", python: "e={'at':'2026-11-22T09:30:00+08:00','by':'li.na','action':'close'}\nd['events'].append(e)\nd['state'].update(status='closed',closedAt=e['at'],updatedAt=e['at'])",
                     shell: nil, rule: "role"),
            HandEdit(what: "an event before the previous one", python: "e={'at':'2026-11-22T08:00:00+08:00','by':'li.na','action':'note','text':'补记'}\nd['events'].append(e)\nd['state']['updatedAt']=e['at']",
                     shell: nil, rule: "time-order"),
            HandEdit(what: "an event after the commit", python: "e={'at':'2026-12-22T08:00:00+08:00','by':'li.na','action':'note','text':'未来'}\nd['events'].append(e)\nd['state']['updatedAt']=e['at']",
                     shell: nil, rule: "time-order"),
        ]
    }

    @Test(arguments: HandEdit.all) func everyRefusalOfTheValidatorHoldsForStockGit(_ edit: HandEdit) throws {
        let (box, id) = try RefusalTests.prepared()
        defer { box.remove() }
        let head = try box.git(["rev-parse", "HEAD"])
        let path = "\(casePath(id))"
        if let python = edit.python {
            let script = "import json\np='\(path)'\nd=json.load(open(p))\n\(python)\n"
                + "if d is not None: open(p,'w').write(json.dumps(d,ensure_ascii=False,indent=2,sort_keys=True))\n"
            let o = try box.run("python3", ["-c", script], in: box.repo)
            #expect(o.status == 0, "\(o.stderr)")
        } else if let shell = edit.shell {
            let target = shell[1].replacingOccurrences(of: "ID", with: id)
            try FileManager.default.createDirectory(atPath: box.repo + "/" + (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            if shell[0] == "mv-case" { try box.git(["mv", path, target]) } else {
                try FileManager.default.copyItem(atPath: box.repo + "/" + path, toPath: box.repo + "/" + target)
                try box.git(["add", target])
            }
        }
        let o = edit.what.hasPrefix("close while")
            ? try commitByHand(box, as: "chen.jie@cuihu.example", name: "陈洁")
            : try commitByHand(box, as: "li.na@cuihu.example", name: "李娜")
        #expect(o.status == 1, "\(edit.what): exit \(o.status) \(o.stderr)")
        #expect(o.stderr.contains("[rule \(edit.rule);"), "\(edit.what): \(o.stderr)")
        #expect(try box.git(["rev-parse", "HEAD"]) == head)
    }
}
