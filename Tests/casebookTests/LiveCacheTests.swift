import Foundation
import GitStore
import Testing

/// The live cache (`.git/casebook/live`: the summaries of the open cases by the commit they were
/// taken at, and the days with nothing to draw) is a cache: `list --open/--overdue/--status`,
/// `today` and `sweep` say the same with it warm, cold, stale (from before a state change, a new
/// case, a case closed, a case reopened) and damaged every way (truncated, bad checksum, another
/// build, a commit the repository does not have, a tree that is not the commit's), at two times
/// between which cases become overdue, and the file is whole again afterwards.
@Suite(.serialized) struct LiveCacheTests {
    static func livePath(_ box: Sandbox) -> String { box.repo + "/.git/casebook/live" }

    static let early = "2026-11-22T09:40:00+08:00", late = "2026-11-24T12:00:00+08:00"

    /// What the commands that read the live cases print, each run right after `prepare`; `sweep`
    /// in a copy of the repository (its output, its commits and the tree it left).
    static func outputs(_ box: Sandbox, _ prepare: () throws -> Void) throws -> [String: String] {
        var out: [String: String] = [:]
        let commands: [[String]] = [
            ["list", "--overdue"], ["list", "--open"], ["list", "--open", "--json"], ["list", "--status", "resolved"],
            ["list", "--status", "closed"], ["today", "--as", "li.na"], ["today", "--as", "zhou.jl", "--json"], ["today", "--as", "chen.jie"],
        ]
        for now in [early, late] {
            for args in commands {
                try prepare()
                let o = try box.cb(args, now: now)
                #expect(o.status == 0, "casebook \(args.joined(separator: " ")): \(o.stderr)")
                out[now + " " + args.joined(separator: " ")] = o.stdout
            }
            try prepare()
            let copy = box.root.appendingPathComponent("sweep-copy").path
            try? FileManager.default.removeItem(atPath: copy)
            try FileManager.default.copyItem(atPath: box.repo, toPath: copy)
            defer { try? FileManager.default.removeItem(atPath: copy) }
            let before = try box.run("git", ["rev-parse", "HEAD"], in: copy).stdout
            let sweep = try box.run(Sandbox.binary, ["sweep", "--repo", copy], in: copy, env: ["CASEBOOK_NOW": now])
            #expect(sweep.status == 0, "\(sweep.stderr)")
            out[now + " sweep"] = sweep.stdout
            out[now + " sweep commits"] = try box.run("git", ["log", "--format=%H %an %ad%n%B", "\(before.trimmingCharacters(in: .newlines))..HEAD"], in: copy).stdout
            // A second sweep at the same time: nothing to do, and it reads no summary.
            let again = try box.run(Sandbox.binary, ["sweep", "--repo", copy], in: copy, env: ["CASEBOOK_NOW": now, "CASEBOOK_SUMMARY_STATS": "1"])
            #expect(again.status == 0 && again.stderr.contains(": 0 steps"), "\(again.stderr)")
            #expect(!again.stderr.contains("summaries:"), "a sweep with nothing to do read the summaries: \(again.stderr)")
        }
        return out
    }

    static func same(_ a: [String: String], _ b: [String: String], _ label: String) {
        #expect(a.keys.sorted() == b.keys.sorted(), "\(label): different outputs")
        let differing = a.keys.sorted().filter { a[$0] != b[$0] }
        #expect(differing.isEmpty, "\(label): \(differing.prefix(5).joined(separator: ", ")) differ")
    }

