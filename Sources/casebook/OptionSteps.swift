import CaseModel
import CasebookEngine
import Foundation
import Procedures

extension GlobalOptions {
    /// Records one step on an existing case: loads it at HEAD, lets `fill` set the event's
    /// fields, validates and commits. Prints the case id.
    /// If another process commits in between, the step is re-read at the new HEAD, re-validated
    /// and tried again (a bounded number of times), so it is committed exactly once or not at all.
    /// With `readBack`, the step is first checked as the hook would check it, then read back
    /// (`readBack` gives the lines) and committed only on confirmation (asked once, not per try).
    func step(_ rawID: String, _ action: Action, summary: String, fill: (inout Event, CaseFile, Workspace) throws -> Void = { _, _, _ in },
              readBack: ((Event, CaseFile, Workspace) -> [(String, String)])? = nil) throws {
        let id = CaseID(rawValue: rawID)
        var confirmed = readBack == nil
        try Retry.onConcurrentUpdate {
            let ws = try workspace()
            let file = try ws.load(id)
            let actor = try ws.actor(self.actor)
            var event = Event(at: try ws.eventTime(at), by: actor.id, action: action)
            try fill(&event, file, ws)
            if !confirmed, let readBack {
                try ws.check(event, on: file, id: id)
                let s = DeskLanguage.strings
                try Prompter().confirm([(s["desk.case"], id.rawValue), (s["action"], s.action(action))] + readBack(event, file, ws), title: "desk.checkStep")
                confirmed = true
            }
            try ws.record(event, on: file, id: id, actor: actor, summary: summary, clause: Transitions.allowed(action).clause)
        }
        print(id.rawValue)
    }
}

extension GlobalOptions {
    /// Checks, before a terminal session asks its questions, that the step could be made at all
    /// (the case exists, the actor is registered, the rules allow `action` now): `fill` sets
    /// stand-in values for what is still to be asked. Writes nothing.
    func precheck(_ rawID: String, _ action: Action, fill: (inout Event, CaseFile, Workspace) throws -> Void) throws {
        let ws = try workspace()
        let id = CaseID(rawValue: rawID)
        let file = try ws.load(id)
        let actor = try ws.actor(self.actor)
        var event = Event(at: try ws.eventTime(at), by: actor.id, action: action)
        try fill(&event, file, ws)
        try ws.check(event, on: file, id: id)
    }
}
