/// The parts of a case that only some kinds have: the quality check a non-conformity was found
/// in (002 篇9 §4), the type and checklist of an emergency (001 §5.6.6, §5.6.8, §5.6.9), and who
/// asks for an owner's data in a judicial request (001 §5.6.5).

// MARK: - Quality inspections 不合格项 (002 篇9 §4)

/// Which check found a non-conformity.
public enum InspectionCheck: String, Codable, CaseIterable, Sendable {
    /// 月度检查: led by the service-centre manager (002 篇9 §4.1).
    case monthly
    /// 季度检查与考评: by the quality department (002 篇9 §4.2).
    case quarterly
    /// 年度检查: by top management (002 篇9 §4.3).
    case yearly
    /// 月度分析: a corrective action 限期整改 the manager opens from a recurring problem or a
    /// swinging indicator of the monthly report (004 §4.5.4).
    case analysis
}

/// The 《不合格项报告》 fields beside the finding (the intake's summary): which check, the
/// responsible department and the date by which it must be corrected (规定整改的期限).
public struct Inspection: Codable, Equatable, Sendable {
    public var check: InspectionCheck
    /// 责任部门: who must correct it.
    public var department: Department
    /// 整改期限
    public var correctBy: Timestamp
    /// A corrective action's finding of the monthly report, e.g. `2026-11/unit/3-2-1801` (004 §4.5.4).
    public var finding: String?

    public init(check: InspectionCheck, department: Department, correctBy: Timestamp, finding: String? = nil) {
        self.check = check
        self.department = department
        self.correctBy = correctBy
        self.finding = finding
    }
}

/// One verification of a correction 验证 (002 篇9 §4.2.2 c).
public struct Verification: Codable, Equatable, Sendable {
    public var at: Timestamp
    public var by: StaffID
    public var passed: Bool
    public var notes: String?
}

// MARK: - Emergencies 紧急求助 (001 §5.6.6, §5.6.8, §5.6.9)

/// What kind of emergency: each has its checklist.
public enum EmergencyType: String, Codable, CaseIterable, Sendable {
    /// 急救病人求助 (120), 001 §5.6.6.
    case medical = "120"
    /// 刑事案件求助 (110), 001 §5.6.8.
    case criminal = "110"
    /// 火警求助, 001 §5.6.9.
    case fire

    /// The items that must be recorded before the case is resolved or closed, in order.
    public var checklist: [ChecklistItem] {
        ChecklistItem.allCases.filter { $0.emergency == self }
    }
}

/// One step of an emergency's checklist, with the clause that requires it.
public enum ChecklistItem: String, Codable, CaseIterable, Sendable {
    /// 帮助客户拨打"120"急救电话 (5.6.6.1)
    case called120 = "called-120"
    /// 通知当班安防人员在小区入口处做好接应准备 (5.6.6.2)
    case securityMeetsAmbulance = "security-meets-ambulance"
    /// 问清医院地址，登记处理结果 (5.6.6.4): the value is the hospital.
    case hospital
    /// 电话通知病人亲属 (5.6.6.5)
    case relativesTold = "relatives-told"
    /// 通知公共秩序维护班长对事发现场实施警戒监控 (5.6.8.1)
    case sceneGuarded = "scene-guarded"
    /// 启动《应急处理预案》 (5.6.8.1)
    case emergencyPlan = "emergency-plan"
    /// 迅速报"110" (5.6.8.2)
    case called110 = "called-110"
    /// 按《消防组织紧急行动预案》执行 (5.6.9)
    case firePlan = "fire-plan"

    public var emergency: EmergencyType {
        switch self {
        case .called120, .securityMeetsAmbulance, .hospital, .relativesTold: .medical
        case .sceneGuarded, .emergencyPlan, .called110: .criminal
        case .firePlan: .fire
        }
    }

    public var clause: String {
        switch self {
        case .called120: "001 §5.6.6.1"
        case .securityMeetsAmbulance: "001 §5.6.6.2"
        case .hospital: "001 §5.6.6.4"
        case .relativesTold: "001 §5.6.6.5"
        case .sceneGuarded, .emergencyPlan: "001 §5.6.8.1"
        case .called110: "001 §5.6.8.2"
        case .firePlan: "001 §5.6.9"
        }
    }

    /// Whether the item records a value (the hospital's name and address).
    public var needsValue: Bool { self == .hospital }
}

/// A checklist item recorded on a case.
public struct ChecklistEntry: Codable, Equatable, Sendable {
    public var item: ChecklistItem
    public var at: Timestamp
    public var by: StaffID
    public var value: String?
}

// MARK: - Judicial requests 司法调查 (001 §5.6.5)

/// Who asks for an owner's data.
public enum Requester: String, Codable, CaseIterable, Sendable {
    /// 公安机关
    case police
    /// 检察机关
    case procuratorate
    /// 纪检机构
    case discipline
    /// 律师事务所的律师
    case lawyer

    /// Whether the request must come with the local police officer (必须有辖区派出所警务室的公安民警陪同, 5.6.5.1).
    public var needsOfficer: Bool { self != .lawyer }
}

/// Who a lawyer acts for: the owner, or another party (001 §5.6.5.3 a–b).
public enum LawyerClient: String, Codable, CaseIterable, Sendable {
    case owner
    case other
}

/// A judicial request's particulars: the accompanying officer, who signs in place of the
/// receiver (5.6.5.2), or a lawyer's letter, licence and power of attorney (5.6.5.3).
public struct JudicialRequest: Codable, Equatable, Sendable {
    public var requester: Requester
    /// 陪同民警 name and badge number.
    public var officerName: String?
    public var officerBadge: String?
    /// 介绍信, 执业资格证, 委托书: their reference numbers as recorded.
    public var letter: String?
    public var licence: String?
    public var powerOfAttorney: String?
    public var client: LawyerClient?

    public init(requester: Requester, officerName: String? = nil, officerBadge: String? = nil, letter: String? = nil,
                licence: String? = nil, powerOfAttorney: String? = nil, client: LawyerClient? = nil) {
        self.requester = requester
        self.officerName = officerName
        self.officerBadge = officerBadge
        self.letter = letter
        self.licence = licence
        self.powerOfAttorney = powerOfAttorney
        self.client = client
    }
}

/// An approval 审批 recorded on a case (001 §5.6.5.3).
public struct Approval: Codable, Equatable, Sendable {
    public var at: Timestamp
    public var by: StaffID
    public var notes: String?
}
