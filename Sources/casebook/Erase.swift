import ArgumentParser
import CaseModel
import CasebookEngine
import Foundation
import Procedures

extension Casebook {
    /// `casebook erase --resident ID`: destroys a resident's key (PIPL Art. 47).
    struct Erase: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "erase",
            abstract: "Erase a resident's personal data: destroy their key and record 'erased' on each of their cases.",
            discussion: """
            The key is destroyed first, then every case of the resident at HEAD gets an 'erased' event
            (one commit each). Every sealed copy of the name and phone in the history is unreadable from
            then on; commits, signatures and hashes stay as they were. Run it again to finish an
            interrupted erase. Other desks' key stores and exported backups must be erased too (their
            keys import never brings an erased key back). Manager, director or general manager only.
            Example: casebook erase --resident R-3f9a0c1d2e4b5a67 --reason "业主要求删除个人信息" --as zhou.jl
            """
        )
        @OptionGroup var global: GlobalOptions
        @Option(help: "The resident id (shown by casebook show ID).") var resident: String
        @Option(help: "Why (e.g. the owner's request).") var reason: String = "PIPL Art. 47 deletion request"

        func validate() throws {
            guard ResidentID(rawValue: resident).isWellFormed else {
                throw ValidationError("--resident: '\(oneLine(resident, limit: 40))' is not a resident id (R- and 16 hex digits)")
            }
        }

        func run() throws {
            let why = try text(reason, field: "--reason", limit: 200)
            let id = ResidentID(rawValue: resident)
            try Retry.onConcurrentUpdate {
                let ws = try global.workspace()
                let actor = try ws.actor(global.actor)
                let at = try ws.eventTime(global.at)
                // The role check before anything is destroyed: the same rule the commit will pass.
                if let rule = ws.profile.permissions.first(where: { $0.action == .erased }), !actor.roles.contains(where: rule.roles.contains) {
                    throw Failure(key: "eraseRole", "\(actor.id.rawValue)", "\(actor.roles.map(\.rawValue).joined(separator: ", "))", "\(rule.roles.map(\.rawValue).joined(separator: ", "))", "\(rule.clause)")
                }
                let cases = try ws.allCases().filter { $0.intake.reporter.resident == id }
                let held = try ws.keys.update { store in store.erase(id, at: at.description) }
                guard held || !cases.isEmpty else {
                    throw Failure(key: "noResident", "\(resident)", "\(ws.keys.path)")
                }
                var recorded = 0
                for file in cases where !file.events.contains(where: { $0.action == .erased }) {
                    var event = Event(at: at, by: actor.id, action: .erased)
                    event.reason = why
                    try ws.record(event, on: file, id: file.id, actor: actor, summary: "resident's personal data erased", clause: Transitions.allowed(.erased).clause)
                    recorded += 1
                    print(file.id.rawValue)
                }
                FileHandle.standardError.write(Data("erase: \(resident): key \(held ? "destroyed" : "already gone"), \(recorded) case(s) recorded\n".utf8))
            }
        }
    }
}
