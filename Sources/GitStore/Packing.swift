import Clibgit2
import Foundation

/// Objects kept in memory and written out as packs, for a program that alone writes a large new
/// repository (`simulate`): written loose, a 100,000-case history left 3.4 million files that
/// `git repack -ad` could not pack in ten minutes. libgit2's in-memory backend (`git_mempack_new`)
/// takes every object written; every `interval` commits, and at `writePack()`, the objects the new
/// commits and tags brought are put through libgit2's pack builder (deltas between the versions of
/// a file, as git's own) into one pack under `objects/pack/`, and the memory is emptied.
///
/// What a pack holds is found from the references, not from the backend (whose dump would walk
/// every commit's whole tree): the commits reachable from a reference that moved since the last
/// pack and not from where the references were then, each commit's tree entries that differ from
/// its first parent's, and a moved reference's annotated tag. Every object the backend holds is one
/// of these (an object is stored only if the repository did not have it, so it is new in the tree
/// of the commit that wrote it), unless nothing refers to it (a commit whose branch never moved to
/// it), which is dropped as `git gc` would drop it.
final class Packer {
    /// The in-memory backend; the object database owns it.
    let backend: OpaquePointer
    let interval: Int
    /// Commits made since the last pack.
    var pending = 0
    /// Where every reference pointed at the last pack (or when packing began): what is on disk.
    var written: [String: OID]

    init(backend: OpaquePointer, interval: Int, written: [String: OID]) {
        self.backend = backend
        self.interval = interval
        self.written = written
    }
}

