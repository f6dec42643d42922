import ArgumentParser
import CaseModel
import CasebookEngine
import Foundation
import GitStore

extension Casebook {
    /// `casebook init DIR`: a new case repository, laid out as in DESIGN.md, hooks installed.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Create a new case repository with the procedures, calendar, schemas and hooks.",
            discussion: """
            Example: casebook init ~/cases --profile residential --site 翠湖花园服务中心
            In a clone of a case repository (git clone URL DIR), `casebook init DIR` only sets the clone up:
            hooks (core.hooksPath), the merge driver for case files, and the desk code.
            """
        )

        @Argument(help: "Directory for the new repository (created if missing), or a clone of one to set up.")
        var directory: String

        @Option(help: "Procedure profile: residential, villa or mall.")
        var profile: String = "residential"

        @Option(help: "The service centre's name, shown on the dashboard.")
        var site: String = "物业服务中心"

        @Option(help: "This clone's desk code (capital letters and digits); random if not given.")
        var desk: String?

        func validate() throws {
            guard Defaults.profiles.contains(profile) else {
                throw ValidationError("--profile must be one of \(Defaults.profiles.joined(separator: ", "))")
            }
            if let desk, desk.isEmpty || desk.count > 6 || !desk.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }) {
                throw ValidationError("--desk must be 1 to 6 capital letters or digits")
            }
        }

        func run() throws {
            let fm = FileManager.default
            if fm.fileExists(atPath: directory + "/.git") {
                guard let clone = try? Repository.discover(from: directory), (try? clone.read(Workspace.settingsPath)) ?? nil != nil else {
                    throw Failure(key: "notCaseRepo", "\(directory)")
                }
                try Init.configure(clone, desk: desk)
                print(clone.workdir.hasSuffix("/") ? String(clone.workdir.dropLast()) : clone.workdir)
                return
            }
            if let items = try? fm.contentsOfDirectory(atPath: directory), !items.isEmpty {
                throw Failure(key: "notEmpty", "\(directory)")
            }
            let repo = try Init.create(at: directory, profile: profile, site: site, desk: desk)
            print(repo.workdir.hasSuffix("/") ? String(repo.workdir.dropLast()) : repo.workdir)
        }

        /// A new case repository at `directory`: settings, the `system` member, the default
        /// procedures, calendars, schemas and hooks in one commit, and the clone configured.
        /// `system` gets this host's key (`hostKey`, else a new one), kept in the clone's keyring
        /// `.git/casebook/keys/system` and registered, so its steps (sweep) are signed and no
        /// desk without the key can make steps in its name.
        static func create(at directory: String, profile: String, site: String, desk: String?, at time: Timestamp? = nil,
                           hostKey: SSHKey? = nil) throws -> Repository {
            let repo = try Repository.create(at: directory)
            var settings = Settings(site: site, profile: profile)
            settings.layout = .day
            let key = try hostKey ?? SSHKey(seed: Data((0..<32).map { _ in UInt8.random(in: 0...255) }), comment: "system@casebook.invalid")
            try Init.keep(key, as: "system", in: repo)
            let system = Staff(id: "system", name: "casebook", email: "system@casebook.invalid", roles: [.system], key: key.publicKeyLine)
            var changes = [
                FileChange(path: Workspace.settingsPath, content: try RecordJSON.encode(settings)),
                FileChange(path: Workspace.staffPath, content: try RecordJSON.encode(StaffRegistry(staff: [system]))),
                FileChange(path: "records/cases/.gitkeep", content: Data()),
                FileChange(path: ".gitattributes", content: Data(Init.attributes.utf8)),
            ]
            changes += try Defaults.files()
            try Init.configure(repo, desk: desk)
            let now = try time ?? Clock.now(in: TimeZone(identifier: settings.timeZone) ?? .current)
            let person = Person(name: system.name, email: system.email, time: now.unixSeconds, offsetMinutes: Int32(now.offsetSeconds / 60))
            try repo.commit(changes, author: person, committer: person, message: """
                casebook: new case repository (\(profile) profile)

                Action: init
                """, signer: InProcessSigner(key: key))
            return repo
        }

        /// Writes `key` into the clone's keyring as `id` (private file 0600 and its `.pub`).
        static func keep(_ key: SSHKey, as id: String, in repo: Repository) throws {
            let folder = repo.gitDirectory + "casebook/keys/"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let path = folder + id
            FileManager.default.createFile(atPath: path, contents: Data(key.privateKeyFile.utf8), attributes: [.posixPermissions: 0o600])
            chmod(path, 0o600)
            try key.publicKeyLine.appending("\n").write(toFile: path + ".pub", atomically: false, encoding: .utf8)
        }

        /// Case files merge with casebook's merge driver (two desks appending to one case).
        static let attributes = "records/cases/**/*.json merge=casebook\nrecords/registers/**/*.json merge=casebook\n"

        /// What a clone needs in its own `.git/config`: the hooks, the merge driver, this binary's
        /// path for both, and a desk code.
        static func configure(_ repo: Repository, desk: String?) throws {
            let bin = Init.executablePath
            try repo.setConfig("core.hooksPath", "hooks")
            try repo.setConfig("casebook.bin", bin)
            try repo.setConfig("merge.casebook.name", "casebook: union of the events of a case file")
            try repo.setConfig("merge.casebook.driver", "'\(bin)' merge-driver %O %A %B %P")
            if let desk {
                try repo.setConfig("casebook.desk", desk)
            } else {
                _ = try Workspace.deskCode(repo)
            }
        }

        /// The absolute path of the running casebook binary.
        static var executablePath: String {
            let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
            if exe != "/proc/self/exe" { return exe }
            return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
        }
    }
}

/// The default procedures, calendars, schemas and hooks a new repository starts with; the
/// project's own `records/` and `hooks/` hold the same files (a test keeps them equal).
enum Defaults {
    static let profiles = ["residential", "villa", "mall"]
    static let hooks = ["pre-commit", "pre-receive", "update"]

    static var root: URL { Bundle.module.url(forResource: "Defaults", withExtension: nil)! }

    /// Every default file as a change at its repository path.
    static func files() throws -> [FileChange] {
        let fm = FileManager.default
        var out: [FileChange] = []
        for folder in ["records/procedures", "records/calendar", "records/schema", "hooks"] {
            let dir = root.appendingPathComponent(folder)
            for name in try fm.contentsOfDirectory(atPath: dir.path).sorted() where !name.hasPrefix(".") {
                out.append(FileChange(path: "\(folder)/\(name)", content: try Data(contentsOf: dir.appendingPathComponent(name)),
                                      executable: folder == "hooks"))
            }
        }
        return out
    }
}
