import CaseModel

/// What each step records: the seal's pages, with a seam seal 骑缝章 across more than one
/// (§4.5.3); the notary where the contract must be notarised (§4.5.4); the archive's uniform
/// number (given once), the signed document's SHA-256, where the original is, and a copy with
/// finance when payment is in stages (§4.6); an important contract's stage report in writing
/// (§4.7.3); what a report, a slippage or a change says; a renewal's new end after the current one.
public struct ContractStepFields: ContractCheck {
    public let name = "contract-step"
    public init() {}

    public func check(_ step: ContractCheckStep) throws(Refusal) {
        let c = step.new
        for (i, s, before) in step.newSteps {
            do throws(Refusal) {
                try check(s, before, c, step)
            } catch {
                throw error.at("steps[\(i)]: ")
            }
        }
    }

    func check(_ s: ContractStep, _ before: ContractState, _ c: ContractRecord, _ step: ContractCheckStep) throws(Refusal) {
        func said(_ text: String?) -> Bool { !(text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        if let n = s.notes, Contact.maskMobiles(n) != n {
            throw refuse(NoPhoneInClear.clause, "notes hold a mobile number in clear; write it masked (138****5678)", .init(.contractPhone, []))
        }
        switch s.action {
        case .seal:
            guard let pages = s.pages, pages >= 1 else {
                throw refuse("002 篇3 §4.5.3", "a seal records the contract's number of pages", .init(.contractPages, []))
            }
            if pages > 1, s.seamSeal != true {
                throw refuse("002 篇3 §4.5.3", "a contract of \(pages) pages is sealed with a seam seal across its pages", .init(.contractSeamSeal, [.text("\(pages)")]))
            }
        case .effective:
            if c.notarisation, !said(s.notary) {
                throw refuse("002 篇3 §4.5.4", "this contract takes effect when notarised: name the notary office", .init(.contractNotary, []))
            }
        case .archive:
            guard let a = s.archive, said(a.number), said(a.original), ContractArchive.isDigest(a.documentSHA256) else {
                throw refuse("002 篇3 §4.6", "an archive records the uniform number, the signed document's SHA-256 and where the original is kept",
                             .init(.contractArchiveFields, []))
            }
            if let other = step.numbersTaken[a.number], other != c.id {
                throw refuse("002 篇3 §4.6.1", "number \(a.number) is already \(other)'s", .init(.contractNumberTaken, [.text(a.number), .text(other)]))
            }
            if c.paidInStages, !a.copies.contains(where: { $0.holder == .finance }) {
                throw refuse("002 篇3 §4.6.3", "a contract paid in stages leaves a copy with finance", .init(.contractFinanceCopy, []))
            }
        case .stageReport:
            guard said(s.notes) else { throw refuse("002 篇3 §4.7.3", "a stage report says how the contract stands", .init(.contractNotes, [.contractAction(s.action)])) }
            if c.important, s.written != true {
                throw refuse("002 篇3 §4.7.3", "an important contract's stage report is made in writing", .init(.contractStageWritten, []))
            }
        case .slippage, .complete:
            guard said(s.notes) else { throw refuse("002 篇3 §4.7", "\(s.action.rawValue) says what happened", .init(.contractNotes, [.contractAction(s.action)])) }
        case .request:
            guard let r = s.request, said(r.reason) else {
                throw refuse("002 篇3 §4.8–4.9", "a request names its kind and reason", .init(.contractRequestFields, []))
            }
            if r.kind == .renewal {
                guard let e = r.newEnd, isDay(e), e > before.end else {
                    throw refuse("002 篇3 §4.9", "a renewal names a new end date after \(before.end)", .init(.contractRenewalEnd, [.text(before.end)]))
                }
            } else if r.newEnd != nil {
                throw refuse("002 篇3 §4.8", "only a renewal sets a new end date", .init(.contractRequestFields, []))
            }
        case .amend:
            if before.pendingRequest?.kind == .change, !said(s.notes) {
                throw refuse("002 篇3 §4.8", "a change says what was changed", .init(.contractNotes, [.contractAction(s.action)]))
            }
        case .draft, .review, .sign:
            break
        }
    }
}
