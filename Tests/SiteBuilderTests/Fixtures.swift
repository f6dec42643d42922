import CaseModel
import Foundation
import Procedures
import SiteBuilder

let shanghai = TimeZone(identifier: "Asia/Shanghai")!
func t(_ s: String) -> Timestamp { Timestamp.parse(s, defaultZone: shanghai)! }

/// The fixed clock of every test here: Friday 20 November 2026, 17:00 in Shanghai.
let now = t("2026-11-20T17:00")

/// The project's own residential profile.
func residential() throws -> Profile {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("records/procedures/residential.json")
    return try RecordJSON.decode(Profile.self, from: Data(contentsOf: url), file: url.path)
}

let staff = [
    Staff(id: "li.na", name: "李娜", email: "li.na@x.cn", roles: [.receptionist], department: .customerService),
    Staff(id: "chen.jie", name: "陈洁", email: "chen@x.cn", roles: [.csAssistant], department: .customerService),
    Staff(id: "wang.zg", name: "王志刚", email: "wang@x.cn", roles: [.supervisor], department: .customerService),
    Staff(id: "zhou.jl", name: "周建林", email: "zhou@x.cn", roles: [.manager]),
    Staff(id: "he.zr", name: "何主任", email: "he@x.cn", roles: [.director]),
    Staff(id: "zhao.gong", name: "赵工", email: "zhao@x.cn", roles: [.engineer], department: .engineering),
]

/// Residents with real-looking full names and phone numbers: none of these may appear in output.
/// Free text below holds display forms where staff typed names (the commands scrub full names as
/// they record, with the resident's key), but phone numbers as typed (the dashboard masks them).
let residents: [(name: String, phone: String)] = [
    ("王小明", "13812345678"), ("钱多多", "13933334444"), ("刘晓燕", "13700001111"),
    ("赵大海", "13611112222"), ("孙丽华", "15522223333"), ("吴建国", "18855556666"), ("周芳芳", "17700007777"),
]

/// Builds a case event by event, with the profile's deadlines on the open event.
struct CaseBuilder {
    var id: CaseID
    var events: [Event]

    init(_ id: String, _ kind: Kind, severity: Severity? = nil, size: RepairSize? = nil, at: String, resident: Int,
         unit: String = "3-2-1801", summary: String = "楼道灯不亮", details: String? = nil, channel: Channel = .phone,
         profile: Profile) throws {
        let r = residents[resident]
        let intake = Intake(receivedAt: t(at), channel: channel, kind: kind, severity: severity, repairSize: size, unit: unit,
                            reporter: try Contact(name: r.name, phone: r.phone, key: freshResidentKey()), summary: summary, details: details, firstResponder: "li.na")
        var open = Event(at: t(at), by: "li.na", action: .open)
        open.intake = intake
        open.deadlines = try Schedule.deadlines(for: intake, profile: profile, calendar: BusinessCalendar([]))
        open.profile = profile.reference
        self.id = CaseID(rawValue: id)
        self.events = [open]
    }

    @discardableResult
    mutating func add(_ action: Action, at: String, by: StaffID, _ fill: (inout Event) -> Void = { _ in }) -> Self {
        var e = Event(at: t(at), by: by, action: action)
        fill(&e)
        events.append(e)
        return self
    }

    func file() throws -> CaseFile { try CaseFile(id: id, events: events) }
}

