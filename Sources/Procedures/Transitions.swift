import CaseModel

/// Every rule a step of a case must pass, in the order they are checked. Each is its own type in
/// `Rules/`, with its message and clause.
public enum Transitions {
    public static let rules: [any CaseRule] = [
        RolePermitted(), OpensFirst(), StatusAllows(), TimeOrder(), Classification(), LadderUp(),
        RevisitBeforeClose(), RatingRange(), RevisitVisitor(), RevisitModeFits(), RevisitLevel(),
        RevisitWindow(), ValidComplaintRevisit(), UnsatisfiedReported(), NoPhoneInClear(), CorrectionAllowed(),
        InspectionSteps(), InspectorRole(), ChecklistComplete(), JudicialRequirements(), ComplaintAgainst(),
        LateEntry(),
    ]

    /// Statuses from which `action` may be taken, with the clause that says so.
    public static func allowed(_ action: Action) -> (from: Set<Status>, clause: String) {
        let (statuses, clause) = StatusAllows.from(action)
        return (statuses, clause)
    }

    /// Checks that `event` may follow the case as it stands, under `profile`. `previous` is nil
    /// for the `open` event; `recordedBy` is the moment the step is recorded, where known (see
    /// `LateEntry`).
    /// - Throws: `Refusal` naming the first rule that fails.
    public static func check(_ event: Event, after previous: CaseFile?, staff: StaffRegistry, profile: Profile,
                             recordedBy: Timestamp? = nil) throws(Refusal) {
        guard let actor = staff[event.by] else {
            throw Refusal(rule: "known-staff", clause: "002 篇1 §4.2", "actor '\(oneLine(event.by.rawValue, limit: 64))' is not in records/staff.json",
                          template: .init(.knownStaff, [.text(oneLine(event.by.rawValue, limit: 64))]))
        }
        let step = Step(event: event, previous: previous, actor: actor, staff: staff, profile: profile, recordedBy: recordedBy)
        for rule in rules {
            try rule.check(step)
        }
    }
}
