import Foundation
import Testing
@testable import CaseModel

/// Late entries 补录 (002 篇1 §4.2): a step entered with `--at` long before the moment it is
/// recorded is refused without a reason; with one it keeps both times, and `show`, the case page,
/// the monthly report and the daily review say so. A hand-made late step without the mark is
/// refused by the hooks at the time of the commit or of the push.
@Suite struct LateEntryTests {
    static let paper = "纸质记录补录 13812345678"

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func lateEntriesAreRefusedWithoutAReasonAndMarkedWithOne() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        let later = "2026-11-18T10:00:00+08:00"

        // A repair on time: opened and resolved as it happens.
        let onTime = try box.ok(["open", "--as", "li.na", "--kind", "repair", "--repair-size", "small", "--channel", "phone",
                                 "--reporter", "陈先生", "--summary", "水龙头滴水"], now: "2026-11-17T09:00:00+08:00")
        try box.ok(["resolve", onTime, "--result", "已更换阀芯", "--as", "zhao.gong"], now: "2026-11-17T11:00:00+08:00")

        // The paper form of a repair of the 10th, entered eight days later without a reason: refused.
        let before = try box.snapshot()
        let open = ["open", "--as", "li.na", "--kind", "repair", "--repair-size", "small", "--channel", "phone", "--unit", "3-2-1801",
                    "--reporter", "王女士", "--phone", "13812345678", "--summary", "楼道灯不亮", "--at", "2026-11-10T09:00"]
        let refused = try box.cb(open, now: later)
        #expect(refused.status != 0)
        let lines = refused.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(refused.stderr)")
        #expect(refused.stderr.contains("[rule late-entry; 002 篇1 §4.2]"), "\(refused.stderr)")
        #expect(try box.snapshot() == before, "a refused step writes nothing")

        // With a reason: recorded, with both times.
        let id = try box.ok(open + ["--late-reason", LateEntryTests.paper], now: later)
        try box.ok(["note", id, "已派电工", "--as", "li.na", "--at", "2026-11-10T10:00", "--late-reason", "纸质记录补录"], now: "2026-11-18T10:02:00+08:00")
        try box.ok(["resolve", id, "--result", "已更换灯具", "--as", "zhao.gong", "--at", "2026-11-10T14:00", "--late-reason", "纸质维修单补录"],
                   now: "2026-11-18T10:05:00+08:00")
        // A step within the grace is not marked, reason or not.
        try box.ok(["note", id, "已告知业主", "--as", "li.na", "--at", "2026-11-18T09:30", "--late-reason", "不需要"], now: "2026-11-18T10:10:00+08:00")

        let file = try json(try box.ok(["show", id, "--json"]))
        let events = try #require(file["events"] as? [[String: Any]])
        #expect(events.map { $0["recordedAt"] as? String } == ["2026-11-18T10:00:00+08:00", "2026-11-18T10:02:00+08:00", "2026-11-18T10:05:00+08:00", nil])
        #expect(events[0]["at"] as? String == "2026-11-10T09:00:00+08:00")
        #expect(events[2]["lateReason"] as? String == "纸质维修单补录")
        // The reason is free text: a mobile number in it is masked before it is recorded.
        #expect(events[0]["lateReason"] as? String == "纸质记录补录 138****5678")
        let raw = try String(contentsOfFile: box.repo + "/\(casePath(id))", encoding: .utf8)
        #expect(!raw.contains("13812345678"))
        let schema = try box.run("python3", [Sandbox.projectRoot.appendingPathComponent("Tests/schema/validate.py").path,
                                             box.repo + "/\(casePath(id))"])
        #expect(schema.status == 0, "\(schema.stdout)\(schema.stderr)")
        // The direct reader knows the two fields: the file is read without JSONDecoder, to the same value.
        let bytes = Data(raw.utf8)
        let direct = CaseFileReader.read(bytes)
        #expect(direct != nil)
        #expect(direct == (try? JSONDecoder().decode(CaseFile.self, from: bytes)))
        #expect(direct?.events[2].recordedAt?.description == "2026-11-18T10:05:00+08:00")
        let shown = try box.ok(["show", id])
        #expect(shown.contains("[late entry: recorded 2026-11-18T10:05:00+08:00, reason: 纸质维修单补录]"), "\(shown)")
        let zh = try box.ok(["show", id], env: ["LANG": "zh_CN.UTF-8"])
        #expect(zh.contains("补录：2026-11-18T10:05:00+08:00 登记，原因：纸质维修单补录"), "\(zh)")

