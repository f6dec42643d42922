import Foundation
import GitStore
import Testing

/// A folder's stamp (`FolderStamp`) holds exactly while no name in the folder is added, removed
/// or renamed, even right after it was taken (in the same tick of the kernel's clock).
@Suite struct FolderStampTests {
    @Test func aStampHoldsUntilANameChanges() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stamp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.path, file = folder.appendingPathComponent("a.html")
        try Data("a".utf8).write(to: file)
        // Each change made at once after the stamp: the clock has not moved on, the stamp still fails.
        let changes: [(String, setUp: () throws -> Void, change: () throws -> Void)] = [
            ("a name added", {}, { try Data("b".utf8).write(to: folder.appendingPathComponent("b.html")) }),
            ("a name removed", {}, { try FileManager.default.removeItem(at: folder.appendingPathComponent("b.html")) }),
            ("a name renamed", {}, { try FileManager.default.moveItem(at: file, to: folder.appendingPathComponent("c.html")) }),
            ("a file renamed over another", { try Data("d".utf8).write(to: folder.appendingPathComponent("d.html")) }, {
                #expect(rename(folder.appendingPathComponent("d.html").path, folder.appendingPathComponent("c.html").path) == 0)
            }),
        ]
        for (label, setUp, change) in changes {
            try setUp()
            let stamp = try #require(FolderStamp.settle(path), "\(label)")
            #expect(stamp.holds(at: path), "\(label): before")
            #expect(FolderStamp.of(path) == stamp)
            try change()
            #expect(!stamp.holds(at: path), "\(label): after")
        }
        // A file written over in place is not a change of names: the stamp is about names only.
        let stamp = try #require(FolderStamp.settle(path))
        try Data("changed".utf8).write(to: folder.appendingPathComponent("c.html"), options: [])
        #expect(stamp.holds(at: path))
        // Another folder, or none, does not hold.
        let other = folder.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        #expect(!stamp.holds(at: other.path))
        #expect(FolderStamp.of(folder.appendingPathComponent("c.html").path) == nil)
        #expect(FolderStamp.settle(folder.appendingPathComponent("none").path) == nil)
    }
}
