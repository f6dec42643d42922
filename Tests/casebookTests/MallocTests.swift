import Foundation
import Testing

/// The Makefile's builds link jemalloc in place of glibc's malloc (scripts/jemalloc-object.sh)
/// and the tests run on that binary. `make test` says which it linked (`CASEBOOK_MALLOC`); a plain
/// `swift test` says nothing and links glibc's.
@Suite struct MallocTests {
    /// The binary allocates from jemalloc exactly when the build says it linked it: jemalloc reads
    /// `MALLOC_CONF` and prints its statistics at exit; and glibc's own allocations (a locale, the
    /// environment, a pipe's buffers, a spawned git's output) are freed in the same heap, so a
    /// command that uses them all runs through.
    @Test func theAllocatorIsTheOneTheBuildLinked() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let linked = ProcessInfo.processInfo.environment["CASEBOOK_MALLOC"] ?? "glibc"
        let o = try box.run(Sandbox.binary, ["--version"], env: ["MALLOC_CONF": "stats_print:true"])
        #expect(o.status == 0, "\(o.stderr)")
        #expect(o.stderr.contains("Begin jemalloc statistics") == (linked == "jemalloc"), "linked: \(linked); stderr: \(o.stderr.prefix(200))")
        let exported = try box.run("nm", ["-D", "--defined-only", Sandbox.binary])
        #expect(exported.stdout.split(separator: "\n").contains { $0.hasSuffix(" T malloc") } == (linked == "jemalloc"))
        try box.makeRepository()
        let listed = try box.run(Sandbox.binary, ["list"], in: box.repo, env: ["LANG": "zh_CN.UTF-8", "MALLOC_CONF": "junk:true"])
        #expect(listed.status == 0, "\(listed.stderr)")
    }
}
