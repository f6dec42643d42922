import Clibgit2

/// Opens trees for comparing snapshots folder by folder. A plain reader frees each tree as soon
/// as it has been compared; a reader that `keepsLastCommit` holds on to the trees of the commit
/// compared last, so that a walk over a line of history, where each commit's old side is the
/// commit before's new side, reads every tree once — without libgit2's object cache, whose map
/// of ids grows with every tree of a long walk and was most of its time (`HistoryIndex`).
final class TreeReader {
    private let repo: Repository
    private let keepsLastCommit: Bool
    /// The trees held, a handful a commit: searched in order (hashing each id cost more).
    /// Ids kept raw: a hex `OID` formatted and parsed again for every tree opened was a few
    /// per cent of a walk.
    private var previous: [(id: git_oid, tree: OpaquePointer)] = []
    private var current: [(id: git_oid, tree: OpaquePointer)] = []
    /// Trees of earlier commits not used by the last one, by the first 8 bytes of their id, the
    /// `keptLimit` put here last: a history where each commit changes a case of another day reads
    /// that day's folder as the old side of its comparison, and the folder is most often the new
    /// side of an earlier change to a case of the same day (a sixth of a walk's tree reads).
    private var kept: [UInt64: (id: git_oid, tree: OpaquePointer, serial: Int)] = [:]
    /// The order trees were put in `kept` (a ring of `keptLimit` slots), the oldest freed first.
    private var keptRing: [(key: UInt64, serial: Int)?]
    private var keptNext = 0, keptSerial = 0
    static let keptLimit = 1024
    /// The folder `changes` looked in last, split into its names.
    private var folder: (path: String, names: [String]) = ("", [])

    /// - Parameter keptLimit: how many trees of earlier commits a reader that `keepsLastCommit`
    ///   holds besides the last commit's (tests make it small to see trees freed and read again).
    init(_ repo: Repository, keepsLastCommit: Bool = false, keptLimit: Int = TreeReader.keptLimit) {
        self.repo = repo
        self.keepsLastCommit = keepsLastCommit
        keptRing = keepsLastCommit ? Array(repeating: nil, count: max(1, keptLimit)) : []
    }

    deinit {
        for t in previous { git_tree_free(t.tree) }
        for t in current { git_tree_free(t.tree) }
        for t in kept.values { git_tree_free(t.tree) }
    }

    /// The next comparison starts: trees of the one before last that were not used again are freed.
    func nextCommit() {
        for t in previous { keep(t) }
        previous = current
        current = []
    }

    /// The first 8 bytes of an id, its key in `kept`.
    private static func key(_ id: git_oid) -> UInt64 {
        withUnsafeBytes(of: id) { $0.loadUnaligned(as: UInt64.self) }
    }

    /// Puts a tree no longer held by the last commit in `kept`, freeing the oldest beyond the limit.
    private func keep(_ t: (id: git_oid, tree: OpaquePointer)) {
        let key = TreeReader.key(t.id)
        if let old = kept[key] {
            // The same tree twice cannot be (a tree is taken out when used), but another with the same first 8 bytes can.
            git_tree_free(old.tree)
            kept[key] = nil
        }
        if let slot = keptRing[keptNext], let oldest = kept[slot.key], oldest.serial == slot.serial {
            git_tree_free(oldest.tree)
            kept[slot.key] = nil
        }
        keptSerial += 1
        kept[key] = (t.id, t.tree, keptSerial)
        keptRing[keptNext] = (key, keptSerial)
        keptNext = (keptNext + 1) % keptRing.count
    }

    /// A tree of `kept`, taken out of it (nil when not there).
    private func takeKept(_ id: git_oid) -> OpaquePointer? {
        let key = TreeReader.key(id)
        guard let found = kept[key], TreeReader.same(found.id, id) else { return nil }
        kept[key] = nil
        return found.tree
    }

    private func open(_ id: git_oid) throws(GitError) -> OpaquePointer {
        guard keepsLastCommit else { return try lookup(id) }
        if let t = current.first(where: { TreeReader.same($0.id, id) }) { return t.tree }
        let t: OpaquePointer
        if let held = previous.firstIndex(where: { TreeReader.same($0.id, id) }) {
            t = previous.remove(at: held).tree
        } else if let earlier = takeKept(id) {
            t = earlier
        } else {
            t = try lookup(id)
        }
        current.append((id, t))
        return t
    }

    private func lookup(_ id: git_oid) throws(GitError) -> OpaquePointer {
        var raw = id
        var t: OpaquePointer?
        let rc = git_tree_lookup(&t, repo.pointer, &raw)
        if rc < 0 { return try repo.lookupTree(OID(id)) } // the same call again, for its error message
        return t!
    }

