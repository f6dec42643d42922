import ArgumentParser
import CaseModel
import CasebookEngine
import Foundation
import GitStore
import Procedures

extension RegisterKind: ExpressibleByArgument {}

extension Casebook {
    /// `casebook register add|visit|list`: the key-owner (000 §1(7)) and empty-nest elderly
    /// (001 §5.6.7) registers, each resident one file under `records/registers/`, each visit one
    /// signed commit.
    struct RegisterCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "register",
            abstract: "The key-owner and empty-nest registers: add a resident, record a visit, list who is due.",
            discussion: """
            key-owner   重点业主, maintained regularly (000 §1(7)); the profile sets how often (residential: every 30 days).
            empty-nest  空巢老人 with their emergency contacts (001 §5.6.7); visited every 7 days, the very old
                        (--aged) every day (§5.6.7.3). Name, phone and contacts are sealed under the resident's key.
            Examples: casebook register add empty-nest --unit 5-1-302 --name 刘奶奶 --phone 13700001111 \\
                        --contact '刘明 13911112222' --aged --as chen.jie
                      casebook register visit E-1a2b3c4d --mode home --notes 身体状况良好 --as chen.jie
            """,
            subcommands: [Add.self, Visit.self, ListEntries.self, ShowEntry.self]
        )

        /// Every entry of the registers at the workspace's base.
        static func entries(_ ws: Workspace) throws -> [(path: String, entry: RegisterEntry)] {
            try ws.repo.files(under: "records/registers", at: ws.base).filter { $0.path.hasSuffix(".json") }.map { f in
                (f.path, try RecordJSON.decode(RegisterEntry.self, from: ws.repo.blob(f.blob), file: f.path))
            }
        }

        /// Checks the change as the hook does, then commits it by `actor` at `time`.
        static func save(_ entry: RegisterEntry, old: RegisterEntry?, by actor: Staff, at time: Timestamp, in ws: Workspace, subject: String, action: String) throws {
            do {
                try RegisterChange.validate(old: old, new: entry, path: entry.path, staff: ws.staff, profile: ws.profile)
            } catch {
                throw Failure.about("\(entry.id)", error)
            }
            try ws.commit([FileChange(path: entry.path, content: try RecordJSON.encode(entry))], by: actor, at: time, message: """
                \(entry.register.rawValue) \(entry.id): \(subject)

                Register-Id: \(entry.id)
                Action: \(action)
                Procedure: \(entry.clause)
                """)
        }

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "add", abstract: "Put a resident on a register; prints the entry's id.")
            @OptionGroup var global: GlobalOptions
            @Argument(help: "key-owner or empty-nest.") var register: RegisterKind
            @Option(help: "Unit 房号.") var unit: String
            @Option(help: "The resident's name (sealed; pages show 刘** or 刘奶奶).") var name: String
            @Option(help: "The resident's phone (sealed; pages show 137****1111).") var phone: String?
            @Option(help: "Why a key owner is one, or the elder's circumstances (no medical details).") var reason: String?
            @Flag(help: "Empty-nest: a very old resident, visited every day (001 §5.6.7.3).") var aged = false
            @Option(name: .customLong("contact"), help: ArgumentHelp("Empty-nest: an emergency contact, 'NAME PHONE' (repeat for several; sealed).", valueName: "name phone"))
            var contacts: [String] = []

            func validate() throws {
                if register == .keyOwner, aged || !contacts.isEmpty { throw ValidationError("--aged, --contact: only for the empty-nest register (001 §5.6.7)") }
                if register == .emptyNest, contacts.isEmpty {
                    throw ValidationError("--contact: an empty-nest resident is registered with an emergency contact (001 §5.6.7.1)")
                }
            }

            func run() throws {
                let first = try global.workspace()
                let at = try first.eventTime(global.at)
                let unitText = try text(unit, field: "--unit", limit: 40)
                let why = try reason.map { try text($0, field: "--reason", limit: 200) }
                let parsed: [(String, String)] = try contacts.map { c in
                    let parts = c.split(separator: " ", omittingEmptySubsequences: true)
                    guard parts.count >= 2 else { throw Failure(key: "badContact", "\(oneLine(c, limit: 40))") }
                    return (parts.dropLast().joined(separator: " "), String(parts.last ?? ""))
                }
                // Sealed under the resident's key, which is on disk before the commit that needs it.
                let (resident, sealedContacts): (Contact, [Contact]) = try first.keys.update { store in
                    do {
                        let key = try store.key(forPhone: phone, now: at.description)
                        return (try Contact(name: name, phone: phone, key: key), try parsed.map { try Contact(name: $0.0, phone: $0.1, key: key) })
                    } catch let error as ContactError {
                        throw Failure.about("--\(error == .badPhone ? "phone/--contact" : "name/--contact")", error)
                    }
                }
                let id = RegisterEntry.newID(register)
                try Retry.onConcurrentUpdate {
                    let ws = try global.workspace()
                    let actor = try ws.actor(global.actor)
                    guard let rule = ws.profile.registers?.first(where: { $0.register == register }) else {
                        throw Failure(key: "noRegister", "\(ws.profile.name)", "\(register.rawValue)")
                    }
                    let (days, clause) = rule.schedule(aged: aged)
                    let entry = RegisterEntry(register: register, id: id, unit: unitText, resident: resident, reason: why.map(Contact.maskMobiles),
                                              aged: register == .emptyNest ? aged : nil, emergencyContacts: register == .emptyNest ? sealedContacts : nil,
                                              visitEveryDays: days, clause: clause, addedBy: actor.id, addedAt: at)
                    try RegisterCommand.save(entry, old: nil, by: actor, at: at, in: ws, subject: "added (\(unitText), every \(days) d)", action: "register-add")
                }
                print(id)
            }
        }

        struct Visit: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "visit", abstract: "Record a visit to a resident on a register.")
            @OptionGroup var global: GlobalOptions
            @Argument(help: "The entry's id, e.g. E-1a2b3c4d.") var id: String
            @Option(help: "home or phone.") var mode: RevisitMode
            @Option(help: "How the resident is (life, health in general terms).") var notes: String?

            func run() throws {
                let said = try notes.map { Contact.maskMobiles(try text($0, field: "--notes")) }
                try Retry.onConcurrentUpdate {
                    let ws = try global.workspace()
                    let actor = try ws.actor(global.actor)
                    let at = try ws.eventTime(global.at)
                    guard let register = RegisterKind.allCases.first(where: { RegisterEntry.isWellFormed(id, $0) }) else {
                        throw Failure(key: "badRegisterID", "\(oneLine(id, limit: 40))")
                    }
                    let old = try Workspace.record(RegisterEntry.self, RegisterEntry.path(register, id: id), in: ws.repo, at: ws.base,
                                                   missing: Failure(key: "doesNotExist", RegisterEntry.path(register, id: id)))
                    var entry = old
                    entry.visits.append(RegisterVisit(at: at, by: actor.id, mode: mode, notes: said))
                    try RegisterCommand.save(entry, old: old, by: actor, at: at, in: ws, subject: "visit (\(mode.rawValue))", action: "register-visit")
                }
                print(id)
            }
        }

        struct ShowEntry: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "show",
                abstract: "Show a register entry; --reveal opens the sealed name, phone and emergency contacts (recorded first, its own commit).")
            @OptionGroup var global: GlobalOptions
            @Argument(help: "The entry's id, e.g. E-1a2b3c4d.") var id: String
            @Flag(help: "Show the full name, phone and emergency contacts (needs the resident's key; recorded as a reveal).") var reveal = false
            @Option(help: "Why the full values are needed (with --reveal).") var reason: String = "紧急联系 emergency contact"

            func run() throws {
                guard let register = RegisterKind.allCases.first(where: { RegisterEntry.isWellFormed(id, $0) }) else {
                    throw Failure(key: "badRegisterID", "\(oneLine(id, limit: 40))")
                }
                let path = RegisterEntry.path(register, id: id)
                let first = try global.workspace()
                var entry = try Workspace.record(RegisterEntry.self, path, in: first.repo, at: first.base, missing: Failure(key: "doesNotExist", path))
                var opened: [(name: String, phone: String?)] = []
                if reveal {
                    let why = try text(reason, field: "--reason", limit: 200)
                    (entry, opened) = try Retry.onConcurrentUpdate {
                        let ws = try global.workspace()
                        let old = try Workspace.record(RegisterEntry.self, path, in: ws.repo, at: ws.base, missing: Failure(key: "doesNotExist", path))
                        let store = try ws.keys.read()
                        guard let key = store?.key(for: old.resident.resident) else {
                            throw Failure(key: "noRegisterKey", "\(id)", "\(old.resident.resident.rawValue)", "\(ws.keys.path)")
                        }
                        let values: [(name: String, phone: String?)]
                        do {
                            values = try ([old.resident] + (old.emergencyContacts ?? [])).map { try $0.reveal(with: key) }
                        } catch {
                            throw Failure.about("--reveal: \(id)", error)
                        }
                        let actor = try ws.actor(global.actor)
                        let at = try ws.eventTime(global.at)
                        var next = old
                        next.reveals = (old.reveals ?? []) + [RegisterReveal(at: at, by: actor.id, reason: why)]
                        try RegisterCommand.save(next, old: old, by: actor, at: at, in: ws, subject: "reveal the contacts", action: "reveal")
                        return (next, values)
                    }
                }
                let name = opened.first.map { "\($0.name)  \($0.phone ?? "-")" } ?? "\(entry.resident.nameDisplay)  \(entry.resident.phoneMasked ?? "-")"
                var lines = ["\(entry.id)  \(entry.register.rawValue)  unit \(entry.unit)  every \(entry.visitEveryDays) d  [\(entry.clause)]",
                             "resident      \(name)  \(entry.resident.resident.rawValue)"]
                if let r = entry.reason { lines.append("reason        \(r)") }
                for (k, c) in (entry.emergencyContacts ?? []).enumerated() {
                    let shown = opened.count > k + 1 ? "\(opened[k + 1].name)  \(opened[k + 1].phone ?? "-")" : "\(c.nameDisplay)  \(c.phoneMasked ?? "-")"
                    lines.append("contact       \(shown)")
                }
                lines.append("next visit    \(entry.nextVisitDue)")
                for v in entry.visits { lines.append("  \(v.at)  \(v.by.rawValue)  \(v.mode.rawValue)  \(v.notes ?? "")") }
                for r in entry.reveals ?? [] { lines.append("  \(r.at)  \(r.by.rawValue)  reveal  \(r.reason)") }
                print(lines.joined(separator: "\n"))
            }
        }

        struct ListEntries: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "The registers' residents with their next visit, late ones first.")
            @OptionGroup var global: GlobalOptions
            @Flag(help: "Only visits due by the end of today or late.") var due = false

            func run() throws {
                let ws = try global.workspace()
                let now = try ws.now()
                let endOfDay = Timestamp.parse(now.localDay + "T23:59:59", defaultZone: ws.zone) ?? now
                let rows = try RegisterCommand.entries(ws).map(\.entry).sorted { ($0.nextVisitDue, $0.id) < ($1.nextVisitDue, $1.id) }
                for e in rows where !due || e.nextVisitDue <= endOfDay {
                    let late = e.nextVisitDue < now ? "  LATE" : ""
                    print([e.id, e.register.rawValue, e.unit, e.resident.nameDisplay, "every \(e.visitEveryDays) d", "next \(e.nextVisitDue)\(late)"]
                        .joined(separator: "\t"))
                }
            }
        }
    }
}
