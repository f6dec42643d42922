import Foundation
import Clibgit2

/// The history index as kept in `<git dir>/casebook/history`: two header lines (format, prefix),
/// then frames appended one after another, each a line `frame <body bytes> <checksum> <tip>` and
/// its body, one line per commit added since the frame before (parents before children):
/// `c id parents signed time offset email<TAB>name<TAB>action[<TAB>file name]…`, the file names
/// being those the commit changed under the prefix. Frames are cumulative (a frame's tip is in
/// the history of the next), so the file up to any whole frame describes that frame's tip. A
/// frame is trusted only whole and with its checksum (`Checksum`); reading stops before the first
/// one that is not, and the next write cuts it off. Every so many frames the file is written
/// again as one frame.
struct HistoryFile {
    static let format = "casebook-history 3"
    /// Above this many frames the next write makes the file one frame again.
    static let framesBeforeCompaction = 64

    let path: String
    let prefix: String

    init(repo: Repository, prefix: String) {
        path = repo.gitDirectory + (repo.gitDirectory.hasSuffix("/") ? "" : "/") + "casebook/history"
        self.prefix = prefix
    }

    var header: [UInt8] { Array("\(HistoryFile.format)\nprefix \(prefix)\n".utf8) }

    /// One whole frame: where it ends in the file, its tip, and how many commits the file holds up to it.
    struct Frame {
        let end: Int
        let tip: OID
        let commits: Int
    }

    /// What was read: the index of the whole frames, and where they end in the file.
    struct Read {
        var index: HistoryIndex
        var frames: [Frame] = []
        /// The file's size when read (0: missing).
        let size: Int
        /// Whether the file starts with this format's header for this prefix.
        let hasHeader: Bool
        let headerEnd: Int
        /// Where the kept frames end: what a write keeps of the file.
        var end: Int { frames.last?.end ?? headerEnd }
        /// Every byte of the file belongs to a kept frame.
        var isWhole: Bool { hasHeader && end == size }

        mutating func dropLastFrame() {
            frames.removeLast()
            index.keepFirst(frames.last?.commits ?? 0, tip: frames.last?.tip)
        }
    }

