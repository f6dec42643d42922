import ArgumentParser
import CaseModel
import CasebookEngine
import Foundation
import GitStore

/// `casebook company fetch`: every centre's repository brought up to date in its mirror,
/// verified, and what head office accepted recorded in one signed commit.
struct CompanyFetch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch every centre into its mirror, verify the new commits, and record what was accepted (one signed commit).",
        discussion: """
        Each centre's main branch (and its archive tags) is fetched through libgit2 into .git/casebook/centres/CODE.git;
        only what is new is transferred and checked. The new commits must descend from the commit accepted last time
        and pass the centre's own check (casebook check --range: every step allowed to its author by the centre's
        procedures, and signed by the author's key registered in the centre's records/staff.json as it stood before
        the commit). A centre that cannot be reached, or whose new commits do not verify, keeps its last good commit
        and is reported (the first refused commit is named); the others go on. records/collection.json names each
        centre's accepted commit and when it was last fetched good; it is committed as one commit by the actor
        (default: system, signed with this repository's key). Exit 1 when a centre was refused or unreachable.
        Example: casebook company fetch --company ~/company
        """
    )
    @OptionGroup var options: CompanyOptions

    func run() throws {
        let ws = try options.workspace()
        let author: Staff
        if options.actor == nil, ProcessInfo.processInfo.environment["CASEBOOK_ACTOR"].map(\.isEmpty) ?? true, let system = ws.staff["system"] {
            author = system
        } else {
            author = try ws.actor(options.actor, mayAct: companyOwners.union([.system, .generalOffice, .qualityManagement]), what: "fetch")
        }
        let now = try ws.now()
        let s = DeskLanguage.strings // the company's (pinned): a centre's workspace does not change it
        // Centres are fetched and verified side by side, a few at a time (each is network and one core's
        // checking), and reported in the list's order, as one after another would.
        let centres = ws.centres.centres
        let width = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4))
        var entries: [CentreFetch] = []
        for start in stride(from: 0, to: centres.count, by: width) {
            let chunk = Array(centres[start..<min(start + width, centres.count)])
            let previous = chunk.map { ws.collection?[$0.code] }
            let paths = chunk.map { ws.mirrorPath($0.code) }
            let results = Array(chunk.indices).concurrentMap { n in
                CompanyFetch.collect(chunk[n], previous: previous[n], mirror: paths[n], at: now)
            }
            entries += results.enumerated().map { n, result in
                (try? result.get()) ?? CentreFetch(centre: chunk[n].code, outcome: .unreachable, commit: previous[n]?.commit,
                                                   lastGood: previous[n]?.lastGood, problem: "not fetched")
            }
        }
        for (centre, entry) in zip(centres, entries) {
            let line: String = switch entry.outcome {
            case .accepted: s.fill("company.fetch.accepted", [centre.code, String(entry.commit?.prefix(10) ?? "-")])
            case .unchanged: s.fill("company.fetch.unchanged", [centre.code, String(entry.commit?.prefix(10) ?? "-")])
            case .unreachable: s.fill("company.fetch.unreachable", [centre.code, entry.problem ?? "", entry.lastGood?.description ?? s["company.never"]])
            case .refused: s.fill("company.fetch.refused", [centre.code, String(entry.refusedCommit?.prefix(10) ?? "-"), entry.problem ?? ""])
            }
            print(line)
        }
        let collection = CompanyCollection(at: now, centres: entries)
        let trailers = entries.map { "Centre-\($0.centre): \($0.outcome.rawValue) \($0.commit ?? "-")" }.joined(separator: "\n")
        try ws.commit([FileChange(path: CompanyWorkspace.collectionPath, content: try RecordJSON.encode(collection))], by: author, message: """
            company: collection of \(entries.count) centres

            \(trailers)
            Action: company-fetch
            """)
        if entries.contains(where: { $0.outcome == .refused || $0.outcome == .unreachable }) { throw ExitCode(1) }
    }

    /// Fetches `centre` into its mirror and verifies what is new since `previous`'s accepted
    /// commit; never throws: a failure is the entry's outcome.
    static func collect(_ centre: Centre, previous: CentreFetch?, mirror path: String, at now: Timestamp) -> CentreFetch {
        let lastCommit = previous?.commit
        let lastGood = previous?.lastGood
        func failed(_ outcome: CentreFetch.Outcome, _ problem: String, refused: String? = nil) -> CentreFetch {
            CentreFetch(centre: centre.code, outcome: outcome, commit: lastCommit, lastGood: lastGood, refusedCommit: refused,
                        problem: oneLine(problem, limit: 300))
        }
        let mirror: Repository
        do {
            mirror = try Repository.bare(at: path)
            try mirror.fetch(url: centre.url, refspecs: ["+refs/heads/main:refs/incoming/main", "+refs/tags/archive/*:refs/tags/archive/*"])
        } catch {
            return failed(.unreachable, "\(error)")
        }
        do {
            guard let new = try mirror.resolve("refs/incoming/main") else { return failed(.unreachable, "no main branch") }
            let old = lastCommit.flatMap(OID.init(hex:))
            if let old, old == new {
                return CentreFetch(centre: centre.code, outcome: .unchanged, commit: new.hex, lastGood: now)
            }
            // The accepted history is never rewritten: the new head must descend from it.
            if let old, try mirror.mergeBase(old, new) != old {
                return failed(.refused, DeskLanguage.strings.fill("company.rewritten", [old.short]), refused: new.hex)
            }
            let commits = try mirror.commits(from: old, to: new)
            // The mirror's summary cache (by blob id), shared by the check and the keeping below.
            let summaries = SummaryStore(repo: mirror)
            if let first = commits.first {
                let ws = try Workspace(repo: mirror, at: try mirror.parents(of: first).first ?? first)
                let lines = try ws.review(commits: commits, summaries: summaries)
                if let line = lines.first {
                    summaries.saveLast()
                    let short = String(line.prefix { $0 != " " })
                    let bad = commits.first { $0.short == short }?.hex ?? new.hex
                    return failed(.refused, line, refused: bad)
                }
            }
            try mirror.setReference("refs/heads/main", to: new)
            // The company site reads every case's summary at the accepted commit: kept now, while this
            // centre is fetched side by side with others, reading only the case files new since the
            // cache's commit. A cache: the site still reads what is missing; a failure here is not the fetch's.
            try? summaries.keep(at: new)
            return CentreFetch(centre: centre.code, outcome: .accepted, commit: new.hex, lastGood: now)
        } catch {
            return failed(.refused, DeskLanguage.strings.say(error: error), refused: nil)
        }
    }
}
