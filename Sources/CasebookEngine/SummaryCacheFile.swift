import Foundation
import GitStore
import Procedures

/// The summary cache's file: `CacheFile`'s header (the format and this build), then frames
/// appended one after another, each its body's length (4 bytes) and checksum (8 bytes), then the
/// body: a number of entries and the entries (`Writer.entry`). Reading stops before the first
/// frame that is not whole or whose checksum disagrees; the next write makes the file again.
///
/// A command appends one frame of what it learnt (at 90,000 cases a push judged or a dashboard
/// rebuilt after one step learnt a few summaries and wrote the file's 30 MB again: a tenth of
/// each), and writes the file again as one frame — atomically, a temporary file renamed — when it
/// holds more summaries no command asked for than it may (`SummaryStore`'s bound), has too many
/// frames, or is not whole. Writes hold `summaries.lock` and are skipped when another process
/// changed the file since it was read, so two processes at once leave a whole file.
extension SummaryCache {
    /// Above this many frames the next write makes the file one frame again.
    static let framesBeforeCompaction = 64

    /// What was read of the file.
    struct Loaded {
        /// The summaries of its whole frames, by blob id.
        var summaries: [OID: CaseSummary] = [:]
        /// Its size when read (nil when missing), where its whole frames end (nil when its header
        /// is not this format and build's), and how many whole frames it has.
        var size: Int?
        var end: Int?
        var frames = 0
        /// Every byte belongs to the header or a whole frame, and a frame may be appended.
        var appendable: Bool { end != nil && end == size && frames < SummaryCache.framesBeforeCompaction }
    }

    /// The kept summaries; none when the file is missing or not usable.
    /// The file is mapped, not copied into fresh memory (30 MB at 90,000 cases, a twentieth of a
    /// dashboard rebuild): it is only ever appended to or replaced by a rename, never cut in place.
    static func load(_ path: String) -> Loaded {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else { return Loaded() }
        return read(data)
    }

    static func read(_ data: Data) -> Loaded {
        var out = Loaded(size: data.count)
        let head = CacheFile.header(format)
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard bytes.count >= head.count, bytes[0..<head.count].elementsEqual(head) else { return }
            var at = head.count
            out.end = at
            while bytes.count - at >= 12 {
                var length = 0, sum: UInt64 = 0
                for k in 0..<4 { length |= Int(bytes[at + k]) << (8 * k) }
                for k in 0..<8 { sum |= UInt64(bytes[at + 4 + k]) << (8 * k) }
                guard length <= bytes.count - at - 12 else { break }
                let body = UnsafeBufferPointer(rebasing: bytes[(at + 12)..<(at + 12 + length)])
                guard CacheFile.checksum(body) == sum else { break }
                var r = Reader(bytes: body)
                guard let entries = try? r.entries() else { break }
                if out.summaries.isEmpty {
                    out.summaries = entries
                } else {
                    out.summaries.merge(entries) { _, new in new }
                }
                at += 12 + length
                out.end = at
                out.frames += 1
            }
        }
        return out
    }

    /// One frame of `entries`.
    static func frame(_ entries: [(blob: OID, summary: CaseSummary)], into out: inout [UInt8]) {
        var w = Writer()
        w.u32(UInt32(entries.count))
        for (blob, summary) in entries { w.entry(blob: blob, summary) }
        withUnsafeBytes(of: UInt32(w.bytes.count).littleEndian) { out += $0 }
        withUnsafeBytes(of: CacheFile.checksum(w.bytes).littleEndian) { out += $0 }
        out += w.bytes
    }

    /// The whole file of `entries`: the header and one frame.
    static func encode(_ entries: [(blob: OID, summary: CaseSummary)]) -> [UInt8] {
        var out = CacheFile.header(format)
        frame(entries, into: &out)
        return out
    }

    /// Appends a frame of `added` to the file `loaded` was read from, or when `whole` is given or
    /// the file cannot take a frame, writes it again as `whole`'s one frame. Skipped when the file
    /// changed since it was read; best effort (a read-only repository keeps nothing).
    static func write(appending added: [(blob: OID, summary: CaseSummary)], orWhole whole: () -> [(blob: OID, summary: CaseSummary)],
                      compact: Bool, to path: String, after loaded: Loaded) {
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = try? FileLock.exclusively(path + ".lock") {
            var st = stat()
            let size: Int? = stat(path, &st) == 0 ? Int(st.st_size) : nil
            guard size == loaded.size else { return }
            if !compact, loaded.appendable, let end = loaded.end {
                guard !added.isEmpty else { return }
                var out: [UInt8] = []
                frame(added, into: &out)
                let fd = open(path, O_WRONLY | O_CLOEXEC)
                guard fd >= 0 else { return }
                defer { close(fd) }
                guard lseek(fd, off_t(end), SEEK_SET) >= 0 else { return }
                // A frame cut short (the disk full, the process killed) fails its checksum: the
                // next read stops before it and the next write makes the file again.
                _ = out.withUnsafeBytes { AtomicFile.writeAll(fd, $0) }
            } else {
                var out = encode(whole())
                try? out.withUnsafeMutableBytes { bytes in
                    try AtomicFile.write(Data(bytesNoCopy: bytes.baseAddress!, count: bytes.count, deallocator: .none), to: path, durable: false)
                }
            }
        }
    }
}
