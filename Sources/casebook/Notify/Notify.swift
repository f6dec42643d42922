import ArgumentParser
import CaseModel
import CasebookEngine
import Crypto
import Foundation
import GitStore
import SiteBuilder

extension Casebook {
    /// `casebook notify`: tells people what the record says they must know, once.
    struct Notify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "notify",
            abstract: "Tell people: escalations, breaches, deadlines about to pass, today's revisits and the morning queue, on WeCom, DingTalk, Feishu and mail.",
            discussion: """
            Run it after `sweep`, from the same schedule (every few minutes). Channels and who is in each are in
            records/notify.json; webhook keys, secrets and mail passwords in this host's
            .git/casebook/notify-secrets.json (or $CASEBOOK_NOTIFY_SECRETS, git config casebook.notifySecrets).
            Every message, to whom, when and what the platform answered is committed on refs/casebook/notify
            (git log -p refs/casebook/notify); a notice is sent once however often this runs, and a failed send
            is retried with back-off on later runs. Residents appear masked. See docs/notifications.md.
            Example: casebook notify --dry-run
            """
        )
        @OptionGroup var global: GlobalOptions
        @Flag(name: .customLong("dry-run"), help: "Print what would be sent; send and record nothing.") var dryRun = false

        func run() throws {
            let ws = try global.workspace()
            let s = DeskLanguage.strings
            let config: NotifyConfig
            do {
                guard let found = try NotifyConfig.read(in: ws) else {
                    warn(s["notify.noConfig"])
                    return
                }
                config = found
            } catch let failure as Failure {
                warn(s.fill("notify.badConfig", [failure.said(in: s)]))
                throw ExitCode.failure
            }
            guard let system = ws.staff.staff.first(where: { $0.roles.contains(.system) }) else {
                throw Failure(key: "noSystem", "\(Workspace.staffPath)")
            }
            let lock = URL(fileURLWithPath: ws.repo.gitDirectory).appendingPathComponent("casebook")
            try FileManager.default.createDirectory(at: lock, withIntermediateDirectories: true)
            try FileLock.exclusively(lock.appendingPathComponent("notify.lock").path) {
                var sender = Sender(ws: ws, config: config, system: system, strings: s, dryRun: dryRun)
                try sender.run()
            }
        }
    }
}

