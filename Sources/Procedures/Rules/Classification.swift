import CaseModel

/// A complaint has a severity 投诉等级 (002 篇5 §4), a repair a size 维修类别 (001 §5.4.2), and
/// nothing else has either; only complaints are judged valid 有效投诉 (001 篇2 §4.5). Checked on
/// `open` and on `reclassify`, which must also change something.
public struct Classification: CaseRule {
    public let name = "classification"
    public static let clause = "002 篇5 §4; 001 §5.4.2"
    public init() {}

    public func check(_ step: Step) throws(Refusal) {
        let e = step.event
        switch e.action {
        case .open:
            guard let intake = e.intake else { return }
            try consistent(kind: intake.kind, severity: intake.severity, size: intake.repairSize)
        case .reclassify:
            guard let previous = step.previous else { return }
            guard e.kind != nil || e.severity != nil || e.repairSize != nil || e.cause != nil || e.valid != nil || e.against != nil else {
                throw refuse(StatusAllows.from(.reclassify).clause, "reclassify changes nothing", .init(.classificationNothing, []))
            }
            let kind = e.kind ?? previous.intake.kind
            let severity = e.kind != nil || e.severity != nil ? e.severity : previous.intake.severity
            let size = e.kind != nil || e.repairSize != nil ? e.repairSize : previous.intake.repairSize
            try consistent(kind: kind, severity: severity, size: size)
            if e.valid != nil, kind != .complaint {
                throw refuse("001 篇2 §4.5", "only complaints are valid or invalid", .init(.classificationValid, []))
            }
        default:
            return
        }
    }

    func consistent(kind: Kind, severity: Severity?, size: RepairSize?) throws(Refusal) {
        guard (kind == .complaint) == (severity != nil), (kind == .repair) == (size != nil) else {
            throw refuse(Self.clause, "a complaint needs a severity and a repair a size, and nothing else has either", .init(.classification, []))
        }
    }
}
