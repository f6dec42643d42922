import ArgumentParser
import CaseModel
import Foundation
import GitStore
import Procedures
import SiteBuilder

extension ReviewKind: ExpressibleByArgument {}

extension Casebook {
    /// `casebook review daily|weekly|records`: a review sign-off, one signed commit.
    struct ReviewCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "review",
            abstract: "Sign a review: the day's intake log, last week's log, or the week's complaint and revisit records.",
            discussion: """
            daily    the supervisor reviews one day's intake log (002 篇1 §4.3); due by the end of the next day.
            weekly   the manager reviews a Monday-to-Sunday week's intake log (002 篇1 §4.9); due by the end of
                     the following Monday.
            records  the supervisor signs the week's complaint and revisit records (000 §1(8)–(9)); due as weekly.
            The period's late entries (补录: steps recorded in the period with an earlier stated time) are listed
            after the review's line, with both times and the reason.
            The review records the cases it covered with the blob id of each file as reviewed, the reviewer
            and the opinion, in records/reviews/<kind>/<first day>.json; a review is never changed.
            --date names a day of the period (default: today for daily, a day of last week otherwise).
            Example: casebook review daily --opinion "记录完整，2 件待跟进" --as wang.zg
            """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "daily, weekly or records.") var kind: ReviewKind
        @Option(help: ArgumentHelp("A day of the period, YYYY-MM-DD.", valueName: "day")) var date: String?
        @Option(help: "The reviewer's opinion (签署意见).") var opinion: String

        func validate() throws {
            guard !opinion.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw ValidationError("--opinion: must not be empty") }
            guard opinion.count <= 2000 else { throw ValidationError("--opinion: at most 2000 characters") }
        }

        /// Tried again on the new HEAD (a bounded number of times) if another process commits meanwhile.
        func run() throws { try Retry.onConcurrentUpdate { try attempt() } }

        func attempt() throws {
            let ws = try global.workspace()
            let (path, record) = try ws.signReview(kind, day: date, opinion: opinion, as: global.actor)
            let period = (from: record.from, to: record.to)
            print("\(path)\t\(record.cases.count) cases")
            // The period's late entries 补录, which the day's log as kept does not show (002 篇1 §4.2).
            // Read in full: the cases whose summary has an entry recorded in the period (the rest have none to list).
            let start = Timestamp.parse(period.from, defaultZone: ws.zone), last = Timestamp.parse(period.to, defaultZone: ws.zone)
            let withLate = try ws.caseSummaries().filter { entry in
                entry.summary.lateEntries.contains { e in start.map { e.recordedAt >= $0 } ?? true && last.map { e.recordedAt < $0.adding(seconds: 86_400) } ?? true }
            }
            let late = Reviews.lateEntries(from: period.from, to: period.to, cases: try ws.cases(withLate), in: ws.zone)
            if !late.isEmpty {
                let s = DeskLanguage.strings
                print(s.fill("reviewLateEntries", ["\(late.count)"]))
                for row in late {
                    print("  \(s["lateEntry"])  \(row.id.rawValue)  events[\(row.index)] \(s.action(row.event.action))  \(row.event.by.rawValue)  "
                          + "\(s["statedAt"]) \(row.event.at)  \(s["recordedAt"]) \(row.event.recorded)  \(s["lateReason"]) \(Contact.maskMobiles(row.event.lateReason ?? "-"))")
                }
            }
        }

        /// The review as the rules make it: the covered cases of the period, as they stand at the
        /// workspace's base (the hook recomputes this and refuses anything else). The cases are
        /// judged by their facts (`Reviews.covers`): from `known` files where the caller has them
        /// (the simulator), else from the summaries of `store` (one is made when nil), so only the
        /// files no summary is kept for are read.
        static func record(_ kind: ReviewKind, period: (from: String, to: String), by: StaffID, at: Timestamp, opinion: String,
                           in ws: Workspace, cases known: [CaseFile]? = nil, store: SummaryStore? = nil) throws -> ReviewRecord {
            var covered: [(id: CaseID, blob: String)] = []
            if let covers = Reviews.covers(kind, from: period.from, to: period.to, in: ws.zone) {
                if let known {
                    // The caller's files are those at the base; only the covered ones' blob ids are looked up.
                    for file in known where covers(CaseFacts(file)) {
                        covered.append((file.id, try ws.base.flatMap { try ws.repo.blobID(at: ws.place(file), in: $0)?.hex } ?? ""))
                    }
                } else {
                    // A case's blob is that of the last file with its id, in path order.
                    var blobs: [CaseID: String] = [:]
                    for entry in try (store ?? SummaryStore(repo: ws.repo)).entries(at: ws.base) {
                        blobs[entry.summary.id] = entry.blob.hex
                        if covers(entry.summary.facts) { covered.append((entry.summary.id, "")) }
                    }
                    covered = covered.map { ($0.id, blobs[$0.id] ?? "") }
                }
            }
            covered.sort { $0.id.rawValue < $1.id.rawValue }
            return ReviewRecord(kind: kind, from: period.from, to: period.to, by: by, at: at, opinion: opinion,
                                cases: covered.map { .init(id: $0.id, blob: $0.blob) }, clause: Reviews.rule(kind).clause)
        }
    }
}

extension Workspace {
    /// Signs the review of `kind` for the period containing `day` (default: today for daily, a
    /// day of last week otherwise) as the staff member `option` names, now: the record the rules
    /// make, committed as `records/reviews/<kind>/<first day>.json`.
    /// - Parameter cases: every case file at the base, where the caller already has them (the
    ///   simulator); read from the tree otherwise.
    func signReview(_ kind: ReviewKind, day: String?, opinion: String, as option: String?, cases: [CaseFile]? = nil) throws -> (String, ReviewRecord) {
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
        let record = try Casebook.ReviewCommand.record(kind, period: period, by: actor.id, at: now, opinion: opinion, in: self, cases: cases)
        try commit([FileChange(path: path, content: try RecordJSON.encode(record))], by: actor, at: now, message: """
            review \(kind.rawValue) \(period.from)…\(period.to): \(record.cases.count) cases

            Action: review
            Procedure: \(rule.clause)
            """)
        return (path, record)
    }
}
