import CaseModel
import Crypto
import Foundation

/// The revisit sample of routine work and the spot checks (002 篇2 §4.1.1–4.1.2; 000 篇2
/// §4.3–4.4; 001 §5.5), drawn so that anyone can recompute them: cases are taken in order of
/// SHA-256(seed + ":" + draw + ":" + id), the seed a SHA-256 of what the draw was made from.
///
/// **When** the selection is drawn is the profile's (`SamplingRule.draw`):
///
/// - `month-end` (villa, 000 篇2 §4.3–4.4): on the 30th, the month's routine work at once, every
///   pick due by the 5th of the next month; the seed covers the month, the profile and the
///   sorted population.
/// - `daily` (residential): a repair is revisited within five days of its completion and help
///   within a week (002 篇2 §4.1.1 b, f), so a month-end draw would put most picks weeks outside
///   their window. Instead `sweep` draws, on the first run of each day, the month's routine work
///   finished before that day and not yet drawn (`daily(…)`), and each pick is due at the end of
///   its kind's window counted from its resolution. Each draw takes just enough to bring the
///   month's picks to `ceil(rate × all drawn so far)`: that target never rises by more than the
///   draw's population, so after every draw the month's picks are exactly the rate of its
///   finished work, rounded up, and at month end the rate is met. Which cases are taken within
///   a draw is the hash order under a seed of the month, the day, the profile and the draw's
///   population, unknown to anyone before the day is over. Every draw records its population
///   and the month's earlier counts, so it is recomputed from its own file (`recompute`), and
///   the hook recomputes it from the cases at its base (`daily` again), refusing a hand-picked
///   one. The month file (`sample --month`) then draws whatever is still undrawn the same way,
///   with the spot checks.
public enum Sampling {
    /// The first and last moment of `month` (`YYYY-MM`) in `zone`.
    public static func bounds(of month: String, in zone: TimeZone) -> (start: Timestamp, end: Timestamp)? {
        guard month.count == 7, let start = Timestamp.parse(month + "-01", defaultZone: zone) else { return nil }
        return (start, start.addingMonths(1))
    }

    static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// `population` ordered by the hash of each id under `seed` and `draw`, first `count` taken.
    static func draw(_ population: [CaseID], count: Int, seed: String, name: String) -> [CaseID] {
        population.map { ($0, sha256("\(seed):\(name):\($0.rawValue)")) }
            .sorted { $0.1 < $1.1 }
            .prefix(count).map(\.0)
    }

    /// Whether `file` is routine work the rule samples: a sampled kind whose own revisit rule is
    /// below 100 % (a villa's large repair is revisited at once instead, 000 篇2 §4.8).
    public static func isSampled(_ file: CaseFile, rule: SamplingRule, profile: Profile) -> Bool {
        isSampled(kind: file.intake.kind, severity: file.intake.severity, repairSize: file.intake.repairSize, rule: rule, profile: profile)
    }

    /// `isSampled` of a case given by its facts.
    public static func isSampled(_ facts: CaseFacts, rule: SamplingRule, profile: Profile) -> Bool {
        isSampled(kind: facts.kind, severity: facts.severity, repairSize: facts.repairSize, rule: rule, profile: profile)
    }

    static func isSampled(kind: Kind, severity: Severity?, repairSize: RepairSize?, rule: SamplingRule, profile: Profile) -> Bool {
        rule.kinds.contains(kind)
            && (Schedule.revisitRule(kind: kind, severity: severity, repairSize: repairSize, profile: profile)?.rate ?? 0) < 100
    }

    /// The month's draws made the daily way (`drawnOn` set, prior counts recorded) among `samples`.
    public static func dailyDraws(of month: String, in samples: [MonthlySample]) -> [MonthlySample] {
        samples.filter { $0.month == month && $0.revisits.priorPopulation != nil }
            .sorted { ($0.revisits.priorPopulation ?? 0, $0.drawnOn ?? "") < ($1.revisits.priorPopulation ?? 0, $1.drawnOn ?? "") }
    }

    /// The sample for `month` from `cases` (as they stand at HEAD) under `profile`. Under a daily
    /// rule the revisit draw takes the month's finished work not in `earlier` (the month's draws
    /// so far), drawn on `day`, as `daily` would.
    /// - Throws: `Refusal` if the profile has no sampling rule, the month is malformed, or the
    ///   due date falls outside the calendar.
    public static func sample(month: String, cases: [CaseFile], profile: Profile, calendar: BusinessCalendar, zone: TimeZone,
                              earlier: [MonthlySample] = [], on day: String? = nil) throws(Refusal) -> MonthlySample {
        try sample(month: month, facts: cases.map(CaseFacts.init), profile: profile, calendar: calendar, zone: zone, earlier: earlier, on: day)
    }

