import ArgumentParser
import CasebookEngine
import Foundation
import GitStore

extension Casebook {
    /// `casebook verify [RANGE]`: who signed what.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Report each commit's signature: good (the author's registered key), unsigned, bad, or not registered.",
            discussion: """
            Keys come from records/staff.json at HEAD. Exit 1 if a signature is bad or by a key not registered
            for its author, if a commit's author is not on the staff list, or if a commit is unsigned that the
            signature policy of records/casebook.json (signatures; requireSignatures) requires signed: by default
            every commit of someone with a registered key.
            Examples: casebook verify              (all of HEAD's history)
                      casebook verify origin/main..main
            """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("Commits to check (default: all of HEAD's history).", valueName: "OLD..NEW")) var range: String?

        func run() throws {
            let ws = try global.workspace()
            let repo = ws.repo
            let commits: [OID]
            if let range {
                let parts = range.components(separatedBy: "..")
                guard parts.count == 2 else { throw ValidationError("RANGE: OLD..NEW") }
                commits = try repo.commits(from: parts[0].isEmpty ? nil : Casebook.commitID(parts[0], in: repo),
                                           to: Casebook.commitID(parts[1].isEmpty ? "HEAD" : parts[1], in: repo))
            } else {
                guard let head = try repo.head() else { return }
                commits = try repo.commits(from: nil, to: head)
            }
            // Verdicts already reached against the same keys are kept in .git/casebook/signatures.
            let verdicts = SignatureVerdicts(repo: repo)
            defer { verdicts.save() }
            var counts: [SignatureStatus: Int] = [:]
            var failed = false
            for id in commits {
                let info = try repo.commit(id)
                let status = try verdicts.status(of: id, author: info.author.email, allowedSigners: ws.allowedSigners)
                counts[status, default: 0] += 1
                switch status {
                case .good: break
                case .unsigned:
                    let isRoot = try repo.parents(of: id).isEmpty
                    let author = ws.staff.byEmail(info.author.email)
                    let policy = ws.settings.signaturePolicy
                    if !isRoot, policy == .required || author.map(policy.requiresSignature) == true { failed = true }
                case .bad, .unregistered: failed = true
                }
                if ws.staff.byEmail(info.author.email) == nil, try !repo.parents(of: id).isEmpty { failed = true }
                print("\(id.short) \(status.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)) \(info.author.email) \(info.summary)")
            }
            let summary = SignatureStatus.allCases.compactMap { s in counts[s].map { "\($0) \(s.rawValue)" } }.joined(separator: ", ")
            print("\(commits.count) commits: \(summary)")
            if failed { throw ExitCode(1) }
        }
    }
}
