import CaseModel
import Foundation
import Procedures
@testable import SiteBuilder
import Testing

/// A site whose cases stream past a batch at a time, with only the open cases and the samples'
/// picks held in full and every case's summary, is the site made from every case held in full.
@Suite struct CaseStreamTests {
    func dashboards(_ language: Language, kept: Set<CaseID> = []) throws -> (whole: Dashboard, streamed: Dashboard) {
        let cases = try fixtureCases()
        let provenance = fixtureProvenance(cases)
        let samples = [octoberSample, novemberSample]
        var whole = Dashboard(siteName: "测试服务中心 <&>", cases: cases, profile: try residential(), now: now, language: language,
                              timeZone: shanghai, samples: samples, provenance: provenance, staff: staff)
        whole.accountability = AccountabilityRule(ladder: [.init(atLeast: 1, consequence: .talk)], clause: "003 篇2 第十二条")
        let picks = Set(samples.flatMap { $0.revisits.selected.map(\.id) })
        let held = cases.filter { $0.state.status.isOpen || picks.contains($0.id) }
        #expect(held.count < cases.count)
        var streamed = Dashboard(siteName: whole.siteName, cases: held, profile: whole.profile, now: now, language: language,
                                 timeZone: shanghai, samples: samples, staff: staff)
        streamed.accountability = whole.accountability
        streamed.summaries = cases.map { Procedures.CaseSummary($0, at: "") }
        // Two at a time, in an order other than the pages' (as the repository's paths give them).
        streamed.stream = { take in
            let order = cases.reversed().map { StreamedCase(file: $0, provenance: provenance[$0.id] ?? [], pageKept: kept.contains($0.id)) }
            for start in stride(from: 0, to: order.count, by: 2) { try take(Array(order[start..<min(start + 2, order.count)])) }
        }
        return (whole, streamed)
    }

    @Test(arguments: [Language.zhHans, .en]) func sameFilesAsFromEveryCase(_ language: Language) throws {
        let (whole, streamed) = try dashboards(language)
        let expected = try whole.build(), got = try streamed.build()
        #expect(Set(got.map(\.path)) == Set(expected.map(\.path)))
        for file in expected {
            #expect(got[file.path] == file, "\(file.path)")
        }
        #expect(expected[Dashboard.accountabilityPath] != nil)
    }

    @Test func keptPagesAreNotRenderedButStillCounted() throws {
        let cases = try fixtureCases()
        let kept = Set(cases.prefix(3).map(\.id))
        let (whole, streamed) = try dashboards(.en, kept: kept)
        let expected = try whole.build(skipping: kept), got = try streamed.build()
        #expect(got.map(\.path).sorted() == expected.map(\.path).sorted())
        for id in kept { #expect(got["cases/\(id.rawValue).html"] == nil) }
        for file in expected { #expect(got[file.path] == file, "\(file.path)") }
    }
}
