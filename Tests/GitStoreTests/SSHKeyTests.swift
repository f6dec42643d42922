import Foundation
import GitStore
import Testing

/// Ed25519 keys in OpenSSH's file formats and signatures made in process, each checked against
/// ssh-keygen itself: it reads the key files casebook writes, verifies its signatures, and makes
/// byte-identical ones (Ed25519 signatures are deterministic).
@Suite struct SSHKeyTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sshkey-\(UUID().uuidString)")

    func sh(_ args: [String], input: Data? = nil) throws -> (Int32, Data) { try shell(args, input: input) }

    func write(_ key: SSHKey, as name: String) throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try key.privateKeyFile.write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o600)
        return path
    }

    @Test func sshKeygenReadsTheKeyFileAndVerifiesTheSignature() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let key = try SSHKey(seed: Data(repeating: 7, count: 32), comment: "li.na@cuihu.example")
        let path = try write(key, as: "li.na")
        let (status, derived) = try sh(["ssh-keygen", "-y", "-f", path])
        #expect(status == 0)
        #expect(String(decoding: derived, as: UTF8.self).split(separator: " ").prefix(2) == key.publicKeyLine.split(separator: " ").prefix(2))

        let message = Data("tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nauthor 李娜 <li.na@cuihu.example> 1795311000 +0800\n\n投诉\n".utf8)
        let signature = try key.signature(of: message)
        let (signed, byKeygen) = try sh(["ssh-keygen", "-Y", "sign", "-n", "git", "-f", path], input: message)
        #expect(signed == 0)
        #expect(signature == String(decoding: byKeygen, as: UTF8.self), "the same bytes ssh-keygen -Y sign prints")

        let signers = folder.appendingPathComponent("allowed").path
        try "li.na@cuihu.example namespaces=\"git\" \(key.publicKeyLine)\n".write(toFile: signers, atomically: false, encoding: .utf8)
        let sigFile = folder.appendingPathComponent("sig").path
        try signature.write(toFile: sigFile, atomically: false, encoding: .utf8)
        let verify = ["ssh-keygen", "-Y", "verify", "-f", signers, "-I", "li.na@cuihu.example", "-n", "git", "-s", sigFile]
        #expect(try sh(verify, input: message).0 == 0)
        #expect(try sh(verify, input: message + Data("x".utf8)).0 != 0, "another message does not verify")
    }

    @Test func readsKeysSshKeygenMadeAndRefusesOthers() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let made = folder.appendingPathComponent("chen").path
        #expect(try sh(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "chen", "-f", made]).0 == 0)
        let key = try #require(SSHKey(privateKeyFile: try String(contentsOfFile: made, encoding: .utf8)))
        let pub = try String(contentsOfFile: made + ".pub", encoding: .utf8)
        #expect(key.publicKeyLine.split(separator: " ").prefix(2) == pub.split(separator: " ").prefix(2))
        let message = Data("commit bytes\n".utf8)
        let (_, byKeygen) = try sh(["ssh-keygen", "-Y", "sign", "-n", "git", "-f", made], input: message)
        #expect(try key.signature(of: message) == String(decoding: byKeygen, as: UTF8.self))

        let locked = folder.appendingPathComponent("locked").path
        #expect(try sh(["ssh-keygen", "-q", "-t", "ed25519", "-N", "secret", "-f", locked]).0 == 0)
        #expect(SSHKey(privateKeyFile: try String(contentsOfFile: locked, encoding: .utf8)) == nil, "an encrypted key is left to ssh-keygen")
        let rsa = folder.appendingPathComponent("rsa").path
        #expect(try sh(["ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-N", "", "-f", rsa]).0 == 0)
        #expect(SSHKey(privateKeyFile: try String(contentsOfFile: rsa, encoding: .utf8)) == nil)
        #expect(SSHKey(privateKeyFile: "not a key") == nil)
    }
}
