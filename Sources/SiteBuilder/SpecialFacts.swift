import CaseModel

/// The facts only some kinds of case have, as labelled rows for the case page and `show`: the
/// quality check and verifications of a non-conformity (002 篇9 §4), an emergency's checklist
/// (001 §5.6.6, §5.6.8, §5.6.9), a judicial request's requester, officer, documents and approval
/// (001 §5.6.5). Free text is scrubbed of phone numbers.
public enum SpecialFacts {
    /// - Parameters:
    ///   - when: a time as the caller shows it; `name`: a staff member's name as the caller shows it.
    public static func rows(_ file: CaseFile, s: Strings, when: (Timestamp) -> String, name: (StaffID) -> String) -> [(label: String, value: String)] {
        let i = file.intake, st = file.state
        var rows: [(String, String)] = []
        if let n = i.inspection {
            rows.append((s["special.inspection"], [s["check." + n.check.rawValue], s.department(n.department),
                                                   "\(s["special.correctBy"]) \(when(n.correctBy))"].joined(separator: " · ")))
        }
        for v in st.verifications ?? [] {
            rows.append((s["special.verification"], "\(when(v.at)) \(name(v.by)) \(v.passed ? s["special.passed"] : s["special.failed"])"
                         + (v.notes.map { " · " + Privacy.scrub($0) } ?? "")))
        }
        if let type = i.emergency {
            let done = Dictionary((st.checklist ?? []).map { ($0.item, $0) }, uniquingKeysWith: { a, _ in a })
            for item in type.checklist {
                let value = done[item].map { e in "\(when(e.at)) \(name(e.by))" + (e.value.map { " · " + Privacy.scrub($0) } ?? "") } ?? s["special.missing"]
                rows.append((s["item." + item.rawValue], value + " [\(item.clause)]"))
            }
        }
        if let j = i.judicial {
            rows.append((s["special.requester"], s["requester." + j.requester.rawValue]))
            if let officer = j.officerName {
                rows.append((s["special.officer"], "\(officer) · \(s["special.badge"]) \(j.officerBadge ?? "-")"))
            }
            if j.requester == .lawyer {
                rows.append((s["special.documents"], [j.letter, j.licence, j.powerOfAttorney].map { $0 ?? "-" }.joined(separator: " / ")
                             + (j.client.map { " · " + s["client." + $0.rawValue] } ?? "")))
                rows.append((s["special.approval"], st.approval.map { "\(when($0.at)) \(name($0.by))" + ($0.notes.map { " · " + Privacy.scrub($0) } ?? "") }
                             ?? s["special.notApproved"]))
            }
        }
        return rows
    }
}
