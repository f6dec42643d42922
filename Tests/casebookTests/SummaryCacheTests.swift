import Foundation
import Testing
@testable import CaseModel
@testable import Procedures

/// The summary of every case kept by blob id (`.git/casebook/summaries`) is a cache: `list`,
/// `today`, `sweep`, `report` and the site say the same with it warm, cold (deleted) and damaged
/// in every way a file can be — truncated, random bytes, empty, a flipped byte, another format
/// version, left behind by older commits, written on another branch — and the file is whole again
/// afterwards. What it does not detect, by design: an entry forged together with its checksum.
@Suite(.serialized) struct SummaryCacheTests {
    /// A simulated month of a service centre (one signed commit per step).
    static func simulated(_ box: Sandbox) throws {
        let o = try box.run(Sandbox.binary, ["simulate", "--out", box.repo, "--months", "1", "--seed", "5", "--cases-per-day", "6", "--start", "2026-10"])
        #expect(o.status == 0, "\(o.stderr)")
    }

    static func cachePath(_ box: Sandbox) -> String { box.repo + "/.git/casebook/summaries" }

    /// Everything the commands that read through the cache print or write, each run right after
    /// `prepare` has put the cache in the state under test. `sweep` runs in a copy of the
    /// repository: its output, the commits it made and the tree it left.
    static func outputs(_ box: Sandbox, _ prepare: () throws -> Void) throws -> [String: String] {
        var out: [String: String] = [:]
        let commands: [[String]] = [
            ["list"], ["list", "--json"], ["list", "--overdue"], ["list", "--status", "closed"],
            ["today", "--as", "li.na"], ["today", "--as", "zhou.jl", "--json"],
            ["report", "--month", "2026-10"], ["report", "--month", "2026-11", "--json"],
        ]
        for args in commands {
            try prepare()
            let o = try box.cb(args)
            #expect(o.status == 0, "casebook \(args.joined(separator: " ")): \(o.stderr)")
            out[args.joined(separator: " ")] = o.stdout
        }
        // sweep, in a copy with the cache as prepared.
        try prepare()
        let copy = box.root.appendingPathComponent("sweep-copy").path
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.copyItem(atPath: box.repo, toPath: copy)
        defer { try? FileManager.default.removeItem(atPath: copy) }
        let before = try box.run("git", ["rev-parse", "HEAD"], in: copy).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let sweep = try box.run(Sandbox.binary, ["sweep", "--repo", copy], in: copy, env: ["CASEBOOK_NOW": "2026-11-22T09:00:00+08:00"])
        #expect(sweep.status == 0, "\(sweep.stderr)")
        out["sweep"] = sweep.stdout
        out["sweep commits"] = try box.run("git", ["log", "--format=%H %an <%ae> %ad%n%B", "\(before)..HEAD"], in: copy).stdout
        out["sweep tree"] = try box.run("git", ["rev-parse", "HEAD^{tree}"], in: copy).stdout
        // The site, into a new folder: every file's bytes.
        try prepare()
        let site = box.root.appendingPathComponent("site-out")
        try? FileManager.default.removeItem(at: site)
        defer { try? FileManager.default.removeItem(at: site) }
        let s = try box.cb(["site", "--out", site.path])
        #expect(s.status == 0, "\(s.stderr)")
        out["site"] = s.stdout
        let files = FileManager.default.enumerator(atPath: site.path)?.compactMap { $0 as? String }.sorted() ?? []
        #expect(files.count > 100)
        for path in files {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: site.path + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            // The stamps name this folder's files (inodes, times): another folder's are others.
            if path == ".casebook-records/stamps" { continue }
            out["site/" + path] = try Data(contentsOf: site.appendingPathComponent(path)).base64EncodedString()
        }
        return out
    }

    /// Reports the first few differences between two sets of outputs.
    static func same(_ a: [String: String], _ b: [String: String], _ label: String) {
        #expect(a.keys.sorted() == b.keys.sorted(), "\(label): different files")
        let differing = a.keys.sorted().filter { a[$0] != b[$0] }
        #expect(differing.isEmpty, "\(label): \(differing.prefix(5).joined(separator: ", ")) differ")
    }

    @Test func everyCommandSaysTheSameWithTheCacheWarmColdOrDamaged() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try SummaryCacheTests.simulated(box)
        let cache = SummaryCacheTests.cachePath(box)
        let fm = FileManager.default
        func remove() { try? fm.removeItem(atPath: cache) }

