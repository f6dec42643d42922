import Clibgit2
import Foundation

/// Mirrors of other repositories, kept bare and fetched incrementally: head office's copies of
/// its centres' repositories (`casebook company fetch`).
extension Repository {
    /// The bare repository at `path`, created (with its folders) when missing.
    public static func bare(at path: String) throws(GitError) -> Repository {
        Library.ensure()
        if FileManager.default.fileExists(atPath: path + "/HEAD") { return try open(path) }
        var repo: OpaquePointer?
        try check(git_repository_init(&repo, path, 1), "git_repository_init(\(path), bare)")
        git_repository_free(repo)
        return try open(path)
    }

    /// Fetches `refspecs` (e.g. `+refs/heads/main:refs/incoming/main`) from `url` (a path,
    /// `file://`, `git://` or `ssh://`; ssh through the user's agent) without a configured remote.
    /// Only what is missing is transferred. Tags are fetched only as the refspecs say.
    public func fetch(url: String, refspecs: [String]) throws(GitError) {
        var remote: OpaquePointer?
        try check(git_remote_create_anonymous(&remote, pointer, url), "git_remote_create_anonymous(\(url))")
        defer { git_remote_free(remote) }
        var options = git_fetch_options()
        try check(git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION)), "git_fetch_options_init")
        options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE
        options.callbacks.credentials = { out, _, username, allowed, _ in
            guard allowed & GIT_CREDENTIAL_SSH_KEY.rawValue != 0 else { return GIT_PASSTHROUGH.rawValue }
            if let username { return git_credential_ssh_key_from_agent(out, username) }
            return git_credential_ssh_key_from_agent(out, "git")
        }
        var copies = refspecs.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        let rc = copies.withUnsafeMutableBufferPointer { buffer -> Int32 in
            var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
            return git_remote_fetch(remote, &array, &options, "casebook mirror")
        }
        try check(rc, "git_remote_fetch(\(url))")
    }

    /// Points the reference `name` at `id` (created or moved; no compare-and-swap).
    public func setReference(_ name: String, to id: OID) throws(GitError) {
        var raw = id.raw
        var out: OpaquePointer?
        try check(git_reference_create(&out, pointer, name, &raw, 1, "casebook: \(name)"), "git_reference_create(\(name))")
        git_reference_free(out)
    }

    /// Whether the object `id` is in this repository.
    public func contains(_ id: OID) -> Bool {
        var odb: OpaquePointer?
        guard git_repository_odb(&odb, pointer) == 0 else { return false }
        defer { git_odb_free(odb) }
        var raw = id.raw
        return git_odb_exists(odb, &raw) == 1
    }
}
