import Clibgit2
import Foundation

/// A libgit2 call that failed, with the call's name and libgit2's own message.
public struct GitError: Error, Equatable, Sendable, CustomStringConvertible {
    public let call: String
    public let code: Int32
    public let message: String

    public var description: String { "\(call): \(message) (libgit2 \(code))" }

    /// True when the branch moved under us (another commit won the race).
    public var isConcurrentUpdate: Bool { code == GIT_EMODIFIED.rawValue || code == GIT_ELOCKED.rawValue }
    public var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue }
}

/// Turns a libgit2 return code into a thrown `GitError`; reads `git_error_last()` at once, as it
/// is per thread and may be NULL.
@discardableResult
func check(_ rc: Int32, _ call: String) throws(GitError) -> Int32 {
    guard rc < 0 else { return rc }
    let message = git_error_last().flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "unknown error"
    throw GitError(call: call, code: rc, message: message)
}

/// `git_libgit2_init` once per process, thread-safely.
enum Library {
    static let initialised: Bool = {
        git_libgit2_init()
        // Trees are cached only up to 4 KB by default, and a month's folder of cases is a tree of
        // tens of KB: every lookup of a path below it inflated it again (a push's check of 1,000
        // commits did so thousands of times). Keep trees up to 4 MB in the object cache.
        _ = casebook_git_set_cache_object_limit(GIT_OBJECT_TREE, 4 << 20)
        // A read across a whole large history (a full site build judging every commit's
        // signature, the history index) otherwise maps the whole pack in 1 GiB windows (up to
        // 8 GiB mapped) and caches up to 256 MiB of objects: both count in the process's memory.
        // Bounded so that a command over 100,000 cases stays well under 1 GiB; a short command
        // never comes near either bound.
        _ = casebook_git_set_mwindow_size(64 << 20)
        _ = casebook_git_set_mwindow_mapped_limit(256 << 20)
        _ = casebook_git_set_cache_max_size(96 << 20)
        return true
    }()
    static func ensure() { _ = initialised }

    /// Runs `body` with libgit2's object cache off (process-wide; nested and concurrent runs
    /// count, the last to finish turns it on again). A walk over a long history reads each tree
    /// once; caching every tree it reads makes libgit2's map of cached ids grow, evict and probe
    /// until most of the walk's time is spent there. Only speed depends on the cache.
    static func withoutObjectCache<T>(_ body: () throws(GitError) -> T) throws(GitError) -> T {
        ensure()
        return try objectCache.off(body)
    }

    /// Runs `body` with libgit2's check of every object read against its id off (process-wide,
    /// counted like `withoutObjectCache`): a SHA-1 of each commit and tree was half the time of
    /// a walk over the whole history. For walks whose result is a cache (`HistoryIndex`); stock
    /// git does not check objects it reads either, `git fsck` does.
    static func withoutHashVerification<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        ensure()
        return try hashVerification.off(body)
    }

    private static let objectCache = Switch { casebook_git_enable_caching($0) }
    private static let hashVerification = Switch { casebook_git_set_strict_hash_verification($0) }

    /// A process-wide libgit2 option that is on unless some run asked for it off.
    private final class Switch: @unchecked Sendable {
        private let lock = NSLock()
        private var runs = 0
        private let set: (Int32) -> Int32

        init(_ set: @escaping (Int32) -> Int32) { self.set = set }

        func off<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
            lock.withLock {
                if runs == 0 { _ = set(0) }
                runs += 1
            }
            defer {
                lock.withLock {
                    runs -= 1
                    if runs == 0 { _ = set(1) }
                }
            }
            return try body()
        }
    }
}
