import Foundation
import GitStore
import Testing

/// A step's index update by patching the index file (`IndexFile`), judged by stock git: after
/// each kind of step the work tree and index are clean, `fsck` is, and the index lists what
/// `git read-tree HEAD` would; an index with an extension it does not handle goes through
/// libgit2 with the same outcome; a file changed in the index's second still shows as changed.
@Suite struct IndexPatchTests {
    func commit(_ r: TempRepo, _ path: String, _ text: String, removing: [String] = []) throws {
        try r.repo.commit([FileChange(path: path, content: Data(text.utf8))], removing: removing, author: li, committer: li,
                          message: "step\n\nAction: note\n")
    }

    func index(_ r: TempRepo) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: r.path + "/.git/index")) }

    func expectAsStockGitWouldHaveIt(_ r: TempRepo, _ context: String) throws {
        #expect(try r.git(["status", "--porcelain"]) == (0, ""), "\(context)")
        #expect(try r.git(["diff", "--cached", "--name-only"]) == (0, ""), "\(context)")
        #expect(try r.git(["fsck", "--strict", "--no-dangling"]).0 == 0, "\(context)")
        let scratch = ["GIT_INDEX_FILE": r.path + "/.git/scratch-index"]
        #expect(try r.git(["read-tree", "HEAD"], env: scratch).0 == 0)
        let expected = try r.git(["ls-files", "-s"], env: scratch)
        #expect(try r.git(["ls-files", "-s"]) == expected, "\(context)")
        #expect(!expected.1.isEmpty)
    }

    @Test func eachKindOfStepLeavesTheIndexAsGitWouldHaveIt() throws {
        let r = try TempRepo()
        try commit(r, "records/cases/2026/11/21/A.json", "1")
        try commit(r, "records/cases/2026/11/21/B.json", "1")
        // Stock git writes the cache tree; the patch drops it.
        #expect(try r.git(["read-tree", "HEAD"]).0 == 0)
        #expect(try index(r).range(of: Data("TREE".utf8)) != nil)
        try commit(r, "records/cases/2026/11/21/A.json", "2")
        #expect(try index(r).range(of: Data("TREE".utf8)) == nil, "patched, not written by libgit2")
        try expectAsStockGitWouldHaveIt(r, "a note on an existing case")
        try commit(r, "records/cases/2026/11/22/C.json", "1")
        try expectAsStockGitWouldHaveIt(r, "a new case in a new day folder")
        try commit(r, "records/cases/2026/11/20/0.json", "1")
        try expectAsStockGitWouldHaveIt(r, "a new case sorted first")
        try r.repo.commit(["records/cases/2026/11/23/Z.json", "records/cases/2026/11/23/M.json", "records/cases/2026/11/23/A.json",
                           "records/cases/2026/11/22/D.json", "records/cases/2026/11/21/A.json"].map { FileChange(path: $0, content: Data("3".utf8)) },
                          author: li, committer: li, message: "sync\n")
        try expectAsStockGitWouldHaveIt(r, "several new and changed cases in one commit (a merge)")
        try commit(r, "records/cases/2026/11/21/B.json", "closed")
        try expectAsStockGitWouldHaveIt(r, "a close")
        try commit(r, "records/cases/2026/11/22/A.json", "2", removing: ["records/cases/2026/11/21/A.json"])
        try expectAsStockGitWouldHaveIt(r, "a file moved")
        #expect(try r.repo.isUnchanged("records/cases/2026/11/22/A.json"))
        #expect(try r.repo.isUnchanged("records/cases/2026/11/21/none.json"))
        try "x".write(toFile: r.path + "/records/cases/2026/11/22/C.json", atomically: true, encoding: .utf8)
        #expect(try !r.repo.isUnchanged("records/cases/2026/11/22/C.json"))
    }

    @Test func anIndexWithAnExtensionItDoesNotHandleGoesThroughLibgit2() throws {
        let r = try TempRepo()
        try commit(r, "records/cases/2026/11/21/A.json", "1")
        #expect(try r.git(["update-index", "--untracked-cache"]).0 == 0)
        #expect(try r.git(["status", "--porcelain"]).0 == 0)
        #expect(try index(r).range(of: Data("UNTR".utf8)) != nil)
        try commit(r, "records/cases/2026/11/21/A.json", "2")
        try commit(r, "records/cases/2026/11/22/B.json", "1")
        try expectAsStockGitWouldHaveIt(r, "with an untracked cache")
        #expect(try r.repo.isUnchanged("records/cases/2026/11/22/B.json"))
    }

    @Test func aFileChangedInTheIndexsSecondStillShowsAsChanged() throws {
        let r = try TempRepo()
        try commit(r, "records/cases/2026/11/21/A.json", "1")
        // X staged by git, then the index and X dated the same second: X's entry is racily clean.
        let x = r.path + "/X.txt"
        let second = time_t(Date().timeIntervalSince1970) - 100
        func date(_ path: String) {
            var times = [timespec(tv_sec: second, tv_nsec: 0), timespec(tv_sec: second, tv_nsec: 0)]
            #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        }
        try "aaaa".write(toFile: x, atomically: false, encoding: .utf8)
        date(x)
        #expect(try r.git(["add", "X.txt"]).0 == 0)
        #expect(try r.git(["commit", "-q", "-m", "X", "--author", "x <x@x>"], env: ["GIT_COMMITTER_NAME": "x", "GIT_COMMITTER_EMAIL": "x@x"]).0 == 0)
        date(r.path + "/.git/index")
        // X changed in place, same size, same time: only its content tells.
        let fd = open(x, O_WRONLY | O_TRUNC)
        #expect(write(fd, "bbbb", 4) == 4)
        close(fd)
        date(x)
        // A step rewrites the index now, a later second than X's.
        try commit(r, "records/cases/2026/11/21/A.json", "2")
        #expect(try r.git(["-c", "core.trustctime=false", "status", "--porcelain"]).1 == " M X.txt\n")
        #expect(try !r.repo.isUnchanged("X.txt"))
    }
}
