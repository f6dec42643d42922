import Foundation

/// Whether the company provides services under a contract or buys them (002 篇3 §4.1).
public enum ContractDirection: String, Codable, CaseIterable, Sendable {
    /// 对外提供服务的合同 (§4.1.1)
    case providing
    /// 对外委托服务的合同 (§4.1.2)
    case buying
}

/// What a contract is about (002 篇3 §4.1.1 a–g, §4.1.2 a–d).
public enum ContractKind: String, Codable, CaseIterable, Sendable {
    /// a) 开发/建设单位或业主委员会委托进行物业管理的合同
    case management
    /// b) 投标书
    case bid
    /// c) 对外租赁合同
    case lease
    /// d) 公司承诺提供的常规服务和管理 (signed and sealed in any form, §4.5.5)
    case routineService = "routine-service"
    /// e) 顾客委托的采购、安装、修缮……等有偿服务
    case paidService = "paid-service"
    /// f) 车库、车棚、车位使用或泊车合同
    case parking
    /// g) 其他对外提供服务的合同
    case otherProviding = "other-providing"
    /// 4.1.2 a) 采购合同
    case purchase
    /// 4.1.2 b) 招标合同
    case tender
    /// 4.1.2 c) 委托分供方进行采购、安装、修缮……等合同
    case subcontract
    /// 4.1.2 d) 其他对外委托服务的合同
    case otherBuying = "other-buying"

    public var direction: ContractDirection {
        switch self {
        case .management, .bid, .lease, .routineService, .paidService, .parking, .otherProviding: .providing
        case .purchase, .tender, .subcontract, .otherBuying: .buying
        }
    }

    /// Its clause: `002 篇3 §4.1.1 e`.
    public var clause: String {
        let letters: [ContractKind: String] = [.management: "a", .bid: "b", .lease: "c", .routineService: "d", .paidService: "e", .parking: "f",
                                               .otherProviding: "g", .purchase: "a", .tender: "b", .subcontract: "c", .otherBuying: "d"]
        return "002 篇3 §\(direction == .providing ? "4.1.1" : "4.1.2") \(letters[self] ?? "")"
    }
}

/// The form of a contract (002 篇3 §4.2).
public enum ContractForm: String, Codable, CaseIterable, Sendable {
    /// 书面合同 (§4.2.1)
    case written
    /// 非书面合同 (§4.2.1)
    case nonWritten = "non-written"
    /// 协议或其他法规性文件 (§4.2.2)
    case agreement
    /// 规范合同和格式合同 (§4.2.3)
    case standard
    /// 口头承诺 (§4.2.4)
    case oral
    /// 招、投标书 (§4.2.5)
    case tenderDocument = "tender-document"

    /// Whether it is on paper: signed by the general manager, sealed, archived (§4.5–4.6, §4.11).
    public var isWritten: Bool { self != .nonWritten && self != .oral }
}

/// One point a contract's review looks at (002 篇3 §4.4.2).
public enum ContractReviewPoint: String, Codable, CaseIterable, Sendable {
    /// 公司的履约能力
    case capability
    /// 分供方的履约能力
    case supplierCapability = "supplier-capability"
    /// 价格 (顾客提供的 / 分供方提供的)
    case price
    /// 分供方的信誉
    case reputation
    /// 分供方提供服务的售后服务
    case afterSales = "after-sales"
    /// 合同的条款是否明确
    case clarity
    /// 合同是否合法
    case legality
    /// 合同的风险
    case risk
    /// 合同的社会效益
    case socialBenefit = "social-benefit"
    /// 合同履约监控能力
    case monitoring
    /// 其他需要评审的内容
    case other

    /// Every point a review of a contract in `direction` records (§4.4.2 a or b), in the order of the text.
    public static func required(for direction: ContractDirection) -> [ContractReviewPoint] {
        switch direction {
        case .providing: [.capability, .price, .risk, .clarity, .legality, .socialBenefit, .other]
        case .buying: [.supplierCapability, .price, .reputation, .afterSales, .clarity, .legality, .risk, .monitoring, .other]
        }
    }
}

/// A step in a contract's life; each is one signed commit by the person who took it.
public enum ContractAction: String, Codable, CaseIterable, Sendable {
    /// 制定: the executing department drafts it (§4.3); the record's first step.
    case draft
    /// 评审: reviewed against §4.4.2 (a new contract, a change, a termination, a renewal, or an
    /// important contract's effect once completed).
    case review
    /// 签署: the general manager signs after a passed review (§4.5.1).
    case sign
    /// 盖章: the company seal, a seam seal across the pages of a longer contract (§4.5.2–4.5.3).
    case seal
    /// 生效: signed and sealed, or notarised where required (§4.5.4).
    case effective
    /// 编号与归档: the uniform number, where the original is kept and who holds copies (§4.6).
    case archive
    /// 履约阶段性汇报 to the general manager (§4.7.3).
    case stageReport = "stage-report"
    /// 行政人事部 reports a contract falling behind (§4.7.4).
    case slippage
    /// The executing department asks 经营部 for a change, termination or renewal (§4.8–4.9).
    case request
    /// The reviewed change, termination or renewal takes effect (§4.8–4.9).
    case amend
    /// 履约完毕 (§4.7.5; the department's copy returns to 行政人事部, §4.6.3).
    case complete
}

