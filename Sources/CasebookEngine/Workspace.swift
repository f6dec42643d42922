import CaseModel
import Foundation
import GitStore
import Procedures

/// "Now" for the whole process: `CASEBOOK_NOW` (ISO 8601) fixes it, for tests and simulation.
package enum Clock {
    package static func now(in zone: TimeZone) throws -> Timestamp {
        if let fixed = ProcessInfo.processInfo.environment["CASEBOOK_NOW"], !fixed.isEmpty {
            guard let t = Timestamp.parse(fixed, defaultZone: zone) else {
                throw Failure(key: "badNow", "\(oneLine(fixed, limit: 40))")
            }
            return t
        }
        return Timestamp(date: Date(), in: zone)
    }
}

/// A case repository opened for one command: settings, staff and the active profile as
/// committed at HEAD, and the operations every command shares.
package final class Workspace {
    package static let settingsPath = "records/casebook.json"
    package static let staffPath = "records/staff.json"

    package let repo: Repository
    package let settings: Settings
    /// The registry at `base` (a `saveStaff` in this workspace updates it).
    package var staff: StaffRegistry { didSet { signers = Signers(staff) } }
    /// `staff.allowedSigners`, made once for each registry (`Signers`).
    package var allowedSigners: String { signers.text }
    private var signers: Signers
    package let profile: Profile
    package let calendar: BusinessCalendar
    package let zone: TimeZone
    /// HEAD when the workspace was opened (or after its own last commit): everything is read
    /// there, and commits go onto it.
    package private(set) var base: OID?
    /// "Now" for this workspace: `Clock.now` unless a caller (the simulator) sets its own.
    package var clock: (() throws -> Timestamp)?
    /// Private key files by staff id, used before `CASEBOOK_SIGNING_KEY` and `user.signingkey`
    /// (the simulator signs as every member of its roster).
    package var keyFiles: [StaffID: String] = [:]
    /// When set, `record` validates each step and keeps the case here (by path) instead of
    /// committing it; `commitBatch` commits them all at once (the simulator's `--bulk`, for
    /// benchmarks only).
    package var batch: [String: CaseFile]?
    /// Whether a commit flushes its journal and work-tree files to disk (crash safety); the
    /// simulator, which can make its repository again from the seed, turns it off.
    package var durable = true
    /// Why steps are recorded after the fact (`--late-reason`): a step whose time is earlier than
    /// now by more than the profile's grace is marked a late entry 补录 with it (`marked`), and
    /// refused without it (`LateEntry`).
    package var lateReason: String?
    /// The residents' sealing keys of this clone (outside the history); found when first asked
    /// for (the environment and git's configuration read then), not for each commit a check opens.
    package lazy var keys = KeyStoreFile(repo: repo)
    /// The highest sequence number taken of each id stem (prefix, day, desk) `newID` has read.
    private var highestSequence: [String: Int] = [:]

    package convenience init(path: String, recover: Bool = true) throws {
        let repo: Repository
        do {
            repo = try Repository.discover(from: path)
        } catch {
            // A central bare repository, named exactly (what the host publishes from).
            guard let bare = try? Repository.open(path), bare.isBare else { throw Failure(key: "noRepo", path) }
            repo = bare
        }
        // A commit a killed casebook process left half done is finished (or discarded) first.
        if recover { try repo.recoverInterruptedCommit() }
        try self.init(repo: repo, at: try repo.head())
    }

    /// The configuration of a commit, decoded: what `init(repo:at:)` reads besides the cases.
    package struct Configuration {
        package let settings: Settings
        package let staff: StaffRegistry
        package let profile: Profile
        package let calendar: BusinessCalendar
        package let zone: TimeZone
        package let signers: Signers
    }

    /// The allowed-signers text of a staff registry (`StaffRegistry.allowedSigners`), made when
    /// first asked for and shared by every workspace opened on the same configuration: `check
    /// --range` judges a signature at every commit, and making the text each time was a fifth of
    /// a push's check (callgrind); a command that judges no signature never makes it.
    package final class Signers {
        package let staff: StaffRegistry
        package private(set) lazy var text = staff.allowedSigners

        package init(_ staff: StaffRegistry) {
            self.staff = staff
        }
    }

    /// Configurations already decoded, by the ids of the files they were read from: reviewing a
    /// thousand commits decodes the rules once for each version of them, not once per commit.
    package final class ConfigurationCache {
        package var entries: [String: Configuration] = [:]

        package init() {}
    }

    /// The configuration as committed at `base` (a hook reviewing a push reads each commit's
    /// rules from its parent).
    package init(repo: Repository, at base: OID?, cache: ConfigurationCache? = nil) throws {
        self.repo = repo
        self.base = base
        var key: String?
        if cache != nil, let base {
            key = try [Workspace.settingsPath, Workspace.staffPath, "records/procedures", "records/calendar"]
                .map { try repo.blobID(at: $0, in: base)?.hex ?? "-" }.joined(separator: " ")
        }
        let configuration: Configuration
        if let key, let known = cache?.entries[key] {
            configuration = known
        } else {
            configuration = try Workspace.configuration(in: repo, at: base)
            if let key { cache?.entries[key] = configuration }
        }
        settings = configuration.settings
        staff = configuration.staff
        signers = configuration.signers
        profile = configuration.profile
        calendar = configuration.calendar
        zone = configuration.zone
        DeskLanguage.use(locale: settings.locale)
    }

    /// Reads and decodes the settings, staff, active profile and calendars committed at `base`.
    static func configuration(in repo: Repository, at base: OID?) throws -> Configuration {
        let settings = try Workspace.record(Settings.self, Workspace.settingsPath, in: repo, at: base,
                                            missing: Failure(key: "notCaseRepository", Workspace.settingsPath))
        guard let zone = TimeZone(identifier: settings.timeZone) else {
            throw Failure(key: "badZone", "\(Workspace.settingsPath)", "\(settings.timeZone)")
        }
        let staff = try Workspace.record(StaffRegistry.self, Workspace.staffPath, in: repo, at: base, missing: Failure(key: "recordMissing", Workspace.staffPath))
        let profilePath = "records/procedures/\(settings.profile).json"
        let profile = try Workspace.record(Profile.self, profilePath, in: repo, at: base, missing: Failure(key: "profileMissing", profilePath, settings.profile, Workspace.settingsPath))
        var years: [CalendarYear] = []
        if let base {
            for entry in try repo.files(under: "records/calendar", at: base) where entry.path.hasSuffix(".json") {
                years.append(try RecordJSON.decode(CalendarYear.self, from: repo.blob(entry.blob), file: entry.path))
            }
        }
        do {
            return Configuration(settings: settings, staff: staff, profile: profile, calendar: try BusinessCalendar(years), zone: zone,
                                 signers: Signers(staff))
        } catch {
            throw Failure(saying: error)
        }
    }

    /// Reads and decodes a record file as committed at HEAD; `missing` is the failure when it is not there.
    package static func record<T: Decodable>(_ type: T.Type, _ path: String, in repo: Repository, at base: OID?, missing: Failure) throws -> T {
        guard let base, let data = try repo.read(path, at: base) else { throw missing }
        return try RecordJSON.decode(type, from: data, file: path)
    }

    // MARK: - Time and actor

    package func now() throws -> Timestamp { try clock?() ?? Clock.now(in: zone) }

    /// The event time: `--at` if given (not in the future), else now.
    package func eventTime(_ option: String?) throws -> Timestamp {
        let now = try now()
        guard let option else { return now }
        guard let t = Timestamp.parse(option, defaultZone: zone) else {
            throw Failure(key: "badAt", "\(oneLine(option, limit: 40))")
        }
        guard t <= now else { throw Failure(key: "atFuture", "\(t)", "\(now)") }
        return t
    }

    /// The acting staff member: `--as`, then `CASEBOOK_ACTOR`, then git's `user.email`.
    package func actor(_ option: String?) throws -> Staff {
        let env = ProcessInfo.processInfo.environment["CASEBOOK_ACTOR"].flatMap { $0.isEmpty ? nil : $0 }
        if let id = option ?? env {
            guard let member = staff[StaffID(rawValue: id)] else {
                throw Failure(key: "notStaff", "--as", oneLine(id, limit: 64))
            }
            return member
        }
        if let email = repo.config("user.email"), let member = staff.byEmail(email) {
            return member
        }
        if let ask = Workspace.askActor {
            // At the desk: ask who is recording (once per run), from the registered staff.
            if let id = AskedActor.id, let member = staff[id] { return member }
            let people = staff.staff.filter { !$0.roles.contains(.system) }
            if !people.isEmpty, let member = try ask(people) {
                AskedActor.id = member.id
                return member
            }
        }
        throw Failure(key: "noActor")
    }

    /// How the front end asks who is recording when neither `--as`, `CASEBOOK_ACTOR` nor git's
    /// `user.email` names a member: the desk's terminal conversation, set by the command line
    /// at start; nil (or a nil answer: not a terminal) means nobody is asked.
    nonisolated(unsafe) package static var askActor: ((_ people: [Staff]) throws -> Staff?)?

    /// A registered staff id given in `field` (e.g. `--assignee`).
    package func registered(_ id: String, field: String) throws -> StaffID {
        guard staff[StaffID(rawValue: id)] != nil else {
            throw Failure(key: "notStaff", field, oneLine(id, limit: 64))
        }
        return StaffID(rawValue: id)
    }

    // MARK: - Cases

    /// The path of case `id`, derived from the date inside the id.
    package func path(of id: CaseID) throws -> String {
        guard id.isWellFormed else { throw Failure(key: "badCaseID", "\(oneLine(id.rawValue, limit: 64))") }
        guard id.rawValue.split(separator: "-").count >= 3, let day = id.intakeDay else {
            throw Failure(key: "caseIDNoDate", "\(id.rawValue)", "\(settings.idPrefix)")
        }
        return settings.caseLayout.path(of: id, day: day)
    }

    /// Where `file` belongs in this repository's layout (`settings.layout`).
    package func place(_ file: CaseFile) -> String { file.path(in: settings.caseLayout) }

    /// Case file `file` as committed at `commit`, wherever it was then (in either layout: a
    /// layout migration moves files), or nil.
    package func read(_ file: CaseFile, at commit: OID) throws -> Data? {
        for layout in [settings.caseLayout] + CaseLayout.allCases.filter({ $0 != settings.caseLayout }) {
            if let data = try repo.read(file.path(in: layout), at: commit) { return data }
        }
        return nil
    }

    /// Case `id` as committed at HEAD.
    package func load(_ id: CaseID) throws -> CaseFile {
        let path = try path(of: id)
        guard let data = try repo.read(path, at: base) else { throw Failure(key: "noSuchCase", id.rawValue) }
        let file = try RecordJSON.decode(CaseFile.self, from: data, file: path)
        guard file.id == id, place(file) == path else { throw Failure(key: "idMismatch", "\(path)") }
        guard file.isConsistent else { throw Failure(key: "notFold", "\(path)") }
        return file
    }

    /// Every case at HEAD, in path order.
    package func allCases() throws -> [CaseFile] {
        try caseEntries().map(\.file)
    }

    /// Every case at HEAD with the blob id of its file, in path order (`decodedInChunks`).
    package func caseEntries() throws -> [(file: CaseFile, blob: OID)] {
        let entries = try repo.files(under: "records/cases", at: base).filter { $0.path.hasSuffix(".json") }
        let files = try repo.decodedInChunks(entries.map { (path: $0.path, blob: $0.blob) }) { try RecordJSON.decode(CaseFile.self, from: $0, file: $1) }
        return zip(files, entries).map { (file: $0, blob: $1.blob) }
    }

    /// A new case id: prefix, intake date, this clone's desk code, and the next sequence number
    /// of that desk on that day. Two clones have different desk codes, so their ids never collide.
    /// The folder is read once per day and workspace; the cases this workspace records later are
    /// counted on from there (`base` moves only by its own commits).
    package func newID(receivedAt: Timestamp) throws -> CaseID {
        let desk = try Workspace.deskCode(repo)
        let day = receivedAt.localDay.replacingOccurrences(of: "-", with: "")
        let stem = "\(settings.idPrefix)-\(day)-\(desk)-"
        let highest: Int
        if let known = highestSequence[stem] {
            highest = known
        } else {
            let folder = settings.caseLayout.folder(forDay: day)
            let pending = (batch?.keys).map { Array($0).filter { $0.hasPrefix(folder + "/") } } ?? []
            let taken = try (repo.files(under: folder, at: base).map(\.path) + pending).compactMap { path -> Int? in
                let name = path.split(separator: "/").last ?? ""
                guard name.hasPrefix(stem), name.hasSuffix(".json") else { return nil }
                return Int(name.dropFirst(stem.count).dropLast(5))
            }
            highest = taken.max() ?? 0
            highestSequence[stem] = highest
        }
        return CaseID(rawValue: stem + String(format: "%04d", highest + 1))
    }

    /// Counts a case this workspace recorded into `highestSequence`.
    private func noteRecorded(_ id: CaseID) {
        let raw = id.rawValue
        guard let dash = raw.lastIndex(of: "-"), let n = Int(raw[raw.index(after: dash)...]) else { return }
        let stem = String(raw[...dash])
        if let known = highestSequence[stem] { highestSequence[stem] = max(known, n) }
    }

    /// The reporter's full name when this clone holds the resident's key, else nil.
    /// The reporter's full name where `event`'s free text could hold it (the text has the
    /// surname in it); nil otherwise, without reading the key store.
    func fullName(of file: CaseFile, ifIn event: Event) -> String? {
        guard let surname = file.intake.reporter.nameDisplay.first,
              [event.text, event.reason, event.result, event.notes, event.agency, event.lateReason].contains(where: { $0?.contains(surname) == true }) else { return nil }
        return fullName(of: file)
    }

    package func fullName(of file: CaseFile) -> String? {
        let reporter = file.intake.reporter
        guard let store = try? keys.read(), let key = store.key(for: reporter.resident) else { return nil }
        return try? reporter.reveal(with: key).name
    }

    /// This clone's desk code (`git config casebook.desk`), made at random the first time.
    package static func deskCode(_ repo: Repository) throws -> String {
        if let code = repo.config("casebook.desk"), !code.isEmpty,
           code.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }) {
            return code
        }
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var rng = SystemRandomNumberGenerator()
        let code = String((0..<3).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
        try repo.setConfig("casebook.desk", code)
        return code
    }

    /// The case `event` would make, validated exactly as `record` (and the hook) would, without
    /// writing anything: for reading a step back before it is committed. Free text is scrubbed of
    /// mobile numbers and (where this clone holds the resident's key) of the reporter's full name
    /// first, as `record` will store it.
    /// - Throws: `Failure` naming the rule and clause that refuses.
    @discardableResult
    package func check(_ event: Event, on previous: CaseFile?, id: CaseID) throws -> CaseFile {
        let now = try now()
        var event = marked(event, now: now)
        if event.action != .open { event = event.scrubbingPersonalData(fullName: previous.flatMap { fullName(of: $0, ifIn: event) }) }
        let events = (previous?.events ?? []) + [event]
        let next: CaseFile
        do {
            next = try CaseFile(id: id, events: events)
        } catch {
            throw Failure.about(id.rawValue, error)
        }
        do {
            try CaseChange.validate(old: previous, new: next, path: place(next), staff: staff, profile: profile, calendar: calendar,
                                    recordedBy: now, layout: settings.caseLayout)
        } catch {
            throw error.about(id.rawValue)
        }
        return next
    }

    /// `event` marked as a late entry 补录 — recorded `now`, for `lateReason` — when its time is
    /// earlier than `now` by more than the profile's grace and a reason was given; otherwise as it
    /// is (an on-time step carries no mark; a late one without a reason is refused by `LateEntry`).
    func marked(_ event: Event, now: Timestamp) -> Event {
        guard let lateReason, !event.isLateEntry, event.at.adding(seconds: profile.lateEntryRule.graceSeconds) < now else { return event }
        var e = event
        e.recordedAt = now
        e.lateReason = Contact.scrub(lateReason, fullName: nil)
        return e
    }

    /// Validates `event` against the case as it stands (nil: a new case), then writes the file
    /// and makes one commit authored by the actor. Nothing is written if any rule refuses, and
    /// neither a mobile number nor the reporter's full name enters the history (see `check`).
    @discardableResult
    package func record(_ event: Event, on previous: CaseFile?, id: CaseID, actor: Staff, summary: String, clause: String) throws -> CaseFile {
        let next = try check(event, on: previous, id: id)
        if previous == nil { noteRecorded(id) }
        if batch != nil {
            batch?[place(next)] = next
            return next
        }
        guard try repo.isUnchangedSettled(place(next)) else {
            throw Failure(key: "uncommitted", "\(place(next))")
        }
        let message = """
        \(next.intake.kind.rawValue) \(id.rawValue): \(summary)

        Case-Id: \(id.rawValue)
        Action: \(event.action.rawValue)
        Procedure: \(clause)
        """
        try commit([FileChange(path: place(next), content: try RecordJSON.encode(next))], by: actor, at: event.at, message: message)
        return next
    }

    /// Commits every file kept by `batch` as one commit by `actor`, and empties the batch.
    package func commitBatch(by actor: Staff, at time: Timestamp, message: String) throws {
        guard let files = batch, !files.isEmpty else { return }
        let changes = try files.keys.sorted().map { path in FileChange(path: path, content: try files[path].map { try RecordJSON.encode($0) } ?? Data()) }
        try commit(changes, by: actor, at: time, message: message)
        batch = [:]
    }

    /// One commit of `changes`: author = `actor` at `time`, committer = the same person now,
    /// signed when a signing key is configured (and required when the settings say so).
    package func commit(_ changes: [FileChange], removing: [String] = [], by actor: Staff, at time: Timestamp, message: String,
                merging others: [OID] = []) throws {
        let now = try now()
        let author = Person(name: actor.name, email: actor.email, time: time.unixSeconds, offsetMinutes: Int32(time.offsetSeconds / 60))
        let committer = Person(name: actor.name, email: actor.email, time: now.unixSeconds, offsetMinutes: Int32(now.offsetSeconds / 60))
        let signer = try signer(for: actor)
        do {
            base = try repo.commit(changes, removing: removing, author: author, committer: committer, message: message, signer: signer,
                                   onto: base, merging: others,
                                   durable: durable)
        } catch let error as GitError where error.isConcurrentUpdate {
            throw ConcurrentUpdate()
        }
    }

    /// The key that signs the actor's commits: their entry in `keyFiles`, then for `system` this
    /// clone's keyring (`.git/casebook/keys/system`, the host's key), then
    /// `CASEBOOK_SIGNING_KEY`, then git's `user.signingkey` (a private key file, or a public key
    /// whose private half sits beside it). An unencrypted Ed25519 key signs in process; any other
    /// key through `ssh-keygen -Y sign`.
    /// - Throws: `Failure` when the policy requires the actor's signature and no key is at hand
    ///   (rule signed-commit), or the key at hand is not the one registered for them.
    package func signer(for actor: Staff) throws -> (any CommitSigner)? {
        let must = settings.signaturePolicy.requiresSignature(of: actor)
        let env = ProcessInfo.processInfo.environment["CASEBOOK_SIGNING_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        // Only the host's own key is taken from the keyring: a desk computer shared by several
        // people must not let one of them act with another's key.
        let keyring = Workspace.keyringPath(repo, actor.id)
        let own = actor.roles.contains(.system) && FileManager.default.fileExists(atPath: keyring) ? keyring : nil
        guard let key = keyFiles[actor.id] ?? own ?? env ?? repo.config("user.signingkey") else {
            if actor.key != nil, must { throw Failure(key: "signatureKeyMissing", actor.id.rawValue) }
            if must { throw Failure(key: "signatureRequired", "\(Workspace.settingsPath)") }
            return nil
        }
        var path = (key as NSString).expandingTildeInPath
        if path.hasSuffix(".pub"), FileManager.default.fileExists(atPath: String(path.dropLast(4))) { path.removeLast(4) }
        guard FileManager.default.fileExists(atPath: path) else {
            throw Failure(key: "noSigningKey", "\(key)")
        }
        let inProcess = (try? String(contentsOfFile: path, encoding: .utf8)).flatMap(SSHKey.init(privateKeyFile:))
        if must || actor.key != nil {
            // The key must be the one registered for this person, or their commits will not verify.
            let publicKey = inProcess?.publicKeyLine ?? (try? String(contentsOfFile: path.hasSuffix(".pub") ? path : path + ".pub", encoding: .utf8))
            if let registered = actor.key, let publicKey, !Workspace.sameKey(publicKey, registered) {
                throw Failure(key: "wrongSigningKey", "\(key)", "\(actor.id.rawValue)", "\(Workspace.staffPath)")
            }
        }
        if let inProcess { return InProcessSigner(key: inProcess) }
        return SSHSigner(keyPath: path)
    }

    /// Where this clone keeps `id`'s private key, outside the history: `.git/casebook/keys/<id>`.
    package static func keyringPath(_ repo: Repository, _ id: StaffID) -> String {
        repo.gitDirectory + "casebook/keys/" + id.rawValue
    }

    /// Two OpenSSH public keys are the same if type and base64 body agree (comments may differ).
    package static func sameKey(_ a: String, _ b: String) -> Bool {
        func body(_ s: String) -> [Substring] { Array(s.split(whereSeparator: \.isWhitespace).prefix(2)) }
        return body(a) == body(b)
    }
}

/// Free text a user typed: trimmed, not empty, one paragraph of sensible size.
package func text(_ value: String, field: String, limit: Int = 2000) throws -> String {
    let t = value.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !t.isEmpty else { throw Failure(key: "empty", field) }
    guard t.count <= limit else { throw Failure(key: "tooLong", field, "\(limit)") }
    guard !t.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t" }) else {
        throw Failure(key: "control", field)
    }
    return t
}
