import Foundation
import Testing
@testable import CaseModel

/// The direct calendar reader is a fast path of `JSONDecoder`, never a second format: on the
/// shipped years, on one with every field set and on damaged and unusual copies, it reads the same
/// value or leaves the file to `JSONDecoder`.
@Suite struct CalendarReaderTests {
    static func samples() throws -> [Data] {
        let folder = Sandbox.projectRoot.appendingPathComponent("records/calendar")
        let shipped = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
            .map { try Data(contentsOf: folder.appendingPathComponent($0)) }
        var full = try JSONDecoder().decode(CalendarYear.self, from: shipped[0])
        full.provisional = true
        full.holidays.append(.init(name: "测试 \"引号\" \\ 😀", days: []))
        var empty = CalendarYear(year: 2030, timeZone: "UTC", source: "", workingHours: .init(start: "09:00", end: "18:00"), holidays: [], workdays: [])
        empty.provisional = false
        let compact = JSONEncoder()
        return shipped + [try RecordJSON.encode(full), try RecordJSON.encode(empty), try compact.encode(full), try compact.encode(empty)]
    }

    @Test func readsTheCalendarAsJSONDecoderDoes() throws {
        let samples = try CalendarReaderTests.samples()
        #expect(samples.count >= 6)
        DirectReaderChecks.samplesReadAsJSONDecoderReads(CalendarYear.self, samples, direct: CalendarReader.read)
    }

    @Test func damagedYearsGiveJSONDecoderOutcome() throws {
        let (checked, readDirectly) = DirectReaderChecks.damagedCopiesGiveJSONDecoderOutcome(
            CalendarYear.self, samples: try CalendarReaderTests.samples(), count: 50, replacing: [
                ("\"format\"", "\"extra\": 1, \"format\""),
                ("\"format\"", "\"format\": \"x\", \"format\""),
                ("\"year\"", "\"year\": 2025.0, \"y\""),
                ("\"year\"", "\"year\": \"2025\", \"y\""),
                ("\"name\"", "\"name\": null, \"n\""),
                ("\"days\"", "\"days\": [1], \"d\""),
                ("\"source\"", "\"source\": \"\\u4e2d\\\"\\n\\ud83d\\ude00\", \"s\""),
                ("\"source\"", "\"source\": \"\\ud83d\", \"s\""),
                ("\"provisional\"", "\"provisional\": null, \"p\""),
                ("\"workingHours\"", "\"workingHours\": {}, \"w\""),
                ("\n", "\r\n\t"),
                ("{", "\u{FEFF}{"),
            ], direct: CalendarReader.read)
        #expect(readDirectly > 0, "some harmless changes (spacing, escapes) are still read directly")
        #expect(checked > 300)
    }
}
