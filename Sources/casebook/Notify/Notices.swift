import CaseModel
import CasebookEngine
import Foundation
import GitStore
import Procedures
import SiteBuilder

/// One thing to tell: derived from a commit (an escalation or breach step) or from the cases as
/// they stand (a deadline about to pass, a revisit due today, the morning queue), and keyed so
/// that the same thing derived again has the same key and is never sent twice.
struct Tiding: Equatable {
    /// `step-<commit>-<event>`, `warn-<case>-<step>-<due>`, `revisit-<case>-<n>-<day>`, `digest-<staff>-<day>`.
    var key: String
    var topic: NotifyConfig.Topic
    /// Who is told (staff ids): they are mentioned in a group, mailed one by one.
    var to: [StaffID]
    /// The first line.
    var title: String
    /// The rest, one line each; residents masked.
    var lines: [String]
}

/// Derives what is due at `now`.
struct NoticeDeriver {
    let ws: Workspace
    let config: NotifyConfig
    let now: Timestamp
    let s: Strings

    init(ws: Workspace, config: NotifyConfig, now: Timestamp) {
        self.ws = ws
        self.config = config
        self.now = now
        s = Strings(Language(rawValue: config.locale ?? ws.settings.locale) ?? .zhHans)
    }

    /// People (not the system actor) who work at `level`.
    func people(at level: Level) -> [StaffID] {
        ws.staff.staff.filter { !$0.roles.contains(.system) && Casebook.Today.level(of: $0) == level }.map(\.id)
    }

    /// A case in one line: id, kind, the matter and the resident as the dashboard shows them.
    func caseLine(_ file: CaseFile) -> String {
        let matter = Contact.scrub(file.intake.summary, fullName: ws.fullName(of: file))
        return s.fill("notify.case", [file.id.rawValue, s.kindWithGrade(file.intake), oneLine(matter, limit: 80),
                                      [file.intake.unit, file.intake.reporter.nameDisplay].compactMap { $0 }.joined(separator: " ")])
    }

    func name(_ id: StaffID) -> String { ws.staff[id].map { "\($0.name)" } ?? id.rawValue }

    func short(_ t: Timestamp) -> String { String(t.description.prefix(16)).replacingOccurrences(of: "T", with: " ") }

    static func compact(_ t: Timestamp) -> String {
        String(t.description.prefix(16)).filter { $0.isNumber }
    }

    /// Escalations and breaches recorded by the commits after `cursor` up to HEAD (with no cursor:
    /// those of the last day), keyed by commit and event.
    func steps(since cursor: OID?) throws -> [Tiding] {
        guard let head = ws.base else { return [] }
        let repo = ws.repo
        var out: [Tiding] = []
        for commit in try repo.commits(from: cursor, to: head) {
            let info = try repo.commit(commit)
            guard let action = info.trailer("Action"), action == Action.escalate.rawValue || action == Action.breach.rawValue,
                  let rawID = info.trailer("Case-Id") else { continue }
            if cursor == nil, info.committer.time < now.unixSeconds - 86_400 { continue }
            let parents = try repo.parents(of: commit)
            guard parents.count <= 1, let path = try? ws.path(of: CaseID(rawValue: rawID)),
                  let data = try repo.read(path, at: commit), let file = try? RecordJSON.decode(CaseFile.self, from: data, file: path) else { continue }
            let before = try parents.first.flatMap { try repo.read(path, at: $0) }.flatMap { try? RecordJSON.decode(CaseFile.self, from: $0, file: path) }
            let start = before?.events.count ?? 0
            for (i, event) in file.events.enumerated().dropFirst(start) where event.action == .escalate || event.action == .breach {
                let state = (try? CaseFile(id: file.id, events: Array(file.events.prefix(i + 1))))?.state ?? file.state
                let level = event.level ?? state.level
                var to = level == .desk ? [] : people(at: level)
                if !to.contains(state.holder), ws.staff[state.holder].map({ !$0.roles.contains(.system) }) == true { to.append(state.holder) }
                to.removeAll { $0 == event.by && event.action == .escalate && !(ws.staff[event.by]?.roles.contains(.system) ?? false) }
                guard !to.isEmpty else { continue }
                var lines = [caseLine(file)]
                let title: String
                if event.action == .escalate {
                    title = s.fill("notify.escalation", [file.id.rawValue, s.level(level)])
                    if let reason = event.reason { lines.append(s.fill("notify.reason", [oneLine(Contact.scrub(reason, fullName: nil), limit: 120)])) }
                } else {
                    let step = event.step ?? "?"
                    let deadline = state.deadlines.first { $0.step == step }
                    title = s.fill("notify.breach", [file.id.rawValue, s.step(step), deadline.map { short($0.due) } ?? "?"])
                    if let deadline { lines.append(s.fill("notify.clause", [deadline.clause])) }
                    if level > .desk { lines.append(s.fill("notify.escalation", [file.id.rawValue, s.level(level)])) }
                }
                lines.append(s.fill("notify.holder", [name(state.holder)]))
                out.append(Tiding(key: "step-\(commit.hex.prefix(12))-\(i)", topic: event.action == .escalate ? .escalation : .breach,
                                  to: to, title: title, lines: lines))
            }
        }
        return out
    }

