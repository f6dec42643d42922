import CaseModel
import Foundation
import GitStore
import Procedures

/// The summaries of the cases still live (`Status.isOpen`: open, in progress, resolved and
/// awaiting its revisit) kept in `<git dir>/casebook/live` together with the commit they were
/// taken at and the id of that commit's `records/cases` tree. `list --open/--overdue`, `today`
/// and `sweep` can only ever show or act on such cases, whatever the time: `CaseSummary.overdue`,
/// `Today.queue` and `Sweep.nextStep` each look at open cases only, and whether a case is open
/// depends on its file alone. So they read these few hundred entries and the tree diff between
/// that commit and the base, decoding only the case files changed since (a new case, a step, a
/// case closed, a closed case reopened), not the summary of every case.
///
/// It is a cache, never a source of truth: a file that is missing, damaged or of another format
/// or build (the `CacheFile` frame), or that names a commit the repository does not have or a tree
/// that is not that commit's, is ignored and made again from the summaries (`SummaryStore`). A
/// change of many case files since (a layout migration) is taken the same way.
///
/// Beside them, the days whose daily revisit draw (`Workspace.drawDaily`) found nothing to draw
/// at that commit ("YYYY-MM YYYY-MM-DD"), so that a `sweep` with nothing to do does not read
/// every summary again each time. Such a day stays quiet at a later commit when the settings, the
/// procedures and the samples are the same (`inputs`) and no case file changed since would enter
/// the draw (`Sampling.daily` of the changed cases alone, without the earlier draws: a superset
/// of what they add to the population).
package enum LiveCache {
    static let format = "casebook-live 2"
    /// Above this many changed case files, the summaries are cheaper than decoding each file.
    static let diffLimit = 2_000

    static func path(_ repo: Repository) -> String {
        repo.gitDirectory + (repo.gitDirectory.hasSuffix("/") ? "" : "/") + "casebook/live"
    }

    /// What the file holds: the commit, its `records/cases` tree (empty: none), the live entries.
    struct Kept {
        var commit: OID
        var tree: String
        var entries: [(blob: OID, summary: CaseSummary)]
        /// What the daily draw reads beside the cases, at `commit` (`Workspace.drawInputs`).
        var inputs: String = ""
        /// The days found with nothing to draw at `commit`, as "YYYY-MM YYYY-MM-DD".
        var quiet: [String] = []
    }

    static func encode(_ kept: Kept) -> Data {
        var w = SummaryCache.Writer()
        w.string(kept.commit.hex)
        w.string(kept.tree)
        w.u32(UInt32(kept.entries.count))
        for (blob, summary) in kept.entries { w.entry(blob: blob, summary) }
        w.string(kept.inputs)
        w.u32(UInt32(kept.quiet.count))
        for day in kept.quiet { w.string(day) }
        return CacheFile.seal(w.bytes, format: format)
    }

    /// The content of a file `encode` wrote with this build; nil for anything else.
    static func decode(_ data: Data) -> Kept? {
        CacheFile.open(data, format: format) { body in
            var r = SummaryCache.Reader(bytes: body)
            guard let commit = try? OID(hex: r.string()), let tree = try? r.string(), let count = try? Int(r.u32()),
                  count <= body.count else { return nil }
            var entries: [(blob: OID, summary: CaseSummary)] = []
            entries.reserveCapacity(count)
            for _ in 0..<count {
                guard let entry = try? r.entry() else { return nil }
                entries.append(entry)
            }
            guard let inputs = try? r.string(), let quietCount = try? Int(r.u32()), quietCount <= body.count else { return nil }
            var quiet: [String] = []
            for _ in 0..<quietCount {
                guard let day = try? r.string() else { return nil }
                quiet.append(day)
            }
            guard r.i == body.count else { return nil }
            return Kept(commit: commit, tree: tree, entries: entries, inputs: inputs, quiet: quiet)
        }
    }

    /// Writes `kept`, atomically; best effort (a read-only repository goes without).
    static func save(_ kept: Kept, to path: String) {
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try? AtomicFile.write(encode(kept), to: path, durable: false)
    }
}

extension Workspace {
    /// The cases at the base that are still live (`Status.isOpen`), in path order, as summaries:
    /// exactly `caseSummaries().filter { $0.summary.status.isOpen }`, from the live cache and the
    /// case files changed since the commit it was taken at.
    /// - Throws: what decoding a changed case file throws.
    package func liveCases() throws -> [CaseEntry] {
        try live().entries
    }

    /// The days found with nothing to draw daily at the base ("YYYY-MM YYYY-MM-DD").
    func quietDrawDays() throws -> Set<String> {
        Set(try live().quiet)
    }

