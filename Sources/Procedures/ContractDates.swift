import CaseModel
import Foundation

/// The dates of the contracts' procedure on the business calendar (002 篇3 §4.7–4.10): when a
/// running contract's next stage report is due, from when its renewal is to be asked for, what is
/// open about it, and the year's inventory of the written contracts.
public enum ContractDates {
    /// The end of day `day` (YYYY-MM-DD) in `zone`.
    public static func endOfDay(_ day: String, in zone: TimeZone) -> Timestamp? {
        Timestamp.parse(day + "T23:59:59", defaultZone: zone)
    }

    /// From when the executing department is to ask 经营部 for the renewal (§4.9): the term's
    /// last day less the profile's notice.
    public static func renewalNoticeFrom(end: String, rule: ContractRule, zone: TimeZone) -> Timestamp? {
        guard let last = Timestamp.parse(end + "T00:00:00", defaultZone: zone) else { return nil }
        let n = rule.renewalNotice
        return last.addingMonths(-(n.months ?? 0)).adding(seconds: -n.seconds - 86_400 * (n.workingDays ?? 0))
    }

    /// When a running contract's next stage report to the general manager is due (§4.7.3): the
    /// profile's interval after the last report, or after it took effect; nil when it is not running.
    public static func stageReportDue(_ state: ContractState, rule: ContractRule, calendar: BusinessCalendar) -> Timestamp? {
        guard state.status.isRunning, let from = state.lastStageReport ?? state.effectiveAt else { return nil }
        return try? calendar.adding(rule.stageReportEvery, to: from)
    }

    /// When the year's inventory is due: the end of `inventoryBy` of `year`.
    public static func inventoryDue(year: Int, rule: ContractRule, zone: TimeZone) -> Timestamp? {
        endOfDay(String(format: "%04d-", year) + rule.inventoryBy, in: zone)
    }

    /// What is open about `contract` at `now`, oldest concern first.
    public static func issues(_ contract: ContractRecord, at now: Timestamp, rule: ContractRule, calendar: BusinessCalendar, zone: TimeZone) -> [ContractIssue] {
        let state = contract.state
        var out: [ContractIssue] = []
        func day(_ t: Timestamp) -> String { Timestamp(date: t.date, in: zone).localDay }
        if state.status == .effective, contract.form.isWritten, let since = state.effectiveAt { out.append(.init(.notArchived, day(since))) }
        if let due = stageReportDue(state, rule: rule, calendar: calendar), due < now { out.append(.init(.stageReportOverdue, day(due))) }
        if state.status.isRunning {
            if let r = state.pendingRequest, let asked = contract.steps.last(where: { $0.action == .request && $0.request == r }) {
                out.append(.init(.requestOpen, day(asked.at)))
            }
            let settling = state.pendingRequest.map { $0.kind != .change } ?? false
            if let end = endOfDay(state.end, in: zone), end < now, !settling {
                out.append(.init(.expired, state.end))
            } else if !settling, let from = renewalNoticeFrom(end: state.end, rule: rule, zone: zone), from <= now {
                out.append(.init(.expiring, state.end))
            }
            if state.slippages > 0, let last = contract.steps.last(where: { $0.action == .slippage }) { out.append(.init(.slippage, day(last.at))) }
        }
        if state.status == .completed, let at = state.completedAt { out.append(.init(.effectReviewDue, day(at))) }
        return out
    }

    /// Whether `contract` is within its renewal notice period (or past its end) with no renewal
    /// or termination asked for.
    public static func isExpiring(_ contract: ContractRecord, at now: Timestamp, rule: ContractRule, calendar: BusinessCalendar, zone: TimeZone) -> Bool {
        issues(contract, at: now, rule: rule, calendar: calendar, zone: zone).contains { $0.code == .expiring || $0.code == .expired }
    }

    /// The rows of `year`'s inventory at `now` (§4.10): every written contract in force at some
    /// time of the year or still open, by number then id, with its performance and open issues.
    public static func inventoryRows(year: Int, contracts: [ContractRecord], at now: Timestamp, rule: ContractRule, calendar: BusinessCalendar,
                                     zone: TimeZone) -> [ContractInventoryRow] {
        let yearStart = String(format: "%04d-01-01", year)
        return contracts.filter { c in
            let s = c.state
            guard c.form.isWritten, s.effectiveAt != nil else { return false }
            return !(s.isFinished && (s.updatedAt.map { Timestamp(date: $0.date, in: zone).localDay < yearStart } ?? false))
        }.map { c in
            let s = c.state
            return ContractInventoryRow(id: c.id, number: s.archive?.number, title: c.title, kind: c.kind, counterparty: c.counterparty,
                                        executingDepartment: c.executingDepartment, important: c.important, status: s.status, end: s.end,
                                        stageReports: s.stageReports, lastStageReport: s.lastStageReport.map { Timestamp(date: $0.date, in: zone).localDay },
                                        slippages: s.slippages, issues: issues(c, at: now, rule: rule, calendar: calendar, zone: zone))
        }.sorted { ($0.number ?? "~", $0.id) < ($1.number ?? "~", $1.id) }
    }
}
