/// A procedure profile `records/procedures/<name>.json`: every number of PROCEDURES.md that
/// applies to one kind of property, as data, each with the clause it comes from.
public struct Profile: Codable, Equatable, Sendable {
    public static let format = "casebook.procedures/1"
    public var format: String = Profile.format
    /// `residential`, `villa` or `mall`.
    public var name: String
    /// Changes whenever a number changes; cases record `name@version`.
    public var version: String
    public var deadlines: [DeadlineRule]
    public var ladder: [LadderStep]
    public var revisits: [RevisitRule]
    public var permissions: [Permission]
    /// The monthly revisit sample of routine work (000 篇2 §4.3–4.4; 002 篇2 §4.1.2).
    public var sampling: SamplingRule?
    /// Spot checks of revisits by the company (001 §5.5.1–5.5.3).
    public var spotChecks: [SpotCheckRule]?
    /// Who raises and verifies the non-conformities of each quality check (002 篇9 §4).
    public var inspections: [InspectionRule]?
    /// The visit schedules of the key-owner and empty-nest registers (000 §1(7); 001 §5.6.7).
    public var registers: [RegisterRule]?
    /// The optional staff-accountability ladder (a government office's rule, 003 篇2 第十二条);
    /// absent, there is no accountability page.
    public var accountability: AccountabilityRule?
    /// How long after its stated time a step may be recorded before it is a late entry 补录 that
    /// must say so (002 篇1 §4.2); absent, `LateEntryRule.standard` (one hour).
    public var lateEntry: LateEntryRule?
    /// The customer-service department's daily round (003 九); absent, `RoundRule.standard`.
    public var round: RoundRule?
    /// Recurring problems and swinging indicators the monthly report looks for (004 §4.5.4);
    /// absent, `AnalysisRule.standard`.
    public var analysis: AnalysisRule?

    /// The round's rule in force.
    public var roundRule: RoundRule { round ?? .standard }
    /// The analysis's thresholds in force.
    public var analysisRule: AnalysisRule { analysis ?? .standard }

    /// Who raises and verifies the non-conformities of `check`: the profile's team, or for a
    /// corrective action from the monthly analysis (no team named) the manager and above (004 §4.5.4).
    public func inspectionRule(for check: InspectionCheck) -> InspectionRule? {
        if let rule = inspections?.first(where: { $0.check == check }) { return rule }
        return check == .analysis ? InspectionRule(check: .analysis, by: [.manager, .director, .generalManager], clause: "004 §4.5.4") : nil
    }

    /// The contracts' dates (002 篇3 §4.7–4.10); absent, `ContractRule.standard`.
    public var contracts: ContractRule?
    /// The contract rule in force: the profile's, or the standard one.
    public var contractRule: ContractRule { contracts ?? .standard }
    /// The late-entry rule in force: the profile's, or the standard one hour.
    public var lateEntryRule: LateEntryRule { lateEntry ?? .standard }

    /// `name@version`, as recorded on each case.
    public var reference: String { "\(name)@\(version)" }
}

/// A length of time with the calendar it is counted in.
public struct Span: Codable, Equatable, Sendable {
    /// Calendar months (一个月后): added first, on the calendar of the start's offset.
    public var months: Int?
    public var minutes: Int?
    public var hours: Int?
    /// Calendar days (天/日 means a calendar day unless the text says working day).
    public var days: Int?
    /// Working days 工作日 on the holiday calendar: due at the end of the working day that many
    /// working days after intake; 0 means the end of the same working day (当天).
    public var workingDays: Int?

    public init(months: Int? = nil, minutes: Int? = nil, hours: Int? = nil, days: Int? = nil, workingDays: Int? = nil) {
        self.months = months
        self.minutes = minutes
        self.hours = hours
        self.days = days
        self.workingDays = workingDays
    }

    /// The natural-time part in seconds (minutes, hours, calendar days; months are not a fixed
    /// length and are not counted here).
    public var seconds: Int { (minutes ?? 0) * 60 + (hours ?? 0) * 3600 + (days ?? 0) * 86_400 }
}

/// "Case of this kind (and severity / repair size) must reach `step` within `within`."
public struct DeadlineRule: Codable, Equatable, Sendable {
    public var kind: Kind
    public var severity: Severity?
    public var repairSize: RepairSize?
    /// Applies only to cases with this cause (mall: 001 篇2 §4.6.1–4.6.3).
    public var cause: Cause?
    public var step: String
    public var within: Span
    public var clause: String
    /// Missed → the case goes up to this level (002 篇5 §5.2.2–5.2.3).
    public var escalateTo: Level?
}

