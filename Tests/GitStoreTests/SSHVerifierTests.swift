import Foundation
import GitStore
import Testing

/// Signatures made by `ssh-keygen -Y sign -n git` (what git and casebook store in `gpgsig`),
/// judged in process for Ed25519 and through ssh-keygen for other key types, each against the
/// answer ssh-keygen itself gives.
@Suite struct SSHVerifierTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sshverify-\(UUID().uuidString)")

    func sh(_ args: [String], input: Data? = nil) throws -> (Int32, Data) { try shell(args, input: input) }

    func key(_ name: String, type: String = "ed25519") throws -> (path: String, pub: String) {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        var args = ["ssh-keygen", "-q", "-t", type, "-N", "", "-C", name, "-f", path]
        if type == "rsa" { args += ["-b", "2048"] }
        #expect(try sh(args).0 == 0)
        return (path, try String(contentsOfFile: path + ".pub", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    func sign(_ message: Data, with key: String, namespace: String = "git") throws -> Data {
        let (status, signature) = try sh(["ssh-keygen", "-Y", "sign", "-n", namespace, "-f", key], input: message)
        #expect(status == 0)
        return signature
    }

    @Test func judgesAsSSHKeygenDoes() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let li = try key("li"), chen = try key("chen"), rsa = try key("wang", type: "rsa")
        let signers = "li@x.cn namespaces=\"git\" \(li.pub)\nchen@x.cn namespaces=\"git\" \(chen.pub)\nwang@x.cn namespaces=\"git\" \(rsa.pub)\n"
        let verifier = try SSHVerifier(allowedSigners: signers)
        let message = Data("tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nauthor 李娜 <li@x.cn> 1795311000 +0800\n\n投诉\n".utf8)
        let byLi = try sign(message, with: li.path)
        func status(_ sig: Data?, _ data: Data, _ email: String) throws -> SignatureStatus {
            try verifier.status(of: sig.map { CommitSignature(signature: $0, signedData: data) }, author: email)
        }
        #expect(try status(byLi, message, "li@x.cn") == .good)
        #expect(try status(byLi, message, "LI@x.cn") == .good)
        #expect(try status(byLi, message, "chen@x.cn") == .unregistered, "li's key is not chen's")
        #expect(try status(byLi, message + Data("x".utf8), "li@x.cn") == .bad, "the signed bytes changed")
        #expect(try status(try sign(message, with: li.path, namespace: "file"), message, "li@x.cn") == .bad, "another namespace")
        #expect(try status(nil, message, "li@x.cn") == .unsigned)
        #expect(try status(Data("-----BEGIN SSH SIGNATURE-----\nAAAA\n-----END SSH SIGNATURE-----\n".utf8), message, "li@x.cn") == .bad)
        // The armor read on bytes as it was read through Foundation's lines: CR LF, blank lines,
        // spaces and tabs around a line, another wrapping of the base64 are the same signature;
        // anything before BEGIN, no END, or a line that is not base64 is not one.
        let text = String(decoding: byLi, as: UTF8.self)
        let lines = text.split(separator: "\n").map(String.init)
        let payload = lines.dropFirst().dropLast().joined()
        let rewrapped = ([lines[0]] + stride(from: 0, to: payload.count, by: 40).map { i in
            String(payload.dropFirst(i).prefix(40)) } + [lines.last!]).joined(separator: "\n")
        for (label, variant, expected) in [
            ("CR LF", lines.joined(separator: "\r\n") + "\r\n", SignatureStatus.good),
            ("blank lines and spaces", "\n\n  " + lines.joined(separator: " \t\n\n\t") + "\n\n", .good),
            ("wrapped at 40", rewrapped, .good),
            ("text after END", text + "trailing words\n", .good),
            ("a line before BEGIN", "hello\n" + text, .bad),
            ("no END", lines.dropLast().joined(separator: "\n"), .bad),
            ("a line not base64", lines[0] + "\n" + "@@@@\n" + lines.dropFirst().joined(separator: "\n"), .bad),
        ] {
            #expect(try status(Data(variant.utf8), message, "li@x.cn") == expected, "\(label)")
        }
        let stranger = try key("stranger")
        #expect(try status(try sign(message, with: stranger.path), message, "li@x.cn") == .unregistered)
        // An RSA key goes through ssh-keygen.
        let byWang = try sign(message, with: rsa.path)
        #expect(try status(byWang, message, "wang@x.cn") == .good)
        #expect(try status(byWang, message + Data("x".utf8), "wang@x.cn") == .bad)
    }
}
