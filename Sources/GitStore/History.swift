import Clibgit2
import Foundation

/// A commit's SSH or GPG signature and the exact bytes it signs.
public struct CommitSignature: Sendable {
    public let signature: Data
    public let signedData: Data

    public init(signature: Data, signedData: Data) {
        self.signature = signature
        self.signedData = signedData
    }
}

extension Repository {
    // MARK: - Walking a range

    /// The commits reachable from `new` and not from `old`, oldest first (parents before
    /// children). With `old` nil, commits reachable from any existing reference are left out
    /// too: what a push of a new branch brings.
    public func commits(from old: OID?, to new: OID, excludingExistingRefs: Bool = false) throws(GitError) -> [OID] {
        var walker: OpaquePointer?
        try check(git_revwalk_new(&walker, pointer), "git_revwalk_new")
        defer { git_revwalk_free(walker) }
        git_revwalk_sorting(walker, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_REVERSE.rawValue)
        var raw = new.raw
        try check(git_revwalk_push(walker, &raw), "git_revwalk_push(\(new.short))")
        if let old {
            var o = old.raw
            try check(git_revwalk_hide(walker, &o), "git_revwalk_hide(\(old.short))")
        }
        if excludingExistingRefs {
            let rc = git_revwalk_hide_glob(walker, "refs/*")
            if rc != GIT_ENOTFOUND.rawValue { try check(rc, "git_revwalk_hide_glob(refs/*)") }
        }
        var out: [OID] = []
        var oid = git_oid()
        while true {
            let rc = git_revwalk_next(&oid, walker)
            if rc == GIT_ITEROVER.rawValue { break }
            try check(rc, "git_revwalk_next")
            out.append(OID(oid))
        }
        return out
    }

    /// The parents of `commit`, first parent first.
    public func parents(of commit: OID) throws(GitError) -> [OID] {
        var raw = commit.raw
        var c: OpaquePointer?
        try check(git_commit_lookup(&c, pointer, &raw), "git_commit_lookup(\(commit.short))")
        defer { git_commit_free(c) }
        return (0..<git_commit_parentcount(c)).compactMap { i in git_commit_parent_id(c, i).map { OID($0.pointee) } }
    }

    /// The id a reference points at (e.g. `refs/heads/main`), or nil.
    public func resolve(_ reference: String) throws(GitError) -> OID? {
        var oid = git_oid()
        let rc = git_reference_name_to_id(&oid, pointer, reference)
        if rc == GIT_ENOTFOUND.rawValue { return nil }
        try check(rc, "git_reference_name_to_id(\(reference))")
        return OID(oid)
    }

    /// The commit a revision names, as git's rev-parse reads it (`main`, `HEAD~1000`,
    /// `origin/main`, a short id), or nil when it names nothing.
    public func revision(_ spec: String) throws(GitError) -> OID? {
        var object: OpaquePointer?
        let rc = git_revparse_single(&object, pointer, spec)
        if rc == GIT_ENOTFOUND.rawValue || rc == GIT_EINVALIDSPEC.rawValue || rc == GIT_EAMBIGUOUS.rawValue { return nil }
        try check(rc, "git_revparse_single(\(spec))")
        defer { git_object_free(object) }
        var commit: OpaquePointer?
        try check(git_object_peel(&commit, object, GIT_OBJECT_COMMIT), "git_object_peel(\(spec))")
        defer { git_object_free(commit) }
        return OID(git_object_id(commit).pointee)
    }

    /// The best common ancestor of two commits, or nil.
    public func mergeBase(_ a: OID, _ b: OID) throws(GitError) -> OID? {
        var out = git_oid()
        var ra = a.raw, rb = b.raw
        let rc = git_merge_base(&out, pointer, &ra, &rb)
        if rc == GIT_ENOTFOUND.rawValue { return nil }
        try check(rc, "git_merge_base")
        return OID(out)
    }

    // MARK: - Comparing snapshots

    /// Every file that differs between the trees of `old` (nil: the empty tree) and `new`.
    /// Subfolders whose ids are equal are skipped without being read, which keeps a walk over
    /// a long history fast (libgit2 1.5's tree-to-tree diff expands them).
    public func changes(from old: OID?, to new: OID) throws(GitError) -> [FileDelta] {
        let trees = try TreeReader(self)
        let newID = try treeID(of: new)
        let oldID = try old.map { id throws(GitError) in try treeID(of: id) }
        var out: [FileDelta] = []
        try trees.compare(oldID, newID, prefix: "", into: &out)
        return out
    }

    /// The files under the folder `prefix` that differ between two commits, found without
    /// looking at anything outside it.
    public func changes(from old: OID?, to new: OID, under prefix: String) throws(GitError) -> [FileDelta] {
        let trees = try TreeReader(self)
        let oldRoot = try old.map { id throws(GitError) in try treeID(of: id) }
        return try trees.changes(from: oldRoot, to: treeID(of: new), under: prefix)
    }

    /// The id of `commit`'s tree.
    func treeID(of commit: OID) throws(GitError) -> OID {
        var raw = commit.raw
        var c: OpaquePointer?
        try check(git_commit_lookup(&c, pointer, &raw), "git_commit_lookup(\(commit.short))")
        defer { git_commit_free(c) }
        return OID(git_commit_tree_id(c).pointee)
    }

    func lookupTree(_ id: OID) throws(GitError) -> OpaquePointer {
        var raw = id.raw
        var t: OpaquePointer?
        try check(git_tree_lookup(&t, pointer, &raw), "git_tree_lookup(\(id.short))")
        return t!
    }

    // MARK: - Signatures

    /// The `gpgsig` signature of `commit` and the bytes it signs, or nil for an unsigned commit.
    /// `signature(of:)` of each commit, read with libgit2's object cache off: a batch of commits
    /// is read once each, and caching them (up to the cache's bound) is memory and no speed.
    public func signatures(of commits: [OID]) throws(GitError) -> [CommitSignature?] {
        try Library.withoutObjectCache { () throws(GitError) in
            var out: [CommitSignature?] = []
            out.reserveCapacity(commits.count)
            for commit in commits { out.append(try signature(of: commit)) }
            return out
        }
    }

    public func signature(of commit: OID) throws(GitError) -> CommitSignature? {
        var sig = git_buf(), data = git_buf()
        defer {
            git_buf_dispose(&sig)
            git_buf_dispose(&data)
        }
        var raw = commit.raw
        let rc = git_commit_extract_signature(&sig, &data, pointer, &raw, "gpgsig")
        if rc == GIT_ENOTFOUND.rawValue { return nil }
        try check(rc, "git_commit_extract_signature(\(commit.short))")
        return CommitSignature(signature: Data(bytes: sig.ptr, count: sig.size), signedData: Data(bytes: data.ptr, count: data.size))
    }
}
