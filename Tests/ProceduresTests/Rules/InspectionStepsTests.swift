import CaseModel
import Procedures
import Testing

/// Staff of the inspection tests: a quality inspector and an engineer of the engineering department.
let inspectionStaff = StaffRegistry(staff: registry.staff + [
    Staff(id: "qi.pj", name: "齐品检", email: "qi@x.cn", roles: [.qualityInspector]),
    Staff(id: "gao.gc", name: "高工", email: "gao@x.cn", roles: [.engineer], department: .engineering),
])

/// A non-conformity report of `check` raised by `by`, engineering to correct it by the 25th.
func nonconformity(_ check: InspectionCheck = .monthly, by: StaffID = "qi.pj", correctBy: String = "2026-11-25T18:00") throws -> Event {
    var i = try intake(.nonconformity)
    i.channel = .inspection
    i.firstResponder = by
    i.inspection = Inspection(check: check, department: .engineering, correctBy: t(correctBy))
    var e = event(.open, by: by, at: "2026-11-22T09:00") { $0.intake = i }
    e.deadlines = try Schedule.deadlines(for: i, profile: try profile("residential"), calendar: noCalendar)
    e.profile = try profile("residential").reference
    return e
}

func inspectionStep(_ e: Event, on file: CaseFile?, profile p: Profile) -> Step {
    Step(event: e, previous: file, actor: inspectionStaff[e.by]!, staff: inspectionStaff, profile: p)
}

/// 002 篇9 §4.2.2: a report has its check, department and date; only correction and verification follow.
@Suite struct InspectionStepsTests {
    @Test func theCorrectionDateIsADeadline() throws {
        let e = try nonconformity()
        #expect(e.deadlines == [Deadline(step: "rectify", due: t("2026-11-25T18:00"), clause: "002 篇9 §4.2.2 c")])
    }

    @Test func aDateBeforeTheReportIsRefused() throws {
        let p = try profile("residential")
        let e = try nonconformity(correctBy: "2026-11-21T18:00")
        #expect(verdict(InspectionSteps(), inspectionStep(e, on: nil, profile: p))?.rule == "nonconformity")
    }

    @Test func frontDeskStepsAndOtherDepartmentsAreRefused() throws {
        let p = try profile("residential")
        let file = try CaseFile(id: "C-20261122-T01-0001", events: [try nonconformity()])
        let dispatch = event(.dispatch, by: "zhou.jl", at: "2026-11-22T10:00") { $0.department = .security }
        #expect(verdict(InspectionSteps(), inspectionStep(dispatch, on: file, profile: p))?.clause == "002 篇9 §4.2.2 c")
        let wrong = event(.rectify, by: "li.na", at: "2026-11-22T10:00") { $0.result = "x" }
        #expect(verdict(InspectionSteps(), inspectionStep(wrong, on: file, profile: p))?.clause == "002 篇9 §4.1")
        let right = event(.rectify, by: "gao.gc", at: "2026-11-22T10:00") { $0.result = "x" }
        #expect(verdict(InspectionSteps(), inspectionStep(right, on: file, profile: p)) == nil)
    }

    @Test func aFailedVerificationNeedsANewDate() throws {
        let p = try profile("residential")
        var file = try CaseFile(id: "C-20261122-T01-0001", events: [try nonconformity()])
        file = try CaseFile(id: file.id, events: file.events + [event(.rectify, by: "gao.gc", at: "2026-11-23T10:00") { $0.result = "x" }])
        let bare = event(.verify, by: "qi.pj", at: "2026-11-24T10:00") { $0.passed = false; $0.deadlines = [] }
        #expect(verdict(InspectionSteps(), inspectionStep(bare, on: file, profile: p))?.rule == "nonconformity")
        let again = event(.verify, by: "qi.pj", at: "2026-11-24T10:00") {
            $0.passed = false
            $0.deadlines = [Schedule.correction(due: t("2026-11-28T18:00"), since: t("2026-11-24T10:00"), round: 2)]
        }
        #expect(verdict(InspectionSteps(), inspectionStep(again, on: file, profile: p)) == nil)
        let next = try CaseFile(id: file.id, events: file.events + [again])
        #expect(next.state.status == .inProgress)
        // The earlier correction does not meet the new date.
        #expect(Schedule.overdue(next, at: t("2026-11-29T09:00")).map(\.due) == [t("2026-11-28T18:00")])
        #expect(next.state.deadlines.map(\.step) == ["rectify", "rectify-2"])
    }
}

/// 002 篇9 §4.1–4.3: each check's team raises and verifies.
@Suite struct InspectorRoleTests {
    @Test(arguments: [(InspectionCheck.monthly, "wang.zg", true), (.monthly, "li.na", false), (.quarterly, "qi.pj", true),
                      (.quarterly, "zhou.jl", false), (.yearly, "he.zr", true), (.yearly, "wang.zg", false)])
    func theCheckDecidesWhoRaises(_ check: InspectionCheck, _ who: String, _ allowed: Bool) throws {
        let p = try profile("residential")
        let e = try nonconformity(check, by: StaffID(rawValue: who))
        #expect((verdict(InspectorRole(), inspectionStep(e, on: nil, profile: p)) == nil) == allowed)
    }
}
