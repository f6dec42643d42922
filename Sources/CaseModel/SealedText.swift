import Crypto
import Foundation

/// A text only some may read — a contract's confidential terms 保密条款 (002 篇3 §4.6.4) — sealed
/// like a resident's name and phone (`Contact`): ChaChaPoly under a key of the key store outside
/// the repository, with a random nonce and the key's id as authenticated data, padded to a
/// multiple of 64 bytes so the seal's length says little about the text's. Destroying the key
/// (`erase --resident`) makes every copy in the history unreadable.
public struct SealedText: Codable, Equatable, Sendable {
    /// Whose key seals `sealed` (an id of the key store: `R-` and 16 hex digits).
    public let key: ResidentID
    /// base64 of nonce, ciphertext and tag.
    let sealed: String

    private enum CodingKeys: String, CodingKey { case key, sealed }

    /// Seals `text` under `key`.
    /// - Parameter nonce: 12 bytes never used before with this key; nil draws a random one (the
    ///   simulator derives them from its seed).
    public init(_ text: String, key: ResidentKey, nonce: Data? = nil) throws(ContactError) {
        var plain = Data(text.utf8)
        guard !text.isEmpty, plain.count <= 8192 else { throw ContactError.badName }
        plain.append(contentsOf: repeatElement(0x20, count: max(128, (plain.count + 1 + 63) / 64 * 64) - plain.count))
        // The text ends at its last NUL-free byte: a marker keeps trailing spaces of the text itself.
        plain[plain.startIndex + text.utf8.count] = 0
        do {
            let box = try ChaChaPoly.seal(plain, using: key.key, nonce: nonce.map(ChaChaPoly.Nonce.init(data:)) ?? ChaChaPoly.Nonce(),
                                          authenticating: Data(key.resident.rawValue.utf8))
            sealed = box.combined.base64EncodedString()
        } catch {
            throw ContactError.badKey
        }
        self.key = key.resident
    }

    /// The text, for someone holding the key.
    /// - Throws: `ContactError.wrongKey` for another key or an altered seal.
    public func reveal(with key: ResidentKey) throws(ContactError) -> String {
        guard key.resident == self.key else { throw ContactError.wrongKey }
        guard let combined = Data(base64Encoded: sealed) else { throw ContactError.badSeal }
        let plain: Data
        do {
            plain = try ChaChaPoly.open(ChaChaPoly.SealedBox(combined: combined), using: key.key, authenticating: Data(self.key.rawValue.utf8))
        } catch {
            throw ContactError.wrongKey
        }
        guard let end = plain.firstIndex(of: 0) else { throw ContactError.badSeal }
        return String(decoding: plain[plain.startIndex..<end], as: UTF8.self)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.decode(ResidentID.self, forKey: .key)
        sealed = try c.decode(String.self, forKey: .sealed)
        guard key.isWellFormed else {
            throw DecodingError.dataCorruptedError(forKey: .key, in: c, debugDescription: "not a key id (R- and 16 hex digits)")
        }
        guard sealed.utf8.count <= 12_000, let bytes = Data(base64Encoded: sealed), bytes.count >= 12 + 16 + 64 else {
            throw DecodingError.dataCorruptedError(forKey: .sealed, in: c, debugDescription: "not a sealed text (base64 of nonce, ciphertext and tag)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key)
        try c.encode(sealed, forKey: .sealed)
    }
}
