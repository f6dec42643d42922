import CaseModel
import Foundation
import GitStore

extension Repository {
    /// `decode` of each of `files` (a blob and the path it stands at), in order: the blobs read and
    /// decoded on all cores, a thousand at a time, so the raw files of a large repository are
    /// never all in memory at once.
    /// - Throws: what reading a blob or `decode` throws first, in order.
    func decodedInChunks<R>(_ files: [(path: String, blob: OID)], _ decode: (Data, String) throws -> R) throws -> [R] {
        var out: [R] = []
        out.reserveCapacity(files.count)
        for start in stride(from: 0, to: files.count, by: 1024) {
            // Read on all cores too: reading (inflating each file and its deltas) was most of the
            // time of the 800 open cases a dashboard reads in full. libgit2 reads one repository
            // from many threads (`HistoryIndex`'s walk does too).
            let chunk = Array(files[start..<min(start + 1024, files.count)])
            for result in chunk.concurrentMap({ try decode(try blob($0.blob), $0.path) }) { out.append(try result.get()) }
        }
        return out
    }
}
