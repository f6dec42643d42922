import CaseModel
import Foundation
import Procedures
import Tagged

/// One file of the generated site: its path relative to the output folder, and its bytes.
public struct SiteFile: Equatable, Sendable {
    public let path: String
    public let content: Data

    public init(path: String, content: Data) {
        self.path = path
        self.content = content
    }

    public init(path: String, text: String) {
        self.init(path: path, content: Data(text.utf8))
    }

    /// The content as UTF-8 text (without a byte-order mark).
    public var text: String {
        let bom = Data([0xEF, 0xBB, 0xBF])
        return String(decoding: content.starts(with: bom) ? content.dropFirst(3) : content[...], as: UTF8.self)
    }
}

/// The managers' dashboard: every page and feed as bytes, from case values. No I/O: the caller
/// reads the repository and writes the files. Residents appear only in their display forms
/// (王女士, 138****5678), and free text is scrubbed of phone numbers and the reporter's name.
public struct Dashboard {
    public let siteName: String
    /// The cases read in full: every case, or with `stream` those the aggregate pages and feeds
    /// read in full (at least the open ones and the samples' picks).
    public let cases: [CaseFile]
    /// Every case, a batch at a time, for the case pages and what the later pages count over
    /// every case; nil: `cases` is every case. With it, `summaries` must hold every case.
    public var stream: CaseStream?
    /// The caller writes `cases.csv` and `cases.json` itself from the rows it keeps, in the
    /// feeds' order (`casesCSVHeader`, `casesJSONFrame`): the stream's rows need no feed lines
    /// and the build does not gather or emit them.
    public var caseFeedsByCaller = false
    /// Writes a case page from whichever thread rendered it (nil: case pages go to `build`'s
    /// `emit` in order, as every other file). Writing 89,087 new pages one after another was a
    /// quarter of a full build at 100,000 cases, with the other core idle.
    public var writeCasePage: ((SiteFile) throws -> Void)?
    public let profile: Profile
    public let now: Timestamp
    public var language: Language
    /// The repository's time zone: every time shown is in it.
    public var timeZone: TimeZone
    /// The committed monthly samples (`records/samples/YYYY-MM.json`).
    public var samples: [MonthlySample]
    /// Per case, one entry per event in the order of `events`: the commit that recorded it.
    public var provenance: [CaseID: [EventProvenance]]
    /// Every case's summary, kept by the blob id of its file (`casebook`'s summary cache), in
    /// any order; nil: made from `cases` when the monthly figures need them.
    public var summaries: [Procedures.CaseSummary]?
    /// The staff registry, for names and for who may hold a case at a level.
    public var staff: [Staff]
    /// The review sign-offs made (`records/reviews/`), as the pages read them: each one's kind and
    /// first day (`ReviewRecord.from`).
    public var reviewsSigned: [(kind: ReviewKind, from: String)] = []
    /// The months archived (`archive/YYYY-MM` tags).
    public var archivedMonths: Set<String> = []
    /// The key-owner and empty-nest registers (`records/registers/`).
    public var registers: [RegisterEntry] = []
    /// The daily round's records (`records/rounds/`); nil: no round page.
    public var rounds: RoundBook?
    /// The estate's units (`records/casebook.json`), for the round's coverage.
    public var units: [String] = []
    /// The contracts and their inventories (`records/contracts/`, 002 篇3); nil: no contracts page.
    public var contracts: ContractsInput?
    /// The staff-accountability ladder when the managers' page is to be written (the profile
    /// keeps it and the settings do not leave it out); nil: no page.
    public var accountability: AccountabilityRule?
    /// The years with an official holiday calendar (`records/calendar/`); nil: not known, no
    /// warning. The overview warns when this year's is missing, and from 1 November next year's.
    public var officialCalendarYears: Set<Int>?
    /// What is wrong with the notifications' set-up (`casebook notify`): one line each, in the page's language.
    public var notifyProblems: [String] = []
    /// Messages `casebook notify` has not delivered yet: shown until they go through.
    public var undelivered: [Undelivered] = []
    /// What the caller keeps of the monthly report pages between builds; nil: each is made.
    public var keeping: PageKeeping?

    public struct Undelivered: Sendable {
        public var channel: String
        public var subject: String
        public var attempts: Int
        public var answer: String
        public init(channel: String, subject: String, attempts: Int, answer: String) {
            self.channel = channel
            self.subject = subject
            self.attempts = attempts
            self.answer = answer
        }
    }
    /// The signature policy in force (`records/casebook.json`); the overview says when it is relaxed.
    public var signaturePolicy: SignaturePolicy?

