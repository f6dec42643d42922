import CaseModel
import Foundation
import Procedures

/// One case as a site build walks past it: its file read in full, the commit of each of its
/// events, and whether its page is known to be unchanged (then it is not rendered again).
public struct StreamedCase: Sendable {
    public var file: CaseFile
    public var provenance: [EventProvenance]
    public var pageKept: Bool

    public init(file: CaseFile, provenance: [EventProvenance], pageKept: Bool) {
        self.file = file
        self.provenance = provenance
        self.pageKept = pageKept
    }
}

/// Every case of the site, handed over a batch at a time (the caller reads and decodes each
/// batch and drops it after), so that a site of any size never holds every case in full.
public typealias CaseStream = (_ take: ([StreamedCase]) throws -> Void) throws -> Void

/// What the pages written after the case pages read of every case, gathered while the cases
/// stream past: the feeds' rows, the steps without a verified signature, and the few cases the
/// accountability and round pages read in full.
struct StreamTotals {
    /// `cases.csv`'s rows and `cases.json`'s entries, each with its case's intake time and id
    /// (the files list them in that order).
    var csvRows: [(key: CaseOrder, row: [String])] = []
    var jsonRows: [(key: CaseOrder, row: CaseSummary)] = []
    /// Each step whose commit carries no signature that verifies against the author's key.
    var unsignedSteps: [(at: Timestamp, by: StaffID)] = []
    /// Complaints found valid against a member of staff (the accountability page).
    var complaints: [CaseFile] = []
    /// Corrective actions opened from the monthly analysis (the round page).
    var correctiveActions: [CaseFile] = []

    /// The steps of `file` whose commit (`proofs`, one per event) carries no verified signature.
    static func unsignedSteps(of file: CaseFile, proofs: [EventProvenance]) -> [(at: Timestamp, by: StaffID)] {
        file.events.enumerated().compactMap { n, e in
            n < proofs.count && [.unsigned, .bad, .notRegistered].contains(proofs[n].signature) ? (e.at, e.by) : nil
        }
    }

    /// A case's place in the feeds: intake time, then id.
    struct CaseOrder: Comparable {
        var receivedAt: Timestamp
        var id: String
        static func < (a: CaseOrder, b: CaseOrder) -> Bool { (a.receivedAt, a.id) < (b.receivedAt, b.id) }
    }

    /// Takes what the later pages read of one case (`d` holds its provenance).
    mutating func add(_ file: CaseFile, proofs: [EventProvenance], _ d: Dashboard) {
        let key = CaseOrder(receivedAt: file.intake.receivedAt, id: file.id.rawValue)
        csvRows.append((key, d.csvRow(file)))
        jsonRows.append((key, d.jsonRow(file)))
        unsignedSteps += StreamTotals.unsignedSteps(of: file, proofs: proofs)
        if file.intake.kind == .complaint, file.state.valid == true, file.state.against != nil { complaints.append(file) }
        if file.intake.inspection?.check == .analysis { correctiveActions.append(file) }
    }
}

extension Dashboard {
    /// The case pages, written a batch at a time from `stream` (or from `cases` when there is
    /// none), and what the later pages read of every case.
    func streamCasePages(skipping: Set<CaseID>, progress: ((Int, Int) -> Void)?, emit: (SiteFile) throws -> Void) throws -> StreamTotals {
        var totals = StreamTotals()
        let all = summaries?.count ?? cases.count
        var done = 0
        func take(_ batch: [StreamedCase]) throws {
            var view = self
            for c in batch { view.provenance[c.file.id] = c.provenance }
            let pending = batch.filter { !$0.pageKept }.map(\.file)
            for result in pending.concurrentMap({ SiteFile(path: "cases/\($0.id.rawValue).html", text: CasePage(view, $0).render()) }) {
                try emit(try result.get())
            }
            for c in batch { totals.add(c.file, proofs: c.provenance, view) }
            let before = done
            done += batch.count
            if done / 2000 > before / 2000 { progress?(done, all) }
        }
        if let stream {
            try stream(take)
        } else {
            // Rendered on all cores a batch at a time, written in order.
            let batch = 256
            let sorted = sortedCases
            for start in stride(from: 0, to: sorted.count, by: batch) {
                try take(sorted[start..<min(start + batch, sorted.count)].map {
                    StreamedCase(file: $0, provenance: provenance[$0.id] ?? [], pageKept: skipping.contains($0.id))
                })
            }
        }
        totals.csvRows.sort { $0.key < $1.key }
        totals.jsonRows.sort { $0.key < $1.key }
        return totals
    }
}
