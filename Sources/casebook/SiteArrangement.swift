import CaseModel
import CasebookEngine
import Foundation
import GitStore

extension Casebook.Site {
    /// How a rebuild takes the cases: in the feeds' order (intake time, then id), each with its
    /// group, its entry in the last build's records, its plan, and the groups to make again.
    struct Arrangement {
        /// The cases whose page is on disk (nil: a page for each case of the last build's records).
        var pagesOnDisk: Set<String>?
        var ordered: [CaseEntry]
        var groupOf: [String]
        var was: [SiteRecords.Case?]
        var plans: [Plan]
        var dirty: Set<String>
        var gone: [String]
    }

    /// The arrangement of `entries` against the last build's records `old`, for render key `key`.
    func arrange(_ entries: [CaseEntry], old: SiteRecords, key: String, at: Timestamp, root: URL, _ ws: Workspace) -> Arrangement {
        let pagesOnDisk = old.pages(in: root)
        // The cases in the feeds' order (intake time, then id): each group passes in one piece.
        // Sorted as positions, then gathered: sorting the entries themselves moved 89,087 whole
        // summaries many times over (5 % of a rebuild at 100,000 cases).
        let sortKeys = entries.map { ($0.summary.receivedAt.unixSeconds, $0.summary.id.rawValue) }
        let ordered = sortKeys.indices.sorted { sortKeys[$0] < sortKeys[$1] }.map { entries[$0] }
        // Each case's group, named once per day (a name made for each of 89,087 cases was 1.7 % of a rebuild).
        var names: [Int64: String] = [:]
        let groupOf = ordered.map { entry in
            let t = entry.summary.receivedAt.unixSeconds
            let day = t >= 0 ? t / 86_400 : (t - 86_399) / 86_400
            if let name = names[day] { return name }
            let name = SiteRecords.group(of: entry.summary.receivedAt)
            names[day] = name
            return name
        }
        // Each case's entry in the last build's records, looked up once, by position.
        let was = old.key == key ? ordered.map { old.cases[$0.summary.id.rawValue] } : ordered.map { _ in nil }
        let plans = plan(ordered, was, old: old, key: key, at: at, pages: pagesOnDisk, ws)
        let (dirty, gone) = dirtyGroups(ordered, was, groupOf, plans, old: old, root: root)
        return Arrangement(pagesOnDisk: pagesOnDisk, ordered: ordered, groupOf: groupOf, was: was, plans: plans, dirty: dirty, gone: gone)
    }

    /// The groups to make again: those holding a case not settled, new, moved in from another
    /// group or gone since, and those whose parts of the feeds are not as the index names;
    /// and the cases of the last build that are gone. `was` holds each case's entry in the
    /// last build's records (nil: none, or records of another render key).
    func dirtyGroups(_ ordered: [CaseEntry], _ was: [SiteRecords.Case?], _ groupOf: [String], _ plans: [Plan], old: SiteRecords,
                     root: URL) -> (dirty: Set<String>, gone: [String]) {
        var dirty: Set<String> = []
        var gone: [String] = []
        for n in ordered.indices {
            let group = was[n]?.group
            if plans[n] != .settled || group != groupOf[n] {
                dirty.insert(groupOf[n])
                if let group { dirty.insert(group) }
            }
        }
        // Counting the entries found would miss a case gone beside a case file copied by hand
        // (two files, one id): the ids are looked for.
        let present = Set(ordered.map(\.summary.id.rawValue))
        for (id, record) in old.cases where !present.contains(id) {
            dirty.insert(record.group)
            gone.append(id)
        }
        for name in Set(groupOf) where !dirty.contains(name) && !old.partsHold(name, in: root) { dirty.insert(name) }
        return (dirty, gone)
    }

    /// How a build takes each case: `settled` when its blob, its commits and its
    /// clock-dependent facts are those the last build saw (and its page is there): nothing is
    /// read; `clock` when only the clock moved past what it saw (or the page is missing): the
    /// file is read and its page made again if it changed, the commits as kept; `fresh`
    /// otherwise: file, commits and signatures read.
    enum Plan: Equatable { case settled, clock, fresh }

    func plan(_ entries: [CaseEntry], _ was: [SiteRecords.Case?], old: SiteRecords, key: String, at: Timestamp, pages: Set<String>?,
              _ ws: Workspace) -> [Plan] {
        // The case files the commits since the last build touched (none when nothing was kept).
        guard old.key == key, let built = old.head.flatMap(OID.init(hex:)), let head = ws.base,
              let delta = try? HistoryIndex.changes(since: built, to: head, in: ws.repo) else { return entries.map { _ in .fresh } }
        let touched = Set(delta.touchedNames.map { $0.hasSuffix(".json") ? String($0.dropLast(5)) : $0 })
        return entries.indices.map { n in
            let id = entries[n].summary.id.rawValue
            guard let record = was[n], record.blob == entries[n].blobHex, touched.isEmpty || !touched.contains(id) else { return .fresh }
            return record.holds(at: at) && pages?.contains(id) ?? true ? .settled : .clock
        }
    }
}
