import Foundation
import GitStore
import Testing

/// A throwaway repository, removed after the test.
final class TempRepo {
    let path: String
    let repo: Repository

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("gitstore-\(UUID().uuidString)").path
        repo = try Repository.create(at: path)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Stock git's output in this repository.
    func git(_ args: [String], env extra: [String: String] = [:]) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git", "-C", path] + args
        var env = ProcessInfo.processInfo.environment
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        env["HOME"] = path
        env.merge(extra) { $1 }
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

let li = Person(name: "李娜", email: "li.na@x.cn", time: 1_795_311_000, offsetMinutes: 480)

@Suite struct RepositoryTests {
    @Test func commitsOneChangeThatStockGitReads() throws {
        let r = try TempRepo()
        #expect(try r.repo.head() == nil)
        let first = try r.repo.commit([FileChange(path: "records/a.json", content: Data("{}\n".utf8)),
                                       FileChange(path: "hooks/pre-commit", content: Data("#!/bin/sh\n".utf8), executable: true)],
                                      author: li, committer: li, message: "first\n\nAction: init\n")
        #expect(try r.repo.head() == first)
        let second = try r.repo.commit([FileChange(path: "records/b/c.json", content: Data("[1]\n".utf8))],
                                       author: li, committer: li, message: "second")
        #expect(try r.git(["log", "--format=%H %an <%ae> %ad", "--date=iso-strict"]).1.split(separator: "\n") == [
            "\(second.hex) 李娜 <li.na@x.cn> 2026-11-22T09:30:00+08:00", "\(first.hex) 李娜 <li.na@x.cn> 2026-11-22T09:30:00+08:00",
        ])
        #expect(try r.git(["status", "--porcelain"]).1.isEmpty)
        #expect(try r.git(["fsck", "--strict"]).0 == 0)
        #expect(try r.git(["ls-files", "-s", "hooks/pre-commit"]).1.hasPrefix("100755"))
        #expect(try r.repo.read("records/b/c.json") == Data("[1]\n".utf8))
        #expect(try r.repo.read("records/b/c.json", at: first) == nil)
        #expect(try r.repo.files(under: "records").map(\.path) == ["records/a.json", "records/b/c.json"])
        #expect(try r.repo.commit(second).trailer("Action") == nil)
        #expect(try r.repo.commit(first).trailer("Action") == "init")
        let index = try HistoryIndex.current(in: r.repo, prefix: "records/")
        #expect(index.commits(touching: "records/b/c.json").map(\.id) == [second])
        #expect(index.commits(touching: "records/a.json").map(\.id) == [first])
        #expect(index.commits(touching: "hooks/pre-commit").isEmpty)
    }

    @Test func leavesOtherStagedWorkAlone() throws {
        let r = try TempRepo()
        try r.repo.commit([FileChange(path: "a.txt", content: Data("a\n".utf8))], author: li, committer: li, message: "a")
        try "draft\n".write(toFile: r.path + "/draft.txt", atomically: false, encoding: .utf8)
        #expect(try r.git(["add", "draft.txt"]).0 == 0)
        #expect(try r.repo.stagedChanges().map(\.path) == ["draft.txt"])
        try r.repo.commit([FileChange(path: "b.txt", content: Data("b\n".utf8))], author: li, committer: li, message: "b")
        #expect(try r.git(["show", "--name-only", "--format=", "HEAD"]).1 == "b.txt\n")
        #expect(try r.git(["status", "--porcelain"]).1 == "A  draft.txt\n")
        #expect(try r.repo.isUnchanged("b.txt"))
        try "changed\n".write(toFile: r.path + "/b.txt", atomically: false, encoding: .utf8)
        #expect(try !r.repo.isUnchanged("b.txt"))
        #expect(try r.repo.isUnchanged("never-existed.txt"))
    }

    @Test func aBranchThatMovedIsNotOverwritten() throws {
        let r = try TempRepo()
        let a = try r.repo.commit([FileChange(path: "a.txt", content: Data("a\n".utf8))], author: li, committer: li, message: "a")
        // Another desk commits after we read HEAD at `a`.
        let other = try Repository.discover(from: r.path)
        try other.commit([FileChange(path: "b.txt", content: Data("b\n".utf8))], author: li, committer: li, message: "b")
        do {
            try r.repo.commit([FileChange(path: "c.txt", content: Data("c\n".utf8))], author: li, committer: li, message: "c", onto: a)
            Issue.record("a commit on a stale base went through")
        } catch let error as GitError {
            #expect(error.isConcurrentUpdate, "\(error)")
        }
        #expect(try r.git(["log", "--format=%s"]).1 == "b\na\n")
        #expect(!FileManager.default.fileExists(atPath: r.path + "/c.txt"))
        #expect(try r.git(["status", "--porcelain"]).1.isEmpty)
    }

    @Test func discoverFindsTheRepositoryFromASubfolder() throws {
        let r = try TempRepo()
        try r.repo.commit([FileChange(path: "x/y/z.txt", content: Data("z\n".utf8))], author: li, committer: li, message: "z")
        let found = try Repository.discover(from: r.path + "/x/y")
        #expect(try found.head() == r.repo.head())
        #expect(throws: GitError.self) { try Repository.discover(from: "/") }
        try r.repo.setConfig("casebook.desk", "K3F")
        #expect(r.repo.config("casebook.desk") == "K3F")
    }
}
