import CaseModel
import Foundation
import GitStore
import Procedures

extension Workspace {
    /// Every contract at the workspace's base (the inventory aside).
    package func contracts() throws -> [ContractRecord] {
        try repo.files(under: "records/contracts", at: base)
            .filter { $0.path.hasSuffix(".json") && !$0.path.hasPrefix("records/contracts/inventory/") }
            .map { try RecordJSON.decode(ContractRecord.self, from: repo.blob($0.blob), file: $0.path) }
    }

    /// The archive numbers given at the base, each to its contract's id, but for `id`'s own.
    package func contractNumbers(except id: String) throws -> [String: String] {
        var out: [String: String] = [:]
        for c in try contracts() where c.id != id {
            if let n = c.state.archive?.number { out[n] = c.id }
        }
        return out
    }
}
