import CaseModel

/// A mistaken intake entry is put right by a `correct` event, never by editing history: it names
/// a correctable field, the value it replaces (which must be the value the case holds), a new
/// value the field can hold, and the reason; and only the case's first-responsible person
/// 首问责任人 (who wrote the record, 001 §5.1.2; "记清楚", 004 §4.1) or a supervisor and above
/// (who review the intake log, 002 篇1 §4.3) may make it.
public struct CorrectionAllowed: CaseRule {
    public let name = "correction"
    public static let clause = "004 §4.1; 001 §5.1.2; 002 篇1 §4.3"
    /// Roles that may correct any case's record: the supervisor and those above (002 篇1 §4.3, §4.9).
    public static let reviewers: Set<Role> = [.supervisor, .manager, .director, .generalManager]
    public init() {}

    public func check(_ step: Step) throws(Refusal) {
        let e = step.event
        guard e.action == .correct, let previous = step.previous else { return }
        guard let c = e.correction else {
            throw refuse(Self.clause, "a correction names the field, its old and its new value", .init(.correctionIncomplete, []))
        }
        guard let reason = e.reason, !reason.allSatisfy(\.isWhitespace) else {
            throw refuse(Self.clause, "a correction needs the reason it is made", .init(.correctionReason, []))
        }
        let intake = previous.intake
        guard step.actor.id == intake.firstResponder || step.actor.roles.contains(where: Self.reviewers.contains) else {
            throw refuse(Self.clause, "\(step.actor.id.rawValue) (\(step.actor.roleList)) may not correct this record; only its first-responsible person \(intake.firstResponder.rawValue) or a supervisor, manager, director or general manager",
                         .init(.correctionWho, [.text(step.actor.id.rawValue), .roles(step.actor.roles), .text(intake.firstResponder.rawValue)]))
        }
        let current = Correction.value(of: c.field, in: intake)
        guard c.from == current else {
            throw refuse(Self.clause, "\(c.field.rawValue): the old value '\(c.display(c.from).prefix(40))' is not the one the case holds ('\(c.display(current).prefix(40))')",
                         .init(.correctionOld, [.field(c.field), .text(String(c.display(c.from).prefix(40))), .text(String(c.display(current).prefix(40)))]))
        }
        guard c.to != c.from else {
            throw refuse(Self.clause, "\(c.field.rawValue): the new value is the same as the old one", .init(.correctionSame, [.field(c.field)]))
        }
        if c.to.isEmpty, !c.field.isOptional {
            throw refuse(Self.clause, "\(c.field.rawValue): must not be empty", .init(.correctionEmpty, [.field(c.field)]))
        }
        let limit = c.field == .unit || c.field == .reporter ? 40 : c.field == .summary ? 200 : 2000
        guard c.to.count <= limit, c.to == c.to.trimmingWhitespace,
              !c.to.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" }) else {
            throw refuse(Self.clause, "\(c.field.rawValue): the new value is not trimmed, is longer than \(limit) characters or has control characters",
                         .init(.correctionForm, [.field(c.field), .text("\(limit)")]))
        }
        do {
            _ = try c.applied(to: intake)
        } catch {
            switch error {
            case .badValue(let field):
                throw refuse(Self.clause, error.description, .init(.correctionBadValue, [.field(field)]))
            }
        }
    }
}

extension String {
    /// Without leading and trailing spaces and newlines.
    var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
