import ArgumentParser
import Foundation

extension Casebook {
    /// `casebook keys allowed-signers`.
    struct Keys: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Staff signing keys for stock git.",
            discussion: "Example: casebook keys allowed-signers > allowed_signers",
            subcommands: [AllowedSigners.self]
        )

        struct AllowedSigners: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "allowed-signers",
                abstract: "Print git's allowed-signers file from records/staff.json.",
                discussion: """
                Example: casebook keys allowed-signers > signers
                         git -c gpg.ssh.allowedSignersFile=signers log --show-signature
                """
            )
            @OptionGroup var global: GlobalOptions

            func run() throws {
                print(try global.workspace().staff.allowedSigners, terminator: "")
            }
        }
    }
}
