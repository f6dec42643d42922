import CaseModel
import Foundation
import GitStore
import Procedures

extension Workspace {
    /// Signs the review of `kind` for the period containing `day` (default: today for daily, a
    /// day of last week otherwise) as the staff member `option` names, now: the record the rules
    /// make, committed as `records/reviews/<kind>/<first day>.json`.
    /// - Parameter cases: every case file at the base, where the caller already has them (the
    ///   simulator); read from the tree otherwise.
    package func signReview(_ kind: ReviewKind, day: String?, opinion: String, as option: String?, cases: [CaseFile]? = nil) throws -> (String, ReviewRecord) {
        let rule = Reviews.rule(kind)
        let actor = try actor(option)
        guard actor.roles.contains(where: rule.by.contains) else {
            throw Failure(key: "reviewRole", "\(kind.rawValue)", "\(actor.id.rawValue)", "\(rule.by.map(\.rawValue).sorted().joined(separator: ", "))", "\(rule.clause)")
        }
        let now = try now()
        let day = day ?? (kind == .daily ? now.localDay : now.adding(seconds: -7 * 86_400).localDay)
        guard let period = Reviews.period(kind, containing: day, in: zone) else { throw Failure(key: "notADay", "\(day.prefix(20))") }
        guard let start = Timestamp.parse(period.from, defaultZone: zone), now >= start else {
            throw Failure(key: "periodNotBegun", "\(period.from)", "\(period.to)", "\(rule.clause)")
        }
        let path = ReviewRecord.path(kind, from: period.from)
        if try repo.read(path, at: base) != nil {
            throw Failure(key: "reviewSigned", "\(kind.rawValue)", "\(period.from)", "\(path)", "\(rule.clause)")
        }
        let record = try reviewRecord(kind, period: period, by: actor.id, at: now, opinion: opinion, cases: cases)
        try commit([FileChange(path: path, content: try RecordJSON.encode(record))], by: actor, at: now, message: """
            review \(kind.rawValue) \(period.from)…\(period.to): \(record.cases.count) cases

            Action: review
            Procedure: \(rule.clause)
            """)
        return (path, record)
    }

    /// The review as the rules make it: the covered cases of the period, as they stand at the
    /// workspace's base (the hook recomputes this and refuses anything else).
    func reviewRecord(_ kind: ReviewKind, period: (from: String, to: String), by: StaffID, at: Timestamp, opinion: String,
                      cases known: [CaseFile]? = nil) throws -> ReviewRecord {
        var blobs: [CaseID: String] = [:]
        var cases: [CaseFile] = []
        if let known {
            // The caller's files are those at the base; only the covered ones' blob ids are looked up.
            cases = known
        } else {
            for entry in try repo.files(under: "records/cases", at: base) where entry.path.hasSuffix(".json") {
                let file = try RecordJSON.decode(CaseFile.self, from: repo.blob(entry.blob), file: entry.path)
                blobs[file.id] = entry.blob.hex
                cases.append(file)
            }
        }
        let covered = Reviews.covered(kind, from: period.from, to: period.to, cases: cases, in: zone)
        if known != nil, let base = base {
            for file in covered { blobs[file.id] = try repo.blobID(at: place(file), in: base)?.hex }
        }
        return ReviewRecord(kind: kind, from: period.from, to: period.to, by: by, at: at, opinion: opinion,
                            cases: covered.map { .init(id: $0.id, blob: blobs[$0.id] ?? "") }, clause: Reviews.rule(kind).clause)
    }
}
