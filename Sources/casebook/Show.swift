import ArgumentParser
import CaseModel
import CasebookEngine
import Foundation
import Procedures
import SiteBuilder

extension Casebook {
    /// `casebook show ID`: the case as the paper form shows it, with deadlines and events.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one case: intake, state, deadlines and events.",
            discussion: """
            Residents' names and phones are shown masked (王女士, 138****5678). In Chinese when LANG is zh* or \
            the repository's locale is zh-Hans (and LANG names neither language).
            Example: casebook show C-20261122-K3F-0001 --json
            """
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: CaseArgument
        @Flag(help: "Print the case file's intake, state and events as JSON (personal data masked).") var json = false
        @Flag(help: "Show the reporter's full name and phone (needs the resident's key; recorded as a 'reveal' event, its own commit).")
        var reveal = false
        @Option(help: "Why the full values are needed (with --reveal).") var reason: String = "回电 call back"

        func validate() throws {
            if reveal, json { throw ValidationError("--reveal: not with --json (the JSON output never holds personal data)") }
        }

        func run() throws {
            let ws = try global.workspace()
            var file = try ws.load(CaseID(rawValue: target.id))
            var revealed: (name: String, phone: String?)?
            if reveal {
                let why = try text(reason, field: "--reason", limit: 200)
                (file, revealed) = try Retry.onConcurrentUpdate {
                    let fresh = try global.workspace()
                    return try Privacy.reveal(try fresh.load(file.id), in: fresh, actor: global.actor, at: global.at, reason: why)
                }
            }
            if json {
                FileHandle.standardOutput.write(try RecordJSON.encode(file, redacted: true))
                return
            }
            let now = try ws.now()
            if DeskLanguage.current == .zhHans {
                print(Show.chinese(file, now: now, profile: ws.profile, s: DeskLanguage.strings).joined(separator: "\n"))
                return
            }
            let i = file.intake, s = file.state
            var lines: [String] = []
            let grade = [i.severity?.rawValue, i.repairSize?.rawValue].compactMap { $0 }.first.map { " (\($0))" } ?? ""
            lines.append("\(file.id.rawValue)  \(i.kind.rawValue)\(grade)  \(s.status.rawValue)  level \(s.level.rawValue)")
            lines.append("received      \(i.receivedAt) via \(i.channel.rawValue), first responsible \(i.firstResponder.rawValue)")
            if let revealed {
                lines.append("reporter      \(revealed.name)  \(revealed.phone ?? "-")  unit \(i.unit ?? "-")  resident \(i.reporter.resident.rawValue)")
            } else {
                lines.append("reporter      \(i.reporter.nameDisplay)  \(i.reporter.phoneMasked ?? "-")  unit \(i.unit ?? "-")  resident \(i.reporter.resident.rawValue)")
            }
            lines.append("summary       \(i.summary)")
            if let d = i.details { lines.append("details       \(d)") }
            lines.append("holder        \(s.holder.rawValue)  department \(s.department?.rawValue ?? "-")  profile \(s.profile)")
            if let r = s.resolution {
                lines.append("resolution    \(r.at) by \(r.by.rawValue): \(r.result)" + (r.customerConfirmed ? " (confirmed)" : "") + (r.rating.map { " rating \($0)" } ?? ""))
            }
            if let r = s.referral { lines.append("referred      \(r.at) to \(r.agency)") }
            if let why = s.unresolvableReason { lines.append("unresolvable  \(why)") }
            lines += Show.specialLines(file)
            // Corrections of the intake (004 §4.1): the old and new value, personal data masked.
            for e in file.events where e.action == .correct {
                guard let c = e.correction else { continue }
                lines.append("corrected     \(e.at) by \(e.by.rawValue): \(Show.change(c))" + (e.reason.map { " (\($0))" } ?? ""))
            }
            if !s.deadlines.isEmpty {
                lines.append("deadlines")
                for d in s.deadlines {
                    let standing: String
                    switch Schedule.standing(of: d, in: file, at: now) {
                    case .met(let at, let late): standing = late ? "met late \(at)" : "met \(at)"
                    case .pending(let overdue): standing = overdue ? "OVERDUE" : "due"
                    }
                    let provisional = d.provisional.map { " (provisional: \($0.map(String.init).joined(separator: ", ")) calendar not imported)" } ?? ""
                    lines.append("  \(d.step.padding(toLength: 10, withPad: " ", startingAt: 0)) \(d.due)\(provisional)  \(standing)  [\(d.clause)]")
                }
            }
            if let step = Schedule.ladderLevel(for: file, at: now, profile: ws.profile), step.level > s.level {
                lines.append("ladder        should be held by \(step.level.rawValue) now [\(step.clause)]")
            }
            for p in s.revisitsPlanned {
                let who = p.by.map(\.rawValue).joined(separator: "/"), how = p.modes.map(\.rawValue).joined(separator: "/")
                lines.append("revisit plan  due \(p.due) by \(who) (\(how)) " + (p.doneAt.map { "done \($0)" } ?? (now > p.due ? "OVERDUE" : "pending")) + "  [\(p.clause)]")
            }
            lines.append("events")
            for e in file.events {
                let detail = [e.department?.rawValue, e.level.map { "to \($0.rawValue)" }, e.assignee.map { "→ \($0.rawValue)" },
                              e.text, e.result, e.reason, e.agency, e.mode?.rawValue,
                              e.satisfied.map { $0 ? "satisfied" : "unsatisfied" }, e.passed.map { $0 ? "passed" : "failed" }, e.item?.rawValue, e.value,
                              e.notes, e.step, e.correction.map(Show.change)].compactMap { $0 }.joined(separator: "  ")
                lines.append("  \(e.at)  \(e.by.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \(e.action.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \(detail)"
                             + Show.lateMark(e, DeskLanguage.strings))
            }
            print(lines.joined(separator: "\n"))
        }

