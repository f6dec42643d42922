import Foundation
@testable import GitStore
import Testing

/// Verdicts on signatures are kept on disk under `SSHVerifier.version`, not under the build of
/// casebook: a change to the code that reaches a verdict must raise the version, or verdicts of the
/// old code would be believed. This pins that code (the verifier, the signature's parser and the
/// extraction of the signed bytes) by its checksum; a change to it fails here until the version
/// is raised and the new checksum pinned (a change to comments alone: pin it, keep the version).
@Suite struct SSHVerifierVersionTests {
    /// The version and the checksum of the code it covers, as last pinned.
    static let pinned = (version: 1, checksum: "d4f5b4afd224bc57")

    static func coveredCode() throws -> String {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/GitStore").standardized
        func text(_ name: String) throws -> String {
            try String(contentsOf: sources.appendingPathComponent(name), encoding: .utf8)
        }
        let history = try text("History.swift")
        guard let start = history.range(of: "    public func signature(of commit: OID)"),
              let end = history.range(of: "\n    }\n", range: start.upperBound..<history.endIndex) else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "History.swift: signature(of:) not found"])
        }
        return try text("SSHVerifier.swift") + text("SSHSignature.swift") + history[start.lowerBound..<end.upperBound]
    }

    @Test func theVerifiersCodeIsPinnedWithItsVersion() throws {
        let code = Array(try Self.coveredCode().utf8)
        let checksum = String(code.withUnsafeBytes { Checksum.of($0) }, radix: 16)
        #expect(SSHVerifier.version == Self.pinned.version,
                "SSHVerifier.version is \(SSHVerifier.version): pin it here with the checksum below")
        #expect(checksum == Self.pinned.checksum,
                "the code that reaches a signature's verdict changed (checksum \(checksum)): raise SSHVerifier.version unless the change cannot change a verdict, and pin both here")
    }
}
