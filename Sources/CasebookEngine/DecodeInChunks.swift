import CaseModel
import Foundation
import GitStore

extension Repository {
    /// `decode` of each of `files` (a blob and the path it stands at), in order: the blobs read in
    /// turn and decoded on all cores, a thousand at a time, so the raw files of a large repository
    /// are never all in memory at once.
    /// - Throws: what reading a blob or `decode` throws first, in order.
    func decodedInChunks<R>(_ files: [(path: String, blob: OID)], _ decode: (Data, String) throws -> R) throws -> [R] {
        var out: [R] = []
        out.reserveCapacity(files.count)
        for start in stride(from: 0, to: files.count, by: 1024) {
            let chunk = try files[start..<min(start + 1024, files.count)].map { (path: $0.path, data: try blob($0.blob)) }
            for result in chunk.concurrentMap({ try decode($0.data, $0.path) }) { out.append(try result.get()) }
        }
        return out
    }
}
