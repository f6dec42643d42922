import Foundation
import Testing

/// How many times the soak tests repeat: `CASEBOOK_SOAK` divided by `per` (e.g. 400 kills, from
/// `make soak`), else the short run of `make test`.
func soak(_ short: Int, per: Int = 1) -> Int {
    ProcessInfo.processInfo.environment["CASEBOOK_SOAK"].flatMap { Int($0) }.map { max($0 / per, short) } ?? short
}

/// A started process, not yet waited for.
struct Running {
    let process: Process

    /// Starts casebook in `dir` with `args`, output thrown away.
    static func casebook(_ box: Sandbox, _ args: [String], in dir: String? = nil, now: String) throws -> Running {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Sandbox.binary)
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: dir ?? box.repo)
        p.environment = box.env.merging(["CASEBOOK_NOW": now]) { $1 }
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        try p.run()
        return Running(process: p)
    }

    /// Waits and returns the exit status.
    @discardableResult
    func wait() -> Int32 {
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// SIGKILL at random points during state changes: after every kill the repository is whole
/// (stock git's fsck, every case file parses, the work tree agrees with HEAD once any casebook
/// command has run, nothing half applied), and running the command again completes the step.
/// The test asserts outcomes only: how many kills land before a process exits depends on the
/// machine, so that figure is reported, never required.
@Suite struct CrashTests {
    @Test func killedAtRandomPointsNothingIsLostOrHalfWritten() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        let now = "2026-11-22T09:00:00+08:00"
        var ids: [String] = []
        for k in 0..<3 {
            ids.append(try box.ok(["open", "--as", "li.na", "--kind", "complaint", "--severity", "minor", "--channel", "phone",
                                   "--reporter", "钱先生", "--phone", "1390000000\(k)", "--summary", "漏水 \(k)"], now: now))
        }
        let kills = soak(40)
        var killedMidway = 0, landedBeforeKill = 0, journalsFound = 0
        // The key store survives every kill: every resident's key still opens their seal.
        defer {
            for id in ids { #expect((try? box.cb(["show", id, "--reveal", "--as", "li.na"], now: now).status) == 0) }
        }
        var generator = SystemRandomNumberGenerator()
        /// The command of round `round`, which records the token `step-<round>`.
        func command(_ round: Int, target: String) -> [String] {
            let token = "step-\(round)"
            switch round % 5 {
            case 4: return ["open", "--as", "li.na", "--kind", "inquiry", "--channel", "walk-in", "--reporter", "孙女士",
                            "--phone", "1370000\(String(format: "%04d", round))", "--summary", token]
            case 2: return ["show", target, "--reveal", "--reason", token, "--as", "li.na"]
            default: return ["note", target, token, "--as", "li.na"]
            }
        }
        // How long each kind of step takes on this machine, measured here on an uncontended run
        // of the same command (a calibration round of its own, numbered past the killed ones): the
        // kills fall uniformly inside that span, however fast or slow the machine or the build.
        var span: [String: Duration] = [:]
        let calibration = (kills / 5 + 1) * 5
        for round in calibration..<calibration + 5 {
            let args = command(round, target: ids[0])
            guard span[args[0]] == nil else { continue }
            var status: Int32 = -1
            span[args[0]] = try ContinuousClock().measure { status = try Running.casebook(box, args, now: now).wait() }
            #expect(status == 0, "calibration: casebook \(args.joined(separator: " ")) failed")
        }
        for round in 0..<kills {
            let token = "step-\(round)"
            let opening = round % 5 == 4
            let args = command(round, target: ids[Int(generator.next() % UInt64(ids.count))])
            let measured = span[args[0]] ?? .zero
            let microseconds = max(measured.components.seconds * 1_000_000 + measured.components.attoseconds / 1_000_000_000_000, 1)
            let running = try Running.casebook(box, args, now: now)
            usleep(UInt32(clamping: Int64.random(in: 0..<microseconds, using: &generator)))
            kill(running.process.processIdentifier, SIGKILL)
            let status = running.wait()
            if running.process.terminationReason == .uncaughtSignal { killedMidway += 1 } else { #expect(status == 0) }

            // Straight after the kill, before any casebook command: stock git finds nothing broken,
            // and the work tree differs from HEAD only where a commit journal says it is being finished.
            let fsck = try box.run("git", ["fsck", "--strict", "--no-dangling", "--no-progress"])
            #expect(fsck.status == 0, "round \(round): \(fsck.stdout)\(fsck.stderr)")
            let dirty = try box.git(["status", "--porcelain", "--untracked-files=all"])
            // The journal file stays between commits, cleared with spaces: a journal is one with other bytes.
            let journal = FileManager.default.contents(atPath: box.repo + "/.git/casebook/commit-journal")?.contains { $0 != 0x20 } ?? false
            if journal { journalsFound += 1 }
            #expect(dirty.isEmpty || journal, "round \(round): work tree and HEAD disagree with no journal: \(dirty)")

            // Any casebook command finishes an interrupted commit; every case file then parses and
            // is the fold of its events, and the work tree is HEAD.
            let listed = try box.cb(["list", "--json"], now: now)
            #expect(listed.status == 0, "round \(round): \(listed.stderr)")
            #expect(try box.git(["status", "--porcelain", "--untracked-files=all"]).isEmpty, "round \(round): not clean after recovery")
            #expect(try box.git(["diff", "HEAD", "--stat"]).isEmpty)

            // The step landed once, or not at all; running the command again completes it.
            var count = try occurrences(token, opening: opening, box)
            if count == 0 {
                try box.ok(args, now: now)
                count = try occurrences(token, opening: opening, box)
            } else {
                landedBeforeKill += 1
            }
            #expect(count == 1, "round \(round): \(token) recorded \(count) times")
        }
        // The whole history is valid step by step.
        let check = try box.cb(["check", "--range", "HEAD"], now: now)
        #expect(check.status == 0, "\(check.stderr)")
        CrashTests.report("kills: \(kills) SIGKILLs (open, note, show --reveal): \(killedMidway) processes killed before they exited, \(landedBeforeKill) steps had landed when the kill came (the others completed by running the command again), \(journalsFound) commits interrupted between branch and work tree finished by the next command; 0 lost, 0 recorded twice")
    }

    /// How many times the step tagged `token` was recorded at HEAD: events whose note or reveal
    /// reason is `token`, or case files whose summary is (in the open event and in the intake).
    func occurrences(_ token: String, opening: Bool, _ box: Sandbox) throws -> Int {
        let o = try box.run("git", ["grep", opening ? "-l" : "-o", "-F", "-w", token, "HEAD", "--", "records/cases"])
        return o.stdout.split(separator: "\n").count
    }

    /// Figures for RELIABILITY.md: printed, and appended to `CASEBOOK_RELIABILITY_LOG` if set.
    static func report(_ line: String) {
        print("reliability: \(line)")
        if let path = ProcessInfo.processInfo.environment["CASEBOOK_RELIABILITY_LOG"], !path.isEmpty,
           let handle = FileHandle(forWritingAtPath: path) ?? (FileManager.default.createFile(atPath: path, contents: nil) ? FileHandle(forWritingAtPath: path) : nil) {
            handle.seekToEndOfFile()
            handle.write(Data((line + "\n").utf8))
            try? handle.close()
        }
    }
}
