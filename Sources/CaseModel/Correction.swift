/// A mistaken intake entry put right 更正 by a new event, never by editing history
/// (004 §4.1 "记清楚"; 000 篇2 §5.0: records are kept as made). The event names the field, the
/// value it replaces, the new value, and the reason.
///
/// The reporter's name and phone are personal data: a correction of either never holds the full
/// values. `from` and `to` are their display forms (王女士, 138****5678), and `contact` is the
/// reporter sealed anew under the resident's key with the corrected value (the command seals it;
/// the fold and the hook need no key).
public struct Correction: Equatable, Sendable {
    /// A field of the intake that may be corrected.
    public enum Field: String, Codable, CaseIterable, Sendable {
        /// 房号
        case unit = "intake.unit"
        /// 事由
        case summary = "intake.summary"
        /// 详细情况
        case details = "intake.details"
        /// 反映人
        case reporter = "intake.reporter"
        /// 联系电话
        case phone = "intake.phone"
        /// 诉求方式
        case channel = "intake.channel"

        /// Whether the values are a resident's personal data.
        public var isPersonal: Bool { self == .reporter || self == .phone }
        /// Whether the field may be emptied (it is optional on the intake form).
        public var isOptional: Bool { self == .unit || self == .details || self == .phone }
    }

    public var field: Field
    /// The value replaced, as the intake held it ("" for an empty optional field); for the name
    /// or phone, its display form.
    public var from: String
    /// The new value ("" empties an optional field); for the name or phone, its display form.
    public var to: String
    /// For the name or phone: the reporter sealed with the corrected value.
    public var contact: Contact?

    public init(field: Field, from: String, to: String, contact: Contact? = nil) {
        self.field = field
        self.from = from
        self.to = to
        self.contact = contact
    }

    /// The value of `field` in `intake`, as a correction names it.
    public static func value(of field: Field, in intake: Intake) -> String {
        switch field {
        case .unit: intake.unit ?? ""
        case .summary: intake.summary
        case .details: intake.details ?? ""
        case .reporter: intake.reporter.nameDisplay
        case .phone: intake.reporter.phoneMasked ?? ""
        case .channel: intake.channel.rawValue
        }
    }

    /// `intake` with the correction applied.
    /// - Throws: `CorrectionError` when the new value is not a value of the field.
    public func applied(to intake: Intake) throws(CorrectionError) -> Intake {
        var i = intake
        switch field {
        case .unit: i.unit = to.isEmpty ? nil : to
        case .summary: i.summary = to
        case .details: i.details = to.isEmpty ? nil : to
        case .reporter:
            // The same resident, the new name, the phone as it was.
            guard let c = contact, c.resident == intake.reporter.resident, c.nameDisplay == to,
                  c.phoneMasked == intake.reporter.phoneMasked else { throw .badValue(field) }
            i.reporter = c
        case .phone:
            guard let c = contact, c.resident == intake.reporter.resident, c.phoneMasked == (to.isEmpty ? nil : to),
                  c.nameDisplay == intake.reporter.nameDisplay else { throw .badValue(field) }
            i.reporter = c
        case .channel:
            guard let c = Channel(rawValue: to) else { throw .badValue(field) }
            i.channel = c
        }
        return i
    }

    /// A value as a screen or page may show it (the name and phone are held as display forms).
    public func display(_ value: String) -> String { value }

    public var fromDisplay: String { display(from) }
    public var toDisplay: String { display(to) }
}

public enum CorrectionError: Error, Equatable, CustomStringConvertible {
    case badValue(Correction.Field)
    public var description: String {
        switch self {
        case .badValue(let f): "the new value is not a valid \(f.rawValue)"
        }
    }
}

extension Correction: Codable {}
