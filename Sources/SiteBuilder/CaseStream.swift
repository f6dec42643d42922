import CaseModel
import Foundation
import Procedures

/// One case as a site build walks past it: its file read in full (nil when nothing the site
/// shows of it can have changed since the last build: then its rows come from that build), the
/// commit of each of its events, whether its page is known to be unchanged (then it is not
/// rendered again), and what the later pages and feeds take of it.
public struct StreamedCase: Sendable {
    public var file: CaseFile?
    public var provenance: [EventProvenance]
    public var pageKept: Bool
    /// The case's rows; nil: made from `file` as the case passes.
    public var rows: CaseRows?

    public init(file: CaseFile?, provenance: [EventProvenance], pageKept: Bool, rows: CaseRows? = nil) {
        self.file = file
        self.provenance = provenance
        self.pageKept = pageKept
        self.rows = rows
    }
}

/// What the pages and feeds written after the case pages take of one case: its line of
/// `cases.csv` and entry of `cases.json` as the files hold them, the steps whose commit carries
/// no verified signature, and whether the accountability or round page reads it in full. A
/// build keeps them with the case (by its blob and its commits) for the next one.
public struct CaseRows: Sendable, Equatable {
    /// Intake time and id: the case's place in the feeds.
    public var receivedAt: Timestamp
    public var id: String
    public var csv: Data
    public var json: Data
    public var unsignedSteps: [UnsignedStep]
    /// A complaint found valid against a member of staff (the accountability page reads it).
    public var complaintAgainstStaff: Bool
    /// A corrective action opened from the monthly analysis (the round page reads it).
    public var correctiveAction: Bool

    public struct UnsignedStep: Sendable, Equatable {
        public var at: Timestamp
        public var by: StaffID
        public init(at: Timestamp, by: StaffID) {
            self.at = at
            self.by = by
        }
    }

    public init(receivedAt: Timestamp, id: String, csv: Data, json: Data, unsignedSteps: [UnsignedStep],
                complaintAgainstStaff: Bool, correctiveAction: Bool) {
        self.receivedAt = receivedAt
        self.id = id
        self.csv = csv
        self.json = json
        self.unsignedSteps = unsignedSteps
        self.complaintAgainstStaff = complaintAgainstStaff
        self.correctiveAction = correctiveAction
    }

    /// Whether the later pages need the case's file in full.
    public var needsFile: Bool { complaintAgainstStaff || correctiveAction }
}

extension Dashboard {
    /// The rows of `file`, whose events were recorded by `provenance` (one per event), as of `now`.
    public func rows(_ file: CaseFile, provenance: [EventProvenance]) throws -> CaseRows {
        CaseRows(receivedAt: file.intake.receivedAt, id: file.id.rawValue, csv: csvLine(file), json: try jsonEntry(file),
                 unsignedSteps: StreamTotals.unsignedSteps(of: file, proofs: provenance).map { CaseRows.UnsignedStep(at: $0.at, by: $0.by) },
                 complaintAgainstStaff: file.intake.kind == .complaint && file.state.valid == true && file.state.against != nil,
                 correctiveAction: file.intake.inspection?.check == .analysis)
    }

    /// The last moment at which what the site shows of `file` as of `now` (its page's facts and
    /// its rows) still holds: the earliest deadline or planned revisit still to fall due whose
    /// standing the clock will change. nil: nothing the site shows of it depends on the clock
    /// any more. It holds only from `now` on (a clock set back can undo an overdue).
    public func factsHold(_ file: CaseFile) -> Timestamp? {
        var until: Timestamp?
        func consider(_ t: Timestamp) { if t >= now, until.map({ t < $0 }) ?? true { until = t } }
        for d in file.state.deadlines where Schedule.fulfilment(of: d, in: file) == nil && file.state.status.isOpen { consider(d.due) }
        for p in file.state.revisitsPlanned where p.doneAt == nil { consider(p.due) }
        return until
    }
}

/// Every case of the site, handed over a batch at a time (the caller reads and decodes each
/// batch and drops it after), so that a site of any size never holds every case in full.
public typealias CaseStream = (_ take: ([StreamedCase]) throws -> Void) throws -> Void

/// What the pages written after the case pages read of every case, gathered while the cases
/// stream past: the feeds' rows, the steps without a verified signature, and the few cases the
/// accountability and round pages read in full.
struct StreamTotals {
    /// `cases.csv`'s lines and `cases.json`'s entries as the files hold them, each with its case's
    /// intake time and id (the files list them in that order).
    var csvLines: [(key: CaseOrder, line: Data)] = []
    var jsonEntries: [(key: CaseOrder, entry: Data)] = []
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

    /// Takes what the later pages read of one case: its rows, and its file where they need it.
    mutating func add(_ rows: CaseRows, file: CaseFile?, feeds: Bool = true) throws {
        if feeds {
            let key = CaseOrder(receivedAt: rows.receivedAt, id: rows.id)
            csvLines.append((key, rows.csv))
            jsonEntries.append((key, rows.json))
        }
        unsignedSteps += rows.unsignedSteps.map { ($0.at, $0.by) }
        guard rows.needsFile else { return }
        guard let file else { throw StreamError.fileMissing(rows.id) }
        if rows.complaintAgainstStaff { complaints.append(file) }
        if rows.correctiveAction { correctiveActions.append(file) }
    }

    enum StreamError: Error, CustomStringConvertible {
        case fileMissing(String)
        var description: String {
            switch self {
            case .fileMissing(let id): "site: case \(id) is read by the accountability or round page but its file was not handed over"
            }
        }
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
            for c in batch { if let file = c.file { view.provenance[file.id] = c.provenance } }
            let pending = batch.filter { !$0.pageKept }.compactMap(\.file)
            func page(_ file: CaseFile) -> SiteFile { SiteFile(path: "cases/\(file.id.rawValue).html", text: CasePage(view, file).render()) }
            if let write = writeCasePage {
                for result in pending.concurrentMap({ try write(page($0)) }) { try result.get() }
            } else {
                for result in pending.concurrentMap(page) { try emit(try result.get()) }
            }
            // Rows the caller did not hand over (it made none, or this is not a stream), made on all cores.
            let unmade = batch.filter { $0.rows == nil }.compactMap(\.file)
            var made: [String: CaseRows] = [:]
            for result in unmade.concurrentMap({ try view.rows($0, provenance: view.provenance[$0.id] ?? []) }) {
                let rows = try result.get()
                made[rows.id] = rows
            }
            for c in batch {
                guard let rows = c.rows ?? c.file.flatMap({ made[$0.id.rawValue] }) else { continue }
                try totals.add(rows, file: c.file, feeds: !caseFeedsByCaller)
            }
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
        totals.csvLines.sort { $0.key < $1.key }
        totals.jsonEntries.sort { $0.key < $1.key }
        return totals
    }
}
