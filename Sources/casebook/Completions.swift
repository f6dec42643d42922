import ArgumentParser
import CaseModel
import CasebookEngine
import Foundation

extension CompletionKind {
    /// The case ids at HEAD of the repository the command line names (`--repo`, else the one
    /// around the current directory).
    static var caseIDs: CompletionKind {
        .custom { words, _, prefix in Completions.caseIDs(words: words).filter { $0.hasPrefix(prefix) } }
    }

    /// The staff ids of records/staff.json at HEAD.
    static var staffIDs: CompletionKind {
        .custom { words, _, prefix in Completions.staffIDs(words: words).filter { $0.hasPrefix(prefix) } }
    }
}

/// Completion words read from the repository at HEAD; nothing (never an error) when there is none.
enum Completions {
    /// The `--repo` the words name, else ".".
    static func repo(in words: [String]) -> String {
        for (i, w) in words.enumerated() {
            if w == "--repo", i + 1 < words.count { return words[i + 1] }
            if w.hasPrefix("--repo=") { return String(w.dropFirst("--repo=".count)) }
        }
        return "."
    }

    static func caseIDs(words: [String]) -> [String] {
        guard let ws = try? Workspace(path: repo(in: words)),
              let files = try? ws.repo.files(under: "records/cases", at: ws.base) else { return [] }
        return files.compactMap { entry -> String? in
            let name = (entry.path as NSString).lastPathComponent
            guard name.hasSuffix(".json") else { return nil }
            let id = String(name.dropLast(5))
            return CaseID(rawValue: id).isWellFormed ? id : nil
        }.sorted()
    }

    static func staffIDs(words: [String]) -> [String] {
        guard let ws = try? Workspace(path: repo(in: words)) else { return [] }
        return ws.staff.staff.filter { !$0.roles.contains(.system) }.map(\.id.rawValue).sorted()
    }
}
