import CaseModel
import Crypto
import Foundation

/// The monthly revisit sample and the spot checks (000 篇2 §4.3–4.4; 001 §5.5), drawn so that
/// anyone can recompute them: the seed is SHA-256 of the month, the profile and the sorted
/// population, and cases are taken in order of SHA-256(seed + ":" + draw + ":" + id).
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

    /// The sample for `month` from `cases` (as they stand at HEAD) under `profile`.
    /// - Throws: `Refusal` if the profile has no sampling rule, the month is malformed, or the
    ///   due date falls outside the calendar.
    public static func sample(month: String, cases: [CaseFile], profile: Profile, calendar: BusinessCalendar, zone: TimeZone) throws(Refusal) -> MonthlySample {
        guard let rule = profile.sampling else {
            throw Refusal(rule: "sampling", clause: "profile \(profile.name)", "the profile has no sampling rule", template: .init(.samplingNone, []))
        }
        guard let (start, end) = bounds(of: month, in: zone) else {
            throw Refusal(rule: "sampling", clause: rule.clause, "month must be YYYY-MM", template: .init(.samplingMonth, []))
        }
        func within(_ t: Timestamp) -> Bool { t >= start && t < end }
        // Routine work finished in the month: its last resolution falls in it.
        let finished = cases.filter { file in
            rule.kinds.contains(file.intake.kind) && file.events.last(where: { $0.action == .resolve }).map { within($0.at) } == true
        }.map(\.id).sorted { $0.rawValue < $1.rawValue }
        let revisited = cases.filter { file in file.events.contains { $0.action == .revisit && within($0.at) } }
        let seed = sha256("casebook.sample/1|\(month)|\(profile.reference)|" + finished.map(\.rawValue).joined(separator: ",")
                          + "|" + revisited.map(\.id.rawValue).sorted().joined(separator: ","))

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
        let picks = chosen.enumerated().map { i, id in
            MonthlySample.Pick(id: id, due: due, mode: i < homes ? .home : nil)
        }
        let spot = (profile.spotChecks ?? []).map { check -> MonthlySample.Draw in
            let population = revisited.filter { check.kinds.isEmpty || check.kinds.contains($0.intake.kind) }.map(\.id).sorted { $0.rawValue < $1.rawValue }
            let count = (check.percent * population.count + 99) / 100
            return MonthlySample.Draw(name: check.name, population: population,
                                      selected: draw(population, count: count, seed: seed, name: check.name).map { MonthlySample.Pick(id: $0) },
                                      clause: check.clause)
        }
        return MonthlySample(month: month, profile: profile.reference, seed: seed,
                             revisits: MonthlySample.Draw(name: "revisits", population: finished, selected: picks, clause: rule.clause),
                             spotChecks: spot)
    }

    /// The earliest moment the sample of `month` may be drawn (the rule's day, capped at the month's end).
    public static func earliest(for month: String, rule: SamplingRule, zone: TimeZone) -> Timestamp? {
        guard let (start, end) = bounds(of: month, in: zone) else { return nil }
        let candidate = start.adding(seconds: (rule.fromDay - 1) * 86_400)
        let lastDay = end.adding(seconds: -86_400)
        return min(candidate, Timestamp.parse(lastDay.localDay, defaultZone: zone) ?? lastDay)
    }
}
