import CaseModel
import Foundation
import Testing

@Suite struct TimestampTests {
    let shanghai = TimeZone(identifier: "Asia/Shanghai")!

    @Test(arguments: ["2026-11-22T09:30:00+08:00", "1999-12-31T23:59:59-05:30", "2028-02-29T00:00:00+00:00", "2026-01-01T00:00:00+14:00"])
    func roundTrips(_ text: String) throws {
        let t = try #require(Timestamp.parse(text, defaultZone: shanghai))
        #expect(t.description == text)
    }

    @Test func readsLocalTimesInTheDefaultZone() throws {
        let t = try #require(Timestamp.parse("2026-11-22T09:30", defaultZone: shanghai))
        #expect(t.description == "2026-11-22T09:30:00+08:00")
        #expect(t.unixSeconds == 1_795_311_000)
        #expect(Timestamp.parse("2026-11-22", defaultZone: shanghai)?.description == "2026-11-22T00:00:00+08:00")
        #expect(Timestamp.parse("2026-11-22 18:05:09", defaultZone: shanghai)?.description == "2026-11-22T18:05:09+08:00")
        #expect(Timestamp.parse("2026-11-22T01:30:00Z", defaultZone: shanghai)?.date == t.date)
    }

    @Test(arguments: ["", "yesterday", "2026-13-01", "2026-02-29", "2026-11-22T24:00", "2026-11-22T09:30:00+8", "1969-12-31",
                      "2026-11-22T09:30:00+08:00x", "９０２６-11-22", "2026-11-22T09:60"])
    func refusesWhatIsNotATime(_ text: String) {
        #expect(Timestamp.parse(text, defaultZone: shanghai) == nil)
    }

    @Test func decodingNeedsSecondsAndOffset() throws {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Timestamp].self, from: Data(#"["2026-11-22T09:30"]"#.utf8)) }
        let ok = try JSONDecoder().decode([Timestamp].self, from: Data(#"["2026-11-22T09:30:00+08:00"]"#.utf8))
        #expect(ok.first?.offsetSeconds == 28_800)
    }
}
