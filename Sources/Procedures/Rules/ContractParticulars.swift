import CaseModel

/// A new contract names what §4.3.1 asks of a draft — subject, scope, price, performance,
/// termination, liability — with a valid term and amount, and holds no phone number in clear
/// (the counterparty is a company; confidential terms are sealed, §4.6.4).
public struct ContractParticulars: ContractCheck {
    public let name = "contract-draft"
    public init() {}

    public func check(_ step: ContractCheckStep) throws(Refusal) {
        guard step.old == nil else { return }
        let c = step.new
        let d = c.draft
        let fields: [(String, String)] = [("title", c.title), ("counterparty", c.counterparty), ("draft.subject", d.subject), ("draft.scope", d.scope),
                                          ("draft.price", d.price), ("draft.performance", d.performance), ("draft.termination", d.termination),
                                          ("draft.liability", d.liability)]
        for (field, value) in fields where value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw refuse("002 篇3 §4.3.1", "\(field): a draft names its subject, scope, price, performance, termination and liability",
                         .init(.contractDraftField, [.text(field)]))
        }
        guard isDay(c.term.start), isDay(c.term.end), c.term.start <= c.term.end else {
            throw refuse("002 篇3 §4.3.1 d", "term: two days YYYY-MM-DD, the start not after the end", .init(.contractTerm, []))
        }
        if let v = c.value, !ContractRecord.isAmount(v) {
            throw refuse("002 篇3 §4.3.1 c", "value: an amount in yuan, e.g. 128000.00", .init(.contractValue, []))
        }
        let texts = fields.map(\.1) + [d.special, d.template].compactMap { $0 }
        if texts.contains(where: { Contact.maskMobiles($0) != $0 }) {
            throw refuse(NoPhoneInClear.clause, "a contract's particulars hold a mobile number in clear; write it masked or seal it as a confidential term",
                         .init(.contractPhone, []))
        }
    }
}
