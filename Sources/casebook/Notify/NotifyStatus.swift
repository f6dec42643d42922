import CaseModel
import CasebookEngine
import Foundation
import SiteBuilder

/// What the dashboard says about the notifications: a broken or incomplete set-up, and the
/// messages not delivered yet (from `refs/casebook/notify`). Never fails the site.
enum NotifyStatus {
    static func read(_ ws: Workspace, in s: Strings) -> ([String], [Dashboard.Undelivered]) {
        var problems: [String] = []
        let config: NotifyConfig?
        do {
            config = try NotifyConfig.read(in: ws)
        } catch let failure as Failure {
            problems.append(s.fill("notify.badConfig", [failure.said(in: s)]))
            config = nil
        } catch {
            problems.append(s.fill("notify.badConfig", ["\(error)"]))
            config = nil
        }
        if let config {
            do {
                let secrets = try NotifySecrets.read(ws.repo)
                for c in config.channels where secrets.channels[c.id] == nil {
                    problems.append(s.fill("notify.noSecret", [c.id, NotifySecrets.path(ws.repo)]))
                }
            } catch let failure as Failure {
                problems.append(failure.said(in: s))
            } catch {}
        }
        var undelivered: [Dashboard.Undelivered] = []
        if let system = ws.staff.staff.first(where: { $0.roles.contains(.system) }), let outbox = try? Outbox(ws: ws, system: system) {
            for d in (try? outbox.pending()) ?? [] {
                undelivered.append(Dashboard.Undelivered(channel: d.channel, subject: d.subject, attempts: d.attempts.count,
                                                         answer: d.attempts.last?.answer ?? "-"))
            }
        }
        return (problems, undelivered)
    }
}
