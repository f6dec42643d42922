import Crypto
import Foundation
import Tagged

public enum ResidentTag {}
/// Whose key seals a reporter's full name and phone: `R-` and 16 random hex digits. The id carries
/// nothing about the resident; the key store maps a keyed hash of the phone to it, so the same
/// resident keeps one key, and erasing the key makes every sealed copy unreadable.
public typealias ResidentID = Tagged<ResidentTag, String>

extension ResidentID {
    /// `R-` and 16 lowercase hex digits.
    public var isWellFormed: Bool {
        rawValue.count == 18 && rawValue.hasPrefix("R-")
            && rawValue.dropFirst(2).unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
    }

    /// A new random resident id.
    public static func random() -> ResidentID {
        var rng = SystemRandomNumberGenerator()
        return ResidentID(rawValue: "R-" + String(format: "%016llx", rng.next() as UInt64))
    }
}

/// One resident's sealing key: 256 random bits, held only in the key store outside the history.
public struct ResidentKey: Sendable {
    public let resident: ResidentID
    let raw: Data

    public init(resident: ResidentID, rawKey: Data) throws(ContactError) {
        guard rawKey.count == 32 else { throw ContactError.badKey }
        self.resident = resident
        self.raw = rawKey
    }

    var key: SymmetricKey { SymmetricKey(data: raw) }

    /// A fresh key for a new resident.
    public static func generate() -> (ResidentID, Data) {
        (ResidentID.random(), SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) })
    }
}

/// The reporter of a case: a resident's name and phone number, which are personal data.
///
/// Only this file reads and writes the full values. A case file holds the display forms in clear
/// (`王女士`, `138****5678`), which are safe to show on a dashboard, and the full values **sealed**:
/// ChaChaPoly-encrypted under the resident's own key, with a random nonce, the resident id as
/// authenticated data. The key lives outside the repository (the key store), so destroying it
/// erases the resident's data from every copy of the history without rewriting a commit.
public struct Contact: Codable, Equatable, Sendable {
    /// Whose key seals `sealed`.
    public let resident: ResidentID
    /// The name and phone, sealed: base64 of nonce, ciphertext and tag.
    let sealed: String
    /// The name as a page may show it: surname and honorific (王女士) or surname and stars (王**).
    public let nameDisplay: String
    /// The phone as a page may show it: 138****5678.
    public let phoneMasked: String?

    private enum CodingKeys: String, CodingKey {
        case resident, sealed, nameDisplay, phoneMasked
    }

    /// The values inside the seal.
    private struct Plain: Codable {
        var name: String
        var phone: String?
    }

    /// Seals `name` and `phone` under `key`.
    /// - Parameter nonce: 12 bytes never used before with this key; nil (the default) draws a
    ///   random one. The simulator passes nonces it derives from its seed, so a simulated
    ///   repository is the same every time.
    /// - Throws: `ContactError` when the name is empty or the phone is not a phone number.
    public init(name: String, phone: String?, key: ResidentKey, nonce: Data? = nil) throws(ContactError) {
        let name = try Contact.checkedName(name)
        let digits = try Contact.normalizedPhone(phone)
        var plain: Data
        do {
            // Keys in a fixed order: the same values under the same key and nonce seal the same.
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            plain = try encoder.encode(Plain(name: name, phone: digits))
        } catch {
            throw ContactError.badName
        }
        // Padded with spaces (which JSON ignores) to a multiple of 64 bytes, at least 192, so the
        // seal's length says nothing about the name's length or whether there is a phone.
        plain.append(contentsOf: repeatElement(0x20, count: max(192, (plain.count + 63) / 64 * 64) - plain.count))
        do {
            let box = try ChaChaPoly.seal(plain, using: key.key, nonce: nonce.map(ChaChaPoly.Nonce.init(data:)) ?? ChaChaPoly.Nonce(),
                                          authenticating: Data(key.resident.rawValue.utf8))
            sealed = box.combined.base64EncodedString()
        } catch {
            throw ContactError.badKey
        }
        resident = key.resident
        nameDisplay = Contact.displayName(name)
        phoneMasked = digits.map(Contact.mask)
    }