    /// `sample(month:cases:…)` from the facts of the cases (`CaseFacts`) instead of their files.
    public static func sample(month: String, facts cases: [CaseFacts], profile: Profile, calendar: BusinessCalendar, zone: TimeZone,
                              earlier: [MonthlySample] = [], on day: String? = nil) throws(Refusal) -> MonthlySample {
        guard let rule = profile.sampling else {
            throw Refusal(rule: "sampling", clause: "profile \(profile.name)", "the profile has no sampling rule", template: .init(.samplingNone, []))
        }
        guard let (start, end) = bounds(of: month, in: zone) else {
            throw Refusal(rule: "sampling", clause: rule.clause, "month must be YYYY-MM", template: .init(.samplingMonth, []))
        }
        func within(_ t: Timestamp) -> Bool { t >= start && t < end }
        // Routine work finished in the month: its last resolution falls in it.
        let finishedFiles = cases.filter { file in
            isSampled(file, rule: rule, profile: profile) && file.resolutions.last.map(within) == true
        }.sorted { $0.id.rawValue < $1.id.rawValue }
        let finished = finishedFiles.map(\.id)
        let revisited = cases.filter { file in file.revisits.contains(where: within) }
        let seed = sha256("casebook.sample/1|\(month)|\(profile.reference)|" + finished.map(\.rawValue).joined(separator: ",")
                          + "|" + revisited.map(\.id.rawValue).sorted().joined(separator: ","))
        let spot = (profile.spotChecks ?? []).map { check -> MonthlySample.Draw in
            let population = revisited.filter { check.kinds.isEmpty || check.kinds.contains($0.kind) }.map(\.id).sorted { $0.rawValue < $1.rawValue }
            let count = (check.percent * population.count + 99) / 100
            return MonthlySample.Draw(name: check.name, population: population,
                                      selected: draw(population, count: count, seed: seed, name: check.name).map { MonthlySample.Pick(id: $0) },
                                      clause: check.clause)
        }
        if rule.timing == .daily {
            let day = day ?? end.adding(seconds: -1).localDay
            let population = try undrawn(month: month, before: nil, cases: cases, earlier: earlier, rule: rule, profile: profile, zone: zone)
            let revisits = try dailyDraw(population, earlier: dailyDraws(of: month, in: earlier), seed: seed, rule: rule, profile: profile, calendar: calendar)
            return MonthlySample(month: month, profile: profile.reference, seed: seed, revisits: revisits, spotChecks: spot, drawnOn: day)
        }

        let band = rule.bands.first { $0.upTo.map { finished.count <= $0 } ?? true } ?? SampleBand(percent: 100)
        let chosen = draw(finished, count: band.size(of: finished.count), seed: seed, name: "revisits")
        let nextMonth = end.localDay.prefix(7)
        let dueDay = "\(nextMonth)-" + (rule.dueDay < 10 ? "0\(rule.dueDay)" : "\(rule.dueDay)")
        guard let dueStart = Timestamp.parse(dueDay, defaultZone: zone) else {
            throw Refusal(rule: "sampling", clause: rule.clause, "dueDay \(rule.dueDay) is not a day of \(nextMonth)",
                          template: .init(.samplingDueDay, [.text("\(rule.dueDay)"), .text(String(nextMonth))]))
        }
        let due = try calendar.endOfWorkingDays(0, after: dueStart)
        let homes = rule.homeVisitsMoreThanHalf ? chosen.count / 2 + 1 : 0
        let resolvedAt = Dictionary(uniqueKeysWithValues: finishedFiles.map { ($0.id, $0.resolutions.last) })
        let picks = chosen.enumerated().map { i, id in
            MonthlySample.Pick(id: id, due: due, mode: i < homes ? .home : nil, resolvedAt: resolvedAt[id] ?? nil)
        }
        return MonthlySample(month: month, profile: profile.reference, seed: seed,
                             revisits: MonthlySample.Draw(name: "revisits", population: finished, selected: picks, clause: rule.clause),
                             spotChecks: spot)
    }

    /// The daily draw of `month` made on `day` (`YYYY-MM-DD`): the month's routine work finished
    /// before `day` began and in none of `earlier` (the month's samples and draws so far), nil
    /// when there is none. See the type's documentation for why it meets the rate and keeps
    /// every revisit inside its window.
    /// - Throws: `Refusal` when the profile does not draw daily, or a window falls outside the calendar.
    public static func daily(month: String, on day: String, cases: [CaseFile], earlier: [MonthlySample], profile: Profile,
                             calendar: BusinessCalendar, zone: TimeZone) throws(Refusal) -> MonthlySample? {
        try daily(month: month, on: day, facts: cases.map(CaseFacts.init), earlier: earlier, profile: profile, calendar: calendar, zone: zone)
    }

