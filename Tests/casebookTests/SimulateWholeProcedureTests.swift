import Foundation
import Testing

/// The demo plays the whole procedure as a well-run centre would (issue 22): reviews, archives,
/// quality checks, special requests, registers and late entries as well as requests, and the
/// dashboard's overdue page shows only the slips the simulation chose.
@Suite struct SimulateWholeProcedureTests {
    @Test func theOverduePageShowsOnlyTheSimulationsSlips() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let dir = box.root.appendingPathComponent("sim").path
        let end = "2026-10-16T17:00:00+08:00"
        let o = try box.run(Sandbox.binary, ["simulate", "--out", dir, "--months", "2", "--seed", "11", "--cases-per-day", "6",
                                             "--start", "2026-09", "--until", end])
        #expect(o.status == 0, "\(o.stderr)")
        // The simulator's own tally of what it let slip.
        let slips = try #require(o.stdout.split(separator: "\n").first { $0.hasPrefix("slips: ") }.map(String.init))
        func number(before words: String) -> Int {
            guard let r = slips.range(of: " " + words) else { return -1 }
            return Int(slips[..<r.lowerBound].split(separator: " ").last ?? "") ?? -1
        }
        let overdue = number(before: "overdue deadlines"), unplanned = number(before: "unplanned")
        let missed = number(before: "daily reviews missed")
        #expect(unplanned == 0, "\(slips)")
        #expect(number(before: "reviews,") > 0 && number(before: "archives") >= 1 && number(before: "late entries,") > 0, "\(slips)")

        let site = box.root.appendingPathComponent("site")
        try box.ok(["site", "--repo", dir, "--out", site.path, "--now", end])
        let page = try String(contentsOf: site.appendingPathComponent("overdue.html"), encoding: .utf8)
        let rows = page.components(separatedBy: "<tr data-case=\"").count - 1
        let missing = page.components(separatedBy: "<tr data-oversight=\"").count - 1
        #expect(rows == overdue, "overdue page: \(rows) rows, simulator: \(slips)")
        #expect(missing == missed, "missing reviews: \(missing), simulator: \(slips)")
        #expect(!page.contains("data-oversight=\"archive"), "an archive is missing")

        // Every kind of record is there at least once.
        let cases = try box.run("/bin/sh", ["-c", "find records/cases -name '*.json' -exec cat {} +"], in: dir).stdout
        for kind in ["nonconformity", "judicial", "emergency", "repair", "complaint"] {
            #expect(cases.contains("\"kind\" : \"\(kind)\""), "no \(kind)")
        }
        for marker in ["\"action\" : \"verify\"", "\"action\" : \"checklist\"", "\"officerBadge\"", "\"powerOfAttorney\"", "\"lateReason\""] {
            #expect(cases.contains(marker), "no \(marker)")
        }
        let files = try box.run("git", ["ls-files", "records/registers", "records/reviews"], in: dir).stdout
        for folder in ["records/registers/key-owners/", "records/registers/empty-nest/", "records/reviews/daily/", "records/reviews/weekly/", "records/reviews/records/"] {
            #expect(files.contains(folder), "no \(folder)")
        }
        #expect(try box.run("git", ["tag", "-l", "archive/*"], in: dir).stdout.contains("archive/2026-09"))
        // All of it is a history the hooks accept, every commit signed by its author.
        #expect(try box.run(Sandbox.binary, ["check", "--range", "main", "--repo", dir]).status == 0)
        #expect(try box.run(Sandbox.binary, ["verify", "--repo", dir]).status == 0)
    }
}
