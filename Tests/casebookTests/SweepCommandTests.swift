import Foundation
import Testing

/// `casebook sweep` through the binary: commits by the system actor, dated when each rule fired,
/// and nothing on a second run.
@Suite struct SweepCommandTests {
    @Test func sweepEscalatesOnceAndIsIdempotent() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        let id = try box.ok(["open", "--as", "li.na", "--kind", "repair", "--repair-size", "medium", "--channel", "phone",
                             "--unit", "7-2-1102", "--reporter", "赵先生", "--phone", "13611112222", "--summary", "卫生间顶棚渗水"],
                            now: "2026-11-12T11:00:00+08:00")
        try box.ok(["dispatch", id, "--department", "engineering", "--assignee", "zhao.gong", "--as", "li.na"], now: "2026-11-12T11:20:00+08:00")
        let head = try box.git(["rev-parse", "HEAD"])
        let out = try box.ok(["sweep"], now: "2026-11-20T09:00:00+08:00").split(separator: "\n").map(String.init)
        #expect(out.count == 3)
        #expect(out[0] == "\(id)\t2026-11-14T11:00:00+08:00\tescalate to supervisor\t[002 篇1 §4.7]")
        #expect(out[1] == "\(id)\t2026-11-15T11:00:01+08:00\tdeadline resolve breached\t[001 §5.4.2]")
        #expect(out[2] == "\(id)\t2026-11-19T11:00:00+08:00\tescalate to manager\t[002 篇1 §4.8]")
        let log = try box.git(["log", "--format=%an <%ae> %ad", "--date=iso-strict", "\(head.trimmingCharacters(in: .whitespacesAndNewlines))..HEAD"])
        #expect(log.split(separator: "\n") == [
            "casebook <system@casebook.invalid> 2026-11-19T11:00:00+08:00",
            "casebook <system@casebook.invalid> 2026-11-15T11:00:01+08:00",
            "casebook <system@casebook.invalid> 2026-11-14T11:00:00+08:00",
        ])
        let after = try box.git(["rev-parse", "HEAD"])
        let again = try box.cb(["sweep"], now: "2026-11-20T09:00:00+08:00")
        #expect(again.status == 0 && again.stdout.isEmpty && again.stderr.contains("0 steps"))
        #expect(try box.git(["rev-parse", "HEAD"]) == after)
        #expect(try box.ok(["show", id, "--json"], now: "2026-11-20T09:00:00+08:00").contains("\"level\" : \"manager\""))
    }

    @Test func reclassifyRecomputesDeadlines() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        let id = try box.ok(["open", "--as", "li.na", "--kind", "complaint", "--severity", "minor", "--channel", "phone",
                             "--reporter", "钱先生", "--summary", "电梯多次困人"], now: "2026-11-18T08:45:00+08:00")
        let refused = try box.cb(["reclassify", id, "--severity", "major", "--reason", "多次反映", "--as", "li.na"], now: "2026-11-18T09:00:00+08:00")
        #expect(refused.status == 1 && refused.stderr.contains("rule role"))
        try box.ok(["reclassify", id, "--severity", "major", "--valid", "--reason", "多次反映未解决", "--as", "wang.zg"], now: "2026-11-18T09:00:00+08:00")
        let shown = try box.ok(["show", id], now: "2026-11-18T09:00:00+08:00")
        #expect(shown.contains("complaint (major)"))
        #expect(shown.contains("report     2026-11-18T20:45:00+08:00  due  [002 篇5 §5.2.1]"))
        #expect(shown.contains("resolve    2026-11-28T08:45:00+08:00  due  [002 篇5 §5.2.1]"))
        let bad = try box.cb(["reclassify", id, "--repair-size", "small", "--reason", "x", "--as", "wang.zg"], now: "2026-11-18T09:10:00+08:00")
        #expect(bad.status == 1 && bad.stderr.contains("rule classification"))
    }
}
