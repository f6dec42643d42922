import CaseModel

extension Refusal {
    /// Every sentence the procedures can refuse with: the registry of `Template` keys. Each is
    /// `refusal.<rawValue>` in the desk's strings table, in Chinese and in English (the English
    /// side is the rule's `message` with its words as `{0}`, `{1}`, …).
    public enum Key: String, CaseIterable, Sendable {
        // The case file as a whole (Validator.swift)
        case format
        case caseID = "case-id"
        case caseIDChanged = "case-id.changed"
        case path
        case appendOnly = "append-only"
        case stateIsFold = "state-is-fold"
        case foldEmpty = "fold.empty"
        case foldFirst = "fold.first"
        case foldMissingField = "fold.missing-field"
        case foldSecondOpen = "fold.second-open"
        case foldBadCorrection = "fold.bad-correction"
        case firstResponder = "first-responder"
        case deadlines
        case revisitPlan = "revisit-plan"
        case breachNone = "breach.none"
        case breachNotMissed = "breach.not-missed"
        case reschedule
        case secondRevisit = "second-revisit"
        case knownStaff = "known-staff"
        case unknownStaff = "unknown-staff"
        // The business calendar
        case calendarHours = "calendar.hours"
        case calendarHoursDiffer = "calendar.hours-differ"
        case calendarMissing = "calendar.missing"
        // Two desks' versions merged
        case mergeCases = "merge.cases"
        case mergeFold = "merge.fold"
        case mergeHistory = "merge.history"
        case mergeRegister = "merge.register"
        case mergeRegisterEntry = "merge.register-entry"
        // The monthly sample
        case samplingNone = "sampling.none"
        case samplingMonth = "sampling.month"
        case samplingDueDay = "sampling.due-day"
        case samplingNotDaily = "sampling.notDaily"
        case samplingDay = "sampling.day"
        // The rules of a step (Rules/)
        case transition
        case transitionNever = "transition.never"
        case role
        case roleNone = "role.none"
        case opensFirst = "opens-first"
        case opensFirstAgain = "opens-first.again"
        case timeOrder = "time-order"
        case classification
        case classificationValid = "classification.valid"
        case classificationNothing = "classification.nothing"
        case ladderUp = "ladder-up"
        case revisitBeforeClose = "revisit-before-close"
        case rating
        case revisitVisitor = "revisit-visitor"
        case revisitMode = "revisit-mode"
        case revisitLevel = "revisit-level"
        case revisitWindow = "revisit-window"
        case validComplaintWho = "valid-complaint.who"
        case validComplaintMode = "valid-complaint.mode"
        case unsatisfiedReported = "unsatisfied-reported"
        case personalData = "personal-data"
        case correctionIncomplete = "correction.incomplete"
        case correctionReason = "correction.reason"
        case correctionWho = "correction.who"
        case correctionOld = "correction.old"
        case correctionSame = "correction.same"
        case correctionEmpty = "correction.empty"
        case correctionForm = "correction.form"
        case correctionBadValue = "correction.bad-value"
        case nonconformityIncomplete = "nonconformity.incomplete"
        case nonconformityCorrectBy = "nonconformity.correct-by"
        case nonconformityCheckOnly = "nonconformity.check-only"
        case nonconformityNotAStep = "nonconformity.not-a-step"
        case nonconformityOnly = "nonconformity.only"
        case nonconformityDepartment = "nonconformity.department"
        case nonconformityVerifyAgain = "nonconformity.verify-again"
        case inspectorNoTeam = "inspector.no-team"
        case inspectorRaise = "inspector.raise"
        case inspectorVerify = "inspector.verify"
        case checklistTypeOnly = "checklist.type-only"
        case checklistNoType = "checklist.no-type"
        case checklistNotItem = "checklist.not-item"
        case checklistDone = "checklist.done"
        case checklistValue = "checklist.value"
        case checklistMissing = "checklist.missing"
        case judicialRequesterOnly = "judicial.requester-only"
        case judicialRequester = "judicial.requester"
        case judicialOfficer = "judicial.officer"
        case judicialLawyer = "judicial.lawyer"
        case judicialApproveLawyer = "judicial.approve-lawyer"
        case judicialApproved = "judicial.approved"
        case judicialNotApproved = "judicial.not-approved"
        case againstNoLadder = "against.no-ladder"
        case againstComplaint = "against.complaint"
        case againstValid = "against.valid"
        case lateEntry = "late-entry"
        case lateEntryIncomplete = "late-entry.incomplete"
        case lateEntryOrder = "late-entry.order"
        case lateEntryFuture = "late-entry.future"
        // The registers of key owners and empty-nest elderly (Rules/RegisterRules.swift)
        case registerAppendOnly = "register.append-only"
        case registerAgedContacts = "register.aged-contacts"
        case registerContactKey = "register.contact-key"
        case registerSchedule = "register.schedule"
        case registerScheduleDaily = "register.schedule.daily"
        case registerKeeper = "register.keeper"
        case registerVisitor = "register.visitor"
        case registerRevealWho = "register.reveal-who"
        case registerRevealReason = "register.reveal-reason"
        case registerMode = "register.mode"
        case registerVisitOrder = "register.visit-order"
        case registerNotesPhone = "register.notes-phone"
        case registerReasonPhone = "register.reason-phone"
        case registerPath = "register.path"
        case registerNone = "register.none"
        // The daily round: patrol reports, household visits, monthly summaries (Rules/RoundRules.swift)
        case roundPath = "round.path"
        case roundFixed = "round.fixed"
        case roundWrittenOnce = "round.written-once"
        case roundRole = "round.role"
        case roundPatrolDay = "round.patrol-day"
        case roundReviewDue = "round.review-due"
        case roundReviewOwnStep = "round.review-own-step"
        case roundFindingCase = "round.finding-case"
        case roundReviewer = "round.reviewer"
        case roundReviewOrder = "round.review-order"
        case roundPhone = "round.phone"
        case roundEmpty = "round.empty"
        case roundVisitUnit = "round.visit-unit"
        case roundSummaryDue = "round.summary-due"
        case roundSummaryEarly = "round.summary-month"
        // Corrective actions of the monthly analysis (Rules/InspectionSteps.swift)
        case nonconformityFinding = "nonconformity.finding"
        // Contracts (Rules/Contract*.swift, 002 篇3)
        case contractPath = "contract.path"
        case contractAppendOnly = "contract.append-only"
        case contractFirstDraft = "contract.first-draft"
        case contractDraftOnce = "contract.draft-once"
        case contractDraftField = "contract.draft-field"
        case contractTerm = "contract.term"
        case contractValue = "contract.value"
        case contractPhone = "contract.phone"
        case contractTimeOrder = "contract.time-order"
        case contractNotNow = "contract.not-now"
        case contractReviewNotDue = "contract.review-not-due"
        case contractReviewPurpose = "contract.review-purpose"
        case contractSignNonWritten = "contract.sign-non-written"
        case contractSignBeforeReview = "contract.sign-before-review"
        case contractSealBeforeSign = "contract.seal-before-sign"
        case contractEffectiveUnsealed = "contract.effective-unsealed"
        case contractRequestOpen = "contract.request-open"
        case contractNoRequest = "contract.no-request"
        case contractAmendUnreviewed = "contract.amend-unreviewed"
        case contractWhoDepartment = "contract.who-department"
        case contractWhoRole = "contract.who-role"
        case contractReviewers = "contract.reviewers"
        case contractReviewersGM = "contract.reviewers-gm"
        case contractReviewOnly = "contract.review-only"
        case contractReviewMissing = "contract.review-missing"
        case contractReviewPointsMissing = "contract.review-points"
        case contractReviewPassed = "contract.review-passed"
        case contractPages = "contract.pages"
        case contractSeamSeal = "contract.seam-seal"
        case contractNotary = "contract.notary"
        case contractArchiveFields = "contract.archive-fields"
        case contractNumberTaken = "contract.number-taken"
        case contractFinanceCopy = "contract.finance-copy"
        case contractNotes = "contract.notes"
        case contractStageWritten = "contract.stage-written"
        case contractRequestFields = "contract.request-fields"
        case contractRenewalEnd = "contract.renewal-end"
        case contractRevealWho = "contract.reveal-who"
        case contractRevealReason = "contract.reveal-reason"
        // The yearly inventory of contracts (002 篇3 §4.10)
        case inventoryPath = "inventory.path"
        case inventoryWho = "inventory.who"
        case inventoryRows = "inventory.rows"
        case inventoryFixed = "inventory.fixed"
        case inventoryInstructionWho = "inventory.instruction-who"
        case inventoryInstructionText = "inventory.instruction-text"
    }

    /// The refusal of a case whose events do not fold (`state-is-fold`), in its words.
    public static func fold(_ error: FoldError) -> Refusal {
        let template: Template = switch error {
        case .empty: .init(.foldEmpty, [])
        case .firstEventNotOpen: .init(.foldFirst, [])
        case .missingField(let i, let f): .init(.foldMissingField, [.text("\(i)"), .text(f)])
        case .secondOpen(let i): .init(.foldSecondOpen, [.text("\(i)")])
        case .badCorrection(let i, let f): .init(.foldBadCorrection, [.text("\(i)"), .text(f)])
        }
        return Refusal(rule: "state-is-fold", clause: "DESIGN: case file", error.description, template: template)
    }
}
