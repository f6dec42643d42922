import Foundation

/// A moment with the UTC offset it was recorded in, written as ISO 8601 with seconds and offset:
/// `2026-11-22T09:30:00+08:00`. Event times keep the desk's offset so that a record reads as the
/// paper form did.
public struct Timestamp: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The moment.
    public let date: Date
    /// Offset from UTC in seconds (Asia/Shanghai: 28800).
    public let offsetSeconds: Int

    public init(date: Date, offsetSeconds: Int) {
        // Whole seconds only: the text form has no fractions, so a value must survive a round trip.
        self.date = Date(timeIntervalSince1970: (date.timeIntervalSince1970).rounded(.down))
        self.offsetSeconds = offsetSeconds
    }

    /// The same moment in `timeZone`'s offset at that moment.
    public init(date: Date, in timeZone: TimeZone) {
        self.init(date: date, offsetSeconds: timeZone.secondsFromGMT(for: date))
    }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.date < b.date }
    public static func == (a: Timestamp, b: Timestamp) -> Bool {
        a.date == b.date && a.offsetSeconds == b.offsetSeconds
    }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(date)
        hasher.combine(offsetSeconds)
    }

    /// Seconds since 1970, as git records author and committer times.
    public var unixSeconds: Int64 { Int64(date.timeIntervalSince1970) }

    /// `YYYY-MM` of the civil date `unixSeconds + offsetSeconds` seconds after 1970 (a fixed
    /// offset, no time-zone rules), by arithmetic: for sorting many moments into months cheaply.
    public static func month(unixSeconds: Int64, offsetSeconds: Int) -> String {
        month(number: monthNumber(unixSeconds: unixSeconds, offsetSeconds: offsetSeconds))
    }

    /// The month of the civil date `unixSeconds + offsetSeconds` seconds after 1970 as one
    /// number, `year × 12 + month − 1` (consecutive months are consecutive numbers).
    public static func monthNumber(unixSeconds: Int64, offsetSeconds: Int) -> Int {
        let (year, month, _) = civil(unixSeconds + Int64(offsetSeconds))
        return year * 12 + month - 1
    }

    /// `YYYY-MM-DD` of the civil date `unixSeconds + offsetSeconds` seconds after 1970, by
    /// arithmetic (as `month(unixSeconds:offsetSeconds:)`).
    public static func day(unixSeconds: Int64, offsetSeconds: Int) -> String {
        let date = civil(unixSeconds + Int64(offsetSeconds))
        var out = Array(month(number: date.year * 12 + date.month - 1).utf8)
        let tens = UInt8(date.day / 10), ones = UInt8(date.day % 10)
        out += [UInt8(ascii: "-"), UInt8(ascii: "0") + tens, UInt8(ascii: "0") + ones]
        return String(decoding: out, as: UTF8.self)
    }

    /// The civil date `t` seconds after 1970 (H. Hinnant's days-to-civil algorithm).
    private static func civil(_ t: Int64) -> (year: Int, month: Int, day: Int) {
        let z = Int((t >= 0 ? t : t - 86_399) / 86_400) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, doy - (153 * mp + 2) / 5 + 1)
    }

    /// `YYYY-MM` of a month number (`monthNumber(unixSeconds:offsetSeconds:)`).
    public static func month(number: Int) -> String {
        let year = number >= 0 ? number / 12 : (number - 11) / 12, month = number - year * 12 + 1
        let digits = Array("0123456789".utf8)
        var out = [UInt8](repeating: UInt8(ascii: "0"), count: 7)
        var y = max(0, min(9999, year))
        for i in (0..<4).reversed() {
            out[i] = digits[y % 10]
            y /= 10
        }
        out[4] = UInt8(ascii: "-")
        out[5] = digits[month / 10]
        out[6] = digits[month % 10]
        return String(decoding: out, as: UTF8.self)
    }

    /// This moment moved by `seconds`, in the same offset.
    public func adding(seconds: Int) -> Timestamp {
        Timestamp(date: date.addingTimeInterval(TimeInterval(seconds)), offsetSeconds: offsetSeconds)
    }

    /// `YYYY-MM-DD` of this moment in its own offset (by arithmetic, as the text has it).
    public var localDay: String { Timestamp.day(unixSeconds: unixSeconds, offsetSeconds: offsetSeconds) }

    public var description: String { Timestamp.written(unixSeconds: unixSeconds, offsetSeconds: offsetSeconds, to: .second) }

    /// How much of a moment `written` writes.
    public enum Written: Sendable {
        /// `YYYY-MM-DDTHH:MM:SS±HH:MM` (`description`).
        case second
        /// `YYYY-MM-DD HH:MM`, what pages show.
        case minute
    }

    /// The civil time `unixSeconds + offsetSeconds` seconds after 1970 as text, digit by digit
    /// into one buffer: the case pages write 2 to 3 million times at 100,000 cases, and through
    /// string interpolation (eleven small strings a time) they were 3 % of a full dashboard build.
    public static func written(unixSeconds: Int64, offsetSeconds: Int, to layout: Written) -> String {
        let local = unixSeconds + Int64(offsetSeconds)
        let date = civil(local)
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondsOfDay = Int(local - days * 86_400)
        let off = abs(offsetSeconds)
        guard (0...9999).contains(date.year), off < 100 * 3600 else {
            // Outside what four digits of year and two of offset hours hold (no record's time).
            func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
            let text = "\(date.year)-\(two(date.month))-\(two(date.day))T\(two(secondsOfDay / 3600)):\(two(secondsOfDay / 60 % 60)):\(two(secondsOfDay % 60))"
                + "\(offsetSeconds < 0 ? "-" : "+")\(two(off / 3600)):\(two(off / 60 % 60))"
            return layout == .second ? text : String(text.prefix(10)) + " " + String(text.dropFirst(11).prefix(5))
        }
        return String(unsafeUninitializedCapacity: 25) { out in
            var n = 0
            func put(_ value: Int, _ width: Int) {
                var v = value
                for k in (0..<width).reversed() {
                    out[n + k] = UInt8(ascii: "0") + UInt8(v % 10)
                    v /= 10
                }
                n += width
            }
            func mark(_ c: Unicode.Scalar) {
                out[n] = UInt8(ascii: c)
                n += 1
            }
            put(date.year, 4); mark("-"); put(date.month, 2); mark("-"); put(date.day, 2)
            mark(layout == .second ? "T" : " ")
            put(secondsOfDay / 3600, 2); mark(":"); put(secondsOfDay / 60 % 60, 2)
            if layout == .second {
                mark(":"); put(secondsOfDay % 60, 2)
                mark(offsetSeconds < 0 ? "-" : "+"); put(off / 3600, 2); mark(":"); put(off / 60 % 60, 2)
            }
            return n
        }
    }

    /// Parses `YYYY-MM-DDTHH:MM[:SS](Z|±HH:MM)`; without an offset (or with a space for `T`, or a
    /// date alone) the time is read in `defaultZone`. Years 1970–2199 only: anything else is a
    /// typing mistake, not a service-centre record.
    public static func parse(_ text: String, defaultZone: TimeZone) -> Timestamp? {
        let chars = Array(text.utf8)
        func num(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= chars.count else { return nil }
            var v = 0
            for c in chars[from..<(from + count)] {
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            return v
        }
        guard let year = num(0, 4), chars.count >= 10, chars[4] == 45, let month = num(5, 2), chars[7] == 45,
              let day = num(8, 2) else { return nil }
        var hour = 0, minute = 0, second = 0
        var i = 10
        if chars.count > 10 {
            guard chars[10] == 84 || chars[10] == 32, let h = num(11, 2), chars.count > 13, chars[13] == 58,
                  let m = num(14, 2) else { return nil }
            hour = h; minute = m; i = 16
            if i < chars.count, chars[i] == 58 {
                guard let s = num(i + 1, 2) else { return nil }
                second = s; i += 3
            }
        }
        var offset: Int?
        if i < chars.count {
            if chars[i] == 90, i + 1 == chars.count {
                offset = 0
            } else if chars[i] == 43 || chars[i] == 45, i + 6 == chars.count, chars[i + 3] == 58,
                      let oh = num(i + 1, 2), let om = num(i + 4, 2), oh <= 14, om < 60 {
                offset = (chars[i] == 45 ? -1 : 1) * (oh * 3600 + om * 60)
            } else {
                return nil
            }
        }
        guard (1970...2199).contains(year), (1...12).contains(month), hour < 24, minute < 60, second < 60 else { return nil }
        let monthDays = [31, (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...monthDays[month - 1]).contains(day) else { return nil }
        // Days from civil (Howard Hinnant's algorithm).
        let y = month <= 2 ? year - 1 : year
        let era = y / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        let localSeconds = days * 86_400 + hour * 3600 + minute * 60 + second
        if let offset {
            return Timestamp(date: Date(timeIntervalSince1970: TimeInterval(localSeconds - offset)), offsetSeconds: offset)
        }
        let guess = Date(timeIntervalSince1970: TimeInterval(localSeconds))
        let zoneOffset = defaultZone.secondsFromGMT(for: guess.addingTimeInterval(TimeInterval(-defaultZone.secondsFromGMT(for: guess))))
        return Timestamp(date: Date(timeIntervalSince1970: TimeInterval(localSeconds - zoneOffset)), offsetSeconds: zoneOffset)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Timestamp.decoded(from: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "time '\(text.prefix(40))' is not ISO 8601 with seconds and offset (2026-11-22T09:30:00+08:00)")
        }
        self = value
    }

    /// The time a record's field holds: ISO 8601 with seconds and offset, nothing shorter.
    static func decoded(from text: String) -> Timestamp? {
        guard text.utf8.count >= 25, text.count >= 25 else { return nil }
        return parse(text, defaultZone: utc)
    }

    private static let utc = TimeZone(secondsFromGMT: 0)!

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Timestamp {
    /// The same local clock time `months` calendar months later (Jan 31 + 1 month = Feb 28/29).
    public func addingMonths(_ months: Int) -> Timestamp {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: offsetSeconds)!
        let moved = calendar.date(byAdding: .month, value: months, to: date) ?? date
        return Timestamp(date: moved, offsetSeconds: offsetSeconds)
    }
}
