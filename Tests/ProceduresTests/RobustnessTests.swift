import CaseModel
import Foundation
import Procedures
import PropertyBased
import Testing

/// Bad input, property-based: whatever bytes reach the case-file parser, the validator or the
/// merge driver, the answer is one clear line (or a valid case), never a crash or a hang.
@Suite(.timeLimit(.minutes(2))) struct RobustnessTests {
    /// A valid complaint with a few steps, as the commands would write it.
    static func sample() throws -> CaseFile {
        let p = try profile("residential")
        var file = try opened(try intake(.complaint, severity: .important), profile: p)
        file = try appending(event(.dispatch, by: "li.na", at: "2026-11-22T09:10") { $0.department = .engineering; $0.assignee = "zhao.gong" }, to: file, profile: p)
        file = try appending(event(.note, by: "zhao.gong", at: "2026-11-22T09:20") { $0.text = "已联系"; $0.ownerInformed = true }, to: file, profile: p)
        return file
    }

    /// Decodes `data` as a case file and, if it decodes, validates it as a new case and merges it
    /// with the sample. Returns the one line a user would read, or nil when all of it passed.
    static func verdict(_ data: Data) -> String? {
        let file: CaseFile
        do {
            file = try RecordJSON.decode(CaseFile.self, from: data, file: "records/cases/2026/11/x.json")
        } catch {
            return error.description
        }
        guard let p = try? profile("residential"), let base = try? sample() else { return "fixture" }
        do {
            try CaseChange.validate(old: nil, new: file, path: file.path(in: .day), staff: registry, profile: p, calendar: noCalendar)
            try CaseChange.validate(old: base, new: file, path: base.path(in: .day), staff: registry, profile: p, calendar: noCalendar)
        } catch {
            return error.description
        }
        do {
            _ = try CaseMerge.union(ours: base, theirs: file, staff: registry, profile: p, calendar: noCalendar)
        } catch {
            return error.description
        }
        return nil
    }

    /// One line, of a sensible length, naming something.
    static func isOneLine(_ message: String) -> Bool {
        !message.isEmpty && !message.contains("\n") && message.count < 600
    }

    static let hostile: [String] = [
        "../../etc/passwd", "C-20261122-T01-0001/../../x", "line\nforged: line", "C-20261122-T01-0001\r\n", "a\u{0}b", "\u{1}\u{7}\u{1b}[31m", "\u{202e}gnp.exe",
        "99999-01-01T00:00:00+08:00", "-0001-01-01T00:00:00+08:00", "0000-00-00T00:00:00+08:00", "2026-02-30T25:61:61+08:00",
        "9999-12-31T23:59:59+14:00", "", " ", String(repeating: "长", count: 5_000), "\u{FFFD}", "\u{D7FF}",
        "1e309", "-0", "null", "{}", "[]",
    ]

    @Test func anyBytesGiveOneLine() async {
        await propertyCheck(count: 300, input: Gen.uint8(in: 0...255).array(of: 0...512)) { bytes in
            let message = Self.verdict(Data(bytes))
            #expect(message.map(Self.isOneLine) ?? true, "\(message ?? "")")
        }
    }

    @Test func mutatedCaseFilesGiveOneLineOrAValidCase() async throws {
        let original = Array(try RecordJSON.encode(try Self.sample()))
        let gen = Gen.int(in: 0...(original.count - 1)).array(of: 1...8)
        await propertyCheck(count: 300, input: gen, Gen.uint8(in: 0...255).array(of: 1...8), Gen.int(in: 0...3)) { positions, bytes, how in
            var data = original
            for (k, position) in positions.enumerated() where position < data.count {
                let b = bytes[k % bytes.count]
                switch how {
                case 0: data[position] = b
                case 1: data.insert(b, at: position)
                case 2: data.remove(at: position)
                default: data = Array(data[..<position])
                }
            }
            let message = Self.verdict(Data(data))
            #expect(message.map(Self.isOneLine) ?? true, "\(message ?? "")")
        }
    }

    @Test func hostileValuesInEveryStringField() async throws {
        let text = String(decoding: try RecordJSON.encode(try Self.sample()), as: UTF8.self)
        // Every quoted value in the file, by position.
        let values = text.matches(of: /: "((?:[^"\\]|\\.)*)"/).map { $0.range }
        try #require(values.count > 20)
        await propertyCheck(count: 400, input: Gen.int(in: 0...(values.count - 1)), Gen.int(in: 0...(Self.hostile.count - 1))) { which, value in
            let range = values[which]
            let escaped = Self.hostile[value].unicodeScalars.map { $0.value < 0x20 ? String(format: "\\u%04x", $0.value) : String($0) }.joined()
            let data = Data((text[..<range.lowerBound] + ": \"" + escaped + "\"" + text[range.upperBound...]).utf8)
            let message = Self.verdict(data)
            #expect(message.map(Self.isOneLine) ?? true, "\(message ?? "")")
        }
    }

    /// The same, exhaustively: every hostile value in every string field.
    @Test func everyHostileValueInEveryField() throws {
        let text = String(decoding: try RecordJSON.encode(try Self.sample()), as: UTF8.self)
        let values = text.matches(of: /: "((?:[^"\\]|\\.)*)"/).map { $0.range }
        var tried = 0
        for range in values {
            for value in Self.hostile {
                let escaped = value.unicodeScalars.map { $0.value < 0x20 ? String(format: "\\u%04x", $0.value) : String($0) }.joined()
                let message = Self.verdict(Data((text[..<range.lowerBound] + ": \"" + escaped + "\"" + text[range.upperBound...]).utf8))
                #expect(message.map(Self.isOneLine) ?? true, "\(message ?? "")")
                tried += 1
            }
        }
        #expect(tried > 500)
    }

    /// Two desks appending notes to the same case: the union holds every event of both exactly
    /// once, the shared history first, the rest in time order, whichever side is "ours".
    @Test func mergeUnionKeepsEveryEventOnce() async throws {
        let base = try Self.sample()
        let p = try profile("residential")
        let minutes = Gen.int(in: 0...600).array(of: 0...6)
        await propertyCheck(count: 200, input: minutes, minutes) { a, b in
            func branch(_ offsets: [Int], _ who: StaffID, _ tag: String) -> CaseFile? {
                var events = base.events
                for (k, m) in offsets.sorted().enumerated() {
                    events.append(event(.note, by: who, at: "2026-11-22T10:00") {
                        $0.at = Timestamp(date: Date(timeIntervalSince1970: Double(t("2026-11-22T10:00").unixSeconds + Int64(m * 60))), offsetSeconds: 28_800)
                        $0.text = "\(tag)-\(k)"
                    })
                }
                return try? CaseFile(id: base.id, events: events)
            }
            guard let ours = branch(a, "li.na", "a"), let theirs = branch(b, "chen.jie", "b") else {
                Issue.record("branches do not fold")
                return
            }
            do {
                let merged = try CaseMerge.union(ours: ours, theirs: theirs, staff: registry, profile: p, calendar: noCalendar)
                let swapped = try CaseMerge.union(ours: theirs, theirs: ours, staff: registry, profile: p, calendar: noCalendar)
                #expect(merged.events.count == base.events.count + a.count + b.count)
                #expect(Array(merged.events.prefix(base.events.count)) == base.events)
                let added = merged.events.dropFirst(base.events.count)
                #expect(zip(added, added.dropFirst()).allSatisfy { $0.at <= $1.at })
                #expect(Set(merged.events.compactMap(\.text)) == Set(swapped.events.compactMap(\.text)))
                #expect(merged.isConsistent && swapped.isConsistent)
                #expect(try CaseMerge.union(ours: merged, theirs: ours, staff: registry, profile: p, calendar: noCalendar) == merged)
            } catch {
                Issue.record("a valid union was refused: \(error)")
            }
        }
    }

    @Test func nestingSizeAndEncodingLimits() throws {
        let cases: [(String, Data)] = [
            ("deep arrays", Data((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)),
            ("deep objects", Data((String(repeating: "{\"a\":", count: 100_000) + "1" + String(repeating: "}", count: 100_000)).utf8)),
            ("deep inside a case", Data(String(decoding: try RecordJSON.encode(try Self.sample()), as: UTF8.self)
                .replacingOccurrences(of: "\"text\" : \"已联系\"", with: "\"text\" : " + String(repeating: "[", count: 50_000)).utf8)),
            ("10 MB field", Data(String(decoding: try RecordJSON.encode(try Self.sample()), as: UTF8.self)
                .replacingOccurrences(of: "已联系", with: String(repeating: "x", count: 10_000_000)).utf8)),
            ("invalid UTF-8", Data([0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D])),
            ("UTF-16", Data("{\"format\":1}".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })),
            ("NUL bytes", Data([0x7B, 0x00, 0x7D])),
            ("a huge number", Data("{\"format\": 1\(String(repeating: "0", count: 100_000))}".utf8)),
        ]
        // Outcomes only: each is refused in one line. How long that takes depends on the machine;
        // a parser that hung is caught by the suite's time limit, a guard against hangs, not a speed bound.
        for (what, data) in cases {
            let message = Self.verdict(data)
            #expect(message != nil, "\(what) was accepted")
            #expect(message.map(Self.isOneLine) ?? false, "\(what): \(message ?? "")")
        }
    }

    @Test func idsAndDatesThatAreRefused() throws {
        let text = String(decoding: try RecordJSON.encode(try Self.sample()), as: UTF8.self)
        for (find, replace, needle) in [
            ("\"id\" : \"C-20261122-T01-0001\"", "\"id\" : \"../../C-20261122-T01-0001\"", "case id"),
            ("\"id\" : \"C-20261122-T01-0001\"", "\"id\" : \"C-20261122-T01-0001\\u0000\"", "case id"),
            ("\"2026-11-22T09:20:00+08:00\"", "\"99999-11-22T09:20:00+08:00\"", "ISO 8601"),
            ("\"2026-11-22T09:20:00+08:00\"", "\"-2026-11-22T09:20:00+08:00\"", "ISO 8601"),
        ] {
            let changed = text.replacingOccurrences(of: find, with: replace)
            #expect(changed != text)
            let message = try #require(Self.verdict(Data(changed.utf8)), "\(replace) accepted")
            #expect(Self.isOneLine(message) && message.contains(needle), "\(replace): \(message)")
        }
    }
}
