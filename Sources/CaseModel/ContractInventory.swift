/// Something about a contract that needs following up, as the inventory and the dashboard list it.
public struct ContractIssue: Codable, Equatable, Sendable {
    public enum Code: String, Codable, CaseIterable, Sendable {
        /// A stage report to the general manager is overdue since `date` (§4.7.3).
        case stageReportOverdue = "stage-report-overdue"
        /// The term ends on `date` and no renewal or termination is requested, within the notice period (§4.9).
        case expiring
        /// The term ended on `date` and the contract is neither completed nor renewed.
        case expired
        /// 行政人事部 reported slippage, the last on `date` (§4.7.4).
        case slippage
        /// A change, termination or renewal requested on `date` is not settled (§4.8–4.9).
        case requestOpen = "request-open"
        /// The important contract was completed on `date`; the review of its effect is due (§4.7.5).
        case effectReviewDue = "effect-review-due"
        /// In force since `date` and not yet numbered and archived (§4.6).
        case notArchived = "not-archived"
    }

    public var code: Code
    /// The day it concerns, YYYY-MM-DD.
    public var date: String

    public init(_ code: Code, _ date: String) {
        self.code = code
        self.date = date
    }
}

/// One written contract in the year's inventory: its list entry, how far it is performed, and its open issues.
public struct ContractInventoryRow: Codable, Equatable, Sendable {
    public var id: String
    /// The uniform number, once archived.
    public var number: String?
    public var title: String
    public var kind: ContractKind
    public var counterparty: String
    public var executingDepartment: Department
    public var important: Bool
    public var status: ContractStatus
    public var end: String
    public var stageReports: Int
    public var lastStageReport: String?
    public var slippages: Int
    public var issues: [ContractIssue]

    public init(id: String, number: String?, title: String, kind: ContractKind, counterparty: String, executingDepartment: Department, important: Bool,
                status: ContractStatus, end: String, stageReports: Int, lastStageReport: String?, slippages: Int, issues: [ContractIssue]) {
        self.id = id
        self.number = number
        self.title = title
        self.kind = kind
        self.counterparty = counterparty
        self.executingDepartment = executingDepartment
        self.important = important
        self.status = status
        self.end = end
        self.stageReports = stageReports
        self.lastStageReport = lastStageReport
        self.slippages = slippages
        self.issues = issues
    }
}

/// The general manager's instructions 批示 on the inventory, carried out by 行政人事部 (§4.10).
public struct ContractInstruction: Codable, Equatable, Sendable {
    public var at: Timestamp
    public var by: StaffID
    public var text: String

    public init(at: Timestamp, by: StaffID, text: String) {
        self.at = at
        self.by = by
        self.text = text
    }
}

/// `records/contracts/inventory/<year>.json`: 行政人事部's yearly inventory of the written
/// contracts for the general manager, due by 31 December (002 篇3 §4.10): the list, how each is
/// performed, and what is open; the general manager's instructions are appended, each its own
/// signed commit.
public struct ContractInventory: Codable, Equatable, Sendable {
    public static let format = "casebook.contract-inventory/1"
    public var format: String = ContractInventory.format
    public var year: Int
    public var at: Timestamp
    public var by: StaffID
    public var clause: String
    public var rows: [ContractInventoryRow]
    public var instructions: [ContractInstruction]

    public init(year: Int, at: Timestamp, by: StaffID, clause: String, rows: [ContractInventoryRow], instructions: [ContractInstruction] = []) {
        self.year = year
        self.at = at
        self.by = by
        self.clause = clause
        self.rows = rows
        self.instructions = instructions
    }

    public static func path(_ year: Int) -> String { "records/contracts/inventory/\(year).json" }
}
