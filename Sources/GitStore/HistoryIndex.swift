import Clibgit2
import Foundation

/// Which commits changed which files under one folder, from one walk over the history reachable
/// from HEAD. It is kept in `<git dir>/casebook/history` (see `HistoryFile`) and extended by a
/// walk over the new commits only, appended to the file as one checksummed frame, so `casebook
/// log` and the dashboard's timelines never walk the history once per case and a new commit never
/// rewrites the whole file. A damaged tail is dropped, a history rewritten under the file
/// (reset, force-push) is cut back to its last frame still in HEAD's history, and what is missing
/// is walked again. Files are known by their name (the last component of the path), so a file
/// moved to another folder — a case layout migration moves every case file — keeps its history:
/// case file names (`<id>.json`) are unique under `records/cases/`.
public struct HistoryIndex: Sendable {
    /// One commit as the index keeps it: enough for a timeline line without opening the commit.
    public struct Commit: Equatable, Sendable {
        public let id: OID
        public let author: Person
        public let isSigned: Bool
        /// The `Action:` trailer casebook writes (nil for hand-made commits and merges).
        public let action: String?
        public let parentCount: Int
        public var isMerge: Bool { parentCount > 1 }
    }

    /// The folder indexed, with its trailing slash (`records/cases/`).
    public let prefix: String
    /// The newest commit indexed (HEAD when it was last brought up to date).
    public internal(set) var tip: OID?
    /// Every commit reachable from `tip`, parents before children.
    public internal(set) var commits: [Commit] = []
    var byPath: [String: [Int]] = [:]

    /// The commits that changed a file named as `path`'s last component, wherever it was,
    /// against their first parent, oldest first (merges included: they bring the other side's
    /// changes onto the first parent's line).
    public func commits(touching path: String) -> [Commit] {
        (byPath[HistoryIndex.name(path)] ?? []).map { commits[$0] }
    }

    /// The name a file is indexed by: its path's last component.
    static func name(_ path: String) -> String {
        // On the UTF-8 view: `lastIndex(of:)` on the characters was 4 % of a first build.
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }

    /// The index for `repo`'s HEAD: read from its file, extended by the commits since, and the
    /// new commits appended to the file (best effort: a read-only repository still gets the
    /// right answer, just without keeping it).
    public static func current(in repo: Repository, prefix: String = "records/cases/") throws(GitError) -> HistoryIndex {
        let file = HistoryFile(repo: repo, prefix: prefix)
        guard let head = try repo.head() else { return HistoryIndex(prefix: prefix) }
        var read = file.read()
        if read.index.tip == head, read.isWhole { return read.index }
        // Frames are cumulative: keep them up to the last whose tip HEAD's history still has.
        while let last = read.frames.last, !(try repo.isAncestor(last.tip, of: head)) {
            read.dropLastFrame()
        }
        var index = read.index
        let kept = index.commits.count
        try index.extend(in: repo, to: head)
        file.write(index, newFrom: kept, after: read)
        return index
    }

    init(prefix: String) {
        self.prefix = prefix
    }

    /// The first `count` commits and the files they touched (what the first frames of the file hold).
    mutating func keepFirst(_ count: Int, tip: OID?) {
        guard count < commits.count else { self.tip = tip; return }
        commits.removeSubrange(count...)
        for (name, positions) in byPath {
            let kept = positions.prefix { $0 < count }
            byPath[name] = kept.isEmpty ? nil : Array(kept)
        }
        self.tip = tip
    }

    /// For each commit from `start` on, the names of the files it touched, sorted.
    func touched(from start: Int) -> [[String]] {
        var out = [[String]](repeating: [], count: max(0, commits.count - start))
        for (name, positions) in byPath {
            for p in positions.reversed() {
                guard p >= start else { break }
                out[p - start].append(name)
            }
        }
        return out.map { $0.sorted() }
    }

    /// Adds the commits reachable from `head` and not from `tip`, oldest first. Each commit is
    /// looked up once (a whole history in our own topological order, `walkedCommits(to:)`); its folder is compared with its first parent's by tree ids, level by level,
    /// holding the previous commit's trees (its usual parent) instead of caching every tree read.
    /// Objects are read without libgit2's object cache and without checking each against its id
    /// (what is built is a cache; see `Library`). `parts`: how many threads walk (default:
    /// `threads`, when there are enough commits).
    mutating func extend(in repo: Repository, to head: OID, parts: Int? = nil) throws(GitError) {
        let walked = try Library.withoutHashVerification { () throws(GitError) in
            try Library.withoutObjectCache { () throws(GitError) in
                try HistoryIndex.walk(repo.walkedCommits(from: tip, to: head), in: repo, prefix: prefix, parts: parts)
            }
        }
        for part in walked {
            for (commit, names) in part {
                let position = commits.count
                commits.append(commit)
                for name in names where byPath[name]?.last != position { byPath[name, default: []].append(position) }
            }
        }
        tip = head
    }

    /// Fewer commits than this a part are walked on one thread.
    static let commitsPerPart = 2_000

    /// How many threads walk a long history: 1 unless `CASEBOOK_HISTORY_THREADS` says more.
    /// Two were slower than one on this 2-core machine (2.3–2.8 s against 2.1 s at 42,000
    /// commits, shared machine): libgit2 1.5 shares one pack between handles and takes its locks
    /// on every object read, and the threads spent their time waiting for each other.
    static var threads: Int { ProcessInfo.processInfo.environment["CASEBOOK_HISTORY_THREADS"].flatMap { Int($0) } ?? 1 }

