import Foundation

/// Signs commits with an SSH private key through `ssh-keygen -Y sign -n git`, the format stock
/// git verifies with `gpg.format=ssh` and an allowed-signers file.
public struct SSHSigner: CommitSigner {
    public let keyPath: String

    public init(keyPath: String) {
        self.keyPath = keyPath
    }

    public func sign(_ content: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["ssh-keygen", "-Y", "sign", "-n", "git", "-f", keyPath]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        input.fileHandleForWriting.write(Data(content.utf8))
        try input.fileHandleForWriting.close()
        let signature = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        guard process.terminationStatus == 0, let text = String(data: signature, encoding: .utf8), text.contains("BEGIN SSH SIGNATURE") else {
            let reason = String(decoding: message, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "exit \(process.terminationStatus)"
            throw SigningError(keyPath: keyPath, reason: reason)
        }
        return text
    }
}

public struct SigningError: Error, CustomStringConvertible {
    public let keyPath: String
    public let reason: String
    public var description: String { "signing with \(keyPath) failed: \(reason)" }
}