    /// Remembers in the live cache that the daily draw of `month` on `day` finds nothing at the
    /// base (best effort: nothing when the cache is not at the base).
    func rememberQuiet(month: String, day: String) throws {
        guard let base else { return }
        var kept = try live()
        guard kept.commit == base else { return }
        kept.quiet = Array(Set(kept.quiet + ["\(month) \(day)"])).sorted()
        LiveCache.save(LiveCache.Kept(commit: base, tree: kept.tree, entries: kept.entries.map { ($0.blob, $0.summary) },
                                      inputs: kept.inputs, quiet: kept.quiet), to: LiveCache.path(repo))
    }

    /// What the daily draw reads beside the cases at `commit`: the ids of the settings, the
    /// procedures and the samples.
    func drawInputs(at commit: OID) throws -> String {
        try [Workspace.settingsPath, "records/procedures", "records/samples"].map { try repo.blobID(at: $0, in: commit)?.hex ?? "-" }.joined(separator: " ")
    }

    /// The live cache brought to the base (and written back when it moved or was made again).
    private func live() throws -> (commit: OID?, tree: String, entries: [CaseEntry], inputs: String, quiet: [String]) {
        let file = LiveCache.path(repo)
        guard let base else { return (nil, "", [], "", []) }
        let tree = try repo.blobID(at: "records/cases", in: base)?.hex ?? ""
        let inputs = try drawInputs(at: base)
        if let data = FileManager.default.contents(atPath: file), let kept = LiveCache.decode(data),
           let (out, changed) = try updated(kept, to: base, tree: tree) {
            var quiet = kept.quiet
            if kept.commit != base {
                // A quiet day stays quiet when nothing it reads changed but case files none of which it would draw.
                let facts = changed.map(\.facts)
                quiet = inputs == kept.inputs ? kept.quiet.filter { key in
                    let parts = key.split(separator: " ").map(String.init)
                    guard parts.count == 2 else { return false }
                    return (try? Sampling.daily(month: parts[0], on: parts[1], facts: facts, earlier: [], profile: profile,
                                                calendar: calendar, zone: zone)) == .some(nil)
                } : []
                LiveCache.save(LiveCache.Kept(commit: base, tree: tree, entries: out.map { ($0.blob, $0.summary) }, inputs: inputs, quiet: quiet),
                               to: file)
            }
            if ProcessInfo.processInfo.environment["CASEBOOK_SUMMARY_STATS"] == "1" {
                FileHandle.standardError.write(Data("live: \(out.count) kept, \(changed.count) read\n".utf8))
            }
            return (base, tree, out, inputs, quiet)
        }
        // Made again from every case's summary.
        let out = try caseSummaries().filter { $0.summary.status.isOpen }
        LiveCache.save(LiveCache.Kept(commit: base, tree: tree, entries: out.map { ($0.blob, $0.summary) }, inputs: inputs), to: file)
        return (base, tree, out, inputs, [])
    }

    /// The live entries of `kept` brought to `base` (whose `records/cases` tree is `tree`), and
    /// the summaries of the case files changed since: nil when `kept` cannot be trusted (its
    /// commit is not in the repository, or its tree is not that commit's) or when too many case
    /// files changed since.
    private func updated(_ kept: LiveCache.Kept, to base: OID, tree: String) throws -> ([CaseEntry], [CaseSummary])? {
        let keptTree: OID?
        do {
            keptTree = try repo.blobID(at: "records/cases", in: kept.commit)
        } catch {
            return nil
        }
        guard (keptTree?.hex ?? "") == kept.tree else { return nil }
        var byPath: [String: CaseEntry] = [:]
        for (blob, summary) in kept.entries {
            byPath[summary.path] = CaseEntry(summary: summary, blob: blob, path: summary.path)
        }
        guard byPath.count == kept.entries.count else { return nil }
        var summaries: [CaseSummary] = []
        if kept.tree != tree {
            let deltas = try repo.changes(from: kept.commit, to: base, under: "records/cases")
            guard deltas.count <= LiveCache.diffLimit else { return nil }
            var changed: [(path: String, blob: OID)] = []
            for delta in deltas {
                byPath[delta.path] = nil
                if let new = delta.new, delta.path.hasSuffix(".json") { changed.append((delta.path, new)) }
            }
            let decoded = try repo.decodedInChunks(changed) { CaseSummary(try RecordJSON.decode(CaseFile.self, from: $0, file: $1), at: $1) }
            for (entry, summary) in zip(changed, decoded) {
                summaries.append(summary)
                if summary.status.isOpen { byPath[entry.path] = CaseEntry(summary: summary, blob: entry.blob, path: entry.path) }
            }
        }
        // Path order, as the tree lists them (git orders a folder as its name and "/": byte order of the whole path).
        return (byPath.values.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }, summaries)
    }
}
