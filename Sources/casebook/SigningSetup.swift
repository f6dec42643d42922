import CaseModel
import CasebookEngine
import Foundation
import GitStore

/// Whether stock git in this clone will sign a commit with a member of staff's registered key:
/// what the pre-commit hook (which runs before git signs) can know of the signature to come.
enum SigningSetup {
    /// True when `gpg.format` is `ssh` and `user.signingkey` is the key registered for `member`
    /// (a key file, its `.pub`, or `key::` followed by the key itself). Read through `git config`,
    /// so `git -c …` and every config file count as git sees them. Whether this commit is signed
    /// (`-S` or `commit.gpgsign`) the hook cannot see; the server's hook checks the signature itself.
    static func willSign(as member: Staff, in workdir: String) -> Bool {
        guard let registered = member.key,
              value("gpg.format", in: workdir) == "ssh",
              let key = value("user.signingkey", in: workdir) else { return false }
        return publicKey(key).map { Workspace.sameKey($0, registered) } ?? false
    }

    /// The public key line a `user.signingkey` value names.
    static func publicKey(_ value: String) -> String? {
        if value.hasPrefix("key::") { return String(value.dropFirst(5)) }
        if value.hasPrefix("ssh-") { return value }
        let path = (value as NSString).expandingTildeInPath
        for candidate in path.hasSuffix(".pub") ? [path] : [path + ".pub"] {
            if let text = try? String(contentsOfFile: candidate, encoding: .utf8) { return text.trimmingCharacters(in: .whitespacesAndNewlines) }
        }
        return (try? String(contentsOfFile: path, encoding: .utf8)).flatMap(SSHKey.init(privateKeyFile:))?.publicKeyLine
    }

    /// `git config --get NAME` in `workdir`, or nil when unset.
    static func value(_ name: String, in workdir: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "config", "--get", name]
        process.currentDirectoryURL = URL(fileURLWithPath: workdir)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
