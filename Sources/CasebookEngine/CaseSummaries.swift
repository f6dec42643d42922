import CaseModel
import Foundation
import GitStore
import Procedures

/// A summary of every case (`CaseSummary`) kept by the blob id of its file in
/// `<git dir>/casebook/summaries`, beside the history index: `list`, `today`, `sweep` and
/// `report` walk the tree (which gives every file's blob id without reading it), take the
/// summaries of unchanged blobs from the file, and read and decode only the files whose blob they
/// have not seen. Cases they need in full (the open ones, the month's) are then read from git.
///
/// It is a cache, never a source of truth. A summary is a function of the file's bytes, and the
/// bytes are named by their blob id, so a kept summary is never stale: an edited file has a new
/// id. The file is used only when it is whole and this build wrote it: its header names the format
/// and this binary (size and modification time of the executable: a summary depends on the rules
/// compiled into it), and a checksum over the rest must agree. Anything else — missing, empty,
/// truncated, damaged, of another format or build — is ignored and written again from the tree.
/// What is not detected: an entry rewritten deliberately together with a recomputed checksum.
/// The file is a header and frames appended one after another (`SummaryCacheFile.swift`): a
/// command that learnt a few summaries appends them, and the file is written again whole
/// (atomically) only when it holds too many summaries no command needs any more.
package enum SummaryCache {
    static let format = "casebook-summaries 5"

    static func path(_ repo: Repository) -> String {
        repo.gitDirectory + (repo.gitDirectory.hasSuffix("/") ? "" : "/") + "casebook/summaries"
    }

    enum Tables {
        static let kinds = Kind.allCases
        static let severities = Severity.allCases
        static let repairSizes = RepairSize.allCases
        static let statuses = Status.allCases
        static let levels = Level.allCases
        static let departments = Department.allCases
    }

    package struct Writer {
        package init() {}
        package var bytes: [UInt8] = []

        /// One entry: the blob id (its 20 bytes), then the summary.
        mutating func entry(blob: OID, _ s: CaseSummary) {
            blob.append(to: &bytes)
            string(s.id.rawValue)
            string(s.path)
            enumeration(s.kind, Tables.kinds)
            enumeration(s.severity, Tables.severities)
            enumeration(s.repairSize, Tables.repairSizes)
            enumeration(s.status, Tables.statuses)
            enumeration(s.level, Tables.levels)
            string(s.holder.rawValue)
            enumeration(s.department, Tables.departments)
            optional(s.unit)
            time(s.receivedAt)
            string(s.summary)
            u32(UInt32(s.deadlines.count))
            for d in s.deadlines {
                string(d.step)
                time(d.due)
                bytes.append(d.met ? 1 : 0)
            }
            u32(UInt32(s.lateEntries.count))
            for e in s.lateEntries {
                string(e.by.rawValue)
                time(e.recordedAt)
            }
            for times in [s.resolutions, s.revisits, s.complaintSteps] {
                u32(UInt32(times.count))
                for t in times { time(t) }
            }
            report(s.report)
        }

        package mutating func u32(_ v: UInt32) {
            var v = v.littleEndian
            withUnsafeBytes(of: &v) { bytes.append(contentsOf: $0) }
        }

        package mutating func i64(_ v: Int64) {
            var v = v.littleEndian
            withUnsafeBytes(of: &v) { bytes.append(contentsOf: $0) }
        }

        package mutating func string(_ s: String) {
            let utf8 = Array(s.utf8)
            u32(UInt32(utf8.count))
            bytes.append(contentsOf: utf8)
        }

        /// Bytes as they are: their count, then the bytes.
        package mutating func data(_ d: Data) {
            u32(UInt32(d.count))
            bytes.append(contentsOf: d)
        }

        package mutating func optional(_ s: String?) {
            guard let s else { u32(.max); return }
            string(s)
        }

        package mutating func time(_ t: Timestamp) {
            i64(t.unixSeconds)
            i64(Int64(t.offsetSeconds))
        }

        mutating func enumeration<E: Equatable>(_ value: E?, _ table: [E]) {
            bytes.append(value.flatMap { v in table.firstIndex(of: v) }.map { UInt8($0 + 1) } ?? 0)
        }
    }

    package struct Damaged: Error {
        package init() {}
    }

    package struct Reader {
        package let bytes: UnsafeBufferPointer<UInt8>
        package var i = 0

        package init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func entries() throws -> [OID: CaseSummary] {
            let count = Int(try u32())
            guard count <= bytes.count else { throw Damaged() }
            var out: [OID: CaseSummary] = [:]
            out.reserveCapacity(count)
            for _ in 0..<count {
                let (blob, summary) = try entry()
                out[blob] = summary
            }
            guard i == bytes.count else { throw Damaged() }
            return out
        }

        /// One entry `Writer.entry` wrote.
        mutating func entry() throws -> (blob: OID, summary: CaseSummary) {
            guard bytes.count - i >= 20, let blob = OID(bytes: UnsafeBufferPointer(rebasing: bytes[i..<i + 20])) else { throw Damaged() }
            i += 20
            let id = CaseID(rawValue: try string())
            let path = try string()
            let kind = try required(Tables.kinds)
            let severity = try enumeration(Tables.severities)
            let repairSize = try enumeration(Tables.repairSizes)
            let status = try required(Tables.statuses)
            let level = try required(Tables.levels)
            let holder = StaffID(rawValue: try string())
            let department = try enumeration(Tables.departments)
            let unit = try optional()
            let receivedAt = try time()
            let summary = try string()
            let deadlineCount = Int(try u32())
            guard deadlineCount <= bytes.count - i else { throw Damaged() }
            var deadlines: [CaseSummary.Deadline] = []
            deadlines.reserveCapacity(deadlineCount)
            for _ in 0..<deadlineCount {
                let step = try string()
                let due = try time()
                let met = try byte()
                guard met <= 1 else { throw Damaged() }
                deadlines.append(CaseSummary.Deadline(step: step, due: due, met: met == 1))
            }
            let lateCount = Int(try u32())
            guard lateCount <= bytes.count - i else { throw Damaged() }
            var late: [CaseSummary.LateEntry] = []
            for _ in 0..<lateCount {
                let by = StaffID(rawValue: try string())
                late.append(CaseSummary.LateEntry(by: by, recordedAt: try time()))
            }
            let resolutions = try times(), revisits = try times(), complaintSteps = try times()
            let report = try self.report()
            return (blob, CaseSummary(id: id, path: path, kind: kind, severity: severity, repairSize: repairSize, status: status, level: level,
                                      holder: holder, department: department, unit: unit, receivedAt: receivedAt, summary: summary,
                                      deadlines: deadlines, lateEntries: late, resolutions: resolutions, revisits: revisits,
                                      complaintSteps: complaintSteps, report: report))
        }

        package mutating func byte() throws -> UInt8 {
            guard i < bytes.count else { throw Damaged() }
            defer { i += 1 }
            return bytes[i]
        }

        package mutating func u32() throws -> UInt32 {
            guard bytes.count - i >= 4 else { throw Damaged() }
            var v: UInt32 = 0
            for k in 0..<4 { v |= UInt32(bytes[i + k]) << (8 * k) }
            i += 4
            return v
        }

        package mutating func i64() throws -> Int64 {
            guard bytes.count - i >= 8 else { throw Damaged() }
            var v: UInt64 = 0
            for k in 0..<8 { v |= UInt64(bytes[i + k]) << (8 * k) }
            i += 8
            return Int64(bitPattern: v)
        }

        package mutating func string() throws -> String {
            let n = Int(try u32())
            guard n <= bytes.count - i else { throw Damaged() }
            defer { i += n }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<i + n]), as: UTF8.self)
        }

        /// Bytes `Writer.data` wrote.
        package mutating func data() throws -> Data {
            let n = Int(try u32())
            guard n <= bytes.count - i else { throw Damaged() }
            defer { i += n }
            return Data(UnsafeBufferPointer(rebasing: bytes[i..<i + n]))
        }

        package mutating func optional() throws -> String? {
            guard bytes.count - i >= 4 else { throw Damaged() }
            if bytes[i] == 0xFF, bytes[i + 1] == 0xFF, bytes[i + 2] == 0xFF, bytes[i + 3] == 0xFF {
                i += 4
                return nil
            }
            return try string()
        }

        package mutating func time() throws -> Timestamp {
            let seconds = try i64()
            let offset = try i64()
            guard abs(offset) < 86_400 else { throw Damaged() }
            return Timestamp(date: Date(timeIntervalSince1970: TimeInterval(seconds)), offsetSeconds: Int(offset))
        }

        mutating func enumeration<E>(_ table: [E]) throws -> E? {
            let n = Int(try byte())
            guard n <= table.count else { throw Damaged() }
            return n == 0 ? nil : table[n - 1]
        }

        mutating func required<E>(_ table: [E]) throws -> E {
            guard let value = try enumeration(table) else { throw Damaged() }
            return value
        }
    }
}

