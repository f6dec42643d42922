import Clibgit2
import Foundation

/// Which commits changed which files under one folder, from one walk over the history reachable
/// from HEAD. It is kept in `<git dir>/casebook/history` and extended by a walk over the new
/// commits only, so `casebook log` and the dashboard's timelines never walk the history once per
/// case. A file that is missing, unreadable or from a history that was rewritten is rebuilt.
/// Files are known by their name (the last component of the path), so a file moved to another
/// folder — a case layout migration moves every case file — keeps its history: case file names
/// (`<id>.json`) are unique under `records/cases/`.
public struct HistoryIndex: Sendable {
    /// One commit as the index keeps it: enough for a timeline line without opening the commit.
    public struct Commit: Equatable, Sendable {
        public let id: OID
        public let author: Person
        public let isSigned: Bool
        /// The `Action:` trailer casebook writes (nil for hand-made commits and merges).
        public let action: String?
        public let parentCount: Int
        public var isMerge: Bool { parentCount > 1 }
    }

    static let format = "casebook-history 2"

    /// The folder indexed, with its trailing slash (`records/cases/`).
    public let prefix: String
    /// The newest commit indexed (HEAD when it was last brought up to date).
    public private(set) var tip: OID?
    /// Every commit reachable from `tip`, parents before children.
    public private(set) var commits: [Commit] = []
    private var byPath: [String: [Int]] = [:]

    /// The commits that changed a file named as `path`'s last component, wherever it was,
    /// against their first parent, oldest first (merges included: they bring the other side's
    /// changes onto the first parent's line).
    public func commits(touching path: String) -> [Commit] {
        (byPath[HistoryIndex.name(path)] ?? []).map { commits[$0] }
    }

