import CaseModel
import Procedures

/// `index.html`: what needs action today (overdue deadlines, deadlines due within a day,
/// revisits and register visits due), this month's figures, open cases by kind, department and
/// level, and the monthly reports.
struct OverviewPage: Sendable {
    struct Undelivered: Sendable {
        var channel: String
        var subject: String
        var attempts: String
        var answer: String
    }

    /// An overdue deadline or one due within a day.
    struct StepRow: Sendable {
        var ref: CaseReference
        var step: String
        var due: String
        var provisional: String?
        var holder: String
        /// The level that should hold it (overdue steps only).
        var requiredLevel: String = ""
        var needsEscalation: Bool = false
    }

    struct Count: Sendable {
        var label: String
        var count: Int
    }

    /// This month's figures; nil fields when the month has no bounds.
    struct Month: Sendable {
        var received: Int
        var onTimeRate: String
        var revisitRate: String
        var satisfactionRate: String
        var kinds: [ReportRow]
        /// The month's report, when the month has cases.
        var reportHref: String?
    }

    var frame: PageFrame
    var calendarWarning: String?
    var notifyProblems: [String]
    var undelivered: [Undelivered]
    var signaturesRelaxed: String?
    /// Steps of the month without a verified signature; nil when the month has no bounds.
    var unsignedCount: Int?
    var overdue: [StepRow]
    var dueSoon: [StepRow]
    var revisitsDue: [RevisitRow]
    var revisitsDueCount: Int
    var registerVisitsDue: [RegisterRow]
    /// The contracts' figures with the link to their page (002 篇3), when there are contracts.
    var contracts: ContractsSummary?
    var openCount: Int
    var month: String
    var thisMonth: Month?
    var byKind: [Count]
    var byDepartment: [Count]
    var byLevel: [Count]
    /// The months with a report, newest first.
    var reports: [String]

    init(_ d: Dashboard, _ totals: MonthTotals) {
        let s = d.s
        frame = d.pageFrame(page: "index", title: s["overview"], root: "")
        contracts = d.contracts.map { ContractsSummary(d, $0) }
        calendarWarning = d.calendarWarning()
        notifyProblems = d.notifyProblems.map { Privacy.scrub($0) }
        undelivered = d.undelivered.map { .init(channel: $0.channel, subject: Privacy.scrub($0.subject), attempts: "\($0.attempts)", answer: $0.answer) }
        signaturesRelaxed = d.signaturePolicy == .optional ? s["signaturesRelaxed"] : nil
        if totals.bounds[d.thisMonth] != nil {
            unsignedCount = (totals.unsignedSteps[d.thisMonth] ?? []).reduce(0) { $0 + $1.count }
        }
        let index = d.byID
        overdue = Agenda.overdue(d.cases, profile: d.profile, at: d.now).filter { $0.step != "ladder" }.compactMap { e in
            guard let file = index[e.caseID] else { return nil }
            return StepRow(ref: d.caseReference(file, root: ""), step: s.step(e.step), due: d.time.minute(e.due),
                           provisional: d.provisionalNote(file.state.deadlines.first { $0.step == e.step && $0.due == e.due }?.provisional),
                           holder: d.staffName(e.holder), requiredLevel: s.level(e.requiredLevel), needsEscalation: e.needsEscalation)
        }
        dueSoon = Agenda.dueSoon(d.cases, at: d.now).map { file, deadline in
            StepRow(ref: d.caseReference(file, root: ""), step: s.step(deadline.step), due: d.time.minute(deadline.due),
                    provisional: d.provisionalNote(deadline.provisional), holder: d.staffName(file.state.holder))
        }
        let endOfToday = d.time.startOfDay(d.now, plus: 1)
        // The registers' visits due today or late (000 §1(7); 001 §5.6.7).
        registerVisitsDue = d.registerVisits.filter { $0.nextVisitDue < endOfToday }.map(d.registerVisitRow)
        let due = Agenda.revisits(d.cases, samples: d.samples, profile: d.profile).filter { $0.due < endOfToday }
        revisitsDue = due.compactMap { d.revisitDueRow($0, root: "") }
        revisitsDueCount = due.count

        let open = d.cases.filter { $0.state.status.isOpen }
        openCount = open.count
        month = d.thisMonth
        if let report = totals.report(d.thisMonth, d) {
            thisMonth = Month(received: report.total.cases, onTimeRate: d.percent(report.total.onTimeRate),
                              revisitRate: d.percent(report.total.revisitRate), satisfactionRate: d.percent(report.total.satisfactionRate),
                              kinds: report.byKind.map { d.reportFigures($0, label: Kind(rawValue: $0.key).map(s.kind) ?? $0.key) },
                              reportHref: report.total.cases > 0 ? "reports/\(d.thisMonth).html" : nil)
        }
        func counts<K: Hashable>(_ keys: [K], of key: (CaseFile) -> K, label: (K) -> String) -> [Count] {
            keys.compactMap { k in
                let n = open.filter { key($0) == k }.count
                return n == 0 ? nil : Count(label: label(k), count: n)
            }
        }
        byKind = counts(Kind.allCases, of: { $0.intake.kind }, label: s.kind)
        byDepartment = counts(Department.allCases.map { Optional($0) } + [nil], of: { $0.state.department }, label: s.department)
        byLevel = counts(Level.allCases, of: { $0.state.level }, label: s.level)
        reports = d.months.reversed()
    }