/// One case at HEAD as the whole-repository commands see it first: its summary, the blob id
/// and the path of its file in the tree.
package struct CaseEntry {
    package let summary: CaseSummary
    let blob: OID
    let path: String
}

extension Workspace {
    /// Every case at `base`, in path order, as a summary: kept ones by blob id, the rest read and
    /// decoded (on all cores, a thousand at a time) and kept for the next command.
    /// - Throws: what decoding a case file throws (a file that cannot be read is never kept).
    package func caseSummaries() throws -> [CaseEntry] {
        let store = SummaryStore(repo: repo)
        let out = try store.entries(at: base)
        if ProcessInfo.processInfo.environment["CASEBOOK_SUMMARY_STATS"] == "1" {
            // For the tests: how many summaries were kept and how many files were read.
            FileHandle.standardError.write(Data("summaries: \(store.lastKept) kept, \(store.lastRead) read\n".utf8))
        }
        store.save(out)
        return out
    }

    /// The case files of `entries`, read from their blobs and decoded on all cores, in order.
    package func cases(_ entries: [CaseEntry]) throws -> [CaseFile] {
        try repo.decodedInChunks(entries.map { (path: $0.path, blob: $0.blob) }) { try RecordJSON.decode(CaseFile.self, from: $0, file: $1) }
    }

    /// The cases at `base` that still need work (`Status.isOpen`), in path order (from the live
    /// cache: `liveCases`).
    package func openCases() throws -> [CaseFile] {
        try cases(liveCases())
    }
}
