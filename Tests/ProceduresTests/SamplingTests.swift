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
}