    /// `daily(month:on:cases:…)` from the facts of the cases (`CaseFacts`) instead of their files.
    public static func daily(month: String, on day: String, facts cases: [CaseFacts], earlier: [MonthlySample], profile: Profile,
                             calendar: BusinessCalendar, zone: TimeZone) throws(Refusal) -> MonthlySample? {
        guard let rule = profile.sampling, rule.timing == .daily else {
            throw Refusal(rule: "sampling", clause: profile.sampling?.clause ?? "profile \(profile.name)", "the profile does not draw its sample daily",
                          template: .init(.samplingNotDaily, []))
        }
        guard let cutoff = Timestamp.parse(day, defaultZone: zone) else {
            throw Refusal(rule: "sampling", clause: rule.clause, "day must be YYYY-MM-DD", template: .init(.samplingDay, []))
        }
        let population = try undrawn(month: month, before: cutoff, cases: cases, earlier: earlier, rule: rule, profile: profile, zone: zone)
        guard !population.isEmpty else { return nil }
        let seed = dailySeed(month: month, day: day, profile: profile.reference, population: population.map(\.file.id))
        let revisits = try dailyDraw(population, earlier: dailyDraws(of: month, in: earlier), seed: seed, rule: rule, profile: profile, calendar: calendar)
        return MonthlySample(month: month, profile: profile.reference, seed: seed, revisits: revisits, spotChecks: [], drawnOn: day)
    }

    static func dailySeed(month: String, day: String, profile: String, population: [CaseID]) -> String {
        sha256("casebook.draw/1|\(month)|\(day)|\(profile)|" + population.map(\.rawValue).joined(separator: ","))
    }

    /// The month's routine work finished (its last resolution in the month, before `cutoff`)
    /// and in no population of `earlier`, by id, with that resolution.
    static func undrawn(month: String, before cutoff: Timestamp?, cases: [CaseFacts], earlier: [MonthlySample], rule: SamplingRule,
                        profile: Profile, zone: TimeZone) throws(Refusal) -> [(file: CaseFacts, resolvedAt: Timestamp)] {
        guard let (start, end) = bounds(of: month, in: zone) else {
            throw Refusal(rule: "sampling", clause: rule.clause, "month must be YYYY-MM", template: .init(.samplingMonth, []))
        }
        let drawn = Set(earlier.filter { $0.month == month }.flatMap(\.revisits.population))
        return cases.compactMap { file -> (file: CaseFacts, resolvedAt: Timestamp)? in
            guard isSampled(file, rule: rule, profile: profile), !drawn.contains(file.id),
                  let last = file.resolutions.last(where: { at in at >= start && at < end && cutoff.map { at < $0 } ?? true })
            else { return nil }
            return (file, last)
        }.sorted { $0.file.id.rawValue < $1.file.id.rawValue }
    }

    /// How many picks the month should have once `drawn` of its finished cases are drawn.
    public static func quota(_ drawn: Int, rule: SamplingRule) -> Int {
        (rule.bands.first { $0.upTo.map { drawn <= $0 } ?? true } ?? SampleBand(percent: 100)).size(of: drawn)
    }

    /// One daily draw from `population` after the month's `earlier` draws: enough picks to bring
    /// the month's to `quota`, each due at the end of its kind's window from its resolution.
    static func dailyDraw(_ population: [(file: CaseFacts, resolvedAt: Timestamp)], earlier: [MonthlySample], seed: String, rule: SamplingRule,
                          profile: Profile, calendar: BusinessCalendar) throws(Refusal) -> MonthlySample.Draw {
        let priorN = earlier.reduce(0) { $0 + $1.revisits.population.count }
        let priorS = earlier.reduce(0) { $0 + $1.revisits.selected.count }
        let take = max(0, min(population.count, quota(priorN + population.count, rule: rule) - priorS))
        let ids = population.map(\.file.id)
        var picks: [MonthlySample.Pick] = []
        for id in draw(ids, count: take, seed: seed, name: "revisits") {
            guard let (file, resolvedAt) = population.first(where: { $0.file.id == id }) else { continue }
            let window = Schedule.revisitRule(kind: file.kind, severity: file.severity, repairSize: file.repairSize, profile: profile)?.within ?? Span(days: 7)
            picks.append(MonthlySample.Pick(id: id, due: try calendar.adding(window, to: resolvedAt), resolvedAt: resolvedAt))
        }
        return MonthlySample.Draw(name: "revisits", population: ids, selected: picks, clause: rule.clause,
                                  priorPopulation: priorN, priorSelected: priorS)
    }

