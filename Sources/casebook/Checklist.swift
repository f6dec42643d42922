import ArgumentParser
import CaseModel
import CasebookEngine
import Procedures

extension ChecklistItem: ExpressibleByArgument {}
extension EmergencyType: ExpressibleByArgument {}
extension Requester: ExpressibleByArgument {}
extension LawyerClient: ExpressibleByArgument {}

extension Casebook {
    /// `casebook checklist ID --item ITEM [--value V]`: one item of an emergency's checklist done
    /// (001 §5.6.6, §5.6.8, §5.6.9).
    struct Checklist: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "checklist",
            abstract: "Record an item of an emergency's checklist; the case is resolved and closed only when all are recorded.",
            discussion: """
            120 (001 §5.6.6): called-120, security-meets-ambulance, hospital (--value: the hospital), relatives-told.
            110 (001 §5.6.8): scene-guarded, emergency-plan, called-110.
            fire (001 §5.6.9): fire-plan.
            Example: casebook checklist C-20261122-K3F-0001 --item hospital --value '市第一人民医院（人民路12号）' --as li.na
            """
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: CaseArgument
        @Option(help: "The item: \(ChecklistItem.allCases.map(\.rawValue).joined(separator: ", ")).") var item: ChecklistItem
        @Option(help: "Its value, where it has one (hospital: the hospital's name and address).") var value: String?

        func run() throws {
            let v = try value.map { Contact.maskMobiles(try text($0, field: "--value", limit: 200)) }
            try global.step(target.id, .checklist, summary: "checklist: \(item.rawValue)") { event, _, _ in
                event.item = item
                event.value = v
            }
        }
    }

    /// `casebook approve ID`: the approval a lawyer's request for owner data needs before
    /// anything is released (001 §5.6.5.3).
    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "approve",
            abstract: "Approve a lawyer's request for owner data (manager or above); nothing is released before it.",
            discussion: "Example: casebook approve C-20261122-K3F-0001 --notes '委托人为业主本人，同意由主任接待' --as zhou.jl"
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: CaseArgument
        @Option(help: "The approval's terms.") var notes: String?

        func run() throws {
            let said = try notes.map { try text($0, field: "--notes") }
            try global.step(target.id, .approve, summary: "request approved") { event, _, _ in
                event.notes = said
            }
        }
    }
}
