import Foundation
import GitStore
import SiteBuilder

/// The two feeds of every case, `cases.csv` and `cases.json`, put together from the groups' parts
/// the site records keep (`SiteRecords`), for `casebook site`.
extension Casebook.Site {
    /// Writes `cases.csv` and `cases.json` from the groups' parts, in their order, unless the
    /// files are there with the same frame and parts. When only the frame of `cases.json`
    /// changed (its `generatedAt`: the clock its standings are judged at, which is the build's)
    /// and is as long as before, only the frame's opening is written over, in place.
    /// - Returns: how many of the two were written.
    func writeFeeds(_ dashboard: Dashboard, _ records: inout SiteRecords, old: SiteRecords, root: URL) throws -> Int {
        let names = records.groups.keys.sorted()
        let header = dashboard.casesCSVHeader(), frame = try dashboard.casesJSONFrame()
        var written = 0
        for (path, opening, suffix) in [("cases.csv", header, ".csv"), ("cases.json", frame.empty, ".json")] {
            let parts = names.map { name in suffix == ".csv" ? records.groups[name]!.csv : records.groups[name]!.json }
            // The digests of the frame (before and after the parts; the whole when there are none), then of the parts.
            let (head, tail) = suffix == ".json" && !names.isEmpty ? (frame.head, frame.tail) : (opening, Data())
            let partsDigest = SiteCache.digest("\(suffix) \(names.isEmpty) " + parts.map { "\($0.length):\($0.checksum)" }.joined(separator: " "))
            let digest = SiteCache.digest(head) + " " + SiteCache.digest(tail) + " " + partsDigest
            records.files[path] = digest
            let url = root.appendingPathComponent(path)
            if old.files[path] == digest, FileManager.default.fileExists(atPath: url.path) { continue }
            if suffix == ".json", !names.isEmpty, let was = old.files[path]?.split(separator: " "), was.count == 3, was[2] == partsDigest,
               try reframe(url, head: head, tail: tail, was: (String(was[0]), String(was[1])),
                           size: head.count + parts.reduce(0) { $0 + $1.length } + (parts.count - 1) * Dashboard.casesJSONSeparator.count + tail.count) {
                written += 1
                continue
            }
            // The parts copied from their files in the kernel (`AtomicFile.Piece.file`).
            var pieces: [AtomicFile.Piece] = []
            if suffix == ".csv" {
                pieces = [.bytes(header)] + names.map { .file(SiteRecords.path(root, $0 + suffix)) }
            } else if names.isEmpty {
                pieces = [.bytes(frame.empty)]
            } else {
                pieces = [.bytes(frame.head)]
                for (n, name) in names.enumerated() {
                    if n > 0 { pieces.append(.bytes(Dashboard.casesJSONSeparator)) }
                    pieces.append(.file(SiteRecords.path(root, name + suffix)))
                }
                pieces.append(.bytes(frame.tail))
            }
            try AtomicFile.write(to: url.path, durable: false, pieces: pieces)
            written += 1
        }
        return written
    }

    /// Writes `head` and `tail` over the start and the end of the file at `url` when the file is
    /// `size` bytes long and starts and ends with a frame of the same lengths whose digests are
    /// `was` (the parts between are then those the records name).
    /// - Returns: whether it did.
    func reframe(_ url: URL, head: Data, tail: Data, was: (head: String, tail: String), size: Int) throws -> Bool {
        guard let handle = try? FileHandle(forUpdating: url) else { return false }
        defer { try? handle.close() }
        let tailAt = UInt64(size - tail.count)
        guard (try? handle.seekToEnd()) == UInt64(size), (try? handle.seek(toOffset: 0)) != nil,
              let oldHead = try? handle.read(upToCount: head.count), oldHead.count == head.count, SiteCache.digest(oldHead) == was.head,
              (try? handle.seek(toOffset: tailAt)) != nil,
              let oldTail = try? handle.readToEnd(), oldTail.count == tail.count, SiteCache.digest(oldTail) == was.tail else { return false }
        try handle.seek(toOffset: 0)
        try handle.write(contentsOf: head)
        try handle.seek(toOffset: tailAt)
        try handle.write(contentsOf: tail)
        return true
    }
}
