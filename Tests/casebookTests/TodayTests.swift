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
