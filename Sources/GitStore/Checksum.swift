/// A 64-bit checksum (multiply-rotate over 8-byte little-endian words) of the cache files casebook
/// keeps under `<git dir>/casebook/`: it catches damage, not forgery.
package enum Checksum {
    package static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h = seed(bytes.count)
        var i = 0
        while i + 8 <= bytes.count {
            h = mix(h, word: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
            i += 8
        }
        while i < bytes.count {
            h = mix(h, byte: bytes[i])
            i += 1
        }
        return finish(h)
    }

    /// The steps of `of`, shared with `Stream`: the start from the total length, a whole 8-byte
    /// word, one of the bytes past the last whole word, the end.
    @inline(__always) static func seed(_ count: Int) -> UInt64 { 0x9E37_79B9_7F4A_7C15 ^ UInt64(count) }

    @inline(__always) static func mix(_ h: UInt64, word: UInt64) -> UInt64 {
        let h = (h ^ word) &* 0xFF51_AFD7_ED55_8CCD
        return (h << 31) | (h >> 33)
    }

    @inline(__always) static func mix(_ h: UInt64, byte: UInt8) -> UInt64 { (h ^ UInt64(byte)) &* 0xC4CE_B9FE_1A85_EC53 }

    @inline(__always) static func finish(_ h: UInt64) -> UInt64 { h ^ (h >> 29) }

    /// `of` over bytes that come in pieces (a file written from parts it never holds whole): the
    /// same value as `of` of the pieces joined, whatever their lengths. `count` is the total.
    package struct Stream {
        private var h: UInt64
        private var word: UInt64 = 0
        private var inWord = 0
        private var left: Int

        package init(count: Int) {
            h = Checksum.seed(count)
            left = count
        }

        package mutating func add(_ bytes: UnsafeRawBufferPointer) {
            var i = 0
            // Finish a word the last piece began, byte by byte; then whole words while the total
            // still holds one; the bytes past the last whole word are mixed one by one, as `of` does.
            while i < bytes.count {
                if inWord == 0, left >= 8, bytes.count - i >= 8 {
                    h = Checksum.mix(h, word: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
                    i += 8
                    left -= 8
                } else if inWord > 0 || left >= 8 {
                    word |= UInt64(bytes[i]) << (8 * UInt64(inWord))
                    inWord += 1
                    i += 1
                    if inWord == 8 {
                        h = Checksum.mix(h, word: word)
                        (word, inWord) = (0, 0)
                        left -= 8
                    }
                } else {
                    h = Checksum.mix(h, byte: bytes[i])
                    i += 1
                    left -= 1
                }
            }
        }

        package var value: UInt64 { Checksum.finish(h) }
    }
}