func warn(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// One run of `notify`: derive, plan, record, send.
struct Sender {
    let ws: Workspace
    let config: NotifyConfig
    let system: Staff
    let s: Strings
    let dryRun: Bool

    init(ws: Workspace, config: NotifyConfig, system: Staff, strings: Strings, dryRun: Bool) {
        self.ws = ws
        self.config = config
        self.system = system
        self.s = strings
        self.dryRun = dryRun
    }

    mutating func run() throws {
        let now = try ws.now()
        let outbox = try Outbox(ws: ws, system: system)
        let deriver = NoticeDeriver(ws: ws, config: config, now: now)
        let cases = try ws.allCases()
        let notices = try deriver.steps(since: outbox.cursor) + deriver.warnings(cases) + deriver.revisits(cases) + deriver.digests(cases)
        var planned: [Delivery] = []
        var keys: [String: String] = [:]
        for channel in config.channels {
            let (deliveries, newKeys) = try plan(notices, on: channel, outbox: outbox, now: now, messages: deriver.s)
            planned += deliveries
            keys.merge(newKeys) { a, _ in a }
        }
        if dryRun {
            for d in planned {
                print("\(d.channel)\t\(d.to.joined(separator: ","))\t\(d.subject)")
                for line in d.text.split(separator: "\n", omittingEmptySubsequences: false) { print("  " + line) }
            }
            for d in try outbox.pending() { print("\(d.channel)\t\(d.to.joined(separator: ","))\t\(d.subject)\t(\(d.id))") }
            warn(s["notify.dryRun"])
            return
        }
        try outbox.save(planned, keys: keys, cursor: ws.base, message: "notify: \(planned.count) planned at \(now)\n\nNotices: \(Set(keys.values).count)", at: now)

        var sent = 0, waiting = 0
        var secrets: NotifySecrets?
        do {
            secrets = try NotifySecrets.read(ws.repo)
        } catch let failure as Failure {
            warn(failure.said(in: s))
        }
        var held: Set<String> = []
        var told: Set<String> = []
        var sends: [String: [Timestamp]] = [:]
        for var d in try outbox.pending() {
            if d.attempts.last?.outcome == .sending {
                d.attempts[d.attempts.count - 1].outcome = .interrupted
                d.attempts[d.attempts.count - 1].answer = "no answer: the sender stopped while waiting for it"
                d.notBefore = nil
            }
            guard let secret = secrets?.channels[d.channel] else {
                if secrets != nil, told.insert(d.channel).inserted { warn(s.fill("notify.noSecret", [d.channel, NotifySecrets.path(ws.repo)])) }
                waiting += 1
                continue
            }
            let at = try ws.now()
            if let notBefore = d.notBefore, notBefore > at {
                print("\(d.id)\t\(d.channel)\twaiting\t\(notBefore)")
                waiting += 1
                continue
            }
            let limit = config.channels.first { $0.id == d.channel }?.limit ?? 20
            var recent = try sends[d.channel] ?? outbox.recentSends(d.channel)
            recent = recent.filter { $0 > at.adding(seconds: -60) && $0 <= at }
            if held.contains(d.channel) || recent.count >= limit {
                if held.insert(d.channel).inserted { warn(s.fill("notify.rateHeld", [d.channel, "\(limit)"])) }
                waiting += 1
                continue
            }
            d.attempts.append(Delivery.Attempt(at: at, outcome: .sending, answer: nil))
            try outbox.save([d], message: "notify: sending \(d.id) on \(d.channel)", at: at)
            let answer = Channels.send(d, secret: secret)
            let done = try ws.now()
            d.attempts[d.attempts.count - 1].outcome = answer.ok ? .ok : .failed
            d.attempts[d.attempts.count - 1].answer = answer.text
            recent.append(at)
            sends[d.channel] = recent
            if answer.ok {
                d.deliveredAt = done
                d.notBefore = nil
                sent += 1
                print("\(d.id)\t\(d.channel)\tok\t\(answer.text)")
            } else {
                let n = d.failures
                let delay = answer.rateLimited ? 60 : min(60 << min(n - 1, 6), 3600)
                d.notBefore = done.adding(seconds: delay)
                if answer.rateLimited { held.insert(d.channel) }
                waiting += 1
                print("\(d.id)\t\(d.channel)\tfailed\t\(answer.text)")
                warn(s.fill("notify.failed", [d.id, answer.text, "\(d.notBefore!)"]))
            }
            try outbox.save([d], sends: [d.channel: recent], message: "notify: \(d.id) \(answer.ok ? "delivered" : "failed") on \(d.channel)\n\nAnswer: \(answer.text)",
                            at: done)
        }
        warn(s.fill("notify.summary", ["\(now)", "\(planned.count)", "\(sent)", "\(waiting)"]))
    }

    /// The new messages of `channel`: each notice not yet planned on it, for those of its
    /// recipients who are members; packed into as few messages as the size limit allows (group
    /// robots) or one mail per person.
    func plan(_ notices: [Tiding], on channel: NotifyConfig.Channel, outbox: Outbox, now: Timestamp, messages m: Strings) throws -> ([Delivery], [String: String]) {
        let members = Set(channel.members)
        var keys: [String: String] = [:]
        var deliveries: [Delivery] = []
        let stamp = NoticeDeriver.compact(now)
        func id(_ parts: [String]) -> String {
            let hash = SHA256.hash(data: Data(parts.joined(separator: "\n").utf8)).prefix(5).map { String(format: "%02x", $0) }.joined()
            return "\(stamp)-\(channel.id)-\(hash)"
        }
        if channel.type == .email {
            var byPerson: [String: [Tiding]] = [:]
            var order: [String] = []
            for n in notices where channel.carries.contains(n.topic) {
                for person in n.to.map(\.rawValue) where members.contains(person) {
                    let key = "\(n.key)@\(channel.id)~\(person)"
                    guard try !outbox.has(key) else { continue }
                    if byPerson[person] == nil { order.append(person) }
                    byPerson[person, default: []].append(n)
                }
            }
            for person in order {
                let ns = byPerson[person]!
                let text = ns.map { ([$0.title] + $0.lines).joined(separator: "\n") }.joined(separator: "\n\n") + "\n\n-- \n" + m["notify.footer"] + "\n"
                let subject = ns.count == 1 ? m.fill("notify.subject", [ws.settings.site, ns[0].title])
                    : m.fill("notify.subjectMany", [ws.settings.site, ns[0].title, "\(ns.count - 1)"])
                let d = Delivery(id: id(ns.map(\.key) + [person]), channel: channel.id, type: .email, notices: ns.map(\.key), to: [person],
                                 address: ws.staff[StaffID(rawValue: person)]?.email, subject: subject, text: text, planned: now)
                deliveries.append(d)
                for n in ns { keys["\(n.key)@\(channel.id)~\(person)"] = d.id }
            }
            return (deliveries, keys)
        }
        // Group robots: one block per notice, mentioning its recipients who are in the group.
        var blocks: [(notice: Tiding, text: String, mentions: [String], to: [String])] = []
        for n in notices where channel.carries.contains(n.topic) {
            let to = n.to.map(\.rawValue).filter(members.contains)
            guard !to.isEmpty, try !outbox.has("\(n.key)@\(channel.id)") else { continue }
            let ids = to.compactMap { channel.mentions?[$0] }
            blocks.append((n, render(n, to: to, channel: channel), ids, to))
        }
        let limit = channel.maxBytes - 200
        var current: [(notice: Tiding, text: String, mentions: [String], to: [String])] = []
        func flush() {
            guard !current.isEmpty else { return }
            let d = Delivery(id: id(current.map(\.notice.key)), channel: channel.id, type: channel.type, notices: current.map(\.notice.key),
                             to: Array(Set(current.flatMap(\.to))).sorted(), mentions: Array(Set(current.flatMap(\.mentions))).sorted(),
                             subject: current[0].notice.title, text: current.map(\.text).joined(separator: "\n\n"), planned: now)
            deliveries.append(d)
            for b in current { keys["\(b.notice.key)@\(channel.id)"] = d.id }
            current = []
        }
        for b in blocks {
            if b.text.utf8.count > limit {
                flush()
                // Too long for one message: its lines in parts, each with the title and its number.
                let chunks = split(b.notice.lines, limit: limit - b.notice.title.utf8.count - 200)
                for (i, chunk) in chunks.enumerated() {
                    var part = b.notice
                    part.title = b.notice.title + " " + m.fill("notify.part", ["\(i + 1)", "\(chunks.count)"])
                    part.lines = chunk
                    var d = Delivery(id: id([b.notice.key, "part \(i + 1)"]), channel: channel.id, type: channel.type, notices: [b.notice.key],
                                     to: b.to, mentions: b.mentions, subject: part.title, text: render(part, to: b.to, channel: channel), planned: now)
                    d.part = i + 1
                    d.parts = chunks.count
                    deliveries.append(d)
                    keys["\(b.notice.key)@\(channel.id)"] = d.id
                }
                continue
            }
            let size = current.reduce(0) { $0 + $1.text.utf8.count + 2 }
            if size + b.text.utf8.count > limit { flush() }
            current.append(b)
        }
        flush()
        return (deliveries, keys)
    }

    /// `lines` in runs of at most `limit` bytes (a longer line is cut).
    func split(_ lines: [String], limit: Int) -> [[String]] {
        var out: [[String]] = [], run: [String] = [], size = 0
        for var line in lines {
            while line.utf8.count > limit { line.removeLast() }
            if size + line.utf8.count + 3 > limit, !run.isEmpty {
                out.append(run)
                run = []
                size = 0
            }
            run.append(line)
            size += line.utf8.count + 3
        }
        if !run.isEmpty { out.append(run) }
        return out
    }

    /// A notice as the channel's format writes it, with its recipients mentioned.
    func render(_ n: Tiding, to: [String], channel: NotifyConfig.Channel) -> String {
        let names = to.map { id in (id, ws.staff[StaffID(rawValue: id)]?.name ?? id) }
        switch channel.type {
        case .wecom:
            let at = names.map { id, name in channel.mentions?[id].map { "<@\($0)>" } ?? "@\(name)" }.joined(separator: " ")
            return (["**\(markdown(n.title))**"] + n.lines.map { "> " + markdown($0) } + [at]).joined(separator: "\n")
        case .dingtalk:
            let at = names.map { id, name in "@" + (channel.mentions?[id] ?? name) }.joined(separator: " ")
            return (["#### \(markdown(n.title))"] + n.lines.map { "- " + markdown($0) } + [at]).joined(separator: "\n\n")
        case .feishu:
            let at = names.map { id, name in channel.mentions?[id].map { "<at user_id=\"\($0)\">\(name)</at>" } ?? "@\(name)" }.joined(separator: " ")
            return ([n.title] + n.lines + [at]).joined(separator: "\n")
        case .email:
            return ([n.title] + n.lines).joined(separator: "\n")
        }
    }

    /// Text with the characters markdown would read as markup written in their full-width forms.
    func markdown(_ text: String) -> String {
        let wide: [Character: Character] = ["*": "＊", "_": "＿", "`": "'", "<": "＜", ">": "＞", "#": "＃"]
        return String(text.map { wide[$0] ?? $0 })
    }
}
