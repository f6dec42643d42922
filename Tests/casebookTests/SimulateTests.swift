import Foundation
import Testing

/// `casebook simulate` plays a service centre through the real steps: the history it makes is
/// one the hooks accept, signed by each author's registered key, and the same seed makes the
/// same repository.
@Suite struct SimulateTests {
    @Test func aSimulatedMonthIsAValidSignedHistory() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let dir = box.root.appendingPathComponent("sim").path
        let o = try box.run(Sandbox.binary, ["simulate", "--out", dir, "--months", "1", "--seed", "11", "--cases-per-day", "3", "--start", "2026-10"])
        #expect(o.status == 0, "\(o.stderr)")
        #expect(o.stdout.contains(" cases, "))
        func git(_ args: [String]) throws -> Outcome { try box.run("git", args, in: dir) }

        // Every step is a commit whose author is a registered member, signed by their key
        // (stock git's own verdict); the init commit by system with the host's key.
        let signers = box.root.appendingPathComponent("allowed_signers").path
        try box.run(Sandbox.binary, ["keys", "allowed-signers", "--repo", dir]).stdout.write(toFile: signers, atomically: false, encoding: .utf8)
        let verdicts = try git(["-c", "gpg.ssh.allowedSignersFile=\(signers)", "log", "--format=%G? %ae %s"]).stdout
            .split(separator: "\n").map(String.init)
        #expect(verdicts.count > 200, "one commit per event")
        #expect(verdicts.last?.hasPrefix("G system@casebook.invalid casebook: new case repository") == true)
        #expect(verdicts.allSatisfy { $0.hasPrefix("G ") }, "\(verdicts.filter { !$0.hasPrefix("G ") }.prefix(3))")
        #expect(try git(["-c", "gpg.ssh.allowedSignersFile=\(signers)", "verify-commit", "HEAD"]).status == 0)

        // The whole history passes the server hook's check, commit by commit.
        let check = try box.run(Sandbox.binary, ["check", "--range", "main", "--repo", dir])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(try git(["fsck", "--no-dangling"]).status == 0)
        #expect(try git(["status", "--porcelain"]).stdout.isEmpty)

        // A service centre's month: every kind of step, made by the people the procedures name.
        let actions = Set(try git(["log", "--format=%(trailers:key=Action,valueonly)"]).stdout.split(separator: "\n").map(String.init))
        for action in ["open", "dispatch", "escalate", "resolve", "revisit", "close", "breach", "sample", "staff-add"] {
            #expect(actions.contains(action), "no \(action) step")
        }
        let sweeps = try git(["log", "--author=system@casebook.invalid", "--format=%s"]).stdout
        #expect(sweeps.contains("escalate to supervisor") || sweeps.contains("breached"), "sweep made time-driven steps")
        #expect(try git(["ls-files", "records/samples/2026-10.json"]).stdout.contains("2026-10.json"))

        // Residents are drawn, not real, and the files hold the same forms as real intake.
        let first = try git(["ls-files", "records/cases"]).stdout.split(separator: "\n").first { $0.hasSuffix(".json") }.map(String.init) ?? ""
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/" + first))) as? [String: Any]
        let intake = json?["intake"] as? [String: Any]
        #expect((intake?["unit"] as? String)?.split(separator: "-").count == 3)
        #expect(((intake?["reporter"] as? [String: Any])?["phoneMasked"] as? String)?.contains("****") ?? true)

