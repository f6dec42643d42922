import CaseModel
import Foundation
import GitStore
import Procedures

/// The case summaries of one command, at one commit or at many (`check --range` judges each
/// sample and review sign-off against the cases at its commit's parent): the summary cache file
/// (`SummaryCache`) is read once, a folder of the case tree is listed once per tree id (a commit
/// changes a few day folders; the rest are the same trees as at the commit before), and only the
/// blobs no summary is kept for are read and decoded. `save` writes what was learnt back.
package final class SummaryStore {
    let repo: Repository
    let file: String
    /// The cache file as read, and its summaries by blob id.
    private let read: SummaryCache.Loaded
    private var loaded: [OID: CaseSummary] { read.summaries }
    /// The summaries decoded or remembered since, by blob id, that `loaded` lacks: the only
    /// ones an `entries` can hold that the file lacks. Kept apart from `loaded` (not one
    /// dictionary of both): adding one summary to a copy of the file's 89,087 copied them all.
    private var learnt: [OID: CaseSummary] = [:]
    /// Folders already listed, by tree id and path: their case files and subfolders (`level`).
    private var folders: [String: [Item]] = [:]
    /// What `entries` and `facts` made of folders that hold only files, by tree id and path (`assemble`).
    private var made: [String: [CaseEntry]] = [:]
    private var madeFacts: [String: [(facts: CaseFacts, blob: OID)]] = [:]
    /// How many summaries the last `entries` took from what was known, and how many it read.
    private(set) var lastKept = 0, lastRead = 0
    /// How many case files all `entries` calls read and decoded.
    private(set) var decoded = 0
    /// The commit the last `entries` or `facts` read (nil before the first), and how many cases it has.
    private var lastBase: OID??
    private var lastCount = 0
    /// The blob ids of every case file under the folders listed, at whatever commit (each folder
    /// once per tree id): what all `entries` and `facts` calls of this store returned, together.
    /// Gathered when a range's judging asks for it (`saveLast`): a set of 89,087 ids made at
    /// every read of the cases was a twentieth of a site rebuild.
    private var used: Set<OID> {
        var out: Set<OID> = []
        for items in folders.values {
            for case let .file(_, blob) in items { out.insert(blob) }
        }
        return out
    }
    /// The blob ids `remember` was given.
    private var remembered: Set<OID> = []

    package init(repo: Repository) {
        self.repo = repo
        file = SummaryCache.path(repo)
        read = SummaryCache.load(file)
    }

    /// The summary of the blob `id`, from the file or learnt since.
    private func known(_ id: OID) -> CaseSummary? { loaded[id] ?? learnt[id] }

    /// Every case file at `base`, in path order, with its summary.
    /// - Throws: what decoding a case file throws (a file that cannot be read is never kept).
    func entries(at base: OID?) throws -> [CaseEntry] {
        try collect(at: base, made: &made) { summary, blob, path in
            var summary = summary
            // The path is the tree's: the same blob may have been kept from another place (a layout migration moves files unchanged).
            if summary.path != path { summary.path = path }
            return CaseEntry(summary: summary, blob: blob, path: path)
        }
    }

    /// A case file a caller has decoded from `blob` at `path` already (the hook judging a step
    /// decodes both versions of each case file it changes): its summary kept as `entries` would
    /// make it, so a draw or sign-off in the range does not read the file again (a push judged for
    /// the first time decoded 500 to 900 such versions a second time at 90,000 cases).
    package func remember(_ file: CaseFile, blob: OID, path: String) {
        remembered.insert(blob)
        if known(blob) == nil { learnt[blob] = CaseSummary(file, at: path) }
    }

    /// Every case at `base` as the facts its draws and sign-offs are judged by, with its blob id,
    /// in path order: what `entries` gives without the rest of each summary (copying 90,000 whole
    /// summaries at each draw and sign-off of a push was a third of its check).
    func facts(at base: OID?) throws -> [(facts: CaseFacts, blob: OID)] {
        try collect(at: base, made: &madeFacts) { summary, blob, _ in (summary.facts, blob) }
    }

    /// What `make` gives for every case file at `base`, in path order: from the summaries known,
    /// and where some are missing, those files read and decoded (on all cores, a thousand at a
    /// time) and their folders made again.
    private func collect<T>(at base: OID?, made: inout [String: [T]], _ make: (CaseSummary, OID, String) -> T) throws -> [T] {
        lastBase = .some(base)
        guard let base, let tree = try repo.blobID(at: "records/cases", in: base) else {
            (lastKept, lastRead, lastCount) = (0, 0, 0)
            return []
        }
        var out: [T] = []
        // As many as the last call gave, or for the first as the file holds (about one per case):
        // growing by doubling copied 89,087 entries several times over, into fresh pages each time.
        out.reserveCapacity(lastCount > 0 ? lastCount : loaded.count)
        var pending: [(path: String, blob: OID)] = []
        try assemble(tree, path: "records/cases", made: &made, into: &out, missing: &pending, make)
        if !pending.isEmpty {
            let decoded = try repo.decodedInChunks(pending) { CaseSummary(try RecordJSON.decode(CaseFile.self, from: $0, file: $1), at: $1) }
            for (file, summary) in zip(pending, decoded) { learnt[file.blob] = summary }
            out.removeAll(keepingCapacity: true)
            var none: [(path: String, blob: OID)] = []
            try assemble(tree, path: "records/cases", made: &made, into: &out, missing: &none, make)
        }
        (lastKept, lastRead, lastCount) = (out.count - pending.count, pending.count, out.count)
        decoded += pending.count
        return out
    }

    /// One entry of a folder of the case tree: a `.json` file or a subfolder.
    private enum Item {
        case file(path: String, blob: OID)
        case folder(id: OID, path: String)
    }

    /// The folder `id` at `path`: its `.json` files and subfolders in git's order (each folder
    /// listed once per tree id: a commit changes a day folder or two, the rest are trees listed
    /// at the commit before), and its key in `folders` and `made`.
    private func level(_ id: OID, path: String) throws -> (key: String, items: [Item]) {
        let key = id.hex + " " + path
        if let listed = folders[key] { return (key, listed) }
        var items: [Item] = []
        for entry in try repo.entries(ofTree: id) {
            let child = path + "/" + entry.name
            if entry.isTree {
                items.append(.folder(id: entry.id, path: child))
            } else if child.hasSuffix(".json") {
                items.append(.file(path: child, blob: entry.id))
            }
        }
        folders[key] = items
        return (key, items)
    }

    /// What `make` gives for every file under the folder `id`, in path order, added to `out`. A
    /// folder holding only files keeps what was made of it by tree id (`made`): the next commit a
    /// range judges at differs in a day folder or two, and the others' are copied, not looked up
    /// by blob again (a lookup by a 40-character id for each of 90,000 cases at each draw and
    /// sign-off was a third of a push's check).
    /// Files with no summary known are added to `missing` instead (and their folder not kept).
    private func assemble<T>(_ id: OID, path: String, made: inout [String: [T]], into out: inout [T],
                             missing: inout [(path: String, blob: OID)], _ make: (CaseSummary, OID, String) -> T) throws {
        let (key, items) = try level(id, path: path)
        if let kept = made[key] { return out.append(contentsOf: kept) }
        var files: [T] = [], onlyFiles = true, whole = true
        for item in items {
            switch item {
            case let .file(path, blob):
                if let summary = known(blob) {
                    files.append(make(summary, blob, path))
                } else {
                    missing.append((path, blob))
                    whole = false
                }
            case let .folder(sub, path):
                onlyFiles = false
                out.append(contentsOf: files)
                files = []
                try assemble(sub, path: path, made: &made, into: &out, missing: &missing, make)
            }
        }
        if onlyFiles, whole { made[key] = files }
        out.append(contentsOf: files)
    }

    /// Brings the cache file to hold a summary of each of `entries` (the cases at the commit the
    /// command ends at): see `write`.
    func save(_ entries: [CaseEntry]) {
        // Nothing read or learnt: each blob is one the file holds (a case file names its own id, so
        // no two are the same blob), and it holds no more others than it may.
        if learnt.isEmpty, read.appendable, loaded.count - entries.count <= SummaryStore.slack(entries.count) { return }
        // What the file lacks is among what this process learnt: those entries are found without
        // hashing every blob id or copying every entry (at 89,087 cases, that was 8 % of a rebuild).
        var seen: Set<OID> = []
        var added: [(blob: OID, summary: CaseSummary)] = []
        if !learnt.isEmpty {
            for entry in entries where learnt[entry.blob] != nil && seen.insert(entry.blob).inserted {
                added.append((blob: entry.blob, summary: entry.summary))
            }
        }
        // Every case file names its own case, so no two entries are the same blob but by a copy
        // made by hand: the count is exact for any repository the hooks let through.
        write(count: entries.count, added: added) {
            var seen: Set<OID> = []
            return entries.compactMap { seen.insert($0.blob).inserted ? (blob: $0.blob, summary: $0.summary) : nil }
        }
    }

    /// Brings the cache file to hold a summary of each of `count` blobs (`whole` makes them, in
    /// the order of the file; `added` are those it lacks): `added` appended as a frame, or the file
    /// written again as exactly `whole` when it holds more summaries not wanted (cases changed
    /// since, versions a range judged at) than `slack` allows, has many frames or is not whole.
    /// Nothing is written when it holds them all and not too many others.
    private func write(count: Int, added: [(blob: OID, summary: CaseSummary)], whole: () -> [(blob: OID, summary: CaseSummary)]) {
        let others = loaded.count - (count - added.count)
        let compact = others > SummaryStore.slack(count)
        guard compact || !added.isEmpty || !read.appendable else { return }
        SummaryCache.write(appending: added, orWhole: whole, compact: compact, to: file, after: read)
    }

    /// Brings the cache file to the cases at `commit` (what `entries` reads, then `save`): the
    /// summaries of files not kept yet are read and decoded, and the file then holds these.
    /// - Throws: what decoding a case file throws (nothing is written then).
    package func keep(at commit: OID) throws {
        save(try entries(at: commit))
    }

    /// Writes what a range's judging used: the summaries of every case file at each commit read
    /// (`entries`, `facts`) and of the versions its steps made (`remember`), so that judging the
    /// same commits again (a push retried, an auditor's re-check) or the next push decodes nothing
    /// — at 90,000 cases a 1,000-commit push decoded some 500 to 900 files its draws and sign-offs
    /// read at their own commits, and a re-check wrote the whole file again: a third of the check.
    /// When those are many more than the cases of the last commit read (a whole history judged),
    /// only the last commit's are kept, as `save` keeps them. Nothing when nothing was read;
    /// nothing written when the file already holds these and not too many others.
    package func saveLast() {
        guard let lastBase else { return }
        // With the versions the range's own steps made (the next push's draws find the cases as
        // this range left them, changed after its last draw or not).
        let keep = used.union(remembered)
        guard keep.count <= lastCount + SummaryStore.slack(lastCount) else {
            if let last = try? entries(at: lastBase) { save(last) }
            return
        }
        // In the ids' order, so that the same summaries make the same file.
        let sorted = keep.map { ($0.hex, $0) }.sorted { $0.0 < $1.0 }.map(\.1)
        write(count: keep.count, added: sorted.filter { loaded[$0] == nil }.compactMap { blob in known(blob).map { (blob: blob, summary: $0) } }) {
            sorted.compactMap { blob in known(blob).map { (blob: blob, summary: $0) } }
        }
    }

    /// How many summaries beyond `count` wanted the file may hold before it is written again
    /// whole (and how many versions beyond a commit's cases a range keeps): 2,000 or a tenth.
    static func slack(_ count: Int) -> Int { max(2_000, count / 10) }

}
