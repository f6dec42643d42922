import Foundation
import GitStore
import Testing

/// The case → commits index: one walk, kept in the git directory, extended by the new commits
/// only, rebuilt when the history it describes is gone or its file is damaged.
@Suite struct HistoryIndexTests {
    func change(_ r: TempRepo, _ path: String, _ text: String, _ message: String = "step\n\nAction: note\n") throws -> OID {
        try r.repo.commit([FileChange(path: path, content: Data(text.utf8))], author: li, committer: li, message: message)
    }

    var file: (TempRepo) -> String { { $0.path + "/.git/casebook/history" } }

    /// The tips of the kept file's frames, in order.
    func frameTips(_ r: TempRepo) throws -> [OID] {
        try String(contentsOfFile: file(r), encoding: .utf8).split(separator: "\n")
            .filter { $0.hasPrefix("frame ") }.compactMap { OID(hex: String($0.split(separator: " ")[3])) }
    }

    /// The index built from nothing (the kept file moved aside and put back).
    func cold(_ r: TempRepo) throws -> HistoryIndex {
        let aside = file(r) + ".aside"
        try FileManager.default.moveItem(atPath: file(r), toPath: aside)
        defer {
            try? FileManager.default.removeItem(atPath: file(r))
            try? FileManager.default.moveItem(atPath: aside, toPath: file(r))
        }
        return try HistoryIndex.current(in: r.repo)
    }

    /// `index` and the one built cold agree on every commit and on every file's commits, and one
    /// file's commits read straight from the kept file are the same.
    func expectSameAsCold(_ r: TempRepo, _ index: HistoryIndex, _ paths: [String]) throws {
        let c = try cold(r)
        #expect(index.tip == c.tip)
        #expect(index.commits == c.commits)
        for path in paths {
            #expect(index.commits(touching: path) == c.commits(touching: path), "\(path)")
            #expect(try HistoryIndex.commits(touching: path, in: r.repo) == c.commits(touching: path), "\(path)")
        }
    }

    func bytes(_ r: TempRepo) throws -> [UInt8] { try Array(Data(contentsOf: URL(fileURLWithPath: file(r)))) }

    let caseA = "records/cases/2026/11/A.json", caseB = "records/cases/2026/11/B.json"

    @Test func aNewCommitIsAppendedNotTheFileRewritten() throws {
        let r = try TempRepo()
        _ = try change(r, caseA, "1")
        _ = try HistoryIndex.current(in: r.repo)
        let before = try bytes(r)
        let b = try change(r, caseB, "1")
        _ = try change(r, caseA, "2")
        // `log` of one case brings the file up to date too.
        #expect(try HistoryIndex.commits(touching: caseB, in: r.repo).map(\.id) == [b])
        let after = try bytes(r)
        #expect(after.count > before.count)
        #expect(Array(after.prefix(before.count)) == before, "the frames before are left as they were")
        #expect(try frameTips(r).count == 2)
        try expectSameAsCold(r, HistoryIndex.current(in: r.repo), [caseA, caseB])
    }

    @Test func aDamagedOrCutTailIsDroppedAndWalkedAgain() throws {
        let r = try TempRepo()
        _ = try change(r, caseA, "1")
        _ = try HistoryIndex.current(in: r.repo)
        let first = try bytes(r)
        _ = try change(r, caseB, "1")
        _ = try change(r, caseA, "2")
        _ = try HistoryIndex.current(in: r.repo)
        let whole = try bytes(r)
        // One byte of the last frame's body changed: that frame is not trusted, the first is kept.
        var damaged = whole
        damaged[damaged.count - 3] ^= 0x01
        try Data(damaged).write(to: URL(fileURLWithPath: file(r)))
        var index = try HistoryIndex.current(in: r.repo)
        try expectSameAsCold(r, index, [caseA, caseB])
        #expect(try bytes(r) == whole, "the tail walked again and appended as before")
        // The last frame cut short (a crash while appending), and read first by `log`.
        try Data(whole.prefix(first.count + 20)).write(to: URL(fileURLWithPath: file(r)))
        #expect(try HistoryIndex.commits(touching: caseA, in: r.repo).count == 2)
        #expect(try bytes(r) == whole)
        // Garbage after the last frame.
        try Data(whole + Array("frame 9".utf8)).write(to: URL(fileURLWithPath: file(r)))
        index = try HistoryIndex.current(in: r.repo)
        try expectSameAsCold(r, index, [caseA, caseB])
        #expect(try bytes(r) == whole)
    }