        // The same seed gives the same repository content.
        let again = box.root.appendingPathComponent("again").path
        #expect(try box.run(Sandbox.binary, ["simulate", "--out", again, "--months", "1", "--seed", "11", "--cases-per-day", "3", "--start", "2026-10"]).status == 0)
        let tree = try git(["rev-parse", "HEAD^{tree}"]).stdout
        #expect(try box.run("git", ["rev-parse", "HEAD^{tree}"], in: again).stdout == tree)
        #expect(try box.run("git", ["rev-list", "--count", "HEAD"], in: again).stdout == git(["rev-list", "--count", "HEAD"]).stdout)
        // A different seed, another month of requests.
        let other = box.root.appendingPathComponent("other").path
        #expect(try box.run(Sandbox.binary, ["simulate", "--out", other, "--months", "1", "--seed", "12", "--cases-per-day", "3", "--start", "2026-10"]).status == 0)
        #expect(try box.run("git", ["rev-parse", "HEAD^{tree}"], in: other).stdout != tree)
    }

    @Test func bulkFilesHaveTheFormOfRealOnes() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let dir = box.root.appendingPathComponent("bulk").path
        let o = try box.run(Sandbox.binary, ["simulate", "--out", dir, "--months", "1", "--seed", "3", "--cases-per-day", "6", "--bulk", "--unsigned"])
        #expect(o.status == 0, "\(o.stderr)")
        #expect(o.stdout.contains("(bulk)"))
        let commits = Int(try box.run("git", ["rev-list", "--count", "HEAD"], in: dir).stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        let files = try box.run("git", ["ls-files", "records/cases"], in: dir).stdout.split(separator: "\n").filter { $0.hasSuffix(".json") }
        #expect(files.count > 100)
        // A commit a day, and (residential) the day's revisit draw, which must follow the day's cases.
        // (Fewer commits than case files: one per event would be several per case.)
        #expect(commits < files.count, "a commit a day and the day's draw, not one per event (\(commits) commits, \(files.count) cases)")
        // Each file is a valid case: casebook reads every one, and the schema accepts them.
        let list = try box.run(Sandbox.binary, ["list", "--json", "--repo", dir])
        #expect(list.status == 0, "\(list.stderr)")
        let schema = Sandbox.projectRoot.appendingPathComponent("Tests/schema/validate.py").path
        let validated = try box.run("python3", [schema, "--all", dir])
        #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")
    }

    /// The objects go into packs, not one loose file each (millions at 100,000 cases): where the packs
    /// are cut changes nothing in the history, and stock git finds every object.
    @Test func aSimulationLeavesItsObjectsPacked() throws {
        let box = try Sandbox()
        defer { box.remove() }
        func simulate(_ name: String, _ extra: [String]) throws -> String {
            let dir = box.root.appendingPathComponent(name).path
            let o = try box.run(Sandbox.binary, ["simulate", "--out", dir, "--months", "2", "--seed", "5", "--cases-per-day", "2",
                                                 "--start", "2026-08", "--until", "2026-09-03T18:00:00+08:00"] + extra)
            #expect(o.status == 0, "\(o.stderr)")
            return dir
        }
        let one = try simulate("one", [])
        let many = try simulate("many", ["--pack-every", "40"])
        func git(_ args: [String], _ dir: String) throws -> String { try box.run("git", args, in: dir).stdout }
        // The same commits (ids, so signatures and times too) and the same archive tag object.
        #expect(try git(["rev-parse", "HEAD", "archive/2026-08"], many) == (try git(["rev-parse", "HEAD", "archive/2026-08"], one)))
        #expect(try git(["cat-file", "-t", "archive/2026-08"], many) == "tag\n")
        for dir in [one, many] {
            let counts = try git(["count-objects", "-v"], dir)
            let loose = Int(counts.split(separator: "\n").first { $0.hasPrefix("count: ") }?.dropFirst(7) ?? "") ?? -1
            let packs = Int(counts.split(separator: "\n").first { $0.hasPrefix("packs: ") }?.dropFirst(7) ?? "") ?? -1
            // Only what `init` wrote before the simulation began is loose.
            #expect((0..<60).contains(loose), "\(counts)")
            #expect(dir == one ? packs == 1 : packs > 3, "\(counts)")
            let fsck = try box.run("git", ["fsck", "--strict", "--no-progress", "--no-dangling"], in: dir)
            #expect(fsck.status == 0, "\(fsck.stdout)\(fsck.stderr)")
            #expect(try git(["status", "--porcelain"], dir).isEmpty)
        }
    }
}