/// Where a contract stands: the fold of its steps.
public enum ContractStatus: String, Codable, CaseIterable, Sendable {
    /// Drafted; not (yet) through a passed review.
    case drafted
    /// Its review passed; waiting for the general manager's signature.
    case approved
    case signed
    case sealed
    /// In force, not yet archived (a non-written contract stays here while it runs).
    case effective
    /// Numbered and archived, running.
    case archived
    /// Performed; an important contract waits for the review of its effect.
    case completed
    /// Finished with.
    case closed
    /// Terminated 废止 after a reviewed request.
    case terminated

    /// Whether the contract is being performed (stage reports, slippage, requests).
    public var isRunning: Bool { self == .effective || self == .archived }
}

/// What a review is of.
public enum ContractReviewPurpose: String, Codable, CaseIterable, Sendable {
    /// A new contract, before signing (§4.4).
    case new
    /// 变更 (§4.8)
    case change
    /// 废止 (§4.8)
    case termination
    /// 续约 (§4.9)
    case renewal
    /// The effect of a completed important contract (§4.7.5).
    case effect
}

/// One review point and what the reviewers found.
public struct ContractFinding: Codable, Equatable, Sendable {
    public var point: ContractReviewPoint
    public var acceptable: Bool
    public var finding: String

    public init(point: ContractReviewPoint, acceptable: Bool, finding: String) {
        self.point = point
        self.acceptable = acceptable
        self.finding = finding
    }
}

/// The written review record 评审记录 (§4.4, §4.11).
public struct ContractReview: Codable, Equatable, Sendable {
    public var purpose: ContractReviewPurpose
    public var findings: [ContractFinding]
    /// Who reviewed: the general manager or the assistant GM he delegates, the executing
    /// department and 经营部 (§4.4.1).
    public var reviewers: [StaffID]
    public var passed: Bool

    public init(purpose: ContractReviewPurpose, findings: [ContractFinding], reviewers: [StaffID], passed: Bool) {
        self.purpose = purpose
        self.findings = findings
        self.reviewers = reviewers
        self.passed = passed
    }
}

/// A copy of an archived contract and who holds it (§4.6.3).
public struct ContractCopy: Codable, Equatable, Sendable {
    /// Finance, when payment is in stages; the executing department, to monitor performance.
    public var holder: Department
    public var note: String?

    public init(holder: Department, note: String? = nil) {
        self.holder = holder
        self.note = note
    }
}

/// The numbering and archiving of the signed original (§4.6): the record holds the document's
/// SHA-256, never the document.
public struct ContractArchive: Codable, Equatable, Sendable {
    /// The uniform number 合同编号 (§4.6.1).
    public var number: String
    /// SHA-256 of the signed, sealed document as scanned or kept (64 lowercase hex digits).
    public var documentSHA256: String
    /// Where the original is kept, e.g. 行政人事部档案柜 A-3.
    public var original: String
    public var copies: [ContractCopy]

    public init(number: String, documentSHA256: String, original: String, copies: [ContractCopy]) {
        self.number = number
        self.documentSHA256 = documentSHA256
        self.original = original
        self.copies = copies
    }

    /// Whether `text` is 64 lowercase hex digits.
    public static func isDigest(_ text: String) -> Bool {
        text.count == 64 && text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
    }
}

/// A change, termination or renewal asked for (§4.8–4.9).
public struct ContractRequest: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case change, termination, renewal
        public var purpose: ContractReviewPurpose {
            switch self {
            case .change: .change
            case .termination: .termination
            case .renewal: .renewal
            }
        }
    }

    public var kind: Kind
    public var reason: String
    /// A renewal's new end date (YYYY-MM-DD).
    public var newEnd: String?

    public init(kind: Kind, reason: String, newEnd: String? = nil) {
        self.kind = kind
        self.reason = reason
        self.newEnd = newEnd
    }
}

/// One step of a contract: who, when, and the fields of its action.
public struct ContractStep: Codable, Equatable, Sendable {
    public var at: Timestamp
    public var by: StaffID
    public var action: ContractAction
    public var review: ContractReview?
    /// seal: the number of pages, and whether a seam seal 骑缝章 crosses them.
    public var pages: Int?
    public var seamSeal: Bool?
    /// effective: the notary office, where notarisation is required.
    public var notary: String?
    public var archive: ContractArchive?
    /// stage-report: whether it was handed in in writing (required for important contracts).
    public var written: Bool?
    public var request: ContractRequest?
    /// What the step says: the stage report, the slippage, the change made, the completion.
    public var notes: String?