    @Test func aHistoryRewrittenUnderTheFileCutsItBackToWhatRemains() throws {
        let r = try TempRepo()
        let a1 = try change(r, caseA, "1")
        _ = try HistoryIndex.current(in: r.repo)
        let first = try bytes(r)
        let a2 = try change(r, caseA, "2")
        _ = try HistoryIndex.current(in: r.repo)
        _ = try change(r, caseA, "3")
        _ = try HistoryIndex.current(in: r.repo)
        #expect(try frameTips(r).count == 3)
        // Reset back to a2 (a frame's tip): the last frame goes, nothing is walked.
        #expect(try r.git(["reset", "-q", "--hard", a2.hex]).0 == 0)
        var index = try HistoryIndex.current(in: r.repo)
        #expect(try frameTips(r) == [a1, a2])
        try expectSameAsCold(r, index, [caseA, caseB])
        // A force-push of another line from a1: the frames after a1 go, the new line is appended.
        #expect(try r.git(["reset", "-q", "--hard", a1.hex]).0 == 0)
        let b = try change(r, caseB, "1")
        index = try HistoryIndex.current(in: r.repo)
        #expect(Array(try bytes(r).prefix(first.count)) == first)
        #expect(try frameTips(r) == [a1, b])
        #expect(index.commits(touching: caseA).map(\.id) == [a1])
        try expectSameAsCold(r, index, [caseA, caseB])
    }

    @Test func aLayoutMigrationAppendedKeepsEachFilesHistory() throws {
        let r = try TempRepo()
        let a1 = try change(r, caseA, "1")
        let b1 = try change(r, caseB, "1")
        _ = try HistoryIndex.current(in: r.repo)
        let moved = try r.repo.commit([FileChange(path: "records/cases/2026/11/22/A.json", content: Data("1".utf8)),
                                       FileChange(path: "records/cases/2026/11/21/B.json", content: Data("1".utf8))],
                                      removing: [caseA, caseB], author: li, committer: li, message: "move\n\nAction: migrate-layout\n")
        let a2 = try change(r, "records/cases/2026/11/22/A.json", "2")
        let index = try HistoryIndex.current(in: r.repo)
        #expect(try frameTips(r).count == 2)
        #expect(index.commits(touching: "records/cases/2026/11/22/A.json").map(\.id) == [a1, moved, a2])
        #expect(index.commits(touching: "records/cases/2026/11/21/B.json").map(\.id) == [b1, moved])
        try expectSameAsCold(r, index, ["records/cases/2026/11/22/A.json", "records/cases/2026/11/21/B.json", caseA])
    }

    @Test func manyFramesAreCompactedIntoOne() throws {
        let r = try TempRepo()
        for n in 0..<66 {
            _ = try change(r, n % 2 == 0 ? caseA : caseB, "\(n)")
            _ = try HistoryIndex.current(in: r.repo)
        }
        #expect(try frameTips(r).count < 66)
        try expectSameAsCold(r, HistoryIndex.current(in: r.repo), [caseA, caseB])
        #expect(try HistoryIndex.commits(touching: caseA, in: r.repo).count == 33)
    }

    @Test func isKeptAndExtendedByTheNewCommitsOnly() throws {
        let r = try TempRepo()
        let a1 = try change(r, "records/cases/2026/11/A.json", "1")
        _ = try change(r, "records/casebook.json", "{}")
        let b1 = try change(r, "records/cases/2026/11/B.json", "1", "by hand")
        var index = try HistoryIndex.current(in: r.repo)
        #expect(index.tip == b1)
        #expect(index.commits.count == 3)
        #expect(index.commits(touching: "records/cases/2026/11/A.json").map(\.id) == [a1])
        #expect(index.commits(touching: "records/cases/2026/11/B.json").map(\.action) == [nil])
        #expect(index.commits(touching: "records/casebook.json").isEmpty, "outside the prefix")
        #expect(FileManager.default.fileExists(atPath: file(r)))

        // A new commit: the stored index is read and extended, not rebuilt.
        let a2 = try change(r, "records/cases/2026/11/A.json", "2")
        index = try HistoryIndex.current(in: r.repo)
        #expect(index.commits(touching: "records/cases/2026/11/A.json").map(\.id) == [a1, a2])
        #expect(index.commits(touching: "records/cases/2026/11/A.json").last?.action == "note")
        #expect(index.commits(touching: "records/cases/2026/11/A.json").last?.author == li)
        #expect(index.commits.count == 4)
        #expect(try frameTips(r) == [b1, a2], "the new commit appended as a frame")

        // One path's commits read straight from the kept file are the whole index's.
        for path in ["records/cases/2026/11/A.json", "records/cases/2026/11/B.json", "records/cases/2026/11/none.json"] {
            #expect(try HistoryIndex.commits(touching: path, in: r.repo) == index.commits(touching: path), "\(path)")
        }
        // Behind HEAD, the file is brought up to date first.
        let a3 = try change(r, "records/cases/2026/11/A.json", "3")
        #expect(try HistoryIndex.commits(touching: "records/cases/2026/11/A.json", in: r.repo).map(\.id) == [a1, a2, a3])
        #expect(try frameTips(r).last == a3)
    }

