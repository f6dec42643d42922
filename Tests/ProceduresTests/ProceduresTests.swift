import CaseModel
import Foundation
import Procedures
import Testing

let shanghai = TimeZone(identifier: "Asia/Shanghai")!
func t(_ s: String) -> Timestamp { Timestamp.parse(s, defaultZone: shanghai)! }

/// The project's own profiles, as a service centre would have them.
func profile(_ name: String) throws -> Profile {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("records/procedures/\(name).json")
    return try RecordJSON.decode(Profile.self, from: Data(contentsOf: url), file: url.path)
}

/// The refusal `body` throws, or nil.
func refusal(_ body: () throws(Refusal) -> Void) -> Refusal? {
    do {
        try body()
        return nil
    } catch {
        return error
    }
}

/// Natural-time rules never consult the calendar.
let noCalendar = try! BusinessCalendar([])

let registry = StaffRegistry(staff: [
    Staff(id: "li.na", name: "李娜", email: "li.na@x.cn", roles: [.receptionist]),
    Staff(id: "chen.jie", name: "陈洁", email: "chen@x.cn", roles: [.csAssistant]),
    Staff(id: "zhou.jl", name: "周经理", email: "zhou@x.cn", roles: [.manager]),
    Staff(id: "zhao.gong", name: "赵工", email: "zhao@x.cn", roles: [.engineer]),
    Staff(id: "wang.zg", name: "王主管", email: "wang@x.cn", roles: [.supervisor]),
    Staff(id: "he.zr", name: "何主任", email: "he@x.cn", roles: [.director]),
    Staff(id: "ma.bz", name: "马班长", email: "ma@x.cn", roles: [.departmentHead]),
    Staff(id: "system", name: "casebook", email: "system@casebook.invalid", roles: [.system]),
])

func intake(_ kind: Kind, severity: Severity? = nil, size: RepairSize? = nil, at: String = "2026-11-22T09:00", requested: String? = nil) throws -> Intake {
    Intake(receivedAt: t(at), channel: .phone, kind: kind, severity: severity, repairSize: size,
           reporter: try Contact(name: "王女士", phone: "13812345678", key: freshResidentKey()), summary: "x", requestedBy: requested.map(t), firstResponder: "li.na")
}

func opened(_ i: Intake, profile p: Profile) throws -> CaseFile {
    var e = Event(at: i.receivedAt, by: "li.na", action: .open)
    e.intake = i
    e.deadlines = try Schedule.deadlines(for: i, profile: p, calendar: noCalendar)
    e.profile = p.reference
    return try CaseFile(id: "C-20261122-T01-0001", events: [e])
}

/// `file` with `event` appended, after the validator has accepted it.
func appending(_ event: Event, to file: CaseFile, profile p: Profile, calendar: BusinessCalendar = noCalendar) throws -> CaseFile {
    let next = try CaseFile(id: file.id, events: file.events + [event])
    try CaseChange.validate(old: file, new: next, path: next.path(in: .day), staff: registry, profile: p, calendar: calendar)
    return next
}

@Suite struct DeadlineTests {
    @Test func complaintDeadlinesFollowSeverity() throws {
        let p = try profile("residential")
        let major = try Schedule.deadlines(for: try intake(.complaint, severity: .major), profile: p, calendar: noCalendar)
        #expect(major.map(\.step) == ["report", "answer", "resolve"])
        #expect(major.map(\.due.description) == ["2026-11-22T21:00:00+08:00", "2026-11-24T09:00:00+08:00", "2026-12-02T09:00:00+08:00"])
        #expect(major.allSatisfy { $0.clause == "002 篇5 §5.2.1" })
        let important = try Schedule.deadlines(for: try intake(.complaint, severity: .important), profile: p, calendar: noCalendar)
        #expect(important.map(\.due.description) == ["2026-11-22T10:00:00+08:00", "2026-11-29T09:00:00+08:00"])
        let minor = try Schedule.deadlines(for: try intake(.complaint, severity: .minor), profile: p, calendar: noCalendar)
        #expect(minor.map(\.due.description) == ["2026-11-24T09:00:00+08:00"])
        // A minor complaint is due on the owner's requested date instead (002 篇5 §5.2.3).
        let requested = try Schedule.deadlines(for: try intake(.complaint, severity: .minor, requested: "2026-11-28T18:00"), profile: p, calendar: noCalendar)
        #expect(requested.map(\.due.description) == ["2026-11-28T18:00:00+08:00"])
    }

    @Test func repairsAndInquiries() throws {
        let p = try profile("residential")
        #expect(try Schedule.deadlines(for: try intake(.repair, size: .small), profile: p, calendar: noCalendar).map(\.due.description) == ["2026-11-22T17:00:00+08:00"])
        #expect(try Schedule.deadlines(for: try intake(.repair, size: .medium), profile: p, calendar: noCalendar).map(\.due.description) == ["2026-11-25T09:00:00+08:00"])
        #expect(try Schedule.deadlines(for: try intake(.repair, size: .large), profile: p, calendar: noCalendar).isEmpty)
        #expect(try Schedule.deadlines(for: try intake(.inquiry), profile: p, calendar: noCalendar).map(\.step) == ["answer"])
    }

