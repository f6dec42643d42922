import Clibgit2
import Foundation

/// A file to write at a path (relative to the work tree) in one commit.
public struct FileChange: Sendable {
    public let path: String
    public let content: Data
    /// Whether the file is a program (mode 100755), such as a hook.
    public let executable: Bool

    public init(path: String, content: Data, executable: Bool = false) {
        self.path = path
        self.content = content
        self.executable = executable
    }
}

/// Signs the exact bytes of a commit; returns the armored signature.
public protocol CommitSigner: Sendable {
    func sign(_ content: String) throws -> String
}

/// A git repository with a work tree, opened through libgit2. The only owner of a
/// `git_repository` pointer; every other libgit2 object is freed where it was made.
public final class Repository: @unchecked Sendable {
    let pointer: OpaquePointer
    /// Absolute path of the work tree, with a trailing `/`; empty for a bare repository.
    public let workdir: String
    /// A central repository without a work tree: it can be read, not committed to.
    public let isBare: Bool
    /// Commits move the branch only, leaving the work tree and the index as they were, until
    /// `checkoutHead()` (for a program that alone writes a new repository, `simulate`: writing
    /// every commit's files and the whole index would cost more than the commits themselves).
    public var defersWorkTree = false
    /// Objects go into memory and out as packs (`packObjects(every:)`, Packing.swift); nil: loose, as git writes them.
    var packer: Packer?
    /// How it was opened, so that another thread can open the same repository (`anotherHandle()`).
    private let fromEnvironment: Bool

    private init(_ pointer: OpaquePointer, fromEnvironment: Bool = false, allowBare: Bool = false) throws(GitError) {
        self.pointer = pointer
        self.fromEnvironment = fromEnvironment
        if let wd = git_repository_workdir(pointer) {
            workdir = String(cString: wd)
            isBare = false
        } else {
            guard allowBare else {
                git_repository_free(pointer)
                throw GitError(call: "git_repository_workdir", code: -1, message: "repository has no work tree (bare)")
            }
            workdir = ""
            isBare = true
        }
    }

