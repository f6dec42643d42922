import Foundation

/// An advisory lock (`flock`) on a lock file beside a file that several processes rewrite by
/// read-modify-write (the key store): the lock is held for the whole of `body` and released when
/// the process ends, even by SIGKILL, so a crash never leaves it stuck.
public enum FileLock {
    /// Runs `body` holding an exclusive lock on `path` (created if missing, mode 0600).
    /// - Throws: `AtomicFileError` when the lock file cannot be opened or locked; whatever `body` throws.
    public static func exclusively<T>(_ path: String, _ body: () throws -> T) throws -> T {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw AtomicFileError(path: path, step: "open lock", code: errno) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw AtomicFileError(path: path, step: "lock", code: errno) }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
