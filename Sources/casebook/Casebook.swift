import ArgumentParser
import CaseModel
import CasebookEngine
import Foundation
import Procedures
import SiteBuilder

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
            Close.self, Correct.self, Reopen.self, Refer.self, Unresolvable.self, Reclassify.self, SweepCommand.self, Notify.self, Sample.self, Report.self,
            Archive.self, Retention.self, ReviewCommand.self, InspectionCommand.self, Checklist.self, Approve.self, RegisterCommand.self, RoundCommand.self, ContractCommand.self, ContractsCommand.self, Today.self,
            Show.self, Erase.self, List.self, Log.self, Site.self, Simulate.self, CalendarCommand.self, LayoutCommand.self,
            Sync.self, Check.self, Verify.self, Keys.self, Hooks.self, Host.self, Company.self, MergeDriver.self,
        ]
    )

    /// Runs the command; a refusal is printed as one line after the prefix in the user's
    /// language (错误： / Error:), everything else as ArgumentParser prints it.
    static func main() {
        Workspace.askActor = { people in
            guard Prompter.isInteractive else { return nil }
            return try Prompter().choose("actor", people, raw: \.id.rawValue) { "\($0.name) (\($0.id.rawValue))" }
        }
        do {
            var command = try parsedStep() ?? parseAsRoot()
            try command.run()
        } catch let failure as Failure {
            FileHandle.standardError.write(Data("\(DeskLanguage.strings["desk.errorPrefix"])\(failure.said(in: DeskLanguage.strings))\n".utf8))
            exit(withError: ExitCode.failure)
        } catch {
            let s = DeskLanguage.strings
            if s.language != .en, let line = said(error, in: s) {
                FileHandle.standardError.write(Data("\(s["desk.errorPrefix"])\(line)\n".utf8))
                exit(withError: exitCode(for: error))
            }
            exit(withError: error)
        }
    }

    /// The state changes, the commands a desk runs most: parsed as `StepOnly`, without the
    /// tree of all commands.
    static let steps: [any ParsableCommand.Type] = [
        Open.self, Dispatch.self, Note.self, Escalate.self, Resolve.self, Revisit.self,
        Close.self, Correct.self, Reopen.self, Refer.self, Unresolvable.self, Reclassify.self,
    ]

    /// `casebook STEP …` parsed as the step alone when that succeeds; nil otherwise (another
    /// command, help, a version or completion request, any usage error: `parseAsRoot` then parses
    /// it again and says what it says). swift-argument-parser builds the tree of every command and
    /// looks for a completion-script request in every parse from the root, about a tenth of
    /// a state change; a step parsed alone is the same value, validated the same way.
    static func parsedStep(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> (any ParsableCommand)? {
        // A command with sub-commands of its own is never parsed alone: its sub-command's name
        // would be read as an argument.
        guard let name = arguments.first, let step = steps.first(where: { $0.configuration.commandName == name }),
              step.configuration.subcommands.isEmpty else { return nil }
        return step.parsedAlone(Array(arguments.dropFirst()))
    }

    /// An error that is not a `Failure` in a language other than English: a concurrent update,
    /// a refusal, or a usage error whose English line the strings table holds (then with where
    /// to read the usage). Nil for help and version output and for messages the table lacks,
    /// which swift-argument-parser prints as it does.
    static func said(_ error: any Error, in s: Strings) -> String? {
        switch error {
        case is ConcurrentUpdate: return s["failure.concurrent"]
        case let refusal as Refusal: return s.say(refusal)
        case is RecordError: return s.say(error: error)
        default:
            guard exitCode(for: error) != .success,
                  let line = s.translating(english: message(for: error), under: ["usage.", "failure."]) else { return nil }
            let command = CommandLine.arguments.dropFirst().first { !$0.hasPrefix("-") } ?? "help"
            return line + "\n" + s.fill("usage.help", [command])
        }
    }
}

extension ParsableCommand {
    /// This command parsed from `arguments` as a command of its own (see `Casebook.parsedStep`).
    static func parsedAlone(_ arguments: [String]) -> Self? {
        (try? StepOnly<Self>.parseAsRoot(arguments) as? StepOnly<Self>)?.step
    }
}

/// A step as the root of its own parse. Named as a sub-command of `casebook` (swift-argument-
/// parser's `_superCommandName`), which is also what spares it the completion-script request check;
/// its help and errors are never shown (`parsedStep` falls back to the whole tree for them).
struct StepOnly<Step: ParsableCommand>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: Step.configuration.commandName, _superCommandName: "casebook")
    }

    @OptionGroup var step: Step

    func run() throws { var step = step; try step.run() }
}
