import ArgumentParser
import CasebookEngine
import Foundation
import GitStore

extension Casebook {
    /// `casebook hooks install [--server BARE_REPO]`.
    struct Hooks: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hooks",
            abstract: "Install the hooks that enforce the procedures.",
            discussion: "Example: casebook hooks install",
            subcommands: [Install.self]
        )

        /// Writes the named default hooks into the bare repository `repo` and sets what every
        /// central repository needs: this binary's path, and no forced pushes or deleted history
        /// (old objects stay reachable). Returns the hooks folder.
        static func installServer(_ names: [String], in repo: Repository) throws -> URL {
            let folder = URL(fileURLWithPath: repo.gitDirectory).appendingPathComponent("hooks")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for name in names {
                let data = try Data(contentsOf: Defaults.root.appendingPathComponent("hooks/\(name)"))
                try AtomicFile.write(data, to: folder.appendingPathComponent(name).path, mode: 0o755)
            }
            try repo.setConfig("casebook.bin", Init.executablePath)
            try repo.setConfig("receive.denyNonFastForwards", "true")
            try repo.setConfig("receive.denyDeletes", "true")
            return folder
        }

        struct Install: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "install",
                abstract: "Install the hooks in this clone, or the server hooks in a central bare repository.",
                discussion: """
                In a clone: core.hooksPath=hooks (pre-commit runs `casebook check --staged`) and the merge driver.
                With --server: pre-receive and update in BARE_REPO/hooks run `casebook check --range OLD..NEW` on
                every pushed commit, and refuse deleting a branch.
                Example: casebook hooks install --server /srv/git/cuihu.git
                """
            )
            @OptionGroup var global: GlobalOptions
            @Option(help: ArgumentHelp("A central bare repository.", valueName: "BARE_REPO")) var server: String?

            func run() throws {
                guard let server else {
                    let ws = try global.workspace()
                    try Init.configure(ws.repo, desk: nil)
                    print("hooks and merge driver set up in \(ws.repo.workdir)")
                    return
                }
                let repo: Repository
                do {
                    repo = try Repository.open(server)
                } catch {
                    throw Failure(key: "noServerRepo", "\(server)")
                }
                guard repo.isBare else { throw Failure(key: "serverNotBare", "\(server)") }
                let folder = try Hooks.installServer(["pre-receive", "update"], in: repo)
                print("pre-receive and update installed in \(folder.path)")
            }
        }
    }
}
