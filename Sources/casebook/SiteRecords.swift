import CaseModel
import CasebookEngine
import Foundation
import GitStore
import SiteBuilder

/// What the last `casebook site` kept in its output folder for the next build, under
/// `.casebook-records/`: an index (`index`) of the fingerprint of every file it wrote but the
/// case pages, the commit it was built at, and for each case its blob id, its clock and what
/// the later pages count of it (in one section per group, copied as it is for a group taken
/// whole); and, per day of intake (a *group*, by UTC day, so that the
/// groups follow the feeds' order), the group's case records (`YYYY-MM-DD.cases`: each event's
/// commit, the page's fingerprint, the feed rows) and its part of the two feeds
/// (`YYYY-MM-DD.csv`, `YYYY-MM-DD.json`: the group's lines of `cases.csv` and entries of
/// `cases.json`, as the files hold them). A day, not a month: a step on one case makes its
/// group again, and a month's group at 100,000 cases (8,000 cases, 11 MB of records) took half
/// of such a rebuild.
///
/// A rebuild reads the index, then only the groups in which a case is new, changed, gone or
/// must be looked at again for the clock; the feeds are put together from the groups' parts.
/// Everything here is a cache: framed and checksummed like those under `.git/casebook`
/// (`CacheFile`; each part's length and checksum are in the index). A missing, damaged or foreign
/// index (another build of casebook, another render key) makes a build that reads every case;
/// a damaged group makes its cases read again; a damaged part, its group made again.
struct SiteRecords {
    static let folder = ".casebook-records"
    static let format = "casebook-site 6"
    static let stampsFormat = "casebook-site-stamps 1"
    static let groupFormat = "casebook-site-group 2"
    static let reportsFormat = "casebook-site-reports 1"
    static let reviewsFormat = "casebook-site-reviews 1"
    /// The records of earlier builds: one file (`casebook-site 3`), and before it a JSON list.
    static let singleFile = ".casebook-site"
    static let oldName = ".casebook-site.json"

    /// A digest of `Dashboard.renderKey`: what every page depends on besides its own records.
    var key = ""
    /// The commit the site was built from.
    var head: String?
    /// Every file written but the case pages: its path and the digest of its bytes (for the two
    /// feeds, of their frame and their parts).
    var files: [String: String] = [:]
    /// The folder of case pages as the build left it, a page for each case of `cases` and no
    /// other (nil: not known; the folder is listed). The stamps (this one and the parts') are
    /// kept in their own file, `stamps`, beside the index: they name this folder's files
    /// (inodes, times), and the index stays the same bytes for the same site wherever it is built.
    /// Each is taken only for what the index says: the pages' for the index's commit, a part's
    /// for the part's length and checksum, so stamps left by another build are never believed.
    var pages: FileStamp?
    /// Each case's entry, by case id.
    var cases: [String: Case] = [:]
    /// Each group's parts of the feeds, by group name.
    var groups: [String: Group] = [:]
    /// Each group's cases' entries as the index holds them (`section`): a group taken whole
    /// from the last build is written back as it was read, not encoded again (89,087 entries
    /// sorted and encoded at every build were an eighth of a rebuild at 100,000 cases).
    var sections: [String: Data] = [:]

    /// One case as the last build saw it.
    struct Case {
        /// The blob id (hex) of its file.
        var blob: String
        /// The build's clock, and the last moment its clock-dependent facts hold (nil: always).
        var builtAt: Int64
        var until: Int64?
        /// The group it is kept in.
        var group: String
        /// What the pages after the case pages count of it (`CaseRows` without the feed lines).
        var unsignedSteps: [CaseRows.UnsignedStep]
        var complaintAgainstStaff: Bool
        var correctiveAction: Bool

        /// Whether what the site shows of the case is still this at `now`.
        func holds(at now: Timestamp) -> Bool {
            let t = now.unixSeconds
            return t >= builtAt && until.map { t <= $0 } ?? true
        }

        /// Whether the later pages need the case's file in full.
        var needsFile: Bool { complaintAgainstStaff || correctiveAction }

        /// The case's rows without the feed lines (kept in the group).
        func rows(id: String, receivedAt: Timestamp) -> CaseRows {
            CaseRows(receivedAt: receivedAt, id: id, csv: Data(), json: Data(), unsignedSteps: unsignedSteps,
                     complaintAgainstStaff: complaintAgainstStaff, correctiveAction: correctiveAction)
        }
    }

    /// A group's two parts of the feeds, by length and checksum, and how many cases it holds.
    struct Group: Equatable {
        var count: Int
        var csv: Part
        var json: Part
    }

    struct Part: Equatable {
        var length: Int
        var checksum: UInt64
        /// The file's stamp as written (nil: not known): while it holds, the file is not read
        /// to be checked (the parts of 1,098 groups, 85 MB at 100,000 cases, were read and
        /// checksummed at every rebuild).
        var stamp: FileStamp?

