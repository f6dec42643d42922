import ArgumentParser
import CaseModel
import CasebookEngine
import Foundation
import GitStore
import Procedures
import SiteBuilder

extension ReviewKind: ExpressibleByArgument {}

extension Casebook {
    /// `casebook review daily|weekly|records`: a review sign-off, one signed commit.
    struct ReviewCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "review",
            abstract: "Sign a review: the day's intake log, last week's log, or the week's complaint and revisit records.",
            discussion: """
            daily    the supervisor reviews one day's intake log (002 篇1 §4.3); due by the end of the next day.
            weekly   the manager reviews a Monday-to-Sunday week's intake log (002 篇1 §4.9); due by the end of
                     the following Monday.
            records  the supervisor signs the week's complaint and revisit records (000 §1(8)–(9)); due as weekly.
            The period's late entries (补录: steps recorded in the period with an earlier stated time) are listed
            after the review's line, with both times and the reason.
            The review records the cases it covered with the blob id of each file as reviewed, the reviewer
            and the opinion, in records/reviews/<kind>/<first day>.json; a review is never changed.
            --date names a day of the period (default: today for daily, a day of last week otherwise).
            Example: casebook review daily --opinion "记录完整，2 件待跟进" --as wang.zg
            """
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "daily, weekly or records.") var kind: ReviewKind
        @Option(help: ArgumentHelp("A day of the period, YYYY-MM-DD.", valueName: "day")) var date: String?
        @Option(help: "The reviewer's opinion (签署意见).") var opinion: String

        func validate() throws {
            guard !opinion.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw ValidationError("--opinion: must not be empty") }
            guard opinion.count <= 2000 else { throw ValidationError("--opinion: at most 2000 characters") }
        }

        /// Tried again on the new HEAD (a bounded number of times) if another process commits meanwhile.
        func run() throws { try Retry.onConcurrentUpdate { try attempt() } }

        func attempt() throws {
            let ws = try global.workspace()
            let (path, record) = try ws.signReview(kind, day: date, opinion: opinion, as: global.actor)
            let period = (from: record.from, to: record.to)
            print("\(path)\t\(record.cases.count) cases")
            // The period's late entries 补录, which the day's log as kept does not show (002 篇1 §4.2).
            let late = Reviews.lateEntries(from: period.from, to: period.to, cases: try ws.allCases(), in: ws.zone)
            if !late.isEmpty {
                let s = DeskLanguage.strings
                print(s.fill("reviewLateEntries", ["\(late.count)"]))
                for row in late {
                    print("  \(s["lateEntry"])  \(row.id.rawValue)  events[\(row.index)] \(s.action(row.event.action))  \(row.event.by.rawValue)  "
                          + "\(s["statedAt"]) \(row.event.at)  \(s["recordedAt"]) \(row.event.recorded)  \(s["lateReason"]) \(Contact.maskMobiles(row.event.lateReason ?? "-"))")
                }
            }
        }
    }
}