    public init(siteName: String, cases: [CaseFile], profile: Profile, now: Timestamp, language: Language = .zhHans,
                timeZone: TimeZone = TimeZone(identifier: "Asia/Shanghai") ?? .current, samples: [MonthlySample] = [],
                provenance: [CaseID: [EventProvenance]] = [:], staff: [Staff] = []) {
        self.siteName = siteName
        self.cases = cases
        self.profile = profile
        self.now = now
        self.language = language
        self.timeZone = timeZone
        self.samples = samples
        self.provenance = provenance
        self.staff = staff
        let zoneTime = LocalTime(zone: timeZone)
        self.months = Array(Set(cases.map { zoneTime.month($0.intake.receivedAt) })).sorted()
        var index: [CaseID: CaseFile] = [:]
        for file in cases { index[file.id] = file }
        self.byID = index
        self.correctiveActions = cases.filter { $0.intake.inspection?.check == .analysis }
    }

    var s: Strings { Strings(language) }
    var time: LocalTime { LocalTime(zone: timeZone) }

    /// What a case's page shows that depends on the clock (each deadline's and planned
    /// revisit's standing, the late flag) or on other records (the commits of its events).
    /// With the case file's blob id and `renderKey` it identifies the page: while none of them
    /// changes, an earlier rendering of the page is still right.
    public func pageFacts(_ file: CaseFile) -> String {
        pageFacts(file, provenance: provenance[file.id] ?? [])
    }

    /// `pageFacts` with the case's provenance given.
    public func pageFacts(_ file: CaseFile, provenance proofs: [EventProvenance]) -> String {
        var facts = Schedule.overdue(file, at: now).isEmpty ? "on-time" : "late"
        for d in file.state.deadlines { facts += " " + standing(d, in: file).key }
        for p in file.state.revisitsPlanned where p.doneAt == nil { facts += p.due < now ? " due" : " ahead" }
        for proof in proofs { facts += " \(proof.commit) \(proof.signature.rawValue)" }
        return facts
    }

    /// What every page depends on besides its own records: language, site name, profile,
    /// staff names, and the month whose report the navigation links to.
    public var renderKey: String {
        var key = "\(Dashboard.renderVersion) \(language.rawValue) \(timeZone.identifier) \(siteName) \(profile.reference)"
        key += " report=\(reportInNavigation ?? "-") round=\(rounds != nil) contracts=\(contracts != nil)"
        for member in staff { key += " \(member.id.rawValue)=\(member.name) \(member.key ?? "")" }
        return key
    }

    /// Changed whenever templates, strings or page logic change in a way that alters output.
    public static let renderVersion = "site-4"

    /// Every file of the site: pages, feeds and assets, in a stable order.
    /// - Parameters:
    ///   - skipping: cases whose page is known to be unchanged (not rendered, not returned).
    ///   - progress: called now and then with pages done and pages in all.
    /// - Throws: if `cases.json` cannot be encoded.
    public func build(skipping: Set<CaseID> = [], progress: ((Int, Int) -> Void)? = nil) throws -> [SiteFile] {
        var files: [SiteFile] = []
        try build(skipping: skipping, progress: progress) { files.append($0) }
        return files
    }

    /// Every file of the site, handed to `emit` one at a time as it is made, so a site of any
    /// size is written with one page in memory. Each page is a typed value (`Pages/`), made from
    /// the dashboard's inputs and rendered to HTML by its own code.
    public func build(skipping: Set<CaseID> = [], progress: ((Int, Int) -> Void)? = nil, emit: (SiteFile) throws -> Void) throws {
        guard stream != nil else {
            // Every case is at hand: the pages in their usual order, the case pages after the lists.
            let totals = MonthTotals(self, months: reportMonths)
            try emitLists(totals, emit: emit)
            let streamed = try streamCasePages(skipping: skipping, progress: progress, emit: emit)
            try emitRest(totals, streamed, emit: emit)
            return
        }
        // Case pages, most of a site, first: what the other pages count over every case is
        // gathered as the cases stream past.
        let streamed = try streamCasePages(skipping: skipping, progress: progress, emit: emit)
        var d = self
        d.unsignedSteps = streamed.unsignedSteps
        if let summaries {
            d.months = Array(Set(summaries.map { time.month($0.receivedAt) })).sorted()
            d.correctiveActions = streamed.correctiveActions
            d.accountabilityCases = streamed.complaints
            d.streamedIDs = Set(summaries.map(\.id))
        }
        let totals = MonthTotals(d, months: d.reportMonths)
        try d.emitLists(totals, emit: emit)
        try d.emitRest(totals, streamed, emit: emit)
    }

    /// The months the figures are kept for: those with cases, and this month.
    private var reportMonths: [String] { months.contains(thisMonth) ? months : months + [thisMonth] }

    /// The overview and the lists of open, overdue and revisit work.
    private func emitLists(_ totals: MonthTotals, emit: (SiteFile) throws -> Void) throws {
        try emit(SiteFile(path: "index.html", text: OverviewPage(self, totals).render()))
        try emit(SiteFile(path: "open.html", text: OpenPage(self).render()))
        try emit(SiteFile(path: "overdue.html", text: OverduePage(self).render()))
        try emit(SiteFile(path: "revisits.html", text: RevisitsPage(self).render()))
    }

