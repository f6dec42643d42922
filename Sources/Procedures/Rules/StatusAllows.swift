import CaseModel

/// Each action may start only from certain statuses, each with the clause that says so.
public struct StatusAllows: CaseRule {
    public let name = "transition"
    public init() {}

    /// Statuses from which `action` may be taken, with the clause.
    public static func from(_ action: Action) -> (statuses: Set<Status>, clause: String) {
        switch action {
        case .open: return ([], "002 篇1 §4.2")
        case .dispatch: return ([.open, .inProgress], "002 篇1 §4.5")
        case .note: return ([.open, .inProgress, .resolved, .referred], "000 §1(5); 001 §5.2.3")
        case .escalate: return ([.open, .inProgress], "002 篇1 §4.7–4.8")
        case .resolve: return ([.open, .inProgress], "002 篇1 §4.6")
        case .revisit: return ([.resolved], "002 篇2 §4.1")
        case .close: return ([.resolved, .referred], "002 篇2 §4.1.2")
        case .reopen: return ([.resolved, .closed, .referred, .unresolvable], "002 篇2 §4.4")
        case .refer: return ([.open, .inProgress], "001 篇2 §4.5; 000 §2(2)")
        case .unresolvable: return ([.open, .inProgress], "002 篇1 §3.3.3")
        case .reclassify: return ([.open, .inProgress, .resolved], "002 篇5 §4; 001 篇2 §4.5")
        case .breach: return ([.open, .inProgress, .resolved], "PROCEDURES.md §2")
        case .reschedule: return ([.open, .inProgress, .resolved], "PROCEDURES.md §2")
        case .reveal: return (Set(Status.allCases), "PIPL Art. 51 (access recorded)")
        case .erased: return (Set(Status.allCases), "PIPL Art. 47 (deletion)")
        // The record is put right whatever the case's status (004 §4.1 记清楚).
        case .correct: return (Set(Status.allCases), CorrectionAllowed.clause)
        case .rectify: return ([.open, .inProgress], InspectionSteps.clause)
        case .verify: return ([.resolved], InspectionSteps.clause)
        case .checklist: return ([.open, .inProgress, .resolved, .referred], "001 §5.6.6, §5.6.8, §5.6.9")
        case .approve: return ([.open, .inProgress], JudicialRequirements.lawyerClause)
        }
    }

    public func check(_ step: Step) throws(Refusal) {
        guard let state = step.previous?.state, step.event.action != .open else { return }
        let (from, clause) = Self.from(step.event.action)
        guard from.contains(state.status) else {
            let list = Status.allCases.filter(from.contains).map(\.rawValue).joined(separator: ", ")
            let allowed = Status.allCases.filter(from.contains)
            throw refuse(clause, "\(step.event.action.rawValue) is not allowed while the case is \(state.status.rawValue)"
                         + (list.isEmpty ? "" : " (only when \(list))"),
                         .init(allowed.isEmpty ? .transitionNever : .transition, [.action(step.event.action), .status(state.status), .statuses(allowed)]))
        }
    }
}
