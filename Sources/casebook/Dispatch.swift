import ArgumentParser
import CaseModel

extension Casebook {
    /// `casebook dispatch ID --department D`: pass to the responsible department 转责任部门.
    struct Dispatch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Pass a case to the responsible department.",
            discussion: "Example: casebook dispatch C-20261122-K3F-0001 --as li.na --department engineering --assignee zhao.gong"
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: CaseArgument
        @Option(help: "Department: \(Department.allCases.map(\.rawValue).joined(separator: ", ")).") var department: Department
        @Option(help: ArgumentHelp("Staff member who will hold the case.", valueName: "staff-id")) var assignee: String?

        func run() throws {
            try global.step(target.id, .dispatch, summary: "dispatch to \(department.rawValue)" + (assignee.map { " (\($0))" } ?? "")) { event, _, ws in
                event.department = department
                event.assignee = try assignee.map { try ws.registered($0, field: "--assignee") }
            }
        }
    }
}
