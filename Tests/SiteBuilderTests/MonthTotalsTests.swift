import CaseModel
import Foundation
import Procedures
@testable import SiteBuilder
import Testing

/// The monthly figures from cases sorted into months once equal the figures from every case.
@Suite struct MonthTotalsTests {
    /// The fixtures, and a repair received and resolved in the hour that London's October ends
    /// early (its span ends at 00:00 +01:00 while the calendar month runs to 00:00 +00:00).
    func dashboard(zone: TimeZone) throws -> Dashboard {
        let p = try residential()
        var cases = try fixtureCases()
        var edge = try CaseBuilder("C-20261101-T01-0001", .repair, size: .small, at: "2026-10-31T23:30:00Z", resident: 2, profile: p)
        edge.add(.resolve, at: "2026-10-31T23:40:00Z", by: "zhao.gong") { $0.result = "已修"; $0.recordedAt = t("2026-11-01T09:00"); $0.lateReason = "夜间" }
        cases.append(try edge.file())
        var provenance = fixtureProvenance(cases)
        provenance[edge.id] = edge.events.map { _ in EventProvenance(commit: "ab", author: "x", signature: .bad) }
        return Dashboard(siteName: "x", cases: cases, profile: p, now: now, language: .en, timeZone: zone,
                         samples: [octoberSample, novemberSample], provenance: provenance, staff: staff)
    }

    @Test(arguments: ["Asia/Shanghai", "Europe/London"]) func sameFiguresAsFromEveryCase(_ zone: String) throws {
        let d = try dashboard(zone: try #require(TimeZone(identifier: zone)))
        let months = ["2026-09", "2026-10", "2026-11", "2026-12"]
        let totals = MonthTotals(d, months: months)
        var unsignedSeen = 0, findings = 0
        for month in months {
            let bounds = try #require(Sampling.bounds(of: month, in: d.timeZone))
            let expected = MonthReport.compute(month: month, cases: d.cases, profile: d.profile, at: d.now, bounds: bounds, samples: d.samples)
            #expect(totals.report(month, d, samples: d.samples) == expected, "\(month)")
            // The analysis from the month's and the compared months' cases, as from every case;
            // also where the months before are not sorted (every case is read then).
            let analysis = MonthAnalysis.compute(month: month, cases: d.cases, profile: d.profile, at: d.now, zone: d.timeZone)
            #expect(totals.analysis(month, d) == analysis, "\(month)")
            #expect(MonthTotals(d, months: [month]).analysis(month, d) == analysis, "\(month)")
            findings += analysis.findings.count + analysis.workOrders.resolved
            var counts: [StaffID: Int] = [:]
            for file in d.cases {
                for (n, e) in file.events.enumerated() where e.at >= bounds.start && e.at < bounds.end {
                    if [.unsigned, .bad, .notRegistered].contains(d.provenance[file.id]?[n].signature) { counts[e.by, default: 0] += 1 }
                }
            }
            let got = Dictionary(uniqueKeysWithValues: (totals.unsignedSteps[month] ?? []).map { ($0.by, $0.count) })
            #expect(got == counts, "\(month)")
            unsignedSeen += counts.count
        }
        #expect(unsignedSeen > 0 && findings > 0)
        // Months by number, across the year boundary; names that are not months have none.
        #expect(MonthTotals.number("2026-12").map { Timestamp.month(number: $0 + 1) } == "2027-01")
        #expect(MonthTotals.number("2027-01").map { Timestamp.month(number: $0 - 1) } == "2026-12")
        #expect(MonthTotals.number("2026-13") == nil && MonthTotals.number("2026-1") == nil && MonthTotals.number("2026-00") == nil)
    }
}

/// A moment's month, found by arithmetic for the site's hundred thousand cases, is the month of
/// its day in the zone, around the year boundary and daylight-saving changes.
@Test func aMomentsMonthIsTheMonthOfItsDay() throws {
    for name in ["Asia/Shanghai", "America/New_York", "Australia/Lord_Howe", "Pacific/Chatham"] {
        let zone = try #require(TimeZone(identifier: name))
        let time = LocalTime(zone: zone)
        var t = try #require(Timestamp.parse("2025-10-25T00:00:00Z", defaultZone: zone))
        for _ in 0..<2_000 {
            #expect(time.month(t) == String(time.day(t).prefix(7)), "\(name) \(t)")
            t = t.adding(seconds: 3 * 3_600 + 1_800 + 7)
        }
    }
}
