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
        let stored = try String(contentsOfFile: file(r), encoding: .utf8)
        #expect(stored.contains("tip \(a2.hex)"))

        // One path's commits read straight from the kept file are the whole index's.
        for path in ["records/cases/2026/11/A.json", "records/cases/2026/11/B.json", "records/cases/2026/11/none.json"] {
            #expect(try HistoryIndex.commits(touching: path, in: r.repo) == index.commits(touching: path), "\(path)")
        }
        // Behind HEAD, the file is brought up to date first.
        let a3 = try change(r, "records/cases/2026/11/A.json", "3")
        #expect(try HistoryIndex.commits(touching: "records/cases/2026/11/A.json", in: r.repo).map(\.id) == [a1, a2, a3])
        #expect(try String(contentsOfFile: file(r), encoding: .utf8).contains("tip \(a3.hex)"))
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
        try "casebook-history 2\nprefix records/cases/\ntip \(b.hex)\np A.json\t7\n".write(toFile: file(r), atomically: true, encoding: .utf8)
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
