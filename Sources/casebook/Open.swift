import ArgumentParser
import CaseModel
import Procedures

extension Casebook {
    /// `casebook open`: intake 受理登记. Prints the new case id alone on stdout.
    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a new request (intake); prints the new case id.",
            discussion: """
            The receiver (--as) becomes the case's first-responsible person 首问责任人.
            Example: casebook open --as li.na --kind complaint --severity important --channel phone \\
                       --unit 3-2-1801 --reporter 王女士 --phone 13812345678 --summary 楼道灯不亮
            """
        )

        @OptionGroup var global: GlobalOptions

        @Option(help: "Kind 诉求类别: \(Kind.allCases.map(\.rawValue).joined(separator: ", ")).") var kind: Kind
        @Option(help: "Complaint severity 投诉等级: major, important, minor (complaints only).") var severity: Severity?
        @Option(help: "Repair size 维修类别: small, medium, large (repairs only).") var repairSize: RepairSize?
        @Option(help: "Channel 诉求方式: \(Channel.allCases.map(\.rawValue).joined(separator: ", ")).") var channel: Channel
        @Option(help: "Unit 房号, e.g. 3-2-1801.") var unit: String?
        @Option(help: "Reporter's name 反映人, e.g. 王女士.") var reporter: String
        @Option(help: "Reporter's phone 联系电话.") var phone: String?
        @Option(help: "The matter 事由, one line.") var summary: String
        @Option(help: "Details 详细情况.") var details: String?
        @Option(help: "Cause, where the profile's deadlines depend on it (mall 001 篇2 §4.6): \(Cause.allCases.map(\.rawValue).joined(separator: ", ")).")
        var cause: Cause?
        @Option(help: ArgumentHelp("The date the owner asked for (minor complaints are due then).", valueName: "time")) var requestedBy: String?

        func validate() throws {
            if kind == .complaint, severity == nil {
                throw ValidationError("--severity: required for a complaint (major, important or minor; 002 篇5 §4)")
            }
            if kind != .complaint, severity != nil {
                throw ValidationError("--severity: only complaints have a severity")
            }
            if kind == .repair, repairSize == nil {
                throw ValidationError("--repair-size: required for a repair (small, medium or large; 001 §5.4.2)")
            }
            if kind != .repair, repairSize != nil {
                throw ValidationError("--repair-size: only repairs have a size")
            }
        }

        func run() throws {
            let first = try global.workspace()
            _ = try first.actor(global.actor)
            let at = try first.eventTime(global.at)
            // The resident's key is on disk before the commit that needs it is made; made once,
            // whatever the retries below.
            let contact: Contact = try first.keys.update { store in
                do {
                    let key = try store.key(forPhone: phone, now: at.description)
                    return try Contact(name: reporter, phone: phone, key: key)
                } catch let error as ContactError {
                    throw Failure("--\(error == .badPhone ? "phone" : "reporter"): \(error)")
                }
            }
            let name = reporter.trimmingCharacters(in: .whitespaces)
            let id = try Retry.onConcurrentUpdate { () throws -> CaseID in
                let ws = try global.workspace()
                let actor = try ws.actor(global.actor)
                var requested: Timestamp?
                if let requestedBy {
                    guard let t = Timestamp.parse(requestedBy, defaultZone: ws.zone), t > at else {
                        throw Failure("--requested-by: '\(oneLine(requestedBy, limit: 40))' is not an ISO 8601 time after intake")
                    }
                    requested = t
                }
                let intake = Intake(
                    receivedAt: at, channel: channel, kind: kind, severity: severity, repairSize: repairSize,
                    unit: try unit.map { try text($0, field: "--unit", limit: 40) }, reporter: contact,
                    summary: Contact.scrub(try text(summary, field: "--summary", limit: 200), fullName: name),
                    details: try details.map { Contact.scrub(try text($0, field: "--details"), fullName: name) },
                    requestedBy: requested, firstResponder: actor.id, cause: cause)
                return try ws.open(intake, by: actor).id
            }
            print(id.rawValue)
        }
    }
}
