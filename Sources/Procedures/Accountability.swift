import CaseModel
import Foundation

/// Valid complaints against each member of staff, by calendar year, and what follows from them
/// (003 篇2 第十二条; kept as an optional profile).
public enum Accountability {
    /// One member's year.
    public struct Tally: Equatable, Sendable {
        public var staff: StaffID
        public var cases: [CaseID]
        public var consequence: AccountabilityStep?
    }

    /// When a complaint was found valid against the member it names now: the last event that set
    /// the validity or the name.
    public static func decidedAt(_ file: CaseFile) -> Timestamp? {
        file.events.last { $0.action == .reclassify && ($0.valid != nil || $0.against != nil) }?.at
    }

    /// The complaints found valid against a named member of staff in `year` (in `zone`), per
    /// member, most first, with the ladder's consequence.
    public static func tally(_ cases: [CaseFile], year: String, rule: AccountabilityRule, zone: TimeZone) -> [Tally] {
        var by: [StaffID: [CaseID]] = [:]
        for file in cases where file.intake.kind == .complaint && file.state.valid == true {
            guard let who = file.state.against, let at = decidedAt(file),
                  Timestamp(date: at.date, in: zone).localDay.hasPrefix(year + "-") else { continue }
            by[who, default: []].append(file.id)
        }
        return by.map { Tally(staff: $0.key, cases: $0.value.sorted { $0.rawValue < $1.rawValue }, consequence: rule.consequence(of: $0.value.count)) }
            .sorted { ($1.cases.count, $0.staff.rawValue) < ($0.cases.count, $1.staff.rawValue) }
    }
}
