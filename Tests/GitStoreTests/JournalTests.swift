import Foundation
@testable import GitStore
import Testing

/// The commit journal is written over one file in place (`writeJournal`) and cleared with spaces:
/// what recovery reads back must be exactly what was written, whatever a longer journal left
/// before it, and a cleared or cut journal must read as none.
@Suite struct JournalTests {
    static let journals: [Repository.Journal] = [
        .init(branch: "refs/heads/main", parent: nil, target: String(repeating: "b", count: 40), paths: ["records/a.json"]),
        .init(branch: "refs/heads/main", parent: String(repeating: "a", count: 40), target: String(repeating: "c", count: 40),
              paths: ["records/cases/2026/08/20/C-20260820-A01-0010.json", "records/单元/王女士.json", "records/📦.json"],
              indexHeldByAnother: true),
        .init(branch: "refs/heads/分支", parent: "p", target: "t",
              paths: ["quote\"d", "back\\slash", "new\nline", "tab\there", "\u{01}\u{1F}\u{7F}", "/", ""], indexHeldByAnother: false),
        .init(branch: "refs/heads/main", parent: nil, target: "t", paths: []),
    ]

    /// Each journal's JSON reads back through `JSONDecoder` (what recovery uses) as the journal,
    /// with or without the spaces a longer journal leaves after it.
    @Test func theJournalReadsBackAsWritten() throws {
        for journal in Self.journals {
            for padding in [0, 1, 300] {
                let data = Data((journal.json + String(repeating: " ", count: padding)).utf8)
                let read = try JSONDecoder().decode(Repository.Journal.self, from: data)
                #expect(read.branch == journal.branch && read.parent == journal.parent && read.target == journal.target)
                #expect(read.paths == journal.paths && read.indexHeldByAnother == journal.indexHeldByAnother)
            }
        }
    }

    /// Written over one file: a long journal, then a short one, reads as the short one; cleared,
    /// it reads as none and the file keeps its size (no block freed); commits leave it cleared.
    @Test func oneFileWrittenOverAndCleared() throws {
        let r = try TempRepo()
        try r.repo.commit([FileChange(path: "a.txt", content: Data("a\n".utf8))], author: li, committer: li, message: "a")
        #expect(!r.repo.hasInterruptedCommit)
        let long = Self.journals[1], short = Self.journals[0]
        try r.repo.writeJournal(long, durable: true)
        #expect(r.repo.hasInterruptedCommit)
        let longSize = try FileManager.default.attributesOfItem(atPath: r.repo.journalPath)[.size] as? Int
        try r.repo.writeJournal(short, durable: false)
        let read = try JSONDecoder().decode(Repository.Journal.self, from: try #require(r.repo.journalData))
        #expect(read.paths == short.paths && read.parent == nil)
        #expect(try FileManager.default.attributesOfItem(atPath: r.repo.journalPath)[.size] as? Int == longSize)
        r.repo.clearJournal()
        #expect(!r.repo.hasInterruptedCommit && r.repo.journalData == nil)
        #expect(try FileManager.default.attributesOfItem(atPath: r.repo.journalPath)[.size] as? Int == longSize)
        try r.repo.commit([FileChange(path: "b.txt", content: Data("b\n".utf8))], author: li, committer: li, message: "b")
        #expect(!r.repo.hasInterruptedCommit)
        #expect(try r.git(["status", "--porcelain"]).1.isEmpty)
    }

    /// A journal cut short by a crash while it was written (before the branch could move) reads
    /// as nothing done: recovery clears it and leaves the branch, work tree and index alone.
    @Test func aCutJournalIsNothingDone() throws {
        let r = try TempRepo()
        let a = try r.repo.commit([FileChange(path: "a.txt", content: Data("a\n".utf8))], author: li, committer: li, message: "a")
        let journal = Repository.Journal(branch: "refs/heads/main", parent: a.hex, target: String(repeating: "d", count: 40), paths: ["a.txt"])
        let json = Array(journal.json.utf8)
        for cut in [1, json.count / 2, json.count - 3] {
            try Data(json.prefix(cut) + [UInt8](repeating: 0x20, count: json.count - cut)).write(to: URL(fileURLWithPath: r.repo.journalPath))
            #expect(r.repo.hasInterruptedCommit)
            try r.repo.recoverInterruptedCommit()
            #expect(!r.repo.hasInterruptedCommit, "cut at \(cut)")
            #expect(try r.repo.head() == a)
            #expect(try r.git(["status", "--porcelain"]).1.isEmpty)
        }
    }
}