    /// Opens the repository git's environment names, as a hook sees it: `GIT_DIR`, and the
    /// quarantine `GIT_OBJECT_DIRECTORY` / `GIT_ALTERNATE_OBJECT_DIRECTORIES` where a push's new
    /// objects wait until the hooks accept them. Bare repositories are allowed (for reading).
    /// Runs `body` with libgit2's check of every object read against its id off (process-wide;
    /// nested and concurrent runs count). For commands whose output is a view of the records that
    /// is made again from them (the dashboard): the SHA-1 of each tree and case file read was a
    /// twentieth of a rebuild at 100,000 cases. Stock git does not check the objects it reads
    /// either; a damaged object still fails zlib's own checksum as it is inflated, and `git fsck`
    /// checks every id.
    public static func withoutHashChecks<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        try Library.withoutHashVerification(body)
    }

    public static func openFromEnvironment() throws(GitError) -> Repository {
        Library.ensure()
        var repo: OpaquePointer?
        try check(git_repository_open_ext(&repo, nil, GIT_REPOSITORY_OPEN_FROM_ENV.rawValue, nil), "git_repository_open_ext(GIT_DIR)")
        return try Repository(repo!, fromEnvironment: true, allowBare: true)
    }

    /// Opens the repository at `path` exactly (a bare one too), for reading.
    public static func open(_ path: String) throws(GitError) -> Repository {
        Library.ensure()
        var repo: OpaquePointer?
        try check(git_repository_open(&repo, path), "git_repository_open(\(path))")
        return try Repository(repo!, allowBare: true)
    }

    /// The repository's git folder (`.git/` or the bare repository itself), with a trailing `/`.
    public var gitDirectory: String { String(cString: git_repository_path(pointer)) }

    deinit {
        // Objects still in memory would leave the references that name them broken.
        if packer != nil { try? writePack() }
        git_repository_free(pointer)
    }

    /// Opens the repository that contains `path` (searching upwards, like git).
    public static func discover(from path: String) throws(GitError) -> Repository {
        Library.ensure()
        var buf = git_buf()
        defer { git_buf_dispose(&buf) }
        try check(git_repository_discover(&buf, path, 0, nil), "git_repository_discover(\(path))")
        var repo: OpaquePointer?
        try check(git_repository_open(&repo, buf.ptr), "git_repository_open")
        return try Repository(repo!)
    }

    /// Creates a new, empty repository at `path` whose first branch is `branch`.
    public static func create(at path: String, branch: String = "main") throws(GitError) -> Repository {
        Library.ensure()
        var opts = git_repository_init_options()
        try check(git_repository_init_options_init(&opts, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)), "git_repository_init_options_init")
        opts.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue | GIT_REPOSITORY_INIT_NO_REINIT.rawValue
        var repo: OpaquePointer?
        let rc = branch.withCString { name -> Int32 in
            opts.initial_head = name
            return git_repository_init_ext(&repo, path, &opts)
        }
        try check(rc, "git_repository_init(\(path))")
        return try Repository(repo!)
    }

    /// The same repository opened again, for reading on another thread (libgit2 objects and a
    /// `git_repository` are used by one thread at a time); nil when this handle holds objects
    /// another would not see (written to memory, not yet packed).
    func anotherHandle() throws(GitError) -> Repository? {
        guard packer == nil else { return nil }
        return try fromEnvironment ? Repository.openFromEnvironment() : Repository.open(gitDirectory)
    }

    // MARK: - Reading

    /// The commit HEAD points at, or nil on an unborn branch.
    public func head() throws(GitError) -> OID? {
        var oid = git_oid()
        let rc = git_reference_name_to_id(&oid, pointer, "HEAD")
        if rc == GIT_ENOTFOUND.rawValue || rc == GIT_EUNBORNBRANCH.rawValue { return nil }
        try check(rc, "git_reference_name_to_id(HEAD)")
        return OID(oid)
    }

    /// The branch HEAD names, e.g. `refs/heads/main`, even when it has no commit yet.
    public func headBranch() throws(GitError) -> String {
        var ref: OpaquePointer?
        try check(git_reference_lookup(&ref, pointer, "HEAD"), "git_reference_lookup(HEAD)")
        defer { git_reference_free(ref) }
        guard let target = git_reference_symbolic_target(ref) else {
            throw GitError(call: "git_reference_symbolic_target", code: -1, message: "HEAD is detached; check out a branch first")
        }
        return String(cString: target)
    }

    /// The tree of `commit`; the caller frees it.
    func tree(of commit: OID) throws(GitError) -> OpaquePointer {
        var raw = commit.raw
        var c: OpaquePointer?
        try check(git_commit_lookup(&c, pointer, &raw), "git_commit_lookup(\(commit.short))")
        defer { git_commit_free(c) }
        var t: OpaquePointer?
        try check(git_commit_tree(&t, c), "git_commit_tree")
        return t!
    }

    /// The blob id at `path` in `commit`, or nil if there is none.
    public func blobID(at path: String, in commit: OID) throws(GitError) -> OID? {
        let t = try tree(of: commit)
        defer { git_tree_free(t) }
        return try entryID(path, in: t)
    }

    func entryID(_ path: String, in tree: OpaquePointer) throws(GitError) -> OID? {
        var entry: OpaquePointer?
        let rc = git_tree_entry_bypath(&entry, tree, path)
        if rc == GIT_ENOTFOUND.rawValue { return nil }
        try check(rc, "git_tree_entry_bypath(\(path))")
        defer { git_tree_entry_free(entry) }
        return OID(git_tree_entry_id(entry).pointee)
    }

    /// The content of the blob `id`.
    public func blob(_ id: OID) throws(GitError) -> Data {
        var raw = id.raw
        var b: OpaquePointer?
        try check(git_blob_lookup(&b, pointer, &raw), "git_blob_lookup(\(id.short))")
        defer { git_blob_free(b) }
        let size = Int(git_blob_rawsize(b))
        guard size > 0, let bytes = git_blob_rawcontent(b) else { return Data() }
        return Data(bytes: bytes, count: size)
    }

    /// The content of `path` at `commit` (default HEAD), or nil if the file is not there.
    public func read(_ path: String, at commit: OID? = nil) throws(GitError) -> Data? {
        let start: OID? = if let commit { commit } else { try head() }
        guard let c = start, let id = try blobID(at: path, in: c) else { return nil }
        return try blob(id)
    }

    /// Every file under the folder `prefix` at `commit` (default HEAD), with its blob id.
    public func files(under prefix: String, at commit: OID? = nil) throws(GitError) -> [(path: String, blob: OID)] {
        let start: OID? = if let commit { commit } else { try head() }
        guard let c = start else { return [] }
        let root = try tree(of: c)
        defer { git_tree_free(root) }
        var top: OpaquePointer? = root
        var subtree: OpaquePointer?
        defer { if let subtree { git_tree_free(subtree) } }
        if !prefix.isEmpty {
            guard let id = try entryID(prefix, in: root) else { return [] }
            var raw = id.raw
            guard git_tree_lookup(&subtree, pointer, &raw) == 0 else { return [] }
            top = subtree
        }
        var out: [(String, OID)] = []
        try walk(top!, prefix: prefix.isEmpty ? "" : prefix + "/", into: &out)
        return out
    }

    /// One entry of a tree: the name, the id of the blob or tree it names, and which it is.
    public struct TreeEntry: Sendable {
        public let name: String
        public let id: OID
        public let isTree: Bool
    }

    /// The entries of the tree `id` (a folder's id, as `blobID(at:in:)` gives it), in git's order
    /// (the order `files(under:at:)` lists them in); blobs and trees only.
    public func entries(ofTree id: OID) throws(GitError) -> [TreeEntry] {
        let tree = try lookupTree(id)
        defer { git_tree_free(tree) }
        var out: [TreeEntry] = []
        out.reserveCapacity(git_tree_entrycount(tree))
        for i in 0..<git_tree_entrycount(tree) {
            let entry = git_tree_entry_byindex(tree, i)
            let type = git_tree_entry_type(entry)
            guard type == GIT_OBJECT_TREE || type == GIT_OBJECT_BLOB else { continue }
            out.append(TreeEntry(name: String(cString: git_tree_entry_name(entry)), id: OID(git_tree_entry_id(entry).pointee), isTree: type == GIT_OBJECT_TREE))
        }
        return out
    }

    private func walk(_ tree: OpaquePointer, prefix: String, into out: inout [(String, OID)]) throws(GitError) {
        for i in 0..<git_tree_entrycount(tree) {
            let entry = git_tree_entry_byindex(tree, i)
            let name = prefix + String(cString: git_tree_entry_name(entry))
            let id = git_tree_entry_id(entry).pointee
            if git_tree_entry_type(entry) == GIT_OBJECT_TREE {
                var raw = id
                var sub: OpaquePointer?
                try check(git_tree_lookup(&sub, pointer, &raw), "git_tree_lookup(\(name))")
                defer { git_tree_free(sub) }
                try walk(sub!, prefix: name + "/", into: &out)
            } else if git_tree_entry_type(entry) == GIT_OBJECT_BLOB {
                out.append((name, OID(id)))
            }
        }
    }

    /// Whether `path` in the index and the work tree is exactly as in HEAD (or absent from all
    /// three).
    public func isUnchanged(_ path: String) throws(GitError) -> Bool {
        if try isUnchangedByIndexFile(path) { return true }
        var flags: UInt32 = 0
        let rc = git_status_file(&flags, pointer, path)
        if rc == GIT_ENOTFOUND.rawValue { return true }
        try check(rc, "git_status_file(\(path))")
        return flags & ~GIT_STATUS_IGNORED.rawValue == 0
    }

    // MARK: - Configuration

    /// A value from git's configuration as seen by this repository (local, global, system).
    public func config(_ key: String) -> String? {
        var cfg: OpaquePointer?
        guard git_repository_config_snapshot(&cfg, pointer) == 0 else { return nil }
        defer { git_config_free(cfg) }
        var buf = git_buf()
        defer { git_buf_dispose(&buf) }
        guard git_config_get_string_buf(&buf, cfg, key) == 0, let p = buf.ptr else { return nil }
        return String(cString: p)
    }

    /// Sets a value in this repository's own configuration (`.git/config`).
    public func setConfig(_ key: String, _ value: String) throws(GitError) {
        var cfg: OpaquePointer?
        try check(git_repository_config(&cfg, pointer), "git_repository_config")
        defer { git_config_free(cfg) }
        var local: OpaquePointer?
        try check(git_config_open_level(&local, cfg, GIT_CONFIG_LEVEL_LOCAL), "git_config_open_level")
        defer { git_config_free(local) }
        try check(git_config_set_string(local, key, value), "git_config_set_string(\(key))")
    }

    // MARK: - History

    /// A commit's author, committer, message and whether it carries a signature.
    public func commit(_ id: OID) throws(GitError) -> CommitInfo {
        var raw = id.raw
        var c: OpaquePointer?
        try check(git_commit_lookup(&c, pointer, &raw), "git_commit_lookup(\(id.short))")
        defer { git_commit_free(c) }
        return info(c!, id: id)
    }

    func info(_ c: OpaquePointer, id: OID) -> CommitInfo {
        var buf = git_buf()
        defer { git_buf_dispose(&buf) }
        let signed = git_commit_header_field(&buf, c, "gpgsig") == 0
        return CommitInfo(id: id, author: Person(git_commit_author(c)), committer: Person(git_commit_committer(c)),
                          message: String(cString: git_commit_message(c)), isSigned: signed)
    }

    // MARK: - Committing

    /// Commits `changes` on the current branch as one commit whose tree is HEAD's tree with just
    /// these files replaced; other staged or unstaged work is left alone. Writes the files into
    /// the work tree (atomically) and the index, so `git status` shows them clean.
    ///
    /// The branch is moved by compare-and-swap: if another process committed in between, nothing
    /// is changed and a `GitError` with `isConcurrentUpdate` is thrown. If anything fails after
    /// the files were written, they are restored.
    /// - Returns: the new commit's id.
    /// - Parameter base: the commit the caller read its data from; the new commit's parent. If
    ///   the branch no longer points there, nothing is changed and the concurrent-update error is
    ///   thrown, so a change validated against one state is never committed on top of another.
    ///   Default: HEAD as it is now.
    /// - Parameter durable: flush the commit's journal and work-tree files to disk before they
    ///   replace the old ones (off only where everything can be made again: the simulator).
    /// - Parameter removing: files (which must exist) the commit takes out of the tree, the work
    ///   tree and the index (a file moved is a change at its new path and a removal at the old).
    @discardableResult
    public func commit(_ changes: [FileChange], removing: [String] = [], author: Person, committer: Person, message: String,
                       signer: (any CommitSigner)? = nil, onto base: OID? = nil, merging others: [OID] = [],
                       durable: Bool = true) throws -> OID {
        let branch = try headBranch()
        let parent = try base ?? head()
        let commit = try makeCommit(changes, author: author, committer: committer, message: message, signer: signer, parent: parent,
                                    merging: others, removing: removing)
        try publish(commit, replacing: parent, on: branch, files: changes, removing: removing,
                    reason: "commit: " + String(message.prefix { $0 != "\n" }), durable: durable)
        try countCommitForPacking()
        return commit
    }

    /// Writes the objects of one commit (blobs, tree, the signed commit) whose tree is `parent`'s
    /// with `changes` applied, and returns its id; no reference moves. Unreferenced objects are
    /// harmless if the caller stops here.
    func makeCommit(_ changes: [FileChange], author: Person, committer: Person, message: String,
                    signer: (any CommitSigner)?, parent: OID?, merging others: [OID] = [], removing: [String] = []) throws -> OID {
        var baseline: OpaquePointer?
        if let parent {
            baseline = try tree(of: parent)
        } else {
            var builder: OpaquePointer?
            try check(git_treebuilder_new(&builder, pointer, nil), "git_treebuilder_new")
            defer { git_treebuilder_free(builder) }
            var empty = git_oid()
            try check(git_treebuilder_write(&empty, builder), "git_treebuilder_write")
            try check(git_tree_lookup(&baseline, pointer, &empty), "git_tree_lookup")
        }
        defer { git_tree_free(baseline) }

        var updates: [git_tree_update] = []
        defer { for u in updates { free(UnsafeMutablePointer(mutating: u.path)) } }
        for change in changes {
            var blob = git_oid()
            try check(change.content.withUnsafeBytes { git_blob_create_from_buffer(&blob, pointer, $0.baseAddress, $0.count) },
                      "git_blob_create_from_buffer(\(change.path))")
            updates.append(git_tree_update(action: GIT_TREE_UPDATE_UPSERT, id: blob, filemode: change.executable ? GIT_FILEMODE_BLOB_EXECUTABLE : GIT_FILEMODE_BLOB, path: strdup(change.path)))
        }
        for path in removing {
            updates.append(git_tree_update(action: GIT_TREE_UPDATE_REMOVE, id: git_oid(), filemode: GIT_FILEMODE_BLOB, path: strdup(path)))
        }
        var treeID = git_oid()
        try check(git_tree_create_updated(&treeID, pointer, baseline, updates.count, &updates), "git_tree_create_updated")
        var newTree: OpaquePointer?
        try check(git_tree_lookup(&newTree, pointer, &treeID), "git_tree_lookup")
        defer { git_tree_free(newTree) }

        var parents: [OpaquePointer?] = []
        defer { parents.forEach { git_commit_free($0) } }
        if let parent {
            var raw = parent.raw
            var pc: OpaquePointer?
            try check(git_commit_lookup(&pc, pointer, &raw), "git_commit_lookup")
            parents.append(pc)
        }
        for other in others {
            var raw = other.raw
            var oc: OpaquePointer?
            try check(git_commit_lookup(&oc, pointer, &raw), "git_commit_lookup(\(other.short))")
            parents.append(oc)
        }
        var authorSig: UnsafeMutablePointer<git_signature>?
        try check(git_signature_new(&authorSig, author.name, author.email, git_time_t(author.time), author.offsetMinutes), "git_signature_new(author)")
        defer { git_signature_free(authorSig) }
        var committerSig: UnsafeMutablePointer<git_signature>?
        try check(git_signature_new(&committerSig, committer.name, committer.email, git_time_t(committer.time), committer.offsetMinutes), "git_signature_new(committer)")
        defer { git_signature_free(committerSig) }

        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        try check(parents.withUnsafeMutableBufferPointer { p in
            git_commit_create_buffer(&buffer, pointer, authorSig, committerSig, nil, message, newTree, p.count, p.baseAddress)
        }, "git_commit_create_buffer")
        let content = String(cString: buffer.ptr)
        var signature: String?
        if let signer {
            var s = try signer.sign(content)
            while s.hasSuffix("\n") { s.removeLast() }
            signature = s
        }
        var commitID = git_oid()
        try check(git_commit_create_with_signature(&commitID, pointer, content, signature, signature == nil ? nil : "gpgsig"),
                  "git_commit_create_with_signature")
        return OID(commitID)
    }

    /// Commits `changes` onto the reference `ref` (e.g. `refs/casebook/notify`), which need not be
    /// a branch: no work tree, no index. The reference moves by compare-and-swap from `parent`
    /// (nil: it must not exist yet); a concurrent move throws a `GitError` with
    /// `isConcurrentUpdate`. `removing` names files (which must exist) to take out. Returns the new commit's id.
    @discardableResult
    public func commit(_ changes: [FileChange], removing: [String] = [], onRef ref: String, parent: OID?, author: Person, committer: Person,
                       message: String, signer: (any CommitSigner)? = nil) throws -> OID {
        let commit = try makeCommit(changes, author: author, committer: committer, message: message, signer: signer, parent: parent,
                                    removing: removing)
        var commitID = commit.raw
        var out: OpaquePointer?
        let summary = "commit: " + String(message.prefix { $0 != "\n" })
        let rc: Int32
        if var expected = parent?.raw {
            rc = git_reference_create_matching(&out, pointer, ref, &commitID, 1, &expected, summary)
        } else {
            rc = git_reference_create_matching(&out, pointer, ref, &commitID, 0, nil, summary)
        }
        if rc == GIT_EEXISTS.rawValue { throw GitError(call: "git_reference_create_matching(\(ref))", code: GIT_EMODIFIED.rawValue, message: "\(ref) exists") }
        try check(rc, "git_reference_create_matching(\(ref))")
        git_reference_free(out)
        try countCommitForPacking()
        return commit
    }

    /// Fast-forwards the current branch from `from` to its descendant `to`, bringing the work
    /// tree and index along for the files that differ (compare-and-swap on the branch).
    public func fastForward(from: OID, to: OID) throws {
        var files: [FileChange] = []
        for delta in try changes(from: from, to: to) {
            guard let blobID = delta.new else {
                throw GitError(call: "fast-forward", code: -1, message: "\(delta.path) was deleted upstream; casebook does not delete files")
            }
            files.append(FileChange(path: delta.path, content: try blob(blobID), executable: try isExecutable(delta.path, in: to)))
        }
        try publish(to, replacing: from, on: try headBranch(), files: files, reason: "fast-forward")
    }

    /// Whether `path` in `commit` has the executable file mode.
    public func isExecutable(_ path: String, in commit: OID) throws(GitError) -> Bool {
        let t = try tree(of: commit)
        defer { git_tree_free(t) }
        var entry: OpaquePointer?
        guard git_tree_entry_bypath(&entry, t, path) == 0 else { return false }
        defer { git_tree_entry_free(entry) }
        return git_tree_entry_filemode(entry) == GIT_FILEMODE_BLOB_EXECUTABLE
    }
}