        init(length: Int, checksum: UInt64, stamp: FileStamp? = nil) {
            self.length = length
            self.checksum = checksum
            self.stamp = stamp
        }

        init(_ data: Data, stamp: FileStamp? = nil) { self.init(length: data.count, checksum: CacheFile.checksum(data), stamp: stamp) }

        /// Whether `data` is the part's bytes.
        func isBytes(of data: Data) -> Bool { data.count == length && CacheFile.checksum(data) == checksum }
    }

    /// One case's record in its group.
    struct Detail {
        /// The page's fingerprint (`SiteCache.digest` of render key, blob and page facts).
        var fingerprint: String
        /// The commit of each of its events, as the page shows it (signatures judged).
        var provenance: [EventProvenance]
        /// Its line of `cases.csv` and entry of `cases.json`, as the files hold them.
        var csv: Data
        var json: Data
    }

    /// The group of a case received at `t`: its UTC day, `YYYY-MM-DD` (the groups' names sort as
    /// their cases do in the feeds).
    static func group(of t: Timestamp) -> String {
        Timestamp.day(unixSeconds: t.unixSeconds, offsetSeconds: 0)
    }

    // MARK: - Files

    static func url(_ root: URL, _ name: String) -> URL {
        root.appendingPathComponent(folder).appendingPathComponent(name)
    }

    /// `url` as a path, made as text (Foundation's URL for each of 2,196 parts was 0.4 % of a rebuild).
    static func path(_ root: URL, _ name: String) -> String {
        let base = root.path
        return base + (base.hasSuffix("/") ? "" : "/") + folder + "/" + name
    }

    /// What `read` makes of the records file `name` in `root` when it is whole and of `format`
    /// as this build writes it; nil when it is missing, damaged or not.
    static func open<T>(_ name: String, format: String, in root: URL, _ read: (inout SummaryCache.Reader) throws -> T) -> T? {
        // Mapped: the records are only ever replaced by a rename (`seal`), never cut in place.
        guard let data = try? Data(contentsOf: url(root, name), options: .alwaysMapped) else { return nil }
        return CacheFile.open(data, format: format) { body in
            var r = SummaryCache.Reader(bytes: body)
            return try? read(&r)
        }
    }

    /// Writes the records file `name` in `root` as `write` fills it, framed as `format`, atomically.
    static func seal(_ name: String, format: String, in root: URL, _ write: (inout SummaryCache.Writer) -> Void) throws {
        var w = SummaryCache.Writer()
        write(&w)
        try AtomicFile.write(CacheFile.seal(w.bytes, format: format), to: url(root, name).path, durable: false)
    }

    /// The index in `root`, with the stamps that still name its files; empty when there is
    /// none this build can use.
    static func load(from root: URL) -> SiteRecords {
        guard var r = open("index", format: format, in: root, { try $0.siteRecords() }) else { return SiteRecords() }
        open("stamps", format: stampsFormat, in: root) { try $0.siteStamps(into: &r) }
        return r
    }

    /// The entries of the cases `ids` of one group, as the index holds them (sorted by id).
    func section(_ ids: [String]) -> Data {
        var w = SummaryCache.Writer()
        let present = ids.filter { cases[$0] != nil }.sorted()
        w.u32(UInt32(present.count))
        for id in present { w.siteCase(id, cases[id]!) }
        return Data(w.bytes)
    }

    /// Each group's section, in the groups' order (the number of its cases, then their entries):
    /// as kept, or made from the cases' entries for a group that has none.
    func sectionsInOrder() -> [Data] {
        var members: [String: [String]] = [:]
        if groups.keys.contains(where: { sections[$0] == nil }) {
            for (id, c) in cases { members[c.group, default: []].append(id) }
        }
        return groups.keys.sorted().map { sections[$0] ?? section(members[$0] ?? []) }
    }

    /// Writes the index into `root`, atomically (the groups are written before it).
    func save(in root: URL) throws {
        // The groups' sections are written as they are (most of them as read, from the mapped
        // index): joined into one buffer first, then copied again to seal it, the 7.8 MB index of
        // 89,087 cases was a twelfth of a rebuild.
        var head = SummaryCache.Writer()
        head.siteRecordsHead(self)
        var pieces = [Data(head.bytes)]
        for section in sectionsInOrder() {
            // Each section after its length in bytes.
            var length = SummaryCache.Writer()
            length.u32(UInt32(section.count))
            pieces += [Data(length.bytes), section]
        }
        try CacheFile.write(pieces, format: SiteRecords.format, to: SiteRecords.url(root, "index").path)
        try SiteRecords.seal("stamps", format: SiteRecords.stampsFormat, in: root) { $0.siteStamps(self) }
    }

