import Foundation
import Testing

/// `casebook init` writes Sources/casebook/Defaults; the project's own records/ and hooks/ must be
/// the same files (run `make defaults` after changing either).
@Suite struct DefaultsTests {
    @Test func initDefaultsEqualTheProjectsOwnRecords() throws {
        let root = Sandbox.projectRoot
        let defaults = root.appendingPathComponent("Sources/casebook/Defaults")
        let fm = FileManager.default
        var compared = 0
        for folder in ["records/procedures", "records/calendar", "records/schema", "hooks"] {
            let mine = try fm.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path).filter { !$0.hasPrefix(".") }.sorted()
            let shipped = try fm.contentsOfDirectory(atPath: defaults.appendingPathComponent(folder).path).filter { !$0.hasPrefix(".") }.sorted()
            #expect(mine == shipped, "\(folder) differs: run make defaults")
            for name in mine where shipped.contains(name) {
                let a = try Data(contentsOf: root.appendingPathComponent("\(folder)/\(name)"))
                let b = try Data(contentsOf: defaults.appendingPathComponent("\(folder)/\(name)"))
                #expect(a == b, "\(folder)/\(name) differs: run make defaults")
                compared += 1
            }
        }
        #expect(compared >= 4)
        // The project's own settings name a profile that exists, so it is a working case repository.
        let settings = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("records/casebook.json"))) as? [String: Any])
        let profile = try #require(settings["profile"] as? String)
        #expect(fm.fileExists(atPath: root.appendingPathComponent("records/procedures/\(profile).json").path))
    }
}
