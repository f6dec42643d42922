import CaseModel

/// Residents' phone numbers never enter the history in clear (PIPL Art. 51; DESIGN: residents'
/// data sealed): free text of a new step — note, reason, result, revisit notes, agency, late reason, the
/// intake's summary and details — may not hold a mainland mobile number unmasked. The commands
/// mask them as they record; this catches hand edits.
public struct NoPhoneInClear: CaseRule {
    public let name = "personal-data"
    public static let clause = "PIPL Art. 51; DESIGN: residents' data sealed"
    public init() {}

    public func check(_ step: Step) throws(Refusal) {
        let e = step.event
        let fields: [(String, String?)] = [
            ("text", e.text), ("reason", e.reason), ("result", e.result), ("notes", e.notes), ("agency", e.agency),
            ("intake.summary", e.intake?.summary), ("intake.details", e.intake?.details), ("intake.unit", e.intake?.unit),
            ("value", e.value), ("intake.judicial.officerName", e.intake?.judicial?.officerName), ("lateReason", e.lateReason),
        ]
        for (field, value) in fields {
            if let value, Contact.maskMobiles(value) != value {
                throw refuse(Self.clause, "\(field) holds a mobile number in clear; write it masked (138****5678)", .init(.personalData, [.text(field)]))
            }
        }
    }
}
