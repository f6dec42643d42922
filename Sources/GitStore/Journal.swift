import Clibgit2
import Foundation

/// Crash safety of a commit. Moving the branch, writing the work-tree files and updating the index
/// are three steps; a process killed between them would leave HEAD and the work tree disagreeing.
/// So every commit is made under one lock per repository (`.git/casebook/commit.lock`, an advisory
/// `flock` released by the kernel when the process dies), with an intent record
/// (`.git/casebook/commit-journal`) written before the branch moves and cleared when the work tree
/// and index agree with it. The next casebook process to take the lock finds a journal only if its
/// writer died: if the branch reached the new commit, it finishes writing the files and the index
/// (roll forward); otherwise nothing had been written, and the journal and any lock file the dead
/// process held (`index.lock`, the branch's `.lock`) are removed.
extension Repository {
    struct Journal: Decodable {
        var branch: String
        var parent: String?
        var target: String
        var paths: [String]
        /// Set when the writer finished but another program held `index.lock`: that lock is not
        /// the writer's, so recovery waits for it instead of removing it.
        var indexHeldByAnother: Bool?

        /// The journal as JSON (what `JSONDecoder` reads back in recovery), written directly.
        var json: String {
            var out = "{\"branch\":" + Self.quoted(branch)
            if let parent { out += ",\"parent\":" + Self.quoted(parent) }
            out += ",\"target\":" + Self.quoted(target) + ",\"paths\":[" + paths.map(Self.quoted).joined(separator: ",") + "]"
            if let indexHeldByAnother { out += ",\"indexHeldByAnother\":\(indexHeldByAnother)" }
            return out + "}\n"
        }

        /// `text` as a JSON string: quotes, backslashes and control characters escaped, the rest as it is.
        static func quoted(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\u{00}"..."\u{1F}": out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
    }

    var casebookDirectory: String { gitDirectory + "casebook/" }
    var journalPath: String { casebookDirectory + "commit-journal" }

    /// The journal's bytes when one is there: not when the file is missing, empty or only spaces
    /// (cleared: the file is written over in place, see `writeJournal`).
    var journalData: Data? {
        guard let data = FileManager.default.contents(atPath: journalPath), data.contains(where: { $0 != 0x20 }) else { return nil }
        return data
    }

    /// Writes the journal over the file in place and flushes it (`durable`) before the branch may
    /// move. The file is kept between commits and cleared with spaces, not created, replaced and
    /// removed at every commit: on a disk mounted with `discard` and no ext4 journal each block
    /// freed is trimmed before the call returns, a third of a millisecond per commit, and it was
    /// encoded by `JSONEncoder` (its first use in a process costs as much again). A write cut short
    /// by a crash leaves bytes that do not decode, read as no journal: the branch had not moved.
    func writeJournal(_ journal: Journal, durable: Bool) throws {
        try overwriteJournal(Array(journal.json.utf8), create: true, durable: durable)
    }

    /// Clears the journal: spaces over its bytes, the file kept for the next commit.
    func clearJournal() {
        try? overwriteJournal([], create: false, durable: false)
    }

    /// Writes `text` over the journal file from its start, with spaces over what longer content
    /// left after it (a file grown past 64 KB, a commit of thousands of files, is cut first), and
    /// flushes it (`durable`). A write that fails cuts the file, so that no half journal is left.
    private func overwriteJournal(_ text: [UInt8], create: Bool, durable: Bool) throws {
        let fd = Glibc.open(journalPath, O_WRONLY | O_CLOEXEC | (create ? O_CREAT : 0), 0o644)
        guard fd >= 0 else { throw AtomicFileError(path: journalPath, step: "create", code: errno) }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw AtomicFileError(path: journalPath, step: "write", code: errno) }
        var bytes = text
        let size = Int(status.st_size)
        if size > 65_536 {
            guard ftruncate(fd, 0) == 0 else { throw AtomicFileError(path: journalPath, step: "write", code: errno) }
        } else if size > bytes.count {
            bytes += [UInt8](repeating: 0x20, count: size - bytes.count)
        }
        guard bytes.withUnsafeBytes({ pwrite(fd, $0.baseAddress, $0.count, 0) }) == bytes.count else {
            let code = errno
            _ = ftruncate(fd, 0)
            throw AtomicFileError(path: journalPath, step: "write", code: code)
        }
        guard !durable || fsync(fd) == 0 else { throw AtomicFileError(path: journalPath, step: "write", code: errno) }
    }

