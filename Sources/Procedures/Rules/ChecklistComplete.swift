import CaseModel

/// An emergency of a known type (120, 110, fire) follows its checklist: each item is recorded
/// once, with its value where it has one (the hospital), and the case is not resolved or closed
/// until every item is (001 §5.6.6, §5.6.8, §5.6.9).
public struct ChecklistComplete: CaseRule {
    public let name = "checklist"
    public init() {}

    public func check(_ step: Step) throws(Refusal) {
        let e = step.event
        if e.action == .open, let intake = e.intake {
            if intake.emergency != nil, intake.kind != .emergency {
                throw refuse("001 §5.6", "only an emergency has an emergency type (120, 110, fire)", .init(.checklistTypeOnly, []))
            }
            return
        }
        guard let previous = step.previous else { return }
        let type = previous.intake.emergency
        let done = Set((previous.state.checklist ?? []).map(\.item))
        switch e.action {
        case .checklist:
            guard let item = e.item else { return }
            guard let type else {
                throw refuse("001 §5.6", "checklist items belong to emergencies of a known type (120, 110, fire)", .init(.checklistNoType, []))
            }
            guard item.emergency == type else {
                throw refuse(item.clause, "'\(item.rawValue)' is not an item of the \(type.rawValue) checklist ("
                             + type.checklist.map(\.rawValue).joined(separator: ", ") + ")",
                             .init(.checklistNotItem, [.items([item]), .emergency(type), .items(type.checklist)]))
            }
            guard !done.contains(item) else {
                throw refuse(item.clause, "'\(item.rawValue)' is already recorded", .init(.checklistDone, [.items([item])]))
            }
            if item.needsValue, (e.value ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                throw refuse(item.clause, "'\(item.rawValue)' needs its value (--value, e.g. the hospital's name and address)",
                             .init(.checklistValue, [.items([item])]))
            }
        case .resolve, .close:
            guard let type, let missing = type.checklist.first(where: { !done.contains($0) }) else { return }
            throw refuse(missing.clause, "\(e.action.rawValue) needs the \(type.rawValue) checklist item '\(missing.rawValue)' recorded first",
                         .init(.checklistMissing, [.action(e.action), .emergency(type), .items([missing])]))
        default:
            break
        }
    }
}
