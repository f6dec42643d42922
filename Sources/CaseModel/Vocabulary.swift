/// The words of the procedures as closed sets. Raw values are what case files hold; the Chinese
/// term of the paper forms is in each doc comment.

/// Kind of request 诉求类别 (001 §3.0, §5.6; 002 篇2 §4.1.1).
public enum Kind: String, Codable, CaseIterable, Sendable {
    /// 投诉
    case complaint
    /// 建议
    case suggestion
    /// 求助
    case help
    /// 协调
    case coordination
    /// 报修
    case repair
    /// 咨询
    case inquiry
    /// 特约服务 / 有偿服务
    case specialService = "special-service"
    /// 紧急求助 (120, 110, 火警)
    case emergency
    /// 邻居纠纷
    case neighbourDispute = "neighbour-dispute"
    /// 司法调查: the police, procuratorate or a lawyer asking for an owner's data (001 §5.6.5).
    case judicial
    /// 不合格项: a finding of a monthly, quarterly or yearly quality check, raised by an
    /// inspector, corrected by the responsible department and verified (002 篇9 §4).
    case nonconformity
    /// 意见: an opinion on the service, fed back like a suggestion (001 篇2 §3.4). Last, so the
    /// desk's numbered menu keeps the numbers it had.
    case opinion
    /// 社区活动 / 社区文化活动: an activity the centre held for residents, revisited at 10 % by letter
    /// within a month (002 篇2 §4.1.1–4.1.2, §4.1.5 e). After `opinion`, for the same reason.
    case activity
}

/// Complaint severity 投诉等级 (002 篇5 §4).
public enum Severity: String, Codable, CaseIterable, Sendable {
    /// 重大
    case major
    /// 重要
    case important
    /// 轻微
    case minor
}

/// Repair size 维修类别 (001 §5.4.2).
public enum RepairSize: String, Codable, CaseIterable, Sendable {
    /// 小修
    case small
    /// 中修
    case medium
    /// 大修
    case large
}

/// How the request reached the desk 诉求方式 (001 §3.0; 001 §5.6.2.5).
public enum Channel: String, Codable, CaseIterable, Sendable {
    /// 电话
    case phone
    /// 亲临现场 / 上门
    case walkIn = "walk-in"
    /// 信函
    case letter
    /// 网络
    case online
    /// 邮件
    case email
    /// 政府部门转办
    case government
    /// 检查发现: found in a quality check (002 篇9 §4.2.2), not brought by a resident.
    case inspection
    /// 巡视发现: found by customer service on the daily patrol (003 九.2, 九.4).
    case patrol
    /// 走访: raised by a household on a visit (003 九.3; 000 §1(3)).
    case visit
}

/// What caused a complaint, where the profile sets different deadlines by cause (the mall's
/// 投诉信息回复时限, 001 篇2 §4.6; service quality, 001 §5.4.1).
public enum Cause: String, Codable, CaseIterable, Sendable {
    /// 影响租户正常营业: answered within 1 hour (§4.6.1).
    case tradingStopped = "trading-stopped"
    /// 因可控范围外因素: answered within 2 days (§4.6.2).
    case outsideControl = "outside-control"
    /// 因设备、设施等其它因素: answered within 3 days (§4.6.3).
    case equipment
    /// 涉及物业服务质量: put right and answered the same day (001 §5.4.1).
    case serviceQuality = "service-quality"
}

/// Where a case is in its life.
public enum Status: String, Codable, CaseIterable, Sendable {
    /// 已登记: recorded, not yet passed to a department.
    case open
    /// 处理中: passed to a department or being handled.
    case inProgress = "in-progress"
    /// 已处理: work done, waiting for the revisit or closing.
    case resolved
    /// 已关闭
    case closed
    /// 已转相关部门: outside property management.
    case referred
    /// 无法处理: closed by the manager with the reason written down.
    case unresolvable

    /// Whether the case still needs work from the centre.
    public var isOpen: Bool { self == .open || self == .inProgress || self == .resolved }
}

/// Step of the front-desk escalation ladder 逐级上报 (002 篇1 §4.5–4.8).
public enum Level: String, Codable, CaseIterable, Sendable, Comparable {
    /// 前台
    case desk
    /// 客服主管
    case supervisor
    /// 经理
    case manager

    public var rank: Int { Level.allCases.firstIndex(of: self) ?? 0 }
    public static func < (a: Level, b: Level) -> Bool { a.rank < b.rank }
}

