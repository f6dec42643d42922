import ArgumentParser
import CaseModel
import CasebookEngine
import Foundation
import GitStore
import Procedures

/// `casebook company sample --month YYYY-MM`: head office's spot checks across the centres.
struct CompanySampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Draw head office's spot checks of the month's revisits across every centre (001 §5.5.1–5.5.3), committed.",
        discussion: """
        公司管理部 checks 10 % of complaint revisits and 1 % of help revisits, 总经办 3 % of all revisits (each rounded up).
        The population is every case a centre revisited in the month, read at the commit head office last accepted
        (company fetch); cases are taken in the order of SHA-256 of a seed (the month and the whole population) with
        the draw's name and CENTRE/ID, so the same repositories and month always give the same picks. Written to
        records/spot-checks/YYYY-MM.json by 公司管理部, 总经办 or the general manager; a month is drawn once.
        Example: casebook company sample --month 2026-11 --as zhao.gs
        """
    )
    @OptionGroup var options: CompanyOptions
    @Option(help: ArgumentHelp("The month, YYYY-MM.", valueName: "month")) var month: String

    func run() throws {
        try Retry.onConcurrentUpdate {
            let ws = try options.workspace()
            let author = try ws.actor(options.actor, mayAct: [.companyManagement, .generalOffice, .generalManager],
                                      what: CompanyWorkspace.samplePath(month))
            guard let bounds = Sampling.bounds(of: month, in: ws.zone), Int(month.suffix(2)).map({ (1...12).contains($0) }) == true else {
                throw Failure(key: "month.report")
            }
            guard try ws.sample(of: month) == nil else { throw Failure(key: "company.sampled", month) }
            // Drawn once the month is over, from what head office has collected.
            guard try ws.now() >= bounds.end else { throw Failure(key: "company.monthNotOver", month) }
            guard ws.centres.centres.contains(where: { ws.collection?[$0.code]?.commit != nil }) else {
                throw Failure(key: "company.nothingCollected")
            }
            var population: [CompanySampling.Revisited] = []
            var commits: [String: String] = [:]
            for centre in ws.centres.centres {
                guard let reader = try CentreReader(centre, in: ws) else { continue }
                commits[centre.code] = reader.commit.hex
                let b = Sampling.bounds(of: month, in: reader.ws.zone) ?? bounds
                population += CompanySampling.revisited(centre: centre.code, cases: try reader.ws.allCases(), bounds: b)
            }
            let sample = CompanySampling.sample(month: month, population: population, commits: commits)
            try ws.commit([FileChange(path: CompanyWorkspace.samplePath(month), content: try RecordJSON.encode(sample))], by: author, message: """
                company: spot checks of \(month)

                Month: \(month)
                Action: company-sample
                """)
            let s = DeskLanguage.strings
            for d in sample.draws {
                print(s.fill("company.sampled", [d.name, "\(d.selected.count)", "\(d.population.count)"]))
                for c in d.selected { print("  \(c.name)") }
            }
        }
    }
}

/// `casebook company spot-check CENTRE CASE --reached --satisfied --remarks …`.
struct CompanySpotCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spot-check",
        abstract: "Record the result of a head-office spot check of a revisited case (001 §5.5).",
        discussion: """
        The case must be among the month's picks of a draw the actor's department checks (公司管理部: complaint and
        help revisits; 总经办: all revisits; the general manager: any). One signed commit.
        Example: casebook company spot-check CH01 C-20261103-A01-0002 --month 2026-11 --reached --satisfied --remarks '住户认可' --as zhao.gs
        """
    )
    @OptionGroup var options: CompanyOptions
    @Argument(help: "The centre's code.") var centre: String
    @Argument(help: "The case id at that centre.") var id: String
    @Option(help: ArgumentHelp("The month of the draw, YYYY-MM (default: the latest month the case was drawn in).", valueName: "month")) var month: String?
    @Flag(help: "The resident was reached.") var reached = false
    @Flag(inversion: .prefixedNo, help: "Whether the resident was satisfied (with --reached).") var satisfied: Bool?
    @Option(help: "What the resident said, briefly.") var remarks: String?

    func validate() throws {
        if satisfied != nil, !reached { throw ValidationError("--satisfied/--no-satisfied only with --reached") }
    }

    func run() throws {
        try Retry.onConcurrentUpdate {
            let ws = try options.workspace()
            guard ws.centres[centre] != nil else { throw Failure(key: "company.noCentre", oneLine(centre, limit: 20)) }
            let which = CentreCase(centre: centre, id: CaseID(rawValue: id))
            let author = try ws.actor(options.actor, mayAct: [.companyManagement, .generalOffice, .generalManager], what: "records/spot-checks")
            let samples = try ws.samples()
            let candidates = samples.filter { sample in month.map { $0 == sample.month } ?? true }
            guard var sample = candidates.last(where: { s in s.draws.contains { $0.selected.contains(which) } }) ?? candidates.last else {
                throw Failure(key: "company.noSample", month ?? "-")
            }
            let allowed = author.roles.contains(.generalManager) || author.roles.contains { sample.isSelected(which, for: $0) }
            guard allowed else { throw Failure(key: "company.notSelected", which.name, sample.month, author.id.rawValue) }
            // Residents' phone numbers never enter the history in clear (PIPL Art. 51).
            let said = try remarks.map { Contact.maskMobiles(try text($0, field: "--remarks", limit: 500)) }
            sample.results.append(SpotCheckResult(centre: centre, id: which.id, by: author.id, at: try ws.now(), reached: reached,
                                                  satisfied: reached ? (satisfied ?? false) : nil, remarks: said))
            try ws.commit([FileChange(path: CompanyWorkspace.samplePath(sample.month), content: try RecordJSON.encode(sample))], by: author, message: """
                company: spot check \(which.name)

                Centre: \(centre)
                Case-Id: \(id)
                Action: company-spot-check
                """)
        }
        print("\(centre)/\(id)")
    }
}
