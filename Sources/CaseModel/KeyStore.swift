import Crypto
import Foundation

/// The residents' sealing keys, kept outside the history (`.git/casebook/keys.json` by default):
/// one 256-bit key per resident, the secret of the keyed hash that recognises a returning
/// resident by phone, and the ids of residents whose keys were destroyed (so an import of an old
/// backup never brings an erased key back). A value type: reading and writing the file is the
/// command's business.
public struct KeyStore: Codable, Equatable, Sendable {
    public static let format = "casebook.keys/1"

    struct Entry: Codable, Equatable, Sendable {
        /// base64 of the 32-byte key.
        var key: String
        /// HMAC-SHA256 of the phone's digits under `phoneIndexKey`, hex; nil for a reporter without phone.
        var phoneTag: String?
        var createdAt: String
    }

    var format: String
    /// base64 of the 32-byte secret of the phone index.
    var phoneIndexKey: String
    var residents: [String: Entry]
    /// Erased resident id → when.
    var erased: [String: String]
    /// Phone tag → resident id, built on first use and kept up to date by `key(forPhone:)`; not
    /// part of the file (a returning resident was found by a scan of every key, which made intake
    /// cost grow with the number of residents).
    private var tagIndex: [String: String]?

    enum CodingKeys: String, CodingKey {
        case format, phoneIndexKey, residents, erased
    }

    public static func == (a: KeyStore, b: KeyStore) -> Bool {
        a.format == b.format && a.phoneIndexKey == b.phoneIndexKey && a.residents == b.residents && a.erased == b.erased
    }

    /// An empty store with a fresh phone-index secret (or the one given: the simulator's, drawn
    /// from its seed).
    public init(phoneIndexSecret: Data? = nil) {
        format = KeyStore.format
        phoneIndexKey = (phoneIndexSecret ?? SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }).base64EncodedString()
        residents = [:]
        erased = [:]
    }

    public var residentCount: Int { residents.count }
    public var erasedCount: Int { erased.count }

    /// Whether `resident` was erased from this store.
    public func isErased(_ resident: ResidentID) -> Bool { erased[resident.rawValue] != nil }

    /// The key of `resident`, nil when this store does not hold it.
    public func key(for resident: ResidentID) -> ResidentKey? {
        guard let entry = residents[resident.rawValue], let raw = Data(base64Encoded: entry.key) else { return nil }
        return try? ResidentKey(resident: resident, rawKey: raw)
    }

    /// The key of the resident with this phone, made (and kept) if there is none: the same
    /// resident reuses one key. A reporter without a phone gets a new resident each time.
    /// - Parameter phone: as typed; normalised first.
    /// - Parameter now: when, for the record in the store.
    /// - Throws: `ContactError.badPhone` when `phone` is not a phone number.
    /// - Parameter generate: makes a new resident's id and key (default: random; the simulator
    ///   draws them from its seed).
    public mutating func key(forPhone phone: String?, now: String,
                             generate: () -> (ResidentID, Data) = ResidentKey.generate) throws(ContactError) -> ResidentKey {
        let digits = try Contact.normalizedPhone(phone)
        let tag = digits.map(phoneTag)
        if tagIndex == nil {
            var index: [String: String] = [:]
            for (id, entry) in residents {
                guard let t = entry.phoneTag else { continue }
                index[t] = index[t].map { min($0, id) } ?? id
            }
            tagIndex = index
        }
        if let tag, let id = tagIndex?[tag], let key = key(for: ResidentID(rawValue: id)) {
            return key
        }
        var (id, raw) = generate()
        while residents[id.rawValue] != nil || erased[id.rawValue] != nil { (id, raw) = generate() }
        residents[id.rawValue] = Entry(key: raw.base64EncodedString(), phoneTag: tag, createdAt: now)
        if let tag { tagIndex?[tag] = id.rawValue }
        return try ResidentKey(resident: id, rawKey: raw)
    }

    /// Destroys `resident`'s key (and its phone tag); remembers that it was erased.
    /// - Returns: whether the store held the key.
    @discardableResult
    public mutating func erase(_ resident: ResidentID, at now: String) -> Bool {
        let held = residents.removeValue(forKey: resident.rawValue) != nil
        tagIndex = nil
        if erased[resident.rawValue] == nil { erased[resident.rawValue] = now }
        return held
    }

    /// Takes in the keys of `other` (another desk's export): keys this store lacks are added,
    /// erasures on either side win. If the two stores index phones under different secrets, the
    /// other store's phone tags are dropped (its residents can still be revealed, but a returning
    /// resident is not recognised by phone) — unless this store is still empty, then it adopts the
    /// other's secret.
    /// - Returns: how many keys were added and how many erased.
    public mutating func merge(_ other: KeyStore) -> (added: Int, erased: Int) {
        tagIndex = nil
        if residents.isEmpty && erased.isEmpty { phoneIndexKey = other.phoneIndexKey }
        let samePepper = phoneIndexKey == other.phoneIndexKey
        var added = 0, removed = 0
        for (id, when) in other.erased where erased[id] == nil {
            erased[id] = when
            if residents.removeValue(forKey: id) != nil { removed += 1 }
        }
        for (id, entry) in other.residents where residents[id] == nil && erased[id] == nil {
            var e = entry
            if !samePepper { e.phoneTag = nil }
            residents[id] = e
            added += 1
        }
        return (added, removed)
    }

    /// Checks a store read from a file.
    /// - Throws: `KeyStoreError` naming what is wrong.
    public func validate() throws(KeyStoreError) {
        guard format == KeyStore.format else { throw .malformed("format must be \(KeyStore.format)") }
        guard Data(base64Encoded: phoneIndexKey)?.count == 32 else { throw .malformed("phoneIndexKey is not 32 bytes of base64") }
        for (id, entry) in residents {
            guard ResidentID(rawValue: id).isWellFormed else { throw .malformed("residents: '\(id.prefix(40))' is not a resident id") }
            guard Data(base64Encoded: entry.key)?.count == 32 else { throw .malformed("residents.\(id).key is not 32 bytes of base64") }
        }
    }

    func phoneTag(_ digits: String) -> String {
        let secret = SymmetricKey(data: Data(base64Encoded: phoneIndexKey) ?? Data())
        return HMAC<SHA256>.authenticationCode(for: Data(digits.utf8), using: secret).map { String(format: "%02x", $0) }.joined()
    }
}

public enum KeyStoreError: Error, Equatable, CustomStringConvertible {
    case malformed(String)
    public var description: String {
        switch self {
        case .malformed(let what): "key store: \(what)"
        }
    }
}
