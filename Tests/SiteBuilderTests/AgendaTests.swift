import CaseModel
import Foundation
import Procedures
import SiteBuilder
import Testing

/// What needs action at the fixed clock: overdue deadlines, the ladder, due soon, revisits.
@Suite struct AgendaTests {
    @Test func overdueEntriesAreExactlyTheLateDeadlinesAndTheLadderLag() throws {
        let entries = Agenda.overdue(try fixtureCases(), profile: try residential(), at: now)
        #expect(entries.map(\.caseID.rawValue) == ["C-20261112-T01-0001", "C-20261112-T01-0001", "C-20261118-T01-0001"])
        #expect(entries.map(\.step) == ["resolve", "ladder", "answer"])
        #expect(entries.map(\.due.description) == ["2026-11-15T11:00:00+08:00", "2026-11-19T11:00:00+08:00", "2026-11-20T08:45:00+08:00"])
        #expect(entries.map(\.clause) == ["001 §5.4.2", "002 篇1 §4.8, §3.3.2", "002 篇5 §5.2.1"])
        // The repair sits with the supervisor; a week on, the ladder says the manager (002 篇1 §4.8).
        #expect(entries.map(\.level) == [.supervisor, .supervisor, .supervisor])
        #expect(entries.map(\.requiredLevel) == [.manager, .manager, .supervisor])
        #expect(entries.map(\.needsEscalation) == [true, true, false])
        #expect(entries.map(\.holder.rawValue) == ["wang.zg", "wang.zg", "wang.zg"])
    }

    @Test func dueWithin24Hours() throws {
        let soon = Agenda.dueSoon(try fixtureCases(), at: now)
        #expect(soon.map { $0.0.id.rawValue } == ["C-20261119-T01-0002"])
        #expect(soon.map { $0.1.step } == ["answer"])
        #expect(soon.map { $0.1.due.description } == ["2026-11-21T16:00:00+08:00"])
    }

    @Test func revisitsToMakeFromPlansAndSamples() throws {
        let items = Agenda.revisits(try fixtureCases(), samples: [octoberSample, novemberSample], profile: try residential())
        #expect(items.map(\.caseID.rawValue) == ["C-20261015-T01-0001", "C-20261115-T01-0001", "C-20261119-T01-0001"])
        #expect(items.map(\.due.description) == ["2026-11-05T17:30:00+08:00", "2026-11-18T10:00:00+08:00", "2026-11-22T16:00:00+08:00"])
        #expect(items.map(\.source) == [.sample(month: "2026-10"), .plan(index: 0), .plan(index: 0)])
        #expect(items.map(\.key) == ["C-20261015-T01-0001-sample-2026-10", "C-20261115-T01-0001-revisit-1", "C-20261119-T01-0001-revisit-1"])
        // The sample's repair: a customer-service assistant by phone, as the sample says (002 篇2 §4.1.3).
        #expect(items[0].by == [.csAssistant] && items[0].modes == [.phone])
        #expect(items[1].by == [.csAssistant, .supervisor] && items[1].modes == [.home])
        // The closed complaint's revisit is done, so it is not listed.
        #expect(!items.contains { $0.caseID.rawValue == "C-20261103-T01-0001" })
    }

    @Test func aSamplePickRevisitedSinceItsMonthIsDone() throws {
        var cases = try fixtureCases()
        var october = try #require(cases.last)
        var e = Event(at: t("2026-11-02T10:00"), by: "chen.jie", action: .revisit)
        e.mode = .phone
        e.satisfied = true
        october = try CaseFile(id: october.id, events: october.events + [e])
        cases[cases.count - 1] = october
        let items = Agenda.revisits(cases, samples: [octoberSample], profile: try residential())
        #expect(items.map(\.caseID.rawValue) == ["C-20261115-T01-0001", "C-20261119-T01-0001"])
    }
}
