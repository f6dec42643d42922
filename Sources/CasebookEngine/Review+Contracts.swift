import CaseModel
import Foundation
import GitStore
import Procedures

extension Review {
    /// A contract (002 篇3) passes `ContractChange.validate` and each step the change adds is the
    /// commit author's and not after the commit; the yearly inventory passes
    /// `ContractInventoryRules.validate` against the contracts at the base, and what it adds is
    /// the author's too. Neither is ever deleted.
    func checkContract(_ delta: FileDelta) throws -> String? {
        guard let blob = delta.new else { return said("contractDeleted") }
        if delta.path.hasPrefix("records/contracts/inventory/") { return try checkInventory(delta, blob) }
        let old: ContractRecord?, new: ContractRecord
        switch try versions(ContractRecord.self, of: delta, new: blob, schema: "contract") {
        case .success(let pair): (old, new) = pair
        case .failure(let refusal): return refusal.line
        }
        do {
            let taken = try ws.contractNumbers(except: new.id)
            try ContractChange.validate(old: old, new: new, path: delta.path, staff: ws.staff, numbersTaken: taken)
        } catch {
            return DeskLanguage.strings.say(error: error)
        }
        for (i, s) in new.steps.enumerated().dropFirst(old?.steps.count ?? 0) {
            if let refusal = authored(by: s.by, at: s.at, what: "steps[\(i)]") { return refusal }
        }
        for (i, r) in (new.reveals ?? []).enumerated().dropFirst(old?.reveals?.count ?? 0) {
            if let refusal = authored(by: r.by, at: r.at, what: "reveals[\(i)]") { return refusal }
        }
        return nil
    }

    func checkInventory(_ delta: FileDelta, _ blob: OID) throws -> String? {
        let old: ContractInventory?, new: ContractInventory
        switch try versions(ContractInventory.self, of: delta, new: blob, schema: "contract-inventory") {
        case .success(let pair): (old, new) = pair
        case .failure(let refusal): return refusal.line
        }
        do {
            try ContractInventoryRules.validate(old: old, new: new, path: delta.path, staff: ws.staff, contracts: try ws.contracts(),
                                                rule: ws.profile.contractRule, calendar: ws.calendar, zone: ws.zone)
        } catch {
            return DeskLanguage.strings.say(error: error)
        }
        var steps: [(StaffID, Timestamp, String)] = old == nil ? [(new.by, new.at, "inventory")] : []
        for (i, x) in new.instructions.enumerated().dropFirst(old?.instructions.count ?? 0) { steps.append((x.by, x.at, "instructions[\(i)]")) }
        for (by, at, what) in steps {
            if let refusal = authored(by: by, at: at, what: what) { return refusal }
        }
        return nil
    }

    /// The refusal when `by`'s step `what` is not committed by `by` or is after the commit.
    private func authored(by: StaffID, at: Timestamp, what: String) -> String? {
        guard let actor = ws.staff[by], let authorEmail, actor.email.lowercased() == authorEmail.lowercased() else {
            return said("registerAuthor", what, by.rawValue, "\(authorEmail ?? "unknown")")
        }
        return at > commitTime ? said("registerAfterCommit", what, "\(at)", "\(commitTime)") : nil
    }
}

/// `check.<key>` of the strings table in the user's language.
private func said(_ key: String, _ values: String...) -> String {
    DeskLanguage.strings.fill("check." + key, values)
}
