import ArgumentParser
import CaseModel
import CasebookEngine
import Foundation
import GitStore
import Procedures

extension Casebook {
    /// `casebook sync`: pull with the case merge, re-validate, push; retry when another desk won.
    struct Sync: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sync",
            abstract: "Pull the central repository's cases (merging case files event by event), check, and push.",
            discussion: """
            Fetches the remote, fast-forwards or makes a merge commit (case files: the union of both desks'
            events, which must be a valid history; any other file changed on both sides stops the sync),
            checks every local commit the way the server will, and pushes. If another desk pushed first, it
            pulls and tries again, up to --attempts times. A refusal by the server's hooks is printed and
            nothing is retried.
            Example: casebook sync --as li.na
            """
        )
        @OptionGroup var global: GlobalOptions
        @Option(help: "The remote.") var remote: String = "origin"
        @Option(help: "How many times to pull and push before giving up.") var attempts: Int = 8

        func validate() throws {
            guard (1...20).contains(attempts) else { throw ValidationError("--attempts: 1 to 20") }
        }

        func run() throws {
            for attempt in 1...attempts {
                let ws = try global.workspace()
                let branch = try ws.repo.headBranch()
                let short = branch.replacingOccurrences(of: "refs/heads/", with: "")
                do {
                    try ws.repo.fetch(remote: remote)
                } catch {
                    throw Failure(key: "fetchFailed", "\(remote)", "\(error)")
                }
                guard let ours = ws.base else { throw Failure(key: "syncNoCommits") }
                var pulled = 0
                if let theirs = try ws.repo.resolve("refs/remotes/\(remote)/\(short)"), theirs != ours {
                    pulled = try integrate(theirs, into: ours, ws: ws)
                }
                // Check what this desk will push the way the server will.
                let head = try ws.repo.head() ?? ours
                let upstream = try ws.repo.resolve("refs/remotes/\(remote)/\(short)")
                let local = try ws.repo.commits(from: upstream, to: head)
                if local.isEmpty {
                    print(pulled == 0 ? DeskLanguage.strings["sync.upToDate"] : DeskLanguage.strings.fill("sync.pulled", ["\(pulled)"]))
                    return
                }
                let refusals = try Workspace(repo: ws.repo, at: head).review(commits: local, pushTime: try ws.now())
                if !refusals.isEmpty {
                    for line in refusals { FileHandle.standardError.write(Data(("casebook sync: " + line + "\n").utf8)) }
                    throw Failure(key: "localBreaks", "\(refusals.count)")
                }
                let outcome = try ws.repo.push(remote: remote, refspec: "\(branch):\(branch)")
                if outcome.accepted {
                    print(DeskLanguage.strings.fill("sync.pushed", ["\(pulled)", "\(local.count)"]))
                    return
                }
                let reasons = outcome.rejected.values.joined(separator: "; ")
                let serverLines = outcome.serverMessages.filter { $0.contains("casebook check:") || $0.contains("[rule") }
                if reasons.contains("hook declined") || !serverLines.isEmpty {
                    for line in serverLines { FileHandle.standardError.write(Data(("casebook sync: server: " + line + "\n").utf8)) }
                    throw Failure(key: "pushRefused", "\(reasons)")
                }
                if attempt < attempts {
                    FileHandle.standardError.write(Data("casebook sync: \(DeskLanguage.strings.fill("sync.moved", [remote, reasons]))\n".utf8))
                    // Random back-off, so desks that collided do not collide again in step.
                    Thread.sleep(forTimeInterval: Double.random(in: 0.02...(0.05 * Double(1 << min(attempt, 4)))))
                }
            }
            throw Failure(key: "keptMoving", "\(remote)", "\(attempts)")
        }

        /// Brings `theirs` into the branch at `ours`: fast-forward, or a merge commit by the actor.
        /// - Returns: how many commits came in.
        func integrate(_ theirs: OID, into ours: OID, ws: Workspace) throws -> Int {
            let repo = ws.repo
            let base = try repo.mergeBase(ours, theirs)
            let incoming = try repo.commits(from: ours, to: theirs).count
            if base == theirs { return 0 }
            if base == ours {
                try repo.fastForward(from: ours, to: theirs)
                return incoming
            }
            var changes: [FileChange] = []
            var removing: [String] = []
            let incomingDeltas = try repo.changes(from: base, to: theirs)
            // Case files the other side moved (a layout migration, `casebook layout migrate`): this
            // desk's version leaves its old place, and what this desk changed there is merged into
            // the new one.
            let moves = SyncMoves(incomingDeltas)
            for delta in incomingDeltas {
                if moves.newPlace[delta.path] != nil {
                    if try repo.blobID(at: delta.path, in: ours) != nil {
                        guard try repo.isUnchangedSettled(delta.path) else { throw Failure(key: "syncUncommitted", "\(delta.path)") }
                        removing.append(delta.path)
                    }
                    continue
                }
                var mine = try repo.blobID(at: delta.path, in: ours)
                if mine == delta.new { continue }
                var before = delta.old
                let movedHere = mine == nil && moves.oldPlace[delta.path] != nil
                if movedHere, let from = moves.oldPlace[delta.path] {
                    mine = try repo.blobID(at: from, in: ours)
                    before = try base.flatMap { try repo.blobID(at: from, in: $0) }
                }
                guard let theirBlob = delta.new else {
                    throw Failure(key: "deletedRemote", "\(delta.path)", "\(remote)")
                }
                if mine == before {
                    changes.append(FileChange(path: delta.path, content: try repo.blob(theirBlob), executable: try repo.isExecutable(delta.path, in: theirs)))
                    continue
                }
                if delta.path.hasPrefix("records/registers/"), delta.path.hasSuffix(".json"), let mine {
                    // A register entry: the union of both desks' visits and reveal records.
                    let a = try RecordJSON.decode(RegisterEntry.self, from: repo.blob(mine), file: delta.path)
                    let b = try RecordJSON.decode(RegisterEntry.self, from: repo.blob(theirBlob), file: delta.path)
                    let merged: RegisterEntry
                    do {
                        merged = try RegisterMerge.union(ours: a, theirs: b, staff: ws.staff, profile: ws.profile)
                    } catch {
                        throw Failure.about("sync: \(delta.path)", error)
                    }
                    if merged != a { changes.append(FileChange(path: delta.path, content: try RecordJSON.encode(merged))) }
                    guard try repo.isUnchangedSettled(delta.path) else {
                        throw Failure(key: "syncUncommitted", "\(delta.path)")
                    }
                    continue
                }
                guard delta.path.hasPrefix("records/cases/"), delta.path.hasSuffix(".json"), let mine else {
                    throw Failure(key: "bothDesks", "\(delta.path)")
                }
                let a = try RecordJSON.decode(CaseFile.self, from: repo.blob(mine), file: delta.path)
                let b = try RecordJSON.decode(CaseFile.self, from: repo.blob(theirBlob), file: delta.path)
                let merged: CaseFile
                do {
                    merged = try CaseMerge.union(ours: a, theirs: b, staff: ws.staff, profile: ws.profile, calendar: ws.calendar)
                } catch {
                    throw Failure.about("sync: \(delta.path)", error)
                }
                if merged != a || movedHere { changes.append(FileChange(path: delta.path, content: try RecordJSON.encode(merged))) }
                guard try repo.isUnchangedSettled(delta.path) else {
                    throw Failure(key: "syncUncommitted", "\(delta.path)")
                }
            }
            // This desk's new case files follow the other side's layout if it changed.
            if let data = try repo.read(Workspace.settingsPath, at: theirs),
               let their = try? RecordJSON.decode(Settings.self, from: data, file: Workspace.settingsPath),
               their.caseLayout != ws.settings.caseLayout {
                for delta in try repo.changes(from: base, to: ours) where delta.old == nil && SyncMoves.isCase(delta.path) {
                    guard let blob = delta.new, CaseLayout.of(path: delta.path) != their.caseLayout,
                          let target = LayoutMove.destination(of: delta.path, in: their.caseLayout) else { continue }
                    guard try repo.isUnchangedSettled(delta.path) else { throw Failure(key: "syncUncommitted", "\(delta.path)") }
                    changes.append(FileChange(path: target, content: try repo.blob(blob)))
                    removing.append(delta.path)
                }
            }
            let actor = try ws.actor(global.actor)
            let now = try ws.now()
            try ws.commit(changes, removing: removing, by: actor, at: now, message: """
                Merge \(remote) into this desk (casebook sync)

                Action: merge
                """, merging: [theirs])
            return incoming
        }
    }
}

/// The case files one side of a sync moved: taken out at one place and added at another under the
/// same name (a case file's name is its id).
struct SyncMoves {
    /// old place → new place
    var newPlace: [String: String] = [:]
    /// new place → old place
    var oldPlace: [String: String] = [:]

    static func isCase(_ path: String) -> Bool { path.hasPrefix("records/cases/") && path.hasSuffix(".json") }

    init(_ deltas: [FileDelta]) {
        var added: [Substring: String] = [:]
        for d in deltas where d.old == nil && SyncMoves.isCase(d.path) { added[CaseLayout.name(of: d.path)] = d.path }
        for d in deltas where d.new == nil && SyncMoves.isCase(d.path) {
            guard let to = added[CaseLayout.name(of: d.path)] else { continue }
            newPlace[d.path] = to
            oldPlace[to] = d.path
        }
    }
}
