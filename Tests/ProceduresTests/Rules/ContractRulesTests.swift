import CaseModel
import Procedures
import Testing

/// The company's people of the contracts' procedure (002 篇3 §3).
let contractStaff = StaffRegistry(staff: [
    Staff(id: "gm", name: "张总", email: "gm@x.cn", roles: [.generalManager]),
    Staff(id: "agm", name: "吴助理", email: "agm@x.cn", roles: [.assistantGeneralManager]),
    Staff(id: "eng", name: "赵工", email: "eng@x.cn", roles: [.engineer], department: .engineering),
    Staff(id: "biz", name: "钱经营", email: "biz@x.cn", roles: [.departmentHead], department: .business),
    Staff(id: "adm", name: "孙行政", email: "adm@x.cn", roles: [.departmentHead], department: .administration),
])

/// A purchase drafted by engineering on 20 November.
func purchase(important: Bool = false, stages: Bool = false, form: ContractForm = .written) -> ContractRecord {
    ContractRecord(id: "H-0000abcd", kind: .purchase, form: form, title: "保洁耗材", counterparty: "华南物资", executingDepartment: .engineering,
                   important: important, term: ContractTerm(start: "2026-12-01", end: "2027-11-30"), value: "12500.00", paidInStages: stages,
                   notarisation: false,
                   draft: ContractDraft(subject: "耗材", scope: "按月供货", price: "按单价", performance: "送货上门", termination: "期满", liability: "违约金"),
                   confidential: nil, steps: [ContractStep(at: t("2026-11-20T09:00"), by: "eng", action: .draft)])
}

/// A review of `purpose` by `by` with every buying point acceptable unless `failing`.
func review(_ purpose: ContractReviewPurpose = .new, by: StaffID = "gm", at: String, failing: ContractReviewPoint? = nil,
            points: [ContractReviewPoint] = ContractReviewPoint.required(for: .buying), reviewers: [StaffID] = ["gm", "eng", "biz"]) -> ContractStep {
    var s = ContractStep(at: t(at), by: by, action: .review)
    let findings = points.map { ContractFinding(point: $0, acceptable: $0 != failing, finding: "符合要求") }
    s.review = ContractReview(purpose: purpose, findings: findings, reviewers: reviewers, passed: findings.allSatisfy(\.acceptable))
    return s
}

/// `record` with `steps` appended, validated against `record` as it was; the refusal, if any.
func adding(_ steps: [ContractStep], to record: ContractRecord, numbers: [String: String] = [:]) -> Refusal? {
    var next = record
    next.steps += steps
    do {
        try ContractChange.validate(old: record, new: next, path: record.path, staff: contractStaff, numbersTaken: numbers)
        return nil
    } catch {
        return error
    }
}

/// 002 篇3 §4.4–4.9: reviewed before signing, the GM alone signs, every review point recorded, a
/// change takes effect only after its review, the archive's number and finance's copy.
@Suite struct ContractRulesTests {
    @Test func aDraftIsValidAndItsParticularsAreFixed() throws {
        try ContractChange.validate(old: nil, new: purchase(), path: purchase().path, staff: contractStaff)
        var changed = purchase()
        changed.value = "99999.00"
        #expect(throws: Refusal.self) { try ContractChange.validate(old: purchase(), new: changed, path: changed.path, staff: contractStaff) }
    }

    @Test func signingNeedsAPassedReviewAndTheGeneralManager() {
        let sign = ContractStep(at: t("2026-11-21T09:00"), by: "gm", action: .sign)
        #expect(adding([sign], to: purchase())?.template.key == "contract.sign-before-review")
        #expect(adding([review(at: "2026-11-20T10:00", failing: .price), sign], to: purchase())?.template.key == "contract.sign-before-review")
        #expect(adding([review(at: "2026-11-20T10:00"), sign], to: purchase()) == nil)
        var byAGM = sign
        byAGM.by = "agm"
        #expect(adding([review(at: "2026-11-20T10:00"), byAGM], to: purchase())?.template.key == "contract.who-role")
        #expect(adding([review(at: "2026-11-20T10:00"), sign], to: purchase(form: .oral))?.template.key == "contract.sign-non-written")
    }

