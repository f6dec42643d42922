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

    @Test func refusesToGuessOutsideLoadedYears() throws {
        let c = try chinaCalendar()
        let r = refusal { () throws(Refusal) in _ = try c.isWorkingDay("2027-01-04") }
        #expect(r?.rule == "calendar")
        #expect(r?.message.contains("no holiday calendar for 2027") == true)
        let late = refusal { () throws(Refusal) in _ = try c.endOfWorkingDays(3, after: t("2026-12-30T10:00")) }
        #expect(late?.message.contains("cn-2027.json") == true)
    }

    @Test func mallAnswersWithinOneWorkingDay() throws {
        let p = try profile("mall")
        let d = try Schedule.deadlines(for: try intake(.complaint, severity: .minor, at: "2026-09-30T10:00"), profile: p, calendar: chinaCalendar())
        #expect(d.contains { $0.step == "feedback" && $0.due.description == "2026-10-08T17:30:00+08:00" && $0.clause == "001 篇2 §3.4" })
    }

    @Test func villaRevisitsGeneralComplaintsTheSameDay() throws {
        let p = try profile("villa")
        let plan = try Schedule.revisits(for: try intake(.complaint, severity: .minor), resolvedAt: t("2026-11-23T10:00"), profile: p, calendar: chinaCalendar())
        #expect(plan.first?.due.description == "2026-11-23T17:30:00+08:00")
    }
}