    /// `file` with the first `old` of its body replaced by `new` (same length) and its checksum
    /// made again (the checksum every cache file under .git/casebook is sealed with): a whole file
    /// of this build saying something else.
    static func forged(_ file: Data, replacing old: String, with new: String) -> Data {
        var bytes = [UInt8](file)
        let newlines = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }
        let bodyStart = newlines[1] + 1 + 8
        var body = Array(bytes[bodyStart...])
        let o = Array(old.utf8), n = Array(new.utf8)
        if let at = (0...(body.count - o.count)).first(where: { body[$0..<$0 + o.count].elementsEqual(o) }) {
            body.replaceSubrange(at..<at + o.count, with: n)
        }
        var sum = body.withUnsafeBytes { Checksum.of($0) }.littleEndian
        withUnsafeBytes(of: &sum) { bytes.replaceSubrange(bodyStart - 8..<bodyStart, with: $0) }
        bytes.replaceSubrange(bodyStart..., with: body)
        return Data(bytes)
    }

    @Test func listTodayAndSweepSayTheSameWithTheLiveCacheWarmColdStaleOrDamaged() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try SummaryCacheTests.simulated(box)
        let live = LiveCacheTests.livePath(box), summaries = SummaryCacheTests.cachePath(box)
        let fm = FileManager.default
        func cold() { try? fm.removeItem(atPath: live); try? fm.removeItem(atPath: summaries) }
        func signed(_ who: String) -> [String: String] { ["CASEBOOK_SIGNING_KEY": box.repo + "/.git/casebook/keys/" + who] }
        func head() throws -> String { try box.git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines) }

        /// Every state of the cache at this commit gives the cold outputs; `stale` is a file kept at an earlier commit.
        func check(_ label: String, stale: Data?) throws -> [String: String] {
            let expected = try LiveCacheTests.outputs(box, cold)
            cold()
            let stats = try box.cb(["list", "--open"], env: ["CASEBOOK_SUMMARY_STATS": "1"])
            #expect(stats.stderr.contains("summaries:"), "\(label): a cold live cache is made from the summaries: \(stats.stderr)")
            let good = try Data(contentsOf: URL(fileURLWithPath: live))
            let warm = try box.cb(["list", "--open"], env: ["CASEBOOK_SUMMARY_STATS": "1"])
            #expect(warm.stderr.contains(", 0 read") && !warm.stderr.contains("summaries:"), "\(label): warm: \(warm.stderr)")
            LiveCacheTests.same(expected, try LiveCacheTests.outputs(box, {}), label + ", warm")
            // The frame forged here is the binary's: the same content with the checksum made again is used as it is.
            let commit = try head()
            try LiveCacheTests.forged(good, replacing: commit, with: commit).write(to: URL(fileURLWithPath: live))
            let same = try box.cb(["list", "--open"], env: ["CASEBOOK_SUMMARY_STATS": "1"])
            #expect(!same.stderr.contains("summaries:"), "\(label): a re-sealed file was not taken: \(same.stderr)")
            var flipped = [UInt8](good)
            flipped[flipped.count - 20] ^= 0x20
            var otherBuild = [UInt8](good)
            let k = (otherBuild.firstIndex(of: UInt8(ascii: "\n")) ?? 0) + 7
            otherBuild[k] = otherBuild[k] == UInt8(ascii: "1") ? UInt8(ascii: "2") : UInt8(ascii: "1")
            let root = try box.git(["rev-list", "--max-parents=0", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
            let tree = try box.git(["rev-parse", "HEAD:records/cases"]).trimmingCharacters(in: .whitespacesAndNewlines)
            let otherTree = try box.git(["rev-parse", "HEAD~3^{tree}"]).trimmingCharacters(in: .whitespacesAndNewlines)
            var damaged: [(String, Data)] = [
                ("empty", Data()),
                ("truncated", good.prefix(good.count / 2)),
                ("bad checksum", Data(flipped)),
                ("another build", Data(otherBuild)),
                ("a commit not in the repository", LiveCacheTests.forged(good, replacing: commit, with: String(repeating: "0", count: 39) + "1")),
                ("another commit, the tree of this one", LiveCacheTests.forged(good, replacing: commit, with: root)),
                ("a tree that is not the commit's", LiveCacheTests.forged(good, replacing: tree, with: otherTree)),
            ]
            if let stale { damaged.append(("stale, from an earlier commit", stale)) }
            for (what, bytes) in damaged {
                #expect(bytes != good, "\(label): \(what)")
                // A damaged file is refused before anything is read from it (the file written again
                // equals a cold run's, below), so one command tells; a stale one is brought up to
                // date through the tree diff, the path every command takes, so all of them are compared.
                if what.hasPrefix("stale") {
                    LiveCacheTests.same(expected, try LiveCacheTests.outputs(box) { try bytes.write(to: URL(fileURLWithPath: live)) }, label + ", " + what)
                }
                try bytes.write(to: URL(fileURLWithPath: live))
                #expect(try box.cb(["list", "--open"]).stdout == expected[LiveCacheTests.early + " list --open"], "\(label): \(what)")
                let fresh = try Data(contentsOf: URL(fileURLWithPath: live))
                #expect(fresh == good || what.hasPrefix("stale"), "\(label): \(what): not written again as a cold run writes it")
            }
            return expected
        }

        let start = try check("simulated", stale: nil)
        #expect(start[LiveCacheTests.early + " list --open"]?.isEmpty == false)
        #expect(start[LiveCacheTests.early + " sweep"]?.isEmpty == false, "the fixture has steps to sweep")
        var kept = try Data(contentsOf: URL(fileURLWithPath: live))

        // A new case, open at the early time: overdue by the late one (its standing changes between the two).
        let id = try box.ok(["open", "--as", "li.na", "--kind", "complaint", "--severity", "minor", "--channel", "phone",
                             "--reporter", "孙女士", "--phone", "13522223333", "--summary", "工地夜间施工噪音"],
                            now: "2026-11-22T09:00:00+08:00", env: signed("li.na"))
        let opened = try check("a new case", stale: kept)
        #expect(opened[LiveCacheTests.early + " list --open"]?.contains(id) == true)
        #expect(opened[LiveCacheTests.early + " list --overdue"]?.contains(id) == false)
        #expect(opened[LiveCacheTests.late + " list --overdue"]?.contains(id) == true, "the new case is overdue later")
        kept = try Data(contentsOf: URL(fileURLWithPath: live))

        // A state change, then the case leaves the live set (referred and closed), then comes back (reopened).
        try box.ok(["refer", id, "--to", "区城市管理局", "--as", "li.na"], now: "2026-11-22T09:10:00+08:00", env: signed("li.na"))
        let referred = try check("a state change", stale: kept)
        kept = try Data(contentsOf: URL(fileURLWithPath: live))
        try box.ok(["close", id, "--as", "chen.jie"], now: "2026-11-22T09:20:00+08:00", env: signed("chen.jie"))
        let closed = try check("a case closed", stale: kept)
        #expect(closed[LiveCacheTests.early + " list --open"]?.contains(id) == false)
        #expect(closed[LiveCacheTests.early + " list --status closed"]?.contains(id) == true)
        kept = try Data(contentsOf: URL(fileURLWithPath: live))
        try box.ok(["reopen", id, "--reason", "业主反映仍未处理", "--as", "chen.jie"], now: "2026-11-22T09:30:00+08:00", env: signed("chen.jie"))
        let reopened = try check("a case reopened", stale: kept)
        #expect(reopened[LiveCacheTests.early + " list --open"]?.contains(id) == true)
        #expect(referred != closed && closed != reopened)
    }
}
