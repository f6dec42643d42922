import CaseModel
import Foundation

/// The yearly inventory (002 篇3 §4.10): written once, at its year's path, by 行政人事部, listing
/// exactly what `ContractDates.inventoryRows` gives from the contracts as they stood; afterwards
/// only the general manager's instructions 批示 are appended, each by the general manager.
public enum ContractInventoryRules {
    /// Validates that `new` may replace `old` (nil when new) at `path`; `contracts` are the
    /// contracts at the change's base.
    /// - Throws: `Refusal` for the first rule broken.
    public static func validate(old: ContractInventory?, new: ContractInventory, path: String, staff: StaffRegistry, contracts: [ContractRecord],
                                rule: ContractRule, calendar: BusinessCalendar, zone: TimeZone) throws(Refusal) {
        func refuse(_ name: String, _ clause: String, _ message: String, _ template: Refusal.Template) -> Refusal {
            Refusal(rule: name, clause: clause, message, template: template)
        }
        guard new.format == ContractInventory.format else {
            throw refuse("schema", "records/schema/contract-inventory.schema.json", "format must be \(ContractInventory.format)", .init(.format, [.text(ContractInventory.format)]))
        }
        // Made in its year, or later when 行政人事部 is late (the dashboard shows it overdue until then).
        guard path == ContractInventory.path(new.year), Timestamp(date: new.at.date, in: zone).localDay >= String(format: "%04d-01-01", new.year) else {
            throw refuse("path", rule.inventoryClause, "the inventory of a year is at \(ContractInventory.path(new.year)), made in that year or after",
                         .init(.inventoryPath, [.text(ContractInventory.path(new.year))]))
        }
        if let old {
            var head = new
            head.instructions = old.instructions
            guard head == old, new.instructions.starts(with: old.instructions) else {
                throw refuse("append-only", rule.inventoryClause, "an inventory only gains the general manager's instructions", .init(.inventoryFixed, []))
            }
        } else {
            guard staff[new.by]?.department == .administration, new.clause == rule.inventoryClause else {
                throw refuse("role", rule.inventoryClause, "the inventory is made by 行政人事部", .init(.inventoryWho, []))
            }
            let expected = ContractDates.inventoryRows(year: new.year, contracts: contracts, at: new.at, rule: rule, calendar: calendar, zone: zone)
            guard expected == new.rows else {
                throw refuse("inventory", rule.inventoryClause, "the inventory lists every written contract as the records give it", .init(.inventoryRows, []))
            }
        }
        var last = old?.instructions.last?.at ?? new.at
        for i in new.instructions.dropFirst(old?.instructions.count ?? 0) {
            guard staff[i.by]?.roles.contains(.generalManager) == true else {
                throw refuse("role", rule.inventoryClause, "instructions on the inventory are the general manager's", .init(.inventoryInstructionWho, []))
            }
            guard !i.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, i.at >= last, Contact.maskMobiles(i.text) == i.text else {
                throw refuse("contract-step", rule.inventoryClause, "an instruction says what to do, after the inventory and earlier instructions, with no phone in clear",
                             .init(.inventoryInstructionText, []))
            }
            last = i.at
        }
    }
}
