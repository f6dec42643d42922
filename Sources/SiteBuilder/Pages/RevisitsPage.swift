import CaseModel
import Foundation
import Procedures

/// `revisits.html`: late revisits first, then the next fourteen days, then later ones; the
/// registers' visits; this month's and last month's samples with their spot checks.
struct RevisitsPage: Sendable {
    struct Day: Sendable {
        var day: String
        var weekday: String
        var isToday: Bool
        var items: [RevisitRow]
    }

    /// A month's sample: the revisits drawn and the spot checks.
    struct Sample: Sendable {
        struct Pick: Sendable {
            var id: String
            var href: String?
            var kind: String
            var due: String
            var mode: String
            var standing: String
        }

        var month: String
        var clause: String
        var seedShort: String
        var populationCount: Int
        var selectedCount: Int
        var picks: [Pick]
        var spotChecks: [SpotCheckRow]
    }

    var frame: PageFrame
    var late: [RevisitRow]
    var hasLate: Bool
    var days: [Day]
    var later: [RevisitRow]
    var hasLater: Bool
    var registerVisits: [RegisterRow]
    var samples: [Sample]

    init(_ d: Dashboard) {
        let s = d.s
        frame = d.pageFrame(page: "revisits", title: s["revisits"], root: "")
        let items = Agenda.revisits(d.cases, samples: d.samples, profile: d.profile)
        let (late, days, later) = Agenda.schedule(items, at: d.now, time: d.time)
        self.late = late.compactMap { d.revisitDueRow($0, root: "") }
        hasLate = !late.isEmpty
        let today = d.time.day(d.now)
        self.days = days.map { day in
            Day(day: day.day, weekday: s["weekday.\(d.time.weekday(day.start))"], isToday: day.day == today,
                items: day.items.compactMap { d.revisitDueRow($0, root: "") })
        }
        self.later = later.compactMap { d.revisitDueRow($0, root: "") }
        hasLater = !later.isEmpty
        registerVisits = d.registerVisits.map(d.registerVisitRow)
        let index = d.byID
        samples = d.currentSamples.map { sample in
            Sample(month: sample.month, clause: sample.revisits.clause, seedShort: String(sample.seed.prefix(12)),
                   populationCount: sample.revisits.population.count, selectedCount: sample.revisits.selected.count,
                   picks: sample.revisits.selected.map { pick in
                       var row = Sample.Pick(id: pick.id.rawValue, href: nil, kind: "", due: pick.due.map(d.time.minute) ?? "—",
                                             mode: pick.mode.map(s.mode) ?? "—", standing: s["pending"])
                       if let file = index[pick.id] {
                           row.href = "cases/\(pick.id.rawValue).html"
                           row.kind = s.kindWithGrade(file.intake)
                           let done = file.state.revisits.last { pick.isAnswered(byRevisitAt: $0.at, month: sample.month) }
                           row.standing = done.map { "\(s["done"]) \(d.time.minute($0.at))" } ?? s["pending"]
                       }
                       return row
                   },
                   spotChecks: d.spotCheckTableRows(sample, root: ""))
        }
    }

