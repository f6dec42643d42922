import Foundation

/// Writes a file so that a reader (or a crash) sees either the old content or the new, never
/// half: the bytes go to a temporary file beside the target, are flushed to disk, and the
/// temporary file is renamed over the target. (Foundation's `.atomic` option on Linux leaves an
/// empty `TemporaryDirectory.*` folder behind in /tmp for every write.)
public enum AtomicFile {
    /// - Parameter durable: flush the bytes to disk before the rename (records); a file that can
    ///   be made again (a dashboard page) is still replaced atomically but not waited for.
    public static func write(_ data: Data, to path: String, mode: mode_t = 0o644, durable: Bool = true) throws {
        try write(to: path, mode: mode, durable: durable) { put in try put(data) }
    }

    /// Writes the file from pieces: `pieces` hands each to `put` in turn, so a large file made of
    /// parts is never held whole.
    public static func write(to path: String, mode: mode_t = 0o644, durable: Bool = true,
                             pieces: (_ put: (Data) throws -> Void) throws -> Void) throws {
        // The temporary name beside the target, made from the path's text: going through
        // Foundation's URL for it was a twentieth of a full site build (89,087 pages).
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let temporary = folder + ".\(name).casebook-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try writeNew(temporary, for: path, mode: mode, durable: durable, pieces: pieces)
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw AtomicFileError(path: path, step: "rename", code: code)
        }
    }

    /// Writes a new file in place, not through a temporary name: for a file no earlier version
    /// of which a reader could be shown instead (a page of a first build, whose records name no
    /// page until the build ends, so a build stopped half way makes every page again). A file
    /// already there is replaced atomically, as `write` does.
    public static func create(_ data: Data, at path: String, mode: mode_t = 0o644) throws {
        do {
            try writeNew(path, for: path, mode: mode, durable: false) { put in try put(data) }
        } catch let error as AtomicFileError where error.step == "create" && error.code == EEXIST {
            try write(data, to: path, mode: mode, durable: false)
        }
    }

    /// Creates `file`, which must not exist yet, from `pieces` (flushed to disk when `durable`);
    /// on any failure removes it. Errors name `path`, the file the caller is writing.
    private static func writeNew(_ file: String, for path: String, mode: mode_t, durable: Bool,
                                 pieces: (_ put: (Data) throws -> Void) throws -> Void) throws {
        let fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw AtomicFileError(path: path, step: "create", code: errno) }
        do {
            try pieces { data in
                guard data.withUnsafeBytes({ writeAll(fd, $0) }) else { throw AtomicFileError(path: path, step: "write", code: errno) }
            }
            guard fchmod(fd, mode) == 0, !durable || fsync(fd) == 0 else { throw AtomicFileError(path: path, step: "write", code: errno) }
        } catch {
            close(fd)
            unlink(file)
            throw error
        }
        close(fd)
    }

    /// Writes all of `buffer` to `fd` (retrying short and interrupted writes); false on an error.
    public static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < buffer.count {
            let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 { if errno == EINTR { continue }; return false }
            offset += n
        }
        return true
    }
}

public struct AtomicFileError: Error, CustomStringConvertible {
    public let path: String
    public let step: String
    public let code: Int32
    public var description: String { "\(path): \(step) failed: \(String(cString: strerror(code)))" }
}
