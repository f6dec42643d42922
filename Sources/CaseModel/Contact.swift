import Foundation

/// The reporter of a case: a resident's name and phone number, which are personal data.
///
/// Only this file reads and writes the full values. Everything else sees the display forms
/// (`王女士`, `138****5678`), which are safe to show on a dashboard. Sealing the full values
/// (encrypted under a per-resident key) will replace the clear fields here and nowhere else.
public struct Contact: Codable, Equatable, Sendable {
    private let name: String
    private let phone: String?
    /// The name as a page may show it: surname and honorific (王女士) or surname and stars (王**).
    public let nameDisplay: String
    /// The phone as a page may show it: 138****5678.
    public let phoneMasked: String?

    private enum CodingKeys: String, CodingKey {
        case name, phone, nameDisplay, phoneMasked
    }

    /// - Throws: `ContactError` when the name is empty or the phone is not a phone number.
    public init(name: String, phone: String?) throws(ContactError) {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 40, !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw ContactError.badName
        }
        var digits: String?
        if let phone, !phone.isEmpty {
            let kept = phone.filter { !" -()".contains($0) }
            let bare = kept.hasPrefix("+86") ? String(kept.dropFirst(3)) : kept
            guard (7...12).contains(bare.count), bare.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw ContactError.badPhone
            }
            digits = bare
        }
        self.name = name
        self.phone = digits
        self.nameDisplay = Contact.displayName(name)
        self.phoneMasked = digits.map(Contact.mask)
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
    public func reveal() -> (name: String, phone: String?) { (name, phone) }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let name = try c.decode(String.self, forKey: .name)
        let phone = try c.decodeIfPresent(String.self, forKey: .phone)
        self = try Contact(name: name, phone: phone)
        let display = try c.decode(String.self, forKey: .nameDisplay)
        let masked = try c.decodeIfPresent(String.self, forKey: .phoneMasked)
        guard display == nameDisplay, masked == phoneMasked else {
            throw DecodingError.dataCorruptedError(forKey: .nameDisplay, in: c, debugDescription: "display forms do not match the contact")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if encoder.userInfo[.redactPersonalData] as? Bool != true {
            try c.encode(name, forKey: .name)
            try c.encodeIfPresent(phone, forKey: .phone)
        }
        try c.encode(nameDisplay, forKey: .nameDisplay)
        try c.encodeIfPresent(phoneMasked, forKey: .phoneMasked)
    }

    /// 王女士 stays 王女士; 王小明 becomes 王**; Wang Li becomes W***.
    static func displayName(_ name: String) -> String {
        let honorifics = ["女士", "先生", "小姐", "阿姨", "师傅", "老师", "大爷", "奶奶"]
        for h in honorifics where name.hasSuffix(h) && name.count > h.count {
            return String(name.prefix(name.count - h.count).prefix(1)) + h
        }
        guard let first = name.first else { return "" }
        return String(first) + String(repeating: "*", count: min(max(name.count - 1, 1), 3))
    }

    /// 13812345678 becomes 138****5678; short numbers keep their last four digits only.
    static func mask(_ digits: String) -> String {
        if digits.count == 11 { return digits.prefix(3) + "****" + digits.suffix(4) }
        return String(repeating: "*", count: max(digits.count - 4, 0)) + digits.suffix(4)
    }
}

public enum ContactError: Error, Equatable, CustomStringConvertible {
    case badName, badPhone
    public var description: String {
        switch self {
        case .badName: "reporter name is empty, too long or has control characters"
        case .badPhone: "phone is not a phone number (7 to 12 digits, optionally +86)"
        }
    }
}

extension CodingUserInfoKey {
    /// When true, a `Contact` encodes only its display forms: for output that leaves the desk
    /// (`show --json`, the dashboard's feeds).
    public static let redactPersonalData = CodingUserInfoKey(rawValue: "casebook.redactPersonalData")!
}
