import Foundation
import Testing

/// Head office reads centres of other locales side by side; its messages stay in the company's
/// language (`LANG` naming neither, so the locales decide): a refusal found in a centre reads in
/// head office's language, not in the centre's nor in whichever centre was read last.
@Suite(.serialized) struct CompanyLanguageTests {
    static let now = "2026-11-03T10:00:00+08:00"

    @Test func refusalsInTheCompanysLanguageWhateverTheCentres() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let env = ["LANG": "C.UTF-8", "CASEBOOK_NOW": Self.now]
        let centres = box.root.appendingPathComponent("centres")
        try FileManager.default.createDirectory(at: centres, withIntermediateDirectories: true)
        for n in 1...2 {
            let o = try box.run(Sandbox.binary, ["simulate", "--out", centres.appendingPathComponent("c\(n)").path, "--months", "1",
                                                 "--seed", "\(n + 40)", "--cases-per-day", "2", "--start", "2026-10"], env: env)
            #expect(o.status == 0, "\(o.stderr)")
        }
        let c1 = centres.appendingPathComponent("c1").path, c2 = centres.appendingPathComponent("c2").path
        // Centre 2 works in English: its manager's signed change of records/casebook.json.
        let settings = c2 + "/records/casebook.json"
        try String(contentsOfFile: settings, encoding: .utf8).replacingOccurrences(of: "\"locale\" : \"zh-Hans\"", with: "\"locale\" : \"en\"")
            .write(toFile: settings, atomically: true, encoding: .utf8)
        let signed = try box.run("git", ["-c", "gpg.format=ssh", "-c", "user.signingkey=\(c2)/.git/casebook/keys/zhou.jl", "-c", "user.name=周经理",
                                         "-c", "user.email=zhou.jl@cuihu.example", "commit", "-q", "-S", "--no-verify", "-am", "settings: English desk"], in: c2)
        #expect(signed.status == 0, "\(signed.stderr)")
        // Centre 1 (Chinese) gets a commit made by hand, unsigned: refused when fetched.
        let file = try #require(try box.run("git", ["ls-files", "records/cases"], in: c1).stdout.split(separator: "\n").first { $0.hasSuffix(".json") })
        let script = "import json,sys\np=sys.argv[1]\nd=json.load(open(p))\nd['events'][0]['intake']['summary']='改过的记录'\n"
            + "open(p,'w').write(json.dumps(d,ensure_ascii=False,indent=2,sort_keys=True))"
        #expect(try box.run("python3", ["-c", script, c1 + "/" + file]).status == 0)

        /// A company of `locale` over both centres; its first fetch's output.
        func company(_ locale: String) throws -> Outcome {
            let path = box.root.appendingPathComponent("company-\(locale)").path
            #expect(try box.run(Sandbox.binary, ["company", "init", path, "--name", "测试物业公司", "--locale", locale], env: env).status == 0)
            let key = box.root.appendingPathComponent("key-\(locale)").path
            #expect(try box.run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "wang.gm", "-f", key]).status == 0)
            let signing = env.merging(["CASEBOOK_SIGNING_KEY": key]) { $1 }
            #expect(try box.run(Sandbox.binary, ["company", "staff", "add", "wang.gm", "--name", "王总", "--email", "wang@co.example", "--role", "general-manager",
                                                 "--key", key + ".pub", "--company", path], env: signing).status == 0)
            for n in 1...2 {
                let o = try box.run(Sandbox.binary, ["company", "add", "CH0\(n)", "--name", "第\(n)服务中心", "--url", centres.appendingPathComponent("c\(n)").path,
                                                     "--as", "wang.gm", "--company", path], env: signing)
                #expect(o.status == 0, "\(o.stderr)")
            }
            return try box.run(Sandbox.binary, ["company", "fetch", "--company", path], env: env)
        }
        func isChinese(_ line: Substring) -> Bool { line.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }

        // A Chinese company: both centres' histories verified side by side, the English one among them.
        #expect(try box.run("git", ["-c", "user.name=李娜", "-c", "user.email=li.na@cuihu.example", "commit", "-q", "--no-verify", "-am", "改"], in: c1).status == 0)
        let zh = try company("zh-Hans")
        #expect(zh.status == 1)
        let zhLines = zh.stdout.split(separator: "\n")
        #expect(zhLines.count == 2, "\(zh.stdout)")
        let refusedZh = try #require(zhLines.first { $0.hasPrefix("CH01") })
        #expect(refusedZh.contains("验证未通过") && refusedZh.contains("未签名") && !refusedZh.contains("unsigned"), "\(refusedZh)")
        #expect(zhLines.contains { $0.hasPrefix("CH02：已验证并接收") }, "\(zh.stdout)")

        // An English company: the refusal found in the Chinese centre reads in English.
        let en = try company("en")
        #expect(en.status == 1)
        let refusedEn = try #require(en.stdout.split(separator: "\n").first { $0.hasPrefix("CH01") })
        #expect(refusedEn.contains(" refused: ") && refusedEn.contains("is unsigned") && !isChinese(refusedEn), "\(refusedEn)")
        #expect(en.stdout.contains("CH02: verified and accepted"), "\(en.stdout)")
    }
}
