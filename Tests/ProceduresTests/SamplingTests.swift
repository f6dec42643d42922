import CaseModel
import Foundation
import Procedures
import Testing

/// `count` cases of `kind` resolved on `day` (and revisited there if `revisited`).
func finished(_ count: Int, _ kind: Kind, on day: String, prefix: String, revisited: Bool = false) throws -> [CaseFile] {
    try (1...max(count, 1)).prefix(count).map { n in
        let opened = day + "T09:00"
        var open = Event(at: t(opened), by: "li.na", action: .open)
        open.intake = try intake(kind, severity: kind == .complaint ? .minor : nil, size: kind == .repair ? .small : nil, at: opened)
        var resolve = Event(at: t(day + "T11:00"), by: "zhao.gong", action: .resolve)
        resolve.result = "已处理"
        var events = [open, resolve]
        if revisited {
            var r = Event(at: t(day + "T15:00"), by: "chen.jie", action: .revisit)
            r.mode = .home
            r.satisfied = true
            events.append(r)
        }
        let stamp = day.replacingOccurrences(of: "-", with: "")
        return try CaseFile(id: CaseID(rawValue: "C-\(stamp)-\(prefix)-\(String(format: "%04d", n))"), events: events)
    }
}

@Suite struct SamplingTests {
    func draw(_ cases: [CaseFile], month: String, profile name: String) throws -> MonthlySample {
        try Sampling.sample(month: month, cases: cases, profile: try profile(name), calendar: try chinaCalendar(), zone: shanghai)
    }

    /// 000 篇2 §4.4: fewer than 20 → 5 (all if fewer than 5); 20–50 → 30 %; over 50 → 20; more than half home visits.
    @Test(arguments: [(3, 3), (12, 5), (19, 5), (20, 6), (30, 9), (50, 15), (51, 20), (80, 20)])
    func villaBands(_ count: Int, _ expected: Int) throws {
        let cases = try finished(count, .repair, on: "2026-11-10", prefix: "A")
        let s = try draw(cases, month: "2026-11", profile: "villa")
        #expect(s.revisits.population.count == count)
        #expect(s.revisits.selected.count == expected)
        #expect(s.revisits.selected.filter { $0.mode == .home }.count == expected / 2 + 1)
        #expect(Set(s.revisits.selected.map(\.id)).count == expected)
        #expect(s.revisits.clause == "000 篇2 §4.3–4.4")
    }

    /// 002 篇2 §4.1.2: routine repairs and help requests 10 %.
    @Test func residentialTakesTenPercent() throws {
        let cases = try finished(23, .repair, on: "2026-11-10", prefix: "A") + (try finished(7, .help, on: "2026-11-11", prefix: "B"))
            + (try finished(4, .complaint, on: "2026-11-12", prefix: "C"))
        let s = try draw(cases, month: "2026-11", profile: "residential")
        #expect(s.revisits.population.count == 30)
        #expect(s.revisits.selected.count == 3)
        #expect(s.revisits.selected.allSatisfy { $0.mode == nil })
    }

