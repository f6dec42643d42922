import ArgumentParser
import CaseModel
import CasebookEngine
import Foundation
import GitStore

extension Casebook {
    /// `casebook company …`: head office over many service centres (issue 18).
    struct Company: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "company",
            abstract: "Head office: a company repository over the centres' repositories (collect, compare, spot-check).",
            discussion: """
            The company repository records only head office's own steps: its staff (公司管理部, 品质管理部, 总经办,
            general manager), its centres, what it collected from them (one signed commit per collection naming each
            centre's commit), and its spot checks of the centres' revisits (001 §5.5.1–5.5.3). Centres stay
            independent repositories, mirrored under .git/casebook/centres/.
            Workflow: casebook company init ~/company --name 某某物业公司
                      casebook company staff add wang.gm --name 王总 --email wang@example.cn --role general-manager --key wang.pub
                      casebook company add CH01 --name 翠湖花园服务中心 --url git://host/ch01.git --as wang.gm
                      casebook company fetch --as system
                      casebook company sample --month 2026-11 --as zhao.gs
                      casebook company spot-check CH01 C-20261103-A01-0002 --reached --satisfied --as zhao.gs
                      casebook company approve CH01 C-20261122-A01-0003 --notes 委托人为业主本人 --as zhao.gs
                      casebook company site --out company-site
            """,
            subcommands: [CompanyInit.self, CompanyStaff.self, CompanyAdd.self, CompanyFetch.self, CompanySampleCommand.self,
                          CompanySpotCheck.self, CompanyApprove.self, CompanySite.self, CompanyCheck.self]
        )
    }
}

/// Who may change head office's registry and its list of centres.
let companyOwners: Set<Role> = [.generalManager, .companyManagement]

/// `casebook company init DIR --name NAME`.
struct CompanyInit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a company repository: settings, the system member with this host's key, hooks.",
        discussion: "Example: casebook company init ~/company --name 某某物业公司"
    )
    @Argument(help: "Directory for the new repository (created if missing; must be empty).") var directory: String
    @Option(help: "The company's name, shown on its dashboard.") var name: String
    @Option(help: ArgumentHelp("Language of its pages and messages: zh-Hans or en.", valueName: "locale")) var locale: String = "zh-Hans"
    @Option(help: ArgumentHelp("Time of the first commit (default: $CASEBOOK_NOW, then now).", valueName: "time")) var now: String?

    func validate() throws {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty, name.count <= 60, !name.contains(where: \.isNewline) else {
            throw ValidationError("--name: must be 1–60 characters on one line")
        }
        guard locale == "zh-Hans" || locale == "en" else { throw ValidationError("--locale: zh-Hans or en") }
    }

    func run() throws {
        if let items = try? FileManager.default.contentsOfDirectory(atPath: directory), !items.isEmpty {
            throw Failure(key: "notEmpty", directory)
        }
        let settings = CompanySettings(name: name.trimmingCharacters(in: .whitespaces), locale: locale)
        let zone = TimeZone(identifier: settings.timeZone) ?? .current
        let at: Timestamp
        if let now {
            guard let t = Timestamp.parse(now, defaultZone: zone) else { throw Failure(key: "nowNotTime", oneLine(now, limit: 40)) }
            at = t
        } else {
            at = try Clock.now(in: zone)
        }
        let repo = try Repository.create(at: directory)
        let key = try SSHKey(seed: Data((0..<32).map { _ in UInt8.random(in: 0...255) }), comment: "system@casebook.invalid")
        try Casebook.Init.keep(key, as: "system", in: repo)
        let system = Staff(id: "system", name: "casebook", email: "system@casebook.invalid", roles: [.system], key: key.publicKeyLine)
        var changes = [
            FileChange(path: CompanyWorkspace.settingsPath, content: try RecordJSON.encode(settings)),
            FileChange(path: CompanyWorkspace.staffPath, content: try RecordJSON.encode(StaffRegistry(staff: [system]))),
            FileChange(path: CompanyWorkspace.centresPath, content: try RecordJSON.encode(CentreList())),
        ]
        for hook in ["pre-commit", "pre-receive"] {
            changes.append(FileChange(path: "hooks/\(hook)", content: Data(CompanyCheck.hook(hook).utf8), executable: true))
        }
        try repo.setConfig("core.hooksPath", "hooks")
        try repo.setConfig("casebook.bin", Casebook.Init.executablePath)
        let person = Person(name: system.name, email: system.email, time: at.unixSeconds, offsetMinutes: Int32(at.offsetSeconds / 60))
        try repo.commit(changes, author: person, committer: person, message: """
            company: new company repository

            Action: company-init
            """, signer: InProcessSigner(key: key))
        print(repo.workdir.hasSuffix("/") ? String(repo.workdir.dropLast()) : repo.workdir)
    }
}

