import ArgumentParser
import CaseModel
import CasebookEngine
import Foundation
import Procedures

extension Casebook {
    /// `casebook merge-driver %O %A %B %P`: git's merge driver for case files.
    struct MergeDriver: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge-driver",
            abstract: "Merge two desks' versions of a case file (the union of their events) or register entry (of its visits); git runs this.",
            discussion: """
            Declared for records/cases/**/*.json and records/registers/**/*.json in .gitattributes; `casebook init` registers it as
            merge.casebook.driver. Writes the union to OURS and exits 0, or leaves OURS alone, prints why
            in one line and exits 1 (git then reports a conflict).
            Example (what git runs): casebook merge-driver %O %A %B %P
            """
        )
        @Argument(help: "The common ancestor's version (%O).") var ancestor: String
        @Argument(help: "Our version (%A); the result is written here.") var ours: String
        @Argument(help: "Their version (%B).") var theirs: String
        @Argument(help: "The file's path in the repository (%P).") var path: String = ""
        @Option(help: "The case repository (default: the current directory, where git runs drivers).") var repo: String = "."

        func run() throws {
            let ws = try Workspace(path: repo, recover: false)
            let name = path.isEmpty ? ours : path
            do {
                if name.hasPrefix("records/registers/") {
                    // A register entry (000 §1(7); 001 §5.6.7): the union of both desks' visits.
                    let mine = try RecordJSON.decode(RegisterEntry.self, from: Data(contentsOf: URL(fileURLWithPath: ours)), file: name)
                    let other = try RecordJSON.decode(RegisterEntry.self, from: Data(contentsOf: URL(fileURLWithPath: theirs)), file: name)
                    let merged = try RegisterMerge.union(ours: mine, theirs: other, staff: ws.staff, profile: ws.profile)
                    try RecordJSON.encode(merged).write(to: URL(fileURLWithPath: ours))
                    return
                }
                let mine = try RecordJSON.decode(CaseFile.self, from: Data(contentsOf: URL(fileURLWithPath: ours)), file: name)
                let other = try RecordJSON.decode(CaseFile.self, from: Data(contentsOf: URL(fileURLWithPath: theirs)), file: name)
                let merged = try CaseMerge.union(ours: mine, theirs: other, staff: ws.staff, profile: ws.profile, calendar: ws.calendar)
                try RecordJSON.encode(merged).write(to: URL(fileURLWithPath: ours))
            } catch let error as Refusal {
                throw Failure.about("merge \(name)", error)
            } catch let error as RecordError {
                throw Failure.about("merge", error)
            }
        }
    }
}
