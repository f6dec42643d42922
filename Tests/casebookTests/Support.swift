import Foundation
import Testing

/// What a finished process left.
struct Outcome {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs programs the way a user would, in a throwaway directory.
struct Sandbox {
    let root: URL
    var env: [String: String]

    /// The built `casebook` binary: `CASEBOOK_BIN`, else beside the test bundle in `.build`.
    static var binary: String {
        if let b = ProcessInfo.processInfo.environment["CASEBOOK_BIN"], !b.isEmpty { return b }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("casebook").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/casebook").path
    }

    /// The project's root folder.
    static var projectRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("casebook-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        var e = ProcessInfo.processInfo.environment
        for k in ["CASEBOOK_ACTOR", "CASEBOOK_NOW", "CASEBOOK_SIGNING_KEY", "GIT_DIR", "GIT_INDEX_FILE", "GIT_WORK_TREE"] { e[k] = nil }
        e["HOME"] = root.path
        e["GIT_CONFIG_NOSYSTEM"] = "1"
        e["GIT_AUTHOR_NAME"] = nil
        e["GIT_AUTHOR_EMAIL"] = nil
        // Messages in English (LANG=en*), whatever the repository's locale; the tests of the
        // Chinese desk set LANG themselves.
        e["LANG"] = "en_US.UTF-8"
        env = e
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    var repo: String { root.appendingPathComponent("cases").path }

    @discardableResult
    func run(_ program: String, _ args: [String], in dir: String? = nil, env extra: [String: String] = [:], input: String? = nil) throws -> Outcome {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program.hasPrefix("/") ? program : "/usr/bin/env")
        p.arguments = program.hasPrefix("/") ? args : [program] + args
        let cwd = dir ?? (FileManager.default.fileExists(atPath: repo) ? repo : root.path)
        p.currentDirectoryURL = URL(fileURLWithPath: cwd)
        p.environment = env.merging(extra) { $1 }
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        if let input { inp.fileHandleForWriting.write(Data(input.utf8)) }
        try? inp.fileHandleForWriting.close()
        // Read both pipes concurrently so neither fills up.
        final class Collected: @unchecked Sendable { var data = Data() }
        let errData = Collected()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return Outcome(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData.data, as: UTF8.self))
    }

    /// Runs casebook in the case repository at the fixed time `now`.
    @discardableResult
    func cb(_ args: [String], now: String = "2026-11-22T09:00:00+08:00", env extra: [String: String] = [:]) throws -> Outcome {
        try run(Sandbox.binary, args, env: ["CASEBOOK_NOW": now].merging(extra) { $1 })
    }

    /// Runs casebook and requires success; returns stdout without the final newline.
    @discardableResult
    func ok(_ args: [String], now: String = "2026-11-22T09:00:00+08:00", env extra: [String: String] = [:]) throws -> String {
        let o = try cb(args, now: now, env: extra)
        #expect(o.status == 0, "casebook \(args.joined(separator: " ")) failed: \(o.stderr)")
        return o.stdout.trimmingCharacters(in: .newlines)
    }

    /// Runs stock git in the case repository; returns stdout.
    @discardableResult
    func git(_ args: [String], env extra: [String: String] = [:]) throws -> String {
        let hand = ["GIT_AUTHOR_NAME": "手工", "GIT_AUTHOR_EMAIL": "hand@cuihu.example",
                    "GIT_COMMITTER_NAME": "手工", "GIT_COMMITTER_EMAIL": "hand@cuihu.example"]
        let o = try run("git", args, env: hand.merging(extra) { $1 })
        #expect(o.status == 0, "git \(args.joined(separator: " ")) failed: \(o.stderr)")
        return o.stdout
    }

    /// A new case repository with a manager, two receptionists, an engineer, a supervisor, a
    /// customer-service assistant and a director.
    /// `profile` names the procedure profile (default: init's, residential).
    func makeRepository(profile: String? = nil) throws {
        try ok(["init", repo, "--desk", "T01", "--site", "测试服务中心"] + (profile.map { ["--profile", $0] } ?? []), now: "2026-11-01T08:00:00+08:00")
        try ok(["staff", "add", "zhou.jl", "--name", "周经理", "--email", "zhou@cuihu.example", "--role", "manager"], now: "2026-11-01T08:00:00+08:00")
        for (id, name, role, dept) in [("li.na", "李娜", "receptionist", "customer-service"), ("zhao.gong", "赵工", "engineer", "engineering"),
                                       ("wang.zg", "王主管", "supervisor", "customer-service"), ("chen.jie", "陈洁", "cs-assistant", "customer-service"),
                                       ("he.zr", "何主任", "director", "customer-service")] {
            try ok(["staff", "add", id, "--name", name, "--email", "\(id)@cuihu.example", "--role", role, "--department", dept, "--as", "zhou.jl"],
                   now: "2026-11-01T08:00:00+08:00")
        }
    }

    /// HEAD, the index and the work tree, to prove a refused command moved none of them.
    func snapshot() throws -> String {
        let head = try git(["rev-parse", "HEAD"])
        let status = try git(["status", "--porcelain", "--untracked-files=all"])
        let index = try git(["ls-files", "--stage"])
        let files = try run("/bin/sh", ["-c", "find . -path ./.git -prune -o -type f -print | sort | xargs sha1sum"]).stdout
        return [head, status, index, files].joined(separator: "\n--\n")
    }
}

/// Where case `id` is in a repository `init` made: day folders (`records/cases/YYYY/MM/DD/<id>.json`).
func casePath(_ id: String) -> String {
    let day = id.split(separator: "-").first { $0.count == 8 && $0.allSatisfy(\.isNumber) } ?? "00000000"
    return "records/cases/\(day.prefix(4))/\(day.dropFirst(4).prefix(2))/\(day.dropFirst(6))/\(id).json"
}
