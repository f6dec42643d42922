import CaseModel
import CasebookEngine
import Foundation
import GitStore

/// `records/notify.json`: which chat groups and mailboxes casebook tells, who is in each, what
/// each carries, when the morning digest goes out and how long before a deadline to warn. It is
/// configuration (only managers change it, `Review.isConfiguration`); the webhook keys, signing
/// secrets and mail passwords are not in it but in this host's `NotifySecrets`.
package struct NotifyConfig: Codable, Equatable {
    static let path = "records/notify.json"
    static let format = "casebook.notify/1"

    var format: String
    /// The language of the messages (zh-Hans | en); default: the settings' locale.
    package var locale: String?
    /// When the morning digest and the day's revisits go out, local time `HH:MM`, never at :00 or
    /// :30 (the chat platforms ask senders to avoid the busy minutes). Default 08:10.
    var digestAt: String?
    /// How long before a deadline to warn, by step (`report`, `resolve`, …) or `*` for any:
    /// `75%` of the time allowed, or `4h` / `90m` before it is due. No entry: no warning.
    var warnBefore: [String: String]?
    package var channels: [Channel]

    package enum ChannelType: String, Codable, CaseIterable {
        case wecom, dingtalk, feishu, email
    }

    /// What a notification is about.
    package enum Topic: String, Codable, CaseIterable {
        case escalation, breach, warning, revisit, digest
    }

    package struct Channel: Codable, Equatable {
        /// Names the channel here and in the secrets file: lowercase letters, digits, dashes.
        package var id: String
        package var type: ChannelType
        /// The staff ids told through this channel (for a group robot: who is in the group).
        package var members: [String]
        /// The platform's own id of a member, for mentions: WeCom userid, DingTalk userId, Feishu
        /// open_id. A member without one is named, not mentioned.
        package var mentions: [String: String]?
        /// What the channel carries; default everything.
        var topics: [Topic]?
        /// Messages a minute at most (default: WeCom and DingTalk 20, Feishu 100, mail 30).
        var perMinute: Int?

        package var carries: [Topic] { topics ?? Topic.allCases }

        package var limit: Int {
            if let perMinute, perMinute > 0 { return perMinute }
            switch type {
            case .wecom, .dingtalk: return 20
            case .feishu: return 100
            case .email: return 30
            }
        }

        /// The most bytes one message's text may have (WeCom markdown 4,096; DingTalk 20,000 and
        /// Feishu's 20 KB request less room for the rest of the body).
        package var maxBytes: Int {
            switch type {
            case .wecom: return 4096
            case .dingtalk: return 18_000
            case .feishu: return 18_000
            case .email: return 200_000
            }
        }
    }

    /// The digest time as (hour, minute).
    package var digestTime: (hour: Int, minute: Int) {
        let parts = (digestAt ?? "08:10").split(separator: ":").compactMap { Int($0) }
        return (parts[0], parts[1])
    }

    /// How long before `due` (a deadline set at `start`) to warn, or nil.
    package func warnAt(step: String, start: Timestamp, due: Timestamp) -> Timestamp? {
        guard let rule = warnBefore?[step] ?? warnBefore?["*"], let lead = NotifyConfig.lead(rule) else { return nil }
        switch lead {
        case .fraction(let f):
            let allowed = Double(due.unixSeconds - start.unixSeconds)
            return start.adding(seconds: Int(allowed * f))
        case .seconds(let s):
            return due.adding(seconds: -s)
        }
    }

    enum Lead { case fraction(Double), seconds(Int) }

    static func lead(_ text: String) -> Lead? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.hasSuffix("%"), let p = Double(t.dropLast()), p > 0, p < 100 { return .fraction(p / 100) }
        if t.hasSuffix("h"), let h = Int(t.dropLast()), h > 0 { return .seconds(h * 3600) }
        if t.hasSuffix("m"), let m = Int(t.dropLast()), m > 0 { return .seconds(m * 60) }
        return nil
    }

    /// Reads and checks the configuration at `base`: nil when there is none.
    /// - Throws: `Failure` naming what is wrong.
    package static func read(in ws: Workspace) throws -> NotifyConfig? {
        guard let data = try ws.repo.read(path, at: ws.base) else { return nil }
        let config: NotifyConfig
        do {
            config = try JSONDecoder().decode(NotifyConfig.self, from: data)
        } catch {
            throw Failure(key: "notifyDecode", oneLine("\(error)", limit: 160))
        }
        try config.validate(staff: ws.staff)
        return config
    }

    func validate(staff: StaffRegistry) throws {
        guard format == NotifyConfig.format else { throw Failure(key: "notifyFormat") }
        let d = (digestAt ?? "08:10").split(separator: ":", omittingEmptySubsequences: false)
        guard d.count == 2, d.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isNumber) }), let h = Int(d[0]), let m = Int(d[1]),
              h < 24, m < 60, m != 0, m != 30 else {
            throw Failure(key: "notifyDigestAt", digestAt ?? "")
        }
        for (step, rule) in warnBefore ?? [:] where NotifyConfig.lead(rule) == nil {
            throw Failure(key: "notifyWarn", step, rule)
        }
        var seen: Set<String> = []
        for c in channels {
            guard !c.id.isEmpty, c.id.count <= 40, c.id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }),
                  seen.insert(c.id).inserted else {
                throw Failure(key: "notifyChannelID", c.id)
            }
            for m in c.members + Array((c.mentions ?? [:]).keys) where staff[StaffID(rawValue: m)] == nil {
                throw Failure(key: "notifyMember", c.id, m)
            }
        }
    }
}

/// This host's webhook addresses, signing secrets and mail settings, by channel id, outside the
/// history: `CASEBOOK_NOTIFY_SECRETS`, then `git config casebook.notifySecrets`, then
/// `.git/casebook/notify-secrets.json` (mode 0600, like the residents' key store).
package struct NotifySecrets: Codable {
    package struct Entry: Codable {
        /// The robot's webhook address (with its key or access_token).
        package var webhook: String?
        /// DingTalk 加签 / Feishu signing secret.
        package var secret: String?
        /// Mail: `smtp://host:587` (STARTTLS when the server offers it; `starttls: true` requires it),
        /// `smtps://host:465`, or none to use `sendmail`.
        package var smtp: String?
        package var starttls: Bool?
        package var username: String?
        package var password: String?
        /// The sendmail program (default /usr/sbin/sendmail) when there is no `smtp`.
        package var sendmail: String?
        /// The mail's From address.
        package var from: String?
    }

    package var channels: [String: Entry]

    package static func path(_ repo: Repository) -> String {
        let env = ProcessInfo.processInfo.environment["CASEBOOK_NOTIFY_SECRETS"].flatMap { $0.isEmpty ? nil : $0 }
        if let chosen = env ?? repo.config("casebook.notifySecrets") { return (chosen as NSString).expandingTildeInPath }
        return URL(fileURLWithPath: repo.gitDirectory).appendingPathComponent("casebook/notify-secrets.json").path
    }

    /// The secrets of this host; an empty set when there is no file.
    /// - Throws: `Failure` when the file is there but cannot be read.
    package static func read(_ repo: Repository) throws -> NotifySecrets {
        let path = path(repo)
        guard FileManager.default.fileExists(atPath: path) else { return NotifySecrets(channels: [:]) }
        do {
            return try JSONDecoder().decode(NotifySecrets.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw Failure(key: "notifySecrets", path)
        }
    }
}