        // The monthly report: per person, and the on-time rate as stated and as recorded.
        let report = try json(try box.ok(["report", "--month", "2026-11", "--json"], now: "2026-11-30T18:00:00+08:00"))
        let total = try #require(report["total"] as? [String: Any])
        #expect(total["cases"] as? Int == 2)
        #expect(total["onTime"] as? Int == 2)
        #expect(total["onTimeAsRecorded"] as? Int == 1)
        #expect(total["lateEntries"] as? Int == 3)
        let people = try #require(report["lateEntries"] as? [[String: Any]])
        #expect(people.map { "\($0["by"] ?? "")=\($0["count"] ?? "")" } == ["li.na=2", "zhao.gong=1"])
        let text = try box.ok(["report", "--month", "2026-11"], now: "2026-11-30T18:00:00+08:00")
        #expect(text.contains("100.0%\t50.0%\t3"), "\(text)")

        // The dashboard: the case page and its printed form mark the late entries; the month's
        // page gives both rates and the count per person; the resident stays masked.
        let out = box.root.appendingPathComponent("public")
        #expect(try box.cb(["site", "--out", out.path], now: "2026-11-30T18:00:00+08:00").status == 0)
        let page = try String(contentsOf: out.appendingPathComponent("cases/\(id).html"), encoding: .utf8)
        #expect(page.components(separatedBy: "data-late-entry=\"true\"").count - 1 == 3)
        #expect(page.contains("补录：2026-11-18 10:05 登记，原因：纸质维修单补录"), "\(page)")
        #expect(page.contains("已派电工 （补录：2026-11-18 10:02 登记"), "the printed form marks it too")
        #expect(page.contains("按时完成 2026-11-10 14:00 · 补录：2026-11-18 10:05 登记"), "a deadline met by a late entry says so")
        #expect(!page.contains("13812345678"))
        let month = try String(contentsOf: out.appendingPathComponent("reports/2026-11.html"), encoding: .utf8)
        #expect(month.contains("<tr data-rate=\"stated\"><th>处理及时率（按事件时间）</th><td class=\"num\">100.0%</td></tr>"), "\(month)")
        #expect(month.contains("<tr data-rate=\"recorded\"><th>处理及时率（按登记时间）</th><td class=\"num\">50.0%</td></tr>"))
        #expect(month.contains("<tr data-person=\"li.na\"><td>李娜</td><td class=\"num\">2</td></tr>"))
        #expect(month.contains("<tr data-person=\"zhao.gong\"><td>赵工</td><td class=\"num\">1</td></tr>"))

