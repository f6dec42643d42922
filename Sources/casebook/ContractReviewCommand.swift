import ArgumentParser
import CaseModel
import CasebookEngine
import Procedures

extension ContractReviewPoint: ExpressibleByArgument {}

extension Casebook.ContractCommand {
    /// `casebook contract review ID --point POINT=ok:FINDING … --reviewer ID …`: the written review
    /// record 评审记录 (002 篇3 §4.4, §4.11), recorded by the general manager or the assistant GM
    /// who organised it.
    struct ContractReview: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "review",
            abstract: "Record a contract's review (§4.4): every point of §4.4.2 with its finding, and the reviewers.",
            discussion: """
            Providing services (§4.4.2 a): \(ContractReviewPoint.required(for: .providing).map(\.rawValue).joined(separator: ", ")).
            Buying services (§4.4.2 b): \(ContractReviewPoint.required(for: .buying).map(\.rawValue).joined(separator: ", ")).
            The review passes when every point is ok. Which review is due follows from the contract: the new contract's,
            a requested change's, termination's or renewal's, or a completed important contract's effect.
            Example: casebook contract review H-1a2b3c4d --point capability=ok:人员设备齐备 --point price=ok:与市场价相当 … \\
                       --reviewer zhang.zjl --reviewer wu.jy --reviewer zhao.gong --as zhang.zjl
            """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var clock: NowOption
        @Argument(help: "The contract's id, e.g. H-1a2b3c4d.") var id: String
        @Option(name: .customLong("point"), help: ArgumentHelp("A point and its finding: POINT=ok:FINDING or POINT=fail:FINDING (repeat).", valueName: "point"))
        var points: [String] = []
        @Option(name: .customLong("reviewer"), help: ArgumentHelp("A reviewer's staff id (repeat; the organiser is one).", valueName: "staff-id"))
        var reviewers: [String] = []

        /// `POINT=ok:FINDING` as a finding.
        static func finding(_ given: String) throws -> ContractFinding {
            let parts = given.split(separator: "=", maxSplits: 1)
            let verdict = parts.count == 2 ? parts[1].split(separator: ":", maxSplits: 1) : []
            guard parts.count == 2, let point = ContractReviewPoint(rawValue: String(parts[0])), verdict.count == 2,
                  verdict[0] == "ok" || verdict[0] == "fail" else {
                throw Failure(key: "badPoint", "\(oneLine(given, limit: 60))")
            }
            return ContractFinding(point: point, acceptable: verdict[0] == "ok", finding: try CaseModel.Contact.maskMobiles(text(String(verdict[1]), field: "--point \(point.rawValue)", limit: 500)))
        }

        func run() throws {
            let findings = try points.map(Self.finding)
            try Casebook.ContractCommand.step(id, global, clock, .review, subject: "reviewed", clause: "002 篇3 §4.4") { step, old, ws in
                guard let purpose = ContractStepOrder.reviewDue(old.state, old) else {
                    throw Failure.about(old.id, Refusal(rule: "contract-order", clause: "002 篇3 §4.4", "no review is due: the contract is \(old.state.status.rawValue)",
                                                        template: .init(.contractReviewNotDue, [.contractStatus(old.state.status)])))
                }
                let panel = try reviewers.map { try ws.registered($0, field: "--reviewer") }
                step.review = CaseModel.ContractReview(purpose: purpose, findings: findings, reviewers: panel.isEmpty ? [step.by] : panel,
                                                       passed: !findings.isEmpty && findings.allSatisfy(\.acceptable))
            }
        }
    }
}
