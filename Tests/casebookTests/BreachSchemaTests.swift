import Foundation
import Testing

/// A breach `sweep` records names the deadline's step, whatever step it is; the case schema
/// accepts every step a deadline can have (it used to list only four of them for `breach`).
@Suite struct BreachSchemaTests {
    @Test func aMissedSameDayDeadlineStillMatchesTheSchema() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        let id = try box.ok(["open", "--as", "li.na", "--kind", "complaint", "--severity", "minor", "--cause", "service-quality", "--channel", "phone",
                             "--reporter", "王女士", "--summary", "保洁员态度差"], now: "2026-11-20T10:00:00+08:00")
        #expect(try box.ok(["sweep"], now: "2026-11-21T10:00:00+08:00").contains("deadline same-day breached"))
        let file = box.repo + "/\(casePath(id))"
        let schema = try box.run("python3", [SchemaTests.validator, file])
        #expect(schema.status == 0, "\(schema.stdout)\(schema.stderr)")
    }
}