    public init(at: Timestamp, by: StaffID, action: ContractAction, notes: String? = nil) {
        self.at = at
        self.by = by
        self.action = action
        self.notes = notes
    }
}

/// A contract's term: first and last day (YYYY-MM-DD, local).
public struct ContractTerm: Codable, Equatable, Sendable {
    public var start: String
    public var end: String

    public init(start: String, end: String) {
        self.start = start
        self.end = end
    }
}

/// What the draft contains (§4.3.1 a–g).
public struct ContractDraft: Codable, Equatable, Sendable {
    /// a) 标的
    public var subject: String
    /// b) 数量和质量（或工作内容）
    public var scope: String
    /// c) 价款或酬金, in words (the amount is `value`)
    public var price: String
    /// d) 履约期限、地点方式及其他履约条件
    public var performance: String
    /// e) 合同终止条件
    public var termination: String
    /// f) 违约责任
    public var liability: String
    /// g) 其他必要条款
    public var special: String?
    /// The template 合同范本 it follows, if any (§4.3.2).
    public var template: String?

    public init(subject: String, scope: String, price: String, performance: String, termination: String, liability: String,
                special: String? = nil, template: String? = nil) {
        self.subject = subject
        self.scope = scope
        self.price = price
        self.performance = performance
        self.termination = termination
        self.liability = liability
        self.special = special
        self.template = template
    }
}

/// `records/contracts/<id>.json`: one contract 经济合同 (002 篇3), its particulars fixed at the
/// draft and its steps appended, each by its own signed commit.
public struct ContractRecord: Codable, Equatable, Sendable {
    public static let format = "casebook.contract/1"
    public var format: String = ContractRecord.format
    /// `H-` and 8 hex digits, drawn at random (two desks never draw the same).
    public var id: String
    public var kind: ContractKind
    public var form: ContractForm
    public var title: String
    /// The other party 对方 (a company; a resident's name is never written here).
    public var counterparty: String
    /// 合同执行部门: drafts, performs or monitors it, reports its stages (§4.3.1, §4.7).
    public var executingDepartment: Department
    /// 重要合同: reviewed and supervised by the general manager, stages reported in writing,
    /// its effect reviewed when completed (§3.1, §4.7).
    public var important: Bool
    public var term: ContractTerm
    /// Value in yuan, as a decimal with at most two places (e.g. `128000.00`).
    public var value: String?
    /// Paid in stages: finance keeps a copy (§4.6.3).
    public var paidInStages: Bool
    /// Must be notarised to take effect (§4.5.4).
    public var notarisation: Bool
    public var draft: ContractDraft
    /// The confidential terms, sealed (§4.6.4).
    public var confidential: SealedText?
    public var steps: [ContractStep]
    /// Who opened the confidential terms, when and why (`contract show --reveal`), each its own commit.
    public var reveals: [ContractReveal]?

    public init(id: String, kind: ContractKind, form: ContractForm, title: String, counterparty: String, executingDepartment: Department,
                important: Bool, term: ContractTerm, value: String?, paidInStages: Bool, notarisation: Bool, draft: ContractDraft,
                confidential: SealedText?, steps: [ContractStep], reveals: [ContractReveal]? = nil) {
        self.id = id
        self.kind = kind
        self.form = form
        self.title = title
        self.counterparty = counterparty
        self.executingDepartment = executingDepartment
        self.important = important
        self.term = term
        self.value = value
        self.paidInStages = paidInStages
        self.notarisation = notarisation
        self.draft = draft
        self.confidential = confidential
        self.steps = steps
        self.reveals = reveals
    }

    public var path: String { ContractRecord.path(id) }
    public static func path(_ id: String) -> String { "records/contracts/\(id).json" }

    /// Whether `id` is a contract id: `H-` and 8 lowercase hex digits.
    public static func isWellFormed(_ id: String) -> Bool {
        id.count == 10 && id.hasPrefix("H-") && id.dropFirst(2).unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
    }

    /// A new random id.
    public static func newID() -> String {
        var rng = SystemRandomNumberGenerator()
        return "H-" + String(format: "%08x", UInt32.random(in: .min ... .max, using: &rng))
    }

    /// Whether `text` is an amount in yuan: digits, optionally a point and one or two digits.
    public static func isAmount(_ text: String) -> Bool {
        text.wholeMatch(of: /[0-9]{1,12}(\.[0-9]{1,2})?/) != nil
    }
}

/// One opening of a contract's sealed confidential terms (§4.6.4: everyone who handles them is bound to keep them).
public struct ContractReveal: Codable, Equatable, Sendable {
    public var at: Timestamp
    public var by: StaffID
    public var reason: String

    public init(at: Timestamp, by: StaffID, reason: String) {
        self.at = at
        self.by = by
        self.reason = reason
    }
}