    /// Whether two raw ids are equal (`git_oid` is not `Equatable`).
    static func same(_ a: git_oid?, _ b: git_oid?) -> Bool {
        guard var a, var b else { return a == nil && b == nil }
        return git_oid_equal(&a, &b) != 0
    }

    private func close(_ t: OpaquePointer) {
        if !keepsLastCommit { git_tree_free(t) }
    }

    /// The files under the folder `prefix` that differ between two root trees (nil: empty).
    func changes(from oldRoot: OID?, to newRoot: OID, under prefix: String) throws(GitError) -> [FileDelta] {
        let folder = prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix
        let newID = try folderID(folder, in: newRoot.raw)
        let oldID = try oldRoot.flatMap { id throws(GitError) in try folderID(folder, in: id.raw) }
        if TreeReader.same(newID, oldID) { return [] }
        var out: [FileDelta] = []
        try compare(raw: oldID, newID, prefix: folder + "/", into: &out)
        return out
    }

    /// The id of the folder `path` (components split by `/`) in the tree `root`, read one level
    /// at a time through this reader; nil when there is no such folder.
    private func folderID(_ path: String, in root: git_oid) throws(GitError) -> git_oid? {
        if folder.path != path { folder = (path, path.split(separator: "/").map(String.init)) }
        var id = root
        for name in folder.names {
            let t = try open(id)
            defer { close(t) }
            guard let entry = name.withCString({ git_tree_entry_byname(t, $0) }),
                  git_tree_entry_type(entry) == GIT_OBJECT_TREE else { return nil }
            id = git_tree_entry_id(entry).pointee
        }
        return id
    }

    /// The files that differ between two trees (nil: empty), with `prefix` before their paths.
    func compare(_ oldID: OID?, _ newID: OID?, prefix: String, into out: inout [FileDelta]) throws(GitError) {
        try compare(raw: oldID?.raw, newID?.raw, prefix: prefix, into: &out)
    }

    private func compare(raw oldID: git_oid?, _ newID: git_oid?, prefix: String, into out: inout [FileDelta]) throws(GitError) {
        if TreeReader.same(oldID, newID) { return }
        let old = try oldID.map { id throws(GitError) in try open(id) }
        defer { if let old { close(old) } }
        let new = try newID.map { id throws(GitError) in try open(id) }
        defer { if let new { close(new) } }
        try compare(old, new, prefix: prefix, into: &out)
    }

    /// Walks both trees in git's own entry order, in step, so equal entries cost one id
    /// comparison and no string; only subtrees whose ids differ are opened.
    private func compare(_ old: OpaquePointer?, _ new: OpaquePointer?, prefix: String, into out: inout [FileDelta]) throws(GitError) {
        let count1 = old.map { git_tree_entrycount($0) } ?? 0, count2 = new.map { git_tree_entrycount($0) } ?? 0
        var i = 0, j = 0
        while i < count1 || j < count2 {
            let a = i < count1 ? git_tree_entry_byindex(old, i) : nil
            let b = j < count2 ? git_tree_entry_byindex(new, j) : nil
            let order: Int32 = if let a, let b { git_tree_entry_cmp(a, b) } else { a == nil ? 1 : -1 }
            let x = order <= 0 ? a : nil, y = order >= 0 ? b : nil
            if order <= 0 { i += 1 }
            if order >= 0 { j += 1 }
            if let x, let y, git_oid_equal(git_tree_entry_id(x), git_tree_entry_id(y)) != 0,
               git_tree_entry_type(x) == git_tree_entry_type(y) { continue }
            try differ(x, y, prefix: prefix, into: &out)
        }
    }

    /// One entry present on either side (or both, with different contents).
    private func differ(_ x: OpaquePointer?, _ y: OpaquePointer?, prefix: String, into out: inout [FileDelta]) throws(GitError) {
        let path = prefix + String(cString: git_tree_entry_name(x ?? y))
        func isTree(_ e: OpaquePointer?) -> Bool { e.map { git_tree_entry_type($0) == GIT_OBJECT_TREE } ?? false }
        if isTree(x) || isTree(y) {
            try compare(raw: isTree(x) ? git_tree_entry_id(x).pointee : nil, isTree(y) ? git_tree_entry_id(y).pointee : nil,
                        prefix: path + "/", into: &out)
        }
        let xb = x != nil && !isTree(x) ? OID(git_tree_entry_id(x).pointee) : nil
        let yb = y != nil && !isTree(y) ? OID(git_tree_entry_id(y).pointee) : nil
        if xb != nil || yb != nil, xb != yb {
            out.append(FileDelta(path: path, old: xb, new: yb))
        }
    }
}
