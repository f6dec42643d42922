import ArgumentParser
import CaseModel
import CasebookEngine
import Foundation
import GitStore

extension Casebook {
    /// `casebook staff add|list`: the staff registry `records/staff.json`.
    struct StaffCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "staff",
            abstract: "Register staff and list them.",
            discussion: "Example: casebook staff list",
            subcommands: [Add.self, SetKey.self, ListStaff.self]
        )

        /// The OpenSSH public key line in `file`.
        /// - Throws: `Failure` when it cannot be read or is not a public key.
        static func publicKey(file key: String) throws -> String {
            guard let text = try? String(contentsOfFile: key, encoding: .utf8) else {
                throw Failure(key: "keyUnreadable", "\(key)")
            }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard trimmed.hasPrefix("ssh-") || trimmed.hasPrefix("ecdsa-"), !trimmed.contains("PRIVATE KEY"),
                  trimmed.split(separator: " ").count >= 2, !trimmed.contains("\n") else {
                throw Failure(key: "notSSHKey", "\(key)")
            }
            return trimmed
        }

        struct SetKey: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "key",
                abstract: "Register (or replace) a member of staff's SSH public key (one commit, by a manager).",
                discussion: """
                From then on every step in their name must be signed with it (records/casebook.json signatures, \
                default where-registered). Make a key with: ssh-keygen -t ed25519 -f ~/.ssh/casebook_ed25519 -C li.na; \
                keep the private key on the person's own computer, and sign with CASEBOOK_SIGNING_KEY=~/.ssh/casebook_ed25519 \
                or git config user.signingkey ~/.ssh/casebook_ed25519.
                Example: casebook staff key li.na ~/li.na_ed25519.pub --as zhou.jl
                """
            )
            @OptionGroup var global: GlobalOptions
            @Argument(help: "Staff id.") var id: String
            @Argument(help: ArgumentHelp("The SSH public key file.", valueName: "public-key-file")) var key: String

            func run() throws { try Retry.onConcurrentUpdate { try attempt() } }

            func attempt() throws {
                let ws = try global.workspace()
                let staffID = try ws.registered(id, field: "ID")
                let publicKey = try StaffCommand.publicKey(file: key)
                let author = try ws.actor(global.actor)
                guard author.ownsConfiguration else {
                    throw Failure(key: "configOwner", author.id.rawValue, Workspace.staffPath)
                }
                var registry = ws.staff
                guard let k = registry.staff.firstIndex(where: { $0.id == staffID }) else { return }
                registry.staff[k].key = publicKey
                try ws.saveStaff(registry, by: author, message: """
                    staff: signing key for \(staffID.rawValue)

                    Staff-Id: \(staffID.rawValue)
                    Action: staff-key
                    """)
                print(id)
            }
        }

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "add",
                abstract: "Register a member of staff (one commit).",
                discussion: """
                Only a manager, director or general manager may change the registry, except while it
                has none of them yet (setting up a new repository).
                Example: casebook staff add li.na --name 李娜 --email li.na@example.cn --role receptionist --department customer-service
                """
            )

            @OptionGroup var global: GlobalOptions

            @Argument(help: "Staff id: lower-case letters, digits, '.', '-' or '_'.")
            var id: String

            @Option(help: "Full name, as on commits.") var name: String
            @Option(help: "Email, as on commits (must be unique).") var email: String
            @Option(help: ArgumentHelp("Role (repeat for several): \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")) var role: [Role]
            @Option(help: "Department: \(Department.allCases.map(\.rawValue).joined(separator: ", ")).") var department: Department?
            @Option(help: ArgumentHelp("SSH public key file whose private key signs this person's commits.", valueName: "public-key-file")) var key: String?
            @Option(help: ArgumentHelp("上级领导: who reviews this person's patrol reports (003 九.2).", valueName: "staff-id")) var superior: String?
            @Option(help: ArgumentHelp("责任区: a building (e.g. 3) or unit (3-2-1801) of this person's area, visited within the year (repeat; 003 九.3).",
                                       valueName: "building-or-unit")) var area: [String] = []

            func validate() throws {
                guard StaffID(rawValue: id).isWellFormed else {
                    throw ValidationError("id: '\(oneLine(id, limit: 64))' must be 1–64 of a-z, 0-9, '.', '-', '_'")
                }
                guard !name.trimmingCharacters(in: .whitespaces).isEmpty, name.count <= 60, !name.contains(where: { $0.isNewline || $0 == "<" || $0 == ">" }) else {
                    throw ValidationError("--name: must be 1–60 characters without newlines or angle brackets")
                }
                let parts = email.split(separator: "@")
                guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !email.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" }) else {
                    throw ValidationError("--email: '\(email.prefix(80))' is not an email address")
                }
                guard !role.isEmpty else { throw ValidationError("--role: at least one role") }
            }

            /// Tried again on the new HEAD (a bounded number of times) if another process commits meanwhile.
            func run() throws { try Retry.onConcurrentUpdate { try attempt() } }

            func attempt() throws {
                let ws = try global.workspace()
                let staffID = StaffID(rawValue: id)
                guard ws.staff[staffID] == nil else { throw Failure(key: "idRegistered", "\(id)") }
                guard ws.staff.byEmail(email) == nil else { throw Failure(key: "emailRegistered", "\(email)") }
                let publicKey = try key.map(StaffCommand.publicKey(file:))
                var member = Staff(id: staffID, name: name.trimmingCharacters(in: .whitespaces), email: email, roles: role, department: department, key: publicKey)
                member.superior = try superior.map { try ws.registered($0, field: "--superior") }
                member.area = area.isEmpty ? nil : try area.map { try text($0, field: "--area", limit: 40) }
                try ws.register(member, actor: global.actor)
                print(id)
            }
        }

        struct ListStaff: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "list", abstract: "List registered staff.",
                discussion: "Example: casebook staff list --repo ~/cases")
            @OptionGroup var global: GlobalOptions

            func run() throws {
                let ws = try global.workspace()
                for s in ws.staff.staff {
                    print([s.id.rawValue, s.name, s.email, s.roles.map(\.rawValue).joined(separator: ","), s.department?.rawValue ?? "-", s.key == nil ? "unsigned" : "key"].joined(separator: "\t"))
                }
            }
        }
    }
}

extension Role: ExpressibleByArgument {}
extension Department: ExpressibleByArgument {}
extension Kind: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}
extension RepairSize: ExpressibleByArgument {}
extension Channel: ExpressibleByArgument {}
extension RevisitMode: ExpressibleByArgument {}
extension Status: ExpressibleByArgument {}
extension Cause: ExpressibleByArgument {}
