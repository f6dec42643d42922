import ArgumentParser
import CaseModel
import CasebookEngine
import Foundation
import GitStore
import Procedures

/// Options of every `company` command: the company repository, who acts, and when.
struct CompanyOptions: ParsableArguments {
    @Option(name: .long, help: "The company repository (default: the one around the current directory).")
    var company: String = "."

    @Option(name: .customLong("as"), help: ArgumentHelp("Acting head-office staff id (default: $CASEBOOK_ACTOR, then git's user.email).", valueName: "staff-id"))
    var actor: String?

    @Option(help: ArgumentHelp("The time it happens (default: $CASEBOOK_NOW, then now), ISO 8601.", valueName: "time"))
    var now: String?

    func workspace() throws -> CompanyWorkspace {
        let ws = try CompanyWorkspace(path: company)
        if let now {
            guard let t = Timestamp.parse(now, defaultZone: ws.zone) else { throw Failure(key: "nowNotTime", oneLine(now, limit: 40)) }
            ws.fixedNow = t
        }
        return ws
    }
}

/// A company repository opened for one command: its settings, staff, centres and last
/// collection as committed at HEAD, the mirrors of its centres, and how it commits.
final class CompanyWorkspace {
    static let settingsPath = "records/company.json"
    static let staffPath = "records/staff.json"
    static let centresPath = "records/centres.json"
    static let collectionPath = "records/collection.json"

    let repo: Repository
    let settings: CompanySettings
    var staff: StaffRegistry
    var centres: CentreList
    let collection: CompanyCollection?
    let zone: TimeZone
    private(set) var base: OID?
    var fixedNow: Timestamp?

    init(path: String) throws {
        guard let repo = try? Repository.discover(from: path) else { throw Failure(key: "noRepo", path) }
        self.repo = repo
        base = try repo.head()
        guard let base, let data = try repo.read(CompanyWorkspace.settingsPath, at: base) else {
            throw Failure(key: "company.notCompany", path)
        }
        settings = try RecordJSON.decode(CompanySettings.self, from: data, file: CompanyWorkspace.settingsPath)
        guard let zone = TimeZone(identifier: settings.timeZone) else {
            throw Failure(key: "badZone", CompanyWorkspace.settingsPath, settings.timeZone)
        }
        self.zone = zone
        staff = try Workspace.record(StaffRegistry.self, CompanyWorkspace.staffPath, in: repo, at: base,
                                     missing: Failure(key: "recordMissing", CompanyWorkspace.staffPath))
        centres = try Workspace.record(CentreList.self, CompanyWorkspace.centresPath, in: repo, at: base,
                                       missing: Failure(key: "recordMissing", CompanyWorkspace.centresPath))
        collection = try repo.read(CompanyWorkspace.collectionPath, at: base)
            .map { try RecordJSON.decode(CompanyCollection.self, from: $0, file: CompanyWorkspace.collectionPath) }
        // The centres read in this run (each a workspace with its own locale) do not change it.
        DeskLanguage.pin(locale: settings.locale)
    }

    func now() throws -> Timestamp { try fixedNow ?? Clock.now(in: zone) }

    /// The acting member of head office: `--as`, then `CASEBOOK_ACTOR`, then git's `user.email`.
    func actor(_ option: String?) throws -> Staff {
        let env = ProcessInfo.processInfo.environment["CASEBOOK_ACTOR"].flatMap { $0.isEmpty ? nil : $0 }
        if let id = option ?? env {
            guard let member = staff[StaffID(rawValue: id)] else { throw Failure(key: "notStaff", "--as", oneLine(id, limit: 64)) }
            return member
        }
        if let email = repo.config("user.email"), let member = staff.byEmail(email) { return member }
        throw Failure(key: "noActor")
    }

    /// The actor, who must hold one of `roles` (the system member when `system` is allowed).
    func actor(_ option: String?, mayAct roles: Set<Role>, what: String) throws -> Staff {
        let member = try actor(option)
        guard member.roles.contains(where: roles.contains) else {
            throw Failure(key: "company.role", member.id.rawValue, what,
                          roles.sorted { $0.rawValue < $1.rawValue }.map { DeskLanguage.strings.role($0) }.joined(separator: ", "))
        }
        return member
    }

    /// Where the mirror of centre `code` lives: `.git/casebook/centres/CODE.git`.
    func mirrorPath(_ code: String) -> String { repo.gitDirectory + "casebook/centres/\(code).git" }

    /// One signed commit of `changes` by `actor` (head office signs every step: its key from the
    /// keyring for `system`, else `CASEBOOK_SIGNING_KEY`, else git's `user.signingkey`).
    func commit(_ changes: [FileChange], by actor: Staff, message: String) throws {
        let now = try now()
        let person = Person(name: actor.name, email: actor.email, time: now.unixSeconds, offsetMinutes: Int32(now.offsetSeconds / 60))
        do {
            base = try repo.commit(changes, author: person, committer: person, message: message, signer: try signer(for: actor), onto: base)
        } catch let error as GitError where error.isConcurrentUpdate {
            throw ConcurrentUpdate()
        }
    }

    /// The key that signs `actor`'s commits, which must be the one registered for them.
    func signer(for actor: Staff) throws -> any CommitSigner {
        let keyring = Workspace.keyringPath(repo, actor.id)
        let own = actor.roles.contains(.system) && FileManager.default.fileExists(atPath: keyring) ? keyring : nil
        let env = ProcessInfo.processInfo.environment["CASEBOOK_SIGNING_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        guard let key = own ?? env ?? repo.config("user.signingkey") else { throw Failure(key: "signatureKeyMissing", actor.id.rawValue) }
        var path = (key as NSString).expandingTildeInPath
        if path.hasSuffix(".pub"), FileManager.default.fileExists(atPath: String(path.dropLast(4))) { path.removeLast(4) }
        guard FileManager.default.fileExists(atPath: path) else { throw Failure(key: "noSigningKey", key) }
        let inProcess = (try? String(contentsOfFile: path, encoding: .utf8)).flatMap(SSHKey.init(privateKeyFile:))
        let publicKey = inProcess?.publicKeyLine ?? (try? String(contentsOfFile: path + ".pub", encoding: .utf8))
        guard let registered = actor.key, let publicKey, Workspace.sameKey(publicKey, registered) else {
            throw Failure(key: "wrongSigningKey", key, actor.id.rawValue, CompanyWorkspace.staffPath)
        }
        if let inProcess { return InProcessSigner(key: inProcess) }
        return SSHSigner(keyPath: path)
    }

    /// The month's spot checks, if drawn.
    func sample(of month: String) throws -> CompanySample? {
        let path = CompanyWorkspace.samplePath(month)
        return try repo.read(path, at: base).map { try RecordJSON.decode(CompanySample.self, from: $0, file: path) }
    }

    /// Every month's spot checks.
    func samples() throws -> [CompanySample] {
        try repo.files(under: "records/spot-checks", at: base).filter { $0.path.hasSuffix(".json") }.map {
            try RecordJSON.decode(CompanySample.self, from: repo.blob($0.blob), file: $0.path)
        }.sorted { $0.month < $1.month }
    }

    static func samplePath(_ month: String) -> String { "records/spot-checks/\(month).json" }
}
