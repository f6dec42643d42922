import Foundation
import GitStore
import Testing

/// Objects written into memory and out as packs (`simulate`): what a repository written so holds is
/// what one written loose holds, every object in a pack, and stock git finds nothing wrong.
@Suite struct PackingTests {
    /// Commits on the branch (in day folders, some files changed again), a tag, and a commit on
    /// another reference; returns the branch's tip and the tag's id.
    func history(_ r: TempRepo) throws -> (OID, OID) {
        var tip: OID?
        for n in 0..<9 {
            let path = "records/cases/2026/11/\(10 + n % 4)/C-\(n % 5).json"
            r.repo.defersWorkTree = true
            tip = try r.repo.commit([FileChange(path: path, content: Data("{\"n\":\(n)}\n".utf8))],
                                    author: li, committer: li, message: "step \(n)\n\nAction: note\n")
        }
        let tag = try r.repo.createTag("archive/2026-11", on: tip!, tagger: li, message: "November\n", signer: nil)
        _ = try r.repo.commit([FileChange(path: "outbox.json", content: Data("[]".utf8))], onRef: "refs/casebook/notify",
                              parent: nil, author: li, committer: li, message: "notify\n")
        r.repo.defersWorkTree = false
        try r.repo.checkoutHead()
        return (tip!, tag)
    }

    func loose(_ r: TempRepo) throws -> Int {
        let counts = try r.git(["count-objects", "-v"]).1
        return Int(counts.split(separator: "\n").first { $0.hasPrefix("count: ") }?.dropFirst(7) ?? "") ?? -1
    }

    @Test func packedHistoryIsTheLooseOneInPacks() throws {
        let plain = try TempRepo()
        let (plainTip, plainTag) = try history(plain)

        let packed = try TempRepo()
        try packed.repo.packObjects(every: 4)
        let (tip, tag) = try history(packed)
        try packed.repo.writePack()

        // The same commits, tag and tree, whether the objects went loose or into packs.
        #expect(tip == plainTip)
        #expect(tag == plainTag)
        #expect(try packed.git(["rev-parse", "refs/casebook/notify"]).1 == (try plain.git(["rev-parse", "refs/casebook/notify"]).1))
        // Nothing loose; more than one pack (a pack every 4 commits, then the rest).
        #expect(try loose(plain) > 30)
        #expect(try loose(packed) == 0)
        let packs = try FileManager.default.contentsOfDirectory(atPath: packed.path + "/.git/objects/pack").filter { $0.hasSuffix(".pack") }
        #expect(packs.count >= 3, "\(packs)")
        // Stock git reads every object and finds nothing missing or dangling, and the work tree is HEAD.
        let fsck = try packed.git(["fsck", "--strict", "--no-progress"])
        #expect(fsck.0 == 0)
        #expect(fsck.1.isEmpty, "\(fsck.1)")
        #expect(try packed.git(["status", "--porcelain"]).1.isEmpty)
        #expect(try packed.git(["cat-file", "-t", "archive/2026-11"]).1 == "tag\n")
        // A new process (another Repository) reads what the first wrote.
        let again = try Repository.open(packed.path)
        #expect(try again.read("records/cases/2026/11/10/C-3.json") == Data("{\"n\":8}\n".utf8))
    }

    @Test func aRepositoryFreedWithObjectsInMemoryWritesThem() throws {
        let r = try TempRepo()
        func commitAndFree() throws -> OID {
            let repo = try Repository.open(r.path)
            try repo.packObjects(every: 1000)
            return try repo.commit([FileChange(path: "a.json", content: Data("1".utf8))], author: li, committer: li, message: "a\n")
        }
        let tip = try commitAndFree()
        #expect(try r.git(["rev-parse", "HEAD"]).1 == tip.hex + "\n")
        #expect(try r.git(["fsck", "--strict", "--no-progress"]).0 == 0)
        #expect(try loose(r) == 0)
    }
}
