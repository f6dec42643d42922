import Foundation

/// The two lists of residents the centre visits on a schedule of its own: key owners 重点业主,
/// maintained regularly (000 §1(7)), and empty-nest elderly 空巢老人, kept on a separate list with
/// their emergency contacts and visited regularly — daily for the very old (001 §5.6.7).
public enum RegisterKind: String, Codable, CaseIterable, Sendable {
    /// 重点业主 (000 §1(7))
    case keyOwner = "key-owner"
    /// 空巢老人 (001 §5.6.7)
    case emptyNest = "empty-nest"

    /// The folder under `records/registers/`.
    public var folder: String {
        switch self {
        case .keyOwner: "key-owners"
        case .emptyNest: "empty-nest"
        }
    }

    /// The first letter of the entries' ids.
    public var prefix: String {
        switch self {
        case .keyOwner: "K"
        case .emptyNest: "E"
        }
    }
}

/// One visit to a resident on a register, recorded as its own signed commit.
public struct RegisterVisit: Codable, Equatable, Sendable {
    public var at: Timestamp
    public var by: StaffID
    public var mode: RevisitMode
    public var notes: String?

    public init(at: Timestamp, by: StaffID, mode: RevisitMode, notes: String? = nil) {
        self.at = at
        self.by = by
        self.mode = mode
        self.notes = notes
    }
}

/// `records/registers/<folder>/<id>.json`: one resident on a register. The resident and (for the
/// empty-nest elderly) the emergency contacts are personal data: display forms in clear, the full
/// values sealed under the resident's own key, like a case's reporter. Only `visits` grows.
public struct RegisterEntry: Codable, Equatable, Sendable {
    public static let format = "casebook.register/1"
    public var format: String = RegisterEntry.format
    public var register: RegisterKind
    /// `K-` or `E-` and 8 hex digits, drawn at random (two desks never draw the same).
    public var id: String
    /// 房号
    public var unit: String
    public var resident: Contact
    /// Why a key owner is one (e.g. 业委会委员), or the elder's circumstances, without medical detail.
    public var reason: String?
    /// A very old resident, visited every day (对高龄老人每日登门拜访, 001 §5.6.7.3).
    public var aged: Bool?
    /// 紧急情况联系人 (001 §5.6.7.1–5.6.7.2), sealed under the resident's key.
    public var emergencyContacts: [Contact]?
    /// How often the resident is visited, from the profile when the entry was made, with its clause.
    public var visitEveryDays: Int
    public var clause: String
    public var addedBy: StaffID
    public var addedAt: Timestamp
    public var visits: [RegisterVisit]
    /// Who opened the sealed name, phone and contacts, when and why (the audit trail of
    /// `register show --reveal`, PIPL Art. 51).
    public var reveals: [RegisterReveal]?

    public init(register: RegisterKind, id: String, unit: String, resident: Contact, reason: String?, aged: Bool?, emergencyContacts: [Contact]?,
                visitEveryDays: Int, clause: String, addedBy: StaffID, addedAt: Timestamp, visits: [RegisterVisit] = []) {
        self.register = register
        self.id = id
        self.unit = unit
        self.resident = resident
        self.reason = reason
        self.aged = aged
        self.emergencyContacts = emergencyContacts
        self.visitEveryDays = visitEveryDays
        self.clause = clause
        self.addedBy = addedBy
        self.addedAt = addedAt
        self.visits = visits
    }

    public var path: String { RegisterEntry.path(register, id: id) }

    public static func path(_ register: RegisterKind, id: String) -> String { "records/registers/\(register.folder)/\(id).json" }

    /// Whether `id` is a register id of `register`: its letter, a dash and 8 lowercase hex digits.
    public static func isWellFormed(_ id: String, _ register: RegisterKind) -> Bool {
        id.count == 10 && id.hasPrefix(register.prefix + "-")
            && id.dropFirst(2).unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
    }

    /// A new random id on `register`.
    public static func newID(_ register: RegisterKind) -> String {
        var rng = SystemRandomNumberGenerator()
        return register.prefix + "-" + String(format: "%08x", UInt32.random(in: .min ... .max, using: &rng))
    }

    /// When the next visit is due: `visitEveryDays` after the last visit, or after the entry was made.
    public var nextVisitDue: Timestamp {
        (visits.last?.at ?? addedAt).adding(seconds: visitEveryDays * 86_400)
    }
}

/// One opening of a register entry's sealed values.
public struct RegisterReveal: Codable, Equatable, Sendable {
    public var at: Timestamp
    public var by: StaffID
    public var reason: String

    public init(at: Timestamp, by: StaffID, reason: String) {
        self.at = at
        self.by = by
        self.reason = reason
    }
}

/// "Residents on this register are visited every `visitEveryDays` days (the very old every
/// `agedVisitEveryDays`), by these roles, in these modes."
public struct RegisterRule: Codable, Equatable, Sendable {
    public var register: RegisterKind
    public var visitEveryDays: Int
    public var agedVisitEveryDays: Int?
    public var by: [Role]
    public var modes: [RevisitMode]
    public var clause: String
    public var agedClause: String?

    /// The interval and clause for a resident (aged or not).
    public func schedule(aged: Bool) -> (days: Int, clause: String) {
        if aged, let d = agedVisitEveryDays { return (d, agedClause ?? clause) }
        return (visitEveryDays, clause)
    }
}
