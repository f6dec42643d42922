import Foundation
import Testing

/// Acting on the figures (004 §4.5): the monthly report finds a problem that recurs and lists it;
/// the manager opens a corrective action from it (a non-conformity with a deadline), which is
/// corrected by its department and closed only by a verification; the report shows its progress.
@Suite struct FindingsTests {
    /// Three repairs from one unit in November, each resolved with the customer's signature and rating.
    static func prepared() throws -> Sandbox {
        let box = try Sandbox()
        try box.makeRepository()
        for (k, day) in ["03", "10", "17"].enumerated() {
            let id = try box.ok(["open", "--as", "li.na", "--kind", "repair", "--repair-size", "small", "--channel", "phone", "--unit", "3-2-1801",
                                 "--reporter", "王先生", "--summary", "卫生间漏水 \(k + 1)"], now: "2026-11-\(day)T09:00:00+08:00")
            try box.ok(["dispatch", id, "--department", "engineering", "--assignee", "zhao.gong", "--as", "li.na"], now: "2026-11-\(day)T09:05:00+08:00")
            try box.ok(["resolve", id, "--result", "更换密封圈", "--customer-confirmed", "--rating", "4", "--as", "zhao.gong"], now: "2026-11-\(day)T12:00:00+08:00")
        }
        return box
    }

    @Test func aRecurringProblemGetsACorrectiveActionClosedOnlyByVerification() throws {
        let box = try FindingsTests.prepared()
        defer { box.remove() }
        let finding = "2026-11/unit/3-2-1801"
        var report = try box.ok(["report", "--month", "2026-11"], now: "2026-12-01T09:00:00+08:00")
        #expect(report.contains("work orders: 3 resolved, 3 signed by the customer, 3 rated (004 §4.5.2)"), "\(report)")
        #expect(report.contains("\(finding)\t3 problems (threshold 3)\tno corrective action"), "\(report)")

        // Only the manager and above open one, from a finding the analysis has.
        var o = try box.cb(["inspection", "raise", "--check", "analysis", "--from", "2026-11/unit/9-9-999", "--department", "engineering",
                            "--finding", "x", "--correct-by", "2026-12-10", "--as", "zhou.jl"], now: "2026-12-01T10:00:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("not a finding of its month's analysis"), "\(o.stderr)")
        o = try box.cb(["inspection", "raise", "--check", "analysis", "--from", finding, "--department", "engineering",
                        "--finding", "3-2-1801 一月内三次漏水", "--correct-by", "2026-12-10", "--as", "li.na"], now: "2026-12-01T10:00:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("[rule inspector; 004 §4.5.4]"), "\(o.stderr)")
        o = try box.cb(["inspection", "raise", "--check", "monthly", "--from", finding, "--department", "engineering",
                        "--finding", "x", "--correct-by", "2026-12-10", "--as", "zhou.jl"], now: "2026-12-01T10:00:00+08:00")
        #expect(o.status != 0)
        let action = try box.ok(["inspection", "raise", "--check", "analysis", "--from", finding, "--department", "engineering",
                                 "--finding", "3-2-1801 一月内三次漏水，查明管道原因", "--unit", "3-2-1801", "--correct-by", "2026-12-10", "--as", "zhou.jl"],
                                now: "2026-12-01T10:00:00+08:00")
        report = try box.ok(["report", "--month", "2026-11"], now: "2026-12-01T11:00:00+08:00")
        #expect(report.contains("\(finding)\t3 problems (threshold 3)\t\(action) being corrected"), "\(report)")

        // Overdue when not corrected by its date.
        report = try box.ok(["report", "--month", "2026-11"], now: "2026-12-11T09:00:00+08:00")
        #expect(report.contains("\(action) correction overdue"), "\(report)")

        try box.ok(["inspection", "rectify", action, "--correction", "更换立管，加装检修口", "--as", "zhao.gong"], now: "2026-12-08T15:00:00+08:00")
        report = try box.ok(["report", "--month", "2026-11"], now: "2026-12-08T16:00:00+08:00")
        #expect(report.contains("\(action) corrected, awaiting verification"), "\(report)")
        // Closed without verification: refused, nothing written.
        let before = try box.snapshot()
        o = try box.cb(["close", action, "--as", "zhou.jl"], now: "2026-12-08T17:00:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("[rule nonconformity; 002 篇9 §4.2.2 c]"), "\(o.stderr)")
        #expect(try box.snapshot() == before)
        try box.ok(["inspection", "verify", action, "--passed", "--notes", "复查无渗漏", "--as", "zhou.jl"], now: "2026-12-09T10:00:00+08:00")
        report = try box.ok(["report", "--month", "2026-11"], now: "2026-12-09T11:00:00+08:00")
        #expect(report.contains("\(action) verified, closed"), "\(report)")
        #expect(try box.cb(["check", "--range", "HEAD~3..HEAD"]).status == 0)
    }

    /// An indicator that swings: October's complaints answered in time, November's late.
    @Test func anOnTimeRateThatDropsIsListed() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        for (month, resolvedDay) in [("10", "12"), ("11", "25")] {
            let id = try box.ok(["open", "--as", "li.na", "--kind", "complaint", "--severity", "minor", "--channel", "phone", "--unit", "1-1-101",
                                 "--reporter", "李女士", "--summary", "垃圾未清运"], now: "2026-\(month)-12T09:00:00+08:00")
            try box.ok(["dispatch", id, "--department", "environment", "--as", "li.na"], now: "2026-\(month)-12T09:05:00+08:00")
            try box.ok(["resolve", id, "--result", "已清运", "--as", "li.na"], now: "2026-\(month)-\(resolvedDay)T16:00:00+08:00")
        }
        let report = try box.ok(["report", "--month", "2026-11"], now: "2026-12-01T09:00:00+08:00")
        #expect(report.contains("2026-11/on-time/all\ton-time rate 0.0% against 100.0%"), "\(report)")
    }
}