    @Test func aReviewRecordsEveryPointOfItsDirectionWithItsReviewers() {
        let missing = review(at: "2026-11-20T10:00", points: ContractReviewPoint.required(for: .buying).filter { $0 != .afterSales })
        #expect(adding([missing], to: purchase())?.template.key == "contract.review-points")
        let providing = review(at: "2026-11-20T10:00", points: ContractReviewPoint.required(for: .providing))
        #expect(adding([providing], to: purchase())?.template.key == "contract.review-points")
        var wrong = review(at: "2026-11-20T10:00", failing: .risk)
        wrong.review?.passed = true
        #expect(adding([wrong], to: purchase())?.template.key == "contract.review-passed")
        #expect(adding([review(at: "2026-11-20T10:00", reviewers: ["gm", "eng"])], to: purchase())?.template.key == "contract.reviewers")
        #expect(adding([review(by: "agm", at: "2026-11-20T10:00", reviewers: ["agm", "eng", "biz"])], to: purchase()) == nil)
        #expect(adding([review(by: "agm", at: "2026-11-20T10:00", reviewers: ["agm", "eng", "biz"])], to: purchase(important: true))?.template.key
            == "contract.reviewers-gm")
        #expect(adding([review(by: "eng", at: "2026-11-20T10:00")], to: purchase())?.template.key == "contract.who-role")
    }

    /// The steps from review to archive, for the tests of what follows.
    func running(stages: Bool = false) -> ContractRecord {
        var c = purchase(stages: stages)
        var seal = ContractStep(at: t("2026-11-21T10:00"), by: "biz", action: .seal)
        seal.pages = 1
        c.steps += [review(at: "2026-11-20T10:00"), ContractStep(at: t("2026-11-21T09:00"), by: "gm", action: .sign), seal,
                    ContractStep(at: t("2026-11-21T11:00"), by: "biz", action: .effective)]
        return c
    }

    @Test func sealsArchivesAndTheirCopies() {
        var c = purchase()
        c.steps += [review(at: "2026-11-20T10:00"), ContractStep(at: t("2026-11-21T09:00"), by: "gm", action: .sign)]
        var seal = ContractStep(at: t("2026-11-21T10:00"), by: "biz", action: .seal)
        seal.pages = 4
        #expect(adding([seal], to: c)?.template.key == "contract.seam-seal")
        seal.seamSeal = true
        #expect(adding([seal], to: c) == nil)
        var archive = ContractStep(at: t("2026-11-22T09:00"), by: "adm", action: .archive)
        archive.archive = ContractArchive(number: "HT-2026-001", documentSHA256: String(repeating: "0f", count: 32), original: "档案柜", copies: [])
        #expect(adding([archive], to: running(stages: true))?.template.key == "contract.finance-copy")
        #expect(adding([archive], to: running(), numbers: ["HT-2026-001": "H-ffff0000"])?.template.key == "contract.number-taken")
        #expect(adding([archive], to: running()) == nil)
        archive.by = "biz"
        #expect(adding([archive], to: running())?.template.key == "contract.who-department")
    }

    @Test func aRenewalTakesEffectOnlyAfterItsReview() {
        var request = ContractStep(at: t("2026-12-01T09:00"), by: "eng", action: .request)
        request.request = ContractRequest(kind: .renewal, reason: "续签", newEnd: "2028-11-30")
        let amend = ContractStep(at: t("2026-12-03T09:00"), by: "biz", action: .amend)
        #expect(adding([request, amend], to: running())?.template.key == "contract.amend-unreviewed")
        #expect(adding([request, review(.change, at: "2026-12-02T09:00")], to: running())?.template.key == "contract.review-purpose")
        #expect(adding([request, review(.renewal, at: "2026-12-02T09:00"), amend], to: running()) == nil)
        var next = running()
        next.steps += [request, review(.renewal, at: "2026-12-02T09:00"), amend]
        #expect(next.state.end == "2028-11-30" && next.state.renewals == 1)
        request.request?.newEnd = "2027-01-01"
        #expect(adding([request], to: running())?.template.key == "contract.renewal-end")
    }
}