extension Repository {
    /// From now on, objects are written into memory and out as a pack every `interval` commits and
    /// at `writePack()` (which the caller must reach, as a `defer`: objects still in memory when the
    /// process ends are lost and the references that name them broken). What is on disk already
    /// stays as it is.
    public func packObjects(every interval: Int) throws(GitError) {
        guard packer == nil else { return }
        var backend: UnsafeMutablePointer<git_odb_backend>?
        try check(git_mempack_new(&backend), "git_mempack_new")
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, pointer), "git_repository_odb")
        defer { git_odb_free(odb) }
        // Above the loose (1) and pack (2) backends, so every write lands in memory.
        try check(git_odb_add_backend(odb, backend, 999), "git_odb_add_backend(mempack)")
        packer = Packer(backend: OpaquePointer(backend!), interval: max(interval, 1), written: try referenceTargets())
    }

    /// Counts a commit whose reference has moved; writes a pack when `interval` have been made.
    func countCommitForPacking() throws(GitError) {
        guard let packer else { return }
        packer.pending += 1
        if packer.pending >= packer.interval { try writePack() }
    }

    /// Writes the objects held in memory as one pack (none if nothing new) and empties the memory.
    public func writePack() throws(GitError) {
        guard let packer else { return }
        let now = try referenceTargets()
        var builder: OpaquePointer?
        try check(git_packbuilder_new(&builder, pointer), "git_packbuilder_new")
        defer { git_packbuilder_free(builder) }
        git_packbuilder_set_threads(builder, 0)

        var walk: OpaquePointer?
        try check(git_revwalk_new(&walk, pointer), "git_revwalk_new")
        defer { git_revwalk_free(walk) }
        var pushed = false
        for (name, target) in now.sorted(by: { $0.key < $1.key }) where packer.written[name] != target {
            guard let commit = try peel(target, name: name, into: builder) else { continue }
            var raw = commit.raw
            try check(git_revwalk_push(walk, &raw), "git_revwalk_push(\(name))")
            pushed = true
        }
        if pushed {
            for (name, target) in packer.written {
                guard let commit = try? peel(target, name: name, into: nil) else { continue }
                var raw = commit.raw
                try check(git_revwalk_hide(walk, &raw), "git_revwalk_hide(\(name))")
            }
            var id = git_oid()
            while true {
                let rc = git_revwalk_next(&id, walk)
                if rc == GIT_ITEROVER.rawValue { break }
                try check(rc, "git_revwalk_next")
                try insertNewObjects(of: id, into: builder!)
            }
        }
        if git_packbuilder_object_count(builder) > 0 {
            try check(git_packbuilder_write(builder, gitDirectory + "objects/pack", 0, nil, nil), "git_packbuilder_write")
            var odb: OpaquePointer?
            try check(git_repository_odb(&odb, pointer), "git_repository_odb")
            defer { git_odb_free(odb) }
            try check(git_odb_refresh(odb), "git_odb_refresh")
        }
        try check(git_mempack_reset(UnsafeMutablePointer(packer.backend)), "git_mempack_reset")
        packer.written = now
        packer.pending = 0
    }

    /// Every direct reference and what it points at (symbolic ones, such as HEAD, resolved).
    private func referenceTargets() throws(GitError) -> [String: OID] {
        var names = git_strarray()
        try check(git_reference_list(&names, pointer), "git_reference_list")
        defer { git_strarray_dispose(&names) }
        var out: [String: OID] = [:]
        for i in 0..<names.count {
            guard let name = names.strings[i] else { continue }
            var oid = git_oid()
            if git_reference_name_to_id(&oid, pointer, name) == 0 { out[String(cString: name)] = OID(oid) }
        }
        return out
    }

    /// The commit `target` names (itself, or what an annotated tag points at, the tag object then
    /// going into `builder`); nil for anything else.
    private func peel(_ target: OID, name: String, into builder: OpaquePointer?) throws(GitError) -> OID? {
        var raw = target.raw
        var object: OpaquePointer?
        try check(git_object_lookup(&object, pointer, &raw, GIT_OBJECT_ANY), "git_object_lookup(\(name))")
        defer { git_object_free(object) }
        switch git_object_type(object) {
        case GIT_OBJECT_COMMIT:
            return target
        case GIT_OBJECT_TAG:
            if let builder { try check(git_packbuilder_insert(builder, &raw, nil), "git_packbuilder_insert(\(name))") }
            var peeled: OpaquePointer?
            guard git_object_peel(&peeled, object, GIT_OBJECT_COMMIT) == 0 else { return nil }
            defer { git_object_free(peeled) }
            return OID(git_object_id(peeled).pointee)
        default:
            return nil
        }
    }

    /// The commit `id`, and the trees and blobs of its tree that its first parent's tree lacks.
    private func insertNewObjects(of id: git_oid, into builder: OpaquePointer) throws(GitError) {
        var raw = id
        try check(git_packbuilder_insert(builder, &raw, nil), "git_packbuilder_insert(commit)")
        var commit: OpaquePointer?
        try check(git_commit_lookup(&commit, pointer, &raw), "git_commit_lookup")
        defer { git_commit_free(commit) }
        var tree: OpaquePointer?
        try check(git_commit_tree(&tree, commit), "git_commit_tree")
        defer { git_tree_free(tree) }
        var parentTree: OpaquePointer?
        defer { if let parentTree { git_tree_free(parentTree) } }
        if git_commit_parentcount(commit) > 0 {
            var parent: OpaquePointer?
            try check(git_commit_parent(&parent, commit, 0), "git_commit_parent")
            defer { git_commit_free(parent) }
            try check(git_commit_tree(&parentTree, parent), "git_commit_tree(parent)")
        }
        try insertNew(tree!, old: parentTree, path: "", into: builder)
    }

    /// `tree` and what is below it, except what `old` (the same folder in the parent) has.
    private func insertNew(_ tree: OpaquePointer, old: OpaquePointer?, path: String, into builder: OpaquePointer) throws(GitError) {
        if let old, git_oid_equal(git_tree_id(tree), git_tree_id(old)) != 0 { return }
        try check(git_packbuilder_insert(builder, git_tree_id(tree), path), "git_packbuilder_insert(\(path))")
        for i in 0..<git_tree_entrycount(tree) {
            let entry = git_tree_entry_byindex(tree, i)
            let name = git_tree_entry_name(entry)!
            let before = old.flatMap { git_tree_entry_byname($0, name) }
            if let before, git_oid_equal(git_tree_entry_id(before), git_tree_entry_id(entry)) != 0 { continue }
            let entryPath = path.isEmpty ? String(cString: name) : path + "/" + String(cString: name)
            switch git_tree_entry_type(entry) {
            case GIT_OBJECT_TREE:
                var sub: OpaquePointer?
                try check(git_tree_lookup(&sub, pointer, git_tree_entry_id(entry)), "git_tree_lookup(\(entryPath))")
                defer { git_tree_free(sub) }
                var oldSub: OpaquePointer?
                defer { if let oldSub { git_tree_free(oldSub) } }
                if let before, git_tree_entry_type(before) == GIT_OBJECT_TREE {
                    _ = git_tree_lookup(&oldSub, pointer, git_tree_entry_id(before))
                }
                try insertNew(sub!, old: oldSub, path: entryPath, into: builder)
            case GIT_OBJECT_BLOB:
                try check(git_packbuilder_insert(builder, git_tree_entry_id(entry), entryPath), "git_packbuilder_insert(\(entryPath))")
            default:
                continue
            }
        }
    }
}
