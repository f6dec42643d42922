import CaseModel
import Foundation
import GitStore
import Procedures

/// The case layout's part of a review (`CaseLayout`): every case file a change writes is where the
/// layout in force puts it, and the one change that may move case files is a layout migration —
/// by a manager (configuration), setting `layout` and nothing else in `records/casebook.json`,
/// moving case files unchanged to their places in the new layout, and (checked per commit) leaving
/// none behind.
extension Review {
    /// The layout the change sets, if it changes `layout` in `records/casebook.json`.
    func layoutSet(by deltas: [FileDelta]) -> CaseLayout? {
        guard let delta = deltas.first(where: { $0.path == Workspace.settingsPath }), let blob = delta.new,
              let next = try? RecordJSON.decode(Settings.self, from: ws.repo.blob(blob), file: delta.path),
              next.caseLayout != ws.settings.caseLayout else { return nil }
        return next.caseLayout
    }

    /// The refusals of a layout migration to `layout`, one line per refused path.
    func migrationRefusals(_ deltas: [FileDelta], to layout: CaseLayout) throws -> [String] {
        var lines: [String] = []
        var added: [String: OID] = [:]
        for delta in deltas where delta.old == nil { if let blob = delta.new { added[delta.path] = blob } }
        var arriving: Set<String> = []
        for delta in deltas {
            if delta.path == Workspace.settingsPath {
                if let reason = try check(delta) { lines.append("\(delta.path): \(reason)"); continue }
                guard let old = delta.old, let new = delta.new,
                      let before = try? RecordJSON.decode(Settings.self, from: ws.repo.blob(old), file: delta.path),
                      var after = try? RecordJSON.decode(Settings.self, from: ws.repo.blob(new), file: delta.path) else {
                    lines.append("\(delta.path): " + said("layoutMove", "settings"))
                    continue
                }
                after.layout = before.layout
                if after != before { lines.append("\(delta.path): " + said("layoutMove", "settings")) }
                continue
            }
            guard delta.path.hasPrefix("records/cases/"), delta.path.hasSuffix(".json") else {
                lines.append("\(delta.path): " + said("layoutMove", delta.path))
                continue
            }
            if delta.old != nil, delta.new != nil {
                lines.append("\(delta.path): " + said("layoutMove", delta.path))
            } else if let old = delta.old {
                // Moved out: its place in the new layout holds the same blob.
                guard let target = LayoutMove.destination(of: delta.path, in: layout), added[target] == old else {
                    lines.append("\(delta.path): " + said("layoutMove", delta.path))
                    continue
                }
                arriving.insert(target)
            }
        }
        for path in added.keys.sorted() where path.hasPrefix("records/cases/") && path.hasSuffix(".json") && !arriving.contains(path) {
            lines.append("\(path): " + said("layoutMove", path))
        }
        if let author, !author.ownsConfiguration, !lines.contains(where: { $0.hasPrefix(Workspace.settingsPath) }) {
            lines.append("\(Workspace.settingsPath): " + said("configOwner", author.email))
        }
        return lines
    }

    /// How many case files of `commit`'s tree are not in `layout` (a migration leaves none).
    func leftBehind(at commit: OID, layout: CaseLayout) throws -> Int {
        try ws.repo.files(under: "records/cases", at: commit).filter { $0.path.hasSuffix(".json") && CaseLayout.of(path: $0.path) != layout }.count
    }

    /// The version of the case file named as `path` in `parent`, in any layout (a merge may bring a
    /// migration from one side: the other side's file is at its old place).
    func caseBlob(named path: String, in parent: OID) throws -> OID? {
        if let blob = try ws.repo.blobID(at: path, in: parent) { return blob }
        for layout in CaseLayout.allCases {
            if let other = LayoutMove.destination(of: path, in: layout), other != path, let blob = try ws.repo.blobID(at: other, in: parent) {
                return blob
            }
        }
        return nil
    }
}

private func said(_ key: String, _ values: String...) -> String {
    DeskLanguage.strings.fill("check." + key, values)
}
