import ArgumentParser
import CasebookEngine
import Foundation
import GitStore

extension Casebook {
    /// `casebook host sweep`: the scheduled run on the host (systemd timer or cron).
    struct HostSweep: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sweep",
            abstract: "On the host: bring its clone up to main, sweep as system, push, and publish the dashboard.",
            discussion: """
            CLONE is the host's own clone of the central repository (made with `casebook init`, so it holds the
            host's key for system in .git/casebook/keys/system). The steps are pushed with stock git to origin,
            through the same pre-receive as every desk's push (as system: under gitolite with `gitolite push`,
            which sets GL_BYPASS_ACCESS_CHECKS, its way for the host itself), whose post-receive publishes; when time made no step the dashboard is
            published anyway, since what is due and overdue changes with the clock.
            Run by host/systemd/casebook-sweep.timer (or the cron line in host/cron); see docs/host.md.
            Example: casebook host sweep --work /var/lib/gitolite3/work/centre
            """
        )
        @Option(help: ArgumentHelp("The host's clone of the central repository.", valueName: "CLONE")) var work: String
        @Option(help: ArgumentHelp("The time to sweep at (default: $CASEBOOK_NOW, then now).", valueName: "time")) var now: String?

        func run() throws {
            let env = HostSupport.cleanEnvironment(["GL_BYPASS_ACCESS_CHECKS": "1"])
            func git(_ args: [String]) throws -> (status: Int32, out: String) {
                try HostSupport.run("git", ["-C", work] + args, env: env)
            }
            func origin() throws -> String {
                try git(["remote", "get-url", "origin"]).out.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            guard try git(["pull", "--ff-only", "-q", "origin", "main"]).status == 0 else { throw Failure(key: "host.pullFailed", work) }
            let before = try git(["rev-parse", "HEAD"]).out
            try SweepCommand.parse(["--repo", work] + (now.map { ["--now", $0] } ?? [])).run()
            if try git(["rev-parse", "HEAD"]).out != before {
                // The post-receive hook publishes.
                // Under gitolite through `gitolite push` (its update hook needs gitolite's environment).
                let gitolite = try CentralOption.parse(["--central", origin()]).open().config("casebook.gitolite") != nil
                let push = gitolite ? try HostSupport.run("gitolite", ["push", "-q", "origin", "HEAD:refs/heads/main"], in: work, env: env)
                                    : try git(["push", "-q", "origin", "HEAD:refs/heads/main"])
                guard push.status == 0 else { throw Failure(key: "host.pushFailed", work) }
                return
            }
            let central = try CentralOption.parse(["--central", origin()]).open()
            if let site = HostSupport.siteRoot(central) {
                try HostPublish.parse(["--central", central.gitDirectory, "--site", site] + (now.map { ["--now", $0] } ?? [])).run()
            }
        }
    }
}
