import CaseModel

/// The one check every change to a case file goes through, whether it comes from a casebook
/// command or from a hand-edited file in a commit (the hooks call the same function).
public enum CaseChange {
    /// Validates that `new` may replace `old` (nil for a new case) at `path`. The events `new`
    /// adds are judged late or not against `recordedBy` (the moment they are recorded: the
    /// command's clock, the commit, or the push), when given (`LateEntry`).
    /// - Throws: `Refusal` for the first rule broken.
    /// - Parameter layout: the repository's case layout (`settings.layout`); nil accepts either
    ///   (a merge of two desks' versions, judged apart from any repository).
    public static func validate(old: CaseFile?, new: CaseFile, path: String, staff: StaffRegistry, profile: Profile, calendar: BusinessCalendar,
                                recordedBy: Timestamp? = nil, layout: CaseLayout? = nil) throws(Refusal) {
        guard new.format == CaseFile.format else {
            throw Refusal(rule: "schema", clause: "records/schema/case.schema.json", "format must be \(CaseFile.format)",
                          template: .init(.format, [.text(CaseFile.format)]))
        }
        guard new.id.isWellFormed else {
            throw Refusal(rule: "case-id", clause: "DESIGN: records/cases/YYYY/MM/DD/<id>.json", "id '\(new.id.rawValue.prefix(64))' is not a case id",
                          template: .init(.caseID, [.text(String(new.id.rawValue.prefix(64)))]))
        }
        guard layout.map({ new.path(in: $0) == path }) ?? new.belongs(at: path) else {
            let expected = new.path(in: layout ?? CaseLayout.of(path: path) ?? .day)
            throw Refusal(rule: "path", clause: "DESIGN: records/cases/YYYY/MM/DD/<id>.json", "file must be at \(expected), not \(path)",
                          template: .init(.path, [.text(expected), .text(path)]))
        }
        var sofar: CaseFile?
        var start = 0
        if let old {
            guard old.id == new.id else {
                throw Refusal(rule: "case-id", clause: "DESIGN: case file", "id changed from \(old.id.rawValue) to \(new.id.rawValue)",
                              template: .init(.caseIDChanged, [.text(old.id.rawValue), .text(new.id.rawValue)]))
            }
            guard new.events.count >= old.events.count, Array(new.events.prefix(old.events.count)) == old.events else {
                throw Refusal(rule: "append-only", clause: "DESIGN: case file; 000 篇2 §5.0",
                              "events may only be appended: an existing event was edited, reordered or removed", template: .init(.appendOnly, []))
            }
            sofar = old
            start = old.events.count
        }
        do {
            _ = try fold(new.events)
        } catch {
            // Events the fold cannot read (e.g. a step without the field its action needs).
            throw Refusal.fold(error)
        }
        guard new.isConsistent else {
            throw Refusal(rule: "state-is-fold", clause: "DESIGN: case file", "intake and state are not the fold of the events", template: .init(.stateIsFold, []))
        }
        for (i, event) in new.events.enumerated().dropFirst(start) {
            do {
                try Transitions.check(event, after: sofar, staff: staff, profile: profile, recordedBy: recordedBy)
                try checkComputed(event, after: sofar, in: new, profile: profile, calendar: calendar)
            } catch {
                throw error.at(event: i, event.action)
            }
            do {
                sofar = try CaseFile(id: new.id, events: Array(new.events.prefix(i + 1)))
            } catch {
                throw Refusal.fold(error).at("events[\(i)]: ")
            }
        }
    }

