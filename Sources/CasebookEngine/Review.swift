import CaseModel
import Foundation
import GitStore
import Procedures

/// The one review of a change, whether it is the staged index (`check --staged`, pre-commit) or
/// one commit of a push (`check --range`, pre-receive and update): every changed file against
/// the rules as committed in the change's base.
package struct Review {
    /// The configuration (staff, profile, calendar, settings) of the change's base.
    let ws: Workspace
    /// The author's email as the commit (or git's environment) gives it.
    let authorEmail: String?
    /// When the change is committed: no event may be later.
    let commitTime: Timestamp
    /// The moment the change's new steps are judged late or not against (`LateEntry`): the commit
    /// time for the staged index; for a push, the clock of the server's hook (the push time, which
    /// no desk controls), or each commit's own time when an auditor re-checks a whole history.
    var judgedAt: Timestamp?
    /// The repository's first commit, which brings the configuration.
    var isRoot = false
    /// The case summaries a sample or a review sign-off is recomputed from (shared by the commits
    /// of a range; one is made for the change when nil).
    var summaries: SummaryStore?

    package var author: Staff? { authorEmail.flatMap(ws.staff.byEmail) }

    package init(ws: Workspace, authorEmail: String?, commitTime: Timestamp, judgedAt: Timestamp? = nil, isRoot: Bool = false,
                 summaries: SummaryStore? = nil) {
        self.summaries = summaries
        self.ws = ws
        self.authorEmail = authorEmail
        self.commitTime = commitTime
        self.judgedAt = judgedAt
        self.isRoot = isRoot
    }

    static let configFiles = ["records/casebook.json", "records/staff.json", NotifyConfig.path]
    static let configFolders = ["records/procedures/", "records/calendar/", "records/schema/", "hooks/"]

    static func isConfiguration(_ path: String) -> Bool {
        configFiles.contains(path) || configFolders.contains { path.hasPrefix($0) } || path == ".gitattributes"
    }

    /// Whether the change lowers the signature policy (`records/casebook.json`).
    package func relaxes(_ deltas: [FileDelta]) throws -> Bool {
        guard let delta = deltas.first(where: { $0.path == Workspace.settingsPath }), let blob = delta.new,
              let next = try? RecordJSON.decode(Settings.self, from: ws.repo.blob(blob), file: delta.path) else { return false }
        return next.signaturePolicy.rank < ws.settings.signaturePolicy.rank
    }

    /// Setting up: the registry has no manager yet, and the change registers its own author (the
    /// first manager's registration is their own commit).
    package func isBootstrap(_ deltas: [FileDelta]) -> Bool {
        guard !ws.staff.staff.contains(where: \.ownsConfiguration), let email = authorEmail,
              let delta = deltas.first(where: { $0.path == Workspace.staffPath }), let blob = delta.new,
              let next = try? RecordJSON.decode(StaffRegistry.self, from: ws.repo.blob(blob), file: delta.path) else { return false }
        return next.byEmail(email) != nil
    }

    /// One line per refused path.
    package func refusals(_ deltas: [FileDelta]) throws -> [String] {
        if let layout = layoutSet(by: deltas) { return try migrationRefusals(deltas, to: layout) }
        return try deltas.compactMap { delta in try check(delta).map { "\(delta.path): \($0)" } }
    }

    /// The refusal for one changed path, or nil if it is acceptable.
    func check(_ delta: FileDelta) throws -> String? {
        if Review.isConfiguration(delta.path) {
            // Bootstrap: the repository's first commit, and the first manager's registration.
            if isRoot || !ws.staff.staff.contains(where: \.ownsConfiguration) { return nil }
            guard let author, author.ownsConfiguration else {
                return said("configOwner", "\(authorEmail ?? "unknown")")
            }
            if delta.path == NotifyConfig.path, let blob = delta.new {
                do {
                    let config = try JSONDecoder().decode(NotifyConfig.self, from: ws.repo.blob(blob))
                    try config.validate(staff: ws.staff)
                } catch let failure as Failure {
                    return failure.said(in: DeskLanguage.strings)
                } catch {
                    return Failure(key: "notifyDecode", oneLine("\(error)", limit: 160)).said(in: DeskLanguage.strings)
                }
            }
            return try checkCalendar(delta)
        }
        if delta.path.hasPrefix("records/samples/") {
            return try checkSample(delta)
        }
        if delta.path.hasPrefix("records/reviews/") {
            return try checkReview(delta)
        }
        if delta.path.hasPrefix("records/registers/") {
            return try checkRegister(delta)
        }
        if delta.path.hasPrefix("records/rounds/") {
            return try checkRound(delta)
        }
        if delta.path.hasPrefix("records/contracts/") {
            return try checkContract(delta)
        }
        guard delta.path.hasPrefix("records/cases/"), delta.path.hasSuffix(".json") else { return nil }
        guard let newBlob = delta.new else {
            return said("caseDeleted")
        }
        let old: CaseFile?, new: CaseFile
        switch try versions(CaseFile.self, of: delta, new: newBlob, schema: "case") {
        case .success(let pair): (old, new) = pair
        case .failure(let refusal): return refusal.line
        }
        summaries?.remember(new, blob: newBlob, path: delta.path)
        if let old, let oldBlob = delta.old { summaries?.remember(old, blob: oldBlob, path: delta.path) }
        do {
            try CaseChange.validate(old: old, new: new, path: delta.path, staff: ws.staff, profile: ws.profile, calendar: ws.calendar,
                                    recordedBy: judgedAt, layout: ws.settings.caseLayout)
        } catch {
            return DeskLanguage.strings.say(error: error)
        }
        let start = old?.events.count ?? 0
        for (i, event) in new.events.enumerated().dropFirst(start) {
            guard let actor = ws.staff[event.by], let authorEmail, actor.email.lowercased() == authorEmail.lowercased() else {
                return said("author", "\(i)", event.action.rawValue, event.by.rawValue, "\(authorEmail ?? "unknown")")
            }
            if event.at > commitTime {
                return said("afterCommit", "\(i)", event.action.rawValue, "\(event.at)", "\(commitTime)")
            }
        }
        return nil
    }

    /// A record the schema refuses, as the one line a refusal is.
    struct SchemaRefusal: Error {
        let line: String
    }

    /// The version of a changed record before (nil for a new file) and after the change, decoded;
    /// or the refusal naming the field and `records/schema/<schema>.schema.json`.
    func versions<T: Decodable>(_ type: T.Type, of delta: FileDelta, new blob: OID, schema: String) throws -> Result<(T?, T), SchemaRefusal> {
        do {
            let new = try RecordJSON.decode(type, from: ws.repo.blob(blob), file: delta.path)
            let old = try delta.old.map { try RecordJSON.decode(type, from: ws.repo.blob($0), file: delta.path) }
            return .success((old, new))
        } catch let error as RecordError {
            return .failure(SchemaRefusal(line: said("schema", "\(error.description.dropFirst(delta.path.count + 2))", schema)))
        }
    }

    /// A merge commit adds no events of its own: each changed case file is the union of its
    /// parents' versions, and a valid history as a whole. Other files must come from a parent.
    /// A merge that brings a layout migration from one side moves the other side's case files:
    /// a case file is looked up in each parent by its name, in either layout, and one taken out is
    /// in the merge at its place in `layout`, the layout the merge leaves in force.
    func checkMerge(_ delta: FileDelta, parents: [OID], commit: OID, layout: CaseLayout) throws -> String? {
        let isCase = delta.path.hasPrefix("records/cases/") && delta.path.hasSuffix(".json")
        if isCase, delta.new == nil, let target = LayoutMove.destination(of: delta.path, in: layout), target != delta.path,
           try ws.repo.blobID(at: target, in: commit) != nil, try parents.contains(where: { try ws.repo.blobID(at: delta.path, in: $0) == nil }) {
            return nil
        }
        if isCase, delta.new != nil, CaseLayout.of(path: delta.path) != layout {
            return said("layoutMerge", delta.path, LayoutMove.destination(of: delta.path, in: layout) ?? layout.rawValue)
        }
        let versions = try parents.map { isCase ? try caseBlob(named: delta.path, in: $0) : try ws.repo.blobID(at: delta.path, in: $0) }
        if versions.contains(delta.new) { return nil }
        if delta.path.hasPrefix("records/registers/"), let newBlob = delta.new {
            return try checkRegisterMerge(delta.path, newBlob, versions: versions)
        }
        guard delta.path.hasPrefix("records/cases/"), delta.path.hasSuffix(".json"), let newBlob = delta.new else {
            return try check(delta)
        }
        let new: CaseFile
        do {
            new = try RecordJSON.decode(CaseFile.self, from: ws.repo.blob(newBlob), file: delta.path)
        } catch let error as RecordError {
            return said("schema", "\(error.description.dropFirst(delta.path.count + 2))", "case")
        }
        do {
            try CaseChange.validate(old: nil, new: new, path: delta.path, staff: ws.staff, profile: ws.profile, calendar: ws.calendar)
        } catch {
            return DeskLanguage.strings.say(error: error)
        }
        var fromParents: [Event] = []
        for case let blob? in versions {
            let side = try RecordJSON.decode(CaseFile.self, from: ws.repo.blob(blob), file: delta.path)
            guard side.events.allSatisfy(new.events.contains) else {
                return said("mergeDrops")
            }
            fromParents += side.events
        }
        if let extra = new.events.firstIndex(where: { !fromParents.contains($0) }) {
            return said("mergeAdds", "\(extra)")
        }
        return nil
    }

    /// A review sign-off is written once, at its path, by a reviewer the rule names, who is the
    /// commit's author, and covers exactly the cases the rule gives at the base, as they stood.
    func checkReview(_ delta: FileDelta) throws -> String? {
        guard delta.old == nil, let blob = delta.new else {
            return said("reviewFixed")
        }
        let record: ReviewRecord
        do {
            record = try RecordJSON.decode(ReviewRecord.self, from: ws.repo.blob(blob), file: delta.path)
        } catch let error as RecordError {
            return said("schema", "\(error.description.dropFirst(delta.path.count + 2))", "review")
        }
        let rule = Reviews.rule(record.kind)
        guard let period = Reviews.period(record.kind, containing: record.from, in: ws.zone), period.from == record.from, period.to == record.to,
              delta.path == ReviewRecord.path(record.kind, from: record.from) else {
            return said("reviewPath", record.kind.rawValue, rule.clause)
        }
        guard let reviewer = ws.staff[record.by], reviewer.roles.contains(where: rule.by.contains) else {
            return said("reviewRole", "\(rule.by.map(\.rawValue).sorted().joined(separator: ", "))", record.kind.rawValue, rule.clause)
        }
        guard let authorEmail, reviewer.email.lowercased() == authorEmail.lowercased() else {
            return said("reviewAuthor", record.by.rawValue, "\(authorEmail ?? "unknown")")
        }
        guard record.at <= commitTime else {
            return said("reviewAfterCommit", "\(record.at)", "\(commitTime)")
        }
        let expected = try ws.reviewRecord(record.kind, period: period, by: record.by, at: record.at, opinion: record.opinion, store: summaries)
        guard expected.cases == record.cases, record.clause == rule.clause else {
            return said("reviewCoverage", rule.clause)
        }
        return nil
    }

    /// A register entry (000 §1(7); 001 §5.6.7) passes `RegisterChange.validate`, and what the
    /// change adds (the entry, its visits) is the commit author's and not after the commit.
    func checkRegister(_ delta: FileDelta) throws -> String? {
        guard let blob = delta.new else {
            return said("registerDeleted")
        }
        let old: RegisterEntry?, new: RegisterEntry
        switch try versions(RegisterEntry.self, of: delta, new: blob, schema: "register") {
        case .success(let pair): (old, new) = pair
        case .failure(let refusal): return refusal.line
        }
        do {
            try RegisterChange.validate(old: old, new: new, path: delta.path, staff: ws.staff, profile: ws.profile)
        } catch {
            return DeskLanguage.strings.say(error: error)
        }
        var steps: [(StaffID, Timestamp, String)] = old == nil ? [(new.addedBy, new.addedAt, "entry")] : []
        for (i, v) in new.visits.enumerated().dropFirst(old?.visits.count ?? 0) { steps.append((v.by, v.at, "visits[\(i)]")) }
        for (i, r) in (new.reveals ?? []).enumerated().dropFirst(old?.reveals?.count ?? 0) { steps.append((r.by, r.at, "reveals[\(i)]")) }
        for (by, at, what) in steps {
            guard let actor = ws.staff[by], let authorEmail, actor.email.lowercased() == authorEmail.lowercased() else {
                return said("registerAuthor", what, by.rawValue, "\(authorEmail ?? "unknown")")
            }
            if at > commitTime {
                return said("registerAfterCommit", what, "\(at)", "\(commitTime)")
            }
        }
        return nil
    }

    /// A merged register entry is one valid entry holding exactly its parents' visits and reveals.
    func checkRegisterMerge(_ path: String, _ blob: OID, versions: [OID?]) throws -> String? {
        let new: RegisterEntry
        let sides: [RegisterEntry]
        do {
            new = try RecordJSON.decode(RegisterEntry.self, from: ws.repo.blob(blob), file: path)
            sides = try versions.compactMap { $0 }.map { try RecordJSON.decode(RegisterEntry.self, from: ws.repo.blob($0), file: path) }
        } catch let error as RecordError {
            return said("schema", "\(error.description.dropFirst(path.count + 2))", "register")
        }
        do {
            try RegisterChange.validate(old: nil, new: new, path: path, staff: ws.staff, profile: ws.profile)
        } catch {
            return DeskLanguage.strings.say(error: error)
        }
        var head = new
        head.visits = []
        head.reveals = nil
        for side in sides {
            var h = side
            h.visits = []
            h.reveals = nil
            guard h == head, side.visits.allSatisfy(new.visits.contains), (side.reveals ?? []).allSatisfy((new.reveals ?? []).contains) else {
                return said("mergeDropsRecords")
            }
        }
        let known = sides.flatMap(\.visits), knownReveals = sides.flatMap { $0.reveals ?? [] }
        guard new.visits.allSatisfy(known.contains), (new.reveals ?? []).allSatisfy(knownReveals.contains) else {
            return said("mergeAddsVisits")
        }
        return nil
    }

    /// A holiday calendar must decode and be the year its name says: a broken one would stop
    /// every command of every desk that pulls it.
    func checkCalendar(_ delta: FileDelta) throws -> String? {
        guard delta.path.hasPrefix("records/calendar/"), delta.path.hasSuffix(".json"), let blob = delta.new else { return nil }
        do {
            let year = try RecordJSON.decode(CalendarYear.self, from: ws.repo.blob(blob), file: delta.path)
            guard delta.path == "records/calendar/cn-\(year.year).json" else {
                return said("calendarPath", "\(year.year)")
            }
            _ = try BusinessCalendar([year])
        } catch let error as RecordError {
            return said("schema", "\(error.description.dropFirst(delta.path.count + 2))", "calendar")
        } catch let refusal as Refusal {
            return DeskLanguage.strings.say(refusal)
        }
        return nil
    }

    /// A monthly sample, or a daily draw, is written once, by someone the rule names (a daily
    /// draw also by the system member that sweeps), dated the day it is committed, and is exactly
    /// what `Sampling.sample` or `Sampling.daily` draws from the cases and the month's draws at
    /// the base: a hand-picked selection is refused.
    func checkSample(_ delta: FileDelta) throws -> String? {
        guard delta.old == nil, let blob = delta.new else {
            return said("sampleFixed")
        }
        let sample: MonthlySample
        do {
            sample = try RecordJSON.decode(MonthlySample.self, from: ws.repo.blob(blob), file: delta.path)
        } catch let error as RecordError {
            return said("schema", "\(error.description.dropFirst(delta.path.count + 2))", "sample")
        }
        guard let rule = ws.profile.sampling else { return said("noSample") }
        let committedOn = Timestamp(date: commitTime.date, in: ws.zone).localDay
        let isDraw = delta.path != Workspace.samplePath(sample.month)
        if isDraw {
            guard rule.timing == .daily, let day = sample.drawnOn, delta.path == Workspace.drawPath(month: sample.month, day: day) else {
                return said("samplePath", sample.month, "\(Workspace.samplePath(sample.month))")
            }
        } else if rule.timing == .daily, sample.drawnOn == nil {
            return said("sampleReproducible", "\(sample.seed.prefix(12))", rule.clause)
        }
        guard let author, author.roles.contains(where: rule.by.contains) || (isDraw && author.roles.contains(.system)) else {
            return said("sampleRole", "\(rule.by.map(\.rawValue).joined(separator: ", "))", rule.clause)
        }
        // The cases' facts from their summaries: only files no summary is kept for are read.
        let cases = try (summaries ?? SummaryStore(repo: ws.repo)).facts(at: ws.base).map(\.facts)
        let earlier = try ws.samples(of: sample.month)
        // Dated no later than its commit, and no earlier than the month's draws before it.
        if let day = sample.drawnOn, day > committedOn || earlier.contains(where: { ($0.drawnOn ?? "") > day }) {
            return said("sampleDrawDay", day, committedOn, rule.clause)
        }
        let expected = isDraw
            ? try Sampling.daily(month: sample.month, on: sample.drawnOn ?? committedOn, facts: cases, earlier: earlier, profile: ws.profile,
                                 calendar: ws.calendar, zone: ws.zone)
            : try Sampling.sample(month: sample.month, facts: cases, profile: ws.profile, calendar: ws.calendar, zone: ws.zone,
                                  earlier: earlier, on: sample.drawnOn)
        guard expected == sample else {
            return said("sampleReproducible", "\((expected?.seed ?? "-").prefix(12))", rule.clause)
        }
        return nil
    }
}

