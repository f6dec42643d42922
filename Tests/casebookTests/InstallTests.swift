import Foundation
import Testing

/// `make install` and `make deb` with the build under test (FROM=the debug build: the release
/// build is `make release`'s, too slow for the suite): every file where it belongs, the installed
/// binary finds its defaults beside it, and the package installs into a scratch dpkg root, runs
/// and is removed without a trace (scripts/check-deb.sh).
@Suite(.serialized) struct InstallTests {
    /// The man page: `make man`'s when it was made, else a stand-in (the page itself is the plugin's).
    func manPage(_ box: Sandbox) throws -> String {
        let made = Sandbox.projectRoot.appendingPathComponent("man/casebook.1").path
        if FileManager.default.fileExists(atPath: made) { return made }
        let stub = box.root.appendingPathComponent("casebook.1").path
        try ".Dd December 2, 2026\n.Dt CASEBOOK 1\n.Os\n.Sh NAME\n.Nm casebook\n.Nd case procedures on git\n".write(toFile: stub, atomically: true, encoding: .utf8)
        return stub
    }

    var from: String { URL(fileURLWithPath: Sandbox.binary).resolvingSymlinksInPath().deletingLastPathComponent().path }

    @Test func makeInstallIntoAPrefix() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let dest = box.root.appendingPathComponent("dest").path
        let o = try box.run("make", ["-s", "-C", Sandbox.projectRoot.path, "install", "FROM=\(from)", "DESTDIR=\(dest)",
                                     "PREFIX=/opt/cb", "MAN=\(try manPage(box))"])
        #expect(o.status == 0, "\(o.stdout)\(o.stderr)")
        let root = dest + "/opt/cb"
        let fm = FileManager.default
        for path in ["bin/casebook", "lib/casebook/casebook", "lib/casebook/casebook_casebook.resources/Defaults/hooks/pre-receive",
                     "lib/casebook/casebook_casebook.resources/Defaults/hooks/post-receive", "share/man/man1/casebook.1.gz",
                     "share/bash-completion/completions/casebook", "share/zsh/vendor-completions/_casebook",
                     "share/fish/vendor_completions.d/casebook.fish", "share/casebook/host/systemd/casebook-sweep.service",
                     "share/casebook/host/systemd/casebook-sweep.timer", "share/casebook/host/cron", "share/casebook/host/nginx/casebook.conf",
                     "share/doc/casebook/host.md"] {
            #expect(fm.fileExists(atPath: "\(root)/\(path)"), "missing \(path)")
        }
        #expect(try fm.destinationOfSymbolicLink(atPath: root + "/bin/casebook") == "../lib/casebook/casebook")
        #expect(try box.run(root + "/bin/casebook", ["--version"]).stdout.hasPrefix("0."))
        // The installed binary writes a new repository from the defaults beside it.
        let made = try box.run(root + "/bin/casebook", ["init", box.root.appendingPathComponent("r").path, "--site", "测试"])
        #expect(made.status == 0, "\(made.stderr)")
        let bash = try String(contentsOfFile: root + "/share/bash-completion/completions/casebook", encoding: .utf8)
        #expect(!bash.hasPrefix("#!") && bash.contains("complete") && bash.contains("casebook"))
        #expect(try String(contentsOfFile: root + "/share/zsh/vendor-completions/_casebook", encoding: .utf8).hasPrefix("#compdef casebook"))
        let service = try String(contentsOfFile: root + "/share/casebook/host/systemd/casebook-sweep.service", encoding: .utf8)
        #expect(service.contains("ExecStart=/opt/cb/bin/casebook host sweep --work ${CASEBOOK_WORK}") && !service.contains("@BINDIR@"))
        #expect(service.contains("ExecStartPost=-/opt/cb/bin/casebook notify --repo ${CASEBOOK_WORK}"))
        #expect(try String(contentsOfFile: root + "/share/casebook/host/cron", encoding: .utf8).contains("/opt/cb/bin/casebook host sweep"))
    }

    @Test func makeDebInstallsAndRemovesCleanly() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/dpkg-deb") else {
            print("InstallTests: SKIPPED make deb: no dpkg-deb (not a Debian system)")
            return
        }
        let box = try Sandbox()
        defer { box.remove() }
        let out = box.root.appendingPathComponent("deb").path
        let o = try box.run("make", ["-s", "-C", Sandbox.projectRoot.path, "deb", "FROM=\(from)", "DEB_OUT=\(out)", "MAN=\(try manPage(box))"],
                             env: ["DEB_COMPRESS": "gzip"])
        #expect(o.status == 0, "\(o.stdout)\(o.stderr)")
        let deb = o.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(deb.hasSuffix(".deb") && FileManager.default.fileExists(atPath: deb), "\(o.stdout)")
        let info = try box.run("dpkg-deb", ["--field", deb, "Depends"]).stdout
        for dep in ["git", "openssh-client", "libc6"] { #expect(info.contains(dep), "Depends: \(info)") }
        // libgit2's package exactly where the binary loads libgit2 as a shared library (the Makefile's
        // builds link it in from the static archives where they are installed).
        let loadsLibgit2 = try box.run("readelf", ["--dynamic", from + "/casebook"]).stdout.contains("libgit2.so")
        #expect(info.contains("libgit2-1.5") == loadsLibgit2, "Depends: \(info)")
        // (lintian is for the release package: `make deb && scripts/check-deb.sh`; the debug build has a RUNPATH)
        let check = try box.run(Sandbox.projectRoot.appendingPathComponent("scripts/check-deb.sh").path, [deb], env: ["LINTIAN": "off"])
        #expect(check.status == 0 && check.stdout.contains("installs, runs and removes cleanly"), "\(check.stdout)\(check.stderr)")
    }
}
