import Foundation

/// Reads `records/staff.json` straight from its bytes into `StaffRegistry`, without `JSONDecoder`.
///
/// Every state change reads the staff list (who may do what, whose key signs), and `JSONDecoder`'s
/// first use of each type in a process costs more than the reading: the Swift runtime looks the
/// types up by name and scans every protocol conformance of the binary for each (some 3 % of a
/// `note` at 1,000 cases). A fast path like `SettingsReader`, never a second definition: it accepts
/// only what it fully understands (every key known, every value of the expected type, no key
/// twice) and gives nil otherwise, so that `RecordJSON.decode` falls back to `JSONDecoder`, which
/// decodes the file or names its fault as before. A test keeps both paths equal on the project's
/// list, lists with every field set and damaged copies of them.
enum StaffReader {
    /// The registry in `data`, or nil where `JSONDecoder` must decide.
    static func read(_ data: Data) -> StaffRegistry? {
        CaseFileReader.whole(data) { r throws(CaseFileReader.GiveUp) in try r.staffRegistry() }
    }
}

extension CaseFileReader.Reader {
    mutating func staffRegistry() throws(GiveUp) -> StaffRegistry {
        var format: String?, staff: [Staff]?
        try object { r, key throws(GiveUp) in
            switch key {
            case "format": format = try r.string()
            case "staff": staff = try r.array { r throws(GiveUp) in try r.member() }
            default: throw GiveUp()
            }
        }
        var registry = StaffRegistry(staff: try Self.need(staff))
        registry.format = try Self.need(format)
        return registry
    }

    mutating func member() throws(GiveUp) -> Staff {
        var id: StaffID?, name: String?, email: String?, roles: [Role]?, department: Department?, key: String?
        var superior: StaffID?, area: [String]?
        try object { r, field throws(GiveUp) in
            switch field {
            case "id": id = try r.staff()
            case "name": name = try r.string()
            case "email": email = try r.string()
            case "roles": roles = try r.array { r throws(GiveUp) in try r.raw(Role.self) }
            case "department": department = try r.optional { r throws(GiveUp) in try r.raw(Department.self) }
            case "key": key = try r.optional { r throws(GiveUp) in try r.string() }
            case "superior": superior = try r.optional { r throws(GiveUp) in try r.staff() }
            case "area": area = try r.optional { r throws(GiveUp) in try r.array { r throws(GiveUp) in try r.string() } }
            default: throw GiveUp()
            }
        }
        var member = Staff(id: try Self.need(id), name: try Self.need(name), email: try Self.need(email), roles: try Self.need(roles),
                           department: department, key: key)
        member.superior = superior
        member.area = area
        return member
    }
}
