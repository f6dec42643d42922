import ArgumentParser
import CaseModel
import CasebookEngine
import Foundation
import GitStore
import SiteBuilder

/// `casebook company site --out DIR`: the company dashboard as static files.
struct CompanySite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Generate the company dashboard from each centre's accepted commit.",
        discussion: """
        Pages: index.html (league table of the centres for the month and the year: requests, on-time rate, revisit
        rate against the required rate, satisfaction, overdue now, unsatisfied revisits, late entries; the last
        collection, with unreachable and refused centres and their last good fetch), trends.html (on-time rate month
        by month), overdue.html (each major complaint's 12-hour report to head office with its standing, then every
        overdue deadline across the centres, majors first), oversight.html (reviews and archives missing at each
        centre), spot-checks.html; league.json (each centre's month and year as `report --json` prints them).
        A case is named by centre and id. Residents never appear.
        Example: casebook company site --out company-site --month 2026-11
        """
    )
    @OptionGroup var options: CompanyOptions
    @Option(help: "Output folder.") var out: String = "company-site"
    @Option(help: ArgumentHelp("The month of the league table, YYYY-MM (default: the month of now).", valueName: "month")) var month: String?
    @Option(help: ArgumentHelp("Language of the pages: zh-Hans or en (default: records/company.json's locale).", valueName: "lang")) var lang: String?

    func validate() throws {
        if let lang, Language(rawValue: lang) == nil { throw ValidationError("--lang: zh-Hans or en, not '\(lang.prefix(20))'") }
    }

    func run() throws {
        let ws = try options.workspace()
        let now = try ws.now()
        let month = self.month ?? String(now.localDay.prefix(7))
        guard month.count == 7, Int(month.prefix(4)) != nil, Int(month.suffix(2)).map({ (1...12).contains($0) }) == true, Array(month)[4] == "-" else {
            throw Failure(key: "month.report")
        }
        let language = lang.flatMap(Language.init(rawValue:)) ?? Language(rawValue: ws.settings.locale) ?? .zhHans
        var centres: [CentreFigures] = []
        var overdue: [OverdueDeadline] = []
        var majors: [MajorReport] = []
        var missing: [MissingOversight] = []
        // Each centre's figures: kept ones where they hold at this commit, month and moment, the rest read side by side.
        for (centre, read) in zip(ws.centres.centres, try CentreFiguresCache.reads(ws.centres.centres, in: ws, month: month, at: now)) {
            guard let read else {
                centres.append(CentreFigures(code: centre.code, name: centre.name, site: centre.site))
                continue
            }
            centres.append(read.figures(for: centre))
            overdue += read.overdue
            majors += read.majors
            missing += read.missing
        }
        var dashboard = CompanyDashboard(companyName: ws.settings.name, language: language, now: now, month: month, centres: centres)
        dashboard.overdue = overdue.sorted { ($0.isMajor ? 0 : 1, $0.due, $0.which) < ($1.isMajor ? 0 : 1, $1.due, $1.which) }
        dashboard.majorReports = majors.sorted { ($0.due, $0.which) < ($1.due, $1.which) }
        dashboard.missing = missing.sorted { ($0.due.date, $0.centre) < ($1.due.date, $1.centre) }
        dashboard.samples = try ws.samples()
        dashboard.collection = ws.collection
        let files = try dashboard.files()
        let root = URL(fileURLWithPath: out)
        var written = 0
        do {
            for file in files {
                let url = root.appendingPathComponent(file.path)
                // Only what changed is written again: a page whose inputs did not change keeps its file.
                if FileManager.default.contents(atPath: url.path) == file.content { continue }
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try AtomicFile.write(file.content, to: url.path, durable: false)
                written += 1
            }
        } catch {
            throw Failure(key: "cannotWriteSite", out, error.localizedDescription)
        }
        print(DeskLanguage.strings.fill("company.siteWritten", [out, "\(files.count)", "\(written)"]))
    }
}
