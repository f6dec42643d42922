import Foundation
import Testing

/// Commits signed with the staff member's SSH key verify with stock git.
@Suite struct SigningTests {
    @Test func signedStepsVerifyWithStockGit() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        let key = box.root.appendingPathComponent("li.na_ed25519").path
        #expect(try box.run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "li.na", "-f", key], in: box.root.path).status == 0)
        try box.ok(["staff", "add", "li.xiao", "--name", "李晓", "--email", "li.xiao@cuihu.example", "--role", "receptionist",
                    "--key", key + ".pub", "--as", "zhou.jl"])
        let id = try box.ok(["open", "--as", "li.xiao", "--kind", "inquiry", "--channel", "letter", "--reporter", "周女士",
                             "--summary", "咨询车位续租"], env: ["CASEBOOK_SIGNING_KEY": key])
        let pub = try String(contentsOfFile: key + ".pub", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let signers = box.root.appendingPathComponent("allowed_signers").path
        try "li.xiao@cuihu.example namespaces=\"git\" \(pub)\n".write(toFile: signers, atomically: false, encoding: .utf8)
        let verify = try box.run("git", ["-c", "gpg.format=ssh", "-c", "gpg.ssh.allowedSignersFile=\(signers)", "verify-commit", "HEAD"])
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stderr.contains("Good \"git\" signature for li.xiao@cuihu.example"))
        #expect(try box.ok(["log", id]).hasSuffix("\topen\tsigned"))
        // The signed commit is otherwise an ordinary casebook commit.
        #expect(try box.git(["log", "-1", "--format=%an <%ae>"]).hasPrefix("李晓 <li.xiao@cuihu.example>"))

        // A key that is not the one registered for the actor is refused before anything is written.
        let other = box.root.appendingPathComponent("other_ed25519").path
        #expect(try box.run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", other], in: box.root.path).status == 0)
        let before = try box.snapshot()
        let o = try box.cb(["note", id, "已回复", "--as", "li.xiao"], env: ["CASEBOOK_SIGNING_KEY": other])
        #expect(o.status == 1)
        #expect(o.stderr.contains("is not the key registered for li.xiao"))
        #expect(try box.snapshot() == before)

        // The same key used by hand with stock git: the dashboard's timeline tells the two apart.
        let path = try box.git(["ls-files", "records/cases"]).split(separator: "\n").map(String.init).first { $0.contains(id) } ?? ""
        let script = "import json,sys\np=sys.argv[1]\nd=json.load(open(p))\ne={'at':'2026-11-22T09:40:00+08:00','by':'li.xiao','action':'note','text':'已回复'}\n"
            + "d['events'].append(e)\nd['state']['updatedAt']=e['at']\nopen(p,'w').write(json.dumps(d,ensure_ascii=False,indent=2,sort_keys=True))"
        #expect(try box.run("python3", ["-c", script, box.repo + "/" + path]).status == 0)
        // The pre-commit hook refuses it (li.xiao has a registered key and git is set to sign with
        // another); committed past the hook, it is on the record with the signature it has.
        let args = ["-c", "user.name=李晓", "-c", "user.email=li.xiao@cuihu.example", "-c", "gpg.format=ssh",
                    "-c", "user.signingkey=\(other)", "commit", "-q", "-S", "-am", "回复"]
        let hook = ["CASEBOOK_BIN": Sandbox.binary, "CASEBOOK_NOW": "2026-11-22T09:45:00+08:00"]
        let refused = try box.run("git", args, env: hook)
        #expect(refused.status != 0 && refused.stderr.contains("rule signed-commit"), "\(refused.stderr)")
        let hand = try box.run("git", args + ["--no-verify"], env: hook)
        #expect(hand.status == 0, "\(hand.stderr)")
        let out = box.root.appendingPathComponent("public")
        #expect(try box.cb(["site", "--out", out.path], now: "2026-11-22T10:00:00+08:00").status == 0)
        let page = try String(contentsOf: out.appendingPathComponent("cases/\(id).html"), encoding: .utf8)
        #expect(SiteTests.values("data-signature", in: page) == ["good", "not-registered"])
        #expect(page.contains("签名有效") && page.contains("非登记密钥"))

        // Built again after another case changed, that case's page is kept, and what the build
        // knew of its signatures still counts: the overview and the report are those of a
        // full build into an empty folder.
        try box.ok(["open", "--as", "li.xiao", "--kind", "inquiry", "--channel", "letter", "--reporter", "吴先生", "--summary", "咨询快递柜"],
                   now: "2026-11-22T09:50:00+08:00", env: ["CASEBOOK_SIGNING_KEY": key])
        let again = try box.cb(["site", "--out", out.path], now: "2026-11-22T10:00:00+08:00")
        #expect(again.status == 0, "\(again.stderr)")
        let fresh = box.root.appendingPathComponent("fresh")
        #expect(try box.cb(["site", "--out", fresh.path], now: "2026-11-22T10:00:00+08:00").status == 0)
        #expect(try SiteTests.files(under: out) == SiteTests.files(under: fresh))
        let overview = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(overview.contains("data-figure=\"unsigned\"") && !overview.contains("<b>0</b>未签名步骤"))
    }
}
