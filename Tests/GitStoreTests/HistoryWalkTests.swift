import Foundation
@testable import GitStore
import Testing

/// The walk that builds the history index: cut in parts walked side by side, it gives what one
/// walk gives; what it reads from a commit's bytes is what the commit read as a `String` gives.
@Suite struct HistoryWalkTests {
    /// A signature that is only text: enough for the commit to carry a `gpgsig` header.
    struct FakeSigner: CommitSigner {
        func sign(_ content: String) throws -> String { "-----BEGIN SSH SIGNATURE-----\nU1NIU0lH\n-----END SSH SIGNATURE-----\n" }
    }

    func change(_ r: TempRepo, _ changes: [(String, String)], removing: [String] = [], _ message: String = "step\n\nAction: note\n",
                signed: Bool = false) throws -> OID {
        try r.repo.commit(changes.map { FileChange(path: $0.0, content: Data($0.1.utf8)) }, removing: removing, author: li, committer: li,
                          message: message, signer: signed ? FakeSigner() : nil)
    }

    /// A history with what a walk meets: signed and unsigned commits, messages without the
    /// trailer or with it twice, two files in one commit, a file moved, a commit outside the
    /// folder, a merge of a side branch made with stock git.
    func history() throws -> TempRepo {
        let r = try TempRepo()
        let a = "records/cases/2026/11/01/A.json", b = "records/cases/2026/11/01/B.json", c = "records/cases/2026/11/02/C.json"
        _ = try change(r, [(a, "1")], signed: true)
        _ = try change(r, [(b, "1"), (c, "1")], "two\n\nAction: open\n")
        _ = try change(r, [("records/staff.json", "[]")], "staff\n")
        let base = try change(r, [(a, "2")], "a\n\nAction: note\nAction: close\n", signed: true)
        _ = try change(r, [("records/cases/2026/12/01/A.json", "2")], removing: [a], "move\n\nAction: migrate\n")
        #expect(try r.git(["branch", "side", base.hex]).0 == 0)
        #expect(try r.git(["checkout", "-q", "side"]).0 == 0)
        try FileManager.default.createDirectory(atPath: r.path + "/records/cases/2026/11/03", withIntermediateDirectories: true)
        try "x".write(toFile: r.path + "/records/cases/2026/11/03/D.json", atomically: true, encoding: .utf8)
        #expect(try r.git(["add", "."]).0 == 0)
        #expect(try r.git(["-c", "user.name=x\tx", "-c", "user.email=x@x", "commit", "-q", "-m", "D\r\n\r\nAction: crlf\r\n"]).0 == 0)
        #expect(try r.git(["checkout", "-q", "main"]).0 == 0 || r.git(["checkout", "-q", "master"]).0 == 0)
        _ = try change(r, [(b, "2")], "b\n\nAction: revisit\n", signed: true)
        #expect(try r.git(["-c", "user.name=x", "-c", "user.email=x@x", "merge", "-q", "--no-edit", "side"]).0 == 0)
        for n in 3...8 { _ = try change(r, [(c, "\(n)")], "c\n\nAction: note \(n)\n", signed: n % 2 == 0) }
        return r
    }

    func index(_ r: TempRepo, parts: Int) throws -> HistoryIndex {
        var index = HistoryIndex(prefix: "records/cases/")
        let head = try #require(try r.repo.head())
        try index.extend(in: r.repo, to: head, parts: parts)
        return index
    }

    @Test func aWalkInPartsGivesWhatOneWalkGives() throws {
        let r = try history()
        let one = try index(r, parts: 1)
        #expect(one.commits.count == 14)
        let tip = try #require(one.tip)
        for parts in [2, 3, 5, 14] {
            let split = try index(r, parts: parts)
            #expect(split.commits == one.commits, "\(parts) parts")
            #expect(split.byPath == one.byPath, "\(parts) parts")
            #expect(HistoryFile.frame(split, from: 0, tip: tip) == HistoryFile.frame(one, from: 0, tip: tip), "\(parts) parts")
        }
        #expect(one.commits(touching: "records/cases/2026/12/01/A.json").map(\.action) == ["note", "close", "migrate"])
        #expect(one.commits(touching: "records/cases/2026/11/03/D.json").map(\.isMerge) == [false, true])
    }

