import CaseModel
import Procedures

/// `overdue.html`: every overdue deadline and every case below its ladder level, with who must
/// hold it now and since when; then the reviews not signed and months not archived.
struct OverduePage: Sendable {
    struct Entry: Sendable {
        var ref: CaseReference
        var step: String
        var stepKey: String
        var clause: String
        var due: String
        var lateBy: String
        var holder: String
        var level: String
        var requiredLevel: String
        var requiredKey: String
        var needsEscalation: Bool
        var candidates: String
        var requiredClause: String
    }

    /// A review not signed or a month not archived, past its due time.
    struct Missing: Sendable {
        var what: String
        var key: String
        var period: String
        var cases: Int
        var due: String
        var lateBy: String
        var who: String
        var clause: String
        var dueAt: Timestamp
    }

    var frame: PageFrame
    var entries: [Entry]
    var missing: [Missing]

    init(_ d: Dashboard) {
        let s = d.s
        frame = d.pageFrame(page: "overdue", title: s["overdue"], root: "")
        let index = d.byID
        entries = Agenda.overdue(d.cases, profile: d.profile, at: d.now).compactMap { e in
            guard let file = index[e.caseID] else { return nil }
            return Entry(ref: d.caseReference(file, root: ""), step: s.step(e.step), stepKey: e.step, clause: e.clause, due: d.time.minute(e.due),
                         lateBy: s.duration(seconds: Int(d.now.date.timeIntervalSince(e.due.date))), holder: d.staffName(e.holder),
                         level: s.level(e.level), requiredLevel: s.level(e.requiredLevel), requiredKey: e.requiredLevel.rawValue,
                         needsEscalation: e.needsEscalation, candidates: s.list(d.candidates(for: e.requiredLevel)), requiredClause: e.requiredClause)
        }
        missing = d.missingOversight()
    }

    func render() -> String {
        let s = frame.s
        var out: Markup = """
        <p class="muted">\(s["overdueIntro"])</p>
        \(if: entries.isEmpty, "<p class=\"ok\">\(s["noOverdue"])</p>")

        """
        if !entries.isEmpty {
            out += """
            <table class="overdue">
            <thead><tr><th>\(s["id"])</th><th>\(s["kind"])</th><th>\(s["matter"])</th><th>\(s["step"])</th><th>\(s["clause"])</th><th>\(s["dueSince"])</th><th>\(s["lateBy"])</th><th>\(s["holder"])</th><th>\(s["shouldHold"])</th></tr></thead>
            <tbody>

            """
            for e in entries {
                let candidates: Markup = e.candidates.isEmpty ? "" : " · \(e.candidates)"
                let escalate: Markup = e.needsEscalation ? " — \(s["needsEscalation"])" : ""
                let clause: Markup = e.requiredClause.isEmpty ? "" : " <span class=\"muted\">(\(e.requiredClause))</span>"
                out += """
                <tr data-case="\(e.ref.id)" data-step="\(e.stepKey)" data-required="\(e.requiredKey)"><td><a href="\(e.ref.href)">\(e.ref.id)</a></td><td>\(e.ref.kind)</td><td>\(e.ref.summary)</td><td class="late">\(e.step)</td><td>\(e.clause)</td><td>\(e.due)</td><td>\(e.lateBy)</td><td>\(e.holder) (\(e.level))</td><td\(if: e.needsEscalation, " class=\"late\"")>\(e.requiredLevel)\(candidates)\(escalate)\(clause)</td></tr>

                """
            }
            out += """
            </tbody>
            </table>

            """
        }
        out += """
        <h2>\(s["oversightMissing"])</h2>
        \(if: missing.isEmpty, "<p class=\"ok\">\(s["noOversightMissing"])</p>")

        """
        if !missing.isEmpty {
            out += """
            <table class="oversight">
            <thead><tr><th>\(s["oversightWhat"])</th><th>\(s["period"])</th><th class="num">\(s["casesCovered"])</th><th>\(s["dueSince"])</th><th>\(s["lateBy"])</th><th>\(s["signers"])</th><th>\(s["clause"])</th></tr></thead>
            <tbody>

            """
            for m in missing {
                out += """
                <tr data-oversight="\(m.key)" data-period="\(m.period)"><td class="late">\(m.what)</td><td>\(m.period)</td><td class="num">\(m.cases)</td><td>\(m.due)</td><td>\(m.lateBy)</td><td>\(m.who)</td><td>\(m.clause)</td></tr>

                """
            }
            out += """
            </tbody>
            </table>

            """
        }
        return frame.page(out)
    }
}

extension Dashboard {
    /// Staff whose roles put them at `level` (supervisor → 客服主管, manager → 经理).
    func candidates(for level: Level) -> [String] {
        let role: Role? = switch level {
        case .desk: nil
        case .supervisor: .supervisor
        case .manager: .manager
        }
        guard let role else { return [] }
        return staff.filter { $0.roles.contains(role) }.map(\.name)
    }

    /// Reviews not signed and months not archived, past their due time (the last five weeks).
    func missingOversight() -> [OverduePage.Missing] {
        var rows: [OverduePage.Missing] = []
        let facts = reviewFacts
        for kind in ReviewKind.allCases {
            let rule = Reviews.rule(kind)
            let signed = Set(reviewsSigned.filter { $0.kind == kind }.map(\.from))
            for m in Reviews.missing(kind, facts: facts, signed: signed, now: now, in: timeZone) {
                rows.append(.init(what: s["review." + kind.rawValue], key: "review-\(kind.rawValue)", period: m.from == m.to ? m.from : "\(m.from) – \(m.to)",
                                  cases: m.cases, due: time.minute(m.due), lateBy: s.duration(seconds: Int(now.date.timeIntervalSince(m.due.date))),
                                  who: s.list(Role.allCases.filter(rule.by.contains).map(s.role)), clause: rule.clause, dueAt: m.due))
            }
        }
        let archivers: [Role] = [.csAssistant, .supervisor, .manager, .director, .generalManager]
        for month in months where !archivedMonths.contains(month) {
            guard let start = Timestamp.parse(month + "-01", defaultZone: timeZone) else { continue }
            let due = start.addingMonths(1).adding(seconds: 9 * 86_400)
            guard due < now, now.date.timeIntervalSince(due.date) < 62 * 86_400 else { continue }
            rows.append(.init(what: s["archiveMonth"], key: "archive", period: month, cases: receivedCount(in: month),
                              due: time.minute(due), lateBy: s.duration(seconds: Int(now.date.timeIntervalSince(due.date))),
                              who: s.list(archivers.map(s.role)), clause: "002 篇2 §4.2", dueAt: due))
        }
        return rows.sorted { $0.dueAt < $1.dueAt }
    }
}
