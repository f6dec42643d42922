import Clibgit2
import CTLSDeferral
import Foundation
import XCTest
@testable import GitStore

/// libgit2's parse of the system CA bundle is put off from its initialisation to the first TLS
/// session (Sources/CTLSDeferral): nothing before, and then the same certificates as the eager
/// parse held, in the chain libgit2 verifies servers against.
final class TLSDeferralTests: XCTestCase {
    func testTheCABundleIsReadWhenTheFirstTLSSessionIsSetUp() throws {
        Library.ensure()
        let before = casebook_tls_deferral()
        guard before.wrapped == 1 else {
            // `make test` links libgit2 statically with the wrapper and says so; a plain
            // `swift test` links the shared library, where there is nothing to check.
            if ProcessInfo.processInfo.environment["CASEBOOK_LIBGIT2"] == "static" {
                XCTFail("libgit2 is linked statically but its CA bundle was parsed at initialisation")
            }
            throw XCTSkip("libgit2 linked as a shared library: no deferral")
        }
        XCTAssertEqual(before.pending, 1, "the bundle is still to be read: no TLS session was set up in this process")
        XCTAssertEqual(before.certificates, 0)
        let bundle = try XCTUnwrap(before.path.map { String(cString: $0) })

        // A TLS server on 127.0.0.1 with a certificate of its own, which no CA in the bundle signed.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cert = folder.appendingPathComponent("cert.pem").path, key = folder.appendingPathComponent("key.pem").path
        let (made, _) = try shell(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                                   "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1", "-keyout", key, "-out", cert])
        XCTAssertEqual(made, 0, "openssl req")
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["timeout", "60", "python3", "-c", """
            import socket, ssl, sys
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ctx.load_cert_chain(sys.argv[1], sys.argv[2])
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            s.listen(4)
            print(s.getsockname()[1], flush=True)
            conn, _ = s.accept()
            try:
                tls = ctx.wrap_socket(conn, server_side=True)
                print("handshake completed; the client then sent", len(tls.recv(1024)), "bytes", flush=True)
            except Exception as e:
                print("handshake failed:", type(e).__name__, flush=True)
            """, cert, key]
        let out = Pipe()
        server.standardOutput = out
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { if server.isRunning { server.terminate() }; server.waitUntilExit() }
        let reader = out.fileHandleForReading
        var line = Data()
        while let byte = try reader.read(upToCount: 1), !byte.isEmpty, byte != Data([0x0A]) { line.append(byte) }
        let port = try XCTUnwrap(Int(String(decoding: line, as: UTF8.self)), "the server's port")

        let repo = try Repository.bare(at: folder.appendingPathComponent("mirror.git").path)
        XCTAssertThrowsError(try repo.fetch(url: "https://127.0.0.1:\(port)/centre.git", refspecs: ["+refs/heads/main:refs/incoming/main"])) { error in
            let git = error as? GitError
            XCTAssertEqual(git?.code, GIT_ECERTIFICATE.rawValue, "\(error)")
        }
        server.waitUntilExit()
        let said = String(decoding: reader.readDataToEndOfFile(), as: UTF8.self)
        // libgit2 completes the handshake, judges the certificate, and hangs up without a request.
        XCTAssertTrue(said.contains("handshake completed; the client then sent 0 bytes"), said)

        let after = casebook_tls_deferral()
        XCTAssertEqual(after.pending, 0, "the first TLS session read the bundle")
        let eager = casebook_tls_bundle_certificates(bundle)
        XCTAssertGreaterThan(eager, 0, bundle)
        XCTAssertEqual(after.certificates, eager, "the chain holds what libgit2's own parse of \(bundle) held")
    }
}
