import CaseModel

/// A review records every point of §4.4.2 for the contract's direction — providing services:
/// capability, price, risk, clarity, legality, social benefit, other; buying them: the
/// supplier's capability, price, reputation, after-sales service, clarity, legality, risk, our
/// ability to monitor, other — once each, with a finding; it passes exactly when every point is
/// acceptable.
public struct ContractReviewPoints: ContractCheck {
    public let name = "review-points"
    public init() {}

    public func check(_ step: ContractCheckStep) throws(Refusal) {
        let direction = step.new.kind.direction
        let required = ContractReviewPoint.required(for: direction)
        let clause = direction == .providing ? "002 篇3 §4.4.2 a" : "002 篇3 §4.4.2 b"
        for (i, s, _) in step.newSteps {
            let place = "steps[\(i)]: "
            guard s.action == .review else {
                if s.review != nil { throw refuse("002 篇3 §4.4", "only a review step holds a review", .init(.contractReviewOnly, [])).at(place) }
                continue
            }
            guard let r = s.review else {
                throw refuse(clause, "a review step holds its review record", .init(.contractReviewMissing, [])).at(place)
            }
            let points = r.findings.map(\.point)
            let missing = required.filter { !points.contains($0) }
            guard missing.isEmpty, points.count == required.count, Set(points).count == points.count,
                  r.findings.allSatisfy({ !$0.finding.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) else {
                let absent = missing.isEmpty ? required.filter { p in r.findings.contains { $0.point == p && $0.finding.trimmingCharacters(in: .whitespaces).isEmpty } } : missing
                throw refuse(clause, "the review records each point of \(clause) once with its finding; missing or empty: "
                             + (absent.isEmpty ? "(a point twice or not of this direction)" : absent.map(\.rawValue).joined(separator: ", ")),
                             .init(.contractReviewPointsMissing, [.contractPoints(absent)])).at(place)
            }
            guard r.passed == r.findings.allSatisfy(\.acceptable) else {
                throw refuse("002 篇3 §4.5.1", "a review passes when every point is acceptable, and fails when one is not", .init(.contractReviewPassed, [])).at(place)
            }
            if r.findings.contains(where: { Contact.maskMobiles($0.finding) != $0.finding }) {
                throw refuse(NoPhoneInClear.clause, "a finding holds a mobile number in clear; write it masked (138****5678)", .init(.contractPhone, [])).at(place)
            }
        }
    }
}
