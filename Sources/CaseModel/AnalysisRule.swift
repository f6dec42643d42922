/// What the monthly analysis treats as a problem that recurs or an indicator that swings
/// (对投诉反应突出的问题或有关质量指标的波动, 004 §4.5.4): a profile setting; absent, `standard`.
public struct AnalysisRule: Codable, Equatable, Sendable {
    /// Problems (complaints, repairs, help requests) from one unit in the month, at least: one
    /// household's trouble that comes back is a finding whatever the other months were.
    public var unit: Int
    /// Problems from one building (the unit's first part, `3` of `3-2-1801`), of one kind, and
    /// complaints handled by one department, in the month: at least this many, and `risePercent`
    /// % above the average of the previous months (which must have some), so a large estate's
    /// usual load is not a finding.
    public var building: Int
    public var kind: Int
    public var department: Int
    public var risePercent: Int
    /// How many previous months a count or an indicator is compared with (their average).
    public var previousMonths: Int
    /// A drop of the on-time, satisfaction or revisit rate by at least this many percentage points.
    public var onTimeDrop: Double
    public var satisfactionDrop: Double
    public var revisitDrop: Double
    public var clause: String

    public init(unit: Int, building: Int, kind: Int, department: Int, risePercent: Int, previousMonths: Int,
                onTimeDrop: Double, satisfactionDrop: Double, revisitDrop: Double, clause: String) {
        self.unit = unit
        self.building = building
        self.kind = kind
        self.department = department
        self.risePercent = risePercent
        self.previousMonths = previousMonths
        self.onTimeDrop = onTimeDrop
        self.satisfactionDrop = satisfactionDrop
        self.revisitDrop = revisitDrop
        self.clause = clause
    }

    public static let standard = AnalysisRule(unit: 3, building: 5, kind: 10, department: 5, risePercent: 50, previousMonths: 3,
                                              onTimeDrop: 5, satisfactionDrop: 5, revisitDrop: 10, clause: "004 §4.5.4")
}