/// "Not finished within `after` → `level` takes it."
public struct LadderStep: Codable, Equatable, Sendable {
    public var level: Level
    public var after: Span
    public var clause: String
}

/// Revisit after the work is done: window, required rate, who and how.
public struct RevisitRule: Codable, Equatable, Sendable {
    public var kind: Kind
    public var severity: Severity?
    /// The rule applies to repairs of this size only, ahead of the kind's general rule (villa:
    /// 较大型的维修项目 revisited at once, 000 篇2 §4.8).
    public var repairSize: RepairSize?
    public var within: Span
    /// Share of cases that must be revisited, in percent.
    public var rate: Int
    public var by: [Role]
    public var modes: [RevisitMode]
    public var clause: String
    /// A second revisit where needed (必要时), e.g. repairs between one and two months after.
    public var second: SecondRevisit?
}

/// "Where needed, revisit again no earlier than `after` and no later than `within` after the
/// work was done" (002 篇2 §4.1.1 b).
public struct SecondRevisit: Codable, Equatable, Sendable {
    public var after: Span
    public var within: Span
    public var clause: String
}

/// Which roles may take an action.
public struct Permission: Codable, Equatable, Sendable {
    public var action: Action
    public var roles: [Role]
    public var clause: String

    public init(action: Action, roles: [Role], clause: String) {
        self.action = action
        self.roles = roles
        self.clause = clause
    }
}

/// "Sample that month's routine work orders and revisit them by the 5th of next month."
public struct SamplingRule: Codable, Equatable, Sendable {
    /// Kinds sampled (those not revisited at 100 %).
    public var kinds: [Kind]
    /// How many to take, by the month's count: the first band whose `upTo` holds applies.
    public var bands: [SampleBand]
    /// Day of the next month by which the sample's revisits are due (end of that working day).
    public var dueDay: Int
    /// More than half of the sample are home visits (villa: 000 篇2 §4.4).
    public var homeVisitsMoreThanHalf: Bool
    /// Who may draw the sample.
    public var by: [Role]
    /// Day of the month from which the sample may be drawn (villa: the 30th; capped at the month's last day).
    public var fromDay: Int
    public var clause: String
    /// When the selection is drawn; nil is `.monthEnd`.
    public var draw: SampleTiming?

    /// When the selection is drawn (nil in the profile: at month end).
    public var timing: SampleTiming { draw ?? .monthEnd }
}

/// When a sampling rule draws its selection.
public enum SampleTiming: String, Codable, Equatable, Sendable {
    /// The whole month at once, on `fromDay`, every pick due by `dueDay` of the next month
    /// (villa: 每月30日随机抽样…下月5日前完成, 000 篇2 §4.3–4.4).
    case monthEnd = "month-end"
    /// Each day's finished work drawn the next day by `sweep`, each pick due at the end of its
    /// kind's revisit window counted from its resolution (repairs within five days, help within a
    /// week: 002 篇2 §4.1.1 b, f), so the rate is met over the month and no revisit falls outside.
    case daily
}

/// One band of a sampling rule: `take` a fixed number (all if fewer) or `percent` rounded up.
public struct SampleBand: Codable, Equatable, Sendable {
    public var upTo: Int?
    public var take: Int?
    public var percent: Int?

    public init(upTo: Int? = nil, take: Int? = nil, percent: Int? = nil) {
        self.upTo = upTo
        self.take = take
        self.percent = percent
    }

    /// How many of `count` this band takes.
    public func size(of count: Int) -> Int {
        if let take { return min(take, count) }
        return ((percent ?? 100) * count + 99) / 100
    }
}

/// "The company checks `percent` % of the month's revisits of these kinds."
public struct SpotCheckRule: Codable, Equatable, Sendable {
    public var name: String
    /// Kinds whose revisits are checked; empty means all.
    public var kinds: [Kind]
    public var percent: Int
    /// Who checks, e.g. 公司管理部 / 总经理办公室.
    public var checker: String
    public var clause: String
}

/// "A non-conformity found in this check is raised, and its correction verified, by these roles"
/// (the inspection team of 002 篇9 §4.1–4.3).
public struct InspectionRule: Codable, Equatable, Sendable {
    public var check: InspectionCheck
    public var by: [Role]
    public var clause: String

