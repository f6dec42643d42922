import CaseModel
import Foundation
import Procedures
import Testing

/// The project's own State Council calendars for 2025 and 2026.
func chinaCalendar() throws -> BusinessCalendar {
    let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("records/calendar")
    let years = try [2025, 2026].map { y in
        let url = dir.appendingPathComponent("cn-\(y).json")
        return try RecordJSON.decode(CalendarYear.self, from: Data(contentsOf: url), file: url.path)
    }
    return try BusinessCalendar(years)
}

@Suite struct BusinessCalendarTests {
    @Test func springFestivalAndMakeUpDays2025() throws {
        let c = try chinaCalendar()
        // 春节 2025-01-28 (Tue) … 02-04 (Tue) off; Sunday 01-26 and Saturday 02-08 are working days.
        #expect(try c.isWorkingDay("2025-01-26"))
        #expect(try c.isWorkingDay("2025-01-27"))
        for d in ["2025-01-28", "2025-01-31", "2025-02-03", "2025-02-04"] { #expect(try !c.isWorkingDay(d), "\(d)") }
        #expect(try c.isWorkingDay("2025-02-05"))
        #expect(try c.isWorkingDay("2025-02-08"))
        #expect(try !c.isWorkingDay("2025-02-09"))
        // "Within 1 working day" from the eve of the holiday ends after it.
        #expect(try c.endOfWorkingDays(1, after: t("2025-01-27T10:00")).description == "2025-02-05T17:30:00+08:00")
    }

    @Test func nationalDay2025() throws {
        let c = try chinaCalendar()
        #expect(try c.isWorkingDay("2025-09-28"))   // Sunday, make-up day
        for d in ["2025-10-01", "2025-10-06", "2025-10-08"] { #expect(try !c.isWorkingDay(d), "\(d)") }
        #expect(try c.isWorkingDay("2025-10-11"))   // Saturday, make-up day
        #expect(try c.endOfWorkingDays(2, after: t("2025-09-30T16:00")).description == "2025-10-10T17:30:00+08:00")
    }

    @Test func springFestival2026() throws {
        let c = try chinaCalendar()
        #expect(try c.isWorkingDay("2026-02-14"))   // Saturday, make-up day
        for d in ["2026-02-15", "2026-02-16", "2026-02-20", "2026-02-23"] { #expect(try !c.isWorkingDay(d), "\(d)") }
        #expect(try c.isWorkingDay("2026-02-24"))
        #expect(try c.isWorkingDay("2026-02-28"))   // Saturday, make-up day
        #expect(c.name(of: "2026-02-17") == "春节")
        #expect(try c.endOfWorkingDays(1, after: t("2026-02-13T09:00")).description == "2026-02-14T17:30:00+08:00")
        #expect(try c.endOfWorkingDays(2, after: t("2026-02-13T09:00")).description == "2026-02-24T17:30:00+08:00")
    }

    @Test func nationalDay2026() throws {
        let c = try chinaCalendar()
        #expect(try c.isWorkingDay("2026-09-20"))   // Sunday, make-up day
        for d in ["2026-10-01", "2026-10-05", "2026-10-07"] { #expect(try !c.isWorkingDay(d), "\(d)") }
        #expect(try c.isWorkingDay("2026-10-08"))
        #expect(try c.isWorkingDay("2026-10-10"))   // Saturday, make-up day
        #expect(try !c.isWorkingDay("2026-10-11"))
        // Same day (0 working days): received on a holiday → the end of the next working day.
        #expect(try c.endOfWorkingDays(0, after: t("2026-10-03T11:00")).description == "2026-10-08T17:30:00+08:00")
        // Received after closing on a working day → the next working day.
        #expect(try c.endOfWorkingDays(0, after: t("2026-09-30T19:00")).description == "2026-10-08T17:30:00+08:00")
        #expect(try c.endOfWorkingDays(0, after: t("2026-09-30T09:00")).description == "2026-09-30T17:30:00+08:00")
    }

    @Test func refusesToGuessOutsideTheStatutoryTable() throws {
        let c = try chinaCalendar()
        let r = refusal { () throws(Refusal) in _ = try c.isWorkingDay("2041-01-04") }
        #expect(r?.rule == "calendar")
        #expect(r?.message.contains("no holiday calendar for 2041") == true)
        // Without the table (fillingIn nil) a year with no file is refused as before.
        let bare = try BusinessCalendar([], fillingIn: nil)
        let late = refusal { () throws(Refusal) in _ = try bare.endOfWorkingDays(3, after: t("2026-12-30T10:00")) }
        #expect(late?.message.contains("cn-2026.json") == true)
    }

    /// 2027 has no official file: it is computed from the statutory rules and said to be.
    @Test func aYearWithoutItsNoticeIsProvisional() throws {
        let c = try chinaCalendar()
        #expect(c.official == [2025, 2026])
        #expect(c.isProvisional(2027) && !c.isProvisional(2026))
        // 春节 2027: 除夕 02-05 (Fri) … 初三 02-08 (Mon); Saturday 06 and Sunday 07 are made up on 09 and 10.
        for d in ["2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10"] { #expect(try !c.isWorkingDay(d), "\(d)") }
        #expect(try c.isWorkingDay("2027-02-04") && c.isWorkingDay("2027-02-11"))
        // 国庆 2027: 10-01 (Fri) … 03 (Sun); 02 and 03 made up on Monday 04 and Tuesday 05.
        for d in ["2027-10-01", "2027-10-04", "2027-10-05"] { #expect(try !c.isWorkingDay(d), "\(d)") }
        #expect(try c.isWorkingDay("2027-10-06"))
        // No make-up Saturdays are guessed.
        #expect(try !c.isWorkingDay("2027-02-20"))
        // A span from an official year into a provisional one names the provisional year.
        let due = try c.endOfWorkingDays(3, after: t("2026-12-30T10:00"))
        #expect(due.description == "2027-01-05T17:30:00+08:00")
        #expect(c.provisionalYears(from: t("2026-12-30T10:00"), to: due) == [2027])
        #expect(c.provisionalYears(from: t("2026-11-30T10:00"), to: t("2026-12-03T10:00")).isEmpty)
    }

    /// The statutory days the law gives are days off in the State Council's published
    /// arrangements of 2025 and 2026; 清明 falls on the published days.
    @Test func statutoryDaysAgreeWithThePublishedYears() throws {
        let c = try chinaCalendar()
        for year in [2025, 2026] {
            let festivals = try #require(StatutoryHolidays.festivals(of: year))
            #expect(Set(festivals.map(\.name)) == ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"])
            #expect(festivals.reduce(0) { $0 + $1.days.count } == 13)
            for (name, days) in festivals {
                for d in days { #expect(try !c.isWorkingDay(d), "\(name) \(d)") }
            }
        }
        #expect(StatutoryHolidays.festivals(of: 2025)?.first { $0.name == "清明节" }?.days == ["2025-04-04"])
        #expect(StatutoryHolidays.festivals(of: 2026)?.first { $0.name == "清明节" }?.days == ["2026-04-05"])
        #expect(StatutoryHolidays.festivals(of: 2026)?.first { $0.name == "春节" }?.days == ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19"])
        // Each provisional year has 13 statutory days plus one for each that falls on a weekend or a shared day.
        for year in StatutoryHolidays.years {
            let y = try #require(StatutoryHolidays.provisionalYear(year, workingHours: .init(start: "08:30", end: "17:30"), timeZone: "Asia/Shanghai"))
            let days = y.holidays.flatMap(\.days)
            #expect(Set(days).count == days.count, "\(year): a day twice")
            #expect(days.count >= 13 && days.allSatisfy { $0.hasPrefix("\(year)-") || $0.hasPrefix("\(year + 1)-01") }, "\(year)")
            #expect(y.provisional == true && y.workdays.isEmpty)
        }
    }

    /// The table's lunar dates are those of the Chinese calendar as Foundation (ICU) computes it.
    @Test func lunarDatesMatchTheChineseCalendar() throws {
        var chinese = Calendar(identifier: .chinese)
        chinese.timeZone = shanghai
        for year in StatutoryHolidays.years {
            let festivals = try #require(StatutoryHolidays.festivals(of: year))
            for (name, month, day) in [("春节", 1, 1), ("端午节", 5, 5), ("中秋节", 8, 15)] {
                let date = try #require(festivals.first { $0.name == name }).days[name == "春节" ? 1 : 0]
                let lunar = chinese.dateComponents([.month, .day, .isLeapMonth], from: t(date + "T12:00").date)
                #expect(lunar.month == month && lunar.day == day && lunar.isLeapMonth != true, "\(year) \(name) \(date)")
            }
        }
        // 清明 of 2027–2035 as published in the almanacs.
        let qingming = ["2027": "04-05", "2028": "04-04", "2029": "04-04", "2030": "04-05", "2031": "04-05",
                        "2032": "04-04", "2033": "04-04", "2034": "04-05", "2035": "04-05"]
        for (year, day) in qingming {
            #expect(StatutoryHolidays.festivals(of: Int(year)!)?.first { $0.name == "清明节" }?.days == ["\(year)-\(day)"])
        }
    }

    /// A step recorded before the notice was imported is checked against what was computed then.
    @Test func treatingAnOfficialYearAsProvisional() throws {
        let notice = CalendarYear(year: 2027, timeZone: "Asia/Shanghai", source: "test", workingHours: .init(start: "08:30", end: "17:30"),
                                  holidays: [.init(name: "春节", days: (5...12).map { String(format: "2027-02-%02d", $0) })],
                                  workdays: [.init(name: "春节调休", days: ["2027-02-20"])])
        let c = try BusinessCalendar([notice])
        #expect(c.official.contains(2027) && !c.isProvisional(2027))
        #expect(try c.isWorkingDay("2027-02-20") && !c.isWorkingDay("2027-02-11"))
        let then = c.treating(asProvisional: [2027])
        #expect(then.isProvisional(2027))
        #expect(try !then.isWorkingDay("2027-02-20") && then.isWorkingDay("2027-02-11"))
    }

    @Test func mallAnswersWithinOneWorkingDay() throws {
        let p = try profile("mall")
        let d = try Schedule.deadlines(for: try intake(.complaint, severity: .minor, at: "2026-09-30T10:00"), profile: p, calendar: chinaCalendar())
        #expect(d.contains { $0.step == "feedback" && $0.due.description == "2026-10-08T17:30:00+08:00" && $0.clause == "001 篇2 §3.4" })
    }

    /// 001 §5.4.1: any request about the quality of the service (涉及物业服务质量的事项), not only a
    /// complaint, is put right and answered the same working day, in every profile.
    @Test func serviceQualityMattersOfEveryKindTheSameDay() throws {
        let c = try chinaCalendar()
        for name in ["residential", "villa", "mall"] {
            let p = try profile(name)
            for kind in [Kind.complaint, .suggestion, .opinion, .help, .coordination] {
                var i = try intake(kind, severity: kind == .complaint ? .minor : nil, at: "2026-09-30T10:00")
                i.cause = .serviceQuality
                let same = try Schedule.deadlines(for: i, profile: p, calendar: c).first { $0.step == "same-day" }
                #expect(same?.due.description == "2026-09-30T17:30:00+08:00" && same?.clause == "001 §5.4.1", "\(name) \(kind)")
                // Received during the National Day holiday: the first working day after it.
                i.receivedAt = t("2026-10-03T10:00")
                let holiday = try Schedule.deadlines(for: i, profile: p, calendar: c).first { $0.step == "same-day" }
                #expect(holiday?.due.description == "2026-10-08T17:30:00+08:00", "\(name) \(kind)")
            }
        }
    }

    /// 001 篇2 §3.4: opinions, suggestions and complaints all get feedback within one working
    /// day, across holidays and make-up days.
    @Test func mallFeedsBackOpinionsAndSuggestionsWithinOneWorkingDay() throws {
        let p = try profile("mall")
        let c = try chinaCalendar()
        for kind in [Kind.suggestion, .opinion] {
            // Over the National Day holiday: 09-30 → 10-08.
            let holiday = try Schedule.deadlines(for: try intake(kind, at: "2026-09-30T10:00"), profile: p, calendar: c)
            #expect(holiday.map(\.step) == ["feedback"], "\(kind)")
            #expect(holiday.first?.due.description == "2026-10-08T17:30:00+08:00" && holiday.first?.clause == "001 篇2 §3.4")
            // Friday 02-13 → the make-up Saturday 02-14 is the next working day.
            let makeUp = try Schedule.deadlines(for: try intake(kind, at: "2026-02-13T10:00"), profile: p, calendar: c)
            #expect(makeUp.first?.due.description == "2026-02-14T17:30:00+08:00", "\(kind)")
            // In 2027 (no notice yet): computed on the provisional calendar, and marked so.
            let next = try Schedule.deadlines(for: try intake(kind, at: "2027-02-04T10:00"), profile: p, calendar: c)
            #expect(next.first?.due.description == "2027-02-11T17:30:00+08:00" && next.first?.provisional == [2027], "\(kind)")
        }
    }

    @Test func villaRevisitsGeneralComplaintsTheSameDay() throws {
        let p = try profile("villa")
        let plan = try Schedule.revisits(for: try intake(.complaint, severity: .minor), resolvedAt: t("2026-11-23T10:00"), profile: p, calendar: chinaCalendar())
        #expect(plan.first?.due.description == "2026-11-23T17:30:00+08:00")
    }
}
