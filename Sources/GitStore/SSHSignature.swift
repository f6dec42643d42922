import Crypto
import Foundation

/// An SSH signature in OpenSSH's SSHSIG format (what `ssh-keygen -Y sign` writes and git stores
/// in a commit's `gpgsig` header), read and, for Ed25519 keys, verified in process: the same
/// answer as `ssh-keygen -Y verify` at a fraction of a process start.
struct SSHSignature {
    /// The signer's public key in SSH wire form (`string type, string key`).
    let publicKey: Data
    let namespace: String
    let reserved: Data
    let hashAlgorithm: String
    /// `string type, string signature bytes`.
    let signature: Data

    static let magic = Data("SSHSIG".utf8)

    /// Parses the armored text (`-----BEGIN SSH SIGNATURE-----` … `-----END SSH SIGNATURE-----`).
    /// Read on bytes: lines split at LF, VT, FF and CR, blank ones skipped, spaces and tabs trimmed (at
    /// 423,745 commits, Foundation's string splitting and trimming cost a third of the Ed25519
    /// verification itself).
    init?(armored: Data) {
        guard let blob = armored.withUnsafeBytes({ SSHSignature.payload(of: $0.bindMemory(to: UInt8.self)) }) else { return nil }
        var reader = WireReader(blob)
        guard reader.bytes(6) == SSHSignature.magic, reader.uint32() == 1,
              let key = reader.string(), let namespace = reader.string(), let reserved = reader.string(),
              let hash = reader.string(), let signature = reader.string(), reader.isAtEnd else { return nil }
        publicKey = key
        self.namespace = String(decoding: namespace, as: UTF8.self)
        self.reserved = reserved
        hashAlgorithm = String(decoding: hash, as: UTF8.self)
        self.signature = signature
    }

    static let begin = Array("-----BEGIN SSH SIGNATURE-----".utf8), end = Array("-----END SSH SIGNATURE-----".utf8)

    /// The base64 lines between the armor's first line (which must be BEGIN) and its first END
    /// line, decoded; nil when there is no such armor or the text is not base64.
    static func payload(of bytes: UnsafeBufferPointer<UInt8>) -> Data? {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count)
        var start = 0, first = true
        while start < bytes.count {
            var stop = start
            while stop < bytes.count, !(0x0A...0x0D).contains(bytes[stop]) { stop += 1 }
            var (a, b) = (start, stop)
            while a < b, bytes[a] == 0x20 || bytes[a] == 0x09 { a += 1 }
            while b > a, bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09 { b -= 1 }
            start = stop + 1
            guard a < b else { continue }
            let line = UnsafeBufferPointer(rebasing: bytes[a..<b])
            if first {
                guard line.elementsEqual(begin) else { return nil }
                first = false
            } else if line.elementsEqual(end) {
                return Data(base64Encoded: Data(text))
            } else {
                text.append(contentsOf: line)
            }
        }
        return nil
    }

    /// The key's type (`ssh-ed25519`, `ssh-rsa`, …).
    var keyType: String? {
        var reader = WireReader(publicKey)
        return reader.string().map { String(decoding: $0, as: UTF8.self) }
    }

    /// The public key as an allowed-signers line writes it: `TYPE BASE64`.
    var publicKeyText: String? { keyType.map { "\($0) \(publicKey.base64EncodedString())" } }

    /// Whether the signature verifies over `message` in namespace `git`; nil when the key type
    /// is not one this code verifies (the caller asks ssh-keygen).
    func verifies(_ message: Data, namespace expected: String = "git") -> Bool? {
        guard keyType == "ssh-ed25519" else { return nil }
        guard namespace == expected else { return false }
        var keyReader = WireReader(publicKey), sigReader = WireReader(signature)
        guard keyReader.string() != nil, let raw = keyReader.string(), keyReader.isAtEnd, raw.count == 32,
              sigReader.string().map({ String(decoding: $0, as: UTF8.self) }) == "ssh-ed25519",
              let bytes = sigReader.string(), sigReader.isAtEnd, bytes.count == 64,
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else { return false }
        let digest: Data
        switch hashAlgorithm {
        case "sha512": digest = Data(SHA512.hash(data: message))
        case "sha256": digest = Data(SHA256.hash(data: message))
        default: return false
        }
        var signed = SSHSignature.magic
        for field in [Data(namespace.utf8), reserved, Data(hashAlgorithm.utf8), digest] { signed.appendWireString(field) }
        return key.isValidSignature(bytes, for: signed)
    }
}

/// Reads SSH wire encoding: big-endian uint32 and length-prefixed strings.
struct WireReader {
    private let data: Data
    private var offset: Int

    init(_ data: Data) {
        self.data = Data(data)
        offset = 0
    }

    var isAtEnd: Bool { offset == data.count }

    mutating func bytes(_ n: Int) -> Data? {
        guard n >= 0, data.count - offset >= n else { return nil }
        defer { offset += n }
        return data.subdata(in: offset..<offset + n)
    }

    mutating func uint32() -> UInt32? {
        bytes(4).map { $0.reduce(UInt32(0)) { $0 << 8 | UInt32($1) } }
    }

    mutating func string() -> Data? {
        guard let n = uint32() else { return nil }
        return bytes(Int(n))
    }
}

extension Data {
    mutating func appendWireString(_ field: Data) {
        let n = UInt32(field.count)
        append(contentsOf: [UInt8(n >> 24), UInt8(n >> 16 & 0xff), UInt8(n >> 8 & 0xff), UInt8(n & 0xff)])
        append(field)
    }
}
