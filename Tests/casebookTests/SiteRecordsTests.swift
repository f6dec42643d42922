import Foundation
import GitStore
import Testing

/// The site's records (`.casebook-records/` in the output folder): a rebuild takes a case as the last
/// build kept it only while its file, its commits and its clock-dependent facts are the same, and
/// whatever happened since — a step, the clock passing a deadline or set back, a commit undone by
/// another, a history rewritten, records damaged or left by an older build — the folder it leaves
/// is what a full build into an empty folder writes at the same clock.
@Suite struct SiteRecordsTests {
    /// Builds `out` at `now`, then a fresh site at the same clock, and compares them.
    /// - Returns: the rebuild's counts (kept, clock, read) and how many files it wrote.
    @discardableResult
    static func rebuild(_ box: Sandbox, _ out: URL, now: String, _ label: String)
        throws -> (kept: Int, clock: Int, read: Int, written: Int, groups: Int, reportsMade: [String]) {
        let o = try box.cb(["site", "--out", out.path], now: now, env: ["CASEBOOK_SUMMARY_STATS": "1"])
        #expect(o.status == 0, "\(label): \(o.stderr)")
        let fresh = box.root.appendingPathComponent("fresh-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: fresh) }
        #expect(try box.cb(["site", "--out", fresh.path], now: now).status == 0)
        let (a, b) = (try SiteTests.files(under: out), try SiteTests.files(under: fresh))
        #expect(a.keys.sorted() == b.keys.sorted(), "\(label)")
        // A page kept from an earlier build says when that build made it: the one line that differs.
        func made(_ data: Data?) -> String {
            SiteTests.text(data).split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("生成时间") }.joined(separator: "\n")
        }
        for path in a.keys.sorted() where a[path] != b[path] && (!path.hasPrefix("cases/") || made(a[path]) != made(b[path])) {
            Issue.record("\(label): \(path) differs from a full build")
        }
        func count(_ word: String) -> Int {
            guard let line = o.stderr.split(separator: "\n").first(where: { $0.hasPrefix("site: ") }),
                  let part = line.split(separator: ",").first(where: { $0.hasSuffix(" " + word) }) else { return -1 }
            return Int(part.split(separator: " ").compactMap { Int($0) }.first ?? -1)
        }
        let written = Int(o.stdout.split(separator: "(").last?.prefix { $0.isNumber } ?? "") ?? -1
        // The months whose report page was made again (`-`: none), as the stats line names them.
        let made = o.stderr.split(separator: "\n").first { $0.hasPrefix("site: reports made: ") }
            .map { $0.dropFirst("site: reports made: ".count).split(separator: " ").map(String.init).filter { $0 != "-" } } ?? ["?"]
        return (count("kept"), count("clock"), count("read"), written, count("groups"), made)
    }

