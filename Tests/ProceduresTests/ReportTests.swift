import CaseModel
import Foundation
import Procedures
import Testing

/// 004 §4.5: on-time rate = cases handled on time ÷ all cases × 100 %, monthly.
@Suite struct ReportTests {
    @Test func onTimeRevisitAndSatisfactionRates() throws {
        let p = try profile("residential")
        // Three complaints resolved and revisited the same day (on time); one satisfied.
        var cases = try finished(3, .complaint, on: "2026-11-10", prefix: "C", revisited: true)
        // Two small repairs: one resolved in time, one 9 hours after intake (late: 8 h, 001 §5.4.2).
        for (n, resolvedAt) in [(1, "2026-11-12T16:00"), (2, "2026-11-12T18:30")] {
            var file = try opened(try intake(.repair, size: .small, at: "2026-11-12T09:30"), profile: p)
            file.id = CaseID(rawValue: "C-20261112-R-000\(n)")
            var r = Event(at: t(resolvedAt), by: "zhao.gong", action: .resolve)
            r.result = "已修好"
            file = try appending(r, to: file, profile: p)
            cases.append(file)
        }
        // A case of another month is left out.
        cases += try finished(1, .help, on: "2026-10-30", prefix: "H")
        let (start, end) = try #require(Sampling.bounds(of: "2026-11", in: shanghai))
        let report = MonthReport.compute(month: "2026-11", cases: cases, profile: p, at: t("2026-11-30T18:00"), bounds: (start, end))
        #expect(report.total.cases == 5)
        #expect(report.total.onTime == 4)
        #expect(report.total.onTimeRate == 80)
        let complaint = try #require(report.byKind.first { $0.key == "complaint" })
        #expect(complaint.revisitRate == 100 && complaint.requiredRevisitRate == 100 && complaint.satisfactionRate == 100)
        #expect(complaint.homeVisits == 3 && complaint.homeVisitRate == 100)
        let repair = try #require(report.byKind.first { $0.key == "repair" })
        #expect(repair.onTime == 1 && repair.revisitRate == 0 && repair.requiredRevisitRate == 10)
        #expect(report.bySeverity.map(\.key) == ["minor"])
    }
}
