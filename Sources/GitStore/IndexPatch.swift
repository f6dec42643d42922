import Clibgit2
import Foundation

/// The index read and changed through `IndexFile` for one step's paths, and one path's state
/// judged from it: what a step did through libgit2's whole-index read and write, for a plain
/// index (anything else returns false and the caller goes through libgit2).
extension Repository {
    var indexPath: String { gitDirectory + (gitDirectory.hasSuffix("/") ? "" : "/") + "index" }

    /// Writes the index entries of `paths` as `target` has them (with the stat data of the work
    /// tree files just written), or removes those in `removed`, under `index.lock` as git takes
    /// it. False, with nothing changed, when the index is not one `IndexFile` handles.
    /// - Throws: `GitError` with `GIT_ELOCKED` when another program holds `index.lock`.
    func patchIndex(_ paths: [String], removed: Set<String>, at target: OID) throws(GitError) -> Bool {
        let file = indexPath, lock = indexPath + ".lock"
        var indexStat = stat()
        guard stat(file, &indexStat) == 0 else { return false }
        let fd = Glibc.open(lock, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else {
            if errno == EEXIST { throw GitError(call: "open(\(lock))", code: GIT_ELOCKED.rawValue, message: "the index is locked by another program") }
            return false
        }
        var renamed = false
        defer {
            close(fd)
            if !renamed { unlink(lock) }
        }
        // Read under the lock: what another writer left is what is patched.
        guard stat(file, &indexStat) == 0, let data = FileManager.default.contents(atPath: file),
              let index = IndexFile([UInt8](data), verify: true), index.otherExtensions.isEmpty else { return false }
        let root = try tree(of: target)
        defer { git_tree_free(root) }
        var changes: [[UInt8]: [UInt8]?] = [:]
        for path in paths {
            let name = Array(path.utf8)
            if removed.contains(path) {
                changes[name] = .some(nil)
                continue
            }
            guard let (oid, mode) = try blobEntry(path, in: root) else { return false }
            var st = stat()
            guard lstat(workdir + path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return false }
            changes[name] = IndexFile.entry(path: name, stat: st, mode: mode, oid: oid)
        }
        guard let out = index.applying(changes, indexTime: Int(indexStat.st_mtim.tv_sec)) else { return false }
        let written = out.withUnsafeBytes { AtomicFile.writeAll(fd, $0) }
        guard written, fchmod(fd, indexStat.st_mode & 0o777) == 0 else {
            throw GitError(call: "write(\(lock))", code: -1, message: String(cString: strerror(errno)))
        }
        guard rename(lock, file) == 0 else { throw GitError(call: "rename(\(lock))", code: -1, message: String(cString: strerror(errno))) }
        renamed = true
        return true
    }

    /// Whether `path` is as in HEAD in the index and the work tree, judged from the index file
    /// alone; false when that cannot be told so (the caller asks libgit2 then).
    func isUnchangedByIndexFile(_ path: String) throws(GitError) -> Bool {
        guard let head = try head() else { return false }
        var indexStat = stat()
        guard stat(indexPath, &indexStat) == 0, let data = FileManager.default.contents(atPath: indexPath),
              let index = IndexFile([UInt8](data), verify: false), index.otherExtensions.isEmpty else { return false }
        let root = try tree(of: head)
        defer { git_tree_free(root) }
        let committed = try blobEntry(path, in: root)
        let (found, conflicted) = index.entry(Array(path.utf8))
        var st = stat()
        let exists = lstat(workdir + path, &st) == 0
        guard let found, !conflicted, let committed else {
            // Absent from all three.
            return committed == nil && found == nil && !conflicted && !exists && errno == ENOENT
        }
        guard !index.entries[found].extended, index.oid(found) == committed.oid, index.mode(found) == committed.mode,
              exists, st.st_mode & S_IFMT == S_IFREG, (st.st_mode & 0o100 != 0) == (committed.mode == 0o100755) else { return false }
        if index.statMatches(found, st, indexTime: Int(indexStat.st_mtim.tv_sec)) { return true }
        // Racily clean or touched: the file's bytes are the committed blob's, or we do not know.
        guard let bytes = FileManager.default.contents(atPath: workdir + path) else { return false }
        var oid = git_oid()
        guard bytes.withUnsafeBytes({ git_odb_hash(&oid, $0.baseAddress, $0.count, GIT_OBJECT_BLOB) }) == 0 else { return false }
        return withUnsafeBytes(of: oid.id) { Array($0) } == committed.oid
    }

    /// The raw id and mode of the blob at `path` under `root`, nil when there is none (or it is
    /// not a plain or executable file).
    func blobEntry(_ path: String, in root: OpaquePointer) throws(GitError) -> (oid: [UInt8], mode: UInt32)? {
        var entry: OpaquePointer?
        let rc = git_tree_entry_bypath(&entry, root, path)
        if rc == GIT_ENOTFOUND.rawValue { return nil }
        try check(rc, "git_tree_entry_bypath(\(path))")
        defer { git_tree_entry_free(entry) }
        let mode = git_tree_entry_filemode(entry)
        guard mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE else { return nil }
        return (withUnsafeBytes(of: git_tree_entry_id(entry).pointee.id) { Array($0) }, mode.rawValue)
    }
}
