import Foundation
import Testing

/// The company site's kept figures (`.git/casebook/company-figures/`) are a cache, never a source
/// of truth: the site is byte for byte the same with them warm, cold and damaged, at another
/// moment, and after one centre changed, when only that centre is read again and only the pages
/// whose figures changed are written. `company fetch` keeps each mirror's case summaries at the
/// commit it accepted (a cache too: the site is the same without them), and `company check` its
/// signature verdicts.
@Suite(.serialized) struct CompanySiteCacheTests {
    static let now1 = "2026-11-03T10:00:00+08:00"

    @Test func sameSiteWithWarmColdAndDamagedFigures() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let centres = box.root.appendingPathComponent("centres")
        try FileManager.default.createDirectory(at: centres, withIntermediateDirectories: true)
        for n in 1...3 {
            let o = try box.run(Sandbox.binary, ["simulate", "--out", centres.appendingPathComponent("c\(n)").path, "--months", "1",
                                                 "--seed", "\(n + 20)", "--cases-per-day", "3", "--start", "2026-10"])
            #expect(o.status == 0, "\(o.stderr)")
        }
        let company = box.root.appendingPathComponent("company").path
        func co(_ args: [String], now: String, env: [String: String] = [:]) throws -> Outcome {
            try box.run(Sandbox.binary, ["company"] + args + ["--company", company], env: ["CASEBOOK_NOW": now, "CASEBOOK_SUMMARY_STATS": "1"].merging(env) { $1 })
        }
        #expect(try box.run(Sandbox.binary, ["company", "init", company, "--name", "测试物业公司"], env: ["CASEBOOK_NOW": Self.now1]).status == 0)
        let key = box.root.appendingPathComponent("key-wang.gm").path
        #expect(try box.run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "wang.gm", "-f", key]).status == 0)
        #expect(try co(["staff", "add", "wang.gm", "--name", "王总", "--email", "wang@co.example", "--role", "general-manager", "--key", key + ".pub"],
                       now: Self.now1).status == 0)
        for n in 1...3 {
            let o = try co(["add", "CH0\(n)", "--name", "第\(n)服务中心", "--url", centres.appendingPathComponent("c\(n)").path, "--as", "wang.gm"],
                           now: Self.now1, env: ["CASEBOOK_SIGNING_KEY": key])
            #expect(o.status == 0, "\(o.stderr)")
        }
        let fetched = try co(["fetch"], now: Self.now1)
        #expect(fetched.status == 0, "\(fetched.stdout)\(fetched.stderr)")
        // In the list's order, though fetched side by side.
        let lines = fetched.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3 && (0..<3).allSatisfy { lines[$0].hasPrefix("CH0\($0 + 1): ") }, "\(fetched.stdout)")

        let figures = company + "/.git/casebook/company-figures"
        func summaries(_ code: String) -> String { company + "/.git/casebook/centres/\(code).git/casebook/summaries" }
        // The fetch kept each mirror's summaries at the commit it accepted.
        for n in 1...3 { #expect(FileManager.default.fileExists(atPath: summaries("CH0\(n)")), "CH0\(n)") }
        func site(_ name: String, now: String = CompanySiteCacheTests.now1, cold: Bool = false,
                  coldSummaries: Bool = false) throws -> (files: [String: Data], stats: String, stdout: String, read: [String]) {
            if cold { try? FileManager.default.removeItem(atPath: figures) }
            if coldSummaries { for n in 1...3 { try? FileManager.default.removeItem(atPath: summaries("CH0\(n)")) } }
            let out = box.root.appendingPathComponent(name).path
            let o = try co(["site", "--out", out, "--month", "2026-10", "--lang", "en"], now: now)
            #expect(o.status == 0, "\(o.stderr)")
            // Lines for each centre read: how many case summaries its mirror's cache held, how many files were read.
            let read = o.stderr.split(separator: "\n").filter { $0.hasPrefix("summaries:") }.map(String.init)
            return (try Self.files(out), o.stderr.split(separator: "\n").first { $0.hasPrefix("company figures:") }.map(String.init) ?? "", o.stdout, read)
        }
        let cold = try site("cold", cold: true)
        #expect(cold.stats == "company figures: 0 kept, 3 read: CH01 CH02 CH03", "\(cold.stats)")
        // Right after the first fetch, no case file is read again: every summary is kept.
        #expect(!cold.read.isEmpty && cold.read.allSatisfy { $0.hasSuffix(" kept, 0 read") && !$0.hasPrefix("summaries: 0 kept") }, "\(cold.read)")
        // And the same site as from nothing kept at all (no figures, no summaries), and from damaged summaries.
        let nothing = try site("nothing", cold: true, coldSummaries: true)
        func readAll(_ lines: [String]) -> Int { lines.filter { $0.hasPrefix("summaries: 0 kept, ") && !$0.hasSuffix(" 0 read") }.count }
        #expect(readAll(nothing.read) == 3, "\(nothing.read)")
        #expect(nothing.files == cold.files)
        for n in 1...3 {
            var data = try Data(contentsOf: URL(fileURLWithPath: summaries("CH0\(n)")))
            if n == 1 { data = data.prefix(data.count / 2) } else { data[data.count - 30] ^= 0x01 }
            try data.write(to: URL(fileURLWithPath: summaries("CH0\(n)")))
        }
        let damagedSummaries = try site("damaged-summaries", cold: true)
        #expect(readAll(damagedSummaries.read) == 3, "\(damagedSummaries.read)")
        #expect(damagedSummaries.files == cold.files)
        #expect(cold.files.count > 5)
        let warm = try site("warm")
        #expect(warm.stats == "company figures: 3 kept, 0 read", "\(warm.stats)")
        #expect(warm.files == cold.files)
        // Damaged three ways: cut short, a byte changed, another build's header.
        let kept = try FileManager.default.contentsOfDirectory(atPath: figures).sorted()
        #expect(kept == ["CH01.2026-10", "CH02.2026-10", "CH03.2026-10"], "\(kept)")
        let first = try Data(contentsOf: URL(fileURLWithPath: figures + "/" + kept[0]))
        try first.prefix(first.count / 2).write(to: URL(fileURLWithPath: figures + "/" + kept[0]))
        var second = try Data(contentsOf: URL(fileURLWithPath: figures + "/" + kept[1]))
        second[second.count - 40] ^= 0x01
        try second.write(to: URL(fileURLWithPath: figures + "/" + kept[1]))
        let third = try String(contentsOfFile: figures + "/" + kept[2], encoding: .isoLatin1)
        try third.replacingOccurrences(of: "build ", with: "build 1").write(toFile: figures + "/" + kept[2], atomically: true, encoding: .isoLatin1)
        let damaged = try site("damaged")
        #expect(damaged.stats == "company figures: 0 kept, 3 read: CH01 CH02 CH03", "\(damaged.stats)")
        #expect(damaged.files == cold.files)
        // Nothing changed: nothing written again.
        let again = try site("damaged")
        #expect(again.stdout.contains("(\(cold.files.count) files, 0 written)"), "\(again.stdout)")

        // Later the same day, the next day and weeks later: what is kept is used only while it holds.
        for later in ["2026-11-03T16:30:00+08:00", "2026-11-04T09:00:00+08:00", "2026-11-20T17:00:00+08:00"] {
            _ = try site("warm-\(later)", now: CompanySiteCacheTests.now1)
            let warmLater = try site("warm-\(later)", now: later)
            let coldLater = try site("cold-\(later)", now: later, cold: true)
            #expect(warmLater.files == coldLater.files, "at \(later) (\(warmLater.stats))")
        }

        // One centre changes: a real signed step at CH02, fetched; only CH02 is read again, only its
        // figures change, and only the files whose figures changed are written again.
        let now2 = "2026-11-03T11:00:00+08:00"
        let before = try site("site", now: now2)
        let c2 = centres.appendingPathComponent("c2").path
        let open = try box.run(Sandbox.binary, ["list", "--open", "--json", "--repo", c2])
        let cases = try #require(try JSONSerialization.jsonObject(with: Data(open.stdout.utf8)) as? [[String: Any]])
        let id = try #require(cases.first?["id"] as? String)
        let note = try box.run(Sandbox.binary, ["note", id, "已电话联系业主", "--as", "li.na", "--repo", c2],
                               env: ["CASEBOOK_NOW": "2026-11-03T10:30:00+08:00", "CASEBOOK_SIGNING_KEY": c2 + "/.git/casebook/keys/li.na"])
        #expect(note.status == 0, "\(note.stderr)")
        let untouched = try Data(contentsOf: URL(fileURLWithPath: summaries("CH01")))
        let untouchedDate = try FileManager.default.attributesOfItem(atPath: summaries("CH01"))[.modificationDate] as? Date
        let refetched = try co(["fetch"], now: now2, env: ["CASEBOOK_SIGNATURE_STATS": "1"])
        #expect(refetched.stdout.contains("CH02: verified and accepted") && refetched.stdout.contains("CH01: nothing new"), "\(refetched.stdout)")
        // Only CH02's new commit was verified (through its mirror's signature verdicts), and a centre
        // that brought nothing new did not touch its summaries.
        #expect(refetched.stderr.split(separator: "\n").filter { $0.hasPrefix("signatures:") } == ["signatures: 0 kept, 1 verified, 0 read whole"], "\(refetched.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: summaries("CH01"))) == untouched)
        #expect(try FileManager.default.attributesOfItem(atPath: summaries("CH01"))[.modificationDate] as? Date == untouchedDate)
        let after = try site("site", now: now2)
        #expect(after.stats == "company figures: 2 kept, 1 read: CH02", "\(after.stats)")
        // The fetch kept CH02's summaries at its new commit: the site read no case file.
        #expect(!after.read.isEmpty && after.read.allSatisfy { $0.hasSuffix(" kept, 0 read") }, "\(after.read)")
        let written = after.stdout.range(of: #"(\d+) written"#, options: .regularExpression).map { Int(after.stdout[$0].split(separator: " ")[0]) ?? -1 } ?? -1
        #expect(written > 0 && written < after.files.count, "\(after.stdout)")
        #expect(after.files["spot-checks.html"] == before.files["spot-checks.html"])
        func league(_ files: [String: Data]) throws -> [String: NSDictionary] {
            let json = try #require(try JSONSerialization.jsonObject(with: files["league.json"] ?? Data()) as? [String: Any])
            let entries = try #require(json["centres"] as? [[String: Any]])
            return Dictionary(uniqueKeysWithValues: entries.map { entry in
                var e = entry
                // Each report names the moment it was computed for; the same here.
                for period in ["month", "year"] {
                    if var r = e[period] as? [String: Any] { r["at"] = nil; e[period] = r }
                }
                return (entry["code"] as? String ?? "", e as NSDictionary)
            })
        }
        let (l1, l2) = (try league(before.files), try league(after.files))
        #expect(l1["CH01"] == l2["CH01"] && l1["CH03"] == l2["CH03"])
        #expect(l1["CH02"]?["commit"] as? String != l2["CH02"]?["commit"] as? String)
        // And the same as read from nothing.
        #expect(try site("after-cold", now: now2, cold: true).files == after.files)
        #expect(try site("after-nothing", now: now2, cold: true, coldSummaries: true).files == after.files)

        // `company check` keeps its signature verdicts too: checked again, no commit is verified again.
        func check() throws -> String {
            let o = try box.run(Sandbox.binary, ["company", "check", "--range", "HEAD", "--company", company], env: ["CASEBOOK_SIGNATURE_STATS": "1"])
            #expect(o.status == 0, "\(o.stderr)")
            return o.stderr.split(separator: "\n").first { $0.hasPrefix("signatures:") }.map(String.init) ?? ""
        }
        let checked = try check(), rechecked = try check()
        // "signatures: K kept, V verified, W read whole"
        let verified = checked.split(separator: ",").dropFirst().first.map { $0.split(separator: " ").first.map(String.init) ?? "" } ?? ""
        #expect(checked.hasPrefix("signatures: 0 kept, ") && checked.hasSuffix(" read whole") && verified != "0", "\(checked)")
        #expect(rechecked.hasPrefix("signatures: \(verified) kept, 0 verified, "), "\(rechecked)")
    }

    /// Every file under `dir` by its relative path.
    static func files(_ dir: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let root = URL(fileURLWithPath: dir)
        guard let walk = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return out }
        for case let url as URL in walk where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            out[String(url.path.dropFirst(root.path.count + 1))] = try Data(contentsOf: url)
        }
        return out
    }
}