    @Test func aFileMovedToAnotherFolderKeepsItsHistory() throws {
        let r = try TempRepo()
        let a1 = try change(r, "records/cases/2026/11/A.json", "1")
        let moved = try r.repo.commit([FileChange(path: "records/cases/2026/11/22/A.json", content: Data("1".utf8))],
                                      removing: ["records/cases/2026/11/A.json"], author: li, committer: li, message: "move\n\nAction: migrate-layout\n")
        #expect(!FileManager.default.fileExists(atPath: r.path + "/records/cases/2026/11/A.json"))
        #expect(try r.git(["status", "--porcelain"]).1.isEmpty)
        let a2 = try change(r, "records/cases/2026/11/22/A.json", "2")
        let index = try HistoryIndex.current(in: r.repo)
        #expect(index.commits(touching: "records/cases/2026/11/22/A.json").map(\.id) == [a1, moved, a2])
        #expect(try HistoryIndex.commits(touching: "records/cases/2026/11/22/A.json", in: r.repo).map(\.id) == [a1, moved, a2])
    }

    @Test func aRewrittenHistoryOrADamagedFileIsRebuilt() throws {
        let r = try TempRepo()
        let a1 = try change(r, "records/cases/2026/11/A.json", "1")
        _ = try change(r, "records/cases/2026/11/A.json", "2")
        _ = try HistoryIndex.current(in: r.repo)
        // The branch moved back and on along another line (a reset): the old tip is no ancestor.
        #expect(try r.git(["reset", "-q", "--hard", a1.hex]).0 == 0)
        let b = try change(r, "records/cases/2026/11/B.json", "1")
        var index = try HistoryIndex.current(in: r.repo)
        #expect(index.commits.map(\.id) == [a1, b])
        #expect(index.commits(touching: "records/cases/2026/11/A.json").map(\.id) == [a1])
        // A damaged file is not trusted.
        try "casebook-history 3\nprefix records/cases/\nframe 2 0000000000000000 \(b.hex)\nc \n".write(toFile: file(r), atomically: true, encoding: .utf8)
        index = try HistoryIndex.current(in: r.repo)
        #expect(index.commits(touching: "records/cases/2026/11/A.json").map(\.id) == [a1])
    }

    @Test func mergesAreMarked() throws {
        let r = try TempRepo()
        let base = try change(r, "records/cases/2026/11/A.json", "1")
        let ours = try change(r, "records/cases/2026/11/A.json", "2")
        #expect(try r.git(["branch", "side", base.hex]).0 == 0)
        #expect(try r.git(["checkout", "-q", "side"]).0 == 0)
        #expect(try r.git(["-c", "user.name=x", "-c", "user.email=x@x", "commit", "-q", "--allow-empty", "-m", "side"]).0 == 0)
        try "3".write(toFile: r.path + "/records/cases/2026/11/B.json", atomically: true, encoding: .utf8)
        #expect(try r.git(["add", "."]).0 == 0)
        #expect(try r.git(["-c", "user.name=x", "-c", "user.email=x@x", "commit", "-q", "-m", "B"]).0 == 0)
        #expect(try r.git(["checkout", "-q", "main"]).0 == 0 || r.git(["checkout", "-q", "master"]).0 == 0)
        #expect(try r.git(["-c", "user.name=x", "-c", "user.email=x@x", "merge", "-q", "--no-edit", "side"]).0 == 0)
        let index = try HistoryIndex.current(in: r.repo)
        let touchingB = index.commits(touching: "records/cases/2026/11/B.json")
        #expect(touchingB.count == 2)
        #expect(touchingB.map(\.isMerge) == [false, true])
        #expect(index.commits(touching: "records/cases/2026/11/A.json").map(\.id) == [base, ours])
    }
}
