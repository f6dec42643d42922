import Foundation

extension HistoryIndex {
    /// The commits reachable from `head` and not from `base`, and the files each changed under
    /// `prefix` (walked like the kept index's new commits, without reading the kept index): what
    /// changed since a build made at `base`. nil when `base` is not in `head`'s history (a
    /// history rewritten under it: the caller reads the whole index instead).
    public static func changes(since base: OID, to head: OID, in repo: Repository,
                               prefix: String = "records/cases/") throws(GitError) -> HistoryIndex? {
        guard try repo.isAncestor(base, of: head) else { return nil }
        var delta = HistoryIndex(prefix: prefix)
        delta.tip = base
        if base != head { try delta.extend(in: repo, to: head) }
        return delta
    }

    /// The names (last path components) of the files the commits held here changed.
    public var touchedNames: Set<String> { Set(byPath.keys) }
}