        let cold = try SummaryCacheTests.outputs(box, remove)
        #expect(cold["list"]?.split(separator: "\n").count ?? 0 > 100)
        #expect(cold["list --overdue"]?.isEmpty == false)
        #expect(cold["sweep"]?.isEmpty == false, "the fixture has steps to sweep")
        #expect(cold["today --as li.na"]?.isEmpty == false)

        // Warm: written by the first command, then read by every other.
        remove()
        try box.ok(["list"])
        let good = try Data(contentsOf: URL(fileURLWithPath: cache))
        #expect(good.count > 1000)
        let stats = try box.cb(["list"], env: ["CASEBOOK_SUMMARY_STATS": "1"])
        #expect(stats.stderr.contains(" 0 read"), "a warm cache read files: \(stats.stderr)")
        SummaryCacheTests.same(cold, try SummaryCacheTests.outputs(box, {}), "warm")
        #expect(try Data(contentsOf: URL(fileURLWithPath: cache)) == good)

        // Damaged in place: each is ignored, the output is the cold one, and the file is written
        // again whole (byte for byte what a cold run writes).
        var rng = SystemRandomNumberGenerator()
        let header = Array("casebook-summaries 4\n".utf8)
        var flipped = [UInt8](good)
        flipped[flipped.count / 2] ^= 0x20
        var otherVersion = [UInt8](good)
        otherVersion.replaceSubrange(0..<header.count, with: Array("casebook-summaries 0\n".utf8))
        var otherBuild = [UInt8](good)
        let marker = Array("\nbuild ".utf8)
        if let at = (0...(otherBuild.count - marker.count)).first(where: { otherBuild[$0..<$0 + marker.count].elementsEqual(marker) }) {
            let k = at + marker.count
            otherBuild[k] = otherBuild[k] == UInt8(ascii: "1") ? UInt8(ascii: "2") : UInt8(ascii: "1")
        }
        let damaged: [(String, Data, every: Bool)] = [
            ("empty", Data(), true),
            ("truncated", good.prefix(good.count / 2), true),
            ("random bytes", Data((0..<good.count).map { _ in UInt8.random(in: 0...255, using: &rng) }), true),
            ("one flipped byte", Data(flipped), true),
            ("another format version", Data(otherVersion), true),
            ("another build", Data(otherBuild), false),
            ("truncated by one byte", good.dropLast(), false),
            ("header only", Data(header), false),
            ("one more byte", good + Data([0]), false),
        ]
        let listed = cold["list --json"]
        for (label, bytes, every) in damaged {
            #expect(bytes != good, "\(label)")
            func damage() throws { try bytes.write(to: URL(fileURLWithPath: cache)) }
            if every {
                SummaryCacheTests.same(cold, try SummaryCacheTests.outputs(box, damage), label)
            }
            try damage()
            #expect(try box.cb(["list", "--json"]).stdout == listed, "\(label)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: cache)) == good, "\(label): not written again")
        }
        // A folder where the file should be: the commands still answer.
        remove()
        try fm.createDirectory(atPath: cache, withIntermediateDirectories: true)
        SummaryCacheTests.same(cold, try SummaryCacheTests.outputs(box, {}), "a folder in its place")
        try fm.removeItem(atPath: cache)

