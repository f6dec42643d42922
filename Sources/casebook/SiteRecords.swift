import CaseModel
import CasebookEngine
import Foundation
import GitStore
import SiteBuilder

/// What the last `casebook site` wrote into its output folder, kept there as `.casebook-site`
/// for the next build: the fingerprint of every other file it wrote, the commit it was built at,
/// and for each case what the site took of it, by the blob id of its file. A case whose blob is
/// the same, which no commit since touched and whose clock-dependent facts still hold is neither
/// read nor rendered again: its rows are taken as kept. The file is a cache: framed and
/// checksummed like those under `.git/casebook` (`CacheFile`), and a missing, damaged or foreign
/// one (another build of casebook, another render key) makes a build that reads every case.
struct SiteRecords {
    static let name = ".casebook-site"
    static let format = "casebook-site 3"
    /// The file of the build before: JSON, no case records (read only to remove its files).
    static let oldName = ".casebook-site.json"

    /// A digest of `Dashboard.renderKey`: what every page depends on besides its own records.
    var key = ""
    /// The commit the site was built from.
    var head: String?
    /// Every file written but the case pages: its path and the digest of its bytes.
    var files: [String: String] = [:]
    /// Each case's record, by case id.
    var cases: [String: Case] = [:]

    /// One case as the last build saw it.
    struct Case {
        /// The blob id (hex) of its file.
        var blob: String
        /// The build's clock, and the last moment its clock-dependent facts hold (nil: always).
        var builtAt: Int64
        var until: Int64?
        /// The page's fingerprint (`SiteCache.digest` of render key, blob and page facts).
        var fingerprint: String
        /// The commit of each of its events, as the page shows it (signatures judged).
        var provenance: [EventProvenance]
        var rows: CaseRows

        /// Whether what the site shows of the case is still this at `now`.
        func holds(at now: Timestamp) -> Bool {
            let t = now.unixSeconds
            return t >= builtAt && until.map { t <= $0 } ?? true
        }
    }

    /// The records in `root`; empty when there are none this build can use.
    static func load(from root: URL) -> SiteRecords {
        guard let data = try? Data(contentsOf: root.appendingPathComponent(name)) else { return SiteRecords() }
        return CacheFile.open(data, format: format) { body in
            var r = SummaryCache.Reader(bytes: body)
            return try? r.siteRecords()
        } ?? SiteRecords()
    }

    /// Writes the records into `root`, atomically.
    func save(in root: URL) throws {
        var w = SummaryCache.Writer()
        w.siteRecords(self)
        try AtomicFile.write(CacheFile.seal(w.bytes, format: SiteRecords.format), to: root.appendingPathComponent(SiteRecords.name).path,
                             durable: false)
    }

    /// The ids of the cases whose page is in `root` (one listing of `cases/`).
    static func pages(in root: URL) -> Set<String> {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("cases").path)) ?? []
        return Set(names.lazy.filter { $0.hasSuffix(".html") }.map { String($0.dropLast(5)) })
    }
}

extension SummaryCache.Writer {
    mutating func siteRecords(_ r: SiteRecords) {
        string(r.key)
        optional(r.head)
        u32(UInt32(r.files.count))
        for (path, digest) in r.files.sorted(by: { $0.key < $1.key }) {
            string(path)
            string(digest)
        }
        u32(UInt32(r.cases.count))
        for (id, c) in r.cases.sorted(by: { $0.key < $1.key }) {
            string(id)
            string(c.blob)
            i64(c.builtAt)
            i64(c.until ?? .max)
            string(c.fingerprint)
            u32(UInt32(c.provenance.count))
            for p in c.provenance {
                string(p.commit)
                string(p.author)
                string(p.signature.rawValue)
            }
            time(c.rows.receivedAt)
            data(c.rows.csv)
            data(c.rows.json)
            u32(UInt32(c.rows.unsignedSteps.count))
            for step in c.rows.unsignedSteps {
                time(step.at)
                string(step.by.rawValue)
            }
            bytes.append((c.rows.complaintAgainstStaff ? 1 : 0) | (c.rows.correctiveAction ? 2 : 0))
        }
    }
}

extension SummaryCache.Reader {
    mutating func siteRecords() throws -> SiteRecords {
        var r = SiteRecords()
        r.key = try string()
        r.head = try optional()
        let files = Int(try u32())
        guard files <= bytes.count - i else { throw SummaryCache.Damaged() }
        for _ in 0..<files {
            let path = try string()
            r.files[path] = try string()
        }
        let cases = Int(try u32())
        guard cases <= bytes.count - i else { throw SummaryCache.Damaged() }
        r.cases.reserveCapacity(cases)
        for _ in 0..<cases {
            let id = try string()
            let blob = try string()
            let builtAt = try i64()
            let until = try i64()
            let fingerprint = try string()
            let proofCount = Int(try u32())
            guard proofCount <= bytes.count - i else { throw SummaryCache.Damaged() }
            var proofs: [EventProvenance] = []
            proofs.reserveCapacity(proofCount)
            for _ in 0..<proofCount {
                let commit = try string(), author = try string()
                guard let status = SiteBuilder.SignatureStatus(rawValue: try string()) else { throw SummaryCache.Damaged() }
                proofs.append(EventProvenance(commit: commit, author: author, signature: status))
            }
            let receivedAt = try time()
            let csv = try data(), json = try data()
            let stepCount = Int(try u32())
            guard stepCount <= bytes.count - i else { throw SummaryCache.Damaged() }
            var steps: [CaseRows.UnsignedStep] = []
            for _ in 0..<stepCount {
                let at = try time()
                steps.append(CaseRows.UnsignedStep(at: at, by: StaffID(rawValue: try string())))
            }
            let flags = try byte()
            guard flags < 4 else { throw SummaryCache.Damaged() }
            let rows = CaseRows(receivedAt: receivedAt, id: id, csv: csv, json: json, unsignedSteps: steps,
                                complaintAgainstStaff: flags & 1 != 0, correctiveAction: flags & 2 != 0)
            r.cases[id] = SiteRecords.Case(blob: blob, builtAt: builtAt, until: until == .max ? nil : until, fingerprint: fingerprint,
                                           provenance: proofs, rows: rows)
        }
        guard i == bytes.count else { throw SummaryCache.Damaged() }
        return r
    }
}
