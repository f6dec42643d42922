import Clibgit2
import Crypto
import Foundation

/// git's index (`<git dir>/index`) read and changed for the few paths of one commit without
/// libgit2 reading and writing all of it: at 90,000 entries that was most of a step's time
/// (libgit2 parses every entry into memory and writes every entry back). Only a plain index is
/// handled — version 2 or 3, no entry with extended flags on a path changed, no conflict on it,
/// no extension but the cache tree (`TREE`), a checksum at the end — and anything else (split,
/// sparse or version 4 index, untracked cache, fsmonitor, resolve-undo, …) is left to libgit2:
/// `update` returns false and changes nothing.
///
/// The changed entries take the stat data of the files just written, so `git status` reads them
/// clean; the cache tree is dropped (git and libgit2 make it again when they next need it);
/// entries that were racily clean against the old index (changed in its second) are smudged
/// (size 0, as git does), so the newer index never vouches for a file nobody looked at.
/// The file is written by git's lock protocol: `index.lock` created exclusively, renamed over.
struct IndexFile {
    let bytes: [UInt8]
    let version: UInt32
    /// Every entry: where it starts, its length, and where its path is.
    private(set) var entries: [(start: Int, length: Int, name: Range<Int>, stage: Int, extended: Bool)] = []
    let entriesEnd: Int
    /// Extensions other than the cache tree, by signature.
    private(set) var otherExtensions: [String] = []

    /// Parses `bytes`; nil when they are not an index this type handles (see above).
    init?(_ bytes: [UInt8], verify: Bool) {
        self.bytes = bytes
        guard bytes.count >= 32, bytes[0..<4].elementsEqual("DIRC".utf8) else { return nil }
        version = IndexFile.be32(bytes, 4)
        guard version == 2 || version == 3 else { return nil }
        let count = Int(IndexFile.be32(bytes, 8))
        let end = bytes.count - 20
        var off = 12
        entries.reserveCapacity(count)
        for _ in 0..<count {
            guard off + 62 <= end else { return nil }
            let flags = Int(IndexFile.be16(bytes, off + 60))
            let extended = flags & 0x4000 != 0
            guard !extended || version == 3 else { return nil }
            let head = extended ? 64 : 62
            var nameLength = flags & 0xFFF
            if nameLength == 0xFFF {
                var n = off + head
                while n < end, bytes[n] != 0 { n += 1 }
                nameLength = n - (off + head)
            }
            let length = (head + nameLength + 8) & ~7
            guard off + length <= end, bytes[off + head + nameLength] == 0 else { return nil }
            entries.append((off, length, (off + head)..<(off + head + nameLength), (flags >> 12) & 3, extended))
            off += length
        }
        entriesEnd = off
        while off + 8 <= end {
            let signature = String(decoding: bytes[off..<off + 4], as: UTF8.self)
            let size = Int(IndexFile.be32(bytes, off + 4))
            guard off + 8 + size <= end else { return nil }
            if signature != "TREE" { otherExtensions.append(signature) }
            off += 8 + size
        }
        guard off == end, !bytes[end...].allSatisfy({ $0 == 0 }) else { return nil }
        if verify {
            guard Insecure.SHA1.hash(data: bytes[..<end]).elementsEqual(bytes[end...]) else { return nil }
        }
    }

