import Foundation
import Testing
@testable import CaseModel

/// The direct settings reader is a fast path of `JSONDecoder`, never a second format: on the
/// project's settings, on settings with every field set (thousands of units among them) and on
/// damaged and unusual copies, it reads the same value or leaves the file to `JSONDecoder`.
@Suite struct SettingsReaderTests {
    /// The project's settings, and the same with every optional field set, in the layout casebook
    /// writes (`RecordJSON.encode`) and compact.
    static func samples() throws -> [Data] {
        let project = try Data(contentsOf: Sandbox.projectRoot.appendingPathComponent("records/casebook.json"))
        var full = try RecordJSON.decode(Settings.self, from: project, file: "casebook.json")
        full.signatures = .optional
        full.retentionYears = 5
        full.units = (1...12).flatMap { b in (1...3).flatMap { u in (1...33).map { "\(b)-\(u)-\($0)01" } } } + ["商铺 A/1", "\"引号\" \\ 😀"]
        full.accountabilityPage = false
        full.layout = .day
        var minimal = Settings(site: "", timeZone: "UTC", locale: "en", profile: "mall", idPrefix: "X", requireSignatures: true)
        minimal.units = []
        let compact = JSONEncoder()
        return [project, try RecordJSON.encode(full), try RecordJSON.encode(minimal), try compact.encode(full), try compact.encode(minimal)]
    }

    @Test func readsSettingsAsJSONDecoderDoes() throws {
        let samples = try SettingsReaderTests.samples()
        DirectReaderChecks.samplesReadAsJSONDecoderReads(Settings.self, samples, direct: SettingsReader.read)
        #expect(SettingsReader.read(samples[1])?.units?.count == 12 * 3 * 33 + 2)
    }

    @Test func damagedSettingsGiveJSONDecoderOutcome() throws {
        // Damaged at random, and valid JSON that is not what casebook writes: unknown and repeated keys, nulls,
        // escapes, other numbers, values of another type, spacing.
        let (checked, readDirectly) = DirectReaderChecks.damagedCopiesGiveJSONDecoderOutcome(
            Settings.self, samples: try SettingsReaderTests.samples(), count: 60, replacing: [
                ("\"format\"", "\"extra\": 1, \"format\""),
                ("\"format\"", "\"format\": \"x\", \"format\""),
                ("\"retentionYears\" : 5", "\"retentionYears\" : 5.0"),
                ("\"retentionYears\" : 5", "\"retentionYears\" : -0"),
                ("\"retentionYears\" : 5", "\"retentionYears\" : null"),
                ("\"retentionYears\" : 5", "\"retentionYears\" : \"5\""),
                ("\"units\" : [", "\"units\" : null, \"u\" : ["),
                ("\"units\" : [", "\"units\" : [1, "),
                ("\"site\" : \"", "\"site\" : \"\\u4e2d\\\"\\n\\ud83d\\ude00"),
                ("\"site\" : \"", "\"site\" : \"\\ud83d"),
                ("\"site\" : \"", "\"site\" : null, \"s\" : \""),
                ("\"layout\" : \"", "\"layout\" : \"x"),
                ("\"signatures\" : \"", "\"signatures\" : \"x"),
                ("\"requireSignatures\" : false", "\"requireSignatures\" : 0"),
                ("\"requireSignatures\" : false", "\"requireSignatures\" : null"),
                ("\"accountabilityPage\" : false", "\"accountabilityPage\" : null"),
                ("\n", "\r\n\t"),
                ("{", "\u{FEFF}{"),
            ], direct: SettingsReader.read)
        #expect(readDirectly > 0, "some harmless changes (spacing, escapes) are still read directly")
        #expect(checked > 300)
    }
}
