import CaseModel

/// What the next revisit of a case must be: the plan it fulfils, or the profile's rule for the
/// case's kind when the case has no plan (kinds revisited by monthly sample).
struct RevisitExpectation {
    let by: [Role]
    let modes: [RevisitMode]
    let clause: String
    /// The plan the revisit fulfils, if any.
    let plan: PlannedRevisit?

    init?(for file: CaseFile, profile: Profile) {
        if let plan = file.state.revisitsPlanned.first(where: { $0.doneAt == nil }) {
            (by, modes, clause, self.plan) = (plan.by, plan.modes, plan.clause, plan)
        } else if let rule = Schedule.revisitRule(for: file.intake, profile: profile) {
            (by, modes, clause, plan) = (rule.by, rule.modes, rule.clause, nil)
        } else {
            return nil
        }
    }
}