    /// A whole history read once is in the revwalk's order, also where merges make many orders
    /// possible: a criss-cross, an octopus, a branch merged twice, a merge whose first parent is the side.
    /// Commits that change cases of many days in turn, so that the walk's reader finds a day's
    /// folder among the trees it kept from earlier commits, or has freed it and reads it again:
    /// whatever it keeps, each commit's changes are those a reader that keeps nothing finds.
    @Test func treesKeptFromEarlierCommitsGiveTheSameChanges() throws {
        let r = try TempRepo()
        var steps: [(day: Int, file: Int)] = (0..<60).map { n in ((n * 7 + n / 5) % 9 + 1, n % 3 + 1) }
        steps += [(1, 1), (2, 1), (1, 1), (2, 2), (1, 3)]
        for (n, step) in steps.enumerated() {
            let path = String(format: "records/cases/2026/11/%02d/C%d.json", step.day, step.file)
            _ = try change(r, n % 7 == 3 ? [(path, "\(n)"), ("records/staff.json", "\(n)")] : [(path, "\(n)")])
        }
        let head = try #require(try r.repo.head())
        let commits = try r.repo.walkedCommits(to: head)
        let plain = try TreeReader(r.repo)
        var expected: [[FileDelta]] = []
        for (_, c) in commits {
            expected.append(try plain.changes(from: c.parents.first.map { try r.repo.treeID(of: $0) }, to: c.tree, under: "records/cases/"))
        }
        #expect(expected.allSatisfy { $0.count == 1 })
        for limit in [1, 2, 3, 5, 1024] {
            let reader = try TreeReader(r.repo, keepsLastCommit: true, keptLimit: limit)
            var got: [[FileDelta]] = []
            for (_, c) in commits {
                reader.nextCommit()
                got.append(try reader.changes(from: c.parents.first.map { try r.repo.treeID(of: $0) }, to: c.tree, under: "records/cases/"))
            }
            #expect(got == expected, "kept at most \(limit)")
        }
    }

    /// Trees are compared on their bytes in git's order, where a folder's name sorts as if it
    /// ended in `/`: names that are prefixes of each other, as folders and as files, changed,
    /// added and removed, give the files stock git's diff names.
    @Test func treesComparedOnTheirBytesGiveWhatGitsDiffGives() throws {
        let r = try TempRepo()
        let names = ["x", "x.json", "x-1", "x0", "x/y", "x.json/z", "y", "é", "e"]
        func files(_ round: Int) -> [(String, String)] {
            [("d/x/a", "\(round % 2)"), ("d/x-1/b", "\(round)"), ("d/x0", "\(round % 3)"), ("d/é", "\(round)"),
             ("d/x.json-2/c", "1"), ("d/y\(round % 2)/f", "2"), ("d/e\(round)", "1")]
                + (round % 2 == 0 ? [("d/x.json", "1"), ("d/x!", "1")] : [("d/x.json0/g", "1"), ("d/x/b", "1")])
                + names.enumerated().filter { ($0.offset + round) % 3 != 0 }.map { ("n/" + $0.element + "/f", "\(round % 2)") }
        }
        var commits: [OID] = []
        var previous: [String] = []
        for round in 0..<6 {
            let now = files(round)
            commits.append(try change(r, now, removing: previous.filter { p in !now.contains { $0.0 == p } }))
            previous = now.map(\.0)
        }
        let reader = try TreeReader(r.repo)
        for (old, new) in zip(commits, commits.dropFirst()) {
            var out: [FileDelta] = []
            try reader.compare(try r.repo.treeID(of: old), try r.repo.treeID(of: new), prefix: "", into: &out)
            let (status, text) = try r.git(["-c", "core.quotePath=false", "diff", "--no-renames", "--name-only", old.hex, new.hex])
            #expect(status == 0)
            #expect(out.map(\.path) == text.split(separator: "\n").map(String.init), "\(old.short)..\(new.short)")
        }
    }

