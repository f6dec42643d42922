import Clibgit2

/// One file that differs between two snapshots.
public struct FileDelta: Equatable, Sendable {
    public let path: String
    /// The blob before (nil: added).
    public let old: OID?
    /// The blob after (nil: deleted).
    public let new: OID?
}

extension Repository {
    /// What the index would commit: every path whose staged blob differs from HEAD's.
    /// Renames appear as a deletion and an addition.
    /// - Parameter indexFile: another index file, as git names in `GIT_INDEX_FILE` for
    ///   `git commit -a` or `git commit PATH` (relative paths are taken from the work tree).
    public func stagedChanges(indexFile: String? = nil) throws(GitError) -> [FileDelta] {
        var index: OpaquePointer?
        if let indexFile {
            let path = indexFile.hasPrefix("/") ? indexFile : workdir + indexFile
            try check(git_index_open(&index, path), "git_index_open(\(path))")
        } else {
            try check(git_repository_index(&index, pointer), "git_repository_index")
            // Another process (stock git) may have staged since this handle last read it.
            try check(git_index_read(index, 0), "git_index_read")
        }
        defer { git_index_free(index) }
        var headTree: OpaquePointer?
        if let h = try head() {
            var raw = h.raw
            var c: OpaquePointer?
            try check(git_commit_lookup(&c, pointer, &raw), "git_commit_lookup")
            defer { git_commit_free(c) }
            try check(git_commit_tree(&headTree, c), "git_commit_tree")
        }
        defer { if let headTree { git_tree_free(headTree) } }
        var diff: OpaquePointer?
        try check(git_diff_tree_to_index(&diff, pointer, headTree, index, nil), "git_diff_tree_to_index")
        defer { git_diff_free(diff) }
        var out: [FileDelta] = []
        for i in 0..<git_diff_num_deltas(diff) {
            guard let d = git_diff_get_delta(diff, i)?.pointee else { continue }
            let path = String(cString: d.new_file.path ?? d.old_file.path)
            let hasOld = d.status != GIT_DELTA_ADDED
            let hasNew = d.status != GIT_DELTA_DELETED
            out.append(FileDelta(path: path, old: hasOld ? OID(d.old_file.id) : nil, new: hasNew ? OID(d.new_file.id) : nil))
        }
        return out
    }
}
