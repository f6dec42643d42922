import ArgumentParser
import CaseModel
import Foundation
import GitStore
import Procedures

extension Casebook {
    /// `casebook check --staged`: the validator behind the pre-commit hook.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the staged change against the procedures (what hooks/pre-commit runs).",
            discussion: """
            Every staged case file must parse, sit at the path its id gives, only append events, hold the
            fold of its events, and each new event must be allowed to its actor; configuration files
            may change only by a manager or above; case files are never deleted. One line per refusal;
            exit 1 on any.
            Example: casebook check --staged
            """
        )
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Check the index against HEAD.") var staged = false

        func validate() throws {
            guard staged else { throw ValidationError("give --staged") }
        }

        func run() throws {
            let ws = try global.workspace()
            let env = ProcessInfo.processInfo.environment
            let authorEmail = env["GIT_AUTHOR_EMAIL"].flatMap { $0.isEmpty ? nil : $0 } ?? ws.repo.config("user.email")
            let author = authorEmail.flatMap(ws.staff.byEmail)
            var refusals: [String] = []
            for delta in try ws.repo.stagedChanges(indexFile: env["GIT_INDEX_FILE"].flatMap { $0.isEmpty ? nil : $0 }) {
                if let reason = try check(delta, ws: ws, author: author, authorEmail: authorEmail) {
                    refusals.append("\(delta.path): \(reason)")
                }
            }
            if refusals.isEmpty { return }
            for line in refusals { FileHandle.standardError.write(Data(("casebook check: " + line + "\n").utf8)) }
            throw ExitCode(1)
        }

        /// The refusal for one changed path, or nil if it is acceptable.
        func check(_ delta: FileDelta, ws: Workspace, author: Staff?, authorEmail: String?) throws -> String? {
            let configFiles = ["records/casebook.json", "records/staff.json"]
            if configFiles.contains(delta.path) || delta.path.hasPrefix("records/procedures/") || delta.path.hasPrefix("records/calendar/")
                || delta.path.hasPrefix("records/schema/") || delta.path.hasPrefix("hooks/") {
                guard let author, author.ownsConfiguration else {
                    return "configuration may be changed only by a manager, director or general manager (author \(authorEmail ?? "unknown")) [rule config-owner; 002 篇1 §3.3.1]"
                }
                return nil
            }
            if delta.path.hasPrefix("records/samples/") {
                return try checkSample(delta, ws: ws, author: author)
            }
            guard delta.path.hasPrefix("records/cases/"), delta.path.hasSuffix(".json") else { return nil }
            guard let newBlob = delta.new else {
                return "case files are never deleted or renamed [rule append-only; 000 篇2 §5.0]"
            }
            let new: CaseFile
            let old: CaseFile?
            do {
                new = try RecordJSON.decode(CaseFile.self, from: ws.repo.blob(newBlob), file: delta.path)
                old = try delta.old.map { try RecordJSON.decode(CaseFile.self, from: ws.repo.blob($0), file: delta.path) }
            } catch let error as RecordError {
                return "\(error.description.dropFirst(delta.path.count + 2)) [rule schema; records/schema/case.schema.json]"
            }
            do {
                try CaseChange.validate(old: old, new: new, path: delta.path, staff: ws.staff, profile: ws.profile, calendar: ws.calendar)
            } catch {
                return error.description
            }
            let added = new.events.dropFirst(old?.events.count ?? 0)
            for event in added {
                guard let actor = ws.staff[event.by], let authorEmail, actor.email.lowercased() == authorEmail.lowercased() else {
                    return "events by \(event.by.rawValue) must be committed by that person (author \(authorEmail ?? "unknown")) [rule author; DESIGN: one commit per step by its actor]"
                }
            }
            return nil
        }

        /// A monthly sample is written once, by someone the rule names, and is exactly what
        /// `Sampling.sample` draws from the cases at HEAD.
        func checkSample(_ delta: FileDelta, ws: Workspace, author: Staff?) throws -> String? {
            guard delta.old == nil, let blob = delta.new else {
                return "a drawn sample is never changed or removed [rule sample-fixed; 000 篇2 §4.3]"
            }
            let sample: MonthlySample
            do {
                sample = try RecordJSON.decode(MonthlySample.self, from: ws.repo.blob(blob), file: delta.path)
            } catch let error as RecordError {
                return "\(error.description.dropFirst(delta.path.count + 2)) [rule schema; records/schema/sample.schema.json]"
            }
            guard let rule = ws.profile.sampling else { return "the profile has no monthly sample [rule sampling; 001 篇2 §3.2]" }
            guard delta.path == Sample.path(sample.month) else { return "a sample of \(sample.month) belongs at \(Sample.path(sample.month)) [rule path]" }
            guard let author, author.roles.contains(where: rule.by.contains) else {
                return "only \(rule.by.map(\.rawValue).joined(separator: ", ")) may draw the sample [rule role; \(rule.clause)]"
            }
            let expected = try Sampling.sample(month: sample.month, cases: ws.allCases(), profile: ws.profile, calendar: ws.calendar, zone: ws.zone)
            guard expected == sample else {
                return "the selection is not the one the rules draw from these cases (seed \(expected.seed.prefix(12))…) [rule sample-reproducible; \(rule.clause)]"
            }
            return nil
        }
    }
}
