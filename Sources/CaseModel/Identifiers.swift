import Tagged

/// Tag types for the typed identifiers of the domain, so that a case id, a staff id and a
/// commit hash cannot be mixed up.
public enum CaseTag {}
public enum StaffTag {}

/// A case's id, e.g. `C-20261122-K3F-0003` (prefix, intake date, desk, sequence).
public typealias CaseID = Tagged<CaseTag, String>
/// A staff member's id from `records/staff.json`, e.g. `li.na`.
public typealias StaffID = Tagged<StaffTag, String>

extension CaseID {
    /// Whether the id has the shape casebook writes: letters, digits and `-` only, so it is always
    /// a safe file name (no `/`, no `..`).
    public var isWellFormed: Bool {
        !rawValue.isEmpty && rawValue.count <= 64 && rawValue.first != "-"
            && rawValue.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" }
    }

    /// The intake date the id carries (`YYYYMMDD`: its first part of eight digits), which names
    /// the case's folder; nil when it has none.
    public var intakeDay: String? {
        let parts: [Substring] = rawValue.split(separator: "-")
        return parts.first { $0.count == 8 && $0.allSatisfy(\.isNumber) }.map(String.init)
    }
}

extension StaffID {
    /// Staff ids are lower-case ASCII words joined by `.`, `-` or `_`.
    public var isWellFormed: Bool {
        !rawValue.isEmpty && rawValue.count <= 64
            && rawValue.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-" || $0 == "_" }
    }
}
