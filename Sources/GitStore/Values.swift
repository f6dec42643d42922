import Clibgit2

/// A git object id: its 20 bytes, kept as three words (hashed and compared as such); the 40 hex
/// digits are made when asked for. An id made for every tree entry and commit of a walk, and
/// used as a key, was a 40-character string allocated, formatted and hashed each time.
public struct OID: Hashable, Sendable, CustomStringConvertible {
    private let w0: UInt64, w1: UInt64, w2: UInt32

    init(_ oid: git_oid) {
        var oid = oid
        (w0, w1, w2) = withUnsafeBytes(of: &oid.id) { b in
            (b.loadUnaligned(fromByteOffset: 0, as: UInt64.self), b.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
             b.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
        }
    }

    public init?(hex: String) {
        var hex = hex
        guard let id = hex.withUTF8({ OID(hexBytes: UnsafeRawBufferPointer($0)) }) else { return nil }
        self = id
    }

    /// The id written as 40 hex digits (either case) in `bytes`; nil for anything else. Byte by
    /// byte: the history index parses 423,745 ids at 100,000 cases, and checking them as
    /// `Character`s first was a fifth of that parse.
    public init?(hexBytes bytes: UnsafeRawBufferPointer) {
        guard bytes.count == 40 else { return nil }
        var oid = git_oid()
        let ok = withUnsafeMutableBytes(of: &oid.id) { out -> Bool in
            for k in 0..<20 {
                guard let high = OID.nibble(bytes[2 * k]), let low = OID.nibble(bytes[2 * k + 1]) else { return false }
                out[k] = high << 4 | low
            }
            return true
        }
        guard ok else { return nil }
        self.init(oid)
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x61...0x66: c - 0x61 + 10
        case 0x41...0x46: c - 0x41 + 10
        default: nil
        }
    }

    /// The id of 20 raw bytes (as `append(to:)` writes them); nil for any other count.
    public init?(bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 20 else { return nil }
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
        self.init(oid)
    }

    /// Appends the id's 20 raw bytes to `out`.
    public func append(to out: inout [UInt8]) {
        withUnsafeBytes(of: raw.id) { out.append(contentsOf: $0) }
    }

    var raw: git_oid {
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { b in
            b.storeBytes(of: w0, toByteOffset: 0, as: UInt64.self)
            b.storeBytes(of: w1, toByteOffset: 8, as: UInt64.self)
            b.storeBytes(of: w2, toByteOffset: 16, as: UInt32.self)
        }
        return oid
    }

    /// The 40 lower-case hex digits.
    public var hex: String {
        var oid = raw
        return String(unsafeUninitializedCapacity: 40) { buffer in
            buffer.withMemoryRebound(to: CChar.self) { _ = git_oid_nfmt($0.baseAddress, 40, &oid) }
            return 40
        }
    }

    public var short: String { String(hex.prefix(10)) }
    public var description: String { hex }
}

/// Who and when, for a commit's author or committer.
public struct Person: Equatable, Sendable {
    public var name: String
    public var email: String
    /// Seconds since 1970.
    public var time: Int64
    /// Offset from UTC in minutes (+08:00 is 480).
    public var offsetMinutes: Int32

    public init(name: String, email: String, time: Int64, offsetMinutes: Int32) {
        self.name = name
        self.email = email
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    init(_ sig: UnsafePointer<git_signature>) {
        name = String(cString: sig.pointee.name)
        email = String(cString: sig.pointee.email)
        time = Int64(sig.pointee.when.time)
        offsetMinutes = Int32(sig.pointee.when.offset)
    }
}

/// A commit as callers see it.
public struct CommitInfo: Equatable, Sendable {
    public let id: OID
    public let author: Person
    public let committer: Person
    public let message: String
    public let isSigned: Bool

    /// The value of a `Key: value` trailer in the message, if present.
    public func trailer(_ key: String) -> String? { CommitInfo.trailer(key, in: message) }

    /// The value of the last `Key: value` line of `message`.
    static func trailer(_ key: String, in message: String) -> String? {
        for line in message.split(separator: "\n").reversed() where line.hasPrefix(key + ": ") {
            return String(line.dropFirst(key.count + 2))
        }
        return nil
    }

    public var summary: String { String(message.prefix { $0 != "\n" }) }
}
