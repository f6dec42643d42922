import CaseModel
import Foundation
import GitStore
import Procedures

/// A problem found on the round that needs work: written `KIND[/GRADE][@UNIT] TEXT`, e.g.
/// `repair/small@3-2-1801 楼道灯不亮` (the grade is a complaint's severity or a repair's size;
/// default minor, small).
package struct RaisedProblem {
    var kind: Kind
    var severity: Severity?
    var repairSize: RepairSize?
    package var unit: String?
    package var summary: String

    package init(parsing raw: String, option: String) throws {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        guard let space = trimmed.firstIndex(of: " ") else { throw Failure(key: "badRaise", option, oneLine(raw, limit: 40)) }
        var head = String(trimmed[..<space])
        summary = try text(String(trimmed[space...]).trimmingCharacters(in: .whitespaces), field: option, limit: 200)
        if let at = head.firstIndex(of: "@") {
            unit = try text(String(head[head.index(after: at)...]), field: option, limit: 40)
            head = String(head[..<at])
        }
        let parts = head.split(separator: "/").map(String.init)
        guard let first = parts.first, let k = Kind(rawValue: first), k != .nonconformity, parts.count <= 2 else {
            throw Failure(key: "badRaise", option, oneLine(raw, limit: 40))
        }
        kind = k
        let grade = parts.count == 2 ? parts[1] : nil
        switch k {
        case .complaint: severity = grade.flatMap(Severity.init(rawValue:)) ?? (grade == nil ? .minor : nil)
        case .repair: repairSize = grade.flatMap(RepairSize.init(rawValue:)) ?? (grade == nil ? .small : nil)
        default: if grade != nil { throw Failure(key: "badRaise", option, oneLine(raw, limit: 40)) }
        }
        if (k == .complaint && severity == nil) || (k == .repair && repairSize == nil) { throw Failure(key: "badRaise", option, oneLine(raw, limit: 40)) }
    }
}

/// The steps of the daily round (003 九) the commands and the simulator share: each validates
/// the record exactly as the hook does and makes one commit by its author.
extension Workspace {
    /// Opens a case for a problem found on the round, through the normal open step; `reporter`
    /// is sealed like any reporter.
    package func openRaised(_ p: RaisedProblem, channel: Channel, reporter: Contact, by actor: Staff, at: Timestamp) throws -> CaseID {
        if let unit = p.unit, let units = settings.units, !units.isEmpty, !units.contains(unit) {
            throw Failure(key: "unitNotListed", "--raise", String(unit.prefix(40)))
        }
        let intake = Intake(receivedAt: at, channel: channel, kind: p.kind, severity: p.severity, repairSize: p.repairSize, unit: p.unit,
                            reporter: reporter, summary: Contact.maskMobiles(p.summary), firstResponder: actor.id)
        return try open(intake, by: actor).id
    }

    /// Commits a round record after `validate` accepted it.
    func commitRound<T: Encodable>(_ record: T, path: String, by actor: Staff, at: Timestamp, subject: String, action: String, clause: String,
                                   validate: () throws(Refusal) -> Void) throws {
        do { try validate() } catch { throw Failure.about(path, error) }
        try commit([FileChange(path: path, content: try RecordJSON.encode(record))], by: actor, at: at, message: """
            \(subject)

            Action: \(action)
            Procedure: \(clause)
            """)
    }

    /// Hands in `report` (its review due computed here), by its author.
    package func handIn(_ report: PatrolReport, by actor: Staff) throws {
        if try repo.read(report.path, at: base) != nil { throw Failure(key: "roundExists", report.path) }
        try commitRound(report, path: report.path, by: actor, at: report.handedInAt, subject: "patrol report \(report.day) of \(report.by.rawValue)",
                        action: "patrol-report", clause: RoundChange.patrolClause) { () throws(Refusal) in
            try RoundChange.validate(old: nil, new: report, path: report.path, staff: staff, profile: profile, calendar: calendar)
        }
    }

    /// The patrol report at `path`, as committed.
    package func patrol(_ path: String) throws -> PatrolReport {
        try Workspace.record(PatrolReport.self, path, in: repo, at: base, missing: Failure(key: "doesNotExist", path))
    }

    /// Records `actor`'s review of the report at `path`.
    package func review(patrol path: String, by actor: Staff, at: Timestamp, notes: String?) throws {
        let old = try patrol(path)
        var new = old
        new.review = PatrolReview(by: actor.id, at: at, notes: notes)
        let late = at > old.reviewDue ? " (late)" : ""
        try commitRound(new, path: path, by: actor, at: at, subject: "patrol report \(old.day) of \(old.by.rawValue) reviewed\(late)",
                        action: "patrol-review", clause: RoundChange.patrolClause) { () throws(Refusal) in
            try RoundChange.validate(old: old, new: new, path: path, staff: staff, profile: profile, calendar: calendar)
        }
    }

    /// Records a household visit.
    package func record(visit: HouseholdVisit, by actor: Staff) throws {
        try commitRound(visit, path: visit.path, by: actor, at: visit.at, subject: "visit \(visit.unit) by \(visit.by.rawValue)",
                        action: "household-visit", clause: RoundChange.visitClause) { () throws(Refusal) in
            try RoundChange.validate(old: nil, new: visit, path: visit.path, staff: staff, profile: profile, units: settings.units)
        }
    }

    /// Records a monthly summary.
    package func record(summary: MonthlySummary, by actor: Staff) throws {
        if try repo.read(summary.path, at: base) != nil { throw Failure(key: "roundExists", summary.path) }
        try commitRound(summary, path: summary.path, by: actor, at: summary.at, subject: "monthly summary \(summary.month) of \(summary.by.rawValue)",
                        action: "monthly-summary", clause: RoundChange.summaryClause) { () throws(Refusal) in
            try RoundChange.validate(old: nil, new: summary, path: summary.path, staff: staff, profile: profile, zone: zone)
        }
    }

    // MARK: - Reading

    /// Every record of one kind under `records/rounds/<folder>` at the base.
    func roundRecords<T: Decodable>(_ type: T.Type, _ folder: String) throws -> [T] {
        try repo.files(under: "records/rounds/" + folder, at: base).filter { $0.path.hasSuffix(".json") }.map { f in
            try RecordJSON.decode(type, from: repo.blob(f.blob), file: f.path)
        }
    }

    /// The round as committed: patrol reports, visits and summaries.
    package func rounds() throws -> RoundBook {
        RoundBook(patrols: try roundRecords(PatrolReport.self, "patrols"), visits: try roundRecords(HouseholdVisit.self, "visits"),
                  summaries: try roundRecords(MonthlySummary.self, "summaries"))
    }
}
