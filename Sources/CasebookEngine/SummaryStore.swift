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
    /// The summaries of the cache file as loaded, by blob id (hex).
    private let loaded: [String: CaseSummary]
    /// `loaded` and those decoded since.
    private var known: [String: CaseSummary]
    /// Folders already listed, by tree id and path: the case files under them, in path order.
    private var folders: [String: [(path: String, blob: OID)]] = [:]
    /// How many summaries the last `entries` took from what was known, and how many it read.
    private(set) var lastKept = 0, lastRead = 0
    /// What the last `entries` returned (nil before the first).
    private var last: [CaseEntry]?

    package init(repo: Repository) {
        self.repo = repo
        file = SummaryCache.path(repo)
        loaded = SummaryCache.load(file)
        known = loaded
    }

    /// Every case file at `base`, in path order, with its summary.
    /// - Throws: what decoding a case file throws (a file that cannot be read is never kept).
    func entries(at base: OID?) throws -> [CaseEntry] {
        guard let base, let tree = try repo.blobID(at: "records/cases", in: base) else {
            (lastKept, lastRead, last) = (0, 0, [])
            return []
        }
        let files = try listing(tree, path: "records/cases")
        let missing = files.indices.filter { known[files[$0].blob.hex] == nil }
        for start in stride(from: 0, to: missing.count, by: 1024) {
            let chunk = Array(missing[start..<min(start + 1024, missing.count)])
            let data = try chunk.map { (path: files[$0].path, data: try repo.blob(files[$0].blob)) }
            let decoded = data.concurrentMap { CaseSummary(try RecordJSON.decode(CaseFile.self, from: $0.data, file: $0.path), at: $0.path) }
            for (n, result) in zip(chunk, decoded) { known[files[n].blob.hex] = try result.get() }
        }
        (lastKept, lastRead) = (files.count - missing.count, missing.count)
        // The path is the tree's: the same blob may have been kept from another place (a layout migration moves files unchanged).
        let out = files.map { entry in
            var summary = known[entry.blob.hex]!
            summary.path = entry.path
            return CaseEntry(summary: summary, blob: entry.blob, path: entry.path)
        }
        last = out
        return out
    }

    /// The `.json` files under the tree `id` at `path`, in path order (what `Repository.files(under:at:)` lists).
    private func listing(_ id: OID, path: String) throws -> [(path: String, blob: OID)] {
        let key = id.hex + " " + path
        if let known = folders[key] { return known }
        var out: [(path: String, blob: OID)] = []
        for entry in try repo.entries(ofTree: id) {
            let child = path + "/" + entry.name
            if entry.isTree {
                out += try listing(entry.id, path: child)
            } else if child.hasSuffix(".json") {
                out.append((child, entry.id))
            }
        }
        folders[key] = out
        return out
    }

    /// Writes the cache file again when it lacks a summary of `entries` (the cases at the commit
    /// the command ends at) or holds one they do not have: it then holds exactly theirs.
    func save(_ entries: [CaseEntry]) {
        // Nothing was read and as many cases as the file holds: each blob is one the file holds (a
        // case file names its own id, so no two are the same blob), and the file holds no other.
        if known.count == loaded.count, entries.count == loaded.count { return }
        var seen: Set<String> = []
        let out = entries.filter { seen.insert($0.blob.hex).inserted }.map { (blob: $0.blob.hex, summary: $0.summary) }
        guard out.count != loaded.count || out.contains(where: { loaded[$0.blob] == nil }) else { return }
        SummaryCache.save(out, to: file)
    }

    /// Brings the cache file to the cases at `commit` (what `entries` reads, then `save`): the
    /// summaries of files not kept yet are read and decoded, the file then holds exactly these.
    /// - Throws: what decoding a case file throws (nothing is written then).
    package func keep(at commit: OID) throws {
        save(try entries(at: commit))
    }

    /// `save` of the cases the last `entries` returned (of a range, the latest commit read); nothing
    /// when `entries` was never called.
    package func saveLast() {
        if let last { save(last) }
    }
}
