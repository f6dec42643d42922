import Clibgit2
import Foundation

/// What a push came back with: references the server refused (with its reason) and what the
/// server's hooks printed.
public struct PushOutcome: Sendable {
    /// Reference → the server's status message, for each reference it did not accept.
    public var rejected: [String: String] = [:]
    /// Lines the server sent back (its hooks' output), without git's `remote:` prefix.
    public var serverMessages: [String] = []

    public var accepted: Bool { rejected.isEmpty }
}

/// Collects callback output during a push or fetch; passed to libgit2 as the payload.
private final class Transcript {
    var outcome = PushOutcome()
    var pending = ""

    func take(_ text: String) {
        pending += text
        while let cut = pending.firstIndex(where: { $0 == "\n" || $0 == "\r" }) {
            let line = String(pending[..<cut]).trimmingCharacters(in: .whitespaces)
            if !line.isEmpty { outcome.serverMessages.append(line) }
            pending = String(pending[pending.index(after: cut)...])
        }
    }
}

extension Repository {
    /// Fetches from `remote` (e.g. `origin`) with its configured refspecs, so
    /// `refs/remotes/<remote>/*` show the server's branches.
    public func fetch(remote name: String) throws(GitError) {
        var remote: OpaquePointer?
        try check(git_remote_lookup(&remote, pointer, name), "git_remote_lookup(\(name))")
        defer { git_remote_free(remote) }
        var options = git_fetch_options()
        try check(git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION)), "git_fetch_options_init")
        try check(git_remote_fetch(remote, nil, &options, "fetch"), "git_remote_fetch(\(name))")
    }

    /// Pushes `refspec` (e.g. `refs/heads/main:refs/heads/main`) to `remote`. A refusal by the
    /// server (its hooks, or a non-fast-forward) is returned, not thrown; transport failures throw.
    public func push(remote name: String, refspec: String) throws(GitError) -> PushOutcome {
        var remote: OpaquePointer?
        try check(git_remote_lookup(&remote, pointer, name), "git_remote_lookup(\(name))")
        defer { git_remote_free(remote) }
        return try push(remote, name: name, refspec: refspec)
    }

    /// Pushes `refspec` to the repository at `url` without a configured remote (head office's
    /// step into a centre: `casebook company approve`); refusals as `push(remote:refspec:)`.
    public func push(url: String, refspec: String) throws(GitError) -> PushOutcome {
        var remote: OpaquePointer?
        try check(git_remote_create_anonymous(&remote, pointer, url), "git_remote_create_anonymous(\(url))")
        defer { git_remote_free(remote) }
        return try push(remote, name: url, refspec: refspec)
    }

    private func push(_ remote: OpaquePointer?, name: String, refspec: String) throws(GitError) -> PushOutcome {
        var options = git_push_options()
        try check(git_push_options_init(&options, UInt32(GIT_PUSH_OPTIONS_VERSION)), "git_push_options_init")
        let transcript = Transcript()
        let payload = Unmanaged.passRetained(transcript)
        defer { payload.release() }
        options.callbacks.payload = payload.toOpaque()
        options.callbacks.sideband_progress = { text, length, payload in
            guard let text, let payload else { return 0 }
            let t = Unmanaged<Transcript>.fromOpaque(payload).takeUnretainedValue()
            t.take(String(decoding: UnsafeRawBufferPointer(start: text, count: Int(length)), as: UTF8.self))
            return 0
        }
        options.callbacks.push_update_reference = { reference, status, payload in
            guard let reference, let status, let payload else { return 0 }
            let t = Unmanaged<Transcript>.fromOpaque(payload).takeUnretainedValue()
            t.outcome.rejected[String(cString: reference)] = String(cString: status)
            return 0
        }
        var spec: UnsafeMutablePointer<CChar>? = strdup(refspec)
        defer { free(spec) }
        let rc = withUnsafeMutablePointer(to: &spec) { specs -> Int32 in
            var array = git_strarray(strings: specs, count: 1)
            return git_remote_push(remote, &array, &options)
        }
        transcript.take("\n")
        if rc < 0, let message = git_error_last().flatMap({ $0.pointee.message.map { String(cString: $0) } }),
           message.contains("hook declined") || message.contains("rejected") || message.contains("cannot push because") {
            // Some transports report a refused reference as an error instead of a status.
            transcript.outcome.rejected[refspec] = message
            return transcript.outcome
        }
        try check(rc, "git_remote_push(\(name))")
        return transcript.outcome
    }
}
