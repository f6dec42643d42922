import Foundation
import GitStore

/// The frame of every cache file casebook keeps under `<git dir>/casebook/` (the summaries, the
/// signature verdicts, the company's kept figures): a header naming the file's format and what
/// made it (this build of casebook, or for the signature verdicts the verifier's version), a
/// checksum of the body (8 bytes, little-endian), then the body. A file is used only when it is
/// whole and made by the same; anything else is ignored and written again.
package enum CacheFile {
    /// This build of casebook, as the header names it (size and modification time of the
    /// executable: what a cache holds depends on the rules compiled into it).
    package static let build: String = {
        var st = stat()
        guard stat("/proc/self/exe", &st) == 0 else { return "unknown" }
        return "\(st.st_size) \(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"
    }()

    /// What made a file, as its header's second line names it: by default this build.
    package static var thisBuild: String { "build \(build)" }

    package static func header(_ format: String, madeBy maker: String = thisBuild) -> [UInt8] {
        Array("\(format)\n\(maker)\n".utf8)
    }

    /// `body` framed: the header of `format` (made by `maker`), its checksum, the body.
    package static func seal<C: Collection>(_ body: C, format: String, madeBy maker: String = thisBuild) -> Data
    where C.Element == UInt8, C.Index == Int {
        var out = front(format, madeBy: maker, checksum: checksum(body), reserving: body.count)
        out += body
        return Data(out)
    }

    /// Writes the file of `format` whose body is `pieces` joined, without joining them (a body
    /// mostly of parts kept from the file before, as mapped): replaced atomically, not flushed.
    package static func write(_ pieces: [Data], format: String, to path: String) throws {
        var sum = Checksum.Stream(count: pieces.reduce(0) { $0 + $1.count })
        for piece in pieces { piece.withUnsafeBytes { sum.add($0) } }
        try AtomicFile.write(to: path, durable: false) { put in
            try put(Data(front(format, checksum: sum.value)))
            for piece in pieces where !piece.isEmpty { try put(piece) }
        }
    }

    /// What comes before the body: the header of `format`, then the body's checksum.
    private static func front(_ format: String, madeBy maker: String = thisBuild, checksum: UInt64, reserving body: Int = 0) -> [UInt8] {
        var out = header(format, madeBy: maker)
        out.reserveCapacity(out.count + 8 + body)
        withUnsafeBytes(of: checksum.littleEndian) { out += $0 }
        return out
    }

    /// `read` of the body of `data` when `data` is a whole file of `format` made by `maker` (this
    /// build by default), without copying it; nil otherwise, or when `read` finds nothing.
    package static func open<T>(_ data: Data, format: String, madeBy maker: String = thisBuild,
                                _ read: (UnsafeBufferPointer<UInt8>) -> T?) -> T? {
        let head = header(format, madeBy: maker)
        guard data.count >= head.count + 8 else { return nil }
        return data.withUnsafeBytes { raw -> T? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard bytes[0..<head.count].elementsEqual(head) else { return nil }
            var sum: UInt64 = 0
            for k in 0..<8 { sum |= UInt64(bytes[head.count + k]) << (8 * k) }
            let body = UnsafeBufferPointer(rebasing: bytes[(head.count + 8)...])
            guard checksum(body) == sum else { return nil }
            return read(body)
        }
    }

    /// A 64-bit checksum of `bytes` (GitStore's `Checksum`): it catches damage, not forgery.
    package static func checksum<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8, C.Index == Int {
        bytes.withContiguousStorageIfAvailable { Checksum.of(UnsafeRawBufferPointer($0)) }
            ?? Array(bytes).withUnsafeBytes { Checksum.of($0) }
    }
}
