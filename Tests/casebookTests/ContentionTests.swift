import Foundation
import Testing

/// Several casebook processes changing cases at once: in one clone (different cases and the same
/// case; opens that race for the same id), and several desks pushing to one central repository
/// behind `git daemon`. Every requested change is committed exactly once; the history is valid.
@Suite struct ContentionTests {
    /// Results collected from worker threads.
    final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var failures: [String] = []
        private(set) var done = 0
        func record(_ o: Outcome, _ what: String) {
            lock.lock()
            defer { lock.unlock() }
            if o.status == 0 { done += 1 } else { failures.append("\(what): exit \(o.status): \(o.stderr)") }
        }
    }

    /// Runs `workers` threads at once, each running its `steps` casebook commands one after another.
    static func race(_ box: Sandbox, workers: Int, steps: Int, in dir: String? = nil, _ args: @Sendable (Int, Int) -> [String]) -> Tally {
        let tally = Tally()
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            for k in 0..<steps {
                let a = args(w, k)
                do {
                    tally.record(try box.run(Sandbox.binary, a, in: dir, env: ["CASEBOOK_NOW": "2026-11-22T09:00:00+08:00"]), a.joined(separator: " "))
                } catch {
                    tally.record(Outcome(status: -1, stdout: "", stderr: "\(error)"), a.joined(separator: " "))
                }
            }
        }
        return tally
    }

    /// The number of events whose note is `token` at `rev` in `dir`.
    static func notes(_ token: String, _ box: Sandbox, in dir: String? = nil, at rev: String = "HEAD") throws -> Int {
        try box.run("git", ["grep", "-o", "-F", "-w", token, rev, "--", "records/cases"], in: dir).stdout.split(separator: "\n").count
    }

    /// fsck, a clean work tree, and every step of the history valid.
    static func whole(_ box: Sandbox, in dir: String? = nil) throws {
        let fsck = try box.run("git", ["fsck", "--strict", "--no-dangling", "--no-progress"], in: dir)
        #expect(fsck.status == 0, "\(fsck.stdout)\(fsck.stderr)")
        #expect(try box.run("git", ["status", "--porcelain", "--untracked-files=all"], in: dir).stdout.isEmpty)
        let check = try box.run(Sandbox.binary, ["check", "--range", "HEAD"], in: dir, env: ["CASEBOOK_NOW": "2026-11-22T10:00:00+08:00"])
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test(arguments: [2, 4]) func processesInOneClone(workers: Int) throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        var ids: [String] = []
        for w in 0..<workers {
            ids.append(try box.ok(["open", "--as", "li.na", "--kind", "repair", "--repair-size", "medium", "--channel", "phone",
                                   "--reporter", "钱先生", "--phone", "1390000000\(w)", "--summary", "漏水"]))
        }
        let steps = soak(6, per: 20)
        let commitsBefore = Int(try box.git(["rev-list", "--count", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        let frozen = ids
        // Different cases, then all on the same case, then opens racing for the same desk's next id.
        let different = Self.race(box, workers: workers, steps: steps) { w, k in ["note", frozen[w], "diff-\(w)-\(k)", "--as", "li.na"] }
        let same = Self.race(box, workers: workers, steps: steps) { w, k in ["note", frozen[0], "same-\(w)-\(k)", "--as", "li.na"] }
        let opens = Self.race(box, workers: workers, steps: 2) { w, k in
            ["open", "--as", "li.na", "--kind", "inquiry", "--channel", "walk-in", "--reporter", "孙女士", "--phone", "13700000000", "--summary", "open-\(w)-\(k)"]
        }
        for tally in [different, same, opens] { #expect(tally.failures.isEmpty, "\(tally.failures)") }
        for w in 0..<workers {
            for k in 0..<steps {
                #expect(try Self.notes("diff-\(w)-\(k)", box) == 1, "diff-\(w)-\(k)")
                #expect(try Self.notes("same-\(w)-\(k)", box) == 1, "same-\(w)-\(k)")
            }
            for k in 0..<2 {
                let files = try box.run("git", ["grep", "-l", "-F", "-w", "open-\(w)-\(k)", "HEAD", "--", "records/cases"]).stdout
                #expect(files.split(separator: "\n").count == 1, "open-\(w)-\(k)")
            }
        }
        // The racing opens of one resident share one key: the key store's lock lost none.
        let residents = try box.run("/bin/sh", ["-c", "git grep -h -A3 -F '137****0000' HEAD -- records/cases | grep -o 'R-[0-9a-f]*' | sort -u"]).stdout
        #expect(residents.split(separator: "\n").count == 1, "\(residents)")
        let commitsAfter = Int(try box.git(["rev-list", "--count", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        #expect(commitsAfter - commitsBefore == 2 * workers * steps + 2 * workers, "one commit per change")
        try Self.whole(box)
        CrashTests.report("contention: \(workers) processes in one clone, \(commitsAfter - commitsBefore) concurrent changes (different cases, the same case, racing opens), each committed once")
    }

    /// Two sweeps from cron at once: between them every time-driven step is made once.
    @Test func twoSweepsAtOnce() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        for k in 0..<4 {
            try box.ok(["open", "--as", "li.na", "--kind", "complaint", "--severity", k % 2 == 0 ? "important" : "minor", "--channel", "phone",
                        "--reporter", "钱先生", "--summary", "投诉 \(k)"], now: "2026-11-1\(k)T09:00:00+08:00")
        }
        let before = Int(try box.git(["rev-list", "--count", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        final class Lines: @unchecked Sendable { let lock = NSLock(); var out: [Outcome] = [] }
        let lines = Lines()
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            let o = (try? box.run(Sandbox.binary, ["sweep"], env: ["CASEBOOK_NOW": "2026-11-22T09:00:00+08:00"])) ?? Outcome(status: -1, stdout: "", stderr: "")
            lines.lock.lock(); lines.out.append(o); lines.lock.unlock()
        }
        for o in lines.out { #expect(o.status == 0, "\(o.stderr)") }
        let made = lines.out.map { $0.stdout.split(separator: "\n").count }.reduce(0, +)
        let after = Int(try box.git(["rev-list", "--count", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        #expect(made > 4 && after - before == made, "\(made) steps printed, \(after - before) commits")
        #expect(try box.cb(["sweep"], now: "2026-11-22T09:00:00+08:00").stdout.isEmpty, "a third sweep found steps left")
        try Self.whole(box)
    }

    @Test func desksPushingToOneCentralRepository() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        let central = box.root.appendingPathComponent("central.git").path
        #expect(try box.run("git", ["init", "-q", "--bare", central]).status == 0)
        #expect(try box.run(Sandbox.binary, ["hooks", "install", "--server", central]).status == 0)
        // The server's clock (the push time its hook judges late entries against): the desks' morning.
        let server = ["CASEBOOK_NOW": "2026-11-22T09:00:00+08:00"]
        #expect(try box.run("git", ["push", "-q", central, "main"], env: server).status == 0)
        #expect(try box.run("git", ["symbolic-ref", "HEAD", "refs/heads/main"], in: central).status == 0)
        let shared = try box.ok(["open", "--as", "li.na", "--kind", "repair", "--repair-size", "medium", "--channel", "phone",
                                 "--reporter", "钱先生", "--summary", "漏水"])
        #expect(try box.run("git", ["push", "-q", central, "main"], env: server).status == 0)
        let daemon = try ServerTests.Daemon(base: box.root.path, env: box.env.merging(server) { $1 })
        defer { daemon.stop() }
        try #require(try daemon.waitUntilReachable(box), "git daemon exited before it answered")
        let desks = 3, rounds = soak(3, per: 40)
        var dirs: [String] = []
        for d in 0..<desks {
            let dir = box.root.appendingPathComponent("desk\(d)").path
            #expect(try box.run("git", ["clone", "-q", daemon.url, dir]).status == 0)
            #expect(try box.run(Sandbox.binary, ["init", dir, "--desk", "D0\(d)"]).status == 0)
            dirs.append(dir)
        }
        let frozen = dirs
        let tally = Tally()
        DispatchQueue.concurrentPerform(iterations: desks) { d in
            let env = ["CASEBOOK_NOW": "2026-11-22T09:00:00+08:00"]
            for r in 0..<rounds {
                for a in [["note", shared, "desk-\(d)-\(r)", "--as", "li.na"],
                          ["open", "--as", "li.na", "--kind", "inquiry", "--channel", "walk-in", "--reporter", "孙女士", "--summary", "opened-\(d)-\(r)"],
                          ["sync", "--as", "li.na"]] {
                    do {
                        tally.record(try box.run(Sandbox.binary, a, in: frozen[d], env: env), "desk \(d): \(a.joined(separator: " "))")
                    } catch {
                        tally.record(Outcome(status: -1, stdout: "", stderr: "\(error)"), "desk \(d)")
                    }
                }
            }
        }
        #expect(tally.failures.isEmpty, "\(tally.failures)")
        // A last sync at each desk brings everything together; the central history is whole.
        for dir in dirs { #expect(try box.run(Sandbox.binary, ["sync", "--as", "li.na"], in: dir, env: ["CASEBOOK_NOW": "2026-11-22T09:00:00+08:00"]).status == 0) }
        for d in 0..<desks {
            for r in 0..<rounds {
                #expect(try Self.notes("desk-\(d)-\(r)", box, in: central, at: "main") == 1, "desk-\(d)-\(r)")
                let files = try box.run("git", ["grep", "-l", "-F", "-w", "opened-\(d)-\(r)", "main", "--", "records/cases"], in: central).stdout
                #expect(files.split(separator: "\n").count == 1, "opened-\(d)-\(r)")
            }
        }
        let check = try box.run(Sandbox.binary, ["check", "--range", "main"], in: central)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(try box.run("git", ["fsck", "--strict", "--no-dangling", "--no-progress"], in: central).status == 0)
        for dir in dirs { try Self.whole(box, in: dir) }
        CrashTests.report("contention: \(desks) desks syncing at once through git daemon, \(desks * rounds * 2) changes, each in the central history once")
    }
}
