import CaseModel
import Foundation
import GitStore

/// Where this clone keeps the residents' sealing keys, outside the history: `CASEBOOK_KEYSTORE`,
/// then `git config casebook.keystore`, then `.git/casebook/keys.json`. The file is mode 0600 and
/// rewritten atomically under a lock (`keys.json.lock`), so concurrent commands never lose a key.
package struct KeyStoreFile {
    package let path: String

    package init(repo: Repository) {
        let env = ProcessInfo.processInfo.environment["CASEBOOK_KEYSTORE"].flatMap { $0.isEmpty ? nil : $0 }
        if let chosen = env ?? repo.config("casebook.keystore") {
            path = (chosen as NSString).expandingTildeInPath
        } else {
            path = URL(fileURLWithPath: repo.gitDirectory).appendingPathComponent("casebook/keys.json").path
        }
    }

    package var exists: Bool { FileManager.default.fileExists(atPath: path) }

    /// The store as it is on disk; nil when there is no file.
    package func read() throws -> KeyStore? {
        guard exists else { return nil }
        return try KeyStoreFile.decode(try Data(contentsOf: URL(fileURLWithPath: path)), from: path)
    }

    /// Decodes and checks a key store file (this clone's or another desk's export).
    package static func decode(_ data: Data, from file: String) throws -> KeyStore {
        let store: KeyStore
        do {
            store = try JSONDecoder().decode(KeyStore.self, from: data)
        } catch {
            throw Failure(key: "notKeyStore", "\(file)")
        }
        do {
            try store.validate()
        } catch {
            throw Failure.about("\(file)", error)
        }
        return store
    }

    /// Reads the store (an empty one if there is none, when `create` is true), lets `change` alter
    /// it, and writes it back, all under the lock. The new file is on disk (fsync'd) before this
    /// returns, so a key is never lost once a commit that needs it has been made.
    @discardableResult
    package func update<T>(create: Bool = true, _ change: (inout KeyStore) throws -> T) throws -> T {
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return try FileLock.exclusively(path + ".lock") {
            guard var store = try read() ?? (create ? KeyStore() : nil) else {
                throw Failure(key: "noKeyStore", "\(path)")
            }
            let before = store
            let result = try change(&store)
            if store != before || !exists {
                try AtomicFile.write(try KeyStoreFile.encode(store), to: path, mode: 0o600)
            }
            return result
        }
    }

    package static func encode(_ store: KeyStore) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(store)
        data.append(0x0A)
        return data
    }
}
