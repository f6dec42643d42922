import Foundation
import Testing
@testable import CaseModel

/// The direct procedures reader is a fast path of `JSONDecoder`, never a second format: on the
/// three shipped profiles, on one with every field it reads set and on damaged and unusual copies,
/// it reads the same value or leaves the file to `JSONDecoder`; the rules it does not read
/// (`round`, `analysis`, `accountability`) are always left to `JSONDecoder`.
@Suite struct ProfileReaderTests {
    static func shipped() throws -> [Data] {
        try ["residential", "mall", "villa"].map { name in
            try Data(contentsOf: Sandbox.projectRoot.appendingPathComponent("records/procedures/\(name).json"))
        }
    }

    /// The residential profile with every field the reader reads set at least once.
    static func full() throws -> Profile {
        var p = try JSONDecoder().decode(Profile.self, from: try shipped()[0])
        p.deadlines.append(DeadlineRule(kind: .repair, severity: .major, repairSize: .medium, cause: .outsideControl, step: "resolve",
                                        within: Span(months: 1, minutes: 30, hours: 2, days: 3, workingDays: 4), clause: "测试 §1 \"引号\" \\ 😀",
                                        escalateTo: .supervisor))
        p.revisits.append(RevisitRule(kind: .complaint, severity: .major, repairSize: .small, within: Span(workingDays: 2), rate: 100,
                                      by: [.supervisor, .csAssistant], modes: [.home, .phone], clause: "测试 §2",
                                      second: SecondRevisit(after: Span(days: 30), within: Span(days: 7), clause: "测试 §3")))
        p.sampling?.draw = .daily
        p.sampling?.bands.append(SampleBand(upTo: 10, take: 3, percent: 50))
        p.registers = (p.registers ?? []) + [RegisterRule(register: .emptyNest, visitEveryDays: 30, agedVisitEveryDays: 7, by: [.csAssistant],
                                                          modes: [.home], clause: "测试 §4", agedClause: "测试 §5")]
        p.lateEntry = LateEntryRule(grace: Span(hours: 1), clause: "测试 §6", pushWithin: Span(hours: 24))
        p.spotChecks = (p.spotChecks ?? []) + [SpotCheckRule(name: "抽查", kinds: [], percent: 5, checker: "公司管理部", clause: "测试 §7")]
        p.inspections = (p.inspections ?? []) + [InspectionRule(check: .quarterly, by: [.qualityInspector], clause: "测试 §8")]
        return p
    }

    static func samples() throws -> [Data] {
        let full = try full()
        var bare = full
        (bare.sampling, bare.spotChecks, bare.inspections, bare.registers, bare.lateEntry, bare.contracts) = (nil, nil, nil, nil, nil, nil)
        bare.deadlines = []
        let compact = JSONEncoder()
        return try shipped() + [try RecordJSON.encode(full), try RecordJSON.encode(bare), try compact.encode(full), try compact.encode(bare)]
    }

    @Test func readsTheProceduresAsJSONDecoderDoes() throws {
        DirectReaderChecks.samplesReadAsJSONDecoderReads(Profile.self, try ProfileReaderTests.samples(), direct: ProfileReader.read)
        let full = try ProfileReaderTests.full()
        #expect(ProfileReader.read(try RecordJSON.encode(full)) == full)
    }

    @Test func theRulesItDoesNotReadAreLeftToJSONDecoder() throws {
        var p = try ProfileReaderTests.full()
        p.round = RoundRule(by: [.csAssistant], visitsPerDay: 5, reviewBy: "08:30", summaryDay: 28, clause: "测试 §9")
        p.analysis = .standard
        p.accountability = AccountabilityRule(ladder: [AccountabilityStep(atLeast: 2, consequence: .talk)], clause: "测试 §10")
        let data = try RecordJSON.encode(p)
        #expect(ProfileReader.read(data) == nil)
        #expect(try RecordJSON.decode(Profile.self, from: data, file: "p.json") == p)
    }

    @Test func damagedProfilesGiveJSONDecoderOutcome() throws {
        // Damaged at random, and valid JSON that is not what casebook writes: unknown and repeated keys, nulls,
        // escapes, values of another type or outside the vocabulary, numbers casebook never writes, spacing.
        let (checked, readDirectly) = DirectReaderChecks.damagedCopiesGiveJSONDecoderOutcome(
            Profile.self, samples: try ProfileReaderTests.samples(), count: 40, replacing: [
                ("\"format\"", "\"extra\": 1, \"format\""),
                ("\"format\"", "\"format\": \"x\", \"format\""),
                ("\"clause\" : \"", "\"clause\" : null, \"c\" : \""),
                ("\"clause\" : \"", "\"clause\" : \"\\u4e2d\\\"\\n\\ud83d\\ude00"),
                ("\"clause\" : \"", "\"clause\" : \"\\ud83d"),
                ("\"kind\" : \"", "\"kind\" : \"x"),
                ("\"roles\" : [", "\"roles\" : [\"janitor\", "),
                ("\"by\" : [", "\"by\" : null, \"b\" : ["),
                ("\"days\" : ", "\"days\" : null, \"d\" : "),
                ("\"days\" : ", "\"days\" : 1.0, \"d\" : "),
                ("\"hours\" : ", "\"hours\" : \"1\", \"h\" : "),
                ("\"rate\" : ", "\"rate\" : -0, \"r\" : "),
                ("\"within\" : {", "\"within\" : {}, \"w\" : {"),
                ("\"second\" : {", "\"second\" : null, \"s\" : {"),
                ("\"homeVisitsMoreThanHalf\" : ", "\"homeVisitsMoreThanHalf\" : 0, \"x\" : "),
                ("\"sampling\" : {", "\"sampling\" : null, \"s\" : {"),
                ("\"severity\" : \"", "\"severity\" : null, \"v\" : \""),
                ("\"draw\" : \"", "\"draw\" : \"weekly"),
                ("\"name\" : \"", "\"round\" : null, \"name\" : \""),
                ("\n", "\r\n\t"),
                ("{", "\u{FEFF}{"),
            ], direct: ProfileReader.read)
        #expect(readDirectly > 0, "some harmless changes (spacing, escapes) are still read directly")
        #expect(checked > 200)
    }
}
