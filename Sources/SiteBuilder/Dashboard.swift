import CaseModel
import Mustache
import Procedures

/// The managers' dashboard: builds every page as a string from case values; writing them to
/// disk is the caller's business. Residents appear only in their display forms.
public struct Dashboard {
    public let siteName: String
    public let cases: [CaseFile]
    public let profile: Profile
    public let now: Timestamp

    public init(siteName: String, cases: [CaseFile], profile: Profile, now: Timestamp) {
        self.siteName = siteName
        self.cases = cases
        self.profile = profile
        self.now = now
    }

    /// Every page: relative path → HTML.
    public func render() throws -> [(String, String)] {
        var library = MustacheLibrary()
        try library.register(Templates.layout, named: "layout")
        try library.register(Templates.index, named: "index")
        try library.register(Templates.casePage, named: "case")
        var pages: [(String, String)] = []
        let open = cases.filter { $0.state.status.isOpen }
            .sorted { Schedule.overdue($0, at: now).count > Schedule.overdue($1, at: now).count || $0.intake.receivedAt < $1.intake.receivedAt && Schedule.overdue($0, at: now).count == Schedule.overdue($1, at: now).count }
        let overdueCount = open.filter { !Schedule.overdue($0, at: now).isEmpty }.count
        let index: [String: Any] = [
            "title": "总览", "siteName": siteName, "root": "", "generatedAt": now.description,
            "openCount": open.count, "overdueCount": overdueCount, "totalCount": cases.count,
            "open": open.map(row), "hasOpen": !open.isEmpty,
        ]
        pages.append(("index.html", library.render(index, withTemplate: "index") ?? ""))
        for file in cases {
            var page = row(file)
            page["title"] = file.id.rawValue
            page["siteName"] = siteName
            page["root"] = "../"
            page["generatedAt"] = now.description
            page["receivedAt"] = file.intake.receivedAt.description
            page["channel"] = file.intake.channel.rawValue
            page["firstResponder"] = file.intake.firstResponder.rawValue
            page["deadlines"] = file.state.deadlines.map { d -> [String: Any] in
                let standing = Schedule.standing(of: d, in: file, at: now)
                let text: String
                switch standing {
                case .met(let at, let late): text = (late ? "逾期完成 met late " : "按时 met ") + at.description
                case .pending(let overdue): text = overdue ? "已超时 OVERDUE" : "未到期 due"
                }
                let late: Bool = if case .met(_, true) = standing { true } else { standing.isOverdue }
                return ["step": d.step, "due": d.due.description, "standing": text, "late": late, "clause": d.clause]
            }
            page["events"] = file.events.map { e -> [String: Any] in
                let detail = [e.department?.rawValue, e.level?.rawValue, e.text, e.result, e.reason, e.agency,
                              e.mode?.rawValue, e.satisfied.map { $0 ? "满意 satisfied" : "不满意 unsatisfied" }, e.notes]
                    .compactMap { $0 }.joined(separator: " · ")
                return ["at": e.at.description, "by": e.by.rawValue, "action": e.action.rawValue, "detail": detail]
            }
            pages.append(("cases/\(file.id.rawValue).html", library.render(page, withTemplate: "case") ?? ""))
        }
        return pages
    }

    /// One case as a table row, personal data masked.
    func row(_ file: CaseFile) -> [String: Any] {
        let i = file.intake
        let grade = [i.severity?.rawValue, i.repairSize?.rawValue].compactMap { $0 }.first.map { " (\($0))" } ?? ""
        return [
            "id": file.id.rawValue, "kind": i.kind.rawValue + grade, "status": file.state.status.rawValue,
            "level": file.state.level.rawValue, "holder": file.state.holder.rawValue, "unit": i.unit ?? "",
            "reporter": i.reporter.nameDisplay, "phone": i.reporter.phoneMasked ?? "", "summary": i.summary,
            "overdue": Schedule.overdue(file, at: now).map(\.step).joined(separator: ", "),
        ]
    }
}
