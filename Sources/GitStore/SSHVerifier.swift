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
/// `gpg.ssh.allowedSignersFile`: `ssh-keygen -Y verify -n git` against an allowed-signers file.
public final class SSHVerifier: @unchecked Sendable {
    private let folder: URL
    private let signersFile: URL

    /// - Parameter allowedSigners: the file's content, one `EMAIL namespaces="git" KEY` per line.
    public init(allowedSigners: String) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("casebook-verify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        signersFile = folder.appendingPathComponent("allowed_signers")
        try Data(allowedSigners.utf8).write(to: signersFile)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// The status of `signature` (nil: unsigned) for a commit by `email`.
    public func status(of signature: CommitSignature?, author email: String) throws -> SignatureStatus {
        guard let signature else { return .unsigned }
        guard String(decoding: signature.signature.prefix(40), as: UTF8.self).hasPrefix("-----BEGIN SSH SIGNATURE-----") else { return .bad }
        let sigFile = folder.appendingPathComponent("sig")
        try signature.signature.write(to: sigFile)
        if try run(["-Y", "verify", "-f", signersFile.path, "-I", email, "-n", "git", "-s", sigFile.path], input: signature.signedData) == 0 {
            return .good
        }
        let valid = try run(["-Y", "check-novalidate", "-n", "git", "-s", sigFile.path], input: signature.signedData) == 0
        return valid ? .unregistered : .bad
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