    /// Whether `text` is a mainland China phone number: a mobile (11 digits, 1[3-9]…), a landline
    /// with its area code (0 + 9 to 11 digits), or a local 7–8 digit number not starting with 0
    /// or 1; spaces, dashes, brackets and a leading +86 are allowed. Stricter than `init`, which
    /// accepts any 7 to 12 digits (records entered before this check, numbers abroad).
    public static func isMainlandNumber(_ text: String) -> Bool {
        var digits = text.filter { !" -()".contains($0) }
        if digits.hasPrefix("+86") { digits = String(digits.dropFirst(3)) }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        let d = Array(digits)
        if d.count == 11, d[0] == "1", "3456789".contains(d[1]) { return true }
        if d[0] == "0", (10...12).contains(d.count) { return true }
        return (7...8).contains(d.count) && d[0] != "0" && d[0] != "1"
    }

    /// The full name and phone, for staff who must call the resident back.
    /// - Throws: `ContactError.wrongKey` when `key` is not this resident's or the seal was altered,
    ///   `.mismatch` when the display forms do not match the sealed values.
    public func reveal(with key: ResidentKey) throws(ContactError) -> (name: String, phone: String?) {
        guard key.resident == resident else { throw ContactError.wrongKey }
        guard let combined = Data(base64Encoded: sealed) else { throw ContactError.badSeal }
        let plain: Data
        do {
            plain = try ChaChaPoly.open(ChaChaPoly.SealedBox(combined: combined), using: key.key,
                                        authenticating: Data(resident.rawValue.utf8))
        } catch {
            throw ContactError.wrongKey
        }
        guard let values = try? JSONDecoder().decode(Plain.self, from: plain) else { throw ContactError.badSeal }
        guard Contact.displayName(values.name) == nameDisplay, values.phone.map(Contact.mask) == phoneMasked else {
            throw ContactError.mismatch
        }
        return (values.name, values.phone)
    }

    /// The values as a file holds them, not yet checked (see `problem`).
    init(resident: ResidentID, sealed: String, nameDisplay: String, phoneMasked: String?) {
        self.resident = resident
        self.sealed = sealed
        self.nameDisplay = nameDisplay
        self.phoneMasked = phoneMasked
    }

    /// What makes these values no contact a file may hold: the field and why; nil if none.
    /// (Decoding checks it, whichever way the file is read.)
    var problem: (key: String, reason: String)? {
        guard resident.isWellFormed else { return ("resident", "not a resident id (R- and 16 hex digits)") }
        // nonce 12 + tag 16 + at least {"name":"x"}; a name of 40 characters and a phone stay far below 1 KB.
        guard sealed.utf8.count <= 1024, let bytes = Data(base64Encoded: sealed), bytes.count >= 12 + 16 + 12 else {
            return ("sealed", "not a sealed contact (base64 of nonce, ciphertext and tag)")
        }
        guard Contact.isDisplayName(nameDisplay) else {
            return ("nameDisplay", "not a display form (surname and honorific or stars, e.g. 王女士, 王**)")
        }
        if let phoneMasked, !Contact.isMasked(phoneMasked) {
            return ("phoneMasked", "not a masked phone (e.g. 138****5678)")
        }
        return nil
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(resident: try c.decode(ResidentID.self, forKey: .resident), sealed: try c.decode(String.self, forKey: .sealed),
                  nameDisplay: try c.decode(String.self, forKey: .nameDisplay),
                  phoneMasked: try c.decodeIfPresent(String.self, forKey: .phoneMasked))
        if let (key, reason) = problem {
            throw DecodingError.dataCorruptedError(forKey: CodingKeys(rawValue: key) ?? .sealed, in: c, debugDescription: reason)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(resident, forKey: .resident)
        if encoder.userInfo[.redactPersonalData] as? Bool != true {
            try c.encode(sealed, forKey: .sealed)
        }
        try c.encode(nameDisplay, forKey: .nameDisplay)
        try c.encodeIfPresent(phoneMasked, forKey: .phoneMasked)
    }

    // MARK: - Checks and display forms

    /// The name trimmed, or `badName` when empty, over 40 characters or with control characters.
    public static func checkedName(_ name: String) throws(ContactError) -> String {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 40, !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw ContactError.badName
        }
        return name
    }

