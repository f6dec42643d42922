import Foundation

/// What tells whether a file's content, or a folder's list of names, is still the one a program
/// left, without reading or listing it: its device, inode and time of last modification
/// (`mtime`). The kernel sets that time to the current time whenever the file is written, or a
/// name is added, removed or renamed in the folder; `settle` first sets it back to a moment
/// already past, so no later change, even in the same clock tick, can leave it equal (git's
/// "racily clean" index entries are the same problem). A folder's stamp covers its names only:
/// a file written over in place does not change its folder.
public struct FileStamp: Equatable, Sendable {
    public var device: UInt64
    public var inode: UInt64
    public var seconds: Int64
    public var nanoseconds: Int64

    public init(device: UInt64, inode: UInt64, seconds: Int64, nanoseconds: Int64) {
        self.device = device
        self.inode = inode
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    /// The stamp of the file or folder at `path` now; nil when there is none.
    public static func of(_ path: String) -> FileStamp? {
        var s = stat()
        guard stat(path, &s) == 0 else { return nil }
        return FileStamp(device: UInt64(s.st_dev), inode: UInt64(s.st_ino), seconds: Int64(s.st_mtim.tv_sec),
                           nanoseconds: Int64(s.st_mtim.tv_nsec))
    }

    /// Sets the time of last modification two seconds before the system clock's whole second
    /// (the real clock: what the kernel stamps a change with) and returns its stamp; nil when it
    /// cannot (no stamp is then trusted).
    public static func settle(_ path: String) -> FileStamp? {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let past = timespec(tv_sec: now.tv_sec - 2, tv_nsec: 0)
        // Access time left as it is (`UTIME_OMIT`, a macro Swift does not import); the time of last change set back.
        let omit = (1 << 30) - 2
        let times = [timespec(tv_sec: 0, tv_nsec: omit), past]
        guard utimensat(AT_FDCWD, path, times, 0) == 0, let stamp = of(path), stamp.seconds == Int64(past.tv_sec),
              stamp.nanoseconds == 0 else { return nil }
        return stamp
    }

    /// Whether the file at `path` still has the content (a folder, the names) it had when this stamp was taken.
    public func holds(at path: String) -> Bool { FileStamp.of(path) == self }
}
