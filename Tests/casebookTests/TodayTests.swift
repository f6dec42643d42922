import Foundation
import Testing

/// `casebook today`: each person's queue, from the same facts the files hold.
@Suite struct TodayTests {
    @Test func eachPersonSeesWhatTheyHoldMustRevisitOrMustTakeOver() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        // An important complaint opened Monday morning: not reported within the hour, and by
        // Wednesday past the 2-day step of the ladder.
        let complaint = try box.ok(["open", "--as", "li.na", "--kind", "complaint", "--severity", "important", "--channel", "phone",
                                    "--unit", "3-2-1801", "--reporter", "王女士", "--phone", "13812345678", "--summary", "楼道灯不亮"],
                                   now: "2026-11-16T09:00:00+08:00")
        // A minor complaint put right by the engineer: a customer-service assistant (or the
        // department head) must revisit it within 3 days.
        let repair = try box.ok(["open", "--as", "li.na", "--kind", "complaint", "--severity", "minor", "--channel", "walk-in",
                                 "--unit", "5-1-302", "--reporter", "陈先生", "--phone", "13987654321", "--summary", "厨房水龙头漏水"],
                                now: "2026-11-17T10:00:00+08:00")
        try box.ok(["dispatch", repair, "--department", "engineering", "--assignee", "zhao.gong", "--as", "li.na"], now: "2026-11-17T10:05:00+08:00")
        try box.ok(["resolve", repair, "--result", "更换阀芯", "--as", "zhao.gong"], now: "2026-11-17T15:00:00+08:00")
        let now = "2026-11-18T16:00:00+08:00"

        struct Item: Decodable { let what: String; let id: String; let late: Bool }
        func queue(_ who: String) throws -> [Item] {
            try JSONDecoder().decode([Item].self, from: Data(try box.ok(["today", "--json", "--as", who], now: now).utf8))
        }
        let li = try queue("li.na")
        // Only the 1-hour report is due by tonight (the answer and resolution fall later).
        #expect(li.map(\.id) == [complaint])
        #expect(li.map(\.what) == ["deadline report"])
        #expect(li.first?.late == true)
        let chen = try queue("chen.jie")
        #expect(chen.map(\.id) == [repair])
        #expect(chen.first?.what.hasPrefix("revisit") == true)
        let wang = try queue("wang.zg")
        #expect(wang.map(\.id) == [complaint])
        #expect(wang.first?.what == "ladder → supervisor")
        #expect(try queue("he.zr").isEmpty)

        let text = try box.ok(["today", "--as", "li.na"], now: now)
        #expect(text.hasPrefix("李娜 (li.na) at 2026-11-18 16:00: "))
        #expect(text.contains("LATE 2026-11-16 10:00\tdeadline report\t\(complaint)"))
        #expect(!text.contains("13812345678") && !text.contains("王女士"))
    }
}

/// On a simulated month, `today` lists exactly what the files say each person holds or must revisit.
@Suite struct TodayOnASimulatedMonthTests {
    @Test func eachQueueIsWhatTheFilesSay() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let dir = box.root.appendingPathComponent("sim").path
        let now = "2026-10-20T16:00:00+08:00"
        let made = try box.run(Sandbox.binary, ["simulate", "--out", dir, "--months", "1", "--seed", "5", "--cases-per-day", "5",
                                                "--start", "2026-10", "--until", now])
        #expect(made.status == 0, "\(made.stderr)")
        // The facts, read straight from the files: who holds each open case, and which roles must
        // make each revisit still planned (whose window is open).
        let staff = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/records/staff.json"))) as? [String: Any])
        var roles: [String: Set<String>] = [:]
        var departments: [String: String] = [:]
        for s in staff["staff"] as? [[String: Any]] ?? [] {
            roles[s["id"] as? String ?? ""] = Set(s["roles"] as? [String] ?? [])
            departments[s["id"] as? String ?? ""] = s["department"] as? String
        }
        var held: [String: Set<String>] = [:], revisits: [String: Set<String>] = [:], followUps: [String: Set<String>] = [:]
        var corrections: [String: Set<String>] = [:]
        let files = try box.run("git", ["ls-files", "records/cases"], in: dir).stdout.split(separator: "\n").filter { $0.hasSuffix(".json") }
        let cutoff = try #require(ISO8601DateFormatter().date(from: now))
        for path in files {
            let doc = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/" + path))) as? [String: Any])
            let state = try #require(doc["state"] as? [String: Any])
            guard ["open", "in-progress", "resolved"].contains(state["status"] as? String ?? "") else { continue }
            let id = doc["id"] as? String ?? ""
            held[state["holder"] as? String ?? "", default: []].insert(id)
            // A non-conformity waiting on its department's correction (002 篇9 §4.2.2 c).
            if (doc["intake"] as? [String: Any])?["kind"] as? String == "nonconformity", state["status"] as? String != "resolved",
               let department = state["department"] as? String {
                corrections[department, default: []].insert(id)
            }
            // The morning follow-up (003 九.1): an assistant's own intake of yesterday now with someone else.
            let intake = doc["intake"] as? [String: Any] ?? [:]
            if let first = intake["firstResponder"] as? String, first != state["holder"] as? String,
               (intake["receivedAt"] as? String ?? "").hasPrefix("2026-10-19") {
                followUps[first, default: []].insert(id)
            }
            for plan in state["revisitsPlanned"] as? [[String: Any]] ?? [] where plan["doneAt"] == nil {
                if let opens = (plan["notBefore"] as? String).flatMap({ ISO8601DateFormatter().date(from: $0) }), opens > cutoff { continue }
                for (member, theirs) in roles where !theirs.isDisjoint(with: plan["by"] as? [String] ?? []) {
                    revisits[member, default: []].insert(id)
                }
            }
        }
        #expect(!held.isEmpty && !revisits.isEmpty, "the month leaves work open")
        struct Item: Decodable { let id: String; let what: String }
        // Front-line staff and assistants: no ladder level of their own, so their queue is exactly this.
        var checked = 0
        for (member, theirs) in roles where theirs.isDisjoint(with: ["supervisor", "manager", "director", "general-manager", "department-head", "system"]) {
            let queue = try JSONDecoder().decode([Item].self, from: Data(try box.ok(["today", "--json", "--as", member, "--repo", dir], now: now).utf8))
            let follow = theirs.contains("cs-assistant") ? followUps[member, default: []] : []
            let correct = corrections[departments[member] ?? "", default: []].subtracting(held[member, default: []])
            #expect(Set(queue.map(\.id)) == held[member, default: []].union(revisits[member, default: []]).union(follow).union(correct), "\(member)")
            checked += 1
        }
        #expect(checked >= 8)
    }
}
