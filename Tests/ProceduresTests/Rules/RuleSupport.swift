import CaseModel
import Procedures

/// An event by `by` at `at`, filled in by `fill`.
func event(_ action: Action, by: StaffID, at: String, _ fill: (inout Event) -> Void = { _ in }) -> Event {
    var e = Event(at: t(at), by: by, action: action)
    fill(&e)
    return e
}

/// The step `event` makes on `file` (nil: a new case) under `profile`.
func step(_ event: Event, on file: CaseFile?, profile p: Profile) -> Step {
    Step(event: event, previous: file, actor: registry[event.by]!, staff: registry, profile: p)
}

/// The refusal `rule` gives `step`, or nil when it passes.
func verdict(_ rule: some CaseRule, _ step: Step) -> Refusal? {
    refusal { () throws(Refusal) in try rule.check(step) }
}

/// A case resolved at `resolvedAt` by `resolver`, with the profile's revisit plan (and the second
/// revisit when asked for).
func resolved(_ i: Intake, profile p: Profile, by resolver: StaffID = "zhao.gong", at resolvedAt: String = "2026-11-23T15:00",
              second: Bool = false) throws -> CaseFile {
    let file = try opened(i, profile: p)
    let done = event(.resolve, by: resolver, at: resolvedAt) {
        $0.result = "已处理"
        $0.revisitsPlanned = try? Schedule.revisits(for: i, resolvedAt: t(resolvedAt), profile: p, calendar: noCalendar, second: second)
    }
    return try appending(done, to: file, profile: p)
}

extension Refusal {
    /// A refusal to compare a verdict with: equality is rule, clause and message, so the template
    /// the procedures give every refusal does not matter here.
    init(rule: String, clause: String, _ message: String) {
        self.init(rule: rule, clause: clause, message, template: .init(.stateIsFold, []))
    }
}
