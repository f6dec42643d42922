import Clibgit2

/// A git object id, as 40 hex digits.
public struct OID: Hashable, Sendable, CustomStringConvertible {
    public let hex: String

    init(_ oid: git_oid) {
        var oid = oid
        // Formatted in place: a walk over the history makes one for every commit and subtree.
        self.hex = String(unsafeUninitializedCapacity: 40) { buffer in
            buffer.withMemoryRebound(to: CChar.self) { _ = git_oid_nfmt($0.baseAddress, 40, &oid) }
            return 40
        }
    }

    public init?(hex: String) {
        guard hex.count == 40, hex.allSatisfy(\.isHexDigit) else { return nil }
        self.hex = hex.lowercased()
    }

    var raw: git_oid {
        var oid = git_oid()
        _ = hex.withCString { git_oid_fromstr(&oid, $0) }
        return oid
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
