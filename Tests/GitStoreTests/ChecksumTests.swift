import Foundation
@testable import GitStore
import Testing

/// The cache files' checksum taken over pieces (`Checksum.Stream`: a file written from parts it
/// never holds whole) is the checksum of the pieces joined, wherever they are cut.
@Suite struct ChecksumTests {
    @Test func piecesGiveTheChecksumOfTheWhole() {
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 64, 1000, 4099] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let whole = bytes.withUnsafeBytes { Checksum.of($0) }
            for _ in 0..<50 {
                // Cut at random places (pieces of length 0 among them).
                var cuts = (0..<Int.random(in: 0...6, using: &generator)).map { _ in Int.random(in: 0...length, using: &generator) }
                cuts = ([0] + cuts + [length]).sorted()
                var stream = Checksum.Stream(count: length)
                for (from, to) in zip(cuts, cuts.dropFirst()) {
                    bytes[from..<to].withUnsafeBytes { stream.add($0) }
                }
                #expect(stream.value == whole, "length \(length), cut at \(cuts)")
            }
        }
        // A different byte gives another checksum.
        let a = Array("casebook-site 6".utf8)
        var b = a
        b[3] ^= 1
        #expect(a.withUnsafeBytes { Checksum.of($0) } != b.withUnsafeBytes { Checksum.of($0) })
    }
}
