import ArgumentParser
import CaseModel
import CasebookEngine
import Foundation
import GitStore
import Procedures

extension Casebook {
    /// `casebook archive --month YYYY-MM`: the month's records sealed in a signed tag.
    struct Archive: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "archive",
            abstract: "Archive a month's records as the signed annotated tag archive/YYYY-MM (due before the 10th of next month).",
            discussion: """
            The tag points at HEAD and its message is the manifest: every case received in the month with
            its file's blob id and status, the counts by kind, the on-time rate (004 §4.5), the revisit
            figures and the date the retention period ends. It is signed with the archiver's key like a
            commit, so `git tag -v archive/YYYY-MM` verifies it. An archive is never replaced.
            Who: a customer-service assistant, supervisor, manager or above (002 篇2 §4.2).
            Example: casebook archive --month 2026-10 --as chen.jie
            """
        )
        static let clause = "002 篇2 §4.2"
        static let archivers: Set<Role> = [.csAssistant, .supervisor, .manager, .director, .generalManager]

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("The month, YYYY-MM.", valueName: "month")) var month: String

        func run() throws {
            let ws = try global.workspace()
            let made = try ws.archive(month: month, as: global.actor)
            print("\(made.name): \(made.cases) cases, tag \(made.tag.short) on \(made.head.short)")
        }

        static func tagName(_ month: String) -> String { "archive/\(month)" }

        /// When the month's archive is due: before the 10th of the next month.
        static func due(_ month: String, in zone: TimeZone) -> Timestamp? {
            Sampling.bounds(of: month, in: zone).map { $0.end.adding(seconds: 9 * 86_400) }
        }

        /// The tag message: a summary, then one line per case (`ID BLOB STATUS`), then the trailer.
        static func manifest(month: String, ws: Workspace, at now: Timestamp, bounds: (start: Timestamp, end: Timestamp)) throws -> (text: String, cases: Int) {
            var rows: [(id: String, blob: String, file: CaseFile)] = []
            for entry in try ws.repo.files(under: "records/cases", at: ws.base) where entry.path.hasSuffix(".json") {
                let file = try RecordJSON.decode(CaseFile.self, from: ws.repo.blob(entry.blob), file: entry.path)
                if file.intake.receivedAt >= bounds.start, file.intake.receivedAt < bounds.end {
                    rows.append((file.id.rawValue, entry.blob.hex, file))
                }
            }
            rows.sort { $0.id < $1.id }
            let report = MonthReport.compute(month: month, cases: rows.map(\.file), profile: ws.profile, at: now, bounds: bounds,
                                             samples: try ws.samples(of: month))
            func pct(_ v: Double?) -> String { v.map { String(format: "%.1f%%", $0) } ?? "-" }
            let kinds = Dictionary(grouping: rows, by: \.file.intake.kind.rawValue).map { "\($0.key) \($0.value.count)" }.sorted()
            let t = report.total
            var text = "archive \(month): \(ws.settings.site)\n\n"
            text += "cases received: \(rows.count)" + (kinds.isEmpty ? "" : " (\(kinds.joined(separator: ", ")))") + "\n"
            text += "on-time rate: \(pct(t.onTimeRate)) (\(t.onTime)/\(t.cases); 004 §4.5)\n"
            text += "revisited: \(t.revisited)/\(t.resolved) (\(pct(t.revisitRate))); satisfied \(t.satisfied)/\(t.revisits)\n"
            let until = String(bounds.end.addingMonths(12 * ws.settings.keepYears).localDay.prefix(7))
            text += "kept until: \(until) (\(ws.settings.keepYears) years; \(clause))\n\n"
            for row in rows { text += "\(row.id) \(row.blob) \(row.file.state.status.rawValue)\n" }
            text += "\nProcedure: \(clause)\n"
            return (text, rows.count)
        }
    }

    /// `casebook retention`: months whose records are past the retention period.
    struct Retention: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retention",
            abstract: "List the months whose records are past the retention period, for the manager's decision.",
            discussion: """
            Records are kept `retentionYears` (records/casebook.json; default 2, 002 篇2 §4.2) after their
            month. Nothing is deleted: this only lists each such month, its case count and its archive tag.
            Example: casebook retention
            """
        )
        @OptionGroup var global: GlobalOptions
        @Flag(help: "JSON.") var json = false

        struct Month: Encodable {
            var month: String
            var cases: Int
            var keptUntil: String
            var archive: String?
        }

        func run() throws {
            let ws = try global.workspace()
            let now = try ws.now()
            var counts: [String: Int] = [:]
            for entry in try ws.repo.files(under: "records/cases", at: ws.base) where entry.path.hasSuffix(".json") {
                let file = try RecordJSON.decode(CaseFile.self, from: ws.repo.blob(entry.blob), file: entry.path)
                counts[String(Timestamp(date: file.intake.receivedAt.date, in: ws.zone).localDay.prefix(7)), default: 0] += 1
            }
            let archives = Dictionary(try ws.repo.tags(matching: "archive/*").map { ($0.name, $0.id.short) }) { a, _ in a }
            var due: [Month] = []
            for month in counts.keys.sorted() {
                guard let bounds = Sampling.bounds(of: month, in: ws.zone) else { continue }
                let until = bounds.end.addingMonths(12 * ws.settings.keepYears)
                if now >= until {
                    due.append(Month(month: month, cases: counts[month]!, keptUntil: until.localDay, archive: archives[Archive.tagName(month)]))
                }
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                FileHandle.standardOutput.write(try encoder.encode(due) + Data("\n".utf8))
                return
            }
            guard !due.isEmpty else {
                print("no records past the retention period (\(ws.settings.keepYears) years)")
                return
            }
            for m in due {
                print([m.month, "\(m.cases) cases", "kept until \(m.keptUntil)", m.archive.map { "archive/\(m.month) \($0)" } ?? "not archived"]
                    .joined(separator: "\t"))
            }
        }
    }
}

extension Workspace {
    /// Tags HEAD as `archive/<month>` (a signed tag whose message is the month's manifest) as the
    /// staff member `option` names, now: the month's records handed over (002 篇2 §4.2).
    func archive(month: String, as option: String?) throws -> (name: String, cases: Int, tag: OID, head: OID) {
        guard let bounds = Sampling.bounds(of: month, in: zone), Int(month.suffix(2)).map({ (1...12).contains($0) }) == true else {
            throw Failure(key: "month.archive")
        }
        let actor = try actor(option)
        guard actor.roles.contains(where: Casebook.Archive.archivers.contains) else {
            throw Failure(key: "archiveRole", "\(actor.id.rawValue)", "\(Casebook.Archive.clause)")
        }
        let now = try now()
        guard now >= bounds.end else { throw Failure(key: "monthNotOver", "\(month)", "\(Casebook.Archive.clause)") }
        guard let head = base else { throw Failure(key: "archiveNoCommits") }
        let name = Casebook.Archive.tagName(month)
        if let existing = try repo.tags(matching: name).first {
            throw Failure(key: "archiveExists", "\(name)", "\(existing.id.short)", "\(existing.tagger?.email ?? "unknown")", "\(Casebook.Archive.clause)")
        }
        let manifest = try Casebook.Archive.manifest(month: month, ws: self, at: now, bounds: bounds)
        let tagger = Person(name: actor.name, email: actor.email, time: now.unixSeconds, offsetMinutes: Int32(now.offsetSeconds / 60))
        let id = try repo.createTag(name, on: head, tagger: tagger, message: manifest.text, signer: try signer(for: actor))
        return (name, manifest.cases, id, head)
    }
}