    public init(check: InspectionCheck, by: [Role], clause: String) {
        self.check = check
        self.by = by
        self.clause = clause
    }
}

/// What follows from valid complaints against one member of staff in a calendar year
/// (003 篇2 第十二条): the highest step whose `atLeast` the count reaches.
public struct AccountabilityRule: Codable, Equatable, Sendable {
    public var ladder: [AccountabilityStep]
    public var clause: String

    public init(ladder: [AccountabilityStep], clause: String) {
        self.ladder = ladder
        self.clause = clause
    }

    /// The step for `count` valid complaints in a year, or nil for none.
    public func consequence(of count: Int) -> AccountabilityStep? {
        ladder.filter { count >= $0.atLeast }.max { $0.atLeast < $1.atLeast }
    }
}

/// One step of the ladder: from `atLeast` complaints, `consequence`.
public struct AccountabilityStep: Codable, Equatable, Sendable {
    public var atLeast: Int
    public var consequence: Consequence

    public init(atLeast: Int, consequence: Consequence) {
        self.atLeast = atLeast
        self.consequence = consequence
    }

    public enum Consequence: String, Codable, CaseIterable, Sendable {
        /// 诫勉谈话
        case talk
        /// 通报批评并书面检查
        case publicCriticism = "public-criticism"
        /// 年度考核不合格
        case failsAssessment = "fails-assessment"
        /// 停职
        case suspension
    }
}

/// "A step recorded more than `grace` after its stated time is a late entry 补录: it keeps both
/// times and says why" (002 篇1 §4.2: the receiver records the date and time as things happen;
/// 000 篇2 §5.0: records are written the same or next day, and on time).
public struct LateEntryRule: Codable, Equatable, Sendable {
    /// Natural time (minutes, hours, days) between the stated time and the recording.
    public var grace: Span
    public var clause: String
    /// How long after recording a desk may push (absent: 12 hours). The server, which alone
    /// knows the true time, trusts a commit's own time for the grace only within this span
    /// before the push: a desk that syncs once a shift is not refused for recording on time, and
    /// a back-dated step pushed later than this must still be marked late.
    public var pushWithin: Span?

    public init(grace: Span, clause: String, pushWithin: Span? = nil) {
        self.grace = grace
        self.clause = clause
        self.pushWithin = pushWithin
    }

    /// `pushWithin` in seconds.
    public var pushWithinSeconds: Int { pushWithin?.seconds ?? 12 * 3600 }

    /// One hour: a desk finishing a call or a visit writes the step up within the hour, so
    /// anything later is a record made after the fact — entered from paper, or from memory —
    /// and the figures must not count it as kept on time without saying so.
    public static let standard = LateEntryRule(grace: Span(hours: 1), clause: "002 篇1 §4.2")

    /// The grace in seconds (months are not counted; a grace is natural time).
    public var graceSeconds: Int { grace.seconds }
}

/// The dates of the contracts' procedure (002 篇3): how long before a contract's end the
/// executing department asks for its renewal, how often it reports its stages to the general
/// manager, and the day of the year by which 行政人事部 inventories the written contracts.
public struct ContractRule: Codable, Equatable, Sendable {
    /// 按合同要求提前通知经营部 (§4.9): the span before the last day of the term.
    public var renewalNotice: Span
    public var renewalClause: String
    /// 履约阶段性情况向总经理汇报 (§4.7.3): the span between stage reports of a running contract.
    public var stageReportEvery: Span
    public var stageClause: String
    /// 每年12月31日前 (§4.10): `MM-DD` of the inventory's last day.
    public var inventoryBy: String
    public var inventoryClause: String

    public init(renewalNotice: Span, renewalClause: String, stageReportEvery: Span, stageClause: String, inventoryBy: String, inventoryClause: String) {
        self.renewalNotice = renewalNotice
        self.renewalClause = renewalClause
        self.stageReportEvery = stageReportEvery
        self.stageClause = stageClause
        self.inventoryBy = inventoryBy
        self.inventoryClause = inventoryClause
    }

    /// 60 days' notice, a stage report every three months, the inventory by 31 December.
    public static let standard = ContractRule(renewalNotice: Span(days: 60), renewalClause: "002 篇3 §4.9", stageReportEvery: Span(months: 3),
                                              stageClause: "002 篇3 §4.7.3", inventoryBy: "12-31", inventoryClause: "002 篇3 §4.10")
}