    func render() -> String {
        let s = frame.s
        let head = RevisitRow.scheduleHead(s)
        func rows(_ items: [RevisitRow]) -> Markup { Markup.each(items) { "\($0.scheduleRow)\n" } }
        var out: Markup = """
        <section class="late-revisits">
        <h2>\(s["lateRevisits"])</h2>
        \(if: late.isEmpty, "<p class=\"ok\">\(s["none"])</p>")
        \(if: hasLate, "<table class=\"revisits late\">\(head)<tbody>\n\(rows(late))</tbody></table>")
        </section>
        <section class="days">
        <h2>\(s["next14Days"])</h2>

        """
        for day in days {
            out += """
            <h3 id="day-\(day.day)">\(day.day) \(day.weekday)\(if: day.isToday, " (\(s["today"]))")</h3>
            \(if: day.items.isEmpty, "<p class=\"muted\">\(s["noRevisits"])</p>")
            \(if: !day.items.isEmpty, "<table class=\"revisits day\" data-day=\"\(day.day)\">\(head)<tbody>\n\(rows(day.items))</tbody></table>")

            """
        }
        let registers = Markup.each(registerVisits) { r in
            """
            <tr data-register="\(r.id)" data-due="\(r.dueISO)"><td>\(r.register)</td><td>\(r.id)</td><td>\(r.unit)</td><td>\(r.resident)</td><td>\(r.contacts)</td><td>\(r.last)</td><td class="\(if: r.late, "late")">\(r.due)</td><td>\(r.every)</td><td>\(r.who)</td><td>\(r.modes)</td><td>\(r.clause)</td></tr>

            """
        }
        out += """
        \(if: hasLater, "<h3>\(s["later"])</h3><table class=\"revisits later\">\(head)<tbody>\n\(rows(later))</tbody></table>")
        </section>
        <section class="register-visits">
        <h2>\(s["registerVisits"])</h2>
        \(if: registerVisits.isEmpty, "<p class=\"muted\">\(s["none"])</p>")
        \(if: !registerVisits.isEmpty, "<table class=\"register-visits\"><thead><tr><th>\(s["register"])</th><th>\(s["id"])</th><th>\(s["unit"])</th><th>\(s["resident"])</th><th>\(s["emergencyContacts"])</th><th>\(s["lastVisit"])</th><th>\(s["due"])</th><th>\(s["visitEvery"])</th><th>\(s["who"])</th><th>\(s["modes"])</th><th>\(s["clause"])</th></tr></thead><tbody>\n\(registers)</tbody></table>")
        </section>
        <section class="samples">
        <h2>\(s["sampleTitle"])</h2>
        \(if: samples.isEmpty, "<p>\(s["noSample"])</p>")

        """
        for sample in samples {
            let picks = Markup.each(sample.picks) { p in
                let id: Markup = p.href.map { "<a href=\"\($0)\">\(p.id)</a>" } ?? "\(p.id)"
                return """
                <tr data-case="\(p.id)"><td>\(id)</td><td>\(p.kind)</td><td>\(p.due)</td><td>\(p.mode)</td><td>\(p.standing)</td></tr>

                """
            }
            out += """
            <h3>\(s["sampleOf"]) \(sample.month)</h3>
            <p class="muted">\(s["population"]) \(sample.populationCount) · \(s["selected"]) \(sample.selectedCount) · \(sample.clause) · \(s["seed"]) <code>\(sample.seedShort)</code></p>
            <table class="sample"><thead><tr><th>\(s["id"])</th><th>\(s["kind"])</th><th>\(s["due"])</th><th>\(s["mode"])</th><th>\(s["standing"])</th></tr></thead><tbody>
            \(picks)</tbody></table>
            <h3>\(s["spotChecks"]) \(sample.month)</h3>
            \(SpotCheckRow.table(sample.spotChecks, s))

            """
        }
        out += """
        </section>

        """
        return frame.page(out)
    }
}

extension Dashboard {
    /// The samples the revisit page shows: this month's and last month's (whose revisits are due
    /// early this month).
    var currentSamples: [MonthlySample] {
        let months = Dashboard.currentSampleMonths(at: now, zone: timeZone)
        // A month's daily draws and its month file shown as one sample.
        return Sampling.merged(samples.filter { months.contains($0.month) }).sorted { $0.month > $1.month }
    }

    /// The months whose samples the revisit page shows: this month and the one before, in `zone`.
    static func currentSampleMonths(at now: Timestamp, zone: TimeZone) -> [String] {
        let time = LocalTime(zone: zone), thisMonth = time.month(now)
        return [thisMonth, time.month(time.startOfDay(Timestamp.parse(thisMonth + "-01", defaultZone: zone) ?? now, plus: -1))]
    }
}