    /// The phone's digits (spaces, dashes, brackets and a leading +86 dropped), nil for none.
    /// - Throws: `ContactError.badPhone` when it is not 7 to 12 digits.
    public static func normalizedPhone(_ phone: String?) throws(ContactError) -> String? {
        guard let phone, !phone.isEmpty else { return nil }
        let kept = phone.filter { !" -()".contains($0) }
        let bare = kept.hasPrefix("+86") ? String(kept.dropFirst(3)) : kept
        guard (7...12).contains(bare.count), bare.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ContactError.badPhone
        }
        return bare
    }

    static let honorifics = ["女士", "先生", "小姐", "阿姨", "师傅", "老师", "大爷", "奶奶"]

    /// 王女士 stays 王女士; 王小明 becomes 王**; Wang Li becomes W***.
    public static func displayName(_ name: String) -> String {
        for h in honorifics where name.hasSuffix(h) && name.count > h.count {
            return String(name.prefix(name.count - h.count).prefix(1)) + h
        }
        guard let first = name.first else { return "" }
        return String(first) + String(repeating: "*", count: min(max(name.count - 1, 1), 3))
    }

    /// Whether `s` has the shape `displayName` gives: one character, then an honorific or 1–3 stars.
    static func isDisplayName(_ s: String) -> Bool {
        guard let first = s.first, first != "*", !first.isWhitespace,
              !first.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return false }
        let rest = s.dropFirst()
        return honorifics.contains(String(rest)) || ((1...3).contains(rest.count) && rest.allSatisfy { $0 == "*" })
    }

    /// 13812345678 becomes 138****5678; short numbers keep their last four digits only.
    public static func mask(_ digits: String) -> String {
        if digits.count == 11 { return digits.prefix(3) + "****" + digits.suffix(4) }
        return String(repeating: "*", count: max(digits.count - 4, 0)) + digits.suffix(4)
    }

    /// Whether `s` has the shape `mask` gives.
    static func isMasked(_ s: String) -> Bool {
        let c = Array(s)
        func digits(_ part: ArraySlice<Character>) -> Bool { part.allSatisfy { $0.isASCII && $0.isNumber } }
        func stars(_ part: ArraySlice<Character>) -> Bool { part.allSatisfy { $0 == "*" } }
        if c.count == 11 { return digits(c[0..<3]) && stars(c[3..<7]) && digits(c[7...]) }
        guard (7...12).contains(c.count) else { return false }
        return stars(c[..<(c.count - 4)]) && digits(c[(c.count - 4)...])
    }

    /// `text` with the reporter's full name replaced by its display form and every mainland mobile
    /// number masked: what a command stores of free text staff typed, so neither enters the history.
    public static func scrub(_ text: String, fullName: String?) -> String {
        var out = text
        if let fullName, fullName.count >= 2 {
            out = out.replacingOccurrences(of: fullName, with: displayName(fullName))
        }
        return maskMobiles(out)
    }

    /// Every run of 11 ASCII digits starting 1[3-9], anywhere in `text`, masked in the middle.
    public static func maskMobiles(_ text: String) -> String {
        var chars = Array(text.unicodeScalars)
        func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
        var i = 0
        while i + 11 <= chars.count {
            if chars[i] == "1", chars[i + 1].value >= 51, chars[i + 1].value <= 57,
               chars[i..<(i + 11)].allSatisfy(isDigit) {
                for k in (i + 3)..<(i + 7) { chars[k] = "*" }
                i += 11
            } else {
                i += 1
            }
        }
        var s = String.UnicodeScalarView()
        s.append(contentsOf: chars)
        return String(s)
    }
}

public enum ContactError: Error, Equatable, CustomStringConvertible {
    case badName, badPhone, badKey, wrongKey, badSeal, mismatch
    public var description: String {
        switch self {
        case .badName: "reporter name is empty, too long or has control characters"
        case .badPhone: "phone is not a phone number (7 to 12 digits, optionally +86)"
        case .badKey: "resident key is not 32 bytes"
        case .wrongKey: "the key does not open this contact's seal (wrong resident key, or the seal was altered)"
        case .badSeal: "sealed contact is not readable"
        case .mismatch: "display forms do not match the sealed name and phone"
        }
    }
}

extension CodingUserInfoKey {
    /// When true, a `Contact` encodes only its resident id and display forms: for output that leaves
    /// the desk (`show --json`, the dashboard's feeds).
    public static let redactPersonalData = CodingUserInfoKey(rawValue: "casebook.redactPersonalData")!
}

extension Event {
    /// The event with its free text (note, reason, result, revisit notes, agency, late reason) scrubbed of
    /// mobile numbers and of `fullName`: what a command records, so neither enters the history.
    public func scrubbingPersonalData(fullName: String?) -> Event {
        var e = self
        func clean(_ s: String?) -> String? { s.map { Contact.scrub($0, fullName: fullName) } }
        e.text = clean(text)
        e.reason = clean(reason)
        e.result = clean(result)
        e.notes = clean(notes)
        e.agency = clean(agency)
        e.lateReason = clean(lateReason)
        return e
    }
}