    /// Values a command computes from the profile (deadlines, revisit plans, the first
    /// responder) must be what the profile gives, unless the case was made under another
    /// version of the profile.
    static func checkComputed(_ event: Event, after previous: CaseFile?, in file: CaseFile, profile: Profile, calendar: BusinessCalendar) throws(Refusal) {
        switch event.action {
        case .open:
            guard let intake = event.intake, intake.firstResponder == event.by else {
                throw Refusal(rule: "first-responder", clause: "001 §4.1; 002 篇1 §4.2",
                              "the receiver who opens a case is its first-responsible person (首问责任人)", template: .init(.firstResponder, []))
            }
            if event.profile == profile.reference,
               try !computedAlike(event.deadlines ?? [], years: event.deadlines?.flatMap { $0.provisional ?? [] } ?? [], calendar: calendar, {
                   calendar throws(Refusal) in try Schedule.deadlines(for: intake, profile: profile, calendar: calendar) }) {
                throw Refusal(rule: "deadlines", clause: "PROCEDURES.md §2", "deadlines differ from those of profile \(profile.reference)",
                              template: .init(.deadlines, [.text(profile.reference)]))
            }
        case .resolve:
            // The plan is the profile's, with or without the optional second revisit (必要时).
            if file.state.profile == profile.reference {
                let plan = event.revisitsPlanned ?? []
                let second = plan.contains { $0.notBefore != nil }
                if try !computedAlike(plan, years: plan.flatMap { $0.provisional ?? [] }, calendar: calendar, { calendar throws(Refusal) in
                    try Schedule.revisits(for: file.intake, resolvedAt: event.at, profile: profile, calendar: calendar, second: second) }) {
                    throw Refusal(rule: "revisit-plan", clause: "002 篇2 §4.1.1", "revisit plan differs from that of profile \(profile.reference)",
                                  template: .init(.revisitPlan, [.text(profile.reference)]))
                }
            }
        case .reclassify:
            guard let previous else { return }
            if let d = event.deadlines {
                var next = previous
                next.events.append(event)
                guard let (intake, _) = try? fold(next.events) else { return }
                if event.profile == profile.reference, try !computedAlike(d, years: d.flatMap { $0.provisional ?? [] }, calendar: calendar, {
                    calendar throws(Refusal) in try Schedule.deadlines(for: intake, profile: profile, calendar: calendar) }) {
                    throw Refusal(rule: "deadlines", clause: "PROCEDURES.md §2", "deadlines differ from those of profile \(profile.reference)",
                              template: .init(.deadlines, [.text(profile.reference)]))
                }
            }
        case .breach:
            guard let previous else { return }
            guard let step = event.step,
                  let deadline = previous.state.deadlines.first(where: { $0.step == step && $0.breachedAt == nil }) else {
                throw Refusal(rule: "breach", clause: "PROCEDURES.md §2", "no unbreached deadline '\(event.step ?? "")' to record",
                              template: .init(.breachNone, [.step(event.step ?? "")]))
            }
            guard event.at > deadline.due, Schedule.fulfilment(of: deadline, in: previous) == nil else {
                throw Refusal(rule: "breach", clause: deadline.clause, "deadline '\(step)' (due \(deadline.due)) was not missed at \(event.at)",
                              template: .init(.breachNotMissed, [.step(step), .text(deadline.due.description), .text(event.at.description)]))
            }
        case .reschedule:
            guard let previous else { return }
            guard let wanted = Sweep.rescheduled(previous, calendar: calendar, profile: profile),
                  wanted == Reschedule(deadlines: event.deadlines ?? [], revisits: event.revisitsPlanned ?? []) else {
                throw Refusal(rule: "reschedule", clause: "records/calendar/",
                              "rescheduled deadlines differ from those the official calendar gives", template: .init(.reschedule, []))
            }
        default:
            break
        }
    }

    /// Whether `recorded` is what `compute` gives on `calendar`, or on the calendar the step was
    /// computed on before the official notice of its provisional `years` was imported.
    static func computedAlike<T: Equatable>(_ recorded: T, years: [Int], calendar: BusinessCalendar,
                                            _ compute: (BusinessCalendar) throws(Refusal) -> T) throws(Refusal) -> Bool {
        if try recorded == compute(calendar) { return true }
        let then = Array(Set(years)).sorted()
        guard !then.isEmpty else { return false }
        return try recorded == compute(calendar.treating(asProvisional: then))
    }
}