    @Test func aRebuildIsAFullBuildWhateverHappenedSince() throws {
        let (box, complaint, repair) = try SiteTests.prepared()
        defer { box.remove() }
        let out = box.root.appendingPathComponent("public")
        let t1 = "2026-11-20T09:30:00+08:00"
        // Nothing kept yet: every case read.
        var r = try SiteRecordsTests.rebuild(box, out, now: t1, "first build")
        #expect((r.kept, r.read) == (0, 2))
        // Nothing changed: nothing read, nothing written.
        r = try SiteRecordsTests.rebuild(box, out, now: t1, "same clock")
        #expect((r.kept, r.clock, r.read, r.written, r.groups) == (2, 0, 0, 0, 0))
        // A page removed by hand and another put beside the pages: the folder is no longer as the
        // last build left it (it is then listed, not trusted): the page is made again from its
        // case file, the stray one removed.
        let page = out.appendingPathComponent("cases/\(repair).html")
        let whole = try Data(contentsOf: page)
        try FileManager.default.removeItem(at: page)
        r = try SiteRecordsTests.rebuild(box, out, now: t1, "a page removed by hand")
        #expect((r.kept, r.clock, r.read, r.written) == (1, 1, 0, 1))
        #expect(try Data(contentsOf: page) == whole)
        let stray = out.appendingPathComponent("cases/C-20261101-A01-9999.html")
        try Data("<html></html>".utf8).write(to: stray)
        r = try SiteRecordsTests.rebuild(box, out, now: t1, "a page put by hand")
        #expect(!FileManager.default.fileExists(atPath: stray.path))
        // One step on the complaint: only it is read again; the closed repair is taken as kept.
        try box.ok(["note", complaint, "已约业主今晚查看", "--as", "li.na"], now: "2026-11-20T09:40:00+08:00")
        r = try SiteRecordsTests.rebuild(box, out, now: "2026-11-20T09:45:00+08:00", "after a step")
        #expect((r.kept, r.clock, r.read, r.groups) == (1, 0, 1, 1))
        // The clock passes the complaint's hour to report it (002 篇5 §5.2.2): the open complaint is
        // read again for its standing, the closed repair is not.
        r = try SiteRecordsTests.rebuild(box, out, now: "2026-11-20T17:00:00+08:00", "past a deadline")
        #expect((r.kept, r.clock, r.read) == (1, 1, 0))
        #expect(SiteTests.text(try Data(contentsOf: out.appendingPathComponent("overdue.html"))).contains(complaint))
        // The clock set back before the last build: what was overdue is read again.
        r = try SiteRecordsTests.rebuild(box, out, now: t1, "clock set back")
        #expect(r.kept + r.clock + r.read == 2 && r.clock >= 1)
        // A step undone by another commit: the file is as the last build saw it, its commits are not.
        try box.ok(["note", complaint, "业主要求改约明天", "--as", "li.na"], now: "2026-11-20T09:50:00+08:00")
        r = try SiteRecordsTests.rebuild(box, out, now: t1, "a second note")
        _ = try box.git(["-c", "core.hooksPath=/dev/null", "revert", "--no-edit", "HEAD"])
        r = try SiteRecordsTests.rebuild(box, out, now: t1, "the note reverted")
        #expect(r.read >= 1)
        // The history rewritten under the site: the last build's commit is no longer HEAD's past.
        _ = try box.git(["reset", "-q", "--hard", "HEAD~3"])
        r = try SiteRecordsTests.rebuild(box, out, now: t1, "history rewritten")
        #expect((r.kept, r.read) == (0, 2))
        // A case file removed by a commit made by hand: its page, its rows and its entry go; the
        // other case of its group is taken as kept.
        _ = try box.git(["-c", "core.hooksPath=/dev/null", "rm", "-q", casePath(repair)])
        _ = try box.git(["-c", "core.hooksPath=/dev/null", "commit", "-q", "-m", "a case removed by hand"])
        r = try SiteRecordsTests.rebuild(box, out, now: t1, "a case removed")
        #expect((r.kept, r.read) == (1, 0))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("cases/\(repair).html").path))
        #expect(!SiteTests.text(try Data(contentsOf: out.appendingPathComponent("cases.csv"))).contains(repair))
    }

    /// A first build writes its pages in place (no temporary name, no rename): stopped half way,
    /// it leaves a page cut short and no index of its records, and the next build makes every
    /// page again, as a full build into an empty folder does.
    @Test func aFirstBuildStoppedHalfWayIsMadeWholeByTheNext() throws {
        let (box, _, repair) = try SiteTests.prepared()
        defer { box.remove() }
        let out = box.root.appendingPathComponent("public")
        let t1 = "2026-11-20T09:30:00+08:00"
        #expect(try box.cb(["site", "--out", out.path], now: t1).status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("cases").path)
        #expect(!names.isEmpty && names.allSatisfy { $0.hasSuffix(".html") && !$0.hasPrefix(".") }, "\(names)")
        // What a build stopped while writing leaves: the index removed before the first page, a page cut.
        try FileManager.default.removeItem(at: out.appendingPathComponent(".casebook-records/index"))
        let page = out.appendingPathComponent("cases/\(repair).html")
        let whole = try Data(contentsOf: page)
        try whole.prefix(whole.count / 2).write(to: page)
        let r = try SiteRecordsTests.rebuild(box, out, now: t1, "after a first build stopped half way")
        #expect((r.kept, r.read) == (0, 2))
        #expect(try Data(contentsOf: page) == whole)
    }

