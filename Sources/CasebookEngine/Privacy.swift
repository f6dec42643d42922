import CaseModel
import Foundation
import Procedures

/// Opening and destroying residents' sealed personal data: every use is recorded on the case.
package enum Privacy {
    /// Records a `reveal` event on `file` (its own commit) and then opens the seal. Nothing is
    /// shown unless the audit record was committed; nothing is committed unless the key opens it.
    /// - Returns: the case with the reveal event, and the full name and phone.
    package static func reveal(_ file: CaseFile, in ws: Workspace, actor option: String?, at: String?, reason: String) throws -> (CaseFile, (name: String, phone: String?)) {
        let reporter = file.intake.reporter
        let store = try ws.keys.read()
        guard let key = store?.key(for: reporter.resident) else {
            if store?.isErased(reporter.resident) == true {
                throw Failure(key: "residentErased", "\(file.id.rawValue)", "\(reporter.resident.rawValue)")
            }
            throw Failure(key: "noRevealKey", "\(file.id.rawValue)", "\(reporter.resident.rawValue)", "\(ws.keys.path)")
        }
        let values: (name: String, phone: String?)
        do {
            values = try reporter.reveal(with: key)
        } catch {
            throw Failure.about("--reveal: \(file.id.rawValue)", error)
        }
        let actor = try ws.actor(option)
        var event = Event(at: try ws.eventTime(at), by: actor.id, action: .reveal)
        event.reason = reason
        let next = try ws.record(event, on: file, id: file.id, actor: actor, summary: "reveal the reporter's contact", clause: Transitions.allowed(.reveal).clause)
        return (next, values)
    }
}
