import Foundation

/// What a commit's signature says about its author.
public enum SignatureStatus: String, Sendable, CaseIterable {
    /// Signed, and the signature verifies with the author's registered key.
    case good
    /// No signature.
    case unsigned
    /// A signature that does not verify against the commit's bytes, or is not an SSH signature.
    case bad
    /// A valid signature by a key that is not registered for the author.
    case unregistered = "not-registered"
}

/// Verifies SSH commit signatures the way `git verify-commit` does with
/// `gpg.ssh.allowedSignersFile`, and also that the key is the one registered for the commit's
/// author. Ed25519 signatures are verified in process; others by `ssh-keygen -Y verify -n git`
/// against an allowed-signers file.
public final class SSHVerifier: @unchecked Sendable {
    /// The version of what this verifier judges and how (this file, `SSHSignature`, and the bytes
    /// `Repository.signature(of:)` hands it): verdicts kept on disk are kept under it, so that a new
    /// build of casebook does not verify every signature of the history again. Raise it with any
    /// change that could change a verdict; `SSHVerifierVersionTests` fails until the code it
    /// covers is pinned again.
    public static let version = 1

    private let allowedSigners: String
    /// Registered keys (`TYPE BASE64`) by principal, lowercased.
    private let keys: [String: Set<String>]
    private var folder: URL?
    /// Guards `folder`: `status` is called from several threads at once.
    private let lock = NSLock()

    /// - Parameter allowedSigners: the file's content, one `EMAIL namespaces="git" KEY` per line.
    public init(allowedSigners: String) throws {
        self.allowedSigners = allowedSigners
        var keys: [String: Set<String>] = [:]
        for line in allowedSigners.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = line.split(separator: " ")
            guard let type = fields.firstIndex(where: { $0.hasPrefix("ssh-") || $0.hasPrefix("ecdsa-") || $0.hasPrefix("sk-") }),
                  type + 1 < fields.count else { continue }
            for principal in fields[0].split(separator: ",") {
                keys[principal.lowercased(), default: []].insert("\(fields[type]) \(fields[type + 1])")
            }
        }
        self.keys = keys
    }

    deinit { if let folder { try? FileManager.default.removeItem(at: folder) } }

    /// What `status(of:author:)` for a commit by `email` depends on besides the commit's bytes:
    /// the email as given and the lines of the allowed-signers file that could name it (its
    /// principals as this verifier reads them, case aside, and any line with a pattern, which
    /// `ssh-keygen` might match). A verdict kept under this text is a verdict of the same question;
    /// a key added, changed or removed for the author changes it.
    public static func judge(of email: String, allowedSigners: String) -> String {
        let principal = email.lowercased()
        var lines: [Substring] = []
        for line in allowedSigners.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            guard let first = line.split(separator: " ").first else { continue }
            if first.contains(where: { "*?!".contains($0) }) || first.split(separator: ",").contains(where: { $0.lowercased() == principal }) {
                lines.append(line)
            }
        }
        return ([Substring(email)] + lines.sorted()).joined(separator: "\n")
    }

    /// The status of `signature` (nil: unsigned) for a commit by `email`.
    public func status(of signature: CommitSignature?, author email: String) throws -> SignatureStatus {
        guard let signature else { return .unsigned }
        guard let parsed = SSHSignature(armored: signature.signature) else { return .bad }
        if let valid = parsed.verifies(signature.signedData) {
            guard valid else { return .bad }
            guard let key = parsed.publicKeyText, keys[email.lowercased()]?.contains(key) == true else { return .unregistered }
            return .good
        }
        let folder = try workFolder()
        let signersFile = folder.appendingPathComponent("allowed_signers")
        let sigFile = folder.appendingPathComponent("sig-\(UUID().uuidString)")
        try signature.signature.write(to: sigFile)
        defer { try? FileManager.default.removeItem(at: sigFile) }
        if try run(["-Y", "verify", "-f", signersFile.path, "-I", email, "-n", "git", "-s", sigFile.path], input: signature.signedData) == 0 {
            return .good
        }
        let valid = try run(["-Y", "check-novalidate", "-n", "git", "-s", sigFile.path], input: signature.signedData) == 0
        return valid ? .unregistered : .bad
    }

    private func workFolder() throws -> URL {
        lock.lock()
        defer { lock.unlock() }
        if let folder { return folder }
        let made = FileManager.default.temporaryDirectory.appendingPathComponent("casebook-verify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: made, withIntermediateDirectories: true)
        try Data(allowedSigners.utf8).write(to: made.appendingPathComponent("allowed_signers"))
        folder = made
        return made
    }
    private func run(_ arguments: [String], input: Data) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["ssh-keygen"] + arguments
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        done.wait()
        return process.terminationStatus
    }
}
