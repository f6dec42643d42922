import Foundation

extension CaseEntry {
    /// The blob id of the case's file, in hex: with the page's facts it fingerprints a case page
    /// of `casebook site`, so that an unchanged case is not rendered again.
    package var blobHex: String { blob.hex }
}
