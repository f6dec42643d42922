import CaseModel

/// A step recorded after the fact says so (补录): the receiver records the date and time of what
/// happens as it happens (002 篇1 §4.2, the forms' 受理时间 and 处理时间; 000 篇2 §5.0, records
/// written the same or next day). `--at` lets a desk enter a paper record afterwards with the time
/// it really happened, which the deadlines and figures must use; but a step stated more than the
/// profile's grace (`Profile.lateEntryRule`, one hour unless the profile says otherwise) before
/// the moment it is recorded must carry that moment (`recordedAt`) and why (`lateReason`), so
/// that it is never silently on time.
///
/// The moment of recording is the step's `recordedBy`: the clock of the command that records it,
/// of the pre-commit hook, or — on the server — of the push, which no desk controls. Where it is
/// unknown (a merge of two desks' appends) nothing is judged late. Steps of the `system` actor are
/// exempt: `sweep` states the moment a deadline passed, computed from the case, not typed by anyone.
/// A mark is well-formed wherever it appears: both fields, a reason, and a recording time after
/// the stated one and not after `recordedBy`.
public struct LateEntry: CaseRule {
    public let name = "late-entry"
    public init() {}

    public func check(_ step: Step) throws(Refusal) {
        let e = step.event, rule = step.profile.lateEntryRule
        if e.isLateEntry {
            guard let recordedAt = e.recordedAt, let reason = e.lateReason,
                  !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw refuse(rule.clause, "a late entry (补录) needs both recordedAt and lateReason",
                             .init(.lateEntryIncomplete, []))
            }
            guard recordedAt > e.at else {
                throw refuse(rule.clause, "recordedAt \(recordedAt) is not after the event time \(e.at)",
                             .init(.lateEntryOrder, [.text(recordedAt.description), .text(e.at.description)]))
            }
            if let now = step.recordedBy, recordedAt > now {
                throw refuse(rule.clause, "recordedAt \(recordedAt) is after the moment it is recorded (\(now))",
                             .init(.lateEntryFuture, [.text(recordedAt.description), .text(now.description)]))
            }
            return
        }
        guard let now = step.recordedBy, !step.actor.roles.contains(.system),
              e.at.adding(seconds: rule.graceSeconds) < now else { return }
        throw refuse(rule.clause,
                     "event time \(e.at) is more than \(LateEntry.describe(rule.grace)) before it is recorded (\(now)): a late entry (补录) needs a reason (--late-reason; recordedAt and lateReason in the file)",
                     .init(.lateEntry, [.text(e.at.description), .text(LateEntry.describe(rule.grace)), .text(now.description)]))
    }

    /// A grace as the refusal says it: `1 h`, `30 min`, `1 d`.
    static func describe(_ span: Span) -> String {
        let s = span.seconds
        if s % 86_400 == 0, s > 0 { return "\(s / 86_400) d" }
        if s % 3600 == 0, s > 0 { return "\(s / 3600) h" }
        return "\(s / 60) min"
    }
}
