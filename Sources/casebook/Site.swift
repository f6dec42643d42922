import ArgumentParser
import CaseModel
import Foundation
import GitStore
import SiteBuilder

extension Casebook {
    /// `casebook site`: the managers' dashboard as static files.
    struct Site: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate the static dashboard from the cases at HEAD.",
            discussion: """
            Pages: index.html (needs action today, this month's figures), open.html, overdue.html, revisits.html,
            cases/<id>.html (printable record forms), reports/YYYY-MM.html; feeds: revisits.ics, overdue.atom,
            cases.csv, cases.json; assets/. Residents appear only as 王女士 and 138****5678.
            Example: casebook site --out site/public --lang en
            """
        )
        @OptionGroup var global: GlobalOptions
        @Option(help: "Output folder.") var out: String = "site/public"
        @Option(help: ArgumentHelp("Language of the pages: zh-Hans or en (default: records/casebook.json's locale).", valueName: "lang"))
        var lang: String?
        @Option(help: ArgumentHelp("The time the dashboard is drawn at (default: $CASEBOOK_NOW, then now).", valueName: "time"))
        var now: String?

        func validate() throws {
            if let lang, Language(rawValue: lang) == nil {
                throw ValidationError("--lang: zh-Hans or en, not '\(lang.prefix(20))'")
            }
        }

        func run() throws {
            let ws = try global.workspace()
            var at = try ws.now()
            if let now {
                guard let t = Timestamp.parse(now, defaultZone: ws.zone) else {
                    throw Failure("--now: '\(now.prefix(40))' is not an ISO 8601 time (e.g. 2026-11-20T17:00)")
                }
                at = t
            }
            let language = lang.flatMap(Language.init(rawValue:)) ?? Language(rawValue: ws.settings.locale) ?? .zhHans
            let cases = try ws.allCases()
            let dashboard = Dashboard(siteName: ws.settings.site, cases: cases, profile: ws.profile, now: at, language: language,
                                      timeZone: ws.zone, samples: try samples(ws), provenance: try provenance(of: cases, in: ws),
                                      staff: ws.staff.staff)
            let files = try dashboard.build()
            let root = URL(fileURLWithPath: out)
            do {
                for file in files {
                    let url = root.appendingPathComponent(file.path)
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try AtomicFile.write(file.content, to: url.path)
                }
            } catch {
                throw Failure("--out: cannot write the site into '\(out)': \(error.localizedDescription)")
            }
            let pages = files.filter { $0.path.hasSuffix(".html") }.count
            print("\(pages) pages and \(files.count - pages) other files in \(out)")
        }

        /// The committed monthly samples, `records/samples/YYYY-MM.json`.
        func samples(_ ws: Workspace) throws -> [MonthlySample] {
            guard let base = ws.base else { return [] }
            return try ws.repo.files(under: "records/samples", at: base).filter { $0.path.hasSuffix(".json") }.map { entry in
                try RecordJSON.decode(MonthlySample.self, from: ws.repo.blob(entry.blob), file: entry.path)
            }
        }

        /// For each case, the commit that recorded each of its events, from the history index
        /// (one walk over the commits, kept between runs). A commit casebook made records one
        /// event, authored by its actor at its time, so the two pair up by author and time. Events
        /// added by hand-made commits (several at once, dated when committed) are found by reading
        /// the file at each such commit and its parent.
        func provenance(of cases: [CaseFile], in ws: Workspace) throws -> [CaseID: [EventProvenance]] {
            let index = try HistoryIndex.current(in: ws.repo)
            var emails: [StaffID: String] = [:]
            for member in ws.staff.staff { emails[member.id] = member.email.lowercased() }
            func proof(_ c: HistoryIndex.Commit) -> EventProvenance {
                EventProvenance(commit: c.id.hex, author: "\(c.author.name) <\(c.author.email)>", signature: c.isSigned ? .signed : .unsigned)
            }
            var out: [CaseID: [EventProvenance]] = [:]
            for file in cases {
                let commits = index.commits(touching: file.path).filter { !$0.isMerge }
                var made: [String: [HistoryIndex.Commit]] = [:]
                for c in commits where c.action != nil { made["\(c.author.time) \(c.author.email.lowercased())", default: []].append(c) }
                var proofs: [EventProvenance?] = file.events.map { event in
                    let key = "\(event.at.unixSeconds) \(emails[event.by] ?? "")"
                    guard let c = made[key]?.first else { return nil }
                    made[key]?.removeFirst()
                    return proof(c)
                }
                if proofs.contains(where: { $0 == nil }) {
                    for c in commits where c.action == nil {
                        let parent = try ws.repo.parents(of: c.id).first
                        guard let data = try ws.repo.read(file.path, at: c.id),
                              let then = try? RecordJSON.decode(CaseFile.self, from: data, file: file.path) else { continue }
                        let before = try parent.flatMap { try ws.repo.read(file.path, at: $0) }
                            .flatMap { try? RecordJSON.decode(CaseFile.self, from: $0, file: file.path) }?.events ?? []
                        for event in then.events where !before.contains(event) {
                            if let i = file.events.indices.first(where: { proofs[$0] == nil && file.events[$0] == event }) { proofs[i] = proof(c) }
                        }
                    }
                }
                out[file.id] = proofs.map { $0 ?? EventProvenance(commit: "", author: "", signature: .unknown) }
            }
            return out
        }
    }
}