    /// Runs `body` holding this repository's commit lock, after finishing any commit a killed
    /// process left half done.
    func underCommitLock<T>(_ body: () throws -> T) throws -> T {
        try FileManager.default.createDirectory(atPath: casebookDirectory, withIntermediateDirectories: true)
        return try FileLock.exclusively(casebookDirectory + "commit.lock") {
            try recoverLocked()
            return try body()
        }
    }

    /// Finishes (or discards) a commit a killed process left half done. Cheap when there is none.
    public func recoverInterruptedCommit() throws {
        guard !isBare, journalData != nil else { return }
        try underCommitLock {}
    }

    /// Whether a killed process left a commit half done (for tests and `casebook check`).
    public var hasInterruptedCommit: Bool { journalData != nil }

    private func recoverLocked() throws {
        guard let data = journalData else { return }
        guard let journal = try? JSONDecoder().decode(Journal.self, from: data) else {
            // Killed while writing the journal itself (flushed before the branch moves) or a
            // foreign file: nothing else had happened yet.
            clearJournal()
            return
        }
        // The writer is dead (we hold the lock it held), so these lock files are its own — unless
        // it left the journal alive because another program held the index.
        if journal.indexHeldByAnother != true {
            unlink(gitDirectory + journal.branch + ".lock")
            unlink(gitDirectory + "index.lock")
        }
        removeTemporaryFiles(beside: journal.paths)
        if let tip = try? reference(journal.branch), tip.hex == journal.target, let target = OID(hex: journal.target) {
            do {
                try finish(target, paths: journal.paths)
            } catch let error as GitError where error.code == GIT_ELOCKED.rawValue {
                return  // still held by another program: the journal stays for the next command
            }
        }
        clearJournal()
    }

    /// Removes the temporary files `AtomicFile` left beside `paths` when its writer was killed
    /// (`.NAME.casebook-PID-N`), so the work tree holds nothing git would list as untracked.
    func removeTemporaryFiles(beside paths: [String]) {
        for path in paths {
            let url = URL(fileURLWithPath: workdir + path)
            let folder = url.deletingLastPathComponent()
            let stem = "." + url.lastPathComponent + ".casebook-"
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasPrefix(stem) {
                unlink(folder.appendingPathComponent(name).path)
            }
        }
    }

    /// The commit a branch points at, nil if none.
    func reference(_ name: String) throws(GitError) -> OID? {
        var oid = git_oid()
        let rc = git_reference_name_to_id(&oid, pointer, name)
        if rc == GIT_ENOTFOUND.rawValue { return nil }
        try check(rc, "git_reference_name_to_id(\(name))")
        return OID(oid)
    }