    /// The reports, the round, contracts and accountability pages, the feeds and the assets.
    private func emitRest(_ totals: MonthTotals, _ streamed: StreamTotals, emit: (SiteFile) throws -> Void) throws {
        let parts = ReportParts(samples: samplesKey)
        for month in months {
            guard let page = reportPage(month, totals, parts: parts) else { continue }
            try emit(SiteFile(path: "reports/\(month).html", content: page))
        }
        if let rounds { try emit(SiteFile(path: Dashboard.roundPath, text: RoundPage(self, rounds).render())) }
        if let contracts { try emit(SiteFile(path: Dashboard.contractsPath, text: ContractsPage(self, contracts).render())) }
        if let rule = accountability {
            try emit(SiteFile(path: Dashboard.accountabilityPath, text: AccountabilityPage(self, rule: rule).render()))
        }
        try emit(SiteFile(path: "revisits.ics", text: revisitCalendar()))
        try emit(SiteFile(path: "overdue.atom", text: overdueFeed()))
        if !caseFeedsByCaller {
            try emit(SiteFile(path: "cases.csv", content: casesCSV(streamed.csvLines.map(\.line))))
            try emit(SiteFile(path: "cases.json", content: try casesJSON(streamed.jsonEntries.map(\.entry))))
        }
        for asset in Assets.files { try emit(SiteFile(path: asset.path, text: asset.content)) }
    }

    // MARK: - What the pages share

    /// Cases by intake time, then id.
    var sortedCases: [CaseFile] {
        cases.sorted { ($0.intake.receivedAt, $0.id.rawValue) < ($1.intake.receivedAt, $1.id.rawValue) }
    }

    /// Months (`YYYY-MM`, in the repository's zone) in which cases were received, oldest first.
    var months: [String]

    /// How many cases were received in `month` (from the summaries when the cases stream).
    func receivedCount(in month: String) -> Int {
        if let summaries, stream != nil { return summaries.filter { time.month($0.receivedAt) == month }.count }
        return cases.filter { time.month($0.intake.receivedAt) == month }.count
    }

    /// Every case's facts for the reviews' coverage (from the summaries when the cases stream).
    var reviewFacts: [CaseFacts] {
        if let summaries, stream != nil { return summaries.map(\.facts) }
        return cases.map(CaseFacts.init)
    }

    /// Each step whose commit carries no verified signature, gathered while the case pages are written.
    /// nil: counted from `cases` and `provenance`.
    var unsignedSteps: [(at: Timestamp, by: StaffID)]?

    /// Every case's id when the cases stream (nil: those of `cases`).
    var streamedIDs: Set<CaseID>?

    /// Whether the site has a page for case `id`.
    func hasCase(_ id: CaseID) -> Bool { streamedIDs?.contains(id) ?? (byID[id] != nil) }

    /// The cases the accountability page tallies (valid complaints against staff); nil: `cases`.
    var accountabilityCases: [CaseFile]?

    var thisMonth: String { time.month(now) }

    /// The month whose report every page's navigation links to: this month's once it has a
    /// case, else the latest month with one.
    var reportInNavigation: String? { months.contains(thisMonth) ? thisMonth : months.last }

    func staffName(_ id: StaffID) -> String {
        staff.first { $0.id == id }.map(\.name) ?? id.rawValue
    }

    func percent(_ v: Double?) -> String {
        v.map { String(format: "%.1f%%", $0) } ?? "—"
    }

    /// Free text of `file` as a page may show it: phone numbers masked, residents' names shortened.
    func scrub(_ text: String, _ file: CaseFile) -> String {
        Privacy.scrub(text)
    }

    /// The cases by id.
    let byID: [CaseID: CaseFile]

    /// The corrective actions opened from the monthly analysis's findings (004 §4.5).
    var correctiveActions: [CaseFile]

    /// Why a step's signature is missing or does not verify; nil when it is good (or unknown).
    func signatureReason(_ status: SignatureStatus, by actor: StaffID) -> String? {
        switch status {
        case .unsigned: staff.first { $0.id == actor }?.key == nil ? s["signatureReason.noKey"] : s["signatureReason.relaxed"]
        case .notRegistered: s["signatureReason.notRegistered"]
        case .bad: s["signatureReason.bad"]
        case .good, .signed, .unknown: nil
        }
    }

    /// The note beside a time computed on provisional `years`; nil when it was not.
    func provisionalNote(_ years: [Int]?) -> String? {
        years.map { s.fill("provisionalNote", [$0.map(String.init).joined(separator: ", ")]) }
    }

    // MARK: - Staff accountability

    /// The managers' page, in a folder of its own that a web server can restrict; no other page
    /// or feed links to it or names whom a complaint is against.
    public static let accountabilityPath = "managers/accountability.html"
}
