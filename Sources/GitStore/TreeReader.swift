import Clibgit2
import Foundation

/// Opens trees for comparing snapshots folder by folder. A plain reader frees each tree as soon
/// as it has been compared; a reader that `keepsLastCommit` holds on to the trees of the commit
/// compared last, so that a walk over a line of history, where each commit's old side is the
/// commit before's new side, reads every tree once — without libgit2's object cache, whose map
/// of ids grows with every tree of a long walk and was most of its time (`HistoryIndex`).
///
/// Trees are read as bytes from the object database (`git_odb_read`) and their entries walked
/// on those bytes (`RawTree`): libgit2's parse of every entry of every tree into a list, its mode
/// read by `strtol`, was a sixth of a walk over the whole history, and a comparison looks at most
/// entries only to see that their ids are the same.
final class TreeReader {
    private let repo: Repository
    private let odb: OpaquePointer
    private let keepsLastCommit: Bool
    /// The trees held, a handful a commit: searched in order (hashing each id cost more).
    /// Ids kept raw: a hex `OID` formatted and parsed again for every tree opened was a few
    /// per cent of a walk.
    private var previous: [(id: git_oid, tree: RawTree)] = []
    private var current: [(id: git_oid, tree: RawTree)] = []
    /// Trees of earlier commits not used by the last one, in a table of `keptLimit` slots indexed
    /// by the id's first bytes (a tree put where another is frees that one): a history where each
    /// commit changes a case of another day reads that day's folder as the old side of its
    /// comparison, and the folder is most often the new side of an earlier change to a case of
    /// the same day. A plain table: a dictionary with an order of eviction cost more than the
    /// reads it saved (callgrind).
    private let kept: UnsafeMutableBufferPointer<(id: git_oid, object: OpaquePointer?)>
    static let keptLimit = 1024
    /// The folder `changes` looked in last, split into its names.
    private var folder: (path: String, names: [[UInt8]]) = ("", [])

