import CaseModel
import CasebookEngine
import Foundation
import Procedures
import SiteBuilder

extension Casebook.Today {
    /// The round's part of a person's queue (003 九): reports of the people I review waiting for
    /// my review, my monthly summary in the last week before it is due or missing, and — the
    /// morning follow-up — yesterday's jobs I received that are still with another department.
    static func roundItems(for me: Staff, book: RoundBook, cases: [CaseFile], ws: Workspace, now: Timestamp) -> [Item] {
        let rule = ws.profile.roundRule
        var items: [Item] = []
        func item(_ task: Task, due: Timestamp?, id: String, kind: String, summary: String, status: String, clause: String) -> Item {
            Item(due: due?.description, what: task.said(in: Strings(.en)), task: task, late: due.map { $0 < now } ?? false, id: id,
                 kind: kind, summary: summary, status: status, clause: clause)
        }
        for p in book.patrols where p.review == nil {
            guard let author = ws.staff[p.by], RoundChange.isSuperior(me, of: author) else { continue }
            items.append(item(.reviewPatrol, due: p.reviewDue, id: p.path, kind: "patrol", summary: "\(author.name) \(p.day)", status: "handed-in",
                              clause: RoundChange.patrolClause))
        }
        if RoundChange.doesRound(me, rule: rule) {
            let thisMonth = String(now.localDay.prefix(7))
            let missing = book.missingSummaries(staff: ws.staff, rule: rule, zone: ws.zone, at: now, since: thisMonth).filter { $0.by == me.id }
            var due = missing.map { ($0.month, $0.due) }
            if let d = RoundChange.summaryDue(month: thisMonth, rule: rule, zone: ws.zone), d > now, d.unixSeconds - now.unixSeconds < 7 * 86_400,
               !book.summaries.contains(where: { $0.month == thisMonth && $0.by == me.id }) {
                due.append((thisMonth, d))
            }
            for (month, d) in due {
                items.append(item(.summary, due: d, id: MonthlySummary.path(month: month, by: me.id), kind: "summary", summary: month, status: "missing",
                                  clause: RoundChange.summaryClause))
            }
            // 翻阅前一天的工程维修项目、投诉记录，跟进未完成项目 (003 九.1).
            let yesterday = now.adding(seconds: -86_400).localDay
            for f in cases where f.intake.firstResponder == me.id && f.state.holder != me.id && f.state.status.isOpen && f.intake.receivedAt.localDay == yesterday {
                items.append(item(.followUp, due: nil, id: f.id.rawValue, kind: f.intake.kind.rawValue, summary: f.intake.summary,
                                  status: f.state.status.rawValue, clause: "003 九.1"))
            }
        }
        return items
    }
}