    /// The name a file is indexed by: its path's last component.
    static func name(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// The index for `repo`'s HEAD: read from its file, extended by the commits since, and
    /// written back when anything was added (best effort: a read-only repository still gets
    /// the right answer, just without keeping it).
    public static func current(in repo: Repository, prefix: String = "records/cases/") throws(GitError) -> HistoryIndex {
        let file = repo.gitDirectory + (repo.gitDirectory.hasSuffix("/") ? "" : "/") + "casebook/history"
        var index = (try? Data(contentsOf: URL(fileURLWithPath: file))).flatMap { HistoryIndex(data: $0, prefix: prefix) }
            ?? HistoryIndex(prefix: prefix)
        guard let head = try repo.head() else { return HistoryIndex(prefix: prefix) }
        if index.tip == head { return index }
        if let tip = index.tip, !(try repo.isAncestor(tip, of: head)) { index = HistoryIndex(prefix: prefix) }
        try index.extend(in: repo, to: head)
        try? FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try? AtomicFile.write(index.serialized(), to: file)
        return index
    }

    init(prefix: String) {
        self.prefix = prefix
    }

    /// Adds the commits reachable from `head` and not from `tip`, oldest first.
    mutating func extend(in repo: Repository, to head: OID) throws(GitError) {
        for id in try repo.commits(from: tip, to: head) {
            let parents = try repo.parents(of: id)
            let info = try repo.commit(id)
            let position = commits.count
            commits.append(Commit(id: id, author: info.author, isSigned: info.isSigned, action: info.trailer("Action"),
                                  parentCount: parents.count))
            for delta in try repo.changes(from: parents.first, to: id, under: prefix) {
                let name = HistoryIndex.name(delta.path)
                if byPath[name]?.last != position { byPath[name, default: []].append(position) }
            }
        }
        tip = head
    }

    // MARK: - The file

    /// One header line, the tip, one line per commit (`c id parents signed time offset
    /// email<TAB>name<TAB>action`) and one per file name (`p name<TAB>positions`).
    func serialized() -> Data {
        var out = "\(HistoryIndex.format)\nprefix \(prefix)\ntip \(tip?.hex ?? "-")\n"
        func clean(_ s: String) -> String { s.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }
        for c in commits {
            out += "c \(c.id.hex) \(c.parentCount) \(c.isSigned ? 1 : 0) \(c.author.time) \(c.author.offsetMinutes) "
            out += "\(clean(c.author.email))\t\(clean(c.author.name))\t\(clean(c.action ?? ""))\n"
        }
        for path in byPath.keys.sorted() {
            out += "p \(clean(path))\t\(byPath[path]!.map(String.init).joined(separator: " "))\n"
        }
        return Data(out.utf8)
    }

    /// One `c …` line of the file.
    static func commit(_ line: Substring) -> Commit? {
        guard line.hasPrefix("c ") else { return nil }
        let fields = line.dropFirst(2).split(separator: " ", maxSplits: 5, omittingEmptySubsequences: false)
        guard fields.count == 6, let id = OID(hex: String(fields[0])), let parents = Int(fields[1]),
              let time = Int64(fields[3]), let offset = Int32(fields[4]) else { return nil }
        let rest = fields[5].split(separator: "\t", omittingEmptySubsequences: false)
        guard rest.count == 3 else { return nil }
        return Commit(id: id, author: Person(name: String(rest[1]), email: String(rest[0]), time: time, offsetMinutes: offset),
                      isSigned: fields[2] == "1", action: rest[2].isEmpty ? nil : String(rest[2]), parentCount: parents)
    }

    /// The commits that changed `path`, oldest first, as `current(in:).commits(touching:)` gives
    /// them; when the kept file is up to date with HEAD only that path's line and its commits'
    /// lines are parsed, so one case's history costs a scan of the file, not a parse of it.
    public static func commits(touching path: String, in repo: Repository, prefix: String = "records/cases/") throws(GitError) -> [Commit] {
        let file = repo.gitDirectory + (repo.gitDirectory.hasSuffix("/") ? "" : "/") + "casebook/history"
        if let head = try repo.head(), let data = try? Data(contentsOf: URL(fileURLWithPath: file)),
           let found = lookup(path, in: [UInt8](data), prefix: prefix, tip: head) {
            return found
        }
        return try current(in: repo, prefix: prefix).commits(touching: path)
    }

    /// `path`'s commits from the file's bytes if the file is this format, for `prefix`, with
    /// `tip`; nil otherwise (the caller reads the whole index, which brings it up to date).
    static func lookup(_ path: String, in bytes: [UInt8], prefix: String, tip: OID) -> [Commit]? {
        var starts: [Int] = [0]
        for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
        func line(_ n: Int) -> Substring? {
            guard n + 1 < starts.count else { return nil }
            return Substring(decoding: bytes[starts[n]..<max(starts[n], starts[n + 1] - 1)], as: UTF8.self)
        }
        guard line(0) == Substring(format), line(1) == Substring("prefix \(prefix)"), line(2) == Substring("tip \(tip.hex)") else { return nil }
        let wanted = Array("p \(name(path))\t".utf8)
        var n = 3
        while n + 1 < starts.count, bytes.count > starts[n], bytes[starts[n]] == UInt8(ascii: "c") { n += 1 }
        let firstCommit = 3, commitCount = n - 3
        while n + 1 < starts.count {
            let start = starts[n], end = starts[n + 1] - 1
            if end - start >= wanted.count, bytes[start..<start + wanted.count].elementsEqual(wanted) {
                var out: [Commit] = []
                for field in Substring(decoding: bytes[(start + wanted.count)..<end], as: UTF8.self).split(separator: " ") {
                    guard let k = Int(field), k >= 0, k < commitCount, let text = line(firstCommit + k), let c = commit(text) else { return nil }
                    out.append(c)
                }
                return out
            }
            n += 1
        }
        return []
    }

    /// Parses `serialized()`; nil for anything else (which makes the caller rebuild).
    init?(data: Data, prefix: String) {
        let text = String(decoding: data, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard lines.popFirst() == Substring(HistoryIndex.format), lines.popFirst() == Substring("prefix \(prefix)"),
              let tipLine = lines.popFirst(), tipLine.hasPrefix("tip ") else { return nil }
        self.prefix = prefix
        tip = OID(hex: String(tipLine.dropFirst(4)))
        for line in lines where !line.isEmpty {
            if line.hasPrefix("c ") {
                guard let commit = HistoryIndex.commit(line) else { return nil }
                commits.append(commit)
            } else if line.hasPrefix("p ") {
                let parts = line.dropFirst(2).split(separator: "\t", omittingEmptySubsequences: false)
                guard parts.count == 2 else { return nil }
                var positions: [Int] = []
                for field in parts[1].split(separator: " ") {
                    guard let n = Int(field), n >= 0, n < commits.count else { return nil }
                    positions.append(n)
                }
                byPath[String(parts[0])] = positions
            } else {
                return nil
            }
        }
        if tip == nil, !commits.isEmpty { return nil }
    }
}

extension Repository {
    /// Whether `ancestor` is `commit` or one of its ancestors.
    public func isAncestor(_ ancestor: OID, of commit: OID) throws(GitError) -> Bool {
        if ancestor == commit { return true }
        var a = ancestor.raw, c = commit.raw
        let rc = git_graph_descendant_of(pointer, &c, &a)
        if rc < 0 { try check(rc, "git_graph_descendant_of") }
        return rc == 1
    }
}