    /// Each commit of `ids` and the names of the files it changed under `prefix` (a name may
    /// come twice: a file moved), in parts in order. With more than one thread (`parts`, or
    /// `threads` for a long list) the list is cut in parts, each walked on its own thread with
    /// its own handle on the repository (a part's first commit reads its parent's tree once more).
    static func walk(_ ids: [(id: OID, commit: Repository.WalkedCommit)], in repo: Repository, prefix: String,
                     parts: Int? = nil) throws(GitError) -> [[(Commit, [String])]] {
        let count = parts.map { min($0, ids.count) } ?? min(threads, ids.count / commitsPerPart)
        var handles = [repo]
        while handles.count < count, let another = try repo.anotherHandle() { handles.append(another) }
        if handles.count < 2 { return [try walk(ids[...], in: repo, prefix: prefix)] }
        let parts = handles.count
        var results = [Result<[(Commit, [String])], GitError>?](repeating: nil, count: parts)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            let handles = handles
            DispatchQueue.concurrentPerform(iterations: parts) { k in
                let range = (ids.count * k / parts)..<(ids.count * (k + 1) / parts)
                slots[k] = Result { () throws(GitError) in try walk(ids[range], in: handles[k], prefix: prefix) }
            }
        }
        return try results.map { result throws(GitError) in
            guard let result else { throw GitError(call: "HistoryIndex.walk", code: -1, message: "a part was not walked") }
            return try result.get()
        }
    }

    /// One part of `walk`, on one thread.
    static func walk(_ ids: ArraySlice<(id: OID, commit: Repository.WalkedCommit)>, in repo: Repository,
                     prefix: String) throws(GitError) -> [(Commit, [String])] {
        let trees = try TreeReader(repo, keepsLastCommit: true)
        var last: (commit: OID, tree: OID)?
        var out: [(Commit, [String])] = []
        out.reserveCapacity(ids.count)
        for (id, c) in ids {
            let parentTree: OID? = if let p = c.parents.first { p == last?.commit ? last!.tree : try repo.treeID(of: p) } else { nil }
            trees.nextCommit()
            let names = try trees.changes(from: parentTree, to: c.tree, under: prefix).map { HistoryIndex.name($0.path) }
            out.append((Commit(id: id, author: c.author, isSigned: c.isSigned, action: c.action, parentCount: c.parents.count), names))
            last = (id, c.tree)
        }
        return out
    }

    /// The commits that changed `path`, oldest first, as `current(in:).commits(touching:)` gives
    /// them; when the kept file is whole and up to date with HEAD only the lines naming that
    /// path's file are parsed, so one case's history costs a scan of the file, not a parse of it.
    public static func commits(touching path: String, in repo: Repository, prefix: String = "records/cases/") throws(GitError) -> [Commit] {
        let file = HistoryFile(repo: repo, prefix: prefix)
        guard let head = try repo.head() else { return [] }
        // Read once for the look-up and, when it is behind HEAD, for its frames (52 MB at 423,745 commits).
        let data = file.contents()
        if let data, let found = file.lookup(name(path), tip: head, in: data) { return found }
        // A whole file behind HEAD: only the new commits are walked and appended, the file is not parsed.
        let frames = file.read(parsingCommits: false, from: data ?? Data())
        if frames.isWhole, frames.frames.count < HistoryFile.framesBeforeCompaction, let tip = frames.index.tip, tip != head,
           try repo.isAncestor(tip, of: head) {
            var new = HistoryIndex(prefix: prefix)
            new.tip = tip
            try new.extend(in: repo, to: head)
            file.write(new, newFrom: 0, after: frames, appendOnly: true)
            if let found = file.lookup(name(path), tip: head) { return found }
        }
        return try current(in: repo, prefix: prefix).commits(touching: path)
    }
}

extension Repository {
    /// What a walk over the history keeps of one commit, from one look-up.
    struct WalkedCommit {
        let parents: [OID]
        let tree: OID
        let author: Person
        let isSigned: Bool
        let action: String?
    }

    /// The commits reachable from `head` and not from `old` (nil: all), oldest first, each read
    /// once: a whole history in `walkedCommits(to:)`'s order, a range as the revwalk lists it.
    func walkedCommits(from old: OID?, to head: OID) throws(GitError) -> [(id: OID, commit: WalkedCommit)] {
        guard let old else { return try walkedCommits(to: head) }
        var out: [(id: OID, commit: WalkedCommit)] = []
        for id in try commits(from: old, to: head) { out.append((id, try walked(id))) }
        return out
    }

    func walked(_ id: OID) throws(GitError) -> WalkedCommit {
        var raw = id.raw
        var c: OpaquePointer?
        try check(git_commit_lookup(&c, pointer, &raw), "git_commit_lookup(\(id.short))")
        defer { git_commit_free(c) }
        return WalkedCommit(parents: (0..<git_commit_parentcount(c)).compactMap { i in git_commit_parent_id(c, i).map { OID($0.pointee) } },
                            tree: OID(git_commit_tree_id(c).pointee), author: Person(git_commit_author(c)),
                            isSigned: CommitText.hasHeaderField("gpgsig", in: git_commit_raw_header(c)),
                            action: CommitText.trailer("Action", in: git_commit_message(c)))
    }

    /// Whether `ancestor` is `commit` or one of its ancestors.
    public func isAncestor(_ ancestor: OID, of commit: OID) throws(GitError) -> Bool {
        if ancestor == commit { return true }
        var a = ancestor.raw, c = commit.raw
        let rc = git_graph_descendant_of(pointer, &c, &a)
        if rc < 0 { try check(rc, "git_graph_descendant_of") }
        return rc == 1
    }
}
