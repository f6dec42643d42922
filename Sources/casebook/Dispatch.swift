import ArgumentParser
import CaseModel
import CasebookEngine
import SiteBuilder

extension Casebook {
    /// `casebook dispatch ID --department D`: pass to the responsible department 转责任部门.
    struct Dispatch: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dispatch",
            abstract: "Pass a case to the responsible department.",
            discussion: """
            On a terminal, a missing --department (and the assignee) is asked for and the step read back.
            Example: casebook dispatch C-20261122-K3F-0001 --as li.na --department engineering --assignee zhao.gong
            """
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: CaseArgument
        @Option(help: "Department: \(Department.allCases.map(\.rawValue).joined(separator: ", ")).") var department: Department?
        @Option(help: ArgumentHelp("Staff member who will hold the case.", valueName: "staff-id"), completion: .staffIDs) var assignee: String?

        func validate() throws {
            if department == nil, !Prompter.isInteractive { throw missing("department", "department") }
        }

        func run() throws {
            var department = self.department
            var assignee = self.assignee
            let asking = department == nil
            if asking {
                // First whether the step can be made at all, so nobody answers questions in vain.
                try global.precheck(target.id, .dispatch) { event, _, _ in event.department = .customerService }
                let ws = try global.workspace()
                let p = Prompter()
                let chosen = try p.choose("department", Department.allCases, raw: \.rawValue, label: p.s.department)
                department = chosen
                if assignee == nil { assignee = try Dispatch.askAssignee(p, in: chosen, staff: ws.staff) }
            }
            guard let department else { throw missing("department", "department") }
            let readBack: ((Event, CaseFile, Workspace) -> [(String, String)])? = !asking ? nil : { event, _, ws in
                let s = DeskLanguage.strings
                return [(s["department"], s.department(event.department)),
                        (s["desk.assignee"], event.assignee.map { id in ws.staff[id].map { "\($0.name) (\(id.rawValue))" } ?? id.rawValue } ?? "")]
            }
            try global.step(target.id, .dispatch, summary: "dispatch to \(department.rawValue)" + (assignee.map { " (\($0))" } ?? ""), fill: { event, _, ws in
                event.department = department
                event.assignee = try assignee.map { try ws.registered($0, field: "--assignee") }
            }, readBack: readBack)
        }

        /// The assignee: one of the department's staff by number, any registered id, or none.
        static func askAssignee(_ p: Prompter, in department: Department, staff: StaffRegistry) throws -> String? {
            let s = p.s
            let members = staff.staff.filter { $0.department == department && !$0.roles.contains(.system) }
            if !members.isEmpty {
                p.say(members.enumerated().map { "\($0.offset + 1) \($0.element.name) (\($0.element.id.rawValue))" }.joined(separator: "  "))
            }
            let got: String = try p.ask(s["desk.prompt.assignee"], hint: s["desk.optional"]) { a in
                if a.isEmpty { return ("", nil) }
                if let n = Int(a), members.indices.contains(n - 1) { return (members[n - 1].id.rawValue, nil) }
                return staff[StaffID(rawValue: a)] == nil ? (nil, s["desk.badStaff"]) : (a, nil)
            }
            return got.isEmpty ? nil : got
        }
    }
}
