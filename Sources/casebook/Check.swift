import ArgumentParser
import CaseModel
import CasebookEngine
import Foundation
import GitStore
import Procedures

extension Casebook {
    /// `casebook check --staged | --range OLD..NEW`: the validator behind the hooks.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check the staged change, or every commit of a range, against the procedures (what the hooks run).",
            discussion: """
            Every changed case file must parse, sit at the path its id gives, only append events, hold the
            fold of its events, and each new event must be allowed to its actor, who must be the commit's
            author, at a time not after the commit; configuration files may change only by a manager or
            above; case files are never deleted. With --range each commit is checked on its own against the
            rules of its parent (so a bad step cannot hide inside a good push), merges must only unite
            their parents' events, and with requireSignatures every commit must be signed by its author's
            registered key. A new step stated more than the profile's late-entry grace (1 h) before the check's clock
            ($CASEBOOK_NOW, else now: the push's arrival on the server) must be marked a late entry 补录 (recordedAt,
            lateReason; 002 篇1 §4.2); a single revision judges each commit at its own time instead. OLD may be 40 zeros (a new branch: commits no existing reference has); a single
            revision re-checks its whole history, from the first commit.
            With --pusher ID (the central host's pre-receive under gitolite: GL_USER, or system for the host's own
            push) every commit new to the repository must also be authored by ID, who must be on the staff list.
            One line per refusal; exit 1 on any.
            Examples: casebook check --staged
                      casebook check --range origin/main..main
                      casebook check --range main
            """
        )
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Check the index against HEAD.") var staged = false
        @Option(help: ArgumentHelp("Check every commit in OLD..NEW (or all of REV's history).", valueName: "OLD..NEW")) var range: String?
        @Flag(help: "With --range OLD..NEW: judge each commit at its own time, as an auditor re-checking history already received does (the hooks judge a push at its arrival).")
        var asRecorded = false
        @Option(help: ArgumentHelp("With --range: the staff id of who pushes (gitolite's GL_USER; `system` for the host itself); every new commit must be theirs.", valueName: "staff-id"))
        var pusher: String?

        func validate() throws {
            guard staged != (range != nil) else { throw ValidationError("give --staged or --range OLD..NEW") }
            guard pusher == nil || range != nil else { throw ValidationError("--pusher goes with --range") }
        }

        func run() throws {
            let refusals = if let range { try checkRange(range) } else { try checkStaged() }
            if refusals.isEmpty { return }
            for line in refusals { FileHandle.standardError.write(Data(("casebook check: " + line + "\n").utf8)) }
            throw ExitCode(1)
        }

        func checkStaged() throws -> [String] {
            let ws = try global.workspace(recover: false)
            let env = ProcessInfo.processInfo.environment
            let authorEmail = env["GIT_AUTHOR_EMAIL"].flatMap { $0.isEmpty ? nil : $0 } ?? ws.repo.config("user.email")
            let now = try ws.now()
            let review = Review(ws: ws, authorEmail: authorEmail, commitTime: now, judgedAt: now)
            let deltas = try ws.repo.stagedChanges(indexFile: env["GIT_INDEX_FILE"].flatMap { $0.isEmpty ? nil : $0 })
            var lines = try review.refusals(deltas)
            // Who commits, and whether git will sign it (the signature itself comes after this hook).
            let policy = ws.settings.signaturePolicy
            let willSign = { (author: Staff) in SigningSetup.willSign(as: author, in: ws.repo.workdir) }
            if let author = review.author {
                if policy.requiresSignature(of: author), !willSign(author) {
                    lines.append(DeskLanguage.strings.fill("check.signingNotConfigured", [author.id.rawValue]))
                }
                if try review.relaxes(deltas), !(author.ownsConfiguration && author.key != nil && willSign(author)) {
                    lines.append(DeskLanguage.strings.fill("check.relaxUnsigned", [authorEmail ?? "unknown"]))
                }
            } else if !deltas.isEmpty, !review.isBootstrap(deltas) {
                lines.append(DeskLanguage.strings.fill("check.unknownAuthor", [authorEmail ?? "unknown"]))
            }
            return lines
        }

        func checkRange(_ range: String) throws -> [String] {
            let repo = try Casebook.hookRepository(global)
            var parts = range.components(separatedBy: "..")
            // A single revision: the whole history that reaches it (an auditor's full re-check).
            let whole = parts.count == 1
            if whole { parts.insert("", at: 0) }
            guard parts.count == 2, !parts[1].isEmpty else { throw ValidationError("--range: OLD..NEW, or one revision for its whole history") }
            let new = try Casebook.commitID(parts[1], in: repo)
            let zeros = parts[0].isEmpty || parts[0].allSatisfy { $0 == "0" }
            let old = zeros ? nil : try Casebook.commitID(parts[0], in: repo)
            let commits = try repo.commits(from: old, to: new, excludingExistingRefs: zeros && !whole)
            guard let first = commits.first else { return [] }
            let ws = try Workspace(repo: repo, at: try repo.parents(of: first).first ?? first)
            // A push (OLD..NEW, or a new branch) is judged at the time it arrives; a whole history
            // already received, each commit at its own time (old history is not judged again).
            var lines = try ws.review(commits: commits, pushTime: whole || asRecorded ? nil : try ws.now())
            if let pusher { lines += try Self.pusherRefusals(commits, pusher: pusher, staff: ws.staff, repo: repo) }
            return lines
        }

        /// The central host knows who pushes (gitolite's `GL_USER`): every commit new to it must be
        /// authored by that member of staff, who must be on the staff list as it stood before the
        /// push. So nobody brings in another's steps, and a removed member pushes nothing.
        static func pusherRefusals(_ commits: [OID], pusher: String, staff: StaffRegistry, repo: Repository) throws -> [String] {
            let s = DeskLanguage.strings
            guard staff[StaffID(rawValue: pusher)] != nil else { return [s.fill("check.pusherNotStaff", [oneLine(pusher, limit: 60)])] }
            return try commits.compactMap { id in
                let info = try repo.commit(id)
                let author = staff.byEmail(info.author.email)?.id.rawValue
                guard author != pusher else { return nil }
                return "\(id.short) " + s.fill("check.notPusher", [author ?? info.author.email, pusher])
            }
        }
    }

    /// The repository a command run by a hook works on: the one git's environment names (a bare
    /// central repository, with a push's quarantined objects), else the one --repo finds.
    static func hookRepository(_ global: GlobalOptions) throws -> Repository {
        if let dir = ProcessInfo.processInfo.environment["GIT_DIR"], !dir.isEmpty {
            return try Repository.openFromEnvironment()
        }
        if let repo = try? Repository.discover(from: global.repo) { return repo }
        return try Repository.open(global.repo)
    }

    /// A commit from 40 hex digits or any revision git's rev-parse reads (`main`, `HEAD~1000`).
    static func commitID(_ text: String, in repo: Repository) throws -> OID {
        if let oid = OID(hex: text) { return oid }
        if let oid = try repo.revision(text) { return oid }
        throw Failure(key: "noRevision", "\(text.prefix(60))")
    }
}
