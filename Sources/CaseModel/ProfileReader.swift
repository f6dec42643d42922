import Foundation

/// Reads a procedures profile (`records/procedures/NAME.json`) straight from its bytes into
/// `Profile`, without `JSONDecoder`.
///
/// Every state change reads the centre's procedures, and `JSONDecoder`'s first use of each of
/// their dozen types in a process costs more than the reading (a lookup of the type by name and a
/// scan of every protocol conformance of the binary for each: 6.5 % of a `note` at 1,000 cases).
/// A fast path like `SettingsReader` and `StaffReader`, never a second definition: it accepts only
/// what it fully understands (every key known, every value of the expected type, no key twice)
/// and gives nil otherwise, so that `RecordJSON.decode` falls back to `JSONDecoder`, which decodes
/// the file or names its fault as before. The rules no shipped profile states (`accountability`,
/// `round`, `analysis`: their standard values apply) are left to `JSONDecoder` too. A test keeps
/// both paths equal on the three shipped profiles, one with every field it reads set, and damaged
/// copies of them.
enum ProfileReader {
    /// The profile in `data`, or nil where `JSONDecoder` must decide.
    static func read(_ data: Data) -> Profile? {
        CaseFileReader.whole(data) { r throws(CaseFileReader.GiveUp) in try r.profile() }
    }
}

extension CaseFileReader.Reader {
    mutating func profile() throws(GiveUp) -> Profile {
        var format: String?, name: String?, version: String?, deadlines: [DeadlineRule]?, ladder: [LadderStep]?
        var revisits: [RevisitRule]?, permissions: [Permission]?, sampling: SamplingRule?, spotChecks: [SpotCheckRule]?
        var inspections: [InspectionRule]?, registers: [RegisterRule]?, lateEntry: LateEntryRule?, contracts: ContractRule?
        try object { r, key throws(GiveUp) in
            switch key {
            case "format": format = try r.string()
            case "name": name = try r.string()
            case "version": version = try r.string()
            case "deadlines": deadlines = try r.array { r throws(GiveUp) in try r.deadlineRule() }
            case "ladder": ladder = try r.array { r throws(GiveUp) in try r.ladderStep() }
            case "revisits": revisits = try r.array { r throws(GiveUp) in try r.revisitRule() }
            case "permissions": permissions = try r.array { r throws(GiveUp) in try r.permission() }
            case "sampling": sampling = try r.optional { r throws(GiveUp) in try r.samplingRule() }
            case "spotChecks": spotChecks = try r.optional { r throws(GiveUp) in try r.array { r throws(GiveUp) in try r.spotCheckRule() } }
            case "inspections": inspections = try r.optional { r throws(GiveUp) in try r.array { r throws(GiveUp) in try r.inspectionRule() } }
            case "registers": registers = try r.optional { r throws(GiveUp) in try r.array { r throws(GiveUp) in try r.registerRule() } }
            case "lateEntry": lateEntry = try r.optional { r throws(GiveUp) in try r.lateEntryRule() }
            case "contracts": contracts = try r.optional { r throws(GiveUp) in try r.contractRule() }
            default: throw GiveUp()
            }
        }
        return Profile(format: try Self.need(format), name: try Self.need(name), version: try Self.need(version),
                       deadlines: try Self.need(deadlines), ladder: try Self.need(ladder), revisits: try Self.need(revisits),
                       permissions: try Self.need(permissions), sampling: sampling, spotChecks: spotChecks, inspections: inspections,
                       registers: registers, accountability: nil, lateEntry: lateEntry, round: nil, analysis: nil, contracts: contracts)
    }

    mutating func span() throws(GiveUp) -> Span {
        var span = Span()
        try object { r, key throws(GiveUp) in
            let value = try r.optional { r throws(GiveUp) in try r.int() }
            switch key {
            case "months": span.months = value
            case "minutes": span.minutes = value
            case "hours": span.hours = value
            case "days": span.days = value
            case "workingDays": span.workingDays = value
            default: throw GiveUp()
            }
        }
        return span
    }

    mutating func roles() throws(GiveUp) -> [Role] { try array { r throws(GiveUp) in try r.raw(Role.self) } }

