import ArgumentParser
import CaseModel
import CasebookEngine
import Foundation
import GitStore

extension Casebook {
    /// `casebook keys`: staff signing keys for stock git, and the residents' sealing keys.
    struct Keys: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "keys",
            abstract: "Staff signing keys for stock git; the residents' sealing key store (create, back up, share).",
            discussion: """
            The key store holds one key per resident, which seals their full name and phone in the case
            files. It lives outside the history: $CASEBOOK_KEYSTORE, else git config casebook.keystore,
            else .git/casebook/keys.json (mode 0600). Back it up with 'keys export' and share it between
            desks with 'keys import'; an erased resident's key is never imported back.
            Example: casebook keys allowed-signers > allowed_signers
            """,
            subcommands: [AllowedSigners.self, Init.self, Path.self, Export.self, Import.self]
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

        struct Init: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "init",
                abstract: "Create this clone's key store (open also creates it on first use).",
                discussion: "Example: casebook keys init"
            )
            @OptionGroup var global: GlobalOptions

            func run() throws {
                let file = try Keys.keyStore(global)
                guard !file.exists else { throw Failure(key: "keysExists", "\(file.path)") }
                try file.update { _ in }
                print(file.path)
            }
        }

        struct Path: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "path", abstract: "Print where this clone's key store is.")
            @OptionGroup var global: GlobalOptions

            func run() throws { print(try Keys.keyStore(global).path) }
        }

        struct Export: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "export",
                abstract: "Write a copy of the key store (a backup, or for another desk to import).",
                discussion: """
                The copy holds every resident's key: keep it as safe as the store itself, and destroy old
                backups after an erase.
                Example: casebook keys export --out /media/usb/keys-2026-11-22.json
                """
            )
            @OptionGroup var global: GlobalOptions
            @Option(help: "The file to write (mode 0600; must not exist).") var out: String

            func run() throws {
                let file = try Keys.keyStore(global)
                guard let store = try file.read() else { throw Failure(key: "keysMissing", "\(file.path)") }
                guard !FileManager.default.fileExists(atPath: out) else { throw Failure(key: "outExists", "\(out)") }
                try AtomicFile.write(try KeyStoreFile.encode(store), to: out, mode: 0o600)
                FileHandle.standardError.write(Data("keys export: \(store.residentCount) key(s) to \(out)\n".utf8))
            }
        }

        struct Import: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "import",
                abstract: "Take in another desk's exported keys (keys this store lacks; erasures on either side win).",
                discussion: "Example: casebook keys import /media/usb/keys-2026-11-22.json"
            )
            @OptionGroup var global: GlobalOptions
            @Argument(help: "A file written by casebook keys export.") var file: String

            func run() throws {
                let data: Data
                do {
                    data = try Data(contentsOf: URL(fileURLWithPath: file))
                } catch {
                    throw Failure(key: "keysUnreadable", "\(file)")
                }
                let other = try KeyStoreFile.decode(data, from: file)
                let store = try Keys.keyStore(global)
                let (added, erased) = try store.update { $0.merge(other) }
                print("keys import: \(added) key(s) added, \(erased) erased")
            }
        }

        /// The key store file of the repository the options name.
        static func keyStore(_ global: GlobalOptions) throws -> KeyStoreFile {
            let repo: Repository
            do {
                repo = try Repository.discover(from: global.repo)
            } catch {
                throw Failure(key: "noRepo", "\(global.repo)")
            }
            return KeyStoreFile(repo: repo)
        }
    }
}
