import CaseModel

/// One step under review: the event, the case as it stood before it (nil for `open`), and who
/// takes it under which profile.
public struct Step: Sendable {
    public let event: Event
    public let previous: CaseFile?
    public let actor: Staff
    public let staff: StaffRegistry
    public let profile: Profile
    /// When the step is being recorded — the clock of the command, of the pre-commit hook, or of
    /// the push for the server's hook — or nil where no such moment is known (a merge, which adds
    /// no steps of its own): only `LateEntry` reads it.
    public let recordedBy: Timestamp?

    public init(event: Event, previous: CaseFile?, actor: Staff, staff: StaffRegistry, profile: Profile, recordedBy: Timestamp? = nil) {
        self.event = event
        self.previous = previous
        self.actor = actor
        self.staff = staff
        self.profile = profile
        self.recordedBy = recordedBy
    }
}

/// One rule of the procedures: a stable name, the clause it comes from, and a check that either
/// passes or throws one `Refusal` saying what is wrong. Rules do no I/O.
public protocol CaseRule: Sendable {
    /// Short stable name used in refusals, e.g. `ladder-up`.
    var name: String { get }
    /// - Throws: `Refusal` with this rule's name when `step` breaks it.
    func check(_ step: Step) throws(Refusal)
}

extension CaseRule {
    /// A refusal of this rule, with its sentence as a template for the desk's languages.
    func refuse(_ clause: String, _ message: String, _ template: Refusal.Template) -> Refusal {
        Refusal(rule: name, clause: clause, message, template: template)
    }
}

extension Staff {
    /// The most senior of the member's roles, by `Role.rank`.
    public var seniority: Int { roles.map(\.rank).max() ?? -1 }

    var roleList: String { roles.map(\.rawValue).joined(separator: ", ") }
}
