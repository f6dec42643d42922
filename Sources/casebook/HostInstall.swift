import ArgumentParser
import CasebookEngine
import Foundation
import GitStore

extension Casebook {
    /// `casebook host install`: the central repository's hooks and where the host publishes.
    struct HostInstall: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "install",
            abstract: "Install the host's hooks in the central repository and record where the dashboard is published.",
            discussion: """
            Writes pre-receive (`casebook check --range` on every pushed commit, with --pusher "$GL_USER" under
            gitolite, or system for the host's own pushes) and post-receive (`casebook host refresh`) into
            BARE_REPO/hooks, leaving gitolite's update hook in place; refuses forced pushes and deletions
            (receive.denyNonFastForwards, receive.denyDeletes); records the site folder (casebook.site) and, with
            --gitolite, gitolite's admin folder (casebook.gitolite), so that each accepted push refreshes both.
            Example: casebook host install --central ~/repositories/centre.git --site /srv/casebook/centre --gitolite ~/.gitolite
            """
        )
        @OptionGroup var central: CentralOption
        @Option(help: ArgumentHelp("The folder the dashboard is published in (DIR/current is the web root, DIR/auth the password files).", valueName: "DIR"))
        var site: String?
        @Option(help: ArgumentHelp("gitolite's admin folder (~/.gitolite of the hosting user): its keydir and conf follow records/staff.json.", valueName: "DIR"))
        var gitolite: String?

        func run() throws {
            let repo = try central.open()
            let folder = try Hooks.installServer(["pre-receive", "post-receive"], in: repo)
            if let site {
                let path = URL(fileURLWithPath: site).standardizedFileURL.path
                try FileManager.default.createDirectory(atPath: path + "/auth", withIntermediateDirectories: true)
                try repo.setConfig("casebook.site", path)
            }
            if let gitolite {
                try repo.setConfig("casebook.gitolite", URL(fileURLWithPath: gitolite).standardizedFileURL.path)
            }
            print(DeskLanguage.strings.fill("host.installed", [folder.path]))
        }
    }
}