    func render() -> String {
        let s = frame.s
        func provisional(_ note: String?) -> Markup {
            guard let note else { return "" }
            return " <abbr class=\"provisional\" title=\"\(note)\">\(s["provisional"])</abbr>"
        }
        var out: Markup = ""
        if let calendarWarning { out += "<p class=\"warning\" role=\"alert\" data-warning=\"calendar\">\(calendarWarning)</p>" }
        out += "\n"
        out += Markup.each(notifyProblems) { "<p class=\"warning\" role=\"alert\" data-warning=\"notify\">\(s["notifyProblem"]): \($0)</p>" }
        out += "\n"
        if !undelivered.isEmpty {
            let rows = Markup.each(undelivered) { "<tr><td>\($0.channel)</td><td>\($0.subject)</td><td>\($0.attempts)</td><td>\($0.answer)</td></tr>" }
            out += """
            <h2>\(s["notifyUndelivered"])</h2>
            <table data-table="undelivered"><thead><tr><th>\(s["notifyChannel"])</th><th>\(s["notifyMessage"])</th><th>\(s["notifyAttempts"])</th><th>\(s["notifyAnswer"])</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
        }
        out += "\n"
        if let signaturesRelaxed { out += "<p class=\"warning\" role=\"alert\" data-warning=\"signatures\">\(signaturesRelaxed)</p>" }
        out += "\n"
        let unsigned = unsignedCount ?? 0
        out += """
        <section class="today">
        <h2>\(s["needsAction"])</h2>
        <div class="figures">
        <div class="figure\(if: !overdue.isEmpty, " late")"><b>\(overdue.count)</b>\(s["overdueSteps"])</div>
        <div class="figure\(if: !dueSoon.isEmpty, " soon")"><b>\(dueSoon.count)</b>\(s["dueSoon"])</div>
        <div class="figure\(if: revisitsDueCount > 0, " soon")"><b>\(revisitsDueCount)</b>\(s["revisitsDue"])</div>
        <div class="figure\(if: unsigned > 0, " late")" data-figure="unsigned" title="\(s["unsignedStepsNote"])"><b>\(unsignedCount.map(Markup.number) ?? "")</b>\(s["unsignedSteps"])</div>
        </div>
        <h3>\(s["overdueSteps"])</h3>
        \(if: overdue.isEmpty, "<p class=\"ok\">\(s["none"])</p>")

        """
        if !overdue.isEmpty {
            out += """
            <table class="overdue-steps"><thead><tr><th>\(s["id"])</th><th>\(s["kind"])</th><th>\(s["matter"])</th><th>\(s["step"])</th><th>\(s["dueSince"])</th><th>\(s["holder"])</th><th>\(s["shouldHold"])</th></tr></thead><tbody>

            """
            for r in overdue {
                out += """
                <tr data-case="\(r.ref.id)"><td><a href="\(r.ref.href)">\(r.ref.id)</a></td><td>\(r.ref.kind)</td><td>\(r.ref.summary)</td><td class="late">\(r.step)</td><td>\(r.due)\(provisional(r.provisional))</td><td>\(r.holder)</td><td\(if: r.needsEscalation, " class=\"late\"")>\(r.requiredLevel)</td></tr>

                """
            }
            out += "</tbody></table>"
        }
        out += """

        <h3>\(s["dueSoon"])</h3>
        \(if: dueSoon.isEmpty, "<p>\(s["none"])</p>")

        """
        if !dueSoon.isEmpty {
            out += """
            <table class="due-soon"><thead><tr><th>\(s["id"])</th><th>\(s["kind"])</th><th>\(s["matter"])</th><th>\(s["step"])</th><th>\(s["due"])</th><th>\(s["holder"])</th></tr></thead><tbody>

            """
            for r in dueSoon {
                out += """
                <tr data-case="\(r.ref.id)"><td><a href="\(r.ref.href)">\(r.ref.id)</a></td><td>\(r.ref.kind)</td><td>\(r.ref.summary)</td><td class="soon">\(r.step)</td><td>\(r.due)\(provisional(r.provisional))</td><td>\(r.holder)</td></tr>

                """
            }
            out += "</tbody></table>"
        }
        out += """

        <h3>\(s["revisitsDue"])</h3>
        \(if: revisitsDueCount == 0, "<p>\(s["none"])</p>")

        """
        if revisitsDueCount > 0 {
            out += """
            <table class="revisits-due"><thead><tr><th>\(s["id"])</th><th>\(s["kind"])</th><th>\(s["unit"])</th><th>\(s["due"])</th><th>\(s["who"])</th><th>\(s["modes"])</th></tr></thead><tbody>

            """
            for r in revisitsDue {
                out += """
                <tr data-case="\(r.ref.id)"><td><a href="\(r.ref.href)">\(r.ref.id)</a></td><td>\(r.ref.kind)</td><td>\(r.ref.unit)</td><td class="\(if: r.late, "late")">\(r.due)</td><td>\(r.who)</td><td>\(r.modes)</td></tr>

                """
            }
            out += "</tbody></table>"
        }
        out += "\n"
        if !registerVisitsDue.isEmpty {
            out += """
            <h3>\(s["registerVisitsDue"])</h3>
            <table class="register-visits-due"><thead><tr><th>\(s["id"])</th><th>\(s["register"])</th><th>\(s["unit"])</th><th>\(s["resident"])</th><th>\(s["due"])</th><th>\(s["who"])</th></tr></thead><tbody>

            """
            for r in registerVisitsDue {
                out += """
                <tr data-register="\(r.id)"><td><a href="revisits.html">\(r.id)</a></td><td>\(r.register)</td><td>\(r.unit)</td><td>\(r.resident)</td><td class="\(if: r.late, "late")">\(r.due)</td><td>\(r.who)</td></tr>

                """
            }
            out += "</tbody></table>"
        }
        out += "\n"
        if let contracts { out += contracts.render(s) }
        out += monthSection
        out += countsAndReports
        return frame.page(out)
    }

    private var monthSection: Markup {
        let s = frame.s
        var kinds: Markup = ""
        if let m = thisMonth, !m.kinds.isEmpty {
            let rows = Markup.each(m.kinds) { r in
                """
                <tr><td>\(r.label)</td><td class="num">\(r.cases)</td><td class="num">\(r.onTimeRate)</td><td class="num\(if: r.belowRequired, " late")">\(r.revisitRate)</td><td class="num">\(r.requiredRate)</td><td class="num">\(r.satisfactionRate)</td></tr>

                """
            }
            kinds = """
            <table class="month-kinds"><thead><tr><th>\(s["kind"])</th><th class="num">\(s["cases"])</th><th class="num">\(s["onTimeRate"])</th><th class="num">\(s["revisitRate"])</th><th class="num">\(s["requiredRate"])</th><th class="num">\(s["satisfaction"])</th></tr></thead><tbody>
            \(rows)</tbody></table>
            """
        }
        var report: Markup = ""
        if let href = thisMonth?.reportHref { report = "<p><a href=\"\(href)\">\(s["fullReport"]) \(month)</a></p>" }
        return """
        </section>
        <section class="month">
        <h2>\(s["thisMonth"]) · \(month)</h2>
        <div class="figures">
        <div class="figure"><b>\(openCount)</b>\(s["openCount"])</div>
        <div class="figure"><b>\(thisMonth.map { Markup.number($0.received) } ?? "")</b>\(s["received"])</div>
        <div class="figure"><b>\(thisMonth?.onTimeRate ?? "")</b>\(s["onTimeRate"])</div>
        <div class="figure"><b>\(thisMonth?.revisitRate ?? "")</b>\(s["revisitRate"])</div>
        <div class="figure"><b>\(thisMonth?.satisfactionRate ?? "")</b>\(s["satisfaction"])</div>
        </div>
        <p class="muted">\(s["onTimeFormula"])</p>
        \(kinds)
        \(report)
        </section>

        """
    }

    private var countsAndReports: Markup {
        let s = frame.s
        func table(_ css: String, _ heading: String, _ rows: [Count]) -> Markup {
            let cells = Markup.each(rows) { "<tr><td>\($0.label)</td><td class=\"num\">\($0.count)</td></tr>" }
            return "<div><table class=\"\(css)\"><thead><tr><th>\(heading)</th><th class=\"num\">\(s["count"])</th></tr></thead><tbody>\(cells)</tbody></table></div>"
        }
        let links = Markup.each(reports) { "<li><a href=\"reports/\($0).html\">\($0)</a></li>" }
        return """
        <section class="counts">
        <h2>\(s["openByKind"])</h2>
        <div class="columns">
        \(table("by-kind", s["kind"], byKind))
        \(table("by-department", s["openByDepartment"], byDepartment))
        \(table("by-level", s["openByLevel"], byLevel))
        </div>
        </section>
        <section class="reports">
        <h2>\(s["monthlyReports"])</h2>
        \(if: reports.isEmpty, "<p>\(s["noCases"])</p>")
        <ul>\(links)</ul>
        </section>

        """
    }
}

extension Markup {
    /// A number as markup (for an optional figure: `count.map(Markup.number) ?? ""`).
    static func number(_ n: Int) -> Markup { "\(n)" }
}

extension Dashboard {
    /// The overview's warning of a missing official holiday calendar: this year's, or from
    /// 1 November next year's (the State Council publishes it in November or December).
    func calendarWarning() -> String? {
        guard let official = officialCalendarYears, let year = Int(time.month(now).prefix(4)) else { return nil }
        let november = time.month(now).suffix(2) >= "11"
        let missing = [year, year + 1].filter { ($0 == year || november) && !official.contains($0) }
        return missing.isEmpty ? nil : missing.map { s.fill("calendarMissing", [String($0)]) }.joined(separator: " ")
    }
}
