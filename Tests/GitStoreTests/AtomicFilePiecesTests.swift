import Foundation
import GitStore
import Testing

/// A file written from pieces (`AtomicFile.write(to:pieces:)`): bytes at hand and whole files
/// copied in the kernel, in their order; a file on another file system (where the kernel may not
/// copy between the two) read and written instead; a missing piece leaves the target as it was.
@Suite struct AtomicFilePiecesTests {
    @Test func piecesAreJoinedInOrderWhereverTheFilesAre() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pieces-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Sources beside the target, and one in memory-backed /dev/shm when there is one.
        var folders = [folder.path]
        let shm = "/dev/shm/pieces-\(UUID().uuidString)"
        if (try? FileManager.default.createDirectory(atPath: shm, withIntermediateDirectories: true)) != nil { folders.append(shm) }
        defer { try? FileManager.default.removeItem(atPath: shm) }
        for (n, place) in folders.enumerated() {
            // Empty, small, and larger than one read buffer (1 MiB) of the fallback.
            let contents = [Data(), Data("第一部分\n".utf8), Data((0..<(3 << 19)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ n) })]
            var pieces: [AtomicFile.Piece] = [.bytes(Data("head,".utf8))]
            var expected = Data("head,".utf8)
            for (k, content) in contents.enumerated() {
                let source = place + "/part-\(k)"
                try content.write(to: URL(fileURLWithPath: source))
                pieces += [.file(source), .bytes(Data(",".utf8))]
                expected += content + Data(",".utf8)
            }
            let target = folder.appendingPathComponent("joined-\(n)").path
            try AtomicFile.write(to: target, durable: false, pieces: pieces)
            #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == expected, "\(place)")
            // A piece that is not there: an error, the target as it was, no temporary file left.
            #expect(throws: AtomicFileError.self) {
                try AtomicFile.write(to: target, durable: false, pieces: [.bytes(Data("x".utf8)), .file(place + "/none")])
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == expected)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }.isEmpty)
        }
        #expect(folders.count == 2 || !FileManager.default.fileExists(atPath: "/dev/shm"))
    }
}
