import Foundation
import Testing

/// `check --range` recomputes a daily draw and a review sign-off from the case summaries kept by
/// blob id (`.git/casebook/summaries`), and `verify`, `check` and the site keep signature verdicts
/// by commit and judge (`.git/casebook/signatures`). Both are caches: the verdicts and outputs are
/// the same with them warm, cold and damaged, and a verdict is reached anew when the keys it was
/// judged against change.
@Suite(.serialized) struct CheckRangeCacheTests {
    /// A commit on top of `parent` with the record at `path` of `like` edited by `edit`, authored
    /// and dated as `like` (stock git's plumbing, no hook): a hand-made record to be checked.
    static func forge(_ box: Sandbox, like commit: String, path: String, edit: (inout [String: Any]) -> Void) throws -> String {
        func line(_ s: String) -> String { s.trimmingCharacters(in: .whitespacesAndNewlines) }
        var record = try #require(try JSONSerialization.jsonObject(with: Data(try box.git(["show", "\(commit):\(path)"]).utf8)) as? [String: Any])
        edit(&record)
        let file = box.root.appendingPathComponent("forged.json")
        try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]).write(to: file)
        let blob = line(try box.git(["hash-object", "-w", file.path]))
        let index = box.root.appendingPathComponent("forged-index").path
        try? FileManager.default.removeItem(atPath: index)
        try box.git(["read-tree", "\(commit)^"], env: ["GIT_INDEX_FILE": index])
        try box.git(["update-index", "--add", "--cacheinfo", "100644,\(blob),\(path)"], env: ["GIT_INDEX_FILE": index])
        let tree = line(try box.git(["write-tree"], env: ["GIT_INDEX_FILE": index]))
        let who = try box.git(["log", "-1", "--format=%an%n%ae%n%ad", "--date=raw", commit]).split(separator: "\n").map(String.init)
        let env = ["GIT_AUTHOR_NAME": who[0], "GIT_AUTHOR_EMAIL": who[1], "GIT_AUTHOR_DATE": who[2],
                   "GIT_COMMITTER_NAME": who[0], "GIT_COMMITTER_EMAIL": who[1], "GIT_COMMITTER_DATE": who[2]]
        return line(try box.git(["commit-tree", tree, "-p", "\(commit)^", "-m", "forged"], env: env))
    }

    static func damagedVersions(of good: Data) -> [(String, Data)] {
        var flipped = [UInt8](good)
        flipped[flipped.count / 2] ^= 0x20
        var rng = SystemRandomNumberGenerator()
        return [
            ("empty", Data()),
            ("truncated", good.prefix(good.count / 2)),
            ("one flipped byte", Data(flipped)),
            ("random bytes", Data((0..<good.count).map { _ in UInt8.random(in: 0...255, using: &rng) })),
            ("another format", Data("casebook-other 1\n".utf8) + good.dropFirst(17)),
            ("one more byte", good + Data([0])),
        ]
    }

    @Test func aSignOffAndADailyDrawAreJudgedAlikeWithTheSummaryCacheWarmColdOrDamaged() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try SummaryCacheTests.simulated(box)
        func last(_ path: String) throws -> String {
            try box.git(["log", "-1", "--format=%H", "--", path]).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let draw = try last("records/samples/2026-10")
        let drawPath = try box.git(["diff-tree", "--no-commit-id", "--name-only", "-r", draw]).trimmingCharacters(in: .whitespacesAndNewlines)
        let review = try last("records/reviews/daily")
        let reviewPath = try box.git(["diff-tree", "--no-commit-id", "--name-only", "-r", review]).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!draw.isEmpty && !review.isEmpty, "the simulated month has daily draws and daily reviews")
        // Hand-made: the draw with a case left out of its population, the review with a case left out.
        let badDraw = try CheckRangeCacheTests.forge(box, like: draw, path: drawPath) { record in
            var revisits = record["revisits"] as? [String: Any] ?? [:]
            revisits["population"] = Array((revisits["population"] as? [Any] ?? []).dropFirst())
            record["revisits"] = revisits
        }
        let badReview = try CheckRangeCacheTests.forge(box, like: review, path: reviewPath) { record in
            record["cases"] = Array((record["cases"] as? [Any] ?? []).dropFirst())
        }
        let ranges = ["\(draw)^..\(draw)", "\(review)^..\(review)", "\(draw)^..\(badDraw)", "\(review)^..\(badReview)", "HEAD~120..HEAD"]
        let cache = SummaryCacheTests.cachePath(box)
        func outputs(_ prepare: () throws -> Void) throws -> [String: String] {
            var out: [String: String] = [:]
            for range in ranges {
                try prepare()
                let o = try box.cb(["check", "--range", range, "--as-recorded"])
                out[range] = "\(o.status)\n\(o.stdout)\n\(o.stderr)"
            }
            return out
        }
        let cold = try outputs { try? FileManager.default.removeItem(atPath: cache) }
        #expect(cold["\(draw)^..\(draw)"] == "0\n\n", "\(cold)")
        #expect(cold["\(review)^..\(review)"] == "0\n\n", "\(cold)")
        #expect(cold["HEAD~120..HEAD"] == "0\n\n", "\(cold)")
        #expect(cold["\(draw)^..\(badDraw)"]?.hasPrefix("1\n") == true && cold["\(draw)^..\(badDraw)"]?.contains("[rule sample-reproducible;") == true, "\(cold)")
        #expect(cold["\(review)^..\(badReview)"]?.hasPrefix("1\n") == true && cold["\(review)^..\(badReview)"]?.contains("[rule review-coverage;") == true, "\(cold)")

        // Warm: the cache as the last command left it, and as `list` writes it at HEAD from none
        // (the cases at HEAD only: `list` over a kept file appends what it lacks and keeps the rest).
        SummaryCacheTests.same(cold, try outputs {}, "warm")
        try FileManager.default.removeItem(atPath: cache)
        try box.ok(["list"])
        let good = try Data(contentsOf: URL(fileURLWithPath: cache))
        SummaryCacheTests.same(cold, try outputs { try good.write(to: URL(fileURLWithPath: cache)) }, "written at HEAD")
        for (label, bytes) in CheckRangeCacheTests.damagedVersions(of: good) {
            SummaryCacheTests.same(cold, try outputs { try bytes.write(to: URL(fileURLWithPath: cache)) }, label)
        }

        // The same range judged again (a push retried, an auditor's re-check) decodes nothing: the
        // versions its draws and sign-offs read at their own commits were kept with the last one's.
        let stats = ["CASEBOOK_SUMMARY_STATS": "1"]
        try good.write(to: URL(fileURLWithPath: cache))
        let first = try box.cb(["check", "--range", "HEAD~120..HEAD", "--as-recorded"], env: stats)
        let again = try box.cb(["check", "--range", "HEAD~120..HEAD", "--as-recorded"], env: stats)
        #expect(first.status == 0 && again.status == 0)
        #expect(!first.stderr.contains("summaries: 0 decoded") && first.stderr.contains(" decoded"), "\(first.stderr)")
        #expect(again.stderr.contains("summaries: 0 decoded"), "\(again.stderr)")
        // A push judged after the push before it decodes nothing either: the versions its steps
        // bring are the hook's own decodes of each step, and the push before kept the versions
        // its steps left (those changed after its last draw too).
        try good.write(to: URL(fileURLWithPath: cache))
        let alone = try box.cb(["check", "--range", "HEAD~60..HEAD", "--as-recorded"], env: stats)
        #expect(alone.status == 0 && !alone.stderr.contains("summaries: 0 decoded"), "\(alone.stderr)")
        try good.write(to: URL(fileURLWithPath: cache))
        #expect(try box.cb(["check", "--range", "HEAD~120..HEAD~60", "--as-recorded"]).status == 0)
        let next = try box.cb(["check", "--range", "HEAD~60..HEAD", "--as-recorded"], env: stats)
        #expect(next.status == 0 && next.stderr.contains("summaries: 0 decoded"), "\(next.stderr)")

        // And a command that reads the cases at HEAD still gets them right from that file.
        let fromKept = try box.ok(["list"])
        try FileManager.default.removeItem(atPath: cache)
        #expect(fromKept == (try box.ok(["list"])))
    }

    @Test func signatureVerdictsAreTheSameWarmColdOrDamagedAndJudgedAnewWhenAKeyChanges() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let sim = try box.run(Sandbox.binary, ["simulate", "--out", box.repo, "--months", "1", "--seed", "7", "--cases-per-day", "2", "--start", "2026-10"])
        #expect(sim.status == 0, "\(sim.stderr)")
        let cache = box.repo + "/.git/casebook/signatures"
        let stats = ["CASEBOOK_SIGNATURE_STATS": "1"]
        func outputs(_ prepare: () throws -> Void) throws -> [String: String] {
            var out: [String: String] = [:]
            try prepare()
            let verify = try box.cb(["verify"])
            out["verify"] = "\(verify.status)\n\(verify.stdout)"
            try prepare()
            let check = try box.cb(["check", "--range", "HEAD~60..HEAD", "--as-recorded"])
            out["check"] = "\(check.status)\n\(check.stdout)\n\(check.stderr)"
            try prepare()
            let site = box.root.appendingPathComponent("site-out")
            try? FileManager.default.removeItem(at: site)
            defer { try? FileManager.default.removeItem(at: site) }
            let s = try box.cb(["site", "--out", site.path])
            out["site"] = "\(s.status)\n\(s.stdout)"
            for path in FileManager.default.enumerator(atPath: site.path)?.compactMap({ $0 as? String }).sorted() ?? [] {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: site.path + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                // The stamps name this folder's files (inodes, times): another folder's are others.
                if path == ".casebook-records/stamps" { continue }
                out["site/" + path] = try Data(contentsOf: site.appendingPathComponent(path)).base64EncodedString()
            }
            return out
        }
        let cold = try outputs { try? FileManager.default.removeItem(atPath: cache) }
        #expect(cold["verify"]?.hasPrefix("0\n") == true && cold["verify"]?.contains(" good ") == true, "\(cold["verify"] ?? "")")
        #expect(cold["check"] == "0\n\n", "\(cold["check"] ?? "")")

        // Warm: after one run, every verdict kept, none verified again.
        _ = try box.cb(["verify"])
        let warmRun = try box.cb(["verify"], env: stats)
        #expect(warmRun.stderr.contains("signatures: ") && warmRun.stderr.contains(" kept, 0 verified"), "\(warmRun.stderr)")
        let good = try Data(contentsOf: URL(fileURLWithPath: cache))
        SummaryCacheTests.same(cold, try outputs {}, "warm")
        for (label, bytes) in CheckRangeCacheTests.damagedVersions(of: good) {
            SummaryCacheTests.same(cold, try outputs { try bytes.write(to: URL(fileURLWithPath: cache)) }, label)
        }
        // Kept under the verifier's version, not casebook's build (an upgrade keeps them): the
        // header names the version, and verdicts of another version are not believed.
        let lines = String(decoding: good.prefix(64), as: UTF8.self).split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
        try #require(lines.count == 3 && lines[0] == "casebook-signatures 1" && lines[1].hasPrefix("verifier "), "\(lines.prefix(2))")
        let header = lines[0].utf8.count + 1 + lines[1].utf8.count + 1
        let otherVersion = Data("casebook-signatures 1\n\(lines[1])9\n".utf8) + good.dropFirst(header)
        try otherVersion.write(to: URL(fileURLWithPath: cache))
        let anew = try box.cb(["verify"], env: stats)
        #expect(anew.stderr.contains("signatures: 0 kept, ") && !anew.stderr.contains(" 0 verified"), "\(anew.stderr)")

        // A rebuild after one step looks for the few verdicts it needs by a scan of the file, not
        // a decode of all of them; writing the step's verdict, it keeps every other.
        let kept = box.root.appendingPathComponent("site-kept").path
        _ = try box.cb(["verify"])  // every commit's verdict in the file (the last damaged copy left only the site's)
        #expect(try box.cb(["site", "--out", kept]).status == 0)
        let open = try box.ok(["list", "--open"]).split(separator: "\n").first.map { String($0.split(separator: "\t")[0]) } ?? ""
        try box.ok(["note", open, "已电话联系业主", "--as", "li.na"], env: ["CASEBOOK_SIGNING_KEY": box.repo + "/.git/casebook/keys/li.na"])
        let rebuilt = try box.cb(["site", "--out", kept], env: stats)
        #expect(rebuilt.status == 0 && rebuilt.stderr.contains("signatures: ") && !rebuilt.stderr.contains("signatures: 0 kept")
                && rebuilt.stderr.contains(" kept, 1 verified"), "\(rebuilt.stderr)")
        let afterStep = try box.cb(["verify"], env: stats)
        #expect(afterStep.stderr.contains(" kept, 0 verified"), "every verdict still in the file: \(afterStep.stderr)")

        // A rebuild that first makes again a day with nothing to verify (a case of that day
        // removed by hand) and then a day with a new step: the scan still finds the few verdicts
        // it needs, the file is not decoded whole (a first call asking for no commit scanned for
        // none, and the next decoded all 423,745 verdicts at 100,000 cases).
        let ids = try box.ok(["list"]).split(separator: "\n").map { String($0.split(separator: "\t")[0]) }.sorted()
        // The earliest case of a day that keeps another case (its group stays, made again).
        let day = { (id: String) in id.split(separator: "-").dropFirst().first.map(String.init) ?? "" }
        let earliest = try #require(ids.first { id in ids.contains { $0 != id && day($0) == day(id) } })
        let latest = try #require(ids.last(where: { day($0) != day(earliest) }))
        _ = try box.git(["-c", "core.hooksPath=/dev/null", "rm", "-q", casePath(earliest)])
        _ = try box.git(["-c", "core.hooksPath=/dev/null", "commit", "-q", "-m", "a case removed by hand"])
        try box.ok(["note", latest, "已电话联系业主", "--as", "li.na"], env: ["CASEBOOK_SIGNING_KEY": box.repo + "/.git/casebook/keys/li.na"])
        let twoDays = try box.cb(["site", "--out", kept], env: stats.merging(["CASEBOOK_SUMMARY_STATS": "1"]) { a, _ in a })
        #expect(twoDays.status == 0 && twoDays.stderr.contains(" kept, 1 verified, 0 read whole") && !twoDays.stderr.contains(" 1 groups"),
                "\(twoDays.stderr)")
        _ = try box.git(["reset", "-q", "--hard", "HEAD~2"])

        // The manager replaces li.na's key: her commits, good before, are judged anew against
        // the new registry (not registered); nobody else's is verified again.
        let before = try box.cb(["verify"]).stdout
        let liNa = before.split(separator: "\n").filter { $0.contains(" li.na@") }
        #expect(!liNa.isEmpty && liNa.allSatisfy { $0.contains(" good ") }, "\(liNa.prefix(3))")
        let key = box.root.appendingPathComponent("new-key").path
        #expect(try box.run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "li.na", "-f", key]).status == 0)
        let replaced = try box.cb(["staff", "key", "li.na", key + ".pub", "--as", "zhou.jl"],
                                  env: ["CASEBOOK_SIGNING_KEY": box.repo + "/.git/casebook/keys/zhou.jl"])
        #expect(replaced.status == 0, "\(replaced.stderr)")
        let after = try box.cb(["verify"], env: stats)
        #expect(after.stderr.contains("signatures: ") && after.stderr.contains(" kept, \(liNa.count + 1) verified"), "\(after.stderr)")
        let judged = after.stdout.split(separator: "\n").filter { $0.contains(" li.na@") }
        #expect(judged.count == liNa.count && judged.allSatisfy { $0.contains(" not-registered ") }, "\(judged.prefix(3))")
        try FileManager.default.removeItem(atPath: cache)
        #expect(try box.cb(["verify"]).stdout == after.stdout, "a cold cache says the same")
    }
}
