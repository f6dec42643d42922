import CaseModel
import Foundation
import Procedures

/// `open.html`: the open cases in urgency order, with the attributes the script filters on.
struct OpenPage: Sendable {
    struct Row: Sendable {
        var ref: CaseReference
        var kind: String
        var kindKey: String
        var grade: String
        var severityKey: String
        var status: String
        var department: String
        var departmentKey: String
        var level: String
        var levelKey: String
        var holder: String
        var holderKey: String
        var received: String
        var receivedSort: String
        var nextDue: String
        var nextDueSort: String
        var overdueSteps: String
        var late: Bool
    }

    var frame: PageFrame
    var rows: [Row]
    /// Labels for the script's filter menus as JSON: key → value → label, and the column names.
    var labels: String

    init(_ d: Dashboard) {
        let s = d.s
        frame = d.pageFrame(page: "open", title: s["openCases"], root: "")
        let open = d.openCasesInOrder
        rows = open.map { file in
            let i = file.intake, st = file.state
            let pending = st.deadlines.filter { if case .pending = Schedule.standing(of: $0, in: file, at: d.now) { true } else { false } }
            let next = pending.min { $0.due < $1.due }
            let late = Schedule.overdue(file, at: d.now)
            return Row(ref: d.caseReference(file, root: ""), kind: s.kind(i.kind), kindKey: i.kind.rawValue,
                       grade: i.severity.map(s.severity) ?? i.repairSize.map(s.repairSize) ?? "", severityKey: i.severity?.rawValue ?? "",
                       status: s.status(st.status), department: s.department(st.department), departmentKey: st.department?.rawValue ?? "unassigned",
                       level: s.level(st.level), levelKey: st.level.rawValue, holder: d.staffName(st.holder), holderKey: st.holder.rawValue,
                       received: d.time.minute(i.receivedAt), receivedSort: LocalTime.rfc3339UTC(i.receivedAt),
                       nextDue: next.map { "\(s.step($0.step)) \(d.time.minute($0.due))" } ?? "",
                       nextDueSort: next.map { LocalTime.rfc3339UTC($0.due) } ?? "9999",
                       overdueSteps: s.list(late.map { s.step($0.step) }), late: !late.isEmpty)
        }
        var labels: [String: [String: String]] = [
            "kind": Dictionary(uniqueKeysWithValues: Kind.allCases.map { ($0.rawValue, s.kind($0)) }),
            "severity": Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0.rawValue, s.severity($0)) }),
            "department": Dictionary(uniqueKeysWithValues: Department.allCases.map { ($0.rawValue, s.department($0)) } + [("unassigned", s["unassigned"])]),
            "level": Dictionary(uniqueKeysWithValues: Level.allCases.map { ($0.rawValue, s.level($0)) }),
            "holder": Dictionary(open.map { ($0.state.holder.rawValue, d.staffName($0.state.holder)) }, uniquingKeysWith: { a, _ in a }),
        ]
        labels["_columns"] = ["kind": s["kind"], "severity": s["severity"], "department": s["department"],
                              "level": s["level"], "holder": s["holder"], "unit": s["unit"]]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        self.labels = (try? encoder.encode(labels)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    func render() -> String {
        let s = frame.s
        var out: Markup = """
        <p class="muted no-print">\(s["sortHint"])</p>
        \(if: rows.isEmpty, "<p>\(s["none"])</p>")

        """
        if !rows.isEmpty {
            out += """
            <table class="cases" id="open-cases" data-filterable="kind severity department level holder" data-search="unit" data-labels="\(labels)" data-all="\(s["all"])" data-shown="\(s["shown"])" data-of="\(s["of"])" data-reset="\(s["reset"])" data-search-label="\(s["filterUnit"])">
            <thead><tr><th>\(s["id"])</th><th>\(s["kind"])</th><th>\(s["severity"])</th><th>\(s["status"])</th><th>\(s["department"])</th><th>\(s["level"])</th><th>\(s["holder"])</th><th>\(s["unit"])</th><th>\(s["reporter"])</th><th>\(s["matter"])</th><th>\(s["receivedAt"])</th><th>\(s["nextDue"])</th><th>\(s["overdueSteps"])</th></tr></thead>
            <tbody>

            """
            for r in rows {
                out += """
                <tr data-case="\(r.ref.id)" data-kind="\(r.kindKey)" data-severity="\(r.severityKey)" data-department="\(r.departmentKey)" data-level="\(r.levelKey)" data-holder="\(r.holderKey)" data-unit="\(r.ref.unit)"\(if: r.late, " class=\"late-row\"")><td data-sort="\(r.ref.id)"><a href="\(r.ref.href)">\(r.ref.id)</a></td><td>\(r.kind)</td><td>\(r.grade)</td><td>\(r.status)</td><td>\(r.department)</td><td>\(r.level)</td><td>\(r.holder)</td><td>\(r.ref.unit)</td><td>\(r.ref.reporter) \(r.ref.phone)</td><td>\(r.ref.summary)</td><td data-sort="\(r.receivedSort)">\(r.received)</td><td data-sort="\(r.nextDueSort)">\(r.nextDue)</td><td class="late">\(r.overdueSteps)</td></tr>

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
    /// Open cases in urgency order: overdue first, then by the next deadline, then by intake.
    var openCasesInOrder: [CaseFile] {
        func nextDue(_ f: CaseFile) -> Timestamp? {
            f.state.deadlines.filter { if case .pending = Schedule.standing(of: $0, in: f, at: now) { true } else { false } }.map(\.due).min()
        }
        return cases.filter { $0.state.status.isOpen }.map { f in (f, Schedule.overdue(f, at: now).isEmpty ? 1 : 0, nextDue(f)) }
            .sorted { a, b in
                if a.1 != b.1 { return a.1 < b.1 }
                switch (a.2, b.2) {
                case let (x?, y?) where x != y: return x < y
                case (.some, nil): return true
                case (nil, .some): return false
                default: return (a.0.intake.receivedAt, a.0.id.rawValue) < (b.0.intake.receivedAt, b.0.id.rawValue)
                }
            }.map(\.0)
    }
}
