import Foundation
/// A member of staff from `records/staff.json`.
public struct Staff: Codable, Equatable, Sendable {
    public var id: StaffID
    public var name: String
    public var email: String
    public var roles: [Role]
    public var department: Department?
    /// The SSH public key their commits are signed with (`ssh-ed25519 AAAA… comment`).
    public var key: String?

    /// Roles that own the configuration (procedures, calendar, staff): manager and above.
    public static let configurationOwners: Set<Role> = [.manager, .director, .generalManager]

    /// Whether this person may change configuration files (manager, director, general manager).
    public var ownsConfiguration: Bool { roles.contains(where: Staff.configurationOwners.contains) }

    public init(id: StaffID, name: String, email: String, roles: [Role], department: Department? = nil, key: String? = nil) {
        self.id = id
        self.name = name
        self.email = email
        self.roles = roles
        self.department = department
        self.key = key
    }
}

/// `records/staff.json`: the staff registry.
public struct StaffRegistry: Codable, Equatable, Sendable {
    public static let format = "casebook.staff/1"
    public var format: String = StaffRegistry.format
    public var staff: [Staff]

    public init(staff: [Staff] = []) { self.staff = staff }

    public subscript(id: StaffID) -> Staff? { staff.first { $0.id == id } }

    public func byEmail(_ email: String) -> Staff? {
        staff.first { $0.email.lowercased() == email.lowercased() }
    }

    /// The allowed-signers file for `git -c gpg.ssh.allowedSignersFile=FILE verify-commit`: one
    /// `EMAIL namespaces="git" KEY` line per member with a registered SSH key.
    public var allowedSigners: String {
        staff.compactMap { member in
            member.key.map { "\(member.email) namespaces=\"git\" \($0.trimmingCharacters(in: .whitespacesAndNewlines))\n" }
        }.joined()
    }
}

/// `records/casebook.json`: the service centre's settings.
public struct Settings: Codable, Equatable, Sendable {
    public static let format = "casebook.settings/1"
    public var format: String = Settings.format
    /// The service centre's name, shown on the dashboard.
    public var site: String
    /// IANA time zone of the desk, default Asia/Shanghai.
    public var timeZone: String
    /// `zh-Hans` or `en`.
    public var locale: String
    /// The active procedure profile: `residential`, `villa` or `mall`.
    public var profile: String
    /// Prefix of case ids, e.g. `C`.
    public var idPrefix: String
    /// Whether every commit must carry a signature by the author's registered key.
    public var requireSignatures: Bool
    /// Who must sign (absent: `where-registered`); `requireSignatures: true` means `required`
    /// whatever this says. Relaxing it to `optional` takes a manager's signed commit.
    public var signatures: SignaturePolicy?
    /// How many years records are kept after their month (absent: 2, 002 篇2 §4.2).
    public var retentionYears: Int?
    /// The estate's units 房号; when present, intake and corrections accept only these.
    public var units: [String]?
    /// Whether the site writes the managers' accountability page when the profile has the
    /// accountability ladder (absent: yes; false leaves it out).
    public var accountabilityPage: Bool?
    /// How case files are laid out (absent: `month`, as every repository was before day
    /// folders; `init` writes `day`). Changed only by `casebook layout migrate`.
    public var layout: CaseLayout?
    /// The retention period in force.
    public var keepYears: Int { retentionYears ?? 2 }
    /// The case layout in force.
    public var caseLayout: CaseLayout { layout ?? .month }

    /// The signature policy in force.
    public var signaturePolicy: SignaturePolicy { requireSignatures ? .required : signatures ?? .whereRegistered }

    public init(site: String, timeZone: String = "Asia/Shanghai", locale: String = "zh-Hans",
                profile: String = "residential", idPrefix: String = "C", requireSignatures: Bool = false) {
        self.site = site
        self.timeZone = timeZone
        self.locale = locale
        self.profile = profile
        self.idPrefix = idPrefix
        self.requireSignatures = requireSignatures
    }
}

/// Which commits must carry their author's signature (the design card: every state change is a
/// commit with a signed author). A commit's author is always on the staff list.
public enum SignaturePolicy: String, Codable, CaseIterable, Sendable {
    /// Every commit after the first, by everyone (`requireSignatures: true`).
    case required
    /// The default: every commit of an author with a registered key, signed with that key; staff
    /// without a key yet may still commit unsigned, so nobody acts in another's name once they
    /// have one.
    case whereRegistered = "where-registered"
    /// Relaxed: signatures are checked where present, never required (the dashboard says so).
    case optional

    /// Whether a commit by `author` must be signed by their registered key.
    public func requiresSignature(of author: Staff) -> Bool {
        switch self {
        case .required: true
        case .whereRegistered: author.key != nil
        case .optional: false
        }
    }

    /// How strict the policy is: a change to a lower rank relaxes it.
    public var rank: Int {
        switch self {
        case .required: 2
        case .whereRegistered: 1
        case .optional: 0
        }
    }
}

