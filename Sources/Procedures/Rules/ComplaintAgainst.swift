import CaseModel

/// A valid complaint may name the member of staff it is against, for the accountability ladder
/// (003 篇2 第十二条): only a complaint, only when it is (or is now found) valid, only a registered
/// member of staff, and only under a profile that keeps the ladder.
public struct ComplaintAgainst: CaseRule {
    public let name = "against"
    public static let clause = "003 篇2 第十二条"
    public init() {}

    public func check(_ step: Step) throws(Refusal) {
        guard let against = step.event.against else { return }
        guard step.profile.accountability != nil else {
            throw refuse(Self.clause, "profile \(step.profile.name) keeps no staff-accountability ladder", .init(.againstNoLadder, [.text(step.profile.name)]))
        }
        guard let previous = step.previous, previous.intake.kind == .complaint || step.event.kind == .complaint else {
            throw refuse(Self.clause, "only a complaint is against a member of staff", .init(.againstComplaint, []))
        }
        guard step.event.valid ?? previous.state.valid == true else {
            throw refuse(Self.clause, "only a complaint found valid counts against a member of staff (reclassify --valid)", .init(.againstValid, []))
        }
        guard step.staff[against] != nil else {
            throw refuse(Self.clause, "'\(oneLine(against.rawValue, limit: 64))' is not in records/staff.json",
                         .init(.unknownStaff, [.text(oneLine(against.rawValue, limit: 64))]))
        }
    }
}
