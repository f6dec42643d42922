import Foundation
import Testing

/// Community activities 社区活动 (002 篇2 §4.1.1 e, §4.1.2, §4.1.5 e): recorded as a case of their
/// own kind, drawn at 10 % by the daily sample, revisited by letter within a month.
@Suite struct ActivityTests {
    @Test func anActivityIsSampledAndRevisitedByLetterWithinAMonth() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository(profile: "residential")
        let id = try box.ok(["open", "--as", "chen.jie", "--kind", "activity", "--channel", "walk-in", "--reporter", "陈洁", "--unit", "会所",
                             "--summary", "中秋游园会"], now: "2026-11-13T10:00:00+08:00")
        try box.ok(["dispatch", id, "--department", "customer-service", "--assignee", "chen.jie", "--as", "chen.jie"], now: "2026-11-13T10:05:00+08:00")
        try box.ok(["resolve", id, "--result", "活动已举办，约120户参加", "--as", "chen.jie"], now: "2026-11-13T20:00:00+08:00")
        try box.ok(["sweep"], now: "2026-11-16T08:30:00+08:00")
        let samples = try box.git(["ls-files", "records/samples"])
        let day = try #require(samples.split(separator: "\n").first { $0.hasPrefix("records/samples/2026-11/") })
        let draw = try String(contentsOfFile: box.repo + "/" + day, encoding: .utf8)
        // One finished activity: 10 % rounds up to it, due a month after it was held.
        #expect(draw.contains(id) && draw.contains("2026-12-13T20:00:00+08:00"), "\(draw)")
        let before = try box.snapshot()
        let phone = try box.cb(["revisit", id, "--mode", "phone", "--satisfied", "--as", "chen.jie"], now: "2026-11-20T10:00:00+08:00")
        #expect(phone.status == 1 && phone.stderr.contains("[rule revisit-mode;"), "\(phone.stderr)")
        #expect(try box.snapshot() == before)
        try box.ok(["revisit", id, "--mode", "letter", "--satisfied", "--notes", "回函：活动组织有序", "--as", "chen.jie"], now: "2026-11-20T10:00:00+08:00")
        #expect(try box.ok(["show", id]).contains("letter"))
    }
}