    /// The file's bytes, mapped (not copied into fresh memory: at 423,745 commits reading the
    /// 52 MB file was most of `log ID`'s time, in page faults); nil when it cannot be read. Safe
    /// because the file is only ever appended to or replaced by a rename (`write`), never cut in
    /// place under a reader.
    func contents() -> Data? { try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) }

    /// The file's whole frames; an empty index when it is missing or of another format. Without
    /// `parsingCommits` only the frames are checked, and the index holds nothing but their tip.
    func read(parsingCommits: Bool = true, from loaded: Data? = nil) -> Read {
        let data = loaded ?? contents() ?? Data()
        var index = HistoryIndex(prefix: prefix)
        let head = header
        guard data.count >= head.count, data.prefix(head.count).elementsEqual(head) else {
            return Read(index: index, size: data.count, hasHeader: false, headerEnd: 0)
        }
        var read = Read(index: index, size: data.count, hasHeader: true, headerEnd: head.count)
        data.withUnsafeBytes { raw in
            var offset = head.count
            while let (body, tip) = HistoryFile.frame(in: raw, at: offset) {
                let before = index.commits.count
                var ok = true
                if parsingCommits { HistoryFile.lines(raw, body) { line in
                    guard ok, let (commit, names) = HistoryFile.commit(line) else { ok = false; return }
                    let position = index.commits.count
                    index.commits.append(commit)
                    for name in names { index.byPath[name, default: []].append(position) }
                } }
                guard ok else { index.keepFirst(before, tip: read.frames.last?.tip); break }
                index.tip = tip
                read.frames.append(Frame(end: body.upperBound, tip: tip, commits: index.commits.count))
                offset = body.upperBound
            }
        }
        read.index = index
        return read
    }

    /// The commits whose lines name the file `name`, in file order, when the file is whole and
    /// its last frame's tip is `tip`; nil otherwise. Only those lines are parsed.
    func lookup(_ name: String, tip: OID, in loaded: Data? = nil) -> [HistoryIndex.Commit]? {
        guard let data = loaded ?? contents() else { return nil }
        let head = header
        guard data.count >= head.count, data.prefix(head.count).elementsEqual(head) else { return nil }
        return data.withUnsafeBytes { raw -> [HistoryIndex.Commit]? in
            // The frames' heads first: a file behind `tip` (a rebuild after a step) is known so
            // without a checksum of its 52 MB, which `read` then takes.
            var offset = head.count, last: OID?
            while let (body, frameTip) = HistoryFile.frame(in: raw, at: offset, checked: false) {
                offset = body.upperBound
                last = frameTip
            }
            guard offset == raw.count, last == tip else { return nil }
            offset = head.count
            while let (body, _) = HistoryFile.frame(in: raw, at: offset) { offset = body.upperBound }
            guard offset == raw.count else { return nil }
            let wanted = Array("\t\(name)".utf8)
            var out: [HistoryIndex.Commit] = []
            var i = head.count
            while let hit = HistoryFile.find(wanted, in: raw, from: i) {
                i = hit + wanted.count
                guard i < raw.count, raw[i] == 0x09 || raw[i] == 0x0A else { continue }
                var start = hit
                while start > 0, raw[start - 1] != 0x0A { start -= 1 }
                var end = i
                while end < raw.count, raw[end] != 0x0A { end += 1 }
                let line = UnsafeRawBufferPointer(rebasing: raw[start..<end])
                guard line.starts(with: "c ".utf8) else { continue }
                guard let (commit, names) = HistoryFile.commit(line) else { return nil }
                if names.contains(name) { out.append(commit) }
                i = end
            }
            return out
        }
    }

    /// Brings the file to `index`: the commits from `kept` on appended as one frame after the
    /// frames `read` kept (when something followed them, the kept frames and the new one written
    /// as a new file renamed over it: never cut in place), or the whole file written again
    /// when it had no header or too many frames. Skipped when another process changed the file
    /// since it was read; best effort (a read-only repository keeps nothing).
    /// With `appendOnly` nothing is written but a frame appended (`index` may then hold only the
    /// new commits, `kept` 0).
    func write(_ index: HistoryIndex, newFrom kept: Int, after read: Read, appendOnly: Bool = false) {
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        _ = try? FileLock.exclusively(path + ".lock") {
            var st = stat()
            let size = stat(path, &st) == 0 ? Int(st.st_size) : 0
            guard size == read.size else { return }
            if read.hasHeader, read.frames.count < HistoryFile.framesBeforeCompaction, read.end == size {
                guard index.commits.count > kept, let tip = index.tip else { return }
                let fd = open(path, O_WRONLY | O_CLOEXEC)
                guard fd >= 0 else { return }
                defer { close(fd) }
                let frame = HistoryFile.frame(index, from: kept, tip: tip)
                guard lseek(fd, off_t(read.end), SEEK_SET) >= 0 else { return }
                _ = frame.withUnsafeBytes { AtomicFile.writeAll(fd, $0) }
            } else if read.hasHeader, read.frames.count < HistoryFile.framesBeforeCompaction {
                // The frames kept and the new one, as a new file renamed over this one rather than
                // cut in place: readers map the file (`contents`), and one that met it shorter than
                // it mapped would fault.
                guard let handle = FileHandle(forReadingAtPath: path) else { return }
                defer { try? handle.close() }
                guard var out = try handle.read(upToCount: read.end).map(Array.init), out.count == read.end else { return }
                if index.commits.count > kept, let tip = index.tip { HistoryFile.frame(index, from: kept, tip: tip, into: &out) }
                try out.withUnsafeMutableBytes { bytes in
                    try AtomicFile.write(Data(bytesNoCopy: bytes.baseAddress!, count: bytes.count, deallocator: .none), to: path, durable: false)
                }
            } else if !appendOnly {
                var out = header
                if let tip = index.tip, !index.commits.isEmpty { HistoryFile.frame(index, from: 0, tip: tip, into: &out) }
                // Written from the buffer itself: at 421,288 commits the file is 52 MB.
                try out.withUnsafeMutableBytes { bytes in
                    try AtomicFile.write(Data(bytesNoCopy: bytes.baseAddress!, count: bytes.count, deallocator: .none), to: path, durable: false)
                }
            }
        }
    }

    // MARK: - Frames and lines

    /// The frame of the commits from `start` on: its line and its body.
    static func frame(_ index: HistoryIndex, from start: Int, tip: OID) -> [UInt8] {
        var out: [UInt8] = []
        frame(index, from: start, tip: tip, into: &out)
        return out
    }

    /// The frame of the commits from `start` on, appended to `out`.
    static func frame(_ index: HistoryIndex, from start: Int, tip: OID, into out: inout [UInt8]) {
        var body: [UInt8] = []
        body.reserveCapacity((index.commits.count - start) * 160)
        func put(_ s: String) { body.append(contentsOf: s.utf8) }
        // A tab or a line break inside a value would end its field or its line: a space instead.
        func clean(_ s: String) { for b in s.utf8 { body.append(b == 0x09 || b == 0x0A ? 0x20 : b) } }
        for (c, names) in zip(index.commits[start...], index.touched(from: start)) {
            put("c "); put(c.id.hex)
            put(" \(c.parentCount) \(c.isSigned ? 1 : 0) \(c.author.time) \(c.author.offsetMinutes) ")
            clean(c.author.email); body.append(0x09); clean(c.author.name); body.append(0x09); clean(c.action ?? "")
            for name in names { body.append(0x09); clean(name) }
            body.append(0x0A)
        }
        let sum = body.withUnsafeBytes { Checksum.of($0) }
        let hex = String(sum, radix: 16)
        out.append(contentsOf: "frame \(body.count) \(String(repeating: "0", count: 16 - hex.count) + hex) \(tip.hex)\n".utf8)
        out.append(contentsOf: body)
    }

    /// The body of the whole frame starting at `offset` and its tip, or nil (end of file,
    /// damage, a frame cut short). Not `checked`: only its line is read, not its body's checksum.
    static func frame(in raw: UnsafeRawBufferPointer, at offset: Int, checked: Bool = true) -> (Range<Int>, OID)? {
        var end = offset
        while end < raw.count, end - offset < 100, raw[end] != 0x0A { end += 1 }
        guard end < raw.count else { return nil }
        let fields = String(decoding: UnsafeRawBufferPointer(rebasing: raw[offset..<end]), as: UTF8.self).split(separator: " ")
        guard fields.count == 4, fields[0] == "frame", let length = Int(fields[1]), length >= 0, fields[2].count == 16,
              let sum = UInt64(fields[2], radix: 16), let tip = OID(hex: String(fields[3])),
              end + 1 + length <= raw.count else { return nil }
        let body = (end + 1)..<(end + 1 + length)
        guard !checked || Checksum.of(UnsafeRawBufferPointer(rebasing: raw[body])) == sum else { return nil }
        return (body, tip)
    }

    /// Each line of `range` (without its newline).
    static func lines(_ raw: UnsafeRawBufferPointer, _ range: Range<Int>, _ body: (UnsafeRawBufferPointer) -> Void) {
        var start = range.lowerBound
        for i in range where raw[i] == 0x0A {
            body(UnsafeRawBufferPointer(rebasing: raw[start..<i]))
            start = i + 1
        }
        if start < range.upperBound { body(UnsafeRawBufferPointer(rebasing: raw[start..<range.upperBound])) }
    }

    /// One `c …` line: the commit and the names of the files it changed. Read byte by byte (423,745
    /// lines at 100,000 cases: splitting them as `Character`s was two thirds of reading the file).
    /// The line is `c ID PARENTS SIGNED TIME OFFSET EMAIL\tNAME\tACTION[\tFILE…]`.
    static func commit(_ line: UnsafeRawBufferPointer) -> (HistoryIndex.Commit, [String])? {
        guard line.count > 2, line[0] == UInt8(ascii: "c"), line[1] == 0x20 else { return nil }
        // Five fields to the fifth space; the rest is cut at tabs.
        var fields: [Range<Int>] = []
        fields.reserveCapacity(5)
        var start = 2, i = 2
        while fields.count < 5, i < line.count {
            if line[i] == 0x20 {
                fields.append(start..<i)
                start = i + 1
            }
            i += 1
        }
        guard fields.count == 5 else { return nil }
        var rest: [Range<Int>] = []
        i = start
        while i < line.count {
            if line[i] == 0x09 {
                rest.append(start..<i)
                start = i + 1
            }
            i += 1
        }
        rest.append(start..<line.count)
        func text(_ r: Range<Int>) -> String { String(decoding: UnsafeRawBufferPointer(rebasing: line[r]), as: UTF8.self) }
        guard rest.count >= 3, let id = OID(hexBytes: UnsafeRawBufferPointer(rebasing: line[fields[0]])),
              let parents = Int(text(fields[1])), let time = Int64(text(fields[3])), let offset = Int32(text(fields[4])) else { return nil }
        let action = rest[2].isEmpty ? nil : text(rest[2])
        let commit = HistoryIndex.Commit(id: id, author: Person(name: text(rest[1]), email: text(rest[0]), time: time, offsetMinutes: offset),
                                         isSigned: line[fields[2]].elementsEqual("1".utf8), action: action, parentCount: parents)
        return (commit, rest[3...].map(text))
    }

    /// Where `needle` next occurs in `raw` at or after `from`.
    static func find(_ needle: [UInt8], in raw: UnsafeRawBufferPointer, from: Int) -> Int? {
        // glibc's memmem (two-way search): the needle starts with a tab, of which every line has
        // several, and stopping at each tab to compare was a tenth of a dashboard rebuild at 423,745 commits.
        guard let base = raw.baseAddress, !needle.isEmpty, from <= raw.count else { return nil }
        guard let hit = casebook_memmem(base + from, raw.count - from, needle, needle.count) else { return nil }
        return base.distance(to: UnsafeRawPointer(hit))
    }
}
