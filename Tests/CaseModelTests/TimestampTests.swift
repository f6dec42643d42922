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

    /// The month and the day by arithmetic are those of the same moment's text in that offset,
    /// across leap days, year ends, 1970 and before it.
    @Test func monthByArithmeticIsTheMonthOfTheText() {
        var generator = SystemRandomNumberGenerator()
        var moments: [Int64] = [0, -1, 86_399, 86_400, 951_782_400, 951_868_799, 1_798_732_799, 1_798_732_800, -2_208_988_800]
        for _ in 0..<2_000 { moments.append(Int64.random(in: -3_000_000_000...4_000_000_000, using: &generator)) }
        for seconds in moments {
            for offset in [0, 28_800, -18_000, 3_600] {
                let t = Timestamp(date: Date(timeIntervalSince1970: TimeInterval(seconds)), offsetSeconds: offset)
                #expect(Timestamp.month(unixSeconds: seconds, offsetSeconds: offset) == String(t.description.prefix(7)), "\(seconds) \(offset)")
                #expect(Timestamp.day(unixSeconds: seconds, offsetSeconds: offset) == String(t.description.prefix(10)), "\(seconds) \(offset)")
                #expect(t.localDay == String(t.description.prefix(10)), "\(seconds) \(offset)")
            }
        }
    }

    /// The text of a moment, written digit by digit, is Foundation's formatting of it.
    @Test func writtenIsWhatAFormatterWrites() {
        var generator = SystemRandomNumberGenerator()
        var moments: [Int64] = [0, -1, 59, 86_399, 86_400, 951_782_400, 1_798_732_799, -2_208_988_800, 7_258_118_399]
        for _ in 0..<2_000 { moments.append(Int64.random(in: -2_208_988_800...7_258_118_399, using: &generator)) }
        for offset in [0, 28_800, -18_000, 3_600, -34_200, 50_400, 19_800 + 900] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.calendar = Calendar(identifier: .gregorian)
            formatter.timeZone = TimeZone(secondsFromGMT: offset)
            formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ssxxx"
            let minutes = DateFormatter()
            minutes.locale = formatter.locale
            minutes.calendar = formatter.calendar
            minutes.timeZone = formatter.timeZone
            minutes.dateFormat = "yyyy-MM-dd HH:mm"
            for seconds in moments {
                let date = Date(timeIntervalSince1970: TimeInterval(seconds))
                #expect(Timestamp(date: date, offsetSeconds: offset).description == formatter.string(from: date), "\(seconds) \(offset)")
                #expect(Timestamp.written(unixSeconds: seconds, offsetSeconds: offset, to: .minute) == minutes.string(from: date), "\(seconds) \(offset)")
            }
        }
    }
}
