import CaseModel
import CasebookEngine
import Crypto
import Foundation
import GitStore

/// One message as a channel carries it: the notices it tells, to whom, the text exactly as sent,
/// and every attempt with the platform's answer.
struct Delivery: Codable, Equatable {
    enum Outcome: String, Codable {
        /// Written just before the request leaves; still there on the next run means the sender
        /// was killed while it waited for the answer.
        case sending
        case ok
        case failed
        /// A `sending` found by a later run: the answer never came back.
        case interrupted
    }

    struct Attempt: Codable, Equatable {
        var at: Timestamp
        var outcome: Outcome
        /// What the platform answered (`errcode 0 ok`, `HTTP 502`, `250 OK`), or why nothing was sent.
        var answer: String?
    }

    var id: String
    var channel: String
    var type: NotifyConfig.ChannelType
    /// The notice keys it carries.
    var notices: [String]
    /// Staff ids told (mentioned in a group, addressed by mail).
    var to: [String]
    /// Platform ids mentioned (DingTalk's `atUserIds`).
    var mentions: [String]?
    /// A mail's recipient address.
    var address: String?
    var subject: String
    var text: String
    var part: Int?
    var parts: Int?
    var planned: Timestamp
    var attempts: [Attempt] = []
    var deliveredAt: Timestamp?
    /// Not to be tried again before this (back-off after a failure, or a rate limit).
    var notBefore: Timestamp?

    var path: String { "deliveries/\(id.prefix(4))-\(id.dropFirst(4).prefix(2))/\(id).json" }
    var failures: Int { attempts.filter { $0.outcome != .ok && $0.outcome != .sending }.count }
}

/// The record of what was told: the commits of `refs/casebook/notify`, by the system actor and
/// signed with the host's key, never on the case branch. Its tree:
///
///     state.json                        {"format": "casebook.outbox/1", "cursor": <last case commit read>}
///     keys/<xx>/<notice>@<channel>      the delivery that carries a notice (xx: two hex digits of its hash)
///     deliveries/<yyyy-mm>/<id>.json    each message: text as sent, attempts, answers
///     pending/<id>                      the messages not yet delivered
///     rate/<channel>.json               the times of the last minute's sends
///
/// A notice is planned (key and delivery written) in one commit with the cursor that derived it,
/// so a rerun derives it again only to find its key; a message is marked `sending` before it
/// leaves and answered after, so a kill leaves it `interrupted` for the next run to send again.
final class Outbox {
    static let ref = "refs/casebook/notify"
    static let format = "casebook.outbox/1"

    struct State: Codable {
        var format = Outbox.format
        var cursor: String?
    }

    let ws: Workspace
    let system: Staff
    private(set) var head: OID?
    private(set) var state: State

    init(ws: Workspace, system: Staff) throws {
        self.ws = ws
        self.system = system
        head = try ws.repo.resolve(Outbox.ref)
        if let head, let data = try ws.repo.read("state.json", at: head) {
            state = try JSONDecoder().decode(State.self, from: data)
        } else {
            state = State()
        }
    }

    var cursor: OID? { state.cursor.flatMap(OID.init(hex:)) }

    static func keyPath(_ key: String) -> String {
        let hash = SHA256.hash(data: Data(key.utf8)).prefix(1).map { String(format: "%02x", $0) }.joined()
        return "keys/\(hash)/\(key)"
    }

    /// Whether `notice@channel` was planned before.
    func has(_ key: String) throws -> Bool {
        guard let head else { return false }
        return try ws.repo.blobID(at: Outbox.keyPath(key), in: head) != nil
    }

    /// The messages not yet delivered, oldest first.
    func pending() throws -> [Delivery] {
        guard let head else { return [] }
        return try ws.repo.files(under: "pending", at: head).compactMap { entry in
            let path = String(decoding: try ws.repo.blob(entry.blob), as: UTF8.self)
            return try ws.repo.read(path, at: head).map { try RecordJSON.decode(Delivery.self, from: $0, file: path) }
        }.sorted { ($0.planned, $0.id) < ($1.planned, $1.id) }
    }

    /// The send times of the last minute on `channel`.
    func recentSends(_ channel: String) throws -> [Timestamp] {
        guard let head, let data = try ws.repo.read("rate/\(channel).json", at: head) else { return [] }
        return (try? JSONDecoder().decode([Timestamp].self, from: data)) ?? []
    }

    /// One commit on the outbox: deliveries written (and their pending marks kept or taken out),
    /// keys, the cursor, the rate record.
    func save(_ deliveries: [Delivery], keys: [String: String] = [:], cursor: OID? = nil, sends: [String: [Timestamp]] = [:],
              message: String, at now: Timestamp) throws {
        var changes: [FileChange] = []
        var removing: [String] = []
        for d in deliveries {
            changes.append(FileChange(path: d.path, content: try RecordJSON.encode(d)))
            let mark = "pending/\(d.id)"
            let marked = try head.map { try ws.repo.blobID(at: mark, in: $0) != nil } ?? false
            if d.deliveredAt == nil, !marked { changes.append(FileChange(path: mark, content: Data(d.path.utf8))) }
            if d.deliveredAt != nil, marked { removing.append(mark) }
        }
        for (key, id) in keys { changes.append(FileChange(path: Outbox.keyPath(key), content: Data((id + "\n").utf8))) }
        if let cursor, cursor.hex != state.cursor {
            var next = state
            next.cursor = cursor.hex
            changes.append(FileChange(path: "state.json", content: try RecordJSON.encode(next)))
            state = next
        } else if head == nil {
            changes.append(FileChange(path: "state.json", content: try RecordJSON.encode(state)))
        }
        for (channel, times) in sends { changes.append(FileChange(path: "rate/\(channel).json", content: try RecordJSON.encode(times))) }
        guard !changes.isEmpty || !removing.isEmpty else { return }
        let person = Person(name: system.name, email: system.email, time: now.unixSeconds, offsetMinutes: Int32(now.offsetSeconds / 60))
        do {
            head = try ws.repo.commit(changes, removing: removing, onRef: Outbox.ref, parent: head, author: person, committer: person,
                                      message: message, signer: try ws.signer(for: system))
        } catch let error as GitError where error.isConcurrentUpdate {
            throw ConcurrentUpdate()
        }
    }
}
