/// How case files are laid out under `records/cases/`: by month (`YYYY/MM/<id>.json`, every
/// repository made before day folders) or by day (`YYYY/MM/DD/<id>.json`, what `init` makes).
/// A busy centre records some 8,000 cases a month; a commit rewrites and hashes the folder it
/// changes, and a checked commit parses it, so a month's folder made every step cost grow with
/// the archive. A day's folder holds a few hundred. `casebook layout migrate` moves a repository
/// from one to the other in one checked commit by a manager; `settings.layout` says which is in force.
public enum CaseLayout: String, Codable, CaseIterable, Sendable {
    case month
    case day

    /// The folder of the cases received on `day` (`YYYY-MM-DD` or `YYYYMMDD`).
    public func folder(forDay day: some StringProtocol) -> String {
        let digits = String(day.filter(\.isNumber))
        let y = digits.prefix(4), m = digits.dropFirst(4).prefix(2), d = digits.dropFirst(6).prefix(2)
        switch self {
        case .month: return "records/cases/\(y)/\(m)"
        case .day: return "records/cases/\(y)/\(m)/\(d)"
        }
    }

    /// The layout's folders as a pattern, for people: `records/cases/YYYY/MM/DD`.
    public var pattern: String {
        switch self {
        case .month: "records/cases/YYYY/MM"
        case .day: "records/cases/YYYY/MM/DD"
        }
    }

    /// The path of case `id` received on `day`.
    public func path(of id: CaseID, day: some StringProtocol) -> String {
        "\(folder(forDay: day))/\(id.rawValue).json"
    }

    /// The layout a case file's path is in, if it is one of them.
    public static func of(path: String) -> CaseLayout? {
        guard path.hasPrefix("records/cases/"), path.hasSuffix(".json") else { return nil }
        switch path.split(separator: "/").count {
        case 5: return .month
        case 6: return .day
        default: return nil
        }
    }

    /// The name the history index and moves know a case file by: its file name, the same in every layout.
    public static func name(of path: String) -> Substring {
        guard let slash = path.lastIndex(of: "/") else { return Substring(path) }
        return path[path.index(after: slash)...]
    }
}
