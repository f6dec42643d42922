import ArgumentParser
import CasebookEngine
import Foundation
import GitStore

extension Casebook {
    /// `casebook host refresh`: what the post-receive hook runs after every accepted push.
    struct HostRefresh: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "refresh",
            abstract: "After a push: gitolite's keys, the password files and the dashboard, as `host install` set them up.",
            discussion: """
            sync-keys when casebook.gitolite is set; passwords and publish when casebook.site is set. Each part
            that fails says so and the others still run; exit 1 if any failed (the push itself stands).
            Example: casebook host refresh --central ~/repositories/centre.git
            """
        )
        @OptionGroup var central: CentralOption
        @Option(help: ArgumentHelp("The time the dashboard is drawn at (default: $CASEBOOK_NOW, then now).", valueName: "time")) var now: String?

        func run() throws {
            let repo = try central.open()
            let path = repo.gitDirectory
            var parts: [() throws -> Void] = []
            if let base = repo.config("casebook.gitolite"), !base.isEmpty {
                parts.append { try HostSyncKeys.parse(["--central", path, "--gitolite", base]).run() }
            }
            if let site = HostSupport.siteRoot(repo) {
                parts.append { try HostPasswords.parse(["--central", path, "--site", site]).run() }
                parts.append { try HostPublish.parse(["--central", path, "--site", site] + (now.map { ["--now", $0] } ?? [])).run() }
            }
            var failed = false
            for part in parts {
                do { try part() } catch {
                    failed = true
                    FileHandle.standardError.write(Data("\(DeskLanguage.strings["desk.errorPrefix"])\(DeskLanguage.strings.say(error: error))\n".utf8))
                }
            }
            if failed { throw ExitCode(1) }
        }
    }
}