    @Test func damagedOrForeignRecordsMakeAFullBuild() throws {
        let (box, complaint, _) = try SiteTests.prepared()
        defer { box.remove() }
        let out = box.root.appendingPathComponent("public"), records = out.appendingPathComponent(".casebook-records/index")
        let now = "2026-11-20T17:00:00+08:00"
        try SiteRecordsTests.rebuild(box, out, now: now, "first build")
        let whole = try Data(contentsOf: records)
        var flipped = whole
        flipped[whole.count - 3] ^= 0x40
        let damages: [(String, Data)] = [
            ("empty", Data()), ("cut short", whole.prefix(whole.count / 2)), ("one byte changed", flipped),
            ("another format", Data("casebook-site 2\n".utf8) + whole.dropFirst(16)), ("JSON", Data("{}".utf8)),
        ]
        for (label, data) in damages {
            try data.write(to: records)
            let r = try SiteRecordsTests.rebuild(box, out, now: now, label)
            #expect((r.kept, r.read) == (0, 2), "\(label)")
            // Written again whole, and used by the next build.
            #expect(try SiteRecordsTests.rebuild(box, out, now: now, label + ", again").kept == 2)
        }
        // The stamps damaged, gone, or left by another folder's build: not believed (the pages
        // listed, the parts read and checked); nothing read again, and written anew.
        let stamps = out.appendingPathComponent(".casebook-records/stamps")
        let elsewhere = box.root.appendingPathComponent("elsewhere")
        try SiteRecordsTests.rebuild(box, elsewhere, now: now, "another folder")
        for (label, data) in [("stamps damaged", Data("casebook-site-stamps 1\n".utf8)), ("stamps gone", nil),
                              ("stamps of another folder", try Data(contentsOf: elsewhere.appendingPathComponent(".casebook-records/stamps")))] {
            if let data { try data.write(to: stamps) } else { try FileManager.default.removeItem(at: stamps) }
            let r = try SiteRecordsTests.rebuild(box, out, now: now, label)
            #expect((r.kept, r.read, r.groups) == (2, 0, 0), "\(label)")
            #expect(FileManager.default.fileExists(atPath: stamps.path), "\(label)")
        }
        // A group's part of a feed damaged or gone: the group's cases read again (its records keep
        // each case's rows as their place in the parts), the part made again as it was. Its records
        // damaged or gone: nothing needs them while nothing in the group changes; once a case in it
        // changes, every case of the group is read again.
        let folder = out.appendingPathComponent(".casebook-records")
        let group = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".cases") }).dropLast(6)
        for (file, label) in [("\(group).json", "a group's part of cases.json"), ("\(group).csv", "a group's part of cases.csv")] {
            let url = folder.appendingPathComponent(file)
            let data = try Data(contentsOf: url)
            for damaged in [data.prefix(data.count - 1) + Data([data.last! ^ 0x01]), nil] {
                if let damaged { try damaged.write(to: url) } else { try FileManager.default.removeItem(at: url) }
                let r = try SiteRecordsTests.rebuild(box, out, now: now, label + (damaged == nil ? " removed" : " damaged"))
                #expect((r.kept, r.read) == (0, 2), "\(label): \(r)")
                #expect(try Data(contentsOf: url) == data, "\(label) made again")
                #expect(try SiteRecordsTests.rebuild(box, out, now: now, label + ", again").kept == 2)
            }
        }
        let cases = folder.appendingPathComponent("\(group).cases")
        for (n, damaged) in [Data("casebook-site-group 2\n".utf8), nil].enumerated() {
            if let damaged { try damaged.write(to: cases) } else { try FileManager.default.removeItem(at: cases) }
            #expect(try SiteRecordsTests.rebuild(box, out, now: now, "a group's records damaged").kept == 2)
            try box.ok(["note", complaint, "第\(n + 1)次回电", "--as", "li.na"], now: now)
            let r = try SiteRecordsTests.rebuild(box, out, now: now, "a step after a group's records were damaged")
            #expect((r.kept, r.read) == (0, 2), "\(r)")
            #expect(try SiteRecordsTests.rebuild(box, out, now: now, "and again").kept == 2)
        }
        // Another language is another render key: every page made again.
        let en = try box.cb(["site", "--out", out.path, "--lang", "en"], now: now, env: ["CASEBOOK_SUMMARY_STATS": "1"])
        #expect(en.stderr.contains("site: 0 kept, 0 clock, 2 read"), "\(en.stderr)")
    }

    /// A month's report page is made again only when something it shows changed: a case it counts
    /// or compares, the clock past one of their deadlines, its records gone or damaged; otherwise it
    /// is taken as the last build made it (and not written when its bytes are the same). Each
    /// rebuild is compared with a full build at the same clock.
    @Test func aMonthsReportIsMadeAgainOnlyWhenItsMonthChanged() throws {
        let (box, complaint, _) = try SiteTests.prepared()
        defer { box.remove() }
        // A closed repair in October: its month's report has nothing left to fall due.
        let october = try box.ok(["open", "--as", "li.na", "--kind", "repair", "--repair-size", "small", "--channel", "walk-in",
                                  "--unit", "6-1-502", "--reporter", "张华", "--phone", "15522224444", "--summary", "阳台地漏堵塞"],
                                 now: "2026-10-15T10:00:00+08:00")
        try box.ok(["dispatch", october, "--department", "engineering", "--assignee", "zhao.gong", "--as", "li.na"], now: "2026-10-15T10:05:00+08:00")
        try box.ok(["resolve", october, "--result", "疏通地漏", "--customer-confirmed", "--rating", "5", "--as", "zhao.gong"], now: "2026-10-15T11:00:00+08:00")
        try box.ok(["close", october, "--as", "chen.jie"], now: "2026-10-15T11:30:00+08:00")
        let out = box.root.appendingPathComponent("public")
        let t1 = "2026-11-20T09:45:00+08:00"
        let octoberPage = out.appendingPathComponent("reports/2026-10.html")
        func inode() throws -> Int { try #require(try FileManager.default.attributesOfItem(atPath: octoberPage.path)[.systemFileNumber] as? Int) }
        var r = try SiteRecordsTests.rebuild(box, out, now: t1, "first build")
        #expect(r.reportsMade == ["2026-10", "2026-11"])
        let first = try inode()
        r = try SiteRecordsTests.rebuild(box, out, now: t1, "same clock")
        #expect(r.reportsMade == [] && r.written == 0, "\(r)")
        // A step on November's complaint: November's page made again, October's taken and not rewritten.
        try box.ok(["note", complaint, "已约业主今晚查看", "--as", "li.na"], now: "2026-11-20T09:40:00+08:00")
        r = try SiteRecordsTests.rebuild(box, out, now: t1, "after a step")
        #expect(r.reportsMade == ["2026-11"], "\(r)")
        #expect(try inode() == first, "October's report rewritten")
        // The clock past the complaint's deadline: November's figures made again; October's page
        // taken (rewritten only for the minute it shows).
        r = try SiteRecordsTests.rebuild(box, out, now: "2026-11-20T17:00:00+08:00", "past a deadline")
        #expect(r.reportsMade == ["2026-11"], "\(r)")
        // A review signed off: no report shows it. No case changed either: `cases.json` is the same
        // file with the new clock in its frame (written over in place), `cases.csv` not written.
        let feeds = try ["cases.json", "cases.csv"].map { try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent($0).path) }
        try box.ok(["review", "daily", "--date", "2026-11-20", "--opinion", "已审核", "--as", "wang.zg"], now: "2026-11-20T17:30:00+08:00")
        r = try SiteRecordsTests.rebuild(box, out, now: "2026-11-20T17:30:00+08:00", "after a review")
        #expect(r.reportsMade == [], "\(r)")
        let after = try ["cases.json", "cases.csv"].map { try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent($0).path) }
        #expect(after[0][.systemFileNumber] as? Int == feeds[0][.systemFileNumber] as? Int, "cases.json replaced")
        #expect(after[1][.modificationDate] as? Date == feeds[1][.modificationDate] as? Date, "cases.csv written")
        #expect(SiteTests.text(try Data(contentsOf: out.appendingPathComponent("cases.json"))).contains("2026-11-20T17:30:00+08:00"))
        // The clock set back before November's page was made: it is made again; October's, made at
        // that minute, still holds.
        r = try SiteRecordsTests.rebuild(box, out, now: t1, "clock set back")
        #expect(r.reportsMade == ["2026-11"], "\(r)")
        // The kept pages damaged or gone: every page made again, then kept again. The kept review
        // sign-offs damaged or gone: each review file read again (the overdue page is as a full build's).
        for (name, made) in [("reports", ["2026-10", "2026-11"]), ("reviews", [])] {
            let kept = out.appendingPathComponent(".casebook-records/" + name)
            let whole = try Data(contentsOf: kept)
            var flipped = whole
            flipped[whole.count - 3] ^= 0x40
            for (label, data) in [("empty", Data()), ("cut short", whole.prefix(whole.count / 2)), ("one byte changed", flipped), ("removed", nil)] {
                if let data { try data.write(to: kept) } else { try FileManager.default.removeItem(at: kept) }
                r = try SiteRecordsTests.rebuild(box, out, now: t1, "kept \(name) " + label)
                #expect(r.reportsMade == made, "\(name) \(label): \(r)")
                #expect(try Data(contentsOf: kept) == whole, "\(name) \(label): written again")
                #expect(try SiteRecordsTests.rebuild(box, out, now: t1, label + ", again").reportsMade == [], "\(label)")
            }
        }
    }

    /// A folder an older build wrote (its list in `.casebook-site.json`): the files it names that
    /// are no longer made are removed, and the list with them.
    @Test func theListOfAnOlderBuildIsReadOnceAndRemoved() throws {
        let (box, _, _) = try SiteTests.prepared()
        defer { box.remove() }
        let out = box.root.appendingPathComponent("public")
        let now = "2026-11-20T17:00:00+08:00"
        try SiteRecordsTests.rebuild(box, out, now: now, "first build")
        try FileManager.default.createDirectory(at: out.appendingPathComponent("reports"), withIntermediateDirectories: true)
        try Data("old".utf8).write(to: out.appendingPathComponent("reports/2020-01.html"))
        try Data(#"{"format":"casebook-site 2","files":{"reports/2020-01.html":"x","index.html":"y"},"verdicts":{}}"#.utf8)
            .write(to: out.appendingPathComponent(".casebook-site.json"))
        try FileManager.default.removeItem(at: out.appendingPathComponent(".casebook-records"))
        try SiteRecordsTests.rebuild(box, out, now: now, "after an older build")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("reports/2020-01.html").path))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent(".casebook-site.json").path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("index.html").path))
    }

    /// A folder the single-file records wrote (`.casebook-site`, format 3): the files its list
    /// names that are no longer made are removed, and the file with them.
    @Test func theSingleFileOfAnEarlierBuildIsReadOnceAndRemoved() throws {
        let (box, _, _) = try SiteTests.prepared()
        defer { box.remove() }
        let out = box.root.appendingPathComponent("public")
        let now = "2026-11-20T17:00:00+08:00"
        try SiteRecordsTests.rebuild(box, out, now: now, "first build")
        try Data("old".utf8).write(to: out.appendingPathComponent("reports/2020-02.html"))
        // Its frame (CacheFile) around the key, the commit and the list of files; its cases follow.
        var body = Data()
        func string(_ text: String) {
            let bytes = Array(text.utf8)
            body.append(contentsOf: withUnsafeBytes(of: UInt32(bytes.count).littleEndian, Array.init))
            body.append(contentsOf: bytes)
        }
        string("key")
        body.append(contentsOf: withUnsafeBytes(of: UInt32.max, Array.init))  // no commit
        body.append(contentsOf: withUnsafeBytes(of: UInt32(1).littleEndian, Array.init))
        string("reports/2020-02.html")
        string("digest")
        body.append(contentsOf: withUnsafeBytes(of: UInt32(0).littleEndian, Array.init))
        try SiteRecordsTests.sealed(body, format: "casebook-site 3").write(to: out.appendingPathComponent(".casebook-site"))
        try FileManager.default.removeItem(at: out.appendingPathComponent(".casebook-records"))
        try SiteRecordsTests.rebuild(box, out, now: now, "after a single-file build")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("reports/2020-02.html").path))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent(".casebook-site").path))
    }

    /// `body` in the frame `CacheFile` gives it, as the binary the tests run would write it.
    static func sealed(_ body: Data, format: String) throws -> Data {
        var st = stat()
        guard stat(Sandbox.binary, &st) == 0 else { throw CocoaError(.fileReadNoSuchFile) }
        var out = Data("\(format)\nbuild \(st.st_size) \(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)\n".utf8)
        out.append(contentsOf: withUnsafeBytes(of: body.withUnsafeBytes { Checksum.of($0) }.littleEndian, Array.init))
        return out + body
    }
}