    /// The first entry whose path is not before `path` (git's order: bytes, then length, then stage).
    func position(of path: [UInt8]) -> Int {
        var low = 0, high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if IndexFile.less(bytes[entries[mid].name], path) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The stage-0 entry for `path` and whether another stage of it exists (a conflict).
    func entry(_ path: [UInt8]) -> (index: Int?, conflicted: Bool) {
        var i = position(of: path), found: Int?, conflicted = false
        while i < entries.count, bytes[entries[i].name].elementsEqual(path) {
            if entries[i].stage == 0 { found = i } else { conflicted = true }
            i += 1
        }
        return (found, conflicted)
    }

    /// The blob id of entry `i`.
    func oid(_ i: Int) -> [UInt8] { Array(bytes[(entries[i].start + 40)..<(entries[i].start + 60)]) }
    func mode(_ i: Int) -> UInt32 { IndexFile.be32(bytes, entries[i].start + 24) }

    /// Whether entry `i`'s stat data match `st` and were not racily clean against an index
    /// written at `indexTime` (seconds): then the work tree file is the entry's blob, as git judges.
    func statMatches(_ i: Int, _ st: stat, indexTime: Int) -> Bool {
        let s = entries[i].start
        let mtime = Int(IndexFile.be32(bytes, s + 8))
        guard mtime < indexTime else { return false }
        return IndexFile.statFields(st, mode: mode(i)) == Array(bytes[s..<(s + 40)])
    }

    /// The 40 bytes of stat data git keeps for a file (ctime, mtime, dev, ino, mode, uid, gid, size).
    static func statFields(_ st: stat, mode: UInt32) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(40)
        for v in [UInt32(truncatingIfNeeded: st.st_ctim.tv_sec), UInt32(truncatingIfNeeded: st.st_ctim.tv_nsec),
                  UInt32(truncatingIfNeeded: st.st_mtim.tv_sec), UInt32(truncatingIfNeeded: st.st_mtim.tv_nsec),
                  UInt32(truncatingIfNeeded: st.st_dev), UInt32(truncatingIfNeeded: st.st_ino), mode,
                  UInt32(truncatingIfNeeded: st.st_uid), UInt32(truncatingIfNeeded: st.st_gid), UInt32(truncatingIfNeeded: st.st_size)] {
            appendBE32(&out, v)
        }
        return out
    }

    /// The index with `changes` applied (path → new entry bytes, or nil to remove), the cache
    /// tree dropped, entries racily clean against `indexTime` smudged, and a new checksum;
    /// nil when a path changed is conflicted or carries extended flags.
    func applying(_ changes: [[UInt8]: [UInt8]?], indexTime: Int) -> [UInt8]? {
        var replaced: [Int: [UInt8]?] = [:], inserted: [(at: Int, path: [UInt8], entry: [UInt8])] = []
        for (path, entry) in changes {
            let (found, conflicted) = self.entry(path)
            guard !conflicted else { return nil }
            if let found {
                guard !entries[found].extended else { return nil }
                replaced[found] = entry
            } else if let entry {
                inserted.append((position(of: path), path, entry))
            }
        }
        // New paths in git's order, those between the same two entries too.
        inserted.sort { $0.at != $1.at ? $0.at < $1.at : IndexFile.less($0.path[...], $1.path) }
        var out: [UInt8] = Array(bytes[0..<12])
        out.reserveCapacity(bytes.count + 256)
        var count = 0, next = 0
        func emit(_ i: Int) {
            while next < inserted.count, inserted[next].at == i {
                out += inserted[next].entry
                count += 1
                next += 1
            }
            guard i < entries.count else { return }
            if let change = replaced[i] {
                if let change { out += change; count += 1 }
                return
            }
            let e = entries[i]
            let at = out.count
            out += bytes[e.start..<(e.start + e.length)]
            count += 1
            if Int(IndexFile.be32(bytes, e.start + 8)) >= indexTime {
                for k in 0..<4 { out[at + 36 + k] = 0 }
            }
        }
        for i in 0...entries.count { emit(i) }
        out.replaceSubrange(8..<12, with: IndexFile.be32Bytes(UInt32(count)))
        out += Insecure.SHA1.hash(data: out)
        return out
    }

    /// A new stage-0 entry without extended flags.
    static func entry(path: [UInt8], stat st: stat, mode: UInt32, oid: [UInt8]) -> [UInt8] {
        var out = statFields(st, mode: mode) + oid
        out += be16Bytes(UInt16(min(path.count, 0xFFF)))
        out += path
        let length = (62 + path.count + 8) & ~7
        out += [UInt8](repeating: 0, count: length - out.count)
        return out
    }

    // MARK: - Bytes

    static func less(_ a: ArraySlice<UInt8>, _ b: [UInt8]) -> Bool {
        let n = min(a.count, b.count)
        var i = a.startIndex, j = 0
        while j < n {
            if a[i] != b[j] { return a[i] < b[j] }
            i += 1
            j += 1
        }
        return a.count < b.count
    }

    static func be32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
    }
    static func be16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) << 8 | UInt16(b[i + 1]) }
    static func be32Bytes(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
    static func be16Bytes(_ v: UInt16) -> [UInt8] { [UInt8(v >> 8), UInt8(v & 0xFF)] }
    static func appendBE32(_ out: inout [UInt8], _ v: UInt32) { out += be32Bytes(v) }
}
