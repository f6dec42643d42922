import Foundation
import Testing
@testable import CaseModel

/// The direct sample reader is a fast path of `JSONDecoder`, never a second format: on samples
/// as `casebook sample` and `sweep` write them and on damaged and unusual copies, it reads the same
/// value or leaves the file to `JSONDecoder`.
@Suite struct SampleReaderTests {
    /// A month-end sample with spot checks and every optional field of a pick set, a daily draw
    /// (drawn on a day, with the month's earlier draws counted) and an empty one, in the layout
    /// casebook writes (`RecordJSON.encode`) and compact.
    static func samples() throws -> [Data] {
        let at = try #require(Timestamp.parse("2026-11-20T17:00:00+08:00", defaultZone: TimeZone(identifier: "Asia/Shanghai")!))
        let month = MonthlySample(
            month: "2026-11", profile: "residential@3", seed: String(repeating: "ab", count: 32),
            revisits: .init(name: "revisits", population: ["C-20261101-A01-0001", "C-20261102-A01-0007"],
                            selected: [.init(id: "C-20261102-A01-0007", due: at, mode: .phone, resolvedAt: at.adding(seconds: -86_400)),
                                       .init(id: "C-20261101-A01-0001")],
                            clause: "002 篇2 §4.1.1–4.1.2"),
            spotChecks: [.init(name: "维修 \"引号\" \\ 😀", population: ["C-20261101-A01-0001"], selected: [.init(id: "C-20261101-A01-0001", mode: .home)],
                               clause: "002 篇3 §4.2")])
        let daily = MonthlySample(
            month: "2026-11", profile: "villa@1", seed: "00", revisits: .init(name: "revisits", population: [], selected: [], clause: "x",
                                                                             priorPopulation: 3626, priorSelected: 363),
            spotChecks: [], drawnOn: "2026-11-20")
        let empty = MonthlySample(month: "2026-12", profile: "", seed: "", revisits: .init(name: "", population: [], selected: [], clause: ""), spotChecks: [])
        let compact = JSONEncoder()
        return try [month, daily, empty].map { try RecordJSON.encode($0) } + [month, daily].map { try compact.encode($0) }
    }

    @Test func readsSamplesAsJSONDecoderDoes() throws {
        let samples = try SampleReaderTests.samples()
        DirectReaderChecks.samplesReadAsJSONDecoderReads(MonthlySample.self, samples, direct: SampleReader.read)
        #expect(SampleReader.read(samples[0])?.revisits.selected.map(\.mode) == [.phone, nil])
        #expect(SampleReader.read(samples[1])?.revisits.priorSelected == 363 && SampleReader.read(samples[1])?.drawnOn == "2026-11-20")
    }

    @Test func damagedSamplesGiveJSONDecoderOutcome() throws {
        let (checked, readDirectly) = DirectReaderChecks.damagedCopiesGiveJSONDecoderOutcome(
            MonthlySample.self, samples: try SampleReaderTests.samples(), count: 60, replacing: [
                ("\"format\"", "\"extra\": 1, \"format\""),
                ("\"format\"", "\"format\": \"x\", \"format\""),
                ("\"month\" : \"", "\"month\" : null, \"m\" : \""),
                ("\"seed\" : \"", "\"seed\" : \"\\u0041\\n\\ud83d\\ude00"),
                ("\"mode\" : \"phone\"", "\"mode\" : \"fax\""),
                ("\"mode\" : \"phone\"", "\"mode\" : null"),
                ("\"due\" : \"", "\"due\" : \"2026-13-01T00:00:00Z\", \"d\" : \""),
                ("\"resolvedAt\" : \"", "\"resolvedAt\" : 7, \"r\" : \""),
                ("\"priorSelected\" : 363", "\"priorSelected\" : 363.0"),
                ("\"priorSelected\" : 363", "\"priorSelected\" : null"),
                ("\"population\" : [", "\"population\" : [7, "),
                ("\"selected\" : [", "\"selected\" : {}, \"s\" : ["),
                ("\"spotChecks\" : [", "\"spotChecks\" : null, \"x\" : ["),
                ("\"drawnOn\" : \"", "\"drawnOn\" : null, \"n\" : \""),
                ("\n", "\r\n\t"),
                ("{", "\u{FEFF}{"),
            ], direct: SampleReader.read)
        #expect(readDirectly > 0, "some harmless changes (spacing, escapes) are still read directly")
        #expect(checked > 250)
    }
}
