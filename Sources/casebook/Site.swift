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

        /// The dashboard is a view made again from the records: objects are read without
        /// libgit2's check of each against its id (`Repository.withoutHashChecks`).
        func run() throws {
            try Repository.withoutHashChecks { () throws in try generate() }
        }

        func generate() throws {
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
            // those pages list (open ones and the samples' picks they show: the recent samples'
            // and those still to be revisited); the rest stream past once, a batch at a time, for
            // their pages and the feeds.
            // What the last build kept (`SiteRecords`, below) is read meanwhile on the other core.
            let root = URL(fileURLWithPath: out)
            let (entries, kept) = try atOnce({ try ws.caseSummaries() }, {
                (records: SiteRecords.load(from: root), reports: SiteRecords.loadReports(from: root), reviews: SiteRecords.loadReviews(from: root))
            })
            var old = kept.records
            let oldReports = kept.reports, oldReviews = kept.reviews
            // The pages' other inputs read, while on the other core the cases are arranged against
            // the last build's records for its render key (arranged again in the rare build whose key differs).
            let (setUp, speculative) = try atOnce({ () throws -> (live: [CaseFile], dashboard: Dashboard, reviews: [String: SiteRecords.Review]) in
                let samples = try samples(ws)
                let picks = Agenda.PicksShown(samples, at: at, zone: ws.zone)
                let live = try ws.cases(entries.filter { $0.summary.status.isOpen || picks.contains($0.summary) })
                var dashboard = Dashboard(siteName: ws.settings.site, cases: live, profile: ws.profile, now: at, language: language,
                                          timeZone: ws.zone, samples: samples, staff: ws.staff.staff)
                dashboard.summaries = entries.map(\.summary)
                dashboard.officialCalendarYears = ws.calendar.official
                (dashboard.notifyProblems, dashboard.undelivered) = NotifyStatus.read(ws, in: Strings(language))
                dashboard.signaturePolicy = ws.settings.signaturePolicy
                // The review sign-offs, by blob id: only a file not seen by the last build is decoded.
                var reviews: [String: SiteRecords.Review] = [:]
                for entry in try ws.repo.files(under: "records/reviews", at: ws.base) where entry.path.hasSuffix(".json") {
                    let blob = entry.blob.hex
                    if reviews[blob] != nil { continue }
                    if let kept = oldReviews[blob] {
                        reviews[blob] = kept
                    } else {
                        // Only what the pages count (a full build decoded 365 whole sign-offs for it).
                        reviews[blob] = try RecordJSON.decode(SiteRecords.Review.self, from: ws.repo.blob(entry.blob), file: entry.path)
                    }
                }
                dashboard.reviewsSigned = reviews.values.map { ($0.kind, $0.from) }
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
                return (live, dashboard, reviews)
            }, { arrange(entries, old: old, key: old.key, at: at, root: root, ws) })
            let live = setUp.live, reviews = setUp.reviews
            var dashboard = setUp.dashboard
            // What the last build kept (`SiteRecords`): a case whose file, commits and
            // clock-dependent facts are those it saw is neither read nor rendered again, and a
            // day of intake (a group) with no such case is not even opened.
            let key = SiteCache.digest(dashboard.renderKey)
            var records = SiteRecords(key: key, head: ws.base?.hex)
            let arranged = key == old.key ? speculative : arrange(entries, old: old, key: key, at: at, root: root, ws)
            let (pagesOnDisk, ordered, groupOf, was, dirty, gone) = (arranged.pagesOnDisk, arranged.ordered, arranged.groupOf, arranged.was,
                                                                     arranged.dirty, arranged.gone)
            var plans = arranged.plans
            // The cases' entries as kept, moved rather than copied: a group taken whole keeps its
            // entries as they are (89,087 entries inserted again one by one were a twentieth of a
            // rebuild at 100,000 cases); a group made again sets its own (reading the kept entry
            // of a case before it does), and the entries of cases gone are dropped.
            if old.key == key { records.cases = old.cases }
            old.cases = [:]
            // The history of the cases not seen before, changed since, or of another render key:
            // looked up one file at a time when they are few, else read whole once.
            let history: HistoryIndex? = plans.filter { $0 == .fresh }.count > 8 ? try HistoryIndex.current(in: ws.repo) : nil
            let verdicts = SignatureVerdicts(repo: ws.repo)
            let facts = dashboard
            let held = Dictionary(live.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            var rendered = 0
            // The monthly report pages the last build made: one whose cases, actions, samples and
            // render key are the same and whose figures still hold at the clock is taken as made.
            var reports: [String: KeptPage] = [:]
            dashboard.keeping = PageKeeping(kept: oldReports, caseClock: { id in records.cases[id.rawValue].map { ($0.blob, $0.until) } },
                                            keep: { path, page in reports[path] = page }, digest: SiteCache.digest)
            dashboard.keeping?.samples = try samplesKey(ws)
            let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
            // A first build (no folder of case pages yet) writes each page in place: there is no
            // earlier page a reader could be shown instead, and the records name no page until
            // the build ends, so a build stopped half way makes every page again. The renames of
            // 89,087 temporary names alone were a twentieth of a first build's CPU. A later build
            // replaces a page atomically, not flushed to disk one by one: a page can be made again.
            let pages = PageWriter(root: rootPath, inPlace: !FileManager.default.fileExists(atPath: rootPath + "cases"))
            dashboard.caseFeedsByCaller = true
            dashboard.stream = { take in
                // Until the new index is written the groups do not match it: a build stopped half way leaves none.
                try? FileManager.default.removeItem(at: SiteRecords.url(root, "index"))
                try FileManager.default.createDirectory(at: root.appendingPathComponent(SiteRecords.folder), withIntermediateDirectories: true)
                var start = 0
                while start < ordered.count {
                    let name = groupOf[start]
                    var end = start
                    while end < ordered.count, groupOf[end] == name { end += 1 }
                    // A group with nothing new: its cases as kept, the files only of those the later pages read in full.
                    guard dirty.contains(name) else {
                        for from in stride(from: start, to: end, by: 256) {
                            let range = from..<min(from + 256, end)
                            let kept = range.map { was[$0]! }
                            let unread = range.filter { n in kept[n - from].needsFile && held[ordered[n].summary.id] == nil }
                            var files: [Int: CaseFile] = [:]
                            for (n, file) in zip(unread, try ws.cases(unread.map { ordered[$0] })) { files[n] = file }
                            try take(range.map { n in
                                let summary = ordered[n].summary, record = kept[n - from]
                                return StreamedCase(file: record.needsFile ? files[n] ?? held[summary.id] : nil, provenance: [], pageKept: true,
                                                    rows: record.rows(id: summary.id.rawValue, receivedAt: summary.receivedAt))
                            })
                        }
                        records.groups[name] = old.groups[name]
                        records.sections[name] = old.sections[name]
                        start = end
                        continue
                    }
                    // A group made again: its kept records, where they can be read; a case without one is read whole.
                    let kept = (start..<end).contains { plans[$0] != .fresh } ? SiteRecords.loadGroup(name, parts: old.groups[name], from: root) ?? [:] : [:]
                    for n in start..<end where plans[n] != .fresh && kept[ordered[n].summary.id.rawValue] == nil { plans[n] = .fresh }
                    var details: [(id: String, detail: SiteRecords.Detail)] = []
                    for from in stride(from: start, to: end, by: 256) {
                        let range = from..<min(from + 256, end)
                        // The files the batch needs: every case not settled, and the settled ones the later pages read in full.
                        let wanted = range.filter { n in plans[n] != .settled || was[n]?.needsFile == true }
                        let unread = wanted.filter { held[ordered[$0].summary.id] == nil }
                        var files: [Int: CaseFile] = [:]
                        for (n, file) in zip(unread, try ws.cases(unread.map { ordered[$0] })) { files[n] = file }
                        for n in wanted where files[n] == nil { files[n] = held[ordered[n].summary.id] }
                        let freshFiles = wanted.filter { plans[$0] == .fresh }.compactMap { files[$0] }
                        var proofs = try provenance(of: freshFiles, in: ws) { path in
                            try history?.commits(touching: path) ?? HistoryIndex.commits(touching: path, in: ws.repo)
                        }
                        try verifySignatures(in: &proofs, of: freshFiles, verdicts, ws)
                        let redo = wanted.filter { plans[$0] != .settled }
                        let made = redo.concurrentMap { n -> (Int, SiteRecords.Case, SiteRecords.Detail) in
                            let file = files[n]!, entry = ordered[n]
                            let list = plans[n] == .fresh ? proofs[file.id] ?? [] : kept[file.id.rawValue]?.provenance ?? []
                            let fingerprint = SiteCache.digest("\(key) \(entry.blobHex) \(facts.pageFacts(file, provenance: list))")
                            let rows = try facts.rows(file, provenance: list)
                            return (n, SiteRecords.Case(blob: entry.blobHex, builtAt: at.unixSeconds, until: facts.factsHold(file)?.unixSeconds, group: name,
                                                        unsignedSteps: rows.unsignedSteps, complaintAgainstStaff: rows.complaintAgainstStaff,
                                                        correctiveAction: rows.correctiveAction),
                                    SiteRecords.Detail(fingerprint: fingerprint, provenance: list, csv: rows.csv, json: rows.json))
                        }
                        var redone: [Int: (SiteRecords.Case, SiteRecords.Detail)] = [:]
                        for result in made {
                            let (n, record, detail) = try result.get()
                            redone[n] = (record, detail)
                        }
                        var batch: [StreamedCase] = []
                        for n in range {
                            let summary = ordered[n].summary, id = summary.id.rawValue
                            let (record, detail): (SiteRecords.Case, SiteRecords.Detail)
                            let pageKept: Bool
                            if let new = redone[n] {
                                (record, detail) = new
                                pageKept = kept[id]?.fingerprint == detail.fingerprint && pagesOnDisk?.contains(id) ?? true
                                if !pageKept { rendered += 1 }
                            } else if let earlier = was[n], let detail0 = kept[id] {
                                (record, detail) = (earlier, detail0)
                                pageKept = true
                            } else {
                                records.cases[id] = nil
                                continue
                            }
                            records.cases[id] = record
                            details.append((id, detail))
                            batch.append(StreamedCase(file: files[n], provenance: detail.provenance, pageKept: pageKept,
                                                      rows: record.rows(id: id, receivedAt: summary.receivedAt)))
                        }
                        try take(batch)
                    }
                    // Its records and parts made and written by the writer's thread; the index's entry for it when they are.
                    try pages.saveGroup(name) { [details] in try SiteRecords.saveGroup(name, details, in: root) }
                    records.sections[name] = records.section(details.map(\.id))
                    start = end
                }
                for id in gone { records.cases[id] = nil }
                verdicts.save()
                if ProcessInfo.processInfo.environment["CASEBOOK_SUMMARY_STATS"] == "1" {
                    // For the tests: how many cases were taken as kept, read for the clock, read whole; groups opened.
                    let settled = plans.filter { $0 == .settled }.count, fresh = plans.filter { $0 == .fresh }.count
                    FileHandle.standardError.write(Data("site: \(settled) kept, \(plans.count - settled - fresh) clock, \(fresh) read, \(dirty.count) groups\n".utf8))
                }
            }
            let interactive = isatty(STDERR_FILENO) != 0
            var written = 0
            var folders: Set<String> = []
            dashboard.writeCasePage = { file in try pages.write(file) }
            do {
                try dashboard.build(progress: { done, total in
                    let line = "casebook site: \(done)/\(total) case pages"
                    FileHandle.standardError.write(Data((interactive ? "\r" + line : line + "\n").utf8))
                }, emit: { file in
                    let url = root.appendingPathComponent(file.path)
                    if !file.path.hasPrefix("cases/") || !file.path.hasSuffix(".html") {
                        let digest = SiteCache.digest(file.content)
                        records.files[file.path] = digest
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
                written += try pages.finish()
                records.groups.merge(pages.groupsSaved) { _, saved in saved }
                if interactive, rendered >= 2000 { FileHandle.standardError.write(Data("\n".utf8)) }
                written += try writeFeeds(dashboard, &records, old: old, root: root)
                // Files of the last build this one no longer makes (of the builds before these
                // records, what their lists name), the pages of cases gone, the groups left empty.
                let legacy = Set(SiteCache.load(from: root).files.keys).union(SiteRecords.singleFileList(in: root))
                for path in Set(old.files.keys).union(legacy) where records.files[path] == nil {
                    if path.hasPrefix("cases/"), path.hasSuffix(".html"), records.cases[String(path.dropFirst(6).dropLast(5))] != nil { continue }
                    try? FileManager.default.removeItem(at: root.appendingPathComponent(path))
                }
                for id in (pagesOnDisk ?? []).union(gone) where records.cases[id] == nil {
                    try? FileManager.default.removeItem(at: root.appendingPathComponent("cases/\(id).html"))
                }
                // The groups left empty, and any other group's files (of an earlier layout, or named by damaged records).
                for name in SiteRecords.groupsOnDisk(in: root) where records.groups[name] == nil { SiteRecords.removeGroup(name, in: root) }
                // Every case has its page now, and no other page is left: the folder's names as stamped.
                records.pages = FileStamp.settle(rootPath + "cases")
                if reports != oldReports { try SiteRecords.saveReports(reports, in: root) }
                if reviews != oldReviews { try SiteRecords.saveReviews(reviews, in: root) }
                try records.save(in: root)
                for name in [SiteRecords.oldName, SiteRecords.singleFile] { try? FileManager.default.removeItem(at: root.appendingPathComponent(name)) }
            } catch {
                _ = try? pages.finish()  // no page written after the failure is told
                throw Failure(key: "cannotWriteSite", "\(out)", "\(error.localizedDescription)")
            }
            if ProcessInfo.processInfo.environment["CASEBOOK_SUMMARY_STATS"] == "1" {
                // For the tests: the months whose report page was made again rather than taken as kept.
                let made = reports.filter { oldReports[$0.key] != $0.value }.keys.map { String($0.dropFirst(8).dropLast(5)) }.sorted()
                FileHandle.standardError.write(Data("site: reports made: \(made.isEmpty ? "-" : made.joined(separator: " "))\n".utf8))
            }
            let listPages = records.files.keys.filter { $0.hasSuffix(".html") }.count
            print("\(listPages + records.cases.count) pages and \(records.files.count - listPages) other files in \(out) (\(written) written)")
            LeftToExit.keep(dashboard, entries, ordered, old, records, held, live, pagesOnDisk as Any)
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
            let asked = wanted.compactMap { hex, author in OID(hex: hex).map { (hex: hex, commit: $0, author: author) } }
            // Verdicts reached before against the same keys come from .git/casebook/signatures; the rest are verified on all cores.
            let verdicts = try cache.statuses(of: asked.map { ($0.commit, $0.author) }, allowedSigners: ws.allowedSigners)
            var known: [String: SiteBuilder.SignatureStatus] = [:]
            known.reserveCapacity(asked.count)
            for (one, verdict) in zip(asked, verdicts) {
                known[one.hex] = switch verdict {
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

        /// What names the committed monthly samples for the kept report pages: their paths and blob ids.
        func samplesKey(_ ws: Workspace) throws -> String {
            guard let base = ws.base else { return "" }
            let files = try ws.repo.files(under: "records/samples", at: base).filter { $0.path.hasSuffix(".json") }
            return SiteCache.digest(files.map { "\($0.path) \($0.blob.hex)\n" }.joined())
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
        func provenance(of cases: [CaseFile], in ws: Workspace,
                        commitsTouching: (String) throws -> [HistoryIndex.Commit]) throws -> [CaseID: [EventProvenance]] {
            var emails: [StaffID: String] = [:]
            for member in ws.staff.staff { emails[member.id] = member.email.lowercased() }
            func proof(_ c: HistoryIndex.Commit) -> EventProvenance {
                EventProvenance(commit: c.id.hex, author: "\(c.author.name) <\(c.author.email)>", signature: c.isSigned ? .signed : .unsigned)
            }
            var out: [CaseID: [EventProvenance]] = [:]
            for file in cases {
                let commits = try commitsTouching(ws.place(file)).filter { !$0.isMerge }
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

/// The digest the site's records use, and the list a build before the records kept
/// (`.casebook-site.json`): read once, to remove the files it names that are no longer made.
struct SiteCache: Codable {
    var format = "casebook-site 2"
    var files: [String: String] = [:]

    static func load(from root: URL) -> SiteCache {
        guard let data = try? Data(contentsOf: root.appendingPathComponent(SiteRecords.oldName)),
              let cache = try? JSONDecoder().decode(SiteCache.self, from: data), cache.format == SiteCache().format else { return SiteCache() }
        return cache
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
