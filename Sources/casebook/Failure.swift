import Procedures
import SiteBuilder

/// A failure a user reads: one line, naming the field or the rule (with its clause). The common
/// ones also carry a key of the strings table (`failure.<key>`) and its values, so they are said
/// in the user's language; `description` is always the English line.
struct Failure: Error, CustomStringConvertible {
    let description: String
    let key: String?
    let values: [String]
    /// A refusal of the procedures, and the case it concerns.
    let refusal: Refusal?

    init(_ description: String) {
        self.init(description, key: nil, [])
    }

    init(_ description: String, key: String?, _ values: [String]) {
        self.description = description
        self.key = key
        self.values = values
        refusal = nil
    }

    private init(_ description: String, refusal: Refusal, subject: String) {
        self.description = description
        key = nil
        values = [subject]
        self.refusal = refusal
    }

    /// The line in the language of `s`.
    func said(in s: Strings) -> String {
        if let refusal, let subject = values.first { return "\(subject): \(s.say(refusal))" }
        if let key, s.language != .en { return s.fill("failure." + key, values) }
        return description
    }

    /// A refusal of the procedures about case `id`.
    static func refused(_ refusal: Refusal, about id: String) -> Failure {
        Failure("\(id): \(refusal.description)", refusal: refusal, subject: id)
    }
}

extension Refusal {
    /// The refusal prefixed with the case it concerns.
    func about(_ id: String) -> Failure { Failure.refused(self, about: id) }
}
