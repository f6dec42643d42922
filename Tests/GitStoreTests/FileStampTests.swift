import Foundation
import GitStore
import Testing

/// A folder's stamp (`FileStamp`) holds exactly while no name in the folder is added, removed
/// or renamed, a file's while it is not written, even right after the stamp was taken (in the
/// same tick of the kernel's clock).
@Suite struct FileStampTests {
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
            let stamp = try #require(FileStamp.settle(path), "\(label)")
            #expect(stamp.holds(at: path), "\(label): before")
            #expect(FileStamp.of(path) == stamp)
            try change()
            #expect(!stamp.holds(at: path), "\(label): after")
        }
        // A file written over in place is not a change of names: a folder's stamp is about names only.
        let page = folder.appendingPathComponent("c.html")
        let stamp = try #require(FileStamp.settle(path))
        try Data("changed".utf8).write(to: page, options: [])
        #expect(stamp.holds(at: path))
        // A file's stamp: any write in place fails it, even of the same length at once, and
        // `touch` does; reading does not.
        for (label, change) in [("written", { try Data("changeD".utf8).write(to: page, options: []) }),
                                ("touched", { #expect(utimensat(AT_FDCWD, page.path, nil, 0) == 0) })] as [(String, () throws -> Void)] {
            let fileStamp = try #require(FileStamp.settle(page.path), "\(label)")
            _ = try Data(contentsOf: page)
            #expect(fileStamp.holds(at: page.path), "\(label): before")
            try change()
            #expect(!fileStamp.holds(at: page.path), "\(label): after")
        }
        // Another file or folder, or none, does not hold.
        let other = folder.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        #expect(!stamp.holds(at: other.path))
        #expect(!stamp.holds(at: page.path))
        #expect(FileStamp.of(folder.appendingPathComponent("none").path) == nil)
        #expect(FileStamp.settle(folder.appendingPathComponent("none").path) == nil)
    }
}
