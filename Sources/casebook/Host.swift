import ArgumentParser
import CaseModel
import CasebookEngine
import Foundation
import GitStore

extension Casebook {
    /// `casebook host …`: what a service centre's central host runs around its bare repository:
    /// gitolite users from the staff list, the server hooks, the published dashboard with its
    /// password files, and the scheduled sweep. See docs/host.md.
    struct Host: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "host",
            abstract: "Run the central host: gitolite users from records/staff.json, hooks, the published dashboard, the sweep.",
            discussion: """
            The central repository is a bare repository on the host (with gitolite3: ~/repositories/NAME.git of the
            hosting user). `host install` puts the hooks in it and records where the site is published; after every
            accepted push its post-receive runs `host refresh`: the gitolite keys and rules (`host sync-keys`), the
            web server's password files (`host passwords`) and the dashboard (`host publish`), all from
            records/staff.json at main, the one list of staff. `host sweep` (a systemd timer or cron) makes the
            time-driven steps as system in the host's own clone and pushes them. See docs/host.md.
            """,
            subcommands: [HostInstall.self, HostSyncKeys.self, HostPasswords.self, HostPublish.self, HostRefresh.self, HostSweep.self]
        )
    }
}

/// The central bare repository a `host` command works on: `--central`, else the one git's
/// environment names (inside the hooks).
struct CentralOption: ParsableArguments {
    @Option(help: ArgumentHelp("The central bare repository (default: $GIT_DIR, as in the hooks).", valueName: "BARE_REPO"))
    var central: String?

    /// Opens the central repository; it must be bare.
    func open() throws -> Repository {
        let env = ProcessInfo.processInfo.environment
        let path = central ?? env["GIT_DIR"].flatMap { $0.isEmpty ? nil : $0 }
        guard let path else { throw Failure(key: "host.noCentral") }
        let repo: Repository
        do {
            repo = try Repository.open(URL(fileURLWithPath: path).standardizedFileURL.path)
        } catch {
            throw Failure(key: "noServerRepo", path)
        }
        guard repo.isBare else { throw Failure(key: "serverNotBare", path) }
        return repo
    }
}

/// Helpers the host commands share.
enum HostSupport {
    /// The configuration of the central repository at main (HEAD): staff list and settings.
    static func workspace(_ repo: Repository) throws -> Workspace {
        guard let head = (try? repo.head()) ?? nil else { throw Failure(key: "host.noCommits", repo.gitDirectory) }
        return try Workspace(repo: repo, at: head)
    }

    /// The site root `host install` recorded (casebook.site), if any.
    static func siteRoot(_ repo: Repository) -> String? {
        repo.config("casebook.site").flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The environment for a child process: the caller's without git's repository variables (a
    /// hook's GIT_DIR, quarantine and index would point the child's git at the wrong repository).
    static func cleanEnvironment(_ extra: [String: String] = [:]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
        env.merge(extra) { $1 }
        return env
    }

    /// Runs `program` (looked up on PATH) and returns its exit status and output; standard error
    /// is passed through unless captured.
    @discardableResult
    static func run(_ program: String, _ args: [String], in dir: String? = nil, env: [String: String]? = nil,
                    input: String? = nil) throws -> (status: Int32, out: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + args
        process.environment = env ?? cleanEnvironment()
        if let dir { process.currentDirectoryURL = URL(fileURLWithPath: dir) }
        let out = Pipe()
        process.standardOutput = out
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        do { try process.run() } catch { throw Failure(key: "host.cannotRun", program, "\(error)") }
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try? stdin.fileHandleForWriting.close()
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Writes `text` to `path` through a temporary file and a rename, with `mode`.
    static func write(_ text: String, to path: String, mode: Int) throws {
        try AtomicFile.write(Data(text.utf8), to: path, mode: mode_t(mode))
    }

    /// Who may read `managers/`: managers, directors, general managers (the owners of the configuration).
    static func isManager(_ member: Staff) -> Bool { member.ownsConfiguration }

    /// The members of staff who log in (everyone but `system`), in the list's order.
    static func people(_ staff: StaffRegistry) -> [Staff] {
        staff.staff.filter { !$0.roles.contains(.system) }
    }
}