    /// Deadlines about to pass: from the time `warnBefore` gives until they are due.
    func warnings(_ cases: [CaseFile]) -> [Tiding] {
        var out: [Tiding] = []
        for file in cases where file.state.status.isOpen {
            for d in file.state.deadlines where d.breachedAt == nil && d.due > now {
                guard case .pending = Schedule.standing(of: d, in: file, at: now),
                      let at = config.warnAt(step: d.step, start: d.since ?? file.intake.receivedAt, due: d.due), at <= now else { continue }
                var to = [file.state.holder].filter { ws.staff[$0].map { !$0.roles.contains(.system) } ?? false }
                if file.state.level > .desk { to += people(at: file.state.level).filter { !to.contains($0) } }
                if to.isEmpty { to = people(at: .supervisor) }
                guard !to.isEmpty else { continue }
                out.append(Tiding(key: "warn-\(file.id.rawValue)-\(d.step)-\(NoticeDeriver.compact(d.due))", topic: .warning, to: to,
                                  title: s.fill("notify.warning", [file.id.rawValue, s.step(d.step), short(d.due)]),
                                  lines: [caseLine(file), s.fill("notify.clause", [d.clause]), s.fill("notify.holder", [name(file.state.holder)])]))
            }
        }
        return out
    }

    /// Today in the repository's zone, and whether the digest time has come.
    var today: (day: String, due: Bool) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = ws.zone
        let c = calendar.dateComponents([.hour, .minute], from: now.date)
        let (h, m) = config.digestTime
        return (Timestamp(date: now.date, in: ws.zone).localDay, (c.hour ?? 0, c.minute ?? 0) >= (h, m))
    }

    /// Revisits whose due day is today, to the roles that must make them (from the digest time on).
    func revisits(_ cases: [CaseFile]) -> [Tiding] {
        let (day, due) = today
        guard due else { return [] }
        var out: [Tiding] = []
        for file in cases {
            for (n, p) in file.state.revisitsPlanned.enumerated() where p.doneAt == nil && Timestamp(date: p.due.date, in: ws.zone).localDay == day {
                if let notBefore = p.notBefore, notBefore > now { continue }
                let to = ws.staff.staff.filter { !$0.roles.contains(.system) && $0.roles.contains(where: p.by.contains) }.map(\.id)
                guard !to.isEmpty else { continue }
                out.append(Tiding(key: "revisit-\(file.id.rawValue)-\(n)-\(day.filter(\.isNumber))", topic: .revisit, to: to,
                                  title: s.fill("notify.revisit", [file.id.rawValue, short(p.due), s.list(p.modes.map(s.mode))]),
                                  lines: [caseLine(file), s.fill("notify.clause", [p.clause])]))
            }
        }
        return out
    }

    /// The morning queue (`casebook today`) of each person some channel sends digests to.
    func digests(_ cases: [CaseFile]) -> [Tiding] {
        let (day, due) = today
        guard due else { return [] }
        let wanted = Set(config.channels.filter { $0.carries.contains(.digest) }.flatMap(\.members))
        var out: [Tiding] = []
        for person in ws.staff.staff where wanted.contains(person.id.rawValue) && !person.roles.contains(.system) {
            let items = Casebook.Today.queue(for: person, cases: cases, profile: ws.profile, now: now, zone: ws.zone)
            guard !items.isEmpty else { continue }
            let byID = Dictionary(cases.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
            let lines = items.map { item -> String in
                let due = item.due.flatMap { Timestamp.parse($0, defaultZone: ws.zone) }.map(short) ?? "-"
                let what = byID[item.id].map(caseLine) ?? item.id
                return "\(item.late ? s["notify.late"] : "")\(due) \(item.task.said(in: s))\(s.language == .zhHans ? "：" : ": ")\(what)"
            }
            out.append(Tiding(key: "digest-\(person.id.rawValue)-\(day.filter(\.isNumber))", topic: .digest, to: [person.id],
                              title: s.fill("notify.digest", [person.name, "\(items.count)"]), lines: lines))
        }
        return out
    }
}
