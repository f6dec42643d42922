import CaseModel
import Foundation
import GitStore
import Procedures

extension Review {
    /// A record of the daily round (003 九) passes `RoundChange.validate`, and what the change
    /// adds (the record, or a patrol report's review) is the commit author's and not after the commit.
    func checkRound(_ delta: FileDelta) throws -> String? {
        let s = DeskLanguage.strings
        guard let blob = delta.new else { return s["check.roundDeleted"] }
        let steps: [(StaffID, Timestamp, String)]
        do {
            if delta.path.hasPrefix("records/rounds/patrols/") {
                let old: PatrolReport?, new: PatrolReport
                switch try versions(PatrolReport.self, of: delta, new: blob, schema: "patrol") {
                case .success(let pair): (old, new) = pair
                case .failure(let refusal): return refusal.line
                }
                try RoundChange.validate(old: old, new: new, path: delta.path, staff: ws.staff, profile: ws.profile, calendar: ws.calendar)
                if old == nil {
                    steps = [(new.by, new.handedInAt, "report")] + (new.review.map { [($0.by, $0.at, "review")] } ?? [])
                } else {
                    steps = new.review.map { [($0.by, $0.at, "review")] } ?? []
                }
            } else if delta.path.hasPrefix("records/rounds/visits/") {
                let old: HouseholdVisit?, new: HouseholdVisit
                switch try versions(HouseholdVisit.self, of: delta, new: blob, schema: "visit") {
                case .success(let pair): (old, new) = pair
                case .failure(let refusal): return refusal.line
                }
                try RoundChange.validate(old: old, new: new, path: delta.path, staff: ws.staff, profile: ws.profile, units: ws.settings.units)
                steps = [(new.by, new.at, "visit")]
            } else if delta.path.hasPrefix("records/rounds/summaries/") {
                let old: MonthlySummary?, new: MonthlySummary
                switch try versions(MonthlySummary.self, of: delta, new: blob, schema: "summary") {
                case .success(let pair): (old, new) = pair
                case .failure(let refusal): return refusal.line
                }
                try RoundChange.validate(old: old, new: new, path: delta.path, staff: ws.staff, profile: ws.profile, zone: ws.zone)
                steps = [(new.by, new.at, "summary")]
            } else {
                return s.fill("check.roundPath", [delta.path])
            }
        } catch let refusal as Refusal {
            return s.say(refusal)
        }
        for (by, at, what) in steps {
            guard let actor = ws.staff[by], let authorEmail, actor.email.lowercased() == authorEmail.lowercased() else {
                return s.fill("check.registerAuthor", [what, by.rawValue, authorEmail ?? "unknown"])
            }
            if at > commitTime {
                return s.fill("check.registerAfterCommit", [what, "\(at)", "\(commitTime)"])
            }
        }
        return nil
    }
}
