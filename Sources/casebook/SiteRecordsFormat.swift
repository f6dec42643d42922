import CaseModel
import CasebookEngine
import Foundation
import GitStore
import SiteBuilder

/// How the site's records (`SiteRecords`) are written to and read from their files: the index
/// (its head, then each group's section), the stamps, a group's case records, the kept report
/// pages and review sign-offs, in the summary cache's encoding (`SummaryCache.Writer`/`Reader`).
extension SummaryCache.Writer {
    /// The index but the groups' sections (`SiteRecords.save` writes those after it, each after
    /// its length): its key, head, files and groups.
    mutating func siteRecordsHead(_ r: SiteRecords) {
        string(r.key)
        optional(r.head)
        u32(UInt32(r.files.count))
        for (path, digest) in r.files.sorted(by: { $0.key < $1.key }) {
            string(path)
            string(digest)
        }
        u32(UInt32(r.groups.count))
        for (name, g) in r.groups.sorted(by: { $0.key < $1.key }) {
            string(name)
            u32(UInt32(g.count))
            for part in [g.csv, g.json] {
                i64(Int64(part.length))
                i64(Int64(bitPattern: part.checksum))
            }
        }
    }

    /// A file's stamp (`FileStamp`), or none.
    mutating func stamp(_ stamp: FileStamp?) {
        u32(stamp == nil ? 0 : 1)
        guard let stamp else { return }
        for word in [Int64(bitPattern: stamp.device), Int64(bitPattern: stamp.inode), stamp.seconds, stamp.nanoseconds] { i64(word) }
    }

    /// The stamps file: the index's commit and the pages' stamp, then each group's stamped parts
    /// with the length and checksum they were taken for.
    mutating func siteStamps(_ r: SiteRecords) {
        optional(r.head)
        stamp(r.pages)
        let stamped = r.groups.filter { $0.value.csv.stamp != nil || $0.value.json.stamp != nil }.sorted { $0.key < $1.key }
        u32(UInt32(stamped.count))
        for (name, g) in stamped {
            string(name)
            for part in [g.csv, g.json] {
                i64(Int64(part.length))
                i64(Int64(bitPattern: part.checksum))
                stamp(part.stamp)
            }
        }
    }

    /// One case's entry in its group's section (its group is the section's).
    mutating func siteCase(_ id: String, _ c: SiteRecords.Case) {
        string(id)
        string(c.blob)
        i64(c.builtAt)
        i64(c.until ?? .max)
        u32(UInt32(c.unsignedSteps.count))
        for step in c.unsignedSteps {
            time(step.at)
            string(step.by.rawValue)
        }
        bytes.append((c.complaintAgainstStaff ? 1 : 0) | (c.correctiveAction ? 2 : 0))
    }

    /// A group's case records: the authors its events name, once each; then each case's id,
    /// page fingerprint, its events' provenance (author by number, verdict, commit as its 20
    /// bytes) and the lengths of its two feed rows, which the group's part files hold in this
    /// order (format 2: the rows themselves and each event's 40 hex digits and author were 130
    /// of the 217 MB of records at 100,000 cases, written twice with the parts).
    mutating func siteGroup(_ details: [(id: String, detail: SiteRecords.Detail)]) {
        var authors: [String] = [], numbers: [String: UInt32] = [:]
        for (_, d) in details {
            for p in d.provenance where numbers[p.author] == nil {
                numbers[p.author] = UInt32(authors.count)
                authors.append(p.author)
            }
        }
        u32(UInt32(authors.count))
        for author in authors { string(author) }
        u32(UInt32(details.count))
        let statuses = SiteBuilder.SignatureStatus.allCases
        for (id, d) in details {
            string(id)
            string(d.fingerprint)
            u32(UInt32(d.provenance.count))
            for p in d.provenance {
                u32(numbers[p.author]!)
                bytes.append(UInt8(statuses.firstIndex(of: p.signature)!))
                // A commit as git names it (40 lower-case hex digits) as its bytes; anything else (none: "") as text.
                if p.commit.utf8.count == 40, p.commit.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }),
                   let commit = OID(hex: p.commit) {
                    bytes.append(1)
                    commit.append(to: &bytes)
                } else {
                    bytes.append(0)
                    string(p.commit)
                }
            }
            u32(UInt32(d.csv.count))
            u32(UInt32(d.json.count))
        }
    }
}

