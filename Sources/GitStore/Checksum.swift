/// A 64-bit checksum (multiply-rotate over 8-byte little-endian words) of the cache files casebook
/// keeps under `<git dir>/casebook/`: it catches damage, not forgery.
package enum Checksum {
    package static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var i = 0
        while i + 8 <= bytes.count {
            let w = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            h = ((h ^ w) &* 0xFF51_AFD7_ED55_8CCD)
            h = (h << 31) | (h >> 33)
            i += 8
        }
        while i < bytes.count {
            h = ((h ^ UInt64(bytes[i])) &* 0xC4CE_B9FE_1A85_EC53)
            i += 1
        }
        return h ^ (h >> 29)
    }

    /// `of` over bytes that come in pieces (a file written from parts it never holds whole): the
    /// same value as `of` of the pieces joined, whatever their lengths. `count` is the total.
    package struct Stream {
        private var h: UInt64
        private var word: UInt64 = 0
        private var inWord = 0
        private var left: Int

        package init(count: Int) {
            h = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
            left = count
        }

        package mutating func add(_ bytes: UnsafeRawBufferPointer) {
            var i = 0
            // Finish a word the last piece began, byte by byte; then whole words while the total
            // still holds one; the bytes past the last whole word are mixed one by one, as `of` does.
            while i < bytes.count {
                if inWord == 0, left >= 8, bytes.count - i >= 8 {
                    let w = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                    h = ((h ^ w) &* 0xFF51_AFD7_ED55_8CCD)
                    h = (h << 31) | (h >> 33)
                    i += 8
                    left -= 8
                } else if inWord > 0 || left >= 8 {
                    word |= UInt64(bytes[i]) << (8 * UInt64(inWord))
                    inWord += 1
                    i += 1
                    if inWord == 8 {
                        h = ((h ^ word) &* 0xFF51_AFD7_ED55_8CCD)
                        h = (h << 31) | (h >> 33)
                        (word, inWord) = (0, 0)
                        left -= 8
                    }
                } else {
                    h = ((h ^ UInt64(bytes[i])) &* 0xC4CE_B9FE_1A85_EC53)
                    i += 1
                    left -= 1
                }
            }
        }

        package var value: UInt64 { h ^ (h >> 29) }
    }
}