    /// Writes `paths` as they are in `target` into the work tree (atomically) and the index.
    /// An index held by another program (`index.lock`) is waited for a little; if it stays held,
    /// the journal stays and the next casebook command finishes the job.
    /// - Parameters:
    ///   - written: the files as the commit that made `target` wrote them, when the caller has
    ///     them (they are not read back from the object database then).
    ///   - durable: flush each file to disk before it replaces the old one.
    func finish(_ target: OID, paths: [String], written: [FileChange]? = nil, durable: Bool = true) throws {
        var folders: Set<String> = []
        func write(_ content: Data, _ path: String, executable: Bool) throws {
            let url = URL(fileURLWithPath: workdir + path)
            let folder = url.deletingLastPathComponent().path
            if folders.insert(folder).inserted {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            try AtomicFile.write(content, to: url.path, mode: executable ? 0o755 : 0o644, durable: durable)
        }
        var removed: Set<String> = []
        if let written {
            for change in written { try write(change.content, change.path, executable: change.executable) }
            removed = Set(paths).subtracting(written.map(\.path))
        } else {
            for path in paths {
                guard let id = try blobID(at: path, in: target) else {
                    removed.insert(path)
                    continue
                }
                try write(try blob(id), path, executable: try isExecutable(path, in: target))
            }
        }
        // Files the commit took out leave the work tree, and so do the folders they leave empty.
        for path in removed.sorted() {
            unlink(workdir + path)
            var folder = (path as NSString).deletingLastPathComponent
            while !folder.isEmpty, rmdir(workdir + folder) == 0 { folder = (folder as NSString).deletingLastPathComponent }
        }
        var delay: useconds_t = 5_000
        var attempt = 1
        while true {
            let result = Result { () throws(GitError) in try updateIndex(paths, removed: removed, at: target) }
            guard case .failure(let error) = result else { return }
            guard error.code == GIT_ELOCKED.rawValue, attempt < 8 else { throw error }
            usleep(delay)
            delay *= 2
            attempt += 1
        }
    }

    /// Puts `paths` into the index as `target` and the work tree have them (`removed`: out of
    /// it): by patching the index file where it is one `IndexFile` handles, else through libgit2.
    func updateIndex(_ paths: [String], removed: Set<String> = [], at target: OID) throws(GitError) {
        if try patchIndex(paths, removed: removed, at: target) { return }
        var index: OpaquePointer?
        try check(git_repository_index(&index, pointer), "git_repository_index")
        defer { git_index_free(index) }
        try check(git_index_read(index, 0), "git_index_read")
        for path in paths {
            if removed.contains(path) {
                try check(git_index_remove_bypath(index, path), "git_index_remove_bypath(\(path))")
            } else {
                try check(git_index_add_bypath(index, path), "git_index_add_bypath(\(path))")
            }
        }
        try check(git_index_write(index), "git_index_write")
    }

    /// Moves the current branch from `parent` (compare-and-swap) to `target`, which has `files`
    /// changed against it, then writes them into the work tree and the index — under the commit
    /// lock, with the journal. Once the branch moved this does not throw: the commit stands, and
    /// an index left held by another program is brought up to date by the next command.
    func publish(_ target: OID, replacing parent: OID?, on branch: String, files changes: [FileChange], removing: [String] = [],
                 reason summary: String, durable: Bool = true) throws {
        if defersWorkTree {
            try moveBranch(branch, from: parent, to: target, reason: summary)
            return
        }
        try underCommitLock {
            let journal = Journal(branch: branch, parent: parent?.hex, target: target.hex, paths: changes.map(\.path) + removing)
            try writeJournal(journal, durable: durable)
            do {
                try moveBranch(branch, from: parent, to: target, reason: summary)
            } catch {
                clearJournal()
                throw error
            }
            do {
                try finish(target, paths: journal.paths, written: changes, durable: durable)
                clearJournal()
            } catch {
                // The commit stands; the journal stays for the next command to finish the work tree.
                var held = journal
                held.indexHeldByAnother = true
                try? writeJournal(held, durable: true)
            }
        }
    }
}

extension Repository {
    /// Moves `branch` from `parent` to `target` by compare-and-swap, nothing else.
    func moveBranch(_ branch: String, from parent: OID?, to target: OID, reason summary: String) throws(GitError) {
        var commitID = target.raw
        var ref: OpaquePointer?
        let rc: Int32
        if var expected = parent?.raw {
            rc = git_reference_create_matching(&ref, pointer, branch, &commitID, 1, &expected, summary)
        } else {
            rc = git_reference_create_matching(&ref, pointer, branch, &commitID, 0, nil, summary)
        }
        try check(rc, "git_reference_create_matching(\(branch))")
        git_reference_free(ref)
    }

    /// Writes the work tree and the index as HEAD has them, overwriting what is there: the end of
    /// a run with `defersWorkTree`.
    public func checkoutHead() throws(GitError) {
        var options = git_checkout_options()
        try check(git_checkout_options_init(&options, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)), "git_checkout_options_init")
        options.checkout_strategy = GIT_CHECKOUT_FORCE.rawValue
        try check(git_checkout_head(pointer, &options), "git_checkout_head")
    }

    /// `isUnchanged(path)` read under the commit lock, so another casebook process half way
    /// through a commit (branch moved, work tree not yet written) is never mistaken for a hand edit.
    public func isUnchangedSettled(_ path: String) throws -> Bool {
        guard !isBare, !defersWorkTree else { return true }
        return try underCommitLock { try isUnchanged(path) }
    }
}
