import CaseModel
import Foundation
import SiteBuilder

/// The language of this run's messages: `LANG` when it names English or Chinese, else the
/// repository's `locale` once a workspace is open, else 简体中文.
package enum DeskLanguage {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var locale: String?

    /// Called when a workspace opens: its `locale` decides where `LANG` does not.
    package static func use(locale: String) {
        lock.withLock { Self.locale = locale }
    }

    package static var current: Language {
        let repoLocale = lock.withLock { locale }
        return Language.forUser(lang: ProcessInfo.processInfo.environment["LANG"], locale: repoLocale)
    }

    package static var strings: Strings { Strings(current) }
}

/// Who answered "who is recording?" in this run, so a command asks it once.
package enum AskedActor {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var stored: StaffID?

    package static var id: StaffID? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