        // Another branch's cache: written at an older commit on a branch of its own.
        let branch = try box.git(["rev-parse", "--abbrev-ref", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        try box.git(["checkout", "-q", "-b", "older", "HEAD~40"])
        remove()
        try box.ok(["list"])
        let older = try Data(contentsOf: URL(fileURLWithPath: cache))
        #expect(older != good)
        try box.git(["checkout", "-q", branch])
        SummaryCacheTests.same(cold, try SummaryCacheTests.outputs(box) { try older.write(to: URL(fileURLWithPath: cache)) }, "another branch")
        // Its summaries of the blobs both branches share are used; only the others are read.
        try older.write(to: URL(fileURLWithPath: cache))
        let partly = try box.cb(["list"], env: ["CASEBOOK_SUMMARY_STATS": "1"])
        #expect(partly.stderr.range(of: #"summaries: [1-9]\d* kept, [1-9]\d* read"#, options: .regularExpression) != nil, "\(partly.stderr)")

        // Stale: kept from before new commits (the sweep's steps and a note, made here for real).
        try box.ok(["sweep"])
        let open = try box.ok(["list", "--open"]).split(separator: "\n").first.map { String($0.split(separator: "\t")[0]) } ?? ""
        try box.ok(["note", open, "已电话联系业主", "--as", "li.na"], env: ["CASEBOOK_SIGNING_KEY": box.repo + "/.git/casebook/keys/li.na"])
        let after = try box.cb(["list"], env: ["CASEBOOK_SUMMARY_STATS": "1"])
        #expect(after.stderr.range(of: #"summaries: \d+ kept, [1-9]\d* read"#, options: .regularExpression) != nil, "\(after.stderr)")
        let fresh = try SummaryCacheTests.outputs(box, remove)
        SummaryCacheTests.same(fresh, try SummaryCacheTests.outputs(box) { try good.write(to: URL(fileURLWithPath: cache)) }, "stale")
        #expect(fresh["list"] != cold["list"], "the new commits changed the list")
    }

    /// A command that learnt a few summaries appends them as a frame (it does not write the whole
    /// file again: a tenth of a dashboard rebuild and of a push's check at 90,000 cases); a damaged
    /// last frame is ignored and the file made again; a file of many frames is made one again.
    @Test func learntSummariesAreAppendedAsAFrame() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try SummaryCacheTests.simulated(box)
        let cache = SummaryCacheTests.cachePath(box)
        let url = URL(fileURLWithPath: cache)
        func remove() { try? FileManager.default.removeItem(atPath: cache) }
        remove()
        try box.ok(["list"])
        let before = try Data(contentsOf: url)
        let open = try box.ok(["list", "--open"]).split(separator: "\n").first.map { String($0.split(separator: "\t")[0]) } ?? ""
        try box.ok(["note", open, "已电话联系业主", "--as", "li.na"], env: ["CASEBOOK_SIGNING_KEY": box.repo + "/.git/casebook/keys/li.na"])
        let stats = try box.cb(["list"], env: ["CASEBOOK_SUMMARY_STATS": "1"])
        #expect(stats.stderr.contains(", 1 read"), "\(stats.stderr)")
        let appended = try Data(contentsOf: url)
        #expect(appended.count > before.count && appended.prefix(before.count) == before, "not appended: \(before.count) → \(appended.count) bytes")
        // One entry's frame: its length, checksum and count (20 bytes) and one summary, far less than the file.
        #expect(appended.count - before.count < before.count / 20, "\(appended.count - before.count) bytes appended")
        let again = try box.cb(["list"], env: ["CASEBOOK_SUMMARY_STATS": "1"])
        #expect(again.stderr.contains(", 0 read"), "\(again.stderr)")
        #expect(try Data(contentsOf: url) == appended)

        let cold = try SummaryCacheTests.outputs(box, remove)
        remove()
        try box.ok(["list"])
        let whole = try Data(contentsOf: url)
        #expect(whole != appended && whole.count < appended.count, "a cold run writes one frame")
        SummaryCacheTests.same(cold, try SummaryCacheTests.outputs(box) { try appended.write(to: url) }, "appended")

        // The appended frame damaged (a byte of its summary flipped; cut short): the frames before
        // it are used, the case is read again, and the file is written again whole.
        var flipped = [UInt8](appended)
        flipped[flipped.count - 3] ^= 0x01
        for (label, bytes) in [("flipped", Data(flipped)), ("cut short", appended.dropLast(5))] {
            try bytes.write(to: url)
            let o = try box.cb(["list"], env: ["CASEBOOK_SUMMARY_STATS": "1"])
            #expect(o.stderr.contains(", 1 read"), "\(label): \(o.stderr)")
            #expect(try Data(contentsOf: url) == whole, "\(label): not written again whole")
            SummaryCacheTests.same(cold, try SummaryCacheTests.outputs(box) { try bytes.write(to: url) }, label)
        }

        // 64 frames (the whole one again and again): read as one, and made one frame again.
        let header = whole.prefix(while: { $0 != UInt8(ascii: "\n") }).count + 1
        let secondLine = whole[header...].prefix(while: { $0 != UInt8(ascii: "\n") }).count + 1
        let frame = whole[(header + secondLine)...]
        let many = whole + Data(repeatElement(frame, count: 63).joined())
        try many.write(to: url)
        let m = try box.cb(["list"], env: ["CASEBOOK_SUMMARY_STATS": "1"])
        #expect(m.stderr.contains(", 0 read"), "the 64 frames were not read: \(m.stderr)")
        #expect(try Data(contentsOf: url) == whole, "64 frames not made one again")
    }