/// Seven cases at `now`, each there for one thing the dashboard must show.
func fixtureCases() throws -> [CaseFile] {
    let p = try residential()
    // 1. Medium repair, 3-day deadline missed on 11-15, held at supervisor although the ladder says manager.
    var repair = try CaseBuilder("C-20261112-T01-0001", .repair, size: .medium, at: "2026-11-12T11:00", resident: 3,
                                 unit: "7-2-1102", summary: "卫生间顶棚渗水", profile: p)
    repair.add(.dispatch, at: "2026-11-12T11:20", by: "li.na") { $0.department = .engineering; $0.assignee = "zhao.gong" }
    repair.add(.escalate, at: "2026-11-14T16:00", by: "li.na") { $0.level = .supervisor; $0.assignee = "wang.zg"; $0.reason = "2天未处理完毕" }
    // 2. Major complaint: reported in time, the 2-day answer missed at 08:45 today. Its text is hostile.
    var major = try CaseBuilder("C-20261118-T01-0001", .complaint, severity: .major, at: "2026-11-18T08:45", resident: 1,
                                unit: "9-1-2301", summary: "电梯<script>alert('x')</script> & \"困人\"",
                                details: "钱**说：请回电13933334444，或找刘** 13700001111；a,b \"c\" <b>d</b>", profile: p)
    major.add(.dispatch, at: "2026-11-18T09:00", by: "li.na") { $0.department = .engineering; $0.assignee = "zhao.gong" }
    major.add(.escalate, at: "2026-11-18T10:00", by: "li.na") { $0.level = .supervisor; $0.assignee = "wang.zg"; $0.reason = "重大投诉12小时内上报" }
    // 3. Important complaint, handled, revisited and closed in time.
    var done = try CaseBuilder("C-20261103-T01-0001", .complaint, severity: .important, at: "2026-11-03T09:10", resident: 0, profile: p)
    done.add(.escalate, at: "2026-11-03T09:40", by: "li.na") { $0.level = .supervisor; $0.assignee = "wang.zg"; $0.reason = "1小时内报告" }
    done.add(.dispatch, at: "2026-11-03T09:50", by: "wang.zg") { $0.department = .engineering; $0.assignee = "zhao.gong" }
    done.add(.resolve, at: "2026-11-03T15:20", by: "zhao.gong") {
        $0.result = "更换声控开关"; $0.customerConfirmed = true; $0.rating = 5
        $0.revisitsPlanned = [PlannedRevisit(due: t("2026-11-06T15:20"), by: [.director], modes: [.home, .letter], clause: "002 篇2 §4.1.1–4.1.3")]
    }
    done.add(.revisit, at: "2026-11-05T10:00", by: "he.zr") { $0.mode = .home; $0.satisfied = true; $0.notes = "王**表示满意" }
    done.add(.close, at: "2026-11-05T10:30", by: "chen.jie")
    // 4. Minor complaint resolved yesterday: revisit due on Sunday 11-22.
    var minor = try CaseBuilder("C-20261119-T01-0001", .complaint, severity: .minor, at: "2026-11-19T09:00", resident: 2,
                                unit: "2-3-601", summary: "垃圾桶未及时清运, 有异味; 请处理", profile: p)
    minor.add(.resolve, at: "2026-11-19T16:00", by: "chen.jie") {
        $0.result = "已清运"
        $0.revisitsPlanned = [PlannedRevisit(due: t("2026-11-22T16:00"), by: [.departmentHead, .csAssistant], modes: [.home, .letter], clause: "002 篇2 §4.1.1–4.1.3")]
    }
    // 5. Emergency help resolved on 11-15: its revisit was due 11-18 and is late.
    var emergency = try CaseBuilder("C-20261115-T01-0001", .emergency, at: "2026-11-15T20:00", resident: 4, unit: "1-1-201",
                                    summary: "老人摔倒协助送医", profile: p)
    emergency.add(.resolve, at: "2026-11-15T21:00", by: "wang.zg") {
        $0.result = "已协助拨打120"
        $0.revisitsPlanned = [PlannedRevisit(due: t("2026-11-18T10:00"), by: [.csAssistant, .supervisor], modes: [.home], clause: "002 篇2 §4.1.1, §4.1.6")]
    }
    // 6. Written inquiry: its 2-day answer falls due tomorrow at 16:00, within 24 hours.
    let inquiry = try CaseBuilder("C-20261119-T01-0002", .inquiry, at: "2026-11-19T16:00", resident: 5, unit: "4-2-502",
                                  summary: "=咨询车位续约办法", channel: .letter, profile: p)
    // 7. An October small repair, on time and closed; drawn in October's sample.
    var october = try CaseBuilder("C-20261015-T01-0001", .repair, size: .small, at: "2026-10-15T09:00", resident: 6, unit: "5-1-302",
                                  summary: "厨房水龙头漏水", profile: p)
    october.add(.dispatch, at: "2026-10-15T09:10", by: "li.na") { $0.department = .engineering; $0.assignee = "zhao.gong" }
    october.add(.resolve, at: "2026-10-15T11:00", by: "zhao.gong") { $0.result = "更换阀芯" }
    october.add(.close, at: "2026-10-15T12:00", by: "chen.jie")
    return try [repair, major, done, minor, emergency, inquiry, october].map { try $0.file() }
}

/// October's sample: the small repair to revisit by 5 November, and the spot checks.
let octoberSample = MonthlySample(
    month: "2026-10", profile: "residential@test", seed: "0123456789abcdef0123",
    revisits: .init(name: "revisits", population: ["C-20261015-T01-0001"],
                    selected: [.init(id: "C-20261015-T01-0001", due: t("2026-11-05T17:30"), mode: .phone)], clause: "002 篇2 §4.1.2; 000 篇2 §4.3"),
    spotChecks: [.init(name: "complaint-revisits", population: [], selected: [], clause: "001 §5.5.1")])

let novemberSample = MonthlySample(
    month: "2026-11", profile: "residential@test", seed: "fedcba9876543210fedc",
    revisits: .init(name: "revisits", population: [], selected: [], clause: "002 篇2 §4.1.2; 000 篇2 §4.3"),
    spotChecks: [.init(name: "complaint-revisits", population: ["C-20261103-T01-0001"],
                       selected: [.init(id: "C-20261103-T01-0001")], clause: "001 §5.5.1")])

/// The commits of each event, as the caller would read them from git.
func fixtureProvenance(_ cases: [CaseFile]) -> [CaseID: [EventProvenance]] {
    var out: [CaseID: [EventProvenance]] = [:]
    for (n, file) in cases.enumerated() {
        out[file.id] = file.events.indices.map { k in
            EventProvenance(commit: String(format: "%02d%02d", n, k) + String(repeating: "ab", count: 18),
                            author: "李娜 <li.na@x.cn>", signature: k % 2 == 0 ? .signed : .unsigned)
        }
    }
    return out
}

func fixtureSite(language: Language = .zhHans, zone: TimeZone = shanghai) throws -> [SiteFile] {
    let cases = try fixtureCases()
    return try Dashboard(siteName: "测试服务中心 <&>", cases: cases, profile: try residential(), now: now, language: language,
                         timeZone: zone, samples: [octoberSample, novemberSample], provenance: fixtureProvenance(cases), staff: staff).build()
}

extension Array where Element == SiteFile {
    subscript(path: String) -> SiteFile? { first { $0.path == path } }
}

/// The values of `attribute` on elements of the HTML, in order (e.g. every `data-case`).
func attributeValues(_ attribute: String, in html: String) -> [String] {
    let parts = html.components(separatedBy: " \(attribute)=\"").dropFirst()
    return parts.map { String($0.prefix { $0 != "\"" }) }
}

/// The part of `html` from the first occurrence of `start` to the next `end`.
func section(_ html: String, from start: String, to end: String) -> String {
    guard let a = html.range(of: start) else { return "" }
    let rest = html[a.upperBound...]
    guard let b = rest.range(of: end) else { return String(rest) }
    return String(rest[..<b.lowerBound])
}