extension SummaryCache.Writer {
    mutating func siteReviews(_ reviews: [String: SiteRecords.Review]) {
        u32(UInt32(reviews.count))
        for (blob, review) in reviews.sorted(by: { $0.key < $1.key }) {
            string(blob)
            string(review.kind.rawValue)
            string(review.from)
        }
    }

    mutating func keptPages(_ pages: [String: KeptPage]) {
        u32(UInt32(pages.count))
        for (path, page) in pages.sorted(by: { $0.key < $1.key }) {
            string(path)
            string(page.inputs)
            i64(page.madeAt)
            i64(page.until ?? .max)
            data(page.template)
        }
    }
}

extension SummaryCache.Reader {
    mutating func siteReviews() throws -> [String: SiteRecords.Review] {
        let count = Int(try u32())
        guard count <= bytes.count - i else { throw SummaryCache.Damaged() }
        var out: [String: SiteRecords.Review] = [:]
        for _ in 0..<count {
            let blob = try string()
            guard let kind = ReviewKind(rawValue: try string()) else { throw SummaryCache.Damaged() }
            out[blob] = SiteRecords.Review(kind: kind, from: try string())
        }
        guard i == bytes.count else { throw SummaryCache.Damaged() }
        return out
    }

    mutating func keptPages() throws -> [String: KeptPage] {
        let count = Int(try u32())
        guard count <= bytes.count - i else { throw SummaryCache.Damaged() }
        var out: [String: KeptPage] = [:]
        for _ in 0..<count {
            let path = try string(), inputs = try string(), madeAt = try i64(), until = try i64()
            out[path] = KeptPage(inputs: inputs, madeAt: madeAt, until: until == .max ? nil : until, template: try data())
        }
        guard i == bytes.count else { throw SummaryCache.Damaged() }
        return out
    }

    /// Reads the stamps file into `r` (the index already read): each stamp only where it was
    /// taken for what the index holds.
    mutating func siteStamps(into r: inout SiteRecords) throws {
        let head = try optional()
        let pages = try stamp()
        if head == r.head { r.pages = pages }
        let count = Int(try u32())
        guard count <= bytes.count - i else { throw SummaryCache.Damaged() }
        for _ in 0..<count {
            let name = try string()
            for k in 0..<2 {
                let part = SiteRecords.Part(length: Int(try i64()), checksum: UInt64(bitPattern: try i64()), stamp: try stamp())
                guard var g = r.groups[name] else { continue }
                if k == 0, g.csv.length == part.length, g.csv.checksum == part.checksum { g.csv.stamp = part.stamp }
                if k == 1, g.json.length == part.length, g.json.checksum == part.checksum { g.json.stamp = part.stamp }
                r.groups[name] = g
            }
        }
    }

