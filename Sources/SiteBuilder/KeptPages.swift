import CaseModel
import Foundation
import Procedures

/// A monthly report page as an earlier build made it, kept by the caller so that a rebuild
/// whose month did not change takes it instead of making the figures and the analysis again.
/// The page is kept with `KeptPage.mark` where it shows the build's minute (the footer's
/// "generated at" and the report's "as of"), so that it still serves at a later minute while
/// the clock has not passed a deadline of its cases.
public struct KeptPage: Equatable, Sendable {
    /// A digest of everything the page is made of but the clock (`Dashboard.reportInputs`).
    public var inputs: String
    /// The build's clock when it was made, and the last moment its clock-dependent figures hold
    /// (the earliest deadline or planned revisit of its cases still to fall due; nil: always).
    public var madeAt: Int64
    public var until: Int64?
    /// The page, with `mark` in place of the build's minute.
    public var template: Data

    public init(inputs: String, madeAt: Int64, until: Int64?, template: Data) {
        self.inputs = inputs
        self.madeAt = madeAt
        self.until = until
        self.template = template
    }

    /// What stands for the build's minute in `template` (no page text holds a U+0001).
    static let mark = "\u{1}minute\u{1}"

    /// Whether the page still shows the figures at `now` as it was made.
    func holds(at now: Timestamp) -> Bool {
        now.unixSeconds >= madeAt && until.map { now.unixSeconds <= $0 } ?? true
    }

    /// The page at the build's `minute`.
    /// On bytes (through Foundation's string replacing it was 2 % of a rebuild at 89,087 cases).
    func filled(_ minute: String) -> Data {
        let mark = Array(KeptPage.mark.utf8), with = Array(Markup.escaped(minute).utf8)
        var out: [UInt8] = []
        out.reserveCapacity(template.count + 64)
        template.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var i = 0, copied = 0
            while i + mark.count <= bytes.count {
                if bytes[i] == mark[0], bytes[i..<i + mark.count].elementsEqual(mark) {
                    out.append(contentsOf: bytes[copied..<i])
                    out.append(contentsOf: with)
                    i += mark.count
                    copied = i
                } else {
                    i += 1
                }
            }
            out.append(contentsOf: bytes[copied...])
        }
        return Data(out)
    }
}

/// What the report pages' inputs share in one build, each made once: the samples' digest
/// (`Dashboard.samplesKey`) and the digests of the parts (a month's cases are read by its page and
/// by the pages of the months compared with it); a part nil: one of its cases is not known.
final class ReportParts {
    struct Part {
        var digest: String
        var until: Int64?
    }
    let samples: String
    var parts: [String: Part?] = [:]

    init(samples: String) {
        self.samples = samples
    }
}

/// What the caller keeps of the aggregate pages between builds (`Dashboard.keeping`).
public struct PageKeeping {
    /// The pages the last build kept, by path.
    public var kept: [String: KeptPage]
    /// Each case's blob id and the last moment its clock-dependent facts hold (nil when the case
    /// is not known: its month's page is made again).
    public var caseClock: (CaseID) -> (blob: String, until: Int64?)?
    /// Called with each page made or taken, for the next build.
    public var keep: (String, KeptPage) -> Void
    /// The digest `KeptPage.inputs` is taken with (the caller's: this module has no hash).
    public var digest: (String) -> String
    /// What names the committed samples (their files' blob ids), when the caller knows it;
    /// nil: a digest of the samples encoded again.
    public var samples: String?

    public init(kept: [String: KeptPage], caseClock: @escaping (CaseID) -> (blob: String, until: Int64?)?,
                keep: @escaping (String, KeptPage) -> Void, digest: @escaping (String) -> String) {
        self.kept = kept
        self.caseClock = caseClock
        self.keep = keep
        self.digest = digest
    }
}