    @Test func aWholeHistoryReadOnceIsInTheRevwalksOrder() throws {
        let r = try history()
        func git(_ args: String...) throws { #expect(try r.git(["-c", "user.name=x", "-c", "user.email=x@x"] + args).0 == 0, "\(args)") }
        func empty(_ m: String) throws { try git("commit", "-q", "--allow-empty", "-m", m) }
        let main = try r.git(["rev-parse", "--abbrev-ref", "HEAD"]).1.trimmingCharacters(in: .whitespacesAndNewlines)
        for b in ["p", "q", "s"] { try git("branch", b) }
        try empty("m1")
        for b in ["p", "q", "s"] { try git("checkout", "-q", b); try empty("\(b)1"); try empty("\(b)2") }
        try git("checkout", "-q", "p"); try git("merge", "-q", "--no-edit", "q")
        try git("checkout", "-q", "q"); try git("merge", "-q", "--no-edit", "p~1")
        try git("checkout", "-q", main); try git("merge", "-q", "--no-edit", "p", "q", "s")
        try empty("m2")
        try git("checkout", "-q", "s"); try empty("s3"); try git("merge", "-q", "--no-edit", main)
        try git("checkout", "-q", main); try git("merge", "-q", "--no-edit", "--no-ff", "s")
        let head = try #require(try r.repo.head())
        let read = try r.repo.walkedCommits(to: head)
        #expect(read.count > 25)
        #expect(read.map(\.id) == (try r.repo.commits(from: nil, to: head)))
        for (id, c) in read { #expect(c.parents == (try r.repo.parents(of: id))) }
        #expect(try index(r, parts: 1).commits.map(\.id) == read.map(\.id))
    }

    @Test func aWalkedCommitIsTheCommitAsReadWhole() throws {
        let r = try history()
        let one = try index(r, parts: 1)
        #expect(one.commits.contains { $0.isSigned } && one.commits.contains { !$0.isSigned })
        for c in one.commits {
            let whole = try r.repo.commit(c.id)
            #expect(c.author == whole.author)
            #expect(c.isSigned == whole.isSigned, "\(c.id)")
            #expect(c.action == whole.trailer("Action"), "\(c.id)")
        }
    }

    @Test func aTrailerReadOnBytesIsTheTrailerReadAsAString() {
        let messages = [
            "", "\n", "step", "step\n\nAction: note\n", "step\n\nAction: note", "Action: first line\n", "a\nAction: one\nAction: two\n\n\n",
            "a\nAction:no space\n", "a\nAction: \n", "a\nAction: 回访\n", "a\r\nAction: crlf\r\n", "a\r\n\r\nAction: crlf", "a\rAction: cr\n",
            "a\nAction: \u{301}combining\n", "a\nAction: x\nAction: \u{301}y\n", "a\nAction: é\n", "a\nAction: tab\there\n", "a\n Action: indented\n",
            "a\nAction: \u{1F600}\n", "a\nAction: \r\nb\n",
        ]
        for message in messages {
            let bytes = message.withCString { CommitText.trailer("Action", in: $0) }
            #expect(bytes == CommitInfo.trailer("Action", in: message), "\(message.debugDescription)")
        }
    }

    @Test func aHeaderFieldIsFoundAsLibgit2FindsIt() {
        let cases: [(String, Bool)] = [
            ("tree 1\nauthor a <a> 1 +0800\ncommitter a <a> 1 +0800\ngpgsig -----BEGIN\n xyz\n -----END\n", true),
            ("tree 1\nauthor a <a> 1 +0800\ncommitter a <a> 1 +0800\n", false),
            ("gpgsig x\n", true), ("tree 1\ngpgsig\n", false), ("tree 1\ngpgsigx y\n", false), ("tree 1\n gpgsig y\n", false),
            ("tree 1\ngpgsig y", false), ("", false),
        ]
        for (header, has) in cases {
            #expect(header.withCString { CommitText.hasHeaderField("gpgsig", in: $0) } == has, "\(header.debugDescription)")
        }
    }
}