        // The supervisor's daily review of the 18th lists the day's late entries.
        let review = try box.ok(["review", "daily", "--date", "2026-11-18", "--opinion", "已审核", "--as", "wang.zg"], now: "2026-11-18T18:00:00+08:00")
        let reviewLines = review.split(separator: "\n").map(String.init)
        #expect(reviewLines.first == "records/reviews/daily/2026-11-18.json\t0 cases")
        #expect(reviewLines.dropFirst().first == "3 late entries recorded that day:", "\(review)")
        #expect(reviewLines.filter { $0.contains(id) && $0.contains("late entry") }.count == 3)
        #expect(reviewLines.contains { $0.contains("events[2]") && $0.contains("2026-11-10T14:00:00+08:00") && $0.contains("2026-11-18T10:05:00+08:00") })
        #expect(!review.contains(onTime))
    }

    @Test func hooksRefuseAHandMadeLateStepWithoutTheMark() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        let id = try box.ok(["open", "--as", "li.na", "--kind", "complaint", "--severity", "minor", "--channel", "phone", "--unit", "3-2-1801",
                             "--reporter", "王女士", "--phone", "13812345678", "--summary", "楼道灯不亮"], now: "2026-11-18T09:00:00+08:00")
        let path = "\(casePath(id))"
        let base = try box.git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        func append(_ event: String) throws {
            let script = "import json,sys\np=sys.argv[1]\nd=json.load(open(p))\ne=json.loads(sys.argv[2])\nd['events'].append(e)\nd['state']['updatedAt']=e['at']\n"
                + "open(p,'w').write(json.dumps(d,ensure_ascii=False,indent=2,sort_keys=True))"
            #expect(try box.run("python3", ["-c", script, box.repo + "/" + path, event]).status == 0)
            try box.git(["add", path])
        }
        let li = ["GIT_AUTHOR_NAME": "李娜", "GIT_AUTHOR_EMAIL": "li.na@cuihu.example", "GIT_COMMITTER_NAME": "李娜",
                  "GIT_COMMITTER_EMAIL": "li.na@cuihu.example", "CASEBOOK_BIN": Sandbox.binary]
        let note = #"{"at":"2026-11-18T09:30:00+08:00","by":"li.na","action":"note","text":"已联系电工"}"#

        // pre-commit (check --staged) judges against the commit's clock: a day later it is late.
        try append(note)
        let late = try box.run("git", ["commit", "-q", "-m", "跟进"], env: li.merging(["CASEBOOK_NOW": "2026-11-19T09:30:00+08:00"]) { $1 })
        #expect(late.status != 0)
        #expect(late.stderr.contains("[rule late-entry; 002 篇1 §4.2]"), "\(late.stderr)")
        #expect(try box.git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines) == base)

        // Committed without the hook (and with a commit date of the desk's choosing), the server's
        // check --range judges against the push time, which no desk controls.
        let desk = li.merging(["GIT_COMMITTER_DATE": "2026-11-18T09:31:00+08:00"]) { $1 }
        #expect(try box.run("git", ["commit", "-q", "--no-verify", "-m", "跟进"], env: desk).status == 0)
        let pushedLate = try box.cb(["check", "--range", "\(base)..HEAD"], now: "2026-11-19T09:30:00+08:00")
        #expect(pushedLate.status == 1)
        #expect(pushedLate.stderr.contains("[rule late-entry; 002 篇1 §4.2]"), "\(pushedLate.stderr)")
        // Pushed within the grace, the same commit passes; and the history, once received, is not
        // judged again by a re-check of it (each commit at its own time).
        #expect(try box.cb(["check", "--range", "\(base)..HEAD"], now: "2026-11-18T10:00:00+08:00").status == 0)
        #expect(try box.cb(["check", "--range", "HEAD"], now: "2026-12-30T10:00:00+08:00").status == 0)

        // Marked as a late entry, it passes at the later push time.
        try box.git(["reset", "-q", "--hard", base])
        try append(#"{"at":"2026-11-18T09:30:00+08:00","by":"li.na","action":"note","text":"已联系电工","recordedAt":"2026-11-19T09:00:00+08:00","lateReason":"纸质记录补录"}"#)
        #expect(try box.run("git", ["commit", "-q", "-m", "补录跟进"], env: li.merging(["CASEBOOK_NOW": "2026-11-19T09:05:00+08:00"]) { $1 }).status == 0)
        #expect(try box.cb(["check", "--range", "\(base)..HEAD"], now: "2026-11-19T09:30:00+08:00").status == 0)

        // A half mark (a reason without the recording time) is refused.
        try append(#"{"at":"2026-11-19T09:10:00+08:00","by":"li.na","action":"note","text":"再次跟进","lateReason":"补录"}"#)
        let half = try box.run("git", ["commit", "-q", "-m", "跟进"], env: li.merging(["CASEBOOK_NOW": "2026-11-19T09:15:00+08:00"]) { $1 })
        #expect(half.status != 0)
        #expect(half.stderr.contains("[rule late-entry; 002 篇1 §4.2]") || half.stderr.contains("[rule schema;"), "\(half.stderr)")
    }
}
