import Foundation
import Testing

/// `casebook archive` seals a month in a signed annotated tag that stock git verifies and whose
/// manifest is the month's records; `casebook retention` lists what is past the retention period.
@Suite struct ArchiveTests {
    @Test func monthlyArchiveIsASignedTagWhoseManifestIsTheMonthsRecords() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        let key = box.root.appendingPathComponent("xu_ed25519").path
        #expect(try box.run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "xu.zl", "-f", key], in: box.root.path).status == 0)
        try box.ok(["staff", "add", "xu.zl", "--name", "徐助理", "--email", "xu.zl@cuihu.example", "--role", "cs-assistant",
                    "--department", "customer-service", "--key", key + ".pub", "--as", "zhou.jl"], now: "2026-11-01T08:00:00+08:00")
        func open(_ summary: String, at: String) throws -> String {
            try box.ok(["open", "--as", "li.na", "--kind", "repair", "--repair-size", "small", "--channel", "walk-in",
                        "--unit", "5-1-302", "--reporter", "陈先生", "--phone", "13987654321", "--summary", summary], now: at)
        }
        let a = try open("厨房水龙头漏水", at: "2026-11-20T10:00:00+08:00")
        let b = try open("门禁卡失灵", at: "2026-11-28T15:00:00+08:00")
        try box.ok(["dispatch", a, "--department", "engineering", "--as", "li.na"], now: "2026-11-20T10:05:00+08:00")
        let december = try open("车库灯不亮", at: "2026-12-01T09:00:00+08:00")
        let signing = ["CASEBOOK_SIGNING_KEY": key]

        // Not before the month is over, not by a receptionist.
        var o = try box.cb(["archive", "--month", "2026-12", "--as", "xu.zl"], now: "2026-12-03T09:00:00+08:00", env: signing)
        #expect(o.status == 1 && o.stderr.contains("[rule archive-month; 002 篇2 §4.2]"), "\(o.stderr)")
        o = try box.cb(["archive", "--month", "2026-11", "--as", "li.na"], now: "2026-12-03T09:00:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("[rule archive-role; 002 篇2 §4.2]"), "\(o.stderr)")
        #expect(try box.git(["tag", "-l"]).isEmpty)

        let made = try box.ok(["archive", "--month", "2026-11", "--as", "xu.zl"], now: "2026-12-03T09:00:00+08:00", env: signing)
        #expect(made.hasPrefix("archive/2026-11: 2 cases, tag "))
        // Stock git verifies the tag with the allowed-signers file casebook writes.
        let signers = box.root.appendingPathComponent("allowed_signers").path
        try Data((try box.ok(["keys", "allowed-signers"]) + "\n").utf8).write(to: URL(fileURLWithPath: signers))
        let verify = try box.run("git", ["-c", "gpg.ssh.allowedSignersFile=\(signers)", "tag", "-v", "archive/2026-11"])
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stderr.contains("Good \"git\" signature for xu.zl@cuihu.example"))
        #expect(try box.git(["for-each-ref", "--format=%(taggeremail) %(taggerdate:iso-strict)", "refs/tags/archive/2026-11"])
            == "<xu.zl@cuihu.example> 2026-12-03T09:00:00+08:00\n")

        // The manifest lists exactly the month's case files as they are at the tagged commit.
        let message = try box.git(["cat-file", "tag", "archive/2026-11"])
        let listed = message.split(separator: "\n").filter { $0.hasPrefix("C-") }.map { $0.split(separator: " ").map(String.init) }
        let tree = try box.git(["ls-tree", "-r", "archive/2026-11^{commit}", "records/cases/2026/11/"]).split(separator: "\n")
            .map { line -> [String] in
                let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                return [String((fields[3] as NSString).lastPathComponent.dropLast(5)), fields[2]]
            }
        #expect(listed.map { Array($0.prefix(2)) } == tree)
        #expect(listed.map(\.[0]) == [a, b].sorted())
        #expect(listed.map(\.[2]) == listed.map { $0[0] == a ? "in-progress" : "open" })
        #expect(!message.contains(december))
        #expect(message.contains("cases received: 2 (repair 2)"))
        #expect(message.contains("kept until: 2028-12 (2 years; 002 篇2 §4.2)"))
        #expect(!message.contains("13987654321") && !message.contains("陈先生"))

        // An archive is never replaced.
        o = try box.cb(["archive", "--month", "2026-11", "--as", "xu.zl"], now: "2026-12-05T09:00:00+08:00", env: signing)
        #expect(o.status == 1 && o.stderr.contains("[rule archive-fixed; 002 篇2 §4.2]"), "\(o.stderr)")

        // Retention: nothing yet; two years after November, November is listed with its archive.
        #expect(try box.ok(["retention"], now: "2027-06-01T09:00:00+08:00") == "no records past the retention period (2 years)")
        let due = try box.ok(["retention"], now: "2028-12-02T09:00:00+08:00")
        #expect(due.hasPrefix("2026-11\t2 cases\tkept until 2028-12-01\tarchive/2026-11 "), "\(due)")
        #expect(!due.contains("2026-12"))
    }
}
