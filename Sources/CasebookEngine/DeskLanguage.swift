import CaseModel
import Foundation
import SiteBuilder

/// The language of this run's messages: `LANG` when it names English or Chinese, else the
/// repository's `locale` once a workspace is open, else 简体中文. A run of head office pins its
/// company's locale: the centres' workspaces it opens (side by side) then leave it alone, so a
/// refusal found in a centre reads in head office's language, not the last centre's.
package enum DeskLanguage {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var locale: String?
    nonisolated(unsafe) private static var pinned = false

    /// Called when a workspace opens: its `locale` decides where `LANG` does not (unless pinned).
    package static func use(locale: String) {
        lock.withLock { if !pinned { Self.locale = locale } }
    }

    /// The locale of the whole run (a company's): later `use` calls do not change it.
    package static func pin(locale: String) {
        lock.withLock {
            Self.locale = locale
            pinned = true
        }
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
