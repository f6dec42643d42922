import Foundation
import GitStore

/// The branch moved (another process committed) or a git lock was held while a step was being
/// recorded: nothing was changed, and the step can be tried again on the new HEAD.
package struct ConcurrentUpdate: Error, CustomStringConvertible {
    package init() {}

    package var description: String { "commit: another commit was made while this step was being recorded; nothing was changed, run the command again" }
}

package enum Retry {
    /// How many times a step is tried before the concurrent update is reported.
    static let attempts = 20

    /// Runs `body` (which must re-read everything it validates: a new workspace at the new HEAD)
    /// until it does not meet a concurrent update, with random back-off, a bounded number of times.
    package static func onConcurrentUpdate<T>(_ body: () throws -> T) throws -> T {
        var delay = 0.01
        for _ in 1..<attempts {
            do {
                return try body()
            } catch is ConcurrentUpdate {
                Thread.sleep(forTimeInterval: Double.random(in: delay / 2...delay))
                delay = min(delay * 2, 0.5)
            }
        }
        return try body()
    }
}
