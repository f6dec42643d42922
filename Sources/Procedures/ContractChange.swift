import CaseModel

/// A change to a contract under review: the record before (nil when new) and after, with the
/// staff registry, the profile's dates and the uniform numbers other contracts already hold.
public struct ContractCheckStep: Sendable {
    public let old: ContractRecord?
    public let new: ContractRecord
    public let staff: StaffRegistry
    /// Archive numbers of the other contracts: a number is given once (§4.6.1).
    public let numbersTaken: [String: String]

    /// The steps this change adds, with their index and the state before each.
    public var newSteps: [(index: Int, step: ContractStep, before: ContractState)] {
        let start = old?.steps.count ?? 0
        return new.steps.indices.dropFirst(start).map { ($0, new.steps[$0], new.state(after: $0)) }
    }
}

/// One rule of the contracts' procedure (002 篇3), with its name.
public protocol ContractCheck: Sendable {
    var name: String { get }
    func check(_ step: ContractCheckStep) throws(Refusal)
}

extension ContractCheck {
    func refuse(_ clause: String, _ message: String, _ template: Refusal.Template) -> Refusal {
        Refusal(rule: name, clause: clause, message, template: template)
    }
}

/// The one check every change of a contract goes through: the commands and the hooks.
public enum ContractChange {
    public static let rules: [any ContractCheck] = [ContractAppendOnly(), ContractParticulars(), ContractStepOrder(), ContractRoles(),
                                                    ContractReviewPoints(), ContractStepFields(), ContractReveals()]

    /// Validates that `new` may replace `old` (nil for a new contract) at `path`.
    /// - Throws: `Refusal` for the first rule broken, located at the step it concerns.
    public static func validate(old: ContractRecord?, new: ContractRecord, path: String, staff: StaffRegistry,
                                numbersTaken: [String: String] = [:]) throws(Refusal) {
        guard new.format == ContractRecord.format else {
            throw Refusal(rule: "schema", clause: "records/schema/contract.schema.json", "format must be \(ContractRecord.format)",
                          template: .init(.format, [.text(ContractRecord.format)]))
        }
        guard ContractRecord.isWellFormed(new.id), path == new.path else {
            throw Refusal(rule: "path", clause: "DESIGN: records/contracts/<id>.json", "contract must be at \(new.path) with an id like H-1a2b3c4d",
                          template: .init(.contractPath, [.text(new.path)]))
        }
        let step = ContractCheckStep(old: old, new: new, staff: staff, numbersTaken: numbersTaken)
        for r in rules { try r.check(step) }
    }

    /// Whether `member` is the general manager.
    static func isGM(_ member: Staff?) -> Bool { member?.roles.contains(.generalManager) == true }

    /// Whether `member` works in `department`.
    static func isIn(_ member: Staff?, _ department: Department) -> Bool { member?.department == department }
}

/// Whether `text` is a day YYYY-MM-DD of the Gregorian calendar.
func isDay(_ text: String) -> Bool {
    guard text.wholeMatch(of: /[0-9]{4}-[0-9]{2}-[0-9]{2}/) != nil, let y = Int(text.prefix(4)), let m = Int(text.dropFirst(5).prefix(2)),
          let d = Int(text.suffix(2)), (1...12).contains(m), d >= 1 else { return false }
    let days = [31, y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return d <= days[m - 1]
}
