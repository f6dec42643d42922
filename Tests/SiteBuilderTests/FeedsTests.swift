import CaseModel
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import SiteBuilder
import Testing

/// `revisits.ics`, `overdue.atom`, `cases.csv`, `cases.json`.
@Suite struct FeedsTests {
    @Test func iCalendarStructure() throws {
        let raw = try #require(try fixtureSite()["revisits.ics"]).text
        // CRLF only, and every physical line at most 75 octets.
        #expect(!raw.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(!raw.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        #expect(raw.hasSuffix("END:VCALENDAR\r\n"))
        let physical = raw.components(separatedBy: "\r\n").dropLast()
        #expect(physical.allSatisfy { $0.utf8.count <= 75 })
        #expect(raw.contains("\r\n "), "long DESCRIPTION lines are folded")
        let lines = raw.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").dropLast()
        #expect(lines.first == "BEGIN:VCALENDAR" && lines.last == "END:VCALENDAR")
        #expect(lines.contains("VERSION:2.0") && lines.contains("PRODID:-//casebook//dashboard//ZH"))
        func values(_ name: String) -> [String] { lines.filter { $0.hasPrefix(name + ":") }.map { String($0.dropFirst(name.count + 1)) } }
        #expect(values("BEGIN") == ["VCALENDAR", "VEVENT", "VEVENT", "VEVENT"])
        #expect(values("END") == ["VEVENT", "VEVENT", "VEVENT", "VCALENDAR"])
        #expect(values("UID") == ["C-20261015-T01-0001-sample-2026-10@casebook", "C-20261115-T01-0001-revisit-1@casebook",
                                  "C-20261119-T01-0001-revisit-1@casebook"])
        #expect(values("DTSTAMP") == Array(repeating: "20261120T090000Z", count: 3))
        // The half hour before each revisit is due, in UTC.
        #expect(values("DTSTART") == ["20261105T090000Z", "20261118T013000Z", "20261122T073000Z"])
        #expect(values("DTEND") == ["20261105T093000Z", "20261118T020000Z", "20261122T080000Z"])
        // TEXT escaping: comma and semicolon in the matter.
        #expect(values("SUMMARY")[2] == "回访 C-20261119-T01-0001 垃圾桶未及时清运\\, 有异味\\; 请处理 2-3-601")
        #expect(values("DESCRIPTION")[1].hasPrefix("类别: 紧急求助\\n期限: 2026-11-18 10:00\\n回访人: 客服助理、客服主管\\n回访方式: 家访\\n"))
    }

    @Test func foldingNeverSplitsACharacter() {
        let line = "SUMMARY:" + String(repeating: "回访记录表", count: 20) + "abc"
        let folded = ICalendar.fold(line)
        let parts = folded.components(separatedBy: "\r\n")
        #expect(parts.count == 5)
        #expect(parts.allSatisfy { $0.utf8.count <= 75 })
        #expect(parts.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line)
        #expect(ICalendar.fold("SHORT:x") == "SHORT:x")
    }

    @Test func atomFeedIsWellFormedWithOneEntryPerLateCase() throws {
        let raw = try #require(try fixtureSite()["overdue.atom"]).text
        #expect(!raw.contains("<script>"))
        final class Collector: NSObject, XMLParserDelegate {
            var path: [String] = []
            var open: [Int] = []
            var texts: [(String, String)] = []
            var links: [String] = []
            var namespace = ""
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                if name == "feed" { namespace = attributes["xmlns"] ?? "" }
                if name == "link", path.last == "entry", let href = attributes["href"] { links.append(href) }
                path.append(name)
                open.append(texts.count)
                texts.append((path.joined(separator: "/"), ""))
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) {
                if let k = open.last { texts[k].1 += string }
            }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                path.removeLast()
                if let k = open.popLast() { texts[k].1 = texts[k].1.trimmingCharacters(in: .whitespacesAndNewlines) }
            }
        }
        let parser = XMLParser(data: Data(raw.utf8))
        let c = Collector()
        parser.delegate = c
        #expect(parser.parse(), "overdue.atom is not well-formed XML: \(String(describing: parser.parserError))")
        func text(_ path: String) -> [String] { c.texts.filter { $0.0 == path }.map(\.1) }
        #expect(c.namespace == "http://www.w3.org/2005/Atom")
        #expect(text("feed/id").count == 1 && text("feed/id")[0].hasPrefix("urn:casebook:"))
        #expect(text("feed/title") == ["测试服务中心 <&> · 超时案件"])
        #expect(text("feed/updated") == ["2026-11-20T09:00:00Z"])
        #expect(text("feed/author/name") == ["测试服务中心 <&>"])
        #expect(text("feed/entry/id").map { String($0.split(separator: ":").last ?? "") } == ["C-20261112-T01-0001", "C-20261118-T01-0001"])
        #expect(Set(text("feed/entry/id")).count == 2)
        #expect(text("feed/entry/updated") == ["2026-11-19T03:00:00Z", "2026-11-20T00:45:00Z"])
        #expect(text("feed/entry/title")[1] == "C-20261118-T01-0001 投诉（重大）: 电梯<script>alert('x')</script> & \"困人\" — 答复业主")
        #expect(c.links == ["cases/C-20261112-T01-0001.html", "cases/C-20261118-T01-0001.html"])
        #expect(text("feed/entry/summary")[0] == """
            处理完毕 · 超时起于 2026-11-15 11:00 · 001 §5.4.2 · 处理人 王志刚 (客服主管) · 按规定应由 经理
            逐级上报 · 超时起于 2026-11-19 11:00 · 002 篇1 §4.8, §3.3.2 · 处理人 王志刚 (客服主管) · 按规定应由 经理
            """)
    }

    @Test func csvHasBOMCRLFAndRFC4180Quoting() throws {
        let file = try #require(try fixtureSite()["cases.csv"])
        #expect(Array(file.content.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let rows = file.text.components(separatedBy: "\r\n")
        #expect(rows.count == 9 && rows.last == "")
        #expect(rows[0] == "编号,类别,等级,状态,责任部门,处理层级,处理人,房号,反映人,诉求方式,受理时间,事由,已超时的时限,关闭时间")
        #expect(rows[1] == "C-20261015-T01-0001,报修,小修,已关闭,工程部,前台,赵工,5-1-302,周** 177****7777,电话,2026-10-15 09:00,厨房水龙头漏水,,2026-10-15 12:00")
        #expect(rows.dropFirst().dropLast().map { String($0.prefix(19)) } == ["C-20261015-T01-0001", "C-20261103-T01-0001", "C-20261112-T01-0001",
                                                                            "C-20261115-T01-0001", "C-20261118-T01-0001", "C-20261119-T01-0001",
                                                                            "C-20261119-T01-0002"])
        // Quotes doubled inside a quoted field; a comma forces quotes; a formula is defused.
        #expect(rows[5].contains(",\"电梯<script>alert('x')</script> & \"\"困人\"\"\",答复业主,"))
        #expect(rows[6].contains(",\"垃圾桶未及时清运, 有异味; 请处理\","))
        #expect(rows[7].contains(",'=咨询车位续约办法,"))
        #expect(CSV.field("a\nb") == "\"a\nb\"" && CSV.field("plain") == "plain" && CSV.field("-1") == "'-1")
    }

    @Test func jsonSummariesAreMasked() throws {
        let file = try #require(try fixtureSite()["cases.json"])
        let root = try #require(try JSONSerialization.jsonObject(with: file.content) as? [String: Any])
        #expect(root["format"] as? String == "casebook.site-cases/1")
        #expect(root["generatedAt"] as? String == "2026-11-20T17:00:00+08:00")
        let cases = try #require(root["cases"] as? [[String: Any]])
        #expect(cases.compactMap { $0["id"] as? String }.count == 7)
        let major = try #require(cases.first { $0["id"] as? String == "C-20261118-T01-0001" })
        #expect(major["reporter"] as? [String: String] == ["name": "钱**", "phone": "139****4444"])
        #expect(major["overdue"] as? [String] == ["answer"])
        #expect(major["onTime"] as? Bool == false)
        #expect(major["page"] as? String == "cases/C-20261118-T01-0001.html")
        let deadlines = try #require(major["deadlines"] as? [[String: Any]])
        #expect(deadlines.compactMap { $0["standing"] as? String } == ["met", "overdue", "pending"])
    }
}
