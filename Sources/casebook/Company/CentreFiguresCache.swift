import CaseModel
import CasebookEngine
import Foundation
import GitStore
import Procedures
import SiteBuilder

/// What the company dashboard takes from one centre (`CentreReader.figures`), as plain values
/// that can be kept: the league's month and year, the trend, and the centre's overdue deadlines,
/// major reports and missing reviews and archives.
struct CentreRead: Codable, Equatable {
    struct Point: Codable, Equatable {
        var month: String
        var rate: Double?
    }

    var commit: String
    var month: MonthReport?
    var year: MonthReport?
    var overdueNow: Int
    var unsatisfiedMonth: Int
    var unsatisfiedYear: Int
    var trend: [Point]
    var overdue: [OverdueDeadline]
    var majors: [MajorReport]
    var missing: [MissingOversight]

    /// The centre's figures under the name and site head office's list gives it now.
    func figures(for centre: Centre) -> CentreFigures {
        var f = CentreFigures(code: centre.code, name: centre.name, site: centre.site)
        f.commit = commit
        f.month = month
        f.year = year
        f.overdueNow = overdueNow
        f.unsatisfiedMonth = unsatisfiedMonth
        f.unsatisfiedYear = unsatisfiedYear
        f.trend = trend.map { (month: $0.month, rate: $0.rate) }
        return f
    }
}

extension CentreReader {
    /// Everything the company dashboard shows of this centre at `now` for `month`, and the moment
    /// until which (exclusive) the same figures hold: the first time after `now` at which one of
    /// them could change without a new commit (see `validUntil`).
    func read(month: String, at now: Timestamp) throws -> (read: CentreRead, validUntil: Timestamp) {
        let r = try figures(month: month, at: now)
        let f = r.figures
        let read = CentreRead(commit: commit.hex, month: f.month, year: f.year, overdueNow: f.overdueNow, unsatisfiedMonth: f.unsatisfiedMonth,
                              unsatisfiedYear: f.unsatisfiedYear, trend: f.trend.map { CentreRead.Point(month: $0.month, rate: $0.rate) },
                              overdue: r.overdue, majors: r.majors, missing: r.missing)
        return (read, try validUntil(after: now))
    }

    /// The earliest moment after `now` at which a figure of `figures(month:at:)` could differ at
    /// the same commit. The figures depend on the time only by comparing it with: a deadline's due
    /// time (on time, overdue, a major report's standing), the due time of a review period and the
    /// days before now the reviews look back over (the local day), and an unarchived month's due
    /// time and the 62 days it is listed for. Any of those still ahead bounds the figures; so does
    /// the next local midnight. Every deadline is taken, met or not: more bounds, never a wrong hit.
    func validUntil(after now: Timestamp) throws -> Timestamp {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = ws.zone
        let midnight = calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: now.date)) ?? now.date.addingTimeInterval(3600)
        var bound = Timestamp(date: midnight, in: ws.zone)
        func consider(_ t: Timestamp) {
            // At `now` itself a strict comparison has not flipped yet; one second later it has.
            let limit = t == now ? now.adding(seconds: 1) : t
            if t >= now, limit < bound { bound = limit }
        }
        let summaries = try ws.caseSummaries()
        for entry in summaries {
            for d in entry.summary.deadlines { consider(d.due) }
        }
        for kind in ReviewKind.allCases {
            for back in 0...36 {
                let day = Timestamp(date: now.adding(seconds: -back * 86_400).date, in: ws.zone).localDay
                if let p = Reviews.period(kind, containing: day, in: ws.zone), let due = Reviews.due(kind, to: p.to, in: ws.zone) { consider(due) }
            }
        }
        for month in Set(summaries.map { String($0.summary.receivedAt.localDay.prefix(7)) }) {
            guard let start = Timestamp.parse(month + "-01", defaultZone: ws.zone) else { continue }
            let due = start.addingMonths(1).adding(seconds: 9 * 86_400)
            consider(due)
            consider(due.adding(seconds: 62 * 86_400))
        }
        return bound
    }
}