    /// What an auditor can check of the month's draws from their files alone: each daily draw's
    /// picks are the hash order of its population under its seed (a daily file's seed is
    /// recomputed from its month, day, profile and population), as many as the rate asks given
    /// the draws before it; the prior counts chain; no case is drawn twice. A month file's seed is
    /// recomputed from its population and the revisited cases its spot checks list (where one
    /// spot check covers every kind), and its month-end selection and spot checks from that seed.
    /// One line per problem.
    public static func recompute(_ samples: [MonthlySample], month: String, rule: SamplingRule, profile: Profile) -> [String] {
        var problems: [String] = []
        var n = 0, s = 0
        var seen: Set<CaseID> = []
        for d in dailyDraws(of: month, in: samples) {
            let name = d.drawnOn ?? month
            if d.spotChecks.isEmpty, let day = d.drawnOn,
               d.seed != dailySeed(month: month, day: day, profile: d.profile, population: d.revisits.population) {
                problems.append("\(name): seed differs from SHA-256 of its month, day, profile and population")
            }
            if d.revisits.priorPopulation != n || d.revisits.priorSelected != s {
                problems.append("\(name): prior counts \(d.revisits.priorPopulation ?? 0)/\(d.revisits.priorSelected ?? 0) differ from the earlier draws' \(n)/\(s)")
            }
            let take = max(0, min(d.revisits.population.count, quota(n + d.revisits.population.count, rule: rule) - s))
            if draw(d.revisits.population, count: take, seed: d.seed, name: "revisits") != d.revisits.selected.map(\.id) {
                problems.append("\(name): the selection is not the draw of its population under its seed")
            }
            let twice = seen.intersection(d.revisits.population)
            if !twice.isEmpty { problems.append("\(name): drawn twice: \(twice.map(\.rawValue).sorted().joined(separator: ", "))") }
            seen.formUnion(d.revisits.population)
            n += d.revisits.population.count
            s += d.revisits.selected.count
        }
        for m in samples where m.month == month && (m.drawnOn == nil || !m.spotChecks.isEmpty) {
            let checks = profile.spotChecks ?? []
            // A month-end file's seed covers its population and the month's revisited cases (the
            // spot check of every kind lists them all); a daily profile's month file is checked by the hook.
            if m.revisits.priorPopulation == nil, let all = checks.firstIndex(where: { $0.kinds.isEmpty }), all < m.spotChecks.count {
                let seed = sha256("casebook.sample/1|\(month)|\(m.profile)|" + m.revisits.population.map(\.rawValue).joined(separator: ",")
                                  + "|" + m.spotChecks[all].population.map(\.rawValue).sorted().joined(separator: ","))
                if seed != m.seed { problems.append("\(month): seed differs from SHA-256 of its month, profile and population") }
            }
            for (check, d) in zip(checks, m.spotChecks)
            where draw(d.population, count: (check.percent * d.population.count + 99) / 100, seed: m.seed, name: check.name) != d.selected.map(\.id) {
                problems.append("\(month): spot check \(d.name) is not the draw of its population under the seed")
            }
            if m.revisits.priorPopulation == nil,
               draw(m.revisits.population, count: quota(m.revisits.population.count, rule: rule), seed: m.seed, name: "revisits") != m.revisits.selected.map(\.id) {
                problems.append("\(month): the selection is not the draw of its population under its seed")
            }
        }
        return problems
    }

    /// `samples` with each month's daily draws and month file shown as one: the populations and
    /// picks of all the month's draws, in the order drawn, with the month file's seed and spot
    /// checks (for the revisit page and the agenda).
    public static func merged(_ samples: [MonthlySample]) -> [MonthlySample] {
        Dictionary(grouping: samples, by: \.month).values.compactMap { group -> MonthlySample? in
            guard group.count > 1 else { return group.first }
            let ordered = group.sorted { ($0.revisits.priorPopulation ?? 0, $0.drawnOn ?? "") < ($1.revisits.priorPopulation ?? 0, $1.drawnOn ?? "") }
            guard var whole = ordered.first(where: { !$0.spotChecks.isEmpty }) ?? ordered.last else { return nil }
            whole.revisits = MonthlySample.Draw(name: "revisits", population: ordered.flatMap(\.revisits.population),
                                                selected: ordered.flatMap(\.revisits.selected), clause: whole.revisits.clause)
            return whole
        }.sorted { $0.month < $1.month }
    }

    /// The earliest moment the sample of `month` may be drawn (the rule's day, capped at the month's end).
    public static func earliest(for month: String, rule: SamplingRule, zone: TimeZone) -> Timestamp? {
        guard let (start, end) = bounds(of: month, in: zone) else { return nil }
        let candidate = start.adding(seconds: (rule.fromDay - 1) * 86_400)
        let lastDay = end.adding(seconds: -86_400)
        return min(candidate, Timestamp.parse(lastDay.localDay, defaultZone: zone) ?? lastDay)
    }
}
