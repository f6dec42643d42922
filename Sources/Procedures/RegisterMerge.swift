import CaseModel

/// Two desks that each recorded visits (or reveals) on the same register entry: the union of both
/// lists in time order, refused unless the entries are otherwise the same and the union is valid.
public enum RegisterMerge {
    /// - Throws: `Refusal` when the two are different entries or the union breaks a rule.
    public static func union(ours: RegisterEntry, theirs: RegisterEntry, staff: StaffRegistry, profile: Profile) throws(Refusal) -> RegisterEntry {
        var a = ours, b = theirs
        a.visits = []
        a.reveals = nil
        b.visits = []
        b.reveals = nil
        guard a == b else {
            throw Refusal(rule: "merge", clause: "DESIGN: records are append-only", "cannot merge two different versions of \(ours.id): only visits and reveal records may differ",
                          template: .init(.mergeRegisterEntry, [.text(ours.id)]))
        }
        var merged = ours
        merged.visits = CaseMerge.union(ours.visits, theirs.visits, at: \.at)
        let reveals = CaseMerge.union(ours.reveals ?? [], theirs.reveals ?? [], at: \.at)
        merged.reveals = reveals.isEmpty ? nil : reveals
        do {
            try RegisterChange.validate(old: nil, new: merged, path: merged.path, staff: staff, profile: profile)
        } catch {
            throw Refusal(rule: error.rule, clause: error.clause, "the two desks' records do not make one valid entry: \(error.message)",
                          template: .init(.mergeRegister, [.refusal(error)]))
        }
        return merged
    }
}
