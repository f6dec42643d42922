import CaseModel

/// Two desks that each appended events to the same case: the union of both event lists in a
/// stable order, with the state recomputed, refused if the union is not a valid history.
public enum CaseMerge {
    /// The merged case. Events both sides hold (the shared history, or the same step recorded
    /// on both, like a sweep run on two desks) appear once; the others follow the shared history
    /// in time order, ours before theirs at equal times, each side keeping its own order.
    /// - Throws: `Refusal` when the two are different cases, or the union breaks a rule.
    public static func union(ours: CaseFile, theirs: CaseFile, staff: StaffRegistry, profile: Profile,
                             calendar: BusinessCalendar) throws(Refusal) -> CaseFile {
        guard ours.id == theirs.id else {
            throw Refusal(rule: "merge", clause: "DESIGN: case file", "cannot merge \(ours.id.rawValue) with \(theirs.id.rawValue)",
                          template: .init(.mergeCases, [.text(ours.id.rawValue), .text(theirs.id.rawValue)]))
        }
        let merged = events(ours.events, theirs.events)
        if merged == ours.events { return ours }
        let file: CaseFile
        do {
            file = try CaseFile(id: ours.id, events: merged)
        } catch {
            throw Refusal(rule: "merge", clause: "DESIGN: case file", "the merged events do not fold: \(error)",
                          template: .init(.mergeFold, [.refusal(.fold(error))]))
        }
        do {
            try CaseChange.validate(old: nil, new: file, path: file.path(in: .day), staff: staff, profile: profile, calendar: calendar)
        } catch {
            throw Refusal(rule: error.rule, clause: error.clause, "the two desks' events do not make one valid history: \(error.message)",
                          template: .init(.mergeHistory, [.refusal(error)]))
        }
        return file
    }

    /// The event lists' union: shared prefix, then both sides' remaining events merged by time.
    public static func events(_ a: [Event], _ b: [Event]) -> [Event] { union(a, b, at: \.at) }

    /// Two append-only lists' union: the shared prefix, then both sides' remaining items (those
    /// both hold once) merged by `at`, ours first at equal times, each side keeping its order.
    public static func union<T: Equatable>(_ a: [T], _ b: [T], at: (T) -> Timestamp) -> [T] {
        var shared = 0
        while shared < a.count, shared < b.count, a[shared] == b[shared] { shared += 1 }
        let mine = Array(a[shared...])
        var theirs = Array(b[shared...])
        theirs.removeAll { mine.contains($0) }
        var out = Array(a[..<shared])
        var i = 0, j = 0
        while i < mine.count || j < theirs.count {
            if j == theirs.count || (i < mine.count && at(mine[i]) <= at(theirs[j])) {
                out.append(mine[i])
                i += 1
            } else {
                out.append(theirs[j])
                j += 1
            }
        }
        return out
    }
}
