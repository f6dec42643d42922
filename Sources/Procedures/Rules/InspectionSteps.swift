import CaseModel

/// A non-conformity report 不合格项报告 (002 篇9 §4.2.2 b–c) is raised with its check, the
/// responsible department and a correction date after the report; its only steps are the
/// department's correction, the inspector's verification (a failed one sets a new correction
/// date) and notes; the correction is recorded by the responsible department. Other cases have
/// neither step.
public struct InspectionSteps: CaseRule {
    public let name = "nonconformity"
    /// 在规定整改的期限内……对纠正或预防措施的落实情况进行验证.
    public static let clause = "002 篇9 §4.2.2 c"
    /// The steps a non-conformity report may take after it is raised.
    public static let steps: Set<Action> = [.note, .rectify, .verify, .breach, .reveal, .erased, .correct]
    public init() {}

    public func check(_ step: Step) throws(Refusal) {
        let e = step.event
        if e.action == .open, let intake = e.intake {
            if intake.kind == .nonconformity {
                guard let inspection = intake.inspection else {
                    throw refuse("002 篇9 §4.2.2 b", "a non-conformity report needs its check, responsible department and correction date",
                                 .init(.nonconformityIncomplete, []))
                }
                guard (inspection.check == .analysis) == (inspection.finding != nil) else {
                    throw refuse("004 §4.5.4", "a corrective action of the monthly analysis names its finding, and only it",
                                 .init(.nonconformityFinding, []))
                }
                guard inspection.correctBy > e.at else {
                    throw refuse(Self.clause, "the correction date \(inspection.correctBy) must be after the report (\(e.at))",
                                 .init(.nonconformityCorrectBy, [.text(inspection.correctBy.description), .text(e.at.description)]))
                }
            } else if intake.inspection != nil {
                throw refuse("002 篇9 §4", "only a non-conformity report names a quality check", .init(.nonconformityCheckOnly, []))
            }
            return
        }
        guard let previous = step.previous else { return }
        let isReport = previous.intake.kind == .nonconformity
        if isReport, !Self.steps.contains(e.action) {
            throw refuse(Self.clause, "\(e.action.rawValue) is not a step of a non-conformity report (it is corrected by its department and verified by an inspector)",
                         .init(.nonconformityNotAStep, [.action(e.action)]))
        }
        if !isReport, e.action == .rectify || e.action == .verify {
            throw refuse(Self.clause, "\(e.action.rawValue) is a step of non-conformity reports only", .init(.nonconformityOnly, [.action(e.action)]))
        }
        switch e.action {
        case .rectify:
            guard let department = previous.state.department, step.actor.department == department else {
                throw refuse("002 篇9 §4.1", "the correction is recorded by the responsible department (\(previous.state.department?.rawValue ?? "none")); "
                             + "\(step.actor.id.rawValue) is in \(step.actor.department?.rawValue ?? "no department")",
                             .init(.nonconformityDepartment, [.department(previous.state.department), .text(step.actor.id.rawValue),
                                                              .department(step.actor.department)]))
            }
        case .verify where e.passed == false:
            guard let d = e.deadlines, d.count == 1, let again = d.first, again.due > e.at,
                  again == Schedule.correction(due: again.due, since: e.at, round: Schedule.nextCorrectionRound(of: previous)) else {
                throw refuse(Self.clause, "a failed verification sets a new correction date after it", .init(.nonconformityVerifyAgain, []))
            }
        default:
            break
        }
    }
}