/// `check.<key>` of the strings table in the user's language: a refusal of the hooks.
private func said(_ key: String, _ values: String...) -> String {
    DeskLanguage.strings.fill("check." + key, values)
}

extension Workspace {
    /// Reviews every commit of `commits` (oldest first), each against the rules of its first
    /// parent (the root commit against its own), with its signature when the settings require
    /// signatures. One line per refusal, prefixed with the commit's short id. The steps each commit
    /// adds are judged late or not against `pushTime` (the server's clock when a push arrives), or,
    /// when nil, against the commit's own time (a re-check of a history already received).
    /// A caller that passes `summaries` saves what they learnt itself.
    package func review(commits: [OID], pushTime: Timestamp? = nil, summaries given: SummaryStore? = nil) throws -> [String] {
        var lines: [String] = []
        let configurations = ConfigurationCache()
        let summaries = given ?? SummaryStore(repo: repo)
        // The summaries of the last base read are kept (the range's last commit is not read
        // again only to keep it: at 90,000 cases that cost 0.9 s a push, for a few files the next
        // command reads).
        defer {
            if given == nil { summaries.saveLast() }
            if ProcessInfo.processInfo.environment["CASEBOOK_SUMMARY_STATS"] == "1" {
                // For the tests: how many case files the range's draws and sign-offs decoded.
                FileHandle.standardError.write(Data("summaries: \(summaries.decoded) decoded\n".utf8))
            }
        }
        // A commit judged before against the same keys of its author is not verified again.
        let signatures = SignatureVerdicts(repo: repo)
        defer { signatures.save() }
        for id in commits {
            let info = try repo.commit(id)
            let parents = try repo.parents(of: id)
            let base = try Workspace(repo: repo, at: parents.first ?? id, cache: configurations)
            let zone = TimeZone(secondsFromGMT: Int(info.committer.offsetMinutes) * 60) ?? base.zone
            let commitTime = Timestamp(date: Date(timeIntervalSince1970: TimeInterval(info.committer.time)), in: zone)
            // A push is judged at its arrival, but a desk's own commit time is trusted within the
            // profile's push allowance before it (desks sync now and then, not after every step).
            let judgedAt = pushTime.map { push in max(min(commitTime, push), push.adding(seconds: -base.profile.lateEntryRule.pushWithinSeconds)) }
            let review = Review(ws: base, authorEmail: info.author.email, commitTime: commitTime, judgedAt: judgedAt ?? commitTime,
                                isRoot: parents.isEmpty, summaries: summaries)
            let prefix = "\(id.short) "
            let deltas = try repo.changes(from: parents.first, to: id)
            if !parents.isEmpty {
                let author = base.staff.byEmail(info.author.email)
                let relaxed = try review.relaxes(deltas)
                var status: SignatureStatus?
                func verified() throws -> SignatureStatus {
                    if let status { return status }
                    let found = try signatures.status(of: id, author: info.author.email, allowedSigners: base.allowedSigners)
                    status = found
                    return found
                }
                if author == nil, !review.isBootstrap(deltas) {
                    lines.append(prefix + said("unknownAuthor", info.author.email))
                } else if base.settings.signaturePolicy == .required || author.map(base.settings.signaturePolicy.requiresSignature) == true {
                    let found = try verified()
                    if found != .good {
                        let what = switch found {
                        case .unsigned: "unsigned"
                        case .bad: "bad"
                        default: "notRegistered"
                        }
                        lines.append(prefix + said("signedCommit." + what, info.author.email))
                    }
                }
                let signedByManager = author?.ownsConfiguration == true && author?.key != nil
                if relaxed, try !signedByManager || verified() != .good {
                    lines.append(prefix + said("relaxUnsigned", info.author.email))
                }
            }
            let layoutSet = review.layoutSet(by: deltas)
            if parents.count <= 1, let layoutSet {
                lines += try review.migrationRefusals(deltas, to: layoutSet).map { prefix + $0 }
                let left = try review.leftBehind(at: id, layout: layoutSet)
                if left > 0 { lines.append(prefix + said("layoutIncomplete", "\(left)")) }
                continue
            }
            let layout = layoutSet ?? base.settings.caseLayout
            for delta in deltas {
                let reason = parents.count > 1 ? try review.checkMerge(delta, parents: parents, commit: id, layout: layout) : try review.check(delta)
                if let reason { lines.append(prefix + "\(delta.path): \(reason)") }
            }
        }
        return lines
    }
}
