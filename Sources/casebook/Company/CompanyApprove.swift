import ArgumentParser
import CaseModel
import CasebookEngine
import Foundation
import GitStore
import Procedures

/// `casebook company approve CENTRE CASE --notes …`: 公司管理部 approves a lawyer's request for
/// owner data (001 §5.6.5.3) as a step of the centre's own case, pushed to the centre.
struct CompanyApprove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve a lawyer's request for owner data at a centre (公司管理部, 001 §5.6.5.3): a signed step pushed to the centre.",
        discussion: """
        The approver must be on the centre's own staff list (records/staff.json, registered by the centre's manager)
        with role company-management and their SSH key, and sign with it (CASEBOOK_SIGNING_KEY). The centre's main
        branch is fetched into head office's mirror, the step is validated by the centre's own procedures there,
        committed on top of it (author: the approver, signed) and pushed to the centre, whose hooks check it like
        any other step. Nothing is changed when the centre refuses it.
        Example: CASEBOOK_SIGNING_KEY=~/.ssh/zhao.gs casebook company approve CH01 C-20261122-A01-0003 --notes '委托人为业主本人，通知主任接待' --as zhao.gs
        """
    )
    @OptionGroup var options: CompanyOptions
    @Argument(help: "The centre's code.") var centre: String
    @Argument(help: "The case id at that centre.") var id: String
    @Option(help: "The approval's terms.") var notes: String?

    func run() throws {
        let ws = try options.workspace()
        guard let centre = ws.centres[centre] else { throw Failure(key: "company.noCentre", oneLine(self.centre, limit: 20)) }
        // Head office's own member of 公司管理部 …
        let member = try ws.actor(options.actor, mayAct: [.companyManagement], what: "approve")
        let said = try notes.map { Contact.maskMobiles(try text($0, field: "--notes")) }
        let mirror = try Repository.bare(at: ws.mirrorPath(centre.code))
        do {
            try mirror.fetch(url: centre.url, refspecs: ["+refs/heads/main:refs/incoming/main"])
        } catch {
            throw Failure(key: "company.cannotReach", centre.code, oneLine("\(error)", limit: 200))
        }
        guard let head = try mirror.resolve("refs/incoming/main") else { throw Failure(key: "company.cannotReach", centre.code, "no main branch") }
        // The centre's own rules, staff and case, as its main branch has them now.
        let at = try Workspace(repo: mirror, at: head)
        at.clock = { try ws.now() }
        // … registered under the same id on the centre's staff list, whose key the centre verifies.
        guard let approver = at.staff[member.id] else { throw Failure(key: "company.notCentreStaff", member.id.rawValue, centre.code) }
        let caseID = CaseID(rawValue: id)
        let file = try at.load(caseID)
        let now = try ws.now()
        var event = Event(at: now, by: approver.id, action: .approve)
        event.notes = said
        let next = try at.check(event, on: file, id: caseID)
        let person = Person(name: approver.name, email: approver.email, time: now.unixSeconds, offsetMinutes: Int32(now.offsetSeconds / 60))
        // Made on a reference of the mirror's own, on top of the centre's main branch, then pushed.
        let ref = "refs/casebook/approve"
        try mirror.setReference(ref, to: head)
        let commit = try mirror.commit([FileChange(path: at.place(next), content: try RecordJSON.encode(next))], onRef: ref, parent: head,
                                       author: person, committer: person, message: """
            \(next.intake.kind.rawValue) \(caseID.rawValue): request approved by head office

            Case-Id: \(caseID.rawValue)
            Action: approve
            Procedure: \(Transitions.allowed(.approve).clause)
            """, signer: try at.signer(for: approver))
        let outcome = try mirror.push(url: centre.url, refspec: "\(ref):refs/heads/main")
        outcome.serverMessages.forEach { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        guard outcome.accepted else {
            throw Failure(key: "company.pushRefused", centre.code, outcome.rejected.values.first.map { oneLine($0, limit: 200) } ?? "")
        }
        print("\(centre.code)/\(caseID.rawValue) \(commit.short)")
    }
}