extension Dashboard {
    /// The report page of `month`: taken from `keeping` when its inputs are those it was made
    /// from and its figures still hold at the clock, else made (and handed to `keeping`).
    func reportPage(_ month: String, _ totals: MonthTotals, parts: ReportParts) -> Data? {
        let path = "reports/\(month).html"
        guard let keeping, let (inputs, until) = reportInputs(month, totals, parts: parts) else {
            return ReportPage(self, month: month, totals).map { Data($0.render().utf8) }
        }
        if let kept = keeping.kept[path], kept.inputs == inputs, kept.holds(at: now) {
            keeping.keep(path, kept)
            return kept.filled(time.minute(now))
        }
        guard var page = ReportPage(self, month: month, totals) else { return nil }
        page.frame.generatedAt = KeptPage.mark
        page.asOf = KeptPage.mark
        let made = KeptPage(inputs: inputs, madeAt: now.unixSeconds, until: until, template: Data(page.render().utf8))
        keeping.keep(path, made)
        return made.filled(time.minute(now))
    }

    /// A digest of what `month`'s report page is made of but the clock, and the last moment the
    /// clock-dependent figures hold: the cases it counts and compares (by blob), the corrective
    /// actions it lists, the late entries and unsigned steps of the month, the samples, whether
    /// each spot-checked case has a page, and `renderKey`. nil: a case is not known.
    func reportInputs(_ month: String, _ totals: MonthTotals, parts: ReportParts) -> (String, Int64?)? {
        guard let keeping, let bounds = totals.bounds[month] else { return nil }
        var until: Int64?
        var text = "\(renderKey)\n\(month) first=\(totals.firstMonth ?? "-")\n"
        /// Adds the digest of `cases` (each case's id and blob, in id order), taken once per part.
        func add(_ name: String, _ cases: @autoclosure () -> [Procedures.CaseSummary]) -> Bool {
            let part: ReportParts.Part
            if let known = parts.parts[name] {
                guard let known else { return false }
                part = known
            } else {
                var lines = ""
                var holdsUntil: Int64?
                for id in cases().map(\.id).sorted(by: { $0.rawValue < $1.rawValue }) {
                    guard let (blob, holds) = keeping.caseClock(id) else {
                        parts.parts[name] = .some(nil)
                        return false
                    }
                    lines += "\(id.rawValue) \(blob)\n"
                    if let holds { holdsUntil = min(holdsUntil ?? holds, holds) }
                }
                part = ReportParts.Part(digest: keeping.digest(lines), until: holdsUntil)
                parts.parts[name] = part
            }
            text += "\(name) \(part.digest)\n"
            if let holds = part.until { until = min(until ?? holds, holds) }
            return true
        }
        // The cases of the month and of the months compared (each month's digested once a build:
        // as ids of one set, every month's page sorted four months of cases again).
        let compared = MonthAnalysis.previousMonths(of: month, rule: profile.analysisRule).filter { $0 >= totals.firstMonth ?? month }
        if compared.allSatisfy({ totals.bounds[$0] != nil }) {
            for m in [month] + compared {
                guard add("month " + m, totals.reportCases[m] ?? []) else { return nil }
            }
        } else {
            guard add("all", totals.summaries) else { return nil }
        }
        let actions = correctiveActions.filter { ($0.intake.inspection?.finding ?? "").hasPrefix(month + "/") }
        for action in actions {
            guard let (blob, holds) = keeping.caseClock(action.id) else { return nil }
            text += "action \(action.id.rawValue) \(blob) \(actionStanding(action))\n"
            if let holds { until = min(until ?? holds, holds) }
        }
        for entry in totals.lateEntries where entry.recordedAt >= bounds.start && entry.recordedAt < bounds.end {
            text += "late \(entry.by.rawValue) \(entry.recordedAt.unixSeconds)\n"
        }
        for step in totals.unsignedSteps[month] ?? [] { text += "unsigned \(step.by.rawValue) \(step.count)\n" }
        text += "samples \(parts.samples)\n"
        for sample in samples where sample.month == month {
            for draw in sample.spotChecks { for pick in draw.selected { text += "spot \(pick.id.rawValue) \(hasCase(pick.id))\n" } }
        }
        return (keeping.digest(text), until)
    }

    /// A digest of the committed samples, as the report pages' inputs name them (once a build); "" without `keeping`.
    var samplesKey: String {
        guard let keeping else { return "" }
        if let named = keeping.samples { return named }
        var text = ""
        for sample in samples { text += String(decoding: (try? RecordJSON.encode(sample)) ?? Data(), as: UTF8.self) + "\n" }
        return keeping.digest(text)
    }
}
