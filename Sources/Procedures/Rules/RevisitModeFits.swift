import CaseModel

/// A revisit is made in a mode that suits the case: complaints at home or by letter, routine
/// repairs by phone, emergencies at home (002 篇2 §4.1.4, §4.1.6).
public struct RevisitModeFits: CaseRule {
    public let name = "revisit-mode"
    public static let clause = "002 篇2 §4.1.4, §4.1.6"
    public init() {}

    public func check(_ step: Step) throws(Refusal) {
        guard step.event.action == .revisit, let file = step.previous, let mode = step.event.mode,
              let expected = RevisitExpectation(for: file, profile: step.profile) else { return }
        if !expected.modes.contains(mode) {
            throw refuse(Self.clause, "mode \(mode.rawValue) does not suit this case; use \(expected.modes.map(\.rawValue).joined(separator: " or "))",
                         .init(.revisitMode, [.modes([mode]), .modes(expected.modes)]))
        }
    }
}
