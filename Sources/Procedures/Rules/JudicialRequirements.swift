import CaseModel

/// A request for an owner's data (司法调查, 001 §5.6.5): the police, procuratorate or discipline
/// body come with the local police officer, whose name and badge number stand in the receiver's
/// field (5.6.5.1–5.6.5.2); a lawyer brings a letter of introduction, a practising licence and a
/// power of attorney, and nothing is released (resolved) before the approval (5.6.5.3).
public struct JudicialRequirements: CaseRule {
    public let name = "judicial"
    public static let officerClause = "001 §5.6.5.1–5.6.5.2"
    public static let lawyerClause = "001 §5.6.5.3"
    public init() {}

    static func blank(_ s: String?) -> Bool { (s ?? "").trimmingCharacters(in: .whitespaces).isEmpty }

    public func check(_ step: Step) throws(Refusal) {
        let e = step.event
        if e.action == .open, let intake = e.intake {
            guard intake.kind == .judicial else {
                if intake.judicial != nil { throw refuse("001 §5.6.5", "only a judicial request names a requester", .init(.judicialRequesterOnly, [])) }
                return
            }
            guard let j = intake.judicial else {
                throw refuse("001 §5.6.5", "a judicial request names who asks (--requester police, procuratorate, discipline or lawyer)",
                             .init(.judicialRequester, []))
            }
            if j.requester.needsOfficer {
                let missing = [("--officer", j.officerName), ("--badge", j.officerBadge)].filter { Self.blank($0.1) }.map(\.0)
                if !missing.isEmpty {
                    throw refuse(Self.officerClause, "a request by the \(j.requester.rawValue) for owner data needs the accompanying officer's name and badge number "
                                 + "in place of the receiver; missing \(missing.joined(separator: ", "))",
                                 .init(.judicialOfficer, [.requester(j.requester), .texts(missing)]))
                }
            } else {
                let missing = [("--letter", j.letter), ("--licence", j.licence), ("--power-of-attorney", j.powerOfAttorney)]
                    .filter { Self.blank($0.1) }.map(\.0)
                if !missing.isEmpty {
                    throw refuse(Self.lawyerClause, "a lawyer's request needs the letter of introduction, practising licence and power of attorney; missing "
                                 + missing.joined(separator: ", "), .init(.judicialLawyer, [.texts(missing)]))
                }
            }
            return
        }
        guard let previous = step.previous else { return }
        let lawyer = previous.intake.kind == .judicial && previous.intake.judicial?.requester == .lawyer
        switch e.action {
        case .approve:
            guard lawyer else { throw refuse(Self.lawyerClause, "only a lawyer's request for owner data is approved", .init(.judicialApproveLawyer, [])) }
            guard previous.state.approval == nil else { throw refuse(Self.lawyerClause, "the request is already approved", .init(.judicialApproved, [])) }
        case .resolve where lawyer && previous.state.approval == nil:
            throw refuse(Self.lawyerClause, "nothing is released to a lawyer before a manager approves the request (casebook approve)",
                         .init(.judicialNotApproved, []))
        default:
            break
        }
    }
}