    /// - Parameter keptLimit: how many trees of earlier commits a reader that `keepsLastCommit`
    ///   holds at most besides the last commit's (tests make it small to see trees freed and read again).
    init(_ repo: Repository, keepsLastCommit: Bool = false, keptLimit: Int = TreeReader.keptLimit) throws(GitError) {
        self.repo = repo
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, repo.pointer), "git_repository_odb")
        self.odb = odb!
        self.keepsLastCommit = keepsLastCommit
        kept = .allocate(capacity: keepsLastCommit ? max(1, keptLimit) : 0)
        kept.initialize(repeating: (git_oid(), nil))
    }

    deinit {
        for t in previous { t.tree.free() }
        for t in current { t.tree.free() }
        for slot in kept { if let object = slot.object { git_odb_object_free(object) } }
        kept.deallocate()
        git_odb_free(odb)
    }

    /// The next comparison starts: trees of the one before last that were not used again are kept.
    func nextCommit() {
        for t in previous { keep(t) }
        previous = current
        current = []
    }

    /// The slot of `kept` for an id.
    private func slot(_ id: git_oid) -> Int {
        Int(truncatingIfNeeded: withUnsafeBytes(of: id) { $0.loadUnaligned(as: UInt64.self) } % UInt64(kept.count))
    }

    /// Puts a tree no longer held by the last commit in `kept`, freeing the one in its slot.
    private func keep(_ t: (id: git_oid, tree: RawTree)) {
        let n = slot(t.id)
        if let object = kept[n].object { git_odb_object_free(object) }
        kept[n] = (t.id, t.tree.object)
    }

    /// A tree of `kept`, taken out of it (nil when not there).
    private func takeKept(_ id: git_oid) -> RawTree? {
        let n = slot(id)
        guard let object = kept[n].object, TreeReader.same(kept[n].id, id) else { return nil }
        kept[n].object = nil
        return RawTree(object: object)
    }

    private func open(_ id: git_oid) throws(GitError) -> RawTree {
        guard keepsLastCommit else { return try read(id) }
        if let t = current.first(where: { TreeReader.same($0.id, id) }) { return t.tree }
        let t: RawTree
        if let held = previous.firstIndex(where: { TreeReader.same($0.id, id) }) {
            t = previous.remove(at: held).tree
        } else if let earlier = takeKept(id) {
            t = earlier
        } else {
            t = try read(id)
        }
        current.append((id, t))
        return t
    }

    /// The tree `id` as bytes; an object that is missing or not a tree is an error.
    private func read(_ id: git_oid) throws(GitError) -> RawTree {
        var raw = id
        var object: OpaquePointer?
        let rc = git_odb_read(&object, odb, &raw)
        // The call's name only on failure: made for every tree read, it was a tenth of a walk.
        if rc < 0 { try check(rc, "git_odb_read(\(OID(id).short))") }
        guard let object else { throw GitError(call: "git_odb_read(\(OID(id).short))", code: -1, message: "no object") }
        guard git_odb_object_type(object) == GIT_OBJECT_TREE else {
            git_odb_object_free(object)
            throw GitError(call: "git_odb_read(\(OID(id).short))", code: GIT_EINVALIDSPEC.rawValue, message: "the object is not a tree")
        }
        return RawTree(object: object)
    }

    /// Whether two raw ids are equal (`git_oid` is not `Equatable`).
    static func same(_ a: git_oid?, _ b: git_oid?) -> Bool {
        guard var a, var b else { return a == nil && b == nil }
        return git_oid_equal(&a, &b) != 0
    }

    private func close(_ t: RawTree) {
        if !keepsLastCommit { t.free() }
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
        if folder.path != path { folder = (path, path.split(separator: "/").map { Array($0.utf8) }) }
        var id = root
        for name in folder.names {
            let t = try open(id)
            defer { close(t) }
            guard let entry = try t.entry(named: name), entry.isTree else { return nil }
            id = entry.id
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
    private func compare(_ old: RawTree?, _ new: RawTree?, prefix: String, into out: inout [FileDelta]) throws(GitError) {
        var i = 0, j = 0
        var a = try old?.entry(at: &i), b = try new?.entry(at: &j)
        while a != nil || b != nil {
            let order: Int = if let a, let b { RawTree.Entry.order(a, b) } else { a == nil ? 1 : -1 }
            let x = order <= 0 ? a : nil, y = order >= 0 ? b : nil
            if order <= 0 { a = try old?.entry(at: &i) }
            if order >= 0 { b = try new?.entry(at: &j) }
            if let x, let y, x.isTree == y.isTree, RawTree.Entry.sameID(x, y) { continue }
            try differ(x, y, prefix: prefix, into: &out)
        }
    }

    /// One entry present on either side (or both, with different contents).
    private func differ(_ x: RawTree.Entry?, _ y: RawTree.Entry?, prefix: String, into out: inout [FileDelta]) throws(GitError) {
        let path = prefix + (x ?? y)!.nameString
        let xTree = x?.isTree == true, yTree = y?.isTree == true
        if xTree || yTree {
            try compare(raw: xTree ? x!.id : nil, yTree ? y!.id : nil, prefix: path + "/", into: &out)
        }
        let xb = x.flatMap { $0.isTree ? nil : OID($0.id) }
        let yb = y.flatMap { $0.isTree ? nil : OID($0.id) }
        if xb != nil || yb != nil, xb != yb {
            out.append(FileDelta(path: path, old: xb, new: yb))
        }
    }
}

/// A tree object as libgit2's object database gives it (owned: `free` once), read entry by entry
/// on its bytes: `<octal mode> <name>\0<20-byte id>`, in git's order (names compared bytewise,
/// a folder's as if it ended in `/`).
struct RawTree {
    let object: OpaquePointer
    let base: UnsafePointer<UInt8>
    let count: Int

    init(object: OpaquePointer) {
        self.object = object
        base = git_odb_object_data(object).assumingMemoryBound(to: UInt8.self)
        count = git_odb_object_size(object)
    }

    func free() { git_odb_object_free(object) }

    /// One entry, pointing into the tree's bytes: its name, whether it is a folder, its id.
    struct Entry {
        let name: UnsafePointer<UInt8>
        let nameCount: Int
        let isTree: Bool
        let idBytes: UnsafePointer<UInt8>

        var id: git_oid {
            var id = git_oid()
            withUnsafeMutableBytes(of: &id) { $0.copyMemory(from: UnsafeRawBufferPointer(start: idBytes, count: 20)) }
            return id
        }
        var nameString: String { String(decoding: UnsafeBufferPointer(start: name, count: nameCount), as: UTF8.self) }

        /// Whether two entries name the same object.
        static func sameID(_ a: Entry, _ b: Entry) -> Bool { memcmp(a.idBytes, b.idBytes, 20) == 0 }

        /// git's order of two entries of one tree (`git_tree_entry_cmp`): the names bytewise,
        /// where one is a prefix of the other the next byte, `/` for a folder's name.
        static func order(_ a: Entry, _ b: Entry) -> Int {
            let n = min(a.nameCount, b.nameCount)
            let c = memcmp(a.name, b.name, n)
            if c != 0 { return Int(c) }
            let ca: UInt8 = a.nameCount > n ? a.name[n] : (a.isTree ? 0x2F : 0)
            let cb: UInt8 = b.nameCount > n ? b.name[n] : (b.isTree ? 0x2F : 0)
            return Int(ca) - Int(cb)
        }
    }

    /// The entry at byte `offset`, which moves past it; nil at the end.
    func entry(at offset: inout Int) throws(GitError) -> Entry? {
        guard offset < count else { return nil }
        // The mode: octal digits up to a space; 40000 is a folder (git writes no leading zero).
        var mode = 0, k = offset
        while k < count, base[k] != 0x20 {
            let d = Int(base[k]) &- 0x30
            guard d >= 0, d < 8 else { throw RawTree.malformed }
            mode = mode << 3 | d
            k += 1
        }
        let nameStart = k + 1
        var end = nameStart
        while end < count, base[end] != 0 { end += 1 }
        guard end > nameStart, end + 21 <= count else { throw RawTree.malformed }
        offset = end + 21
        return Entry(name: base + nameStart, nameCount: end - nameStart, isTree: mode & 0o170000 == 0o040000, idBytes: base + end + 1)
    }

    /// The entry named `name` (a tree's entries are few where names are looked up: the root, `records`).
    func entry(named name: [UInt8]) throws(GitError) -> Entry? {
        var offset = 0
        while let e = try entry(at: &offset) {
            if e.nameCount == name.count, name.withUnsafeBufferPointer({ memcmp($0.baseAddress!, e.name, name.count) }) == 0 {
                return e
            }
        }
        return nil
    }

    static let malformed = GitError(call: "TreeReader", code: -1, message: "a tree object is malformed")
}
