import ArgumentParser
import Foundation

/// `casebook`: a service centre's customer requests as signed commits in a git repository.
///
/// Every command names itself (`commandName:`): without it swift-argument-parser derives each
/// name with `String(describing:)`, a scan of the binary's protocol conformances for every
/// command at every start.
@main
struct Casebook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "casebook",
        abstract: "Run a property-management service centre's case procedures on a git repository.",
        discussion: """
        Every step of a case (open, dispatch, note, escalate, resolve, revisit, close, reopen, refer, \
        unresolvable, reclassify, correct) is one commit authored by the acting staff member. On a \
        terminal, open, dispatch, resolve, revisit and correct ask for what is missing. \
        Messages follow LANG (en*, zh*), else the repository's locale. See README.md.
        """,
        version: "0.1.0",
        subcommands: [
            Init.self, StaffCommand.self,
            Open.self, Dispatch.self, Note.self, Escalate.self, Resolve.self, Revisit.self,
            Close.self, Correct.self, Reopen.self, Refer.self, Unresolvable.self, Reclassify.self, SweepCommand.self, Sample.self, Report.self,
            Archive.self, Retention.self, ReviewCommand.self, InspectionCommand.self, Checklist.self, Approve.self, RegisterCommand.self, Today.self,
            Show.self, Erase.self, List.self, Log.self, Site.self, Simulate.self, CalendarCommand.self,
            Sync.self, Check.self, Verify.self, Keys.self, Hooks.self, MergeDriver.self,
        ]
    )

    /// Runs the command; a refusal is printed as one line after the prefix in the user's
    /// language (错误： / Error:), everything else as ArgumentParser prints it.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as Failure {
            FileHandle.standardError.write(Data("\(DeskLanguage.strings["desk.errorPrefix"])\(failure.said(in: DeskLanguage.strings))\n".utf8))
            exit(withError: ExitCode.failure)
        } catch {
            exit(withError: error)
        }
    }
}