/// `casebook company staff add ID …`: head office's registry.
struct CompanyStaff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff", abstract: "Register head-office staff (one signed commit).",
        subcommands: [Add.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Register a member of head office with roles and their SSH public key.",
            discussion: """
            By the general manager or 公司管理部 (company-management); while neither is registered, by system
            (setting the repository up). Roles: company-management 公司管理部, quality-management 品质管理部,
            general-office 总经办, general-manager 总经理.
            Example: casebook company staff add zhao.gs --name 赵敏 --email zhao@example.cn --role company-management --key zhao.pub
            """
        )
        @OptionGroup var options: CompanyOptions
        @Argument(help: "Staff id: lower-case letters, digits, '.', '-' or '_'.") var id: String
        @Option(help: "Full name, as on commits.") var name: String
        @Option(help: "Email, as on commits (must be unique).") var email: String
        @Option(help: "Role (repeat for several).") var role: [Role]
        @Option(help: ArgumentHelp("SSH public key file whose private key signs this person's commits.", valueName: "public-key-file")) var key: String

        func validate() throws {
            guard StaffID(rawValue: id).isWellFormed else { throw ValidationError("id: '\(oneLine(id, limit: 64))' must be 1–64 of a-z, 0-9, '.', '-', '_'") }
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty, name.count <= 60, !name.contains(where: { $0.isNewline || $0 == "<" || $0 == ">" }) else {
                throw ValidationError("--name: must be 1–60 characters without newlines or angle brackets")
            }
            let parts = email.split(separator: "@")
            guard parts.count == 2, parts[1].contains("."), !email.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" }) else {
                throw ValidationError("--email: '\(email.prefix(80))' is not an email address")
            }
            guard !role.isEmpty, !role.contains(.system) else { throw ValidationError("--role: at least one role, not system") }
        }

        func run() throws {
            try Retry.onConcurrentUpdate {
                let ws = try options.workspace()
                guard ws.staff[StaffID(rawValue: id)] == nil else { throw Failure(key: "idRegistered", id) }
                guard ws.staff.byEmail(email) == nil else { throw Failure(key: "emailRegistered", email) }
                let bootstrap = !ws.staff.staff.contains { $0.roles.contains(where: companyOwners.contains) }
                let author: Staff
                if bootstrap, options.actor == nil, let system = ws.staff["system"] {
                    author = system
                } else {
                    author = try ws.actor(options.actor, mayAct: bootstrap ? companyOwners.union([.system]) : companyOwners,
                                          what: CompanyWorkspace.staffPath)
                }
                let member = Staff(id: StaffID(rawValue: id), name: name.trimmingCharacters(in: .whitespaces), email: email, roles: role,
                                   key: try Casebook.StaffCommand.publicKey(file: key))
                var registry = ws.staff
                registry.staff.append(member)
                try ws.commit([FileChange(path: CompanyWorkspace.staffPath, content: try RecordJSON.encode(registry))], by: author, message: """
                    company: staff \(id)

                    Staff-Id: \(id)
                    Action: company-staff
                    """)
            }
            print(id)
        }
    }
}

/// `casebook company add CODE --name NAME --url URL [--profile P]`.
struct CompanyAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Record a service centre (its code, name and repository URL) in the company repository.",
        discussion: """
        By the general manager or 公司管理部. The URL is a path, git://… or ssh://… (ssh through the agent).
        Example: casebook company add CH01 --name 翠湖花园服务中心 --url git://10.0.0.5/ch01.git --as wang.gm
        """
    )
    @OptionGroup var options: CompanyOptions
    @Argument(help: "The centre's code: capital letters, digits, '-' (at most 12).") var code: String
    @Option(help: "The centre's name.") var name: String
    @Option(help: "Where its repository is: a path, git://… or ssh://….") var url: String
    @Option(help: "The procedure profile it runs: residential, villa or mall.") var profile: String?
    @Option(help: ArgumentHelp("The centre's published dashboard, for links to its case pages.", valueName: "url")) var site: String?

    func validate() throws {
        guard Centre.isWellFormed(code: code) else { throw ValidationError("CODE: '\(oneLine(code, limit: 20))' must be 1–12 capital letters, digits or '-'") }
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty, name.count <= 60, !name.contains(where: \.isNewline) else {
            throw ValidationError("--name: must be 1–60 characters on one line")
        }
        guard !url.isEmpty, url.count <= 500, !url.contains(where: { $0.isWhitespace }) else { throw ValidationError("--url: a path or URL without spaces") }
        if let profile, !Defaults.profiles.contains(profile) {
            throw ValidationError("--profile must be one of \(Defaults.profiles.joined(separator: ", "))")
        }
    }

    func run() throws {
        try Retry.onConcurrentUpdate {
            let ws = try options.workspace()
            let author = try ws.actor(options.actor, mayAct: companyOwners, what: CompanyWorkspace.centresPath)
            guard ws.centres[code] == nil else { throw Failure(key: "company.centreExists", code) }
            var list = ws.centres
            list.centres.append(Centre(code: code, name: name.trimmingCharacters(in: .whitespaces), url: url, profile: profile, site: site))
            try ws.commit([FileChange(path: CompanyWorkspace.centresPath, content: try RecordJSON.encode(list))], by: author, message: """
                company: centre \(code)

                Centre: \(code)
                Action: company-add
                """)
        }
        print(code)
    }
}