    /// The case records of group `name` whose parts are `parts` (the index's entry for it), each
    /// case's feed rows cut from the part files; nil when any of the three is missing, damaged or
    /// not what the index names.
    static func loadGroup(_ name: String, parts: Group?, from root: URL) -> [String: Detail]? {
        guard let parts,
              let csv = try? Data(contentsOf: url(root, name + ".csv"), options: .alwaysMapped), parts.csv.isBytes(of: csv),
              let json = try? Data(contentsOf: url(root, name + ".json"), options: .alwaysMapped), parts.json.isBytes(of: json) else { return nil }
        return open(name + ".cases", format: groupFormat, in: root) { try $0.siteGroup(csv: csv, json: json) }
    }

    /// Writes group `name`: its case records (in feed order) and its two parts of the feeds.
    /// - Returns: the group's entry for the index.
    static func saveGroup(_ name: String, _ details: [(id: String, detail: Detail)], in root: URL) throws -> Group {
        var csv = Data(), json = Data()
        for (n, d) in details.enumerated() {
            csv.append(d.detail.csv)
            if n > 0 { json.append(Dashboard.casesJSONSeparator) }
            json.append(d.detail.json)
        }
        let csvPath = path(root, name + ".csv"), jsonPath = path(root, name + ".json")
        try AtomicFile.write(csv, to: csvPath, durable: false)
        try AtomicFile.write(json, to: jsonPath, durable: false)
        try seal(name + ".cases", format: groupFormat, in: root) { $0.siteGroup(details) }
        return Group(count: details.count, csv: Part(csv, stamp: FileStamp.settle(csvPath)), json: Part(json, stamp: FileStamp.settle(jsonPath)))
    }

    /// The monthly report pages the last build made (`reports`), by path; empty when missing or
    /// damaged (every page is then made again).
    static func loadReports(from root: URL) -> [String: KeptPage] {
        open("reports", format: reportsFormat, in: root) { try $0.keptPages() } ?? [:]
    }

    /// Writes the report pages made or taken by this build, atomically.
    static func saveReports(_ pages: [String: KeptPage], in root: URL) throws {
        try seal("reports", format: reportsFormat, in: root) { $0.keptPages(pages) }
    }

    /// What the pages read of a review sign-off (`records/reviews/`): its kind and first day.
    struct Review: Equatable, Decodable {
        var kind: ReviewKind
        var from: String
    }

    /// The review sign-offs the last build read (`reviews`), by blob id; empty when missing or damaged.
    static func loadReviews(from root: URL) -> [String: Review] {
        open("reviews", format: reviewsFormat, in: root) { try $0.siteReviews() } ?? [:]
    }

    /// Writes the review sign-offs this build read, atomically.
    static func saveReviews(_ reviews: [String: Review], in root: URL) throws {
        try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        try seal("reviews", format: reviewsFormat, in: root) { $0.siteReviews(reviews) }
    }

    /// Whether the group's parts in `root` are those the index names.
    func partsHold(_ name: String, in root: URL) -> Bool {
        guard let group = groups[name] else { return false }
        return [(".csv", group.csv), (".json", group.json)].allSatisfy { suffix, part in
            let path = SiteRecords.path(root, name + suffix)
            if let stamp = part.stamp, stamp.holds(at: path) { return true }
            guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else { return false }
            return part.isBytes(of: data)
        }
    }

    /// The groups whose files are in `root` (one listing of the records' folder).
    static func groupsOnDisk(in root: URL) -> Set<String> {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
        return Set(names.compactMap { name in
            [".cases", ".csv", ".json"].first { name.hasSuffix($0) }.map { String(name.dropLast($0.count)) }
        })
    }

    /// Removes group `name`'s files.
    static func removeGroup(_ name: String, in root: URL) {
        for suffix in [".cases", ".csv", ".json"] { try? FileManager.default.removeItem(at: url(root, name + suffix)) }
    }

    /// The ids of the cases whose page is in `root` (one listing of `cases/`); nil when the
    /// folder's names are those the last build left (`pages`): a page for each case of its
    /// records and no other. The listing of 89,087 pages was a twentieth of a rebuild.
    func pages(in root: URL) -> Set<String>? {
        let folder = root.appendingPathComponent("cases").path
        if let pages, pages.holds(at: folder) { return nil }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return Set(names.lazy.filter { $0.hasSuffix(".html") }.map { String($0.dropLast(5)) })
    }

    /// The files the single-file records of an earlier build (`casebook-site 3`) name, read from
    /// the start of that file (its list comes before the cases).
    static func singleFileList(in root: URL) -> [String] {
        guard let data = try? Data(contentsOf: root.appendingPathComponent(singleFile)) else { return [] }
        return CacheFile.open(data, format: "casebook-site 3") { body -> [String]? in
            var r = SummaryCache.Reader(bytes: body)
            do {
                _ = try r.string()
                _ = try r.optional()
                let count = Int(try r.u32())
                guard count <= body.count else { return nil }
                return try (0..<count).map { _ in
                    let path = try r.string()
                    _ = try r.string()
                    return path
                }
            } catch {
                return nil
            }
        } ?? []
    }
}