    mutating func deadlineRule() throws(GiveUp) -> DeadlineRule {
        var kind: Kind?, severity: Severity?, repairSize: RepairSize?, cause: Cause?, step: String?, within: Span?, clause: String?
        var escalateTo: Level?
        try object { r, key throws(GiveUp) in
            switch key {
            case "kind": kind = try r.raw(Kind.self)
            case "severity": severity = try r.optional { r throws(GiveUp) in try r.raw(Severity.self) }
            case "repairSize": repairSize = try r.optional { r throws(GiveUp) in try r.raw(RepairSize.self) }
            case "cause": cause = try r.optional { r throws(GiveUp) in try r.raw(Cause.self) }
            case "step": step = try r.string()
            case "within": within = try r.span()
            case "clause": clause = try r.string()
            case "escalateTo": escalateTo = try r.optional { r throws(GiveUp) in try r.raw(Level.self) }
            default: throw GiveUp()
            }
        }
        return DeadlineRule(kind: try Self.need(kind), severity: severity, repairSize: repairSize, cause: cause, step: try Self.need(step),
                            within: try Self.need(within), clause: try Self.need(clause), escalateTo: escalateTo)
    }

    mutating func ladderStep() throws(GiveUp) -> LadderStep {
        var level: Level?, after: Span?, clause: String?
        try object { r, key throws(GiveUp) in
            switch key {
            case "level": level = try r.raw(Level.self)
            case "after": after = try r.span()
            case "clause": clause = try r.string()
            default: throw GiveUp()
            }
        }
        return LadderStep(level: try Self.need(level), after: try Self.need(after), clause: try Self.need(clause))
    }

    mutating func revisitRule() throws(GiveUp) -> RevisitRule {
        var kind: Kind?, severity: Severity?, repairSize: RepairSize?, within: Span?, rate: Int?, by: [Role]?, modes: [RevisitMode]?
        var clause: String?, second: SecondRevisit?
        try object { r, key throws(GiveUp) in
            switch key {
            case "kind": kind = try r.raw(Kind.self)
            case "severity": severity = try r.optional { r throws(GiveUp) in try r.raw(Severity.self) }
            case "repairSize": repairSize = try r.optional { r throws(GiveUp) in try r.raw(RepairSize.self) }
            case "within": within = try r.span()
            case "rate": rate = try r.int()
            case "by": by = try r.roles()
            case "modes": modes = try r.array { r throws(GiveUp) in try r.raw(RevisitMode.self) }
            case "clause": clause = try r.string()
            case "second": second = try r.optional { r throws(GiveUp) in try r.secondRevisit() }
            default: throw GiveUp()
            }
        }
        return RevisitRule(kind: try Self.need(kind), severity: severity, repairSize: repairSize, within: try Self.need(within),
                           rate: try Self.need(rate), by: try Self.need(by), modes: try Self.need(modes), clause: try Self.need(clause),
                           second: second)
    }

    mutating func secondRevisit() throws(GiveUp) -> SecondRevisit {
        var after: Span?, within: Span?, clause: String?
        try object { r, key throws(GiveUp) in
            switch key {
            case "after": after = try r.span()
            case "within": within = try r.span()
            case "clause": clause = try r.string()
            default: throw GiveUp()
            }
        }
        return SecondRevisit(after: try Self.need(after), within: try Self.need(within), clause: try Self.need(clause))
    }

    mutating func permission() throws(GiveUp) -> Permission {
        var action: Action?, roles: [Role]?, clause: String?
        try object { r, key throws(GiveUp) in
            switch key {
            case "action": action = try r.raw(Action.self)
            case "roles": roles = try r.roles()
            case "clause": clause = try r.string()
            default: throw GiveUp()
            }
        }
        return Permission(action: try Self.need(action), roles: try Self.need(roles), clause: try Self.need(clause))
    }

    mutating func samplingRule() throws(GiveUp) -> SamplingRule {
        var kinds: [Kind]?, bands: [SampleBand]?, dueDay: Int?, homeVisitsMoreThanHalf: Bool?, by: [Role]?, fromDay: Int?
        var clause: String?, draw: SampleTiming?
        try object { r, key throws(GiveUp) in
            switch key {
            case "kinds": kinds = try r.array { r throws(GiveUp) in try r.raw(Kind.self) }
            case "bands": bands = try r.array { r throws(GiveUp) in try r.sampleBand() }
            case "dueDay": dueDay = try r.int()
            case "homeVisitsMoreThanHalf": homeVisitsMoreThanHalf = try r.bool()
            case "by": by = try r.roles()
            case "fromDay": fromDay = try r.int()
            case "clause": clause = try r.string()
            case "draw": draw = try r.optional { r throws(GiveUp) in try r.raw(SampleTiming.self) }
            default: throw GiveUp()
            }
        }
        return SamplingRule(kinds: try Self.need(kinds), bands: try Self.need(bands), dueDay: try Self.need(dueDay),
                            homeVisitsMoreThanHalf: try Self.need(homeVisitsMoreThanHalf), by: try Self.need(by), fromDay: try Self.need(fromDay),
                            clause: try Self.need(clause), draw: draw)
    }