    /// Same repository and month → same selection; the seed is recomputable by an auditor.
    @Test func reproducibleAndMonthSpecific() throws {
        let oct = try finished(30, .repair, on: "2026-10-10", prefix: "A")
        let nov = try finished(30, .repair, on: "2026-11-10", prefix: "A")
        let a = try draw(oct + nov, month: "2026-10", profile: "villa")
        let b = try draw((oct + nov).reversed(), month: "2026-10", profile: "villa")
        #expect(a == b)
        let c = try draw(oct + nov, month: "2026-11", profile: "villa")
        #expect(c.seed != a.seed)
        #expect(Set(c.revisits.selected.map(\.id)).isDisjoint(with: Set(a.revisits.selected.map(\.id))))
        // The positions drawn differ too: November's sample is not October's shifted by a month.
        // A month whose due day lies beyond the official and the statutory years is refused, not guessed;
        // one in a year without its notice is due on the provisional calendar.
        #expect(throws: Refusal.self) { try draw(try finished(6, .repair, on: "2040-12-10", prefix: "A"), month: "2040-12", profile: "villa") }
        #expect(try draw(try finished(6, .repair, on: "2026-12-10", prefix: "A"), month: "2026-12", profile: "villa")
            .revisits.selected.first?.due?.description == "2027-01-05T17:30:00+08:00")
        let positions = { (s: MonthlySample) in Set(s.revisits.selected.map { String($0.id.rawValue.suffix(4)) }) }
        #expect(positions(a) != positions(c))
    }

    /// Due by the 5th of next month, on the working-day calendar.
    @Test func dueByTheFifthOnAWorkingDay() throws {
        // 2026-12-05 is a Saturday → Monday 12-07.
        let nov = try draw(try finished(6, .repair, on: "2026-11-10", prefix: "A"), month: "2026-11", profile: "villa")
        #expect(nov.revisits.selected.first?.due?.description == "2026-12-07T17:30:00+08:00")
        // 2026-10-05 is in the National Day holiday → Thursday 10-08.
        let sep = try draw(try finished(6, .repair, on: "2026-09-10", prefix: "A"), month: "2026-09", profile: "villa")
        #expect(sep.revisits.selected.first?.due?.description == "2026-10-08T17:30:00+08:00")
    }

    /// 001 §5.5.1–5.5.3: 10 % of complaint revisits, 1 % of help revisits, 3 % of all.
    @Test func spotChecks() throws {
        let cases = try finished(25, .complaint, on: "2026-11-10", prefix: "C", revisited: true)
            + (try finished(120, .help, on: "2026-11-11", prefix: "H", revisited: true))
        let s = try draw(cases, month: "2026-11", profile: "residential")
        let byName = Dictionary(uniqueKeysWithValues: s.spotChecks.map { ($0.name, $0) })
        #expect(byName["complaint-revisits"]?.population.count == 25)
        #expect(byName["complaint-revisits"]?.selected.count == 3)
        #expect(byName["help-revisits"]?.selected.count == 2)
        #expect(byName["all-revisits"]?.population.count == 145)
        #expect(byName["all-revisits"]?.selected.count == 5)
        #expect(byName["complaint-revisits"]?.clause == "001 §5.5.1")
    }

    // MARK: - Daily draws (issue 24)

    /// The month's daily draws made each morning from the 2nd to the 1st of next month over
    /// `cases`, as `sweep` makes them, then checked by `recompute`.
    func dailyDraws(_ cases: [CaseFile], month: String = "2026-11", through last: Int = 30) throws -> [MonthlySample] {
        let p = try profile("residential"), cal = try chinaCalendar()
        var draws: [MonthlySample] = []
        for day in 2...last + 1 {
            let d = day > last ? "2026-12-01" : "\(month)-\(day < 10 ? "0" : "")\(day)"
            if let draw = try Sampling.daily(month: month, on: d, cases: cases, earlier: draws, profile: p, calendar: cal, zone: shanghai) {
                draws.append(draw)
            }
        }
        #expect(Sampling.recompute(draws, month: month, rule: try #require(p.sampling), profile: p).isEmpty)
        return draws
    }

    /// 002 篇2 §4.1.1 b, f and §4.1.2 b: each pick due five days (repair) or a week (help) after
    /// its resolution, drawn the next morning; ceil(10 %) of all drawn after every draw.
    @Test func residentialDrawsDailyInsideTheWindow() throws {
        var cases: [CaseFile] = []
        for day in 2...28 {
            let d = "2026-11-\(day < 10 ? "0" : "")\(day)"
            cases += try finished(day % 4 + 1, .repair, on: d, prefix: "R") + (try finished(day % 2, .help, on: d, prefix: "H"))
        }
        let draws = try dailyDraws(cases)
        var drawn = 0, picked = 0
        for draw in draws {
            drawn += draw.revisits.population.count
            picked += draw.revisits.selected.count
            #expect(picked == (drawn + 9) / 10, "after \(draw.drawnOn ?? "")")
            for pick in draw.revisits.selected {
                let file = try #require(cases.first { $0.id == pick.id })
                let resolved = try #require(pick.resolvedAt)
                let days = try #require(pick.due).date.timeIntervalSince(resolved.date) / 86_400
                #expect(days == (file.intake.kind == .repair ? 5 : 7))
                let drawnOn = try #require(draw.drawnOn), due = try #require(pick.due)
                #expect(drawnOn > resolved.localDay && drawnOn < due.localDay)
            }
        }
        #expect(drawn == cases.count)
        #expect(picked * 10 >= cases.count)
        // The same draws whatever order the cases come in.
        #expect(try dailyDraws(cases.reversed()) == draws)
    }

    /// One case at a time: the rounding never lets the month fall below the rate.
    @Test(arguments: [1, 9, 10, 11, 19, 21, 40])
    func rateMetForAnyCount(_ count: Int) throws {
        let cases = try (0..<count).flatMap { n in
            try finished(1, .repair, on: "2026-11-\(n % 27 + 2 < 10 ? "0" : "")\(n % 27 + 2)", prefix: "X\(n)")
        }
        let draws = try dailyDraws(cases)
        #expect(draws.reduce(0) { $0 + $1.revisits.selected.count } == (count + 9) / 10)
    }

    /// A changed pick, a skipped prior count or a case drawn twice is found by recomputing.
    @Test func recomputeFindsAHandPickedDraw() throws {
        let p = try profile("residential")
        let cases = try finished(12, .repair, on: "2026-11-10", prefix: "A") + (try finished(12, .help, on: "2026-11-11", prefix: "B"))
        var draws = try dailyDraws(cases)
        #expect(draws.count == 2)
        let other = try #require(draws[0].revisits.population.first { id in !draws[0].revisits.selected.contains { $0.id == id } })
        draws[0].revisits.selected[0].id = other
        #expect(Sampling.recompute(draws, month: "2026-11", rule: try #require(p.sampling), profile: p).contains { $0.contains("not the draw") })
        draws = try dailyDraws(cases)
        draws[1].revisits.priorSelected = 0
        #expect(!Sampling.recompute(draws, month: "2026-11", rule: try #require(p.sampling), profile: p).isEmpty)
        // The month file draws only what the daily draws left: nothing here.
        let month = try Sampling.sample(month: "2026-11", cases: cases, profile: p, calendar: try chinaCalendar(), zone: shanghai,
                                        earlier: try dailyDraws(cases), on: "2026-11-30")
        #expect(month.revisits.population.isEmpty && month.revisits.priorPopulation == 24 && month.drawnOn == "2026-11-30")
        // The villa does not draw daily.
        #expect(throws: Refusal.self) {
            try Sampling.daily(month: "2026-11", on: "2026-11-12", cases: cases, earlier: [], profile: try profile("villa"), calendar: try chinaCalendar(), zone: shanghai)
        }
    }

    /// 000 篇2 §4.8: a villa's large repair is revisited at once, not sampled; the month's
    /// figures say how many picks were revisited inside their window.
    @Test func villaLargeRepairsAndTheMonthFigures() throws {
        let v = try profile("villa"), cal = try chinaCalendar()
        let plain = try finished(1, .repair, on: "2026-11-10", prefix: "L")[0]
        let large = try CaseFile(id: plain.id, events: plain.events.enumerated().map { i, e in
            guard i == 0 else { return e }
            var open = e
            open.intake?.repairSize = .large
            return open
        })
        let intake = large.intake
        #expect(intake.repairSize == .large)
        #expect(Schedule.revisitRule(for: intake, profile: v)?.rate == 100)
        let plan = try Schedule.revisits(for: intake, resolvedAt: t("2026-11-10T11:00"), profile: v, calendar: cal)
        #expect(plan.first?.due.description == "2026-11-10T17:30:00+08:00")
        let routine = try finished(12, .repair, on: "2026-11-10", prefix: "A")
        var files = routine + [large]
        let s = try Sampling.sample(month: "2026-11", cases: files, profile: v, calendar: cal, zone: shanghai)
        #expect(s.revisits.population.count == 12 && !s.revisits.population.contains(large.id))
        // Revisit one pick inside its window and one after it.
        let first = s.revisits.selected[0].id, second = s.revisits.selected[1].id
        files = try files.map { file in
            guard file.id == first || file.id == second else { return file }
            var r = Event(at: t(file.id == first ? "2026-12-03T10:00" : "2026-12-09T10:00"), by: "chen.jie", action: .revisit)
            r.mode = .home
            r.satisfied = true
            return try CaseFile(id: file.id, events: file.events + [r])
        }
        let bounds = try #require(Sampling.bounds(of: "2026-11", in: shanghai))
        let f = try #require(MonthReport.compute(month: "2026-11", cases: files, profile: v, at: t("2026-12-10T09:00"), bounds: bounds, samples: [s]).sampled)
        #expect(f.finished == 12 && f.drawn == 12 && f.selected == 5 && f.revisited == 2 && f.insideWindow == 1 && f.requiredPercent == nil)
    }
}
