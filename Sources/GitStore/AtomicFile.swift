import Clibgit2
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
        try replace(path, mode: mode, durable: durable) { fd in try pieces { data in try put(data, fd, path) } }
    }

    /// One piece of a file written from parts (`write(to:pieces:)`): bytes at hand, or the whole
    /// of another file.
    public enum Piece {
        case bytes(Data)
        case file(String)
    }

    /// Writes the file from `pieces`, atomically; a piece that is a file is copied in the kernel
    /// (`copy_file_range`), not mapped and written: the 85 MB of feeds a dashboard rebuild puts
    /// together from 2,196 parts at 100,000 cases were a fifth of it, written that way.
    public static func write(to path: String, mode: mode_t = 0o644, durable: Bool = true, pieces: [Piece]) throws {
        try replace(path, mode: mode, durable: durable) { fd in
            for piece in pieces {
                switch piece {
                case let .bytes(data): try put(data, fd, path)
                case let .file(source): try copy(source, to: fd, path)
                }
            }
        }
    }

    /// Writes a temporary file beside `path` with `fill` and renames it over `path`.
    private static func replace(_ path: String, mode: mode_t, durable: Bool, fill: (Int32) throws -> Void) throws {
        // The temporary name beside the target, made from the path's text: going through
        // Foundation's URL for it was a twentieth of a full site build (89,087 pages).
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let temporary = folder + ".\(name).casebook-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try writeNew(temporary, for: path, mode: mode, durable: durable, fill: fill)
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw AtomicFileError(path: path, step: "rename", code: code)
        }
    }

    /// Writes all of `data` to `fd`; errors name `path`.
    private static func put(_ data: Data, _ fd: Int32, _ path: String) throws {
        guard data.withUnsafeBytes({ writeAll(fd, $0) }) else { throw AtomicFileError(path: path, step: "write", code: errno) }
    }

    /// Appends the whole file `source` to `fd` (at its offset), in the kernel where the two file
    /// systems allow it, else read and written.
    private static func copy(_ source: String, to out: Int32, _ path: String) throws {
        let fd = open(source, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw AtomicFileError(path: source, step: "open", code: errno) }
        defer { close(fd) }
        while true {
            let n = casebook_copy_file_range(fd, out, 1 << 30)
            if n > 0 { continue }
            if n == 0 { return }
            if errno == EINTR { continue }
            // Not between these files (another file system, an older kernel): read and written.
            guard [EXDEV, ENOSYS, EINVAL, EOPNOTSUPP].contains(errno) else { throw AtomicFileError(path: path, step: "copy", code: errno) }
            var buffer = [UInt8](repeating: 0, count: 1 << 20)
            while true {
                let r = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if r < 0, errno == EINTR { continue }
                guard r >= 0 else { throw AtomicFileError(path: source, step: "read", code: errno) }
                if r == 0 { return }
                guard buffer.withUnsafeBytes({ writeAll(out, UnsafeRawBufferPointer(rebasing: $0[0..<r])) }) else {
                    throw AtomicFileError(path: path, step: "write", code: errno)
                }
            }
        }
    }

    /// Writes a new file in place, not through a temporary name: for a file no earlier version
    /// of which a reader could be shown instead (a page of a first build, whose records name no
    /// page until the build ends, so a build stopped half way makes every page again). A file
    /// already there is replaced atomically, as `write` does.
    public static func create(_ data: Data, at path: String, mode: mode_t = 0o644) throws {
        do {
            try writeNew(path, for: path, mode: mode, durable: false) { fd in try put(data, fd, path) }
        } catch let error as AtomicFileError where error.step == "create" && error.code == EEXIST {
            try write(data, to: path, mode: mode, durable: false)
        }
    }

    /// Creates `file`, which must not exist yet, filled by `fill` (flushed to disk when `durable`);
    /// on any failure removes it. Errors name `path`, the file the caller is writing.
    private static func writeNew(_ file: String, for path: String, mode: mode_t, durable: Bool, fill: (Int32) throws -> Void) throws {
        let fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw AtomicFileError(path: path, step: "create", code: errno) }
        do {
            try fill(fd)
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