    mutating func sampleBand() throws(GiveUp) -> SampleBand {
        var band = SampleBand()
        try object { r, key throws(GiveUp) in
            let value = try r.optional { r throws(GiveUp) in try r.int() }
            switch key {
            case "upTo": band.upTo = value
            case "take": band.take = value
            case "percent": band.percent = value
            default: throw GiveUp()
            }
        }
        return band
    }

    mutating func spotCheckRule() throws(GiveUp) -> SpotCheckRule {
        var name: String?, kinds: [Kind]?, percent: Int?, checker: String?, clause: String?
        try object { r, key throws(GiveUp) in
            switch key {
            case "name": name = try r.string()
            case "kinds": kinds = try r.array { r throws(GiveUp) in try r.raw(Kind.self) }
            case "percent": percent = try r.int()
            case "checker": checker = try r.string()
            case "clause": clause = try r.string()
            default: throw GiveUp()
            }
        }
        return SpotCheckRule(name: try Self.need(name), kinds: try Self.need(kinds), percent: try Self.need(percent),
                             checker: try Self.need(checker), clause: try Self.need(clause))
    }

    mutating func inspectionRule() throws(GiveUp) -> InspectionRule {
        var check: InspectionCheck?, by: [Role]?, clause: String?
        try object { r, key throws(GiveUp) in
            switch key {
            case "check": check = try r.raw(InspectionCheck.self)
            case "by": by = try r.roles()
            case "clause": clause = try r.string()
            default: throw GiveUp()
            }
        }
        return InspectionRule(check: try Self.need(check), by: try Self.need(by), clause: try Self.need(clause))
    }

    mutating func registerRule() throws(GiveUp) -> RegisterRule {
        var register: RegisterKind?, visitEveryDays: Int?, agedVisitEveryDays: Int?, by: [Role]?, modes: [RevisitMode]?
        var clause: String?, agedClause: String?
        try object { r, key throws(GiveUp) in
            switch key {
            case "register": register = try r.raw(RegisterKind.self)
            case "visitEveryDays": visitEveryDays = try r.int()
            case "agedVisitEveryDays": agedVisitEveryDays = try r.optional { r throws(GiveUp) in try r.int() }
            case "by": by = try r.roles()
            case "modes": modes = try r.array { r throws(GiveUp) in try r.raw(RevisitMode.self) }
            case "clause": clause = try r.string()
            case "agedClause": agedClause = try r.optional { r throws(GiveUp) in try r.string() }
            default: throw GiveUp()
            }
        }
        return RegisterRule(register: try Self.need(register), visitEveryDays: try Self.need(visitEveryDays), agedVisitEveryDays: agedVisitEveryDays,
                            by: try Self.need(by), modes: try Self.need(modes), clause: try Self.need(clause), agedClause: agedClause)
    }

    mutating func lateEntryRule() throws(GiveUp) -> LateEntryRule {
        var grace: Span?, clause: String?, pushWithin: Span?
        try object { r, key throws(GiveUp) in
            switch key {
            case "grace": grace = try r.span()
            case "clause": clause = try r.string()
            case "pushWithin": pushWithin = try r.optional { r throws(GiveUp) in try r.span() }
            default: throw GiveUp()
            }
        }
        return LateEntryRule(grace: try Self.need(grace), clause: try Self.need(clause), pushWithin: pushWithin)
    }

    mutating func contractRule() throws(GiveUp) -> ContractRule {
        var renewalNotice: Span?, renewalClause: String?, stageReportEvery: Span?, stageClause: String?, inventoryBy: String?
        var inventoryClause: String?
        try object { r, key throws(GiveUp) in
            switch key {
            case "renewalNotice": renewalNotice = try r.span()
            case "renewalClause": renewalClause = try r.string()
            case "stageReportEvery": stageReportEvery = try r.span()
            case "stageClause": stageClause = try r.string()
            case "inventoryBy": inventoryBy = try r.string()
            case "inventoryClause": inventoryClause = try r.string()
            default: throw GiveUp()
            }
        }
        return ContractRule(renewalNotice: try Self.need(renewalNotice), renewalClause: try Self.need(renewalClause),
                            stageReportEvery: try Self.need(stageReportEvery), stageClause: try Self.need(stageClause),
                            inventoryBy: try Self.need(inventoryBy), inventoryClause: try Self.need(inventoryClause))
    }
}
