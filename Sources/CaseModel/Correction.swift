/// A mistaken intake entry put right 更正 by a new event, never by editing history
/// (004 §4.1 "记清楚"; 000 篇2 §5.0: records are kept as made). The event names the field, the
/// value it replaces, the new value, and the reason.
///
/// The reporter's name and phone are personal data: like `Contact`, a correction of either keeps
/// the full values only in the case file, and encodes display forms (王女士, 138****5678) beside
/// them; output that leaves the desk (`redactPersonalData`) carries the display forms only.
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
    /// The value replaced, as the intake held it ("" for an empty optional field).
    public var from: String
    /// The new value ("" empties an optional field).
    public var to: String

    public init(field: Field, from: String, to: String) {
        self.field = field
        self.from = from
        self.to = to
    }

    /// The value of `field` in `intake`, as a correction names it.
    public static func value(of field: Field, in intake: Intake) -> String {
        switch field {
        case .unit: intake.unit ?? ""
        case .summary: intake.summary
        case .details: intake.details ?? ""
        case .reporter: intake.reporter.reveal().name
        case .phone: intake.reporter.reveal().phone ?? ""
        case .channel: intake.channel.rawValue
        }
    }

    /// `intake` with the correction applied.
    /// - Throws: `CorrectionError` when the new value is not a value of the field.
    public func applied(to intake: Intake) throws(CorrectionError) -> Intake {
        var i = intake
        let (name, phone) = intake.reporter.reveal()
        switch field {
        case .unit: i.unit = to.isEmpty ? nil : to
        case .summary: i.summary = to
        case .details: i.details = to.isEmpty ? nil : to
        case .reporter:
            guard let c = try? Contact(name: to, phone: phone) else { throw .badValue(field) }
            i.reporter = c
        case .phone:
            guard let c = try? Contact(name: name, phone: to.isEmpty ? nil : to) else { throw .badValue(field) }
            i.reporter = c
        case .channel:
            guard let c = Channel(rawValue: to) else { throw .badValue(field) }
            i.channel = c
        }
        return i
    }

    /// A value as a screen or page may show it: personal data masked.
    public func display(_ value: String) -> String {
        guard field.isPersonal, !value.isEmpty else { return value }
        return field == .phone ? Contact.mask(value) : Contact.displayName(value)
    }

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

extension Correction: Codable {
    private enum CodingKeys: String, CodingKey {
        case field, from, to, fromDisplay, toDisplay
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        field = try c.decode(Field.self, forKey: .field)
        from = try c.decode(String.self, forKey: .from)
        to = try c.decode(String.self, forKey: .to)
        if field.isPersonal {
            guard try c.decode(String.self, forKey: .fromDisplay) == fromDisplay,
                  try c.decode(String.self, forKey: .toDisplay) == toDisplay else {
                throw DecodingError.dataCorruptedError(forKey: .fromDisplay, in: c, debugDescription: "display forms do not match the correction")
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(field, forKey: .field)
        if !field.isPersonal || encoder.userInfo[.redactPersonalData] as? Bool != true {
            try c.encode(from, forKey: .from)
            try c.encode(to, forKey: .to)
        }
        if field.isPersonal {
            try c.encode(fromDisplay, forKey: .fromDisplay)
            try c.encode(toDisplay, forKey: .toDisplay)
        }
    }
}
