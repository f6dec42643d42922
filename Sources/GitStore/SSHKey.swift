import Crypto
import Foundation

/// An Ed25519 key in OpenSSH's own file formats: the private key file `ssh-keygen` writes
/// (`-----BEGIN OPENSSH PRIVATE KEY-----`, unencrypted) and the one-line public key. Signs in
/// process in the SSHSIG format of `ssh-keygen -Y sign`, which is what git stores in `gpgsig`.
public struct SSHKey: Sendable {
    /// The 32-byte Ed25519 seed (the private key proper).
    private let seed: Data
    public let comment: String

    var privateKey: Curve25519.Signing.PrivateKey {
        // The seed was checked when the key was made.
        (try? Curve25519.Signing.PrivateKey(rawRepresentation: seed)) ?? Curve25519.Signing.PrivateKey()
    }

    /// A key made from 32 seed bytes: the same seed always gives the same key (for simulated
    /// staff whose repository must be reproducible).
    public init(seed: Data, comment: String) throws {
        _ = try Curve25519.Signing.PrivateKey(rawRepresentation: seed)
        self.seed = seed
        self.comment = comment
    }

    /// Reads an unencrypted Ed25519 key from OpenSSH's private key file; nil for any other key
    /// (encrypted, RSA, ECDSA, a hardware key), which `ssh-keygen` must handle.
    public init?(privateKeyFile text: String) {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard lines.first == "-----BEGIN OPENSSH PRIVATE KEY-----", let end = lines.firstIndex(of: "-----END OPENSSH PRIVATE KEY-----"),
              let blob = Data(base64Encoded: lines[1..<end].joined()) else { return nil }
        var reader = WireReader(blob)
        let magic = Data("openssh-key-v1\0".utf8)
        guard reader.bytes(magic.count) == magic,
              reader.string() == Data("none".utf8), reader.string() == Data("none".utf8), reader.string() != nil,
              reader.uint32() == 1, reader.string() != nil, let secret = reader.string(), reader.isAtEnd else { return nil }
        var inner = WireReader(secret)
        guard let check1 = inner.uint32(), inner.uint32() == check1,
              inner.string() == Data("ssh-ed25519".utf8), let pub = inner.string(), pub.count == 32,
              let priv = inner.string(), priv.count == 64, priv.suffix(32) == pub,
              let comment = inner.string(),
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: priv.prefix(32)),
              key.publicKey.rawRepresentation == pub else { return nil }
        seed = key.rawRepresentation
        self.comment = String(decoding: comment, as: UTF8.self)
    }

    /// The public key in SSH wire form.
    var publicBlob: Data {
        var d = Data()
        d.appendWireString(Data("ssh-ed25519".utf8))
        d.appendWireString(privateKey.publicKey.rawRepresentation)
        return d
    }

    /// `ssh-ed25519 AAAA… comment`, as in a `.pub` file and `records/staff.json`.
    public var publicKeyLine: String {
        "ssh-ed25519 \(publicBlob.base64EncodedString())" + (comment.isEmpty ? "" : " \(comment)")
    }

    /// The private key file as `ssh-keygen` writes it (unencrypted; mode 0600 is the caller's).
    /// The check integers are derived from the key, so the file is reproducible.
    public var privateKeyFile: String {
        let seed = privateKey.rawRepresentation
        let check = Data(SHA256.hash(data: seed)).prefix(4)
        var secret = Data()
        secret.append(check)
        secret.append(check)
        secret.appendWireString(Data("ssh-ed25519".utf8))
        secret.appendWireString(privateKey.publicKey.rawRepresentation)
        secret.appendWireString(seed + privateKey.publicKey.rawRepresentation)
        secret.appendWireString(Data(comment.utf8))
        var pad: UInt8 = 1
        while secret.count % 8 != 0 {
            secret.append(pad)
            pad += 1
        }
        var blob = Data("openssh-key-v1\0".utf8)
        for field in [Data("none".utf8), Data("none".utf8), Data()] { blob.appendWireString(field) }
        blob.append(contentsOf: [0, 0, 0, 1])
        blob.appendWireString(publicBlob)
        blob.appendWireString(secret)
        return "-----BEGIN OPENSSH PRIVATE KEY-----\n" + SSHKey.wrap(blob.base64EncodedString()) + "-----END OPENSSH PRIVATE KEY-----\n"
    }

    /// An armored SSHSIG signature of `message` in `namespace`, byte for byte the form
    /// `ssh-keygen -Y sign -n git` prints (SHA-512 of the message, Ed25519 signature).
    public func signature(of message: Data, namespace: String = "git") throws -> String {
        let digest = Data(SHA512.hash(data: message))
        var signed = SSHSignature.magic
        for field in [Data(namespace.utf8), Data(), Data("sha512".utf8), digest] { signed.appendWireString(field) }
        let raw = try privateKey.signature(for: signed)
        var sig = Data()
        sig.appendWireString(Data("ssh-ed25519".utf8))
        sig.appendWireString(Data(raw))
        var blob = SSHSignature.magic
        blob.append(contentsOf: [0, 0, 0, 1])
        for field in [publicBlob, Data(namespace.utf8), Data(), Data("sha512".utf8), sig] { blob.appendWireString(field) }
        return "-----BEGIN SSH SIGNATURE-----\n" + SSHKey.wrap(blob.base64EncodedString()) + "-----END SSH SIGNATURE-----\n"
    }

    /// Base64 in lines of 70 characters, as OpenSSH writes it.
    static func wrap(_ text: String) -> String {
        var out = "", line = ""
        for c in text {
            line.append(c)
            if line.count == 70 {
                out += line + "\n"
                line = ""
            }
        }
        return line.isEmpty ? out : out + line + "\n"
    }
}

/// Signs commits in process with an Ed25519 key file: the signature `ssh-keygen -Y sign -n git`
/// would make, without starting a process per commit.
public struct InProcessSigner: CommitSigner {
    public let key: SSHKey

    public init(key: SSHKey) { self.key = key }

    public func sign(_ content: String) throws -> String {
        try key.signature(of: Data(content.utf8))
    }
}
