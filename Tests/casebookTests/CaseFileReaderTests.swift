import Foundation
import Testing
@testable import CaseModel

/// The direct case-file reader is a fast path of `JSONDecoder`, never a second format: on every
/// file of a simulated month and on damaged and unusual copies of them, it reads the same value
/// or leaves the file to `JSONDecoder`.
@Suite struct CaseFileReaderTests {
    /// Every case file of a simulated month, or of the simulation `options` ask for (bulk: the
    /// same files, fewer commits).
    static func simulatedCaseFiles(_ options: [String] = ["--months", "1", "--seed", "5", "--cases-per-day", "8", "--start", "2026-10"]) throws -> [Data] {
        let box = try Sandbox()
        defer { box.remove() }
        let dir = box.root.appendingPathComponent("sim").path
        let o = try box.run(Sandbox.binary, ["simulate", "--out", dir, "--bulk", "--unsigned"] + options)
        #expect(o.status == 0, "\(o.stderr)")
        let paths = try box.run("git", ["ls-files", "records/cases"], in: dir).stdout.split(separator: "\n").filter { $0.hasSuffix(".json") }
        return try paths.map { try Data(contentsOf: URL(fileURLWithPath: dir + "/" + $0)) }
    }

    /// `count` copies of `data` each damaged once at random (a byte changed, removed or inserted,
    /// or the rest cut off), and the copies each of `replacements` makes of its text where it applies.
    static func damagedCopies(of data: Data, count: Int, replacing replacements: [(String, String)]) -> [Data] {
        var rng = SystemRandomNumberGenerator()
        var copies: [Data] = []
        for _ in 0..<count {
            var bytes = [UInt8](data)
            let at = Int.random(in: 0..<bytes.count, using: &rng)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: bytes[at] = UInt8.random(in: 0...255, using: &rng)
            case 1: bytes.remove(at: at)
            case 2: bytes.insert(UInt8.random(in: 0x20...0x7E, using: &rng), at: at)
            default: bytes.removeLast(bytes.count - at)
            }
            copies.append(Data(bytes))
        }
        let text = String(decoding: data, as: UTF8.self)
        for (from, to) in replacements where text.contains(from) {
            copies.append(Data(text.replacingOccurrences(of: from, with: to).utf8))
        }
        return copies
    }

    /// What `JSONDecoder` makes of `data`, nil where it refuses.
    static func foundation(_ data: Data) -> CaseFile? { try? JSONDecoder().decode(CaseFile.self, from: data) }

    @Test func readsEverySimulatedFileAsJSONDecoderDoes() throws {
        let files = try CaseFileReaderTests.simulatedCaseFiles()
        #expect(files.count > 150)
        var actions: Set<Action> = []
        // The reader does not know the judicial requests' and inspections' fields yet (requests,
        // non-conformities): those files take JSONDecoder's path. Emergencies and their checklists
        // it reads (one in a hundred case files).
        let special = ["\"judicial\"", "\"inspection\""]
        var emergencies = 0
        for data in files {
            let direct = CaseFileReader.read(data)
            let text = String(decoding: data, as: UTF8.self)
            if special.contains(where: text.contains) {
                #expect(direct == nil || direct == CaseFileReaderTests.foundation(data))
                continue
            }
            #expect(direct != nil, "the reader left a file casebook wrote to JSONDecoder")
            #expect(direct == CaseFileReaderTests.foundation(data))
            direct?.events.forEach { actions.insert($0.action) }
            if direct?.intake.emergency != nil, direct?.state.checklist?.isEmpty == false { emergencies += 1 }
        }
        #expect(emergencies > 0, "no emergency with its checklist in the sample")
        // The month held the steps whose fields the reader must know.
        for action in [Action.open, .dispatch, .escalate, .resolve, .revisit, .close, .breach, .note] {
            #expect(actions.contains(action), "no \(action.rawValue) event in the sample")
        }

        // Damaged copies: every outcome is JSONDecoder's (the same value, or a refusal it names).
        // Damaged at random, and valid JSON that is not what casebook writes: unknown and repeated keys, nulls,
        // escapes, other numbers and spacing.
        let (_, readDirectly) = DirectReaderChecks.damagedCopiesGiveJSONDecoderOutcome(
            CaseFile.self, samples: Array(files.prefix(40)), count: 25, replacing: [
                ("\"format\"", "\"extra\": 1, \"format\""),
                ("\"format\"", "\"format\": \"x\", \"format\""),
                ("\"reopenCount\" : 0", "\"reopenCount\" : 0.0"),
                ("\"reopenCount\" : 0", "\"reopenCount\" : -0"),
                ("\"reopenCount\" : 0", "\"reopenCount\" : null"),
                ("\"details\" : ", "\"details\" : null, \"x\" : "),
                ("\"unit\" : \"", "\"unit\" : \"\\u4e2d\\\"\\n\\ud83d\\ude00"),
                ("\"unit\" : \"", "\"unit\" : \"\\ud83d"),
                ("\"summary\" : \"", "\"summary\" : null, \"s\" : \""),
                ("\"kind\" : \"", "\"kind\" : \"x"),
                ("\"satisfied\" : true", "\"satisfied\" : 1"),
                ("\"phoneMasked\" : \"", "\"phoneMasked\" : \"1"),
                ("\"receivedAt\" : \"", "\"receivedAt\" : \"X"),
                ("\n", "\r\n\t"),
                ("{", "\u{FEFF}{"),
            ], direct: CaseFileReader.read)
        #expect(readDirectly > 0, "some harmless changes (spacing, escapes) are still read directly")
    }
}
