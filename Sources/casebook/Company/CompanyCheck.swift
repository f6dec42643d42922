import ArgumentParser
import CaseModel
import CasebookEngine
import Foundation
import GitStore
import SiteBuilder

/// `casebook company check --range OLD..NEW`: what the company repository's hooks run.
struct CompanyCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the company repository's commits: authors on its staff list, signed with their registered key, records readable.",
        discussion: """
        Each commit after the first is checked against the staff list as it stood before it (records/staff.json of its
        parent): the author must be registered and the commit signed with their registered key; every record file it
        changes must read as its kind. One line per refusal; exit 1 on any. The pre-receive and pre-commit hooks of a
        company repository run it.
        Example: casebook company check --range origin/main..main
        """
    )
    @OptionGroup var options: CompanyOptions
    @Option(help: ArgumentHelp("Check every commit in OLD..NEW (or all of REV's history).", valueName: "OLD..NEW")) var range: String

    func run() throws {
        let repo: Repository
        if let dir = ProcessInfo.processInfo.environment["GIT_DIR"], !dir.isEmpty {
            repo = try Repository.openFromEnvironment()
        } else if let found = try? Repository.discover(from: options.company) {
            repo = found
        } else {
            repo = try Repository.open(options.company)
        }
        var parts = range.components(separatedBy: "..")
        if parts.count == 1 { parts.insert("", at: 0) }
        guard parts.count == 2, !parts[1].isEmpty else { throw ValidationError("--range: OLD..NEW, or one revision for its whole history") }
        let new = try Casebook.commitID(parts[1], in: repo)
        let old = parts[0].isEmpty || parts[0].allSatisfy({ $0 == "0" }) ? nil : try Casebook.commitID(parts[0], in: repo)
        let lines = try CompanyCheck.refusals(try repo.commits(from: old, to: new), in: repo)
        for line in lines { FileHandle.standardError.write(Data("casebook company check: \(line)\n".utf8)) }
        if !lines.isEmpty { throw ExitCode(1) }
    }

    /// One line per problem of `commits` (oldest first).
    static func refusals(_ commits: [OID], in repo: Repository) throws -> [String] {
        let s = DeskLanguage.strings
        var lines: [String] = []
        // A commit judged before against the same keys of its author is not verified again.
        let verdicts = SignatureVerdicts(repo: repo)
        defer { verdicts.save() }
        // The registry each commit is judged against, and its allowed-signers text (`Workspace.Signers`),
        // made once per version of the file (by blob id), not at every commit of a range.
        var registries: [String: Workspace.Signers] = [:]
        for id in commits {
            let parents = try repo.parents(of: id)
            let info = try repo.commit(id)
            let blob = try repo.blobID(at: CompanyWorkspace.staffPath, in: parents.first ?? id)
            let registry = try registries[blob?.hex ?? "-"] ?? Workspace.Signers(
                blob.map { try RecordJSON.decode(StaffRegistry.self, from: repo.blob($0), file: CompanyWorkspace.staffPath) } ?? StaffRegistry())
            registries[blob?.hex ?? "-"] = registry
            let staff = registry.staff
            let prefix = "\(id.short) "
            guard let author = staff.byEmail(info.author.email) else {
                lines.append(prefix + s.fill("check.company.unknownAuthor", [info.author.email]))
                continue
            }
            if try verdicts.status(of: id, author: author.email, allowedSigners: registry.text) != .good {
                lines.append(prefix + s.fill("check.company.unsigned", [author.id.rawValue]))
            }
            for delta in try repo.changes(from: parents.first, to: id) {
                guard let blob = delta.new else { continue }
                do {
                    let data = try repo.blob(blob)
                    switch delta.path {
                    case CompanyWorkspace.settingsPath: _ = try RecordJSON.decode(CompanySettings.self, from: data, file: delta.path)
                    case CompanyWorkspace.staffPath: _ = try RecordJSON.decode(StaffRegistry.self, from: data, file: delta.path)
                    case CompanyWorkspace.centresPath: _ = try RecordJSON.decode(CentreList.self, from: data, file: delta.path)
                    case CompanyWorkspace.collectionPath: _ = try RecordJSON.decode(CompanyCollection.self, from: data, file: delta.path)
                    case let p where p.hasPrefix("records/spot-checks/"): _ = try RecordJSON.decode(CompanySample.self, from: data, file: p)
                    default: break
                    }
                } catch {
                    lines.append(prefix + s.fill("check.company.badRecord", [delta.path, s.say(error: error)]))
                }
            }
        }
        return lines
    }

    /// The hook `name` of a company repository: a shim that runs `casebook company check`.
    static func hook(_ name: String) -> String {
        let body = name == "pre-receive" ? """
            status=0
            while read -r old new ref; do
                "$casebook" company check --range "$old..$new" || status=1
            done
            exit $status
            """ : """
            # Head office records its steps with casebook (signed by libgit2); a commit made with stock git is
            # checked when it is pushed (pre-receive). Here only the repository must be a company's.
            test -f records/company.json || { echo "pre-commit: not a company repository" >&2; exit 1; }
            """
        return """
            #!/bin/sh
            # casebook company: \(name) of a company repository (installed by casebook company init).
            casebook="${CASEBOOK_BIN:-$(git config casebook.bin)}"
            casebook="${casebook:-casebook}"
            \(body)

            """
    }
}
