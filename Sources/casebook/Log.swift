import ArgumentParser
import CaseModel
import CasebookEngine
import Foundation
import GitStore
import SiteBuilder

extension Casebook {
    /// `casebook log ID`: the commits that changed the case, newest first.
    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "log",
            abstract: "List the commits of one case: hash, time, author, action, signature.",
            discussion: "Example: casebook log C-20261122-K3F-0001"
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: CaseArgument

        func run() throws {
            let ws = try global.workspace()
            let id = CaseID(rawValue: target.id)
            let path = try ws.path(of: id)
            // The history index (one walk, kept in .git/casebook/history) instead of a walk per call.
            let commits = try HistoryIndex.commits(touching: path, in: ws.repo).reversed()
            guard !commits.isEmpty else { throw Failure(key: "noSuchCase", "\(id.rawValue)") }
            let s = DeskLanguage.strings
            for c in commits {
                let time = Timestamp(date: Date(timeIntervalSince1970: TimeInterval(c.author.time)), offsetSeconds: Int(c.author.offsetMinutes) * 60)
                let action = c.action.map { raw in s.term(raw) { s in Action(rawValue: raw).map(s.action) ?? raw } } ?? (c.isMerge ? s["log.merge"] : "-")
                print([c.id.short, time.description, "\(c.author.name) <\(c.author.email)>", action,
                       s.term(c.isSigned ? "signed" : "unsigned") { $0.signature(c.isSigned ? .signed : .unsigned) }].joined(separator: "\t"))
            }
        }
    }
}