    @Test func mallHandsOverInTenMinutes() throws {
        let p = try profile("mall")
        let d = try Schedule.deadlines(for: try intake(.complaint, severity: .minor), profile: p, calendar: chinaCalendar())
        #expect(d.contains { $0.step == "hand-over" && $0.due.description == "2026-11-22T09:10:00+08:00" && $0.clause == "001 篇2 §4.4" })
    }

    @Test func revisitPlansFollowKindAndRate() throws {
        let p = try profile("residential")
        let done = t("2026-11-23T15:00")
        let important = try Schedule.revisits(for: try intake(.complaint, severity: .important), resolvedAt: done, profile: p, calendar: noCalendar)
        #expect(important.count == 1)
        #expect(important[0].due.description == "2026-11-26T15:00:00+08:00")
        #expect(important[0].by == [.director])
        #expect(important[0].modes == [.home, .letter])
        // Repairs are revisited at 10 %, by monthly sample: no plan per case.
        #expect(try Schedule.revisits(for: try intake(.repair, size: .small), resolvedAt: done, profile: p, calendar: noCalendar).isEmpty)
        // The mall revisits everything.
        #expect(try Schedule.revisits(for: try intake(.repair, size: .small), resolvedAt: done, profile: try profile("mall"), calendar: noCalendar).count == 1)
    }

    @Test func standingAndLadder() throws {
        let p = try profile("residential")
        let file = try opened(try intake(.repair, size: .small), profile: p)
        #expect(Schedule.overdue(file, at: t("2026-11-22T16:59")).isEmpty)
        #expect(Schedule.overdue(file, at: t("2026-11-22T17:01")).map(\.step) == ["resolve"])
        #expect(Schedule.ladderLevel(for: file, at: t("2026-11-24T08:59"), profile: p) == nil)
        #expect(Schedule.ladderLevel(for: file, at: t("2026-11-24T09:00"), profile: p)?.level == .supervisor)
        #expect(Schedule.ladderLevel(for: file, at: t("2026-11-29T09:00"), profile: p)?.level == .manager)
    }
}

@Suite struct TransitionTests {
    func event(_ action: Action, by: StaffID, at: String = "2026-11-22T10:00", _ fill: (inout Event) -> Void = { _ in }) -> Event {
        var e = Event(at: t(at), by: by, action: action)
        fill(&e)
        return e
    }

    @Test func closeBeforeResolveIsRefused() throws {
        let p = try profile("residential")
        let file = try opened(try intake(.repair, size: .small), profile: p)
        #expect(throws: Refusal.self) { try Transitions.check(event(.close, by: "chen.jie"), after: file, staff: registry, profile: p) }
        let r = refusal { () throws(Refusal) in
            try Transitions.check(event(.close, by: "chen.jie"), after: file, staff: registry, profile: p)
        }
        #expect(r?.rule == "transition")
        #expect(r?.description.contains("close is not allowed while the case is open") == true)
    }

    @Test func onlyTheManagerDeclaresUnresolvable() throws {
        let p = try profile("residential")
        let file = try opened(try intake(.repair, size: .small), profile: p)
        let e = event(.unresolvable, by: "chen.jie") { $0.reason = "x" }
        #expect(throws: Refusal(rule: "role", clause: "002 篇1 §3.3.3, §4.8", "chen.jie (cs-assistant) may not unresolvable; only manager")) {
            try Transitions.check(e, after: file, staff: registry, profile: p)
        }
        try Transitions.check(event(.unresolvable, by: "zhou.jl") { $0.reason = "x" }, after: file, staff: registry, profile: p)
        #expect(throws: Refusal.self) { try Transitions.check(event(.unresolvable, by: "ghost") { $0.reason = "x" }, after: file, staff: registry, profile: p) }
    }

    @Test func validatorRefusesRewrittenHistory() throws {
        let p = try profile("residential")
        let old = try opened(try intake(.repair, size: .small), profile: p)
        var noteEvent = event(.note, by: "li.na") { $0.text = "已联系" }
        let good = try CaseFile(id: old.id, events: old.events + [noteEvent])
        try CaseChange.validate(old: old, new: good, path: good.path(in: .day), staff: registry, profile: p, calendar: noCalendar)
        // Editing the first event: refused as append-only.
        var edited = old.events
        edited[0].intake?.summary = "改过的"
        let rewritten = try CaseFile(id: old.id, events: edited + [noteEvent])
        #expect(throws: Refusal.self) { try CaseChange.validate(old: old, new: rewritten, path: rewritten.path(in: .day), staff: registry, profile: p, calendar: noCalendar) }
        // Wrong path.
        #expect(throws: Refusal.self) { try CaseChange.validate(old: old, new: good, path: "records/cases/2026/12/x.json", staff: registry, profile: p, calendar: noCalendar) }
        // Event by an unknown person.
        noteEvent.by = "ghost"
        let ghost = try CaseFile(id: old.id, events: old.events + [noteEvent])
        #expect(throws: Refusal.self) { try CaseChange.validate(old: old, new: ghost, path: ghost.path(in: .day), staff: registry, profile: p, calendar: noCalendar) }
        // Deadlines that are not the profile's.
        var cheat = old.events[0]
        cheat.deadlines = []
        let cheated = try CaseFile(id: old.id, events: [cheat])
        #expect(throws: Refusal.self) { try CaseChange.validate(old: nil, new: cheated, path: cheated.path(in: .day), staff: registry, profile: p, calendar: noCalendar) }
    }
}