/// Each centre's `CentreRead`, kept under the company's git directory
/// (`.git/casebook/company-figures/CODE.MONTH`), so that a company site after one centre changed
/// reads only that centre. It is a cache, never a source of truth, with `SummaryCache`'s
/// discipline: the header names the format and this build of casebook (the figures depend on the
/// rules compiled in), a checksum covers the rest, writes are atomic, and a file that is missing,
/// damaged, of another build, of another commit or month, or computed for a moment whose figures
/// may differ from now's (outside `computedAt ..< validUntil`) is ignored and written again.
enum CentreFiguresCache {
    static let format = "casebook-company-figures 1"

    struct Entry: Codable {
        var centre: String
        var commit: String
        var month: String
        var computedAt: Timestamp
        var validUntil: Timestamp
        var read: CentreRead
    }

    static func path(_ company: CompanyWorkspace, centre: String, month: String) -> String {
        let dir = company.repo.gitDirectory + (company.repo.gitDirectory.hasSuffix("/") ? "" : "/")
        return dir + "casebook/company-figures/\(centre).\(month)"
    }

    /// The kept read of `centre` at `commit` for `month`, if it holds at `now`.
    static func load(_ path: String, centre: String, commit: String, month: String, at now: Timestamp) -> CentreRead? {
        guard let data = FileManager.default.contents(atPath: path), let entry = decode(data) else { return nil }
        guard entry.centre == centre, entry.commit == commit, entry.read.commit == commit, entry.month == month,
              entry.computedAt <= now, now < entry.validUntil else { return nil }
        var read = entry.read
        // A report names the moment it was computed for.
        read.month?.at = now
        read.year?.at = now
        return read
    }

    /// Writes `entry` to `path`, atomically; best effort (a read-only repository goes without).
    static func save(_ entry: Entry, to path: String) {
        guard let data = try? encode(entry) else { return }
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try? AtomicFile.write(data, to: path, durable: false)
    }

    /// The header, the checksum of the body (8 bytes), the body (the entry as JSON).
    static func encode(_ entry: Entry) throws -> Data {
        CacheFile.seal(Array(try RecordJSON.encode(entry)), format: format)
    }

    /// The entry of a file `encode` wrote with this build; nil for anything else.
    static func decode(_ data: Data) -> Entry? {
        CacheFile.open(data, format: format) { try? JSONDecoder().decode(Entry.self, from: Data(buffer: $0)) }
    }

    /// Each of `centres`' reads in order (nil for a centre never accepted), from the kept files
    /// where they hold, the others read from their mirrors a few at a time, side by side.
    static func reads(_ centres: [Centre], in company: CompanyWorkspace, month: String, at now: Timestamp) throws -> [CentreRead?] {
        var out = [CentreRead?](repeating: nil, count: centres.count)
        var todo: [Int] = []
        var kept = 0
        for (n, centre) in centres.enumerated() {
            guard let commit = company.collection?[centre.code]?.commit else { continue }
            if let read = load(path(company, centre: centre.code, month: month), centre: centre.code, commit: commit, month: month, at: now) {
                out[n] = read
                kept += 1
            } else {
                todo.append(n)
            }
        }
        // Each centre read holds its cases in memory: a bounded number at once.
        let width = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4))
        for start in stride(from: 0, to: todo.count, by: width) {
            let chunk = Array(todo[start..<min(start + width, todo.count)])
            let results = chunk.concurrentMap { n -> (CentreRead, Timestamp)? in
                guard let reader = try CentreReader(centres[n], in: company) else { return nil }
                return try reader.read(month: month, at: now)
            }
            for (n, result) in zip(chunk, results) {
                guard let (read, until) = try result.get() else { continue }
                out[n] = read
                save(Entry(centre: centres[n].code, commit: read.commit, month: month, computedAt: now, validUntil: until, read: read),
                     to: path(company, centre: centres[n].code, month: month))
            }
        }
        if ProcessInfo.processInfo.environment["CASEBOOK_SUMMARY_STATS"] == "1" {
            // For the tests: which centres were read from their mirrors.
            let read = todo.map { centres[$0].code }.joined(separator: " ")
            FileHandle.standardError.write(Data("company figures: \(kept) kept, \(todo.count) read\(read.isEmpty ? "" : ": " + read)\n".utf8))
        }
        return out
    }
}
