import ArgumentParser
import CaseModel
import CasebookEngine
import Foundation
import GitStore

extension Casebook {
    /// `casebook host sync-keys`: gitolite's users and rules from records/staff.json.
    struct HostSyncKeys: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sync-keys",
            abstract: "Make gitolite's users, keys and rules those of records/staff.json at main.",
            discussion: """
            One gitolite user per member of staff with a registered key, named by the staff id (keydir/ID.pub);
            nobody else: a member removed from the list, or whose key is removed, can no longer log in. The
            rules (conf/gitolite.conf) let staff and managers push main fast-forward only, managers also create
            archive tags, auditors only fetch; nobody deletes or rewrites anything, nobody reaches gitolite-admin.
            `system` is no gitolite user: the host pushes its own steps on the host itself. gitolite's keydir and
            conf belong to casebook from then on (edits there are overwritten); run by the post-receive hook
            through `host refresh` after every push.
            Example: casebook host sync-keys --central ~/repositories/centre.git --gitolite ~/.gitolite
            """
        )
        @OptionGroup var central: CentralOption
        @Option(help: ArgumentHelp("gitolite's admin folder (default: casebook.gitolite of the repository, then ~/.gitolite).", valueName: "DIR"))
        var gitolite: String?

        func run() throws {
            let repo = try central.open()
            let base = gitolite ?? repo.config("casebook.gitolite") ?? (NSHomeDirectory() + "/.gitolite")
            let ws = try HostSupport.workspace(repo)
            let name = Self.repoName(repo)
            let users = try Self.write(ws.staff, repoName: name, into: base)
            // gitolite's own steps: compile the rules, then its POST_COMPILE triggers (authorized_keys).
            let home = URL(fileURLWithPath: base).deletingLastPathComponent().path
            let env = HostSupport.cleanEnvironment(["HOME": home])
            // (hooks first: a repository gitolite did not create lacks its update hook, which enforces the rules per branch)
            for args in [["setup", "--hooks-only"], ["compile"], ["trigger", "POST_COMPILE"]] {
                let (status, _) = try HostSupport.run("gitolite", args, env: env)
                guard status == 0 else { throw Failure(key: "host.gitoliteFailed", args.joined(separator: " "), "\(status)") }
            }
            FileHandle.standardError.write(Data((DeskLanguage.strings.fill("host.keysSynced", ["\(users)", name]) + "\n").utf8))
        }

        /// The repository's name for gitolite: its folder without `.git`.
        static func repoName(_ repo: Repository) -> String {
            var name = URL(fileURLWithPath: repo.gitDirectory).standardizedFileURL.lastPathComponent
            if name == ".git" || name.isEmpty { name = "centre" }
            if name.hasSuffix(".git") { name.removeLast(4) }
            return name
        }

        /// A name gitolite accepts as a user (and that is safe in its conf).
        static func isGitoliteName(_ id: String) -> Bool {
            guard let first = id.unicodeScalars.first, CharacterSet.alphanumerics.contains(first), first.isASCII else { return false }
            return id.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0)) }
        }

        /// One OpenSSH public key line (never a file name to read).
        static func isKeyLine(_ key: String) -> Bool {
            !key.contains("\n") && ["ssh-", "ecdsa-", "sk-"].contains { key.hasPrefix($0) }
        }

        /// Writes keydir/ID.pub for every member with a key (removing every other key) and the
        /// rules; returns how many users there are.
        static func write(_ staff: StaffRegistry, repoName: String, into base: String) throws -> Int {
            let fm = FileManager.default
            let keydir = base + "/keydir"
            try fm.createDirectory(atPath: keydir, withIntermediateDirectories: true)
            try fm.createDirectory(atPath: base + "/conf", withIntermediateDirectories: true)
            var users: [Staff] = []
            for member in HostSupport.people(staff) {
                let id = member.id.rawValue
                guard let key = member.key?.trimmingCharacters(in: .whitespacesAndNewlines), isKeyLine(key), isGitoliteName(id) else { continue }
                try HostSupport.write(key + "\n", to: "\(keydir)/\(id).pub", mode: 0o644)
                users.append(member)
            }
            let keep = Set(users.map { "\($0.id.rawValue).pub" })
            if let found = fm.enumerator(atPath: keydir) {
                for case let path as String in found where path.hasSuffix(".pub") && !keep.contains(path) {
                    try fm.removeItem(atPath: "\(keydir)/\(path)")
                }
            }
            try HostSupport.write(conf(users, repoName: repoName), to: base + "/conf/gitolite.conf", mode: 0o644)
            return users.count
        }

        /// gitolite.conf: who may do what to the centre's repository. `RW` (never `RW+`) allows only
        /// fast-forwards; a ref no rule names is refused, so `main$` is the one branch.
        static func conf(_ users: [Staff], repoName: String) -> String {
            let auditors = users.filter { $0.roles.contains(.auditor) }
            let writers = users.filter { !$0.roles.contains(.auditor) }
            let managers = writers.filter(HostSupport.isManager)
            let staff = writers.filter { !HostSupport.isManager($0) }
            var lines = ["# Written by `casebook host sync-keys` from records/staff.json of \(repoName) (main): edits are overwritten.", ""]
            func group(_ name: String, _ members: [Staff]) {
                if !members.isEmpty { lines.append("@\(name) = " + members.map(\.id.rawValue).joined(separator: " ")) }
            }
            group("staff", staff)
            group("managers", managers)
            group("auditors", auditors)
            lines.append("")
            lines.append("repo \(repoName)")
            if !auditors.isEmpty { lines.append("    R   = @auditors") }
            if !staff.isEmpty { lines.append("    RW  main$ = @staff") }
            if !managers.isEmpty {
                lines.append("    RW  main$ = @managers")
                lines.append("    RW  refs/tags/archive/ = @managers")
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }
}
