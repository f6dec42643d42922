import ArgumentParser
import CaseModel
import CasebookEngine
import Crypto
import Foundation

extension Casebook.ContractCommand {
    /// The general manager signs after a passed review (002 篇3 §4.5.1).
    struct Sign: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "sign", abstract: "The general manager signs the contract after a passed review (§4.5.1).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var clock: NowOption
        @Argument(help: "The contract's id.") var id: String

        func run() throws {
            try Casebook.ContractCommand.step(id, global, clock, .sign, subject: "signed by the general manager", clause: "002 篇3 §4.5.1")
        }
    }

    /// The company seal, with a seam seal across the pages of a longer contract (§4.5.2–4.5.3).
    struct Seal: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "seal", abstract: "Record the company seal (a seam seal 骑缝章 across more than one page, §4.5.3).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var clock: NowOption
        @Argument(help: "The contract's id.") var id: String
        @Option(help: "The number of pages.") var pages: Int
        @Flag(help: "A seam seal crosses the pages.") var seamSeal = false

        func run() throws {
            try Casebook.ContractCommand.step(id, global, clock, .seal, subject: "sealed (\(pages) p.)", clause: "002 篇3 §4.5.2–4.5.3") { step, _, _ in
                step.pages = pages
                step.seamSeal = seamSeal
            }
        }
    }

    /// In force once signed and sealed, or notarised where required (§4.5.4).
    struct Effective: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "effective", abstract: "Record that the contract is in force (notarised where required, §4.5.4).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var clock: NowOption
        @Argument(help: "The contract's id.") var id: String
        @Option(help: "The notary office 公证机关, where the contract must be notarised.") var notary: String?

        func run() throws {
            let office = try notary.map { try text($0, field: "--notary", limit: 200) }
            try Casebook.ContractCommand.step(id, global, clock, .effective, subject: office == nil ? "in force" : "notarised, in force",
                                              clause: "002 篇3 §4.5.4") { step, _, _ in
                step.notary = office
            }
        }
    }

    /// 行政人事部 numbers and archives the signed original; the record keeps its SHA-256 (§4.6).
    struct ArchiveContract: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "archive",
            abstract: "Number and archive the original (行政人事部, §4.6): the record keeps the document's SHA-256, never the file.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var clock: NowOption
        @Argument(help: "The contract's id.") var id: String
        @Option(help: "The uniform number 合同编号 (§4.6.1).") var number: String
        @Option(help: ArgumentHelp("The signed document (scan or file); only its SHA-256 is recorded.", valueName: "file")) var document: String?
        @Option(help: ArgumentHelp("The signed document's SHA-256, when the file is not at hand.", valueName: "hex")) var sha256: String?
        @Option(help: "Where the original is kept, e.g. 行政人事部档案柜 A-3.") var original: String
        @Option(name: .customLong("copy"), help: ArgumentHelp("A department holding a copy: finance (paid in stages), the executing department (repeat).",
                                                             valueName: "department"))
        var copies: [Department] = []

        func validate() throws {
            if (document == nil) == (sha256 == nil) { throw ValidationError("--document or --sha256: give one (002 篇3 §4.6)") }
        }

        func run() throws {
            let digest: String
            if let document {
                guard let data = FileManager.default.contents(atPath: document) else { throw Failure(key: "doesNotExist", document) }
                digest = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
            } else {
                digest = (sha256 ?? "").lowercased()
            }
            let archive = ContractArchive(number: try text(number, field: "--number", limit: 60), documentSHA256: digest,
                                          original: try text(original, field: "--original", limit: 200), copies: copies.map { ContractCopy(holder: $0) })
            try Casebook.ContractCommand.step(id, global, clock, .archive, subject: "archived as \(archive.number)", clause: "002 篇3 §4.6") { step, _, _ in
                step.archive = archive
            }
        }
    }
}
