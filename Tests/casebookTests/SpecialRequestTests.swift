import Foundation
import Testing

/// Special requests (001 §5.6.5–5.6.9): emergencies follow their checklists before they are
/// resolved or closed; judicial requests need the accompanying officer, or a lawyer's documents
/// and a manager's approval before anything is released.
@Suite struct SpecialRequestTests {
    func emergency(_ box: Sandbox, _ type: String) throws -> String {
        try box.ok(["open", "--as", "li.na", "--kind", "emergency", "--emergency", type, "--channel", "phone", "--unit", "5-1-302",
                    "--reporter", "张先生", "--phone", "13900001111", "--summary", "老人在家晕倒"], now: "2026-11-22T20:00:00+08:00")
    }

    @Test func a120EmergencyIsResolvedOnlyWithItsChecklist() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        let id = try emergency(box, "120")
        let before = try box.snapshot()
        var o = try box.cb(["resolve", id, "--result", "已送医", "--as", "li.na"], now: "2026-11-22T20:30:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("checklist item 'called-120' recorded first [rule checklist; 001 §5.6.6.1]"), "\(o.stderr)")
        o = try box.cb(["checklist", id, "--item", "called-110", "--as", "li.na"], now: "2026-11-22T20:01:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("is not an item of the 120 checklist"), "\(o.stderr)")
        o = try box.cb(["checklist", id, "--item", "hospital", "--as", "li.na"], now: "2026-11-22T20:01:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("[rule checklist; 001 §5.6.6.4]"), "the hospital needs its name: \(o.stderr)")
        #expect(try box.snapshot() == before)

        try box.ok(["checklist", id, "--item", "called-120", "--as", "li.na"], now: "2026-11-22T20:01:00+08:00")
        #expect(try box.git(["log", "-1", "--format=%an|%s"]).hasPrefix("李娜|"))
        try box.ok(["checklist", id, "--item", "security-meets-ambulance", "--as", "li.na"], now: "2026-11-22T20:02:00+08:00")
        o = try box.cb(["resolve", id, "--result", "已送医", "--as", "li.na"], now: "2026-11-22T20:30:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("'hospital' recorded first [rule checklist; 001 §5.6.6.4]"), "\(o.stderr)")
        try box.ok(["checklist", id, "--item", "hospital", "--value", "市第一人民医院（人民路12号）", "--as", "li.na"], now: "2026-11-22T20:25:00+08:00")
        try box.ok(["checklist", id, "--item", "relatives-told", "--as", "li.na"], now: "2026-11-22T20:26:00+08:00")
        try box.ok(["resolve", id, "--result", "已协助送医", "--as", "li.na"], now: "2026-11-22T20:30:00+08:00")
        let show = try box.ok(["show", id])
        #expect(show.contains("hospital                  done 2026-11-22T20:25:00+08:00 by li.na: 市第一人民医院（人民路12号）"), "\(show)")
        let out = box.root.appendingPathComponent("public")
        #expect(try box.cb(["site", "--out", out.path], now: "2026-11-22T21:00:00+08:00").status == 0)
        let page = try String(contentsOf: out.appendingPathComponent("cases/\(id).html"), encoding: .utf8)
        #expect(page.contains("<dt>送往医院</dt><dd>2026-11-22 20:25 李娜 · 市第一人民医院（人民路12号） [001 §5.6.6.4]</dd>"), "\(page)")
        #expect(!page.contains("13900001111"))
        #expect(try box.cb(["check", "--range", "HEAD~5..HEAD"]).status == 0)
        let schema = try box.run("python3", [SchemaTests.validator, "--all", box.repo])
        #expect(schema.status == 0, "\(schema.stdout)\(schema.stderr)")
    }

    @Test func a110EmergencyIsNotClosedWithoutItsChecklist() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        let id = try emergency(box, "110")
        // Referred to the police, it is still not closed before the checklist is complete.
        try box.ok(["refer", id, "--to", "辖区派出所", "--as", "li.na"], now: "2026-11-22T20:10:00+08:00")
        try box.ok(["checklist", id, "--item", "scene-guarded", "--as", "li.na"], now: "2026-11-22T20:11:00+08:00")
        let o = try box.cb(["close", id, "--as", "chen.jie"], now: "2026-11-22T21:00:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("'emergency-plan' recorded first [rule checklist; 001 §5.6.8.1]"), "\(o.stderr)")
        try box.ok(["checklist", id, "--item", "emergency-plan", "--as", "li.na"], now: "2026-11-22T20:12:00+08:00")
        try box.ok(["checklist", id, "--item", "called-110", "--as", "li.na"], now: "2026-11-22T20:13:00+08:00")
        try box.ok(["close", id, "--as", "chen.jie"], now: "2026-11-22T21:00:00+08:00")
        #expect(try box.git(["log", "-1", "--format=%an"]).hasPrefix("陈洁"))
    }

    @Test func judicialRequestsNeedTheOfficerOrTheLawyersDocumentsAndApproval() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        let before = try box.snapshot()
        func judicial(_ extra: [String]) throws -> Outcome {
            try box.cb(["open", "--as", "li.na", "--kind", "judicial", "--channel", "walk-in", "--reporter", "王警官", "--summary", "调取3-2-1801业主资料"] + extra,
                       now: "2026-11-22T10:00:00+08:00")
        }
        var o = try judicial(["--requester", "police", "--officer", "王强"])
        #expect(o.status == 1, "no badge number")
        #expect(o.stderr == "Error: C-20261122-T01-0001: events[0] (open): a request by the police for owner data needs the accompanying officer's name and badge "
                + "number in place of the receiver; missing --badge [rule judicial; 001 §5.6.5.1–5.6.5.2]\n", "\(o.stderr)")
        o = try judicial([])
        #expect(o.status == 1 && o.stderr.contains("[rule judicial; 001 §5.6.5]"), "\(o.stderr)")
        o = try judicial(["--requester", "lawyer", "--letter", "介绍信2026-118"])
        #expect(o.status == 1 && o.stderr.contains("missing --licence, --power-of-attorney [rule judicial; 001 §5.6.5.3]"), "\(o.stderr)")
        #expect(try box.snapshot() == before)

        let police = try #require(try judicial(["--requester", "police", "--officer", "王强", "--badge", "031245"]).stdout.split(separator: "\n").first)
        #expect(try box.ok(["show", String(police)]).contains("officer 王强, badge 031245 (signs as receiver)"))

        let lawyer = try judicial(["--requester", "lawyer", "--letter", "介绍信2026-118", "--licence", "11101201910123456", "--power-of-attorney", "委托书-77",
                                   "--client", "owner"]).stdout.trimmingCharacters(in: .newlines)
        let held = try box.snapshot()
        o = try box.cb(["resolve", lawyer, "--result", "已提供业主资料", "--as", "he.zr"], now: "2026-11-22T11:00:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("nothing is released to a lawyer before a manager approves the request"), "\(o.stderr)")
        o = try box.cb(["approve", lawyer, "--as", "wang.zg"], now: "2026-11-22T11:00:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("[rule role; 001 §5.6.5.3]"), "\(o.stderr)")
        o = try box.cb(["approve", String(police), "--as", "zhou.jl"], now: "2026-11-22T11:00:00+08:00")
        #expect(o.status == 1 && o.stderr.contains("only a lawyer's request"), "\(o.stderr)")
        #expect(try box.snapshot() == held)
        try box.ok(["approve", lawyer, "--notes", "委托人为业主本人，由主任接待", "--as", "zhou.jl"], now: "2026-11-22T11:00:00+08:00")
        #expect(try box.git(["log", "-1", "--format=%an"]).hasPrefix("周经理"))
        try box.ok(["resolve", lawyer, "--result", "已提供业主资料", "--as", "he.zr"], now: "2026-11-22T11:30:00+08:00")
        let schema = try box.run("python3", [SchemaTests.validator, "--all", box.repo])
        #expect(schema.status == 0, "\(schema.stdout)\(schema.stderr)")
    }
}
