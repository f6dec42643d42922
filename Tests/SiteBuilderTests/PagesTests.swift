import CaseModel
import Foundation
import SiteBuilder
import Testing

/// The pages at the fixed clock, in Chinese unless a test says otherwise.
@Suite struct PagesTests {
    @Test func everyPageAndFeedIsGenerated() throws {
        let site = try fixtureSite()
        #expect(site.map(\.path) == [
            "index.html", "open.html", "overdue.html", "revisits.html",
            "cases/C-20261015-T01-0001.html", "cases/C-20261103-T01-0001.html", "cases/C-20261112-T01-0001.html",
            "cases/C-20261115-T01-0001.html", "cases/C-20261118-T01-0001.html", "cases/C-20261119-T01-0001.html",
            "cases/C-20261119-T01-0002.html",
            "reports/2026-10.html", "reports/2026-11.html",
            "revisits.ics", "overdue.atom", "cases.csv", "cases.json",
            "assets/casebook.css", "assets/casebook.js",
        ])
    }

    @Test func overviewShowsWhatNeedsActionAndTheMonth() throws {
        let html = try #require(try fixtureSite()["index.html"]).text
        #expect(attributeValues("data-case", in: section(html, from: "<table class=\"overdue-steps\">", to: "</table>"))
                == ["C-20261112-T01-0001", "C-20261118-T01-0001"])
        #expect(attributeValues("data-case", in: section(html, from: "<table class=\"due-soon\">", to: "</table>")) == ["C-20261119-T01-0002"])
        #expect(attributeValues("data-case", in: section(html, from: "<table class=\"revisits-due\">", to: "</table>"))
                == ["C-20261015-T01-0001", "C-20261115-T01-0001"])
        let month = section(html, from: "<section class=\"month\">", to: "</section>")
        // Received in November: 6; on time: 4 of 6; revisited 1 of 3 resolved; satisfied 1 of 1.
        #expect(month.contains("<b>5</b>未结"))
        #expect(month.contains("<b>6</b>本月受理"))
        #expect(month.contains("<b>66.7%</b>处理及时率"))
        #expect(month.contains("<b>33.3%</b>回访率"))
        #expect(month.contains("<b>100.0%</b>满意率"))
        // Complaints must all be revisited (100 %); 1 of 2 resolved complaints was, so it shows red.
        #expect(month.contains("<tr><td>投诉</td><td class=\"num\">3</td><td class=\"num\">66.7%</td><td class=\"num late\">50.0%</td><td class=\"num\">100%</td><td class=\"num\">100.0%</td></tr>"))
        let counts = section(html, from: "<table class=\"by-level\">", to: "</table>")
        #expect(counts.contains("<tr><td>前台</td><td class=\"num\">3</td></tr><tr><td>客服主管</td><td class=\"num\">2</td></tr>"))
        #expect(html.contains("<li><a href=\"reports/2026-11.html\">2026-11</a></li><li><a href=\"reports/2026-10.html\">2026-10</a></li>"))
    }

    @Test func openCasesTableCarriesFilterAttributesAndUrgencyOrder() throws {
        let html = try #require(try fixtureSite()["open.html"]).text
        // Overdue first, then by the next deadline, then by intake; closed cases are not listed.
        #expect(attributeValues("data-case", in: html) == ["C-20261112-T01-0001", "C-20261118-T01-0001", "C-20261119-T01-0002",
                                                           "C-20261115-T01-0001", "C-20261119-T01-0001"])
        #expect(attributeValues("data-kind", in: html) == ["repair", "complaint", "inquiry", "emergency", "complaint"])
        #expect(attributeValues("data-severity", in: html) == ["", "major", "", "", "minor"])
        #expect(attributeValues("data-department", in: html) == ["engineering", "engineering", "unassigned", "unassigned", "unassigned"])
        #expect(attributeValues("data-level", in: html) == ["supervisor", "supervisor", "desk", "desk", "desk"])
        #expect(attributeValues("data-holder", in: html) == ["wang.zg", "wang.zg", "li.na", "li.na", "li.na"])
        #expect(attributeValues("data-unit", in: html) == ["7-2-1102", "9-1-2301", "4-2-502", "1-1-201", "2-3-601"])
        #expect(html.contains("data-filterable=\"kind severity department level holder\" data-search=\"unit\""))
        // Without JavaScript the table is complete: every row is there, none hidden.
        #expect(!html.contains(" hidden"))
    }

    @Test func overduePageNamesTheDeadlineSinceWhenAndWhoShouldHold() throws {
        let html = try #require(try fixtureSite()["overdue.html"]).text
        #expect(attributeValues("data-case", in: html) == ["C-20261112-T01-0001", "C-20261112-T01-0001", "C-20261118-T01-0001"])
        #expect(attributeValues("data-step", in: html) == ["resolve", "ladder", "answer"])
        #expect(attributeValues("data-required", in: html) == ["manager", "manager", "supervisor"])
        let repair = section(html, from: "data-step=\"resolve\"", to: "</tr>")
        #expect(repair.contains("<td>2026-11-15 11:00</td><td>5天6小时</td><td>王志刚 (客服主管)</td>"))
        #expect(repair.contains("<td class=\"late\">经理 · 周建林 — 需升级 <span class=\"muted\">(002 篇1 §4.8, §3.3.2)</span></td>"))
        let major = section(html, from: "data-step=\"answer\"", to: "</tr>")
        #expect(major.contains("<td class=\"late\">答复业主</td><td>002 篇5 §5.2.1</td><td>2026-11-20 08:45</td><td>8小时15分</td>"))
        #expect(major.contains("<td>客服主管 · 王志刚</td>"))
    }

    @Test func revisitScheduleLateFirstThenFourteenDays() throws {
        let html = try #require(try fixtureSite()["revisits.html"]).text
        let late = section(html, from: "<table class=\"revisits late\">", to: "</table>")
        #expect(attributeValues("data-case", in: late) == ["C-20261015-T01-0001", "C-20261115-T01-0001"])
        #expect(late.contains("<td>客服助理、客服主管</td><td>家访</td><td>回访计划</td>"))
        #expect(late.contains("<td>客服助理</td><td>电话</td><td>月度抽样 2026-10</td>"))
        let days = attributeValues("id", in: html).filter { $0.hasPrefix("day-") }
        #expect(days.count == 14)
        #expect(days.first == "day-2026-11-20" && days.last == "day-2026-12-03")
        #expect(html.contains("<h3 id=\"day-2026-11-20\">2026-11-20 星期五 (今天)</h3>"))
        #expect(attributeValues("data-day", in: html) == ["2026-11-22"])
        let sunday = section(html, from: "data-day=\"2026-11-22\"", to: "</table>")
        #expect(attributeValues("data-case", in: sunday) == ["C-20261119-T01-0001"])
        #expect(sunday.contains("<td class=\"\">2026-11-22 16:00</td><td>部门负责人、客服助理</td><td>家访、信访</td>"))
        // The samples: November's spot check, October's revisit pick.
        #expect(html.contains("<h3>回访抽样 2026-11</h3>") && html.contains("<h3>回访抽样 2026-10</h3>"))
        #expect(html.contains("<tr data-draw=\"complaint-revisits\"><td>complaint-revisits</td><td>公司管理部</td><td>001 §5.5.1</td><td class=\"num\">1</td><td><a href=\"cases/C-20261103-T01-0001.html\">C-20261103-T01-0001</a> </td></tr>"))
        #expect(html.contains("<td>2026-11-05 17:30</td><td>电话</td><td>待回访</td>"))
    }

    @Test func casePageHasIntakeDeadlinesRevisitsAndTimelineWithCommits() throws {
        let site = try fixtureSite()
        let html = try #require(site["cases/C-20261103-T01-0001.html"]).text
        #expect(html.contains("<dt>受理时间</dt><dd>2026-11-03 09:10</dd>"))
        #expect(html.contains("<dt>反映人</dt><dd>王** 138****5678</dd>"))
        #expect(attributeValues("data-standing", in: html) == ["met", "met"])
        #expect(html.contains("<td class=\"ok\">按时完成 2026-11-03 09:40</td><td>002 篇5 §5.2.2</td>"))
        #expect(html.contains("<td class=\"ok\">已完成 2026-11-05 10:00</td>"))
        #expect(html.contains("<td>2026-11-05 10:00</td><td>何主任</td><td>家访</td><td class=\"ok\">满意</td><td>王**表示满意</td>"))
        // Timeline: one row per event, the commit, author and signature the caller supplied.
        #expect(attributeValues("data-action", in: html) == ["open", "escalate", "dispatch", "resolve", "revisit", "close"])
        #expect(attributeValues("data-commit", in: html) == (0..<6).map { "02" + String(format: "%02d", $0) + String(repeating: "ab", count: 18) })
        #expect(attributeValues("data-signature", in: html) == ["signed", "unsigned", "signed", "unsigned", "signed", "unsigned"])
        #expect(html.contains("<code title=\"0200abababababababababababababababababab\">0200ababab</code></td><td>李娜 &lt;li.na@x.cn&gt;</td><td><span class=\"badge signed\">已签名</span>"))
        // The printed forms: 《投诉登记处理记录》 and 《回访记录表》, bordered, with the signature row.
        #expect(html.contains("<p class=\"form-title\">《投诉登记处理记录》</p>"))
        #expect(html.contains("<p class=\"form-title\">《回访记录表》</p>"))
        #expect(html.contains("<th rowspan=\"2\">签字栏</th><td class=\"sign\">受理人：李娜</td>"))
        let late = try #require(site["cases/C-20261112-T01-0001.html"]).text
        #expect(attributeValues("data-standing", in: late) == ["overdue"])
        #expect(late.contains("<p class=\"form-title\">《接待业主情况记录》</p>"))
        #expect(!late.contains("《回访记录表》"))
    }

    @Test func casePageWithoutProvenanceSaysUnknown() throws {
        let cases = try fixtureCases()
        let site = try Dashboard(siteName: "x", cases: cases, profile: try residential(), now: now).build()
        let html = try #require(site["cases/C-20261119-T01-0002.html"]).text
        #expect(attributeValues("data-signature", in: html) == ["unknown"])
        #expect(attributeValues("data-commit", in: html) == [""])
    }

    @Test func monthlyReportFiguresAndChart() throws {
        let site = try fixtureSite()
        let november = try #require(site["reports/2026-11.html"]).text
        #expect(november.contains("<b>6</b>件数") && november.contains("<b>66.7%</b>处理及时率"))
        // By kind: complaint 3 cases, 2 on time; revisited 1 of 2 resolved against the required 100 %.
        #expect(november.contains("<tr data-key=\"complaint\"><td>投诉</td><td class=\"num\">3</td><td class=\"num\">2</td><td class=\"num\">66.7%</td><td class=\"num\">2</td><td class=\"num\">1</td><td class=\"num late\">50.0%</td><td class=\"num\">100%</td><td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">100.0%</td></tr>"))
        #expect(attributeValues("data-key", in: section(november, from: "<table class=\"by-kind\">", to: "</table>"))
                == ["complaint", "repair", "inquiry", "emergency", "all"])
        #expect(attributeValues("data-key", in: section(november, from: "<table class=\"by-department\">", to: "</table>"))
                == ["engineering", "unassigned"])
        #expect(attributeValues("data-key", in: section(november, from: "<table class=\"by-severity\">", to: "</table>"))
                == ["major", "important", "minor"])
        // The chart: one bar per kind, width = rate × 4 (repair 0 %, complaint 66.7 % → 267).
        let chart = section(november, from: "<svg class=\"chart\"", to: "</svg>")
        #expect(chart.components(separatedBy: "<rect class=\"bar\"").count - 1 == 4)
        #expect(chart.contains("<text x=\"0\" y=\"24\">投诉</text><rect class=\"track\" x=\"170\" y=\"10\" width=\"400\" height=\"18\"/><rect class=\"bar\" x=\"170\" y=\"10\" width=\"267\" height=\"18\"/><text x=\"578\" y=\"24\">66.7%</text>"))
        #expect(november.contains("<tr data-draw=\"complaint-revisits\">"))
        let october = try #require(site["reports/2026-10.html"]).text
        #expect(october.contains("<b>1</b>件数") && october.contains("<b>100.0%</b>处理及时率"))
        // A4 print rules are in the stylesheet every page links.
        let css = try #require(site["assets/casebook.css"]).text
        #expect(css.contains("@media print") && css.contains("@page{size:A4;margin:15mm}"))
        #expect(october.contains("<link rel=\"stylesheet\" href=\"../assets/casebook.css\">"))
    }

    @Test func englishPagesAndTheRepositoryTimeZone() throws {
        let en = try fixtureSite(language: .en)
        let index = try #require(en["index.html"]).text
        #expect(index.contains("<html lang=\"en\">"))
        #expect(index.contains("<h1>Overview</h1>"))
        #expect(index.contains("<b>66.7%</b>On-time rate"))
        #expect(try #require(en["overdue.html"]).text.contains("<td>2026-11-15 11:00</td><td>5 d 6 h</td>"))
        let zh = try #require(try fixtureSite()["index.html"]).text
        #expect(zh.contains("<html lang=\"zh-Hans\">") && zh.contains("<h1>总览</h1>"))
        // The same moment, shown in New York's time: 17:00 in Shanghai is 04:00 there.
        let ny = try fixtureSite(zone: TimeZone(identifier: "America/New_York")!)
        let nyIndex = try #require(ny["index.html"]).text
        #expect(nyIndex.contains("2026-11-20 04:00 · 时区 America/New_York"))
        #expect(try #require(ny["overdue.html"]).text.contains("<td>2026-11-14 22:00</td>"))
    }
}
