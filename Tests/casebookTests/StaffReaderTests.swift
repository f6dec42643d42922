import Foundation
import Testing
@testable import CaseModel

/// The direct staff reader is a fast path of `JSONDecoder`, never a second format: on the
/// project's list, on lists with every field set and on damaged and unusual copies, it reads the
/// same value or leaves the file to `JSONDecoder`.
@Suite struct StaffReaderTests {
    /// The project's list, a centre's with every optional field set and an empty one, in the
    /// layout casebook writes (`RecordJSON.encode`) and compact.
    static func samples() throws -> [Data] {
        let project = try Data(contentsOf: Sandbox.projectRoot.appendingPathComponent("records/staff.json"))
        var lead = Staff(id: "wang.zg", name: "王主管", email: "Wang.ZG@example.cn", roles: [.supervisor, .qualityInspector],
                         department: .customerService, key: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIC2T8H1bWm/yWbCjXtTq0GlnMuX2u+3kDpKn3a0xZ7Q9 王主管@desk")
        lead.area = ["3", "3-2-1801", "商铺 A/1", "\"引号\" \\ 😀"]
        var desk = Staff(id: "li.na", name: "李娜", email: "li.na@example.cn", roles: [.receptionist])
        desk.superior = "wang.zg"
        desk.area = []
        let full = StaffRegistry(staff: [lead, desk, Staff(id: "system", name: "casebook", email: "system@casebook.invalid", roles: [.system])])
        let compact = JSONEncoder()
        return [project, try RecordJSON.encode(full), try RecordJSON.encode(StaffRegistry()), try compact.encode(full), try compact.encode(StaffRegistry())]
    }

    @Test func readsTheStaffListAsJSONDecoderDoes() throws {
        let samples = try StaffReaderTests.samples()
        DirectReaderChecks.samplesReadAsJSONDecoderReads(StaffRegistry.self, samples, direct: StaffReader.read)
        #expect(StaffReader.read(samples[1])?.staff.map(\.id.rawValue) == ["wang.zg", "li.na", "system"])
        #expect(StaffReader.read(samples[1])?.staff[1].superior == "wang.zg")
    }

    @Test func damagedListsGiveJSONDecoderOutcome() throws {
        // Damaged at random, and valid JSON that is not what casebook writes: unknown and repeated keys, nulls,
        // escapes, values of another type or outside the vocabulary, spacing.
        let (checked, readDirectly) = DirectReaderChecks.damagedCopiesGiveJSONDecoderOutcome(
            StaffRegistry.self, samples: try StaffReaderTests.samples(), count: 60, replacing: [
                ("\"format\"", "\"extra\": 1, \"format\""),
                ("\"format\"", "\"format\": \"x\", \"format\""),
                ("\"email\" : \"", "\"email\" : null, \"e\" : \""),
                ("\"email\" : \"", "\"email\" : \"\\u4e2d\\\"\\n\\ud83d\\ude00"),
                ("\"name\" : \"", "\"name\" : \"\\ud83d"),
                ("\"roles\" : [", "\"roles\" : [\"janitor\", "),
                ("\"roles\" : [", "\"roles\" : [1, "),
                ("\"roles\" : [", "\"roles\" : null, \"r\" : ["),
                ("\"department\" : \"", "\"department\" : \"x"),
                ("\"department\" : \"customer-service\"", "\"department\" : null"),
                ("\"superior\" : \"wang.zg\"", "\"superior\" : null"),
                ("\"superior\" : \"wang.zg\"", "\"superior\" : 7"),
                ("\"area\" : [", "\"area\" : [null, "),
                ("\"key\" : \"", "\"key\" : null, \"k\" : \""),
                ("\"id\" : \"", "\"id\" : \"\\u0041"),
                ("\"staff\" : [", "\"staff\" : {}, \"s\" : ["),
                ("\n", "\r\n\t"),
                ("{", "\u{FEFF}{"),
            ], direct: StaffReader.read)
        #expect(readDirectly > 0, "some harmless changes (spacing, escapes) are still read directly")
        #expect(checked > 300)
    }
}
