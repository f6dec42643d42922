import ArgumentParser
import CaseModel
import CasebookEngine
import Crypto
import Foundation
import GitStore
import SiteBuilder

extension Casebook {
    /// `casebook site`: the managers' dashboard as static files.
    struct Site: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "site",
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
                    throw Failure(key: "nowNotTime", "\(oneLine(now, limit: 40))")
                }
                at = t
            }
            let language = lang.flatMap(Language.init(rawValue:)) ?? Language(rawValue: ws.settings.locale) ?? .zhHans
            // Every case's summary, kept by blob id (read only where a file is new): the monthly
            // figures and what the aggregate pages count. Read in full up front only the cases
            // those pages list (open ones and the samples' picks); the rest stream past once, a
            // batch at a time, for their pages and the feeds.
            let entries = try ws.caseSummaries()
            let samples = try samples(ws)
            let picks = Set(samples.flatMap { $0.revisits.selected.map(\.id) })
            let live = try ws.cases(entries.filter { $0.summary.status.isOpen || picks.contains($0.summary.id) })
            var dashboard = Dashboard(siteName: ws.settings.site, cases: live, profile: ws.profile, now: at, language: language,
                                      timeZone: ws.zone, samples: samples, staff: ws.staff.staff)
            dashboard.summaries = entries.map(\.summary)
            dashboard.officialCalendarYears = ws.calendar.official
            (dashboard.notifyProblems, dashboard.undelivered) = NotifyStatus.read(ws, in: Strings(language))
            dashboard.signaturePolicy = ws.settings.signaturePolicy
            dashboard.reviews = try ws.repo.files(under: "records/reviews", at: ws.base).filter { $0.path.hasSuffix(".json") }.map { entry in
                try RecordJSON.decode(ReviewRecord.self, from: ws.repo.blob(entry.blob), file: entry.path)
            }
            dashboard.registers = try RegisterCommand.entries(ws).map(\.entry)
            // The daily round's page, once the centre keeps round records (003 九).
            let book = try ws.rounds()
            if !book.patrols.isEmpty || !book.visits.isEmpty || !book.summaries.isEmpty { dashboard.rounds = book }
            dashboard.units = ws.settings.units ?? []
            dashboard.contracts = try ContractCommand.pageInput(ws)
            // The managers' accountability page: only where the profile keeps the ladder, and not
            // when the settings leave it out (003 篇2 第十二条).
            if ws.settings.accountabilityPage != false { dashboard.accountability = ws.profile.accountability }
            dashboard.archivedMonths = Set(try ws.repo.tags(matching: "archive/*").map { String($0.name.dropFirst("archive/".count)) })
            let root = URL(fileURLWithPath: out)
            // A case page whose blob, clock-dependent facts and surroundings are those of the last
            // build is neither rendered nor written again.
            let old = SiteCache.load(from: root)
            var cache = SiteCache()
            let key = SiteCache.digest(dashboard.renderKey)
            let history = try HistoryIndex.current(in: ws.repo)
            let verdicts = SignatureVerdicts(repo: ws.repo)
            let facts = dashboard
            var rendered = 0
            dashboard.stream = { take in
                for start in stride(from: 0, to: entries.count, by: 256) {
                    let chunk = Array(entries[start..<min(start + 256, entries.count)])
                    let files = try ws.cases(chunk)
                    var proofs = try provenance(of: files, index: history, in: ws)
                    var kept: Set<CaseID> = []
                    for (file, entry) in zip(files, chunk) {
                        let path = "cases/\(file.id.rawValue).html"
                        let fingerprint = SiteCache.digest("\(key) \(entry.blobHex) \(facts.pageFacts(file, provenance: proofs[file.id] ?? []))")
                        cache.files[path] = fingerprint
                        if old.files[path] == fingerprint, FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) {
                            kept.insert(file.id)
                        }
                    }
                    let verified = try verifySignatures(in: &proofs, of: files.filter { !kept.contains($0.id) }, verdicts, ws)
                    for (commit, status) in verified where status != .good { cache.verdicts[commit] = status.rawValue }
                    // The signatures of a kept page's steps were verified by the build that made it (the
                    // staff's keys are in its fingerprint): those that did not verify are in the last
                    // manifest, the others verified. The monthly counts of unsigned steps read them all.
                    for file in files where kept.contains(file.id) {
                        guard var list = proofs[file.id] else { continue }
                        for i in list.indices where list[i].signature == .signed {
                            let status = old.verdicts[list[i].commit].flatMap(SiteBuilder.SignatureStatus.init(rawValue:)) ?? .good
                            list[i].signature = status
                            if status != .good { cache.verdicts[list[i].commit] = status.rawValue }
                        }
                        proofs[file.id] = list
                    }
                    rendered += files.count - kept.count
                    try take(files.map { StreamedCase(file: $0, provenance: proofs[$0.id] ?? [], pageKept: kept.contains($0.id)) })
                }
                verdicts.save()
            }
            let interactive = isatty(STDERR_FILENO) != 0
            var written = 0
            var folders: Set<String> = []
            do {
                try dashboard.build(progress: { done, total in
                    let line = "casebook site: \(done)/\(total) case pages"
                    FileHandle.standardError.write(Data((interactive ? "\r" + line : line + "\n").utf8))
                }, emit: { file in
                    let url = root.appendingPathComponent(file.path)
                    if !file.path.hasPrefix("cases/") || !file.path.hasSuffix(".html") {
                        let digest = SiteCache.digest(file.content)
                        cache.files[file.path] = digest
                        if old.files[file.path] == digest, FileManager.default.fileExists(atPath: url.path) { return }
                    }
                    let folder = url.deletingLastPathComponent().path
                    if folders.insert(folder).inserted {
                        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                    }
                    // A page can be made again: replaced atomically, not flushed to disk one by one.
                    try AtomicFile.write(file.content, to: url.path, durable: false)
                    written += 1
                })
                if interactive, rendered >= 2000 { FileHandle.standardError.write(Data("\n".utf8)) }
                // Files of the last build this one no longer makes.
                for path in old.files.keys where cache.files[path] == nil {
                    try? FileManager.default.removeItem(at: root.appendingPathComponent(path))
                }
                try cache.save(in: root)
            } catch {
                throw Failure(key: "cannotWriteSite", "\(out)", "\(error.localizedDescription)")
            }
            let pages = cache.files.keys.filter { $0.hasSuffix(".html") }.count
            print("\(pages) pages and \(cache.files.count - pages) other files in \(out) (\(written) written)")
        }

        /// Checks the signature of each event's commit on the pages to be rendered: good (the
        /// author's registered key), bad, or a key not registered for the author. The signatures
        /// are read in turn and verified on all cores.
        /// - Returns: the verdict on each commit verified.
        @discardableResult
        func verifySignatures(in provenance: inout [CaseID: [EventProvenance]], of cases: [CaseFile], _ cache: SignatureVerdicts,
                              _ ws: Workspace) throws -> [String: SiteBuilder.SignatureStatus] {
            var wanted: [String: String] = [:]
            for file in cases {
                for proof in provenance[file.id] ?? [] where proof.signature == .signed {
                    wanted[proof.commit] = proof.author.split(separator: "<").last.map { String($0.dropLast()) } ?? ""
                }
            }
            let commits = wanted.keys.compactMap(OID.init(hex:))
            // Verdicts reached before against the same keys come from .git/casebook/signatures; the rest are verified on all cores.
            let verdicts = try cache.statuses(of: commits.map { ($0, wanted[$0.hex] ?? "") }, allowedSigners: ws.staff.allowedSigners)
            var known: [String: SiteBuilder.SignatureStatus] = [:]
            for (id, verdict) in zip(commits, verdicts) {
                known[id.hex] = switch verdict {
                case .good: .good
                case .bad: .bad
                case .unregistered: .notRegistered
                case .unsigned: .unsigned
                }
            }
            for file in cases {
                guard var proofs = provenance[file.id] else { continue }
                for i in proofs.indices where proofs[i].signature == .signed {
                    proofs[i].signature = known[proofs[i].commit] ?? .unknown
                }
                provenance[file.id] = proofs
            }
            return known
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
        func provenance(of cases: [CaseFile], index: HistoryIndex, in ws: Workspace) throws -> [CaseID: [EventProvenance]] {
            var emails: [StaffID: String] = [:]
            for member in ws.staff.staff { emails[member.id] = member.email.lowercased() }
            func proof(_ c: HistoryIndex.Commit) -> EventProvenance {
                EventProvenance(commit: c.id.hex, author: "\(c.author.name) <\(c.author.email)>", signature: c.isSigned ? .signed : .unsigned)
            }
            var out: [CaseID: [EventProvenance]] = [:]
            for file in cases {
                let commits = index.commits(touching: ws.place(file)).filter { !$0.isMerge }
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
                        guard let data = try ws.read(file, at: c.id),
                              let then = try? RecordJSON.decode(CaseFile.self, from: data, file: ws.place(file)) else { continue }
                        let before = try parent.flatMap { try ws.read(file, at: $0) }
                            .flatMap { try? RecordJSON.decode(CaseFile.self, from: $0, file: ws.place(file)) }?.events ?? []
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

/// What the last `casebook site` wrote into its output folder: each file's path with the
/// fingerprint of a case page or the digest of any other file, and the commits whose signature
/// did not verify. Kept as `.casebook-site.json`.
struct SiteCache: Codable {
    static let name = ".casebook-site.json"
    var format = "casebook-site 2"
    var files: [String: String] = [:]
    /// Commits whose signature did not verify (bad, or a key not registered for the author), by
    /// id: what a kept page's steps count as in the monthly figures.
    var verdicts: [String: String] = [:]

    static func load(from root: URL) -> SiteCache {
        guard let data = try? Data(contentsOf: root.appendingPathComponent(name)),
              let cache = try? JSONDecoder().decode(SiteCache.self, from: data), cache.format == SiteCache().format else { return SiteCache() }
        return cache
    }

    func save(in root: URL) throws {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try AtomicFile.write(try encoder.encode(self), to: root.appendingPathComponent(SiteCache.name).path)
    }

    static func digest(_ text: String) -> String { digest(Data(text.utf8)) }

    static func digest(_ data: Data) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: data) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 15)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
