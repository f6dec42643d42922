import CaseModel
import Foundation
import GitStore
import Procedures

/// The moves of a layout migration: every case file from where it is to where it belongs in the
/// new layout, by the date in its id (the same place its intake date gives: the hooks refuse a case
/// file whose id and intake disagree).
package enum LayoutMove {
    package struct Move: Equatable {
        package let from: String
        package let to: String
        package let blob: OID
    }

    /// Every case file at the workspace's base that is not yet where `layout` puts it.
    package static func plan(in ws: Workspace, to layout: CaseLayout) throws -> [Move] {
        try ws.repo.files(under: "records/cases", at: ws.base).compactMap { entry -> Move? in
            guard entry.path.hasSuffix(".json"), let target = destination(of: entry.path, in: layout) else { return nil }
            return target == entry.path ? nil : Move(from: entry.path, to: target, blob: entry.blob)
        }
    }

    /// Where the case file at `path` belongs in `layout`, by the date in its id; nil when the name
    /// holds no date (such a file is refused by the hooks anyway).
    package static func destination(of path: String, in layout: CaseLayout) -> String? {
        let name = CaseLayout.name(of: path)
        guard name.hasSuffix(".json") else { return nil }
        let id = CaseID(rawValue: String(name.dropLast(5)))
        guard let day = id.intakeDay else { return nil }
        return layout.path(of: id, day: day)
    }
}