        /// The lines of a non-conformity's check and verifications, an emergency's checklist, a
        /// judicial request's requester and approval.
        static func specialLines(_ file: CaseFile) -> [String] {
            let i = file.intake, s = file.state
            var lines: [String] = []
            if let n = i.inspection {
                lines.append("inspection    \(n.check.rawValue) check; \(n.department.rawValue) to correct by \(n.correctBy)  [002 篇9 §4]")
            }
            for v in s.verifications ?? [] {
                lines.append("verified      \(v.at) by \(v.by.rawValue): \(v.passed ? "passed" : "failed")" + (v.notes.map { " (\($0))" } ?? ""))
            }
            if let type = i.emergency {
                let done = Dictionary((s.checklist ?? []).map { ($0.item, $0) }, uniquingKeysWith: { a, _ in a })
                lines.append("checklist     \(type.rawValue)")
                for item in type.checklist {
                    let entry = done[item].map { "done \($0.at) by \($0.by.rawValue)" + ($0.value.map { ": \($0)" } ?? "") } ?? "MISSING"
                    lines.append("  \(item.rawValue.padding(toLength: 25, withPad: " ", startingAt: 0)) \(entry)  [\(item.clause)]")
                }
            }
            if let j = i.judicial {
                var who = "requester     \(j.requester.rawValue)"
                if let name = j.officerName { who += "; officer \(name), badge \(j.officerBadge ?? "-") (signs as receiver)" }
                if j.requester == .lawyer {
                    who += "; letter \(j.letter ?? "-"), licence \(j.licence ?? "-"), power of attorney \(j.powerOfAttorney ?? "-")"
                    if let c = j.client { who += ", for \(c.rawValue)" }
                }
                lines.append(who)
                if j.requester == .lawyer {
                    lines.append("approval      " + (s.approval.map { "\($0.at) by \($0.by.rawValue)" } ?? "not yet: nothing is released  [001 §5.6.5.3]"))
                }
            }
            return lines
        }

        /// `  [late entry: recorded …, reason: …]` after a late entry 补录 (002 篇1 §4.2); empty for
        /// a step recorded as it happened.
        static func lateMark(_ e: Event, _ s: Strings) -> String {
            guard let recordedAt = e.recordedAt else { return "" }
            let reason = e.lateReason.map { Contact.maskMobiles($0) } ?? "-"
            return "  [\(s.fill("lateEntryDetail", [recordedAt.description, reason]))]"
        }

        /// `intake.unit: '3-2-1801' → '3-2-1802'`, a resident's name or phone in display form.
        static func change(_ c: Correction) -> String {
            "\(c.field.rawValue): '\(c.fromDisplay)' → '\(c.toDisplay)'"
        }
    }
}
