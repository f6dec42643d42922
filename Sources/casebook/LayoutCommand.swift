import ArgumentParser
import CaseModel
import CasebookEngine
import Foundation
import GitStore
import Procedures

extension CaseLayout: ExpressibleByArgument {}

extension Casebook {
    /// `casebook layout show|migrate`: how case files are laid out under `records/cases/`.
    struct LayoutCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "layout",
            abstract: "Show how case files are laid out, or move them into day folders (one commit, by a manager).",
            discussion: """
            A repository made before day folders keeps a month's cases in one folder \
            (records/cases/YYYY/MM/<id>.json); a busy centre's month is some 8,000 files, which every \
            commit rewrites and every checked commit parses. `layout migrate` moves every case file, \
            unchanged, to records/cases/YYYY/MM/DD/<id>.json and sets `layout` in records/casebook.json, \
            in one signed commit the hooks check. Desks pull it with `casebook sync`, which carries their \
            unpushed steps into the new places. Example: casebook layout migrate --as zhou.jl
            """,
            subcommands: [ShowLayout.self, Migrate.self]
        )

        struct ShowLayout: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "show", abstract: "Print the case layout in force.")
            @OptionGroup var global: GlobalOptions

            func run() throws {
                let ws = try global.workspace()
                print(DeskLanguage.strings.fill("layout.show", [ws.settings.caseLayout.rawValue, ws.settings.caseLayout.pattern]))
            }
        }

        struct Migrate: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "migrate",
                abstract: "Move every case file into the layout given (default: day folders) in one commit by a manager.")
            @OptionGroup var global: GlobalOptions
            @Option(help: "The layout to move to: day or month.") var to: CaseLayout = .day

            func run() throws { try Retry.onConcurrentUpdate { try attempt() } }

            func attempt() throws {
                let ws = try global.workspace()
                let actor = try ws.actor(global.actor)
                guard actor.ownsConfiguration else {
                    throw Failure(key: "configOwner", actor.id.rawValue, Workspace.settingsPath)
                }
                let s = DeskLanguage.strings
                guard ws.settings.caseLayout != to else {
                    print(s.fill("layout.already", [to.rawValue]))
                    return
                }
                let plan = try LayoutMove.plan(in: ws, to: to)
                var settings = ws.settings
                settings.layout = to
                var changes = [FileChange(path: Workspace.settingsPath, content: try RecordJSON.encode(settings))]
                for move in plan {
                    guard try ws.repo.isUnchangedSettled(move.from) else { throw Failure(key: "uncommitted", move.from) }
                    changes.append(FileChange(path: move.to, content: try ws.repo.blob(move.blob)))
                }
                try ws.commit(changes, removing: plan.map(\.from), by: actor, at: try ws.now(), message: """
                    Case files laid out by \(to.rawValue) (casebook layout migrate): \(plan.count) moved, unchanged

                    Action: migrate-layout
                    Procedure: DESIGN: records/cases/YYYY/MM/DD/<id>.json
                    """)
                print(s.fill("layout.migrated", ["\(plan.count)", to.pattern]))
            }
        }
    }
}