    /// Processes reading and rewriting the cache at once each answer right and leave it whole.
    @Test func processesAtOnceLeaveAWholeFile() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try SummaryCacheTests.simulated(box)
        let cache = SummaryCacheTests.cachePath(box)
        // What one process writes from no file (`simulate` leaves one, to which `list` would append).
        try? FileManager.default.removeItem(atPath: cache)
        let expected = try box.ok(["list", "--json"])
        let good = try Data(contentsOf: URL(fileURLWithPath: cache))
        for round in 0..<4 {
            try? FileManager.default.removeItem(atPath: cache)
            if round % 2 == 1 { try good.prefix(good.count / 3).write(to: URL(fileURLWithPath: cache)) }
            final class Results: @unchecked Sendable { var outputs: [String] = []; let lock = NSLock() }
            let results = Results()
            DispatchQueue.concurrentPerform(iterations: 6) { _ in
                let o = try? box.cb(["list", "--json"])
                results.lock.lock()
                results.outputs.append(o.map { $0.status == 0 ? $0.stdout.trimmingCharacters(in: .newlines) : "failed: \($0.stderr)" } ?? "not run")
                results.lock.unlock()
            }
            #expect(results.outputs.allSatisfy { $0 == expected }, "round \(round)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: cache)) == good, "round \(round)")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: box.repo + "/.git/casebook").filter { $0.hasPrefix(".summaries") }
            #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
        }
    }

    /// A summary says what the case file says: the overdue steps at any time are
    /// `Schedule.overdue`'s, and the report from the month's cases and every case's late entries
    /// is the report from every case.
    @Test func aSummaryAgreesWithItsCaseFile() throws {
        let files = try CaseFileReaderTests.simulatedCaseFiles().map { try RecordJSON.decode(CaseFile.self, from: $0, file: "case") }
        #expect(files.count > 150)
        var overdueSeen = 0
        for file in files {
            let summary = CaseSummary(file, at: file.path(in: .day))
            #expect(summary.id == file.id && summary.status == file.state.status && summary.path == file.path(in: .day))
            var times = file.state.deadlines.flatMap { [$0.due, $0.due.adding(seconds: 1), $0.due.adding(seconds: -1)] }
            times += [file.intake.receivedAt, file.intake.receivedAt.adding(seconds: 40 * 86_400)]
            for t in times {
                let expected = Schedule.overdue(file, at: t).map(\.step)
                #expect(summary.overdue(at: t) == expected, "\(file.id.rawValue) at \(t)")
                overdueSeen += expected.count
            }
        }
        #expect(overdueSeen > 0)
        let profile = try RecordJSON.decode(Profile.self, from: Data(contentsOf: Sandbox.projectRoot.appendingPathComponent("records/procedures/residential.json")),
                                            file: "residential.json")
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        for month in ["2026-09", "2026-10", "2026-11"] {
            guard let bounds = Sampling.bounds(of: month, in: zone) else { Issue.record("bounds"); continue }
            let now = Timestamp.parse("2026-11-22T09:00:00+08:00", defaultZone: zone)!
            let whole = MonthReport.compute(month: month, cases: files, profile: profile, at: now, bounds: bounds)
            let received = files.filter { $0.intake.receivedAt >= bounds.start && $0.intake.receivedAt < bounds.end }
            let part = MonthReport.compute(month: month, cases: received, profile: profile, at: now, bounds: bounds,
                                           lateEntries: files.flatMap { CaseSummary($0, at: $0.path(in: .day)).lateEntries })
            #expect(whole == part, "\(month)")
        }
    }

    /// A summary is a value though its fields are shared between copies: a copy changed (a path,
    /// a status, deadlines) leaves the original as it was and no longer equals it; two summaries
    /// made apart from one file are equal; changing a summary no other shares changes it alone.
    @Test func summariesAreValuesThoughTheirFieldsAreShared() throws {
        let files = try CaseFileReaderTests.simulatedCaseFiles().prefix(40).map { try RecordJSON.decode(CaseFile.self, from: $0, file: "case") }
        #expect(files.count == 40)
        for file in files {
            let path = file.path(in: .day)
            let summary = CaseSummary(file, at: path)
            #expect(summary == CaseSummary(file, at: path))
            var copy = summary
            #expect(copy == summary)
            copy.path = "records/cases/elsewhere/\(file.id.rawValue).json"
            #expect(summary.path == path && copy.path != path && copy != summary)
            var other = summary
            other.status = other.status == .closed ? .open : .closed
            other.deadlines = []
            #expect(summary.status == file.state.status && summary.deadlines.count == file.state.deadlines.count)
            #expect(other != summary && other.path == path)
            var alone = CaseSummary(file, at: path)
            alone.summary = "changed"
            #expect(alone.summary == "changed" && alone != summary && summary.summary == file.intake.summary)
        }
    }

    /// The monthly figures from summaries are the figures from the case files: `MonthReport`
    /// (with the samples' figures) and `MonthAnalysis` for every month of a simulated quarter and
    /// the months around it, at several times; and each case's on-time facts answer as
    /// `MonthReport.onTime` does, stated and as recorded, at every deadline and a second either side.
    @Test func monthlyFiguresFromSummariesAreThoseFromTheFiles() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let dir = box.root.appendingPathComponent("sim").path
        let o = try box.run(Sandbox.binary, ["simulate", "--out", dir, "--months", "3", "--seed", "7", "--cases-per-day", "5", "--bulk", "--unsigned",
                                             "--start", "2026-09", "--until", "2026-11-20T17:00:00+08:00"])
        #expect(o.status == 0, "\(o.stderr)")
        func read(_ folder: String) throws -> [(path: String, data: Data)] {
            try box.run("git", ["ls-files", folder], in: dir).stdout.split(separator: "\n").filter { $0.hasSuffix(".json") }
                .map { (String($0), try Data(contentsOf: URL(fileURLWithPath: dir + "/" + $0))) }
        }
        let files = try read("records/cases").map { try RecordJSON.decode(CaseFile.self, from: $0.data, file: $0.path) }
        let samples = try read("records/samples").map { try RecordJSON.decode(MonthlySample.self, from: $0.data, file: $0.path) }
        #expect(files.count > 300 && !samples.isEmpty)
        let summaries = files.map { CaseSummary($0, at: $0.path(in: .day)) }
        let profile = try RecordJSON.decode(Profile.self, from: Data(contentsOf: Sandbox.projectRoot.appendingPathComponent("records/procedures/residential.json")),
                                            file: "residential.json")
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        var findings = 0, picks = 0, late = 0
        for now in ["2026-10-15T12:00:00+08:00", "2026-11-20T17:00:00+08:00", "2026-12-10T09:00:00+08:00"].map({ Timestamp.parse($0, defaultZone: zone)! }) {
            for month in ["2026-08", "2026-09", "2026-10", "2026-11", "2026-12"] {
                let bounds = try #require(Sampling.bounds(of: month, in: zone))
                let monthSamples = samples.filter { $0.month == month }
                let fromFiles = MonthReport.compute(month: month, cases: files, profile: profile, at: now, bounds: bounds, samples: monthSamples)
                let fromSummaries = MonthReport.compute(month: month, summaries: summaries, profile: profile, at: now, bounds: bounds, samples: monthSamples)
                #expect(fromFiles == fromSummaries, "\(month) at \(now)")
                let analysis = MonthAnalysis.compute(month: month, cases: files, profile: profile, at: now, zone: zone)
                #expect(analysis == MonthAnalysis.compute(month: month, summaries: summaries, profile: profile, at: now, zone: zone), "\(month) at \(now)")
                findings += analysis.findings.count
                picks += fromFiles.sampled?.selected ?? 0
                late += fromFiles.total.cases - fromFiles.total.onTimeAsRecorded
            }
        }
        #expect(findings > 0 && picks > 0 && late > 0, "the fixture exercises findings (\(findings)), samples (\(picks)) and late cases (\(late))")
        for (file, summary) in zip(files, summaries) {
            let recorded = MonthReport.asRecorded(file)
            for t in file.state.deadlines.flatMap({ [$0.due, $0.due.adding(seconds: 1), $0.due.adding(seconds: -1)] }) + [file.intake.receivedAt] {
                #expect(summary.report.onTime.at(t) == MonthReport.onTime(file, at: t), "\(file.id.rawValue) at \(t)")
                #expect(summary.report.onTimeAsRecorded.at(t) == MonthReport.onTime(recorded, at: t), "\(file.id.rawValue) at \(t), as recorded")
            }
        }
    }
}
