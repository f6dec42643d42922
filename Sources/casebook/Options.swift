import ArgumentParser
import CasebookEngine

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The case repository (default: the one around the current directory).")
    var repo: String = "."

    @Option(name: .customLong("as"), help: ArgumentHelp("Acting staff id (default: $CASEBOOK_ACTOR, then git's user.email looked up in records/staff.json).", valueName: "staff-id"),
            completion: .staffIDs)
    var actor: String?

    @Option(name: .long, help: ArgumentHelp("Event time, ISO 8601 (e.g. 2026-11-22T09:30), for entering paper records afterwards. Default: now.", valueName: "time"))
    var at: String?

    @Option(name: .customLong("late-reason"), help: ArgumentHelp("Why the step is entered after the fact (补录): needed when --at is more than the profile's grace (1 h unless it says otherwise) before now; the step then keeps both times and this reason.", valueName: "text"))
    var lateReason: String?

    /// Opens the workspace these options name (finishing first a commit a killed casebook
    /// process left half done, unless `recover` is false: inside git's hooks and merge drivers,
    /// where git itself holds the index lock).
    func workspace(recover: Bool = true) throws -> Workspace {
        let ws = try Workspace(path: repo, recover: recover)
        if let lateReason { ws.lateReason = try text(lateReason, field: "--late-reason", limit: 500) }
        return ws
    }
}

/// The id argument of the commands that act on one case.
struct CaseArgument: ParsableArguments {
    @Argument(help: "The case id, e.g. C-20261122-K3F-0001.", completion: .caseIDs)
    var id: String
}