/// Responsible department 责任部门 (004 §3).
public enum Department: String, Codable, CaseIterable, Sendable {
    /// 客服部
    case customerService = "customer-service"
    /// 工程部
    case engineering
    /// 护管部
    case security
    /// 环境部
    case environment
    /// 经营部: signs the company's contracts and follows their review (002 篇3 §3.2, §4.4.1)
    case business
    /// 行政人事部: archives the originals, watches every written contract's progress, inventories
    /// them by 31 December (002 篇3 §3.3, §4.6.2, §4.7.4, §4.10)
    case administration
    /// 财务部: keeps a copy of a contract paid in stages (002 篇3 §4.6.3)
    case finance
}

/// Revisit mode 回访方式 (002 篇2 §4.1.4).
public enum RevisitMode: String, Codable, CaseIterable, Sendable {
    /// 家访
    case home
    /// 电话
    case phone
    /// 信访
    case letter
    /// 网络
    case online
}

/// Staff role 岗位.
public enum Role: String, Codable, CaseIterable, Sendable {
    /// 前台接待员
    case receptionist
    /// 客服助理
    case csAssistant = "cs-assistant"
    /// 客服主管
    case supervisor
    /// 经理 (service-centre manager)
    case manager
    /// 管理处主任
    case director
    /// 总经理
    case generalManager = "general-manager"
    /// 总经理助理 (分管): organises a contract's review when the general manager delegates it (002 篇3 §4.4.1)
    case assistantGeneralManager = "assistant-general-manager"
    /// 部门负责人
    case departmentHead = "department-head"
    /// 维修工 / 技术员
    case engineer
    /// 品质管理员 (the quality department's or the centre's part-time inspector; 002 篇9 §4.1–4.2)
    case qualityInspector = "quality-inspector"
    /// 审计 (reads the history and the dashboard; the central host lets them fetch, never push)
    case auditor
    /// casebook itself, for time-driven steps (sweep).
    case system
    /// 公司管理部: head office's management department (spot checks of revisits, 001 §5.5.1–5.5.2;
    /// approving lawyers' requests for owner data, 001 §5.6.5.3).
    case companyManagement = "company-management"
    /// 品质管理部: head office's quality department (quarterly quality checks, 002 篇9 §4).
    case qualityManagement = "quality-management"
    /// 总经办 (总经理办公室): the general manager's office (spot checks of 3 % of revisits, 001 §5.5.3;
    /// told of every major complaint within 12 hours, 002 篇5 §5.2.1).
    case generalOffice = "general-office"

    /// Seniority for "someone of that level" (002 篇2 §4.1.3): front-line staff 0, supervisor
    /// and department head 1, manager 2, director 3, general manager 4; `system` ranks nowhere.
    public var rank: Int {
        switch self {
        case .receptionist, .csAssistant, .engineer: 0
        case .supervisor, .departmentHead, .qualityInspector: 1
        case .manager: 2
        case .director, .assistantGeneralManager: 3
        case .generalManager: 4
        case .system, .auditor: -1
        // Head office's departments act in the company repository, not up a centre's ladder.
        case .companyManagement, .qualityManagement, .generalOffice: -1
        }
    }
}

/// A step in a case's life; each is one event and one commit.
public enum Action: String, Codable, CaseIterable, Sendable {
    case open, dispatch, note, escalate, resolve, revisit, close, reopen, refer, unresolvable
    /// Kind, severity, repair size or validity changed; deadlines recomputed (002 篇5 §4).
    case reclassify
    /// A deadline passed unmet, recorded by `sweep` (PROCEDURES.md §2).
    case breach
    /// Deadlines computed on a provisional calendar computed again, by `sweep`, once the year's
    /// official holiday notice is in `records/calendar/` (国务院办公厅放假安排; PROCEDURES.md §2).
    case reschedule
    /// A mistaken intake entry put right 更正: field, old and new value, reason (004 §4.1).
    case correct
    /// A staff member opened the sealed name and phone (`show --reveal`): the audit trail of
    /// who saw a resident's personal data, and when. Changes nothing else.
    case reveal
    /// The resident's key was destroyed (`erase --resident`, PIPL Art. 47): every sealed copy of
    /// the name and phone is unreadable from now on. Changes nothing else.
    case erased
    /// 整改: the responsible department records its correction of a non-conformity (002 篇9 §4.2.2 c).
    case rectify
    /// 验证: the inspector verifies the correction; passed closes the report, failed sends it
    /// back for correction by a new date (002 篇9 §4.2.2 c).
    case verify
    /// An item of a special request's checklist done (120: security told to meet the ambulance,
    /// the hospital recorded …; 001 §5.6.6, §5.6.8, §5.6.9).
    case checklist
    /// 审批: the approval a lawyer's request for owner data needs before anything is released
    /// (001 §5.6.5.3).
    case approve

    /// Actions about the resident's personal data, not the case's progress: allowed in any status,
    /// they leave the state (even `updatedAt`) as it was.
    public var isPrivacyRecord: Bool { self == .reveal || self == .erased }
}
