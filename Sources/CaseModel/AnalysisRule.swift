/// What the monthly analysis treats as a problem that recurs or an indicator that swings
/// (对投诉反应突出的问题或有关质量指标的波动, 004 §4.5.4): a profile setting; absent, `standard`.
public struct AnalysisRule: Codable, Equatable, Sendable {
    /// Problems (complaints, repairs, help requests) from one unit in the month, at least.
    public var unit: Int
    /// Problems from one building (the unit's first part, `3` of `3-2-1801`) in the month, at least.
    public var building: Int
    /// Problems of one kind in the month: at least `kindMinimum`, and `kindRisePercent` % above the
    /// average of the previous months.
    public var kindMinimum: Int
    public var kindRisePercent: Int
    /// Complaints handled by one department in the month, at least.
    public var department: Int
    /// How many previous months an indicator is compared with (their average).
    public var previousMonths: Int
    /// A drop of the on-time, satisfaction or revisit rate by at least this many percentage points.
    public var onTimeDrop: Double
    public var satisfactionDrop: Double
    public var revisitDrop: Double
    public var clause: String

    public init(unit: Int, building: Int, kindMinimum: Int, kindRisePercent: Int, department: Int, previousMonths: Int,
                onTimeDrop: Double, satisfactionDrop: Double, revisitDrop: Double, clause: String) {
        self.unit = unit
        self.building = building
        self.kindMinimum = kindMinimum
        self.kindRisePercent = kindRisePercent
        self.department = department
        self.previousMonths = previousMonths
        self.onTimeDrop = onTimeDrop
        self.satisfactionDrop = satisfactionDrop
        self.revisitDrop = revisitDrop
        self.clause = clause
    }

    public static let standard = AnalysisRule(unit: 3, building: 8, kindMinimum: 10, kindRisePercent: 50, department: 5, previousMonths: 3,
                                              onTimeDrop: 5, satisfactionDrop: 5, revisitDrop: 10, clause: "004 §4.5.4")
}
