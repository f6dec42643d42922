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
    /// workspace's base (the hook recomputes this and refuses anything else). The cases are
    /// judged by their facts (`Reviews.covers`): from `known` files where the caller has them
    /// (the simulator), else from the summaries of `store` (one is made when nil), so only the
    /// files no summary is kept for are read.
    func reviewRecord(_ kind: ReviewKind, period: (from: String, to: String), by: StaffID, at: Timestamp, opinion: String,
                      cases known: [CaseFile]? = nil, store: SummaryStore? = nil) throws -> ReviewRecord {
        var covered: [(id: CaseID, blob: String)] = []
        if let covers = Reviews.covers(kind, from: period.from, to: period.to, in: zone) {
            if let known {
                // The caller's files are those at the base; only the covered ones' blob ids are looked up.
                for file in known where covers(CaseFacts(file)) {
                    covered.append((file.id, try base.flatMap { try repo.blobID(at: place(file), in: $0)?.hex } ?? ""))
                }
            } else {
                // A case's blob is that of the last file with its id, in path order (two files
                // with one id only while a layout migration is half done). Only the covered ids are
                // looked up: a table of every case's blob was a sixth of a push's check.
                let cases = try (store ?? SummaryStore(repo: repo)).facts(at: base)
                for entry in cases where covers(entry.facts) { covered.append((entry.facts.id, "")) }
                var blobs = Dictionary(covered.map { ($0.id, "") }, uniquingKeysWith: { a, _ in a })
                for entry in cases where blobs[entry.facts.id] != nil { blobs[entry.facts.id] = entry.blob.hex }
                covered = covered.map { ($0.id, blobs[$0.id] ?? "") }
            }
        }
        covered.sort { $0.id.rawValue < $1.id.rawValue }
        return ReviewRecord(kind: kind, from: period.from, to: period.to, by: by, at: at, opinion: opinion,
                            cases: covered.map { .init(id: $0.id, blob: $0.blob) }, clause: Reviews.rule(kind).clause)
    }
}