    /// A stamp `Writer.stamp` wrote.
    mutating func stamp() throws -> FileStamp? {
        switch try u32() {
        case 0: return nil
        case 1: return FileStamp(device: UInt64(bitPattern: try i64()), inode: UInt64(bitPattern: try i64()), seconds: try i64(), nanoseconds: try i64())
        default: throw SummaryCache.Damaged()
        }
    }

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
        let groups = Int(try u32())
        guard groups <= bytes.count - i else { throw SummaryCache.Damaged() }
        var names: [String] = []
        for _ in 0..<groups {
            let name = try string()
            let count = Int(try u32())
            var parts: [SiteRecords.Part] = []
            for _ in 0..<2 {
                let length = try i64()
                guard length >= 0 else { throw SummaryCache.Damaged() }
                parts.append(SiteRecords.Part(length: Int(length), checksum: UInt64(bitPattern: try i64())))
            }
            r.groups[name] = SiteRecords.Group(count: count, csv: parts[0], json: parts[1])
            names.append(name)
        }
        r.cases.reserveCapacity(r.groups.values.reduce(0) { $0 + $1.count })
        for name in names.sorted() {
            let length = Int(try u32())
            guard length <= bytes.count - i else { throw SummaryCache.Damaged() }
            let start = i, end = i + length
            let cases = Int(try u32())
            guard cases <= length else { throw SummaryCache.Damaged() }
            for _ in 0..<cases {
                let id = try string()
                let blob = try string()
                let builtAt = try i64()
                let until = try i64()
                let stepCount = Int(try u32())
                guard stepCount <= bytes.count - i else { throw SummaryCache.Damaged() }
                var steps: [CaseRows.UnsignedStep] = []
                for _ in 0..<stepCount {
                    let at = try time()
                    steps.append(CaseRows.UnsignedStep(at: at, by: StaffID(rawValue: try string())))
                }
                let flags = try byte()
                guard flags < 4, r.cases[id] == nil else { throw SummaryCache.Damaged() }
                r.cases[id] = SiteRecords.Case(blob: blob, builtAt: builtAt, until: until == .max ? nil : until, group: name, unsignedSteps: steps,
                                               complaintAgainstStaff: flags & 1 != 0, correctiveAction: flags & 2 != 0)
            }
            guard i == end else { throw SummaryCache.Damaged() }
            r.sections[name] = Data(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        }
        guard i == bytes.count else { throw SummaryCache.Damaged() }
        return r
    }

    /// The records `siteGroup(_:)` wrote, each case's feed rows cut from the group's parts
    /// (`csv`, `json`: the files as written with the records).
    mutating func siteGroup(csv: Data, json: Data) throws -> [String: SiteRecords.Detail] {
        let authorCount = Int(try u32())
        guard authorCount <= bytes.count - i else { throw SummaryCache.Damaged() }
        var authors: [String] = []
        for _ in 0..<authorCount { authors.append(try string()) }
        let count = Int(try u32())
        guard count <= bytes.count - i else { throw SummaryCache.Damaged() }
        let statuses = SiteBuilder.SignatureStatus.allCases
        var out: [String: SiteRecords.Detail] = [:]
        out.reserveCapacity(count)
        var csvAt = 0, jsonAt = 0
        for n in 0..<count {
            let id = try string()
            let fingerprint = try string()
            let proofCount = Int(try u32())
            guard proofCount <= bytes.count - i else { throw SummaryCache.Damaged() }
            var proofs: [EventProvenance] = []
            proofs.reserveCapacity(proofCount)
            for _ in 0..<proofCount {
                let author = Int(try u32()), status = Int(try byte()), form = try byte()
                guard author < authors.count, status < statuses.count else { throw SummaryCache.Damaged() }
                let commit: String
                switch form {
                case 1:
                    guard bytes.count - i >= 20, let id = OID(bytes: UnsafeBufferPointer(rebasing: bytes[i..<i + 20])) else { throw SummaryCache.Damaged() }
                    i += 20
                    commit = id.hex
                case 0: commit = try string()
                default: throw SummaryCache.Damaged()
                }
                proofs.append(EventProvenance(commit: commit, author: authors[author], signature: statuses[status]))
            }
            let csvLength = Int(try u32()), jsonLength = Int(try u32())
            if n > 0 { jsonAt += Dashboard.casesJSONSeparator.count }
            guard csvLength <= csv.count - csvAt, jsonLength <= json.count - jsonAt,
                  n == 0 || json[jsonAt - Dashboard.casesJSONSeparator.count..<jsonAt].elementsEqual(Dashboard.casesJSONSeparator) else {
                throw SummaryCache.Damaged()
            }
            let csvRow = csv.subdata(in: csvAt..<csvAt + csvLength), jsonRow = json.subdata(in: jsonAt..<jsonAt + jsonLength)
            csvAt += csvLength
            jsonAt += jsonLength
            guard out[id] == nil else { throw SummaryCache.Damaged() }
            out[id] = SiteRecords.Detail(fingerprint: fingerprint, provenance: proofs, csv: csvRow, json: jsonRow)
        }
        guard i == bytes.count, csvAt == csv.count, jsonAt == json.count else { throw SummaryCache.Damaged() }
        return out
    }
}
