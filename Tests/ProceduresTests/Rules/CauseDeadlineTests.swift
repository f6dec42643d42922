import CaseModel
import Procedures
import Testing

/// 001 篇2 §4.6.1–4.6.3: the mall answers a tenant by the complaint's cause.
@Suite struct CauseDeadlineTests {
    func deadlines(_ cause: Cause?) throws -> [Deadline] {
        var i = try intake(.complaint, severity: .minor)
        i.cause = cause
        return try Schedule.deadlines(for: i, profile: try profile("mall"), calendar: chinaCalendar())
    }

    @Test func tradingStoppedIsAnsweredWithinAnHour() throws {
        let d = try deadlines(.tradingStopped).first { $0.step == "answer-tenant" }
        #expect(d?.due.description == "2026-11-22T10:00:00+08:00")
        #expect(d?.clause == "001 篇2 §4.6.1")
        #expect(d?.escalateTo == .manager)
    }

    @Test func outsideControlTwoDaysEquipmentThree() throws {
        #expect(try deadlines(.outsideControl).first { $0.step == "answer-tenant" }?.due.description == "2026-11-24T09:00:00+08:00")
        #expect(try deadlines(.equipment).first { $0.step == "answer-tenant" }?.due.description == "2026-11-25T09:00:00+08:00")
        #expect(try deadlines(.equipment).first { $0.step == "answer-tenant" }?.clause == "001 篇2 §4.6.3")
        // No cause given: only the hand-over, feedback and severity deadlines.
        #expect(try deadlines(nil).map(\.step).sorted() == ["feedback", "hand-over", "resolve"])
    }

    @Test func anAnswerToTheTenantMeetsIt() throws {
        var i = try intake(.complaint, severity: .minor)
        i.cause = .tradingStopped
        let p = try profile("mall")
        var open = Event(at: i.receivedAt, by: "li.na", action: .open)
        open.intake = i
        open.deadlines = try Schedule.deadlines(for: i, profile: p, calendar: chinaCalendar())
        open.profile = p.reference
        let file = try CaseFile(id: "C-20261122-T01-0001", events: [open])
        #expect(Schedule.overdue(file, at: t("2026-11-22T10:01")).map(\.step).contains("answer-tenant"))
        let told = try CaseFile(id: file.id, events: file.events + [event(.note, by: "li.na", at: "2026-11-22T09:40") { $0.text = "已答复租户"; $0.ownerInformed = true }])
        #expect(!Schedule.overdue(told, at: t("2026-11-22T10:01")).map(\.step).contains("answer-tenant"))
    }
}

/// 001 §5.4.1: a matter of service quality is put right and answered the same (working) day.
@Suite struct ServiceQualityDeadlineTests {
    @Test func sameWorkingDay() throws {
        var i = try intake(.complaint, severity: .minor, at: "2026-09-30T16:00")
        i.cause = .serviceQuality
        let d = try Schedule.deadlines(for: i, profile: try profile("residential"), calendar: chinaCalendar()).first { $0.step == "same-day" }
        #expect(d?.due.description == "2026-09-30T17:30:00+08:00")
        #expect(d?.clause == "001 §5.4.1")
        // Received after closing on the eve of National Day: due at the end of the next working day, 8 October.
        i.receivedAt = t("2026-09-30T18:00")
        let late = try Schedule.deadlines(for: i, profile: try profile("residential"), calendar: chinaCalendar()).first { $0.step == "same-day" }
        #expect(late?.due.description == "2026-10-08T17:30:00+08:00")
    }
}
