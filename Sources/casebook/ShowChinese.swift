import CaseModel
import CasebookEngine
import Procedures
import SiteBuilder

extension Casebook.Show {
    /// The case as `show` prints it, in Chinese (the repository's zh-Hans, or LANG=zh*): the same
    /// facts as the English lines, with the paper form's labels; residents masked.
    static func chinese(_ file: CaseFile, now: Timestamp, profile: Profile, s: Strings) -> [String] {
        let i = file.intake, st = file.state
        func row(_ label: String, _ value: String) -> String { "\(label)\(s["colon"])\(value)" }
        var lines: [String] = []
        lines.append("\(file.id.rawValue)  \(s.kindWithGrade(i))  \(s.status(st.status))  \(s["level"]) \(s.level(st.level))")
        lines.append([row(s["receivedAt"], i.receivedAt.description), row(s["channel"], s.channel(i.channel)),
                      row(s["firstResponder"], i.firstResponder.rawValue)].joined(separator: "  "))
        lines.append([row(s["reporter"], i.reporter.nameDisplay), row(s["desk.phone"], i.reporter.phoneMasked ?? "-"),
                      row(s["unit"], i.unit ?? "-")].joined(separator: "  "))
        lines.append(row(s["matter"], i.summary))
        if let d = i.details { lines.append(row(s["details"], d)) }
        lines.append([row(s["holder"], st.holder.rawValue), row(s["department"], st.department.map { s.department($0) } ?? "-"),
                      row(s["show.profile"], st.profile)].joined(separator: "  "))
        if let r = st.resolution {
            var parts = ["\(r.at) \(r.by.rawValue)\(s["colon"])\(r.result)"]
            if r.customerConfirmed { parts.append(s["customerConfirmed"]) }
            if let rating = r.rating { parts.append("\(s["rating"]) \(rating)/5") }
            lines.append(row(s["resolution"], parts.joined(separator: " · ")))
        }
        if let r = st.referral { lines.append(row(s["referral"], "\(r.at) → \(r.agency)")) }
        if let why = st.unresolvableReason { lines.append(row(s["unresolvableReason"], why)) }
        for (label, value) in SpecialFacts.rows(file, s: s, when: \.description, name: \.rawValue) { lines.append(row(label, value)) }
        for e in file.events where e.action == .correct {
            guard let c = e.correction else { continue }
            lines.append(row(s["desk.correction"], "\(e.at) \(e.by.rawValue)\(s["colon"])\(s.field(c.field)) “\(c.fromDisplay)” → “\(c.toDisplay)”"
                             + (e.reason.map { "（\($0)）" } ?? "")))
        }
        if !st.deadlines.isEmpty {
            lines.append(s["deadlines"])
            for d in st.deadlines {
                let standing: String
                switch Schedule.standing(of: d, in: file, at: now) {
                case .met(let at, let late): standing = "\(late ? s["metLate"] : s["met"]) \(at)"
                case .pending(let overdue): standing = overdue ? s["overdueNow"] : s["notDue"]
                }
                let provisional = d.provisional.map { "（\(s["provisional"])：\($0.map(String.init).joined(separator: "、")) 年正式放假安排未导入）" } ?? ""
                lines.append("  \(s.step(d.step)) \(d.due)\(provisional)  \(standing)  [\(d.clause)]")
            }
        }
        if let step = Schedule.ladderLevel(for: file, at: now, profile: profile), step.level > st.level {
            lines.append(row(s["step.ladder"], "\(s["shouldHold"]) \(s.level(step.level)) [\(step.clause)]"))
        }
        for p in st.revisitsPlanned {
            let state = p.doneAt.map { "\(s["done"]) \($0)" } ?? (now > p.due ? s["overdueNow"] : s["pending"])
            lines.append(row(s["revisitPlan"], "\(s["due"]) \(p.due) \(s.list(p.by.map(s.role)))（\(s.list(p.modes.map(s.mode)))） \(state)  [\(p.clause)]"))
        }
        lines.append(s["timeline"])
        for e in file.events {
            var detail: [String] = []
            if let d = e.department { detail.append(s.department(d)) }
            if let l = e.level { detail.append("→ \(s.level(l))") }
            if let a = e.assignee { detail.append("→ \(a.rawValue)") }
            detail += [e.text, e.result, e.reason, e.agency].compactMap { $0 }
            if let m = e.mode { detail.append(s.mode(m)) }
            if let v = e.satisfied { detail.append(v ? s["satisfied"] : s["unsatisfied"]) }
            if let n = e.notes { detail.append(n) }
            if let c = e.correction { detail.append("\(s.field(c.field)) “\(c.fromDisplay)” → “\(c.toDisplay)”") }
            lines.append("  \(e.at)  \(e.by.rawValue)  \(s.action(e.action))  \(detail.joined(separator: "  "))" + lateMark(e, s))
        }
        return lines
    }
}
