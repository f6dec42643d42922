import Foundation

/// Reads `records/casebook.json` straight from its bytes into `Settings`, without `JSONDecoder`.
///
/// Every command reads the settings first, and a centre that lists its units 房号 there (thousands
/// of them) made `JSONDecoder` spend a tenth of a short command's instructions on that one list.
/// Like `CaseFileReader`, whose JSON reading it shares, it is a fast path and not a second
/// definition: it accepts only what it fully understands (every key known, every value of the
/// expected type, no key twice) and gives nil otherwise, so that `RecordJSON.decode` falls back
/// to `JSONDecoder`, which decodes the file or names its fault as before. A test keeps both paths
/// equal on the settings `init` writes, a simulated centre's and damaged copies of them.
enum SettingsReader {
    /// The settings in `data`, or nil where `JSONDecoder` must decide.
    static func read(_ data: Data) -> Settings? {
        CaseFileReader.whole(data) { r throws(CaseFileReader.GiveUp) in try r.settings() }
    }
}

extension CaseFileReader.Reader {
    mutating func settings() throws(GiveUp) -> Settings {
        typealias Reader = CaseFileReader.Reader
        var format: String?, site: String?, timeZone: String?, locale: String?, profile: String?, idPrefix: String?
        var requireSignatures: Bool?, signatures: SignaturePolicy?, retentionYears: Int?, units: [String]?
        var accountabilityPage: Bool?, layout: CaseLayout?
        try object { r, key throws(GiveUp) in
            switch key {
            case "format": format = try r.string()
            case "site": site = try r.string()
            case "timeZone": timeZone = try r.string()
            case "locale": locale = try r.string()
            case "profile": profile = try r.string()
            case "idPrefix": idPrefix = try r.string()
            case "requireSignatures": requireSignatures = try r.bool()
            case "signatures": signatures = try r.optional { r throws(GiveUp) in try r.raw(SignaturePolicy.self) }
            case "retentionYears": retentionYears = try r.optional { r throws(GiveUp) in try r.int() }
            case "units": units = try r.optional { r throws(GiveUp) in try r.array { r throws(GiveUp) in try r.string() } }
            case "accountabilityPage": accountabilityPage = try r.optional { r throws(GiveUp) in try r.bool() }
            case "layout": layout = try r.optional { r throws(GiveUp) in try r.raw(CaseLayout.self) }
            default: throw GiveUp()
            }
        }
        var settings = Settings(site: try Reader.need(site), timeZone: try Reader.need(timeZone), locale: try Reader.need(locale),
                                profile: try Reader.need(profile), idPrefix: try Reader.need(idPrefix),
                                requireSignatures: try Reader.need(requireSignatures))
        settings.format = try Reader.need(format)
        settings.signatures = signatures
        settings.retentionYears = retentionYears
        settings.units = units
        settings.accountabilityPage = accountabilityPage
        settings.layout = layout
        return settings
    }
}
