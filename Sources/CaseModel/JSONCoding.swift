import Foundation

/// The one way casebook writes and reads its JSON files: keys sorted, two-space indentation,
/// Chinese text and `/` as they are, a final newline. Same value → same bytes → same blob id.
public enum RecordJSON {
    /// - Parameter redacted: leave residents' full names and phone numbers out (display forms only).
    public static func encode<T: Encodable>(_ value: T, redacted: Bool = false) throws -> Data {
        // Case files, written by every step, are written directly where they hold nothing unexpected.
        if !redacted, T.self == CaseFile.self, let file = value as? CaseFile, let data = CaseFileWriter.write(file) { return data }
        let encoder = JSONEncoder()
        if redacted { encoder.userInfo[.redactPersonalData] = true }
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }

    /// Decodes `data`, turning Foundation's long messages into one line that names the field.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data, file: String) throws(RecordError) -> T {
        guard data.count <= maxBytes else {
            throw RecordError.malformed(file: file, detail: "larger than \(maxBytes / 1_000_000) MB (\(data.count) bytes); a record is never that big")
        }
        // Case files, the most read by far, are read directly where they hold nothing unexpected.
        if T.self == CaseFile.self, let file = CaseFileReader.read(data) as? T { return file }
        // So are the settings, which every command reads first (a centre's units can be thousands).
        if T.self == Settings.self, let settings = SettingsReader.read(data) as? T { return settings }
        // And the staff list, the procedures and the calendar, which every state change reads next.
        if T.self == StaffRegistry.self, let registry = StaffReader.read(data) as? T { return registry }
        if T.self == Profile.self, let profile = ProfileReader.read(data) as? T { return profile }
        if T.self == CalendarYear.self, let year = CalendarReader.read(data) as? T { return year }
        // And the samples, every one of which the dashboard reads at every build.
        if T.self == MonthlySample.self, let sample = SampleReader.read(data) as? T { return sample }
        if let depth = nestingBeyond(maxDepth, in: data) {
            throw RecordError.malformed(file: file, detail: "nested deeper than \(maxDepth) levels (at byte \(depth))")
        }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw RecordError.malformed(file: file, detail: oneLine(describe(error), limit: 240))
        } catch {
            throw RecordError.malformed(file: file, detail: "not valid JSON")
        }
    }

    /// The largest record file read: 4 MB (a case with a thousand events is under 1 MB).
    public static let maxBytes = 4_000_000
    /// The deepest nesting of arrays and objects read (case files need 6).
    public static let maxDepth = 64

    /// The offset where `data` nests arrays or objects deeper than `limit`, outside strings; nil if
    /// it never does. Checked before decoding, so hostile input cannot exhaust the stack.
    static func nestingBeyond(_ limit: Int, in data: Data) -> Int? {
        data.withUnsafeBytes { bytes -> Int? in
            var depth = 0, inString = false, escaped = false
            for (offset, byte) in bytes.enumerated() {
                if inString {
                    if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
                    continue
                }
                switch byte {
                case 0x22: inString = true
                case 0x5B, 0x7B:
                    depth += 1
                    if depth > limit { return offset }
                case 0x5D, 0x7D: depth -= 1
                default: break
                }
            }
            return nil
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            let p = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return p.isEmpty ? "(top level)" : String(p.drop(while: { $0 == "." }))
        }
        switch error {
        case .keyNotFound(let key, let ctx): return oneLine("\(path(ctx.codingPath + [key])): missing", limit: 200)
        case .typeMismatch(_, let ctx): return "\(path(ctx.codingPath)): wrong type"
        case .valueNotFound(_, let ctx): return "\(path(ctx.codingPath)): null where a value is required"
        case .dataCorrupted(let ctx):
            if ctx.codingPath.isEmpty { return "not valid JSON" }
            return "\(path(ctx.codingPath)): \(oneLine(ctx.debugDescription))"
        @unknown default: return "unreadable"
        }
    }
}

/// `text` fit for one line of an error message: control characters shown as `\u{…}`, at most
/// `limit` characters (a value quoted from a hostile file must not flood or forge the terminal).
public func oneLine(_ text: some StringProtocol, limit: Int = 120) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
        if out.count >= limit { return out + "…" }
        let category = scalar.properties.generalCategory
        if category == .control || category == .format || category == .lineSeparator || category == .paragraphSeparator {
            out += "\\u{\(String(scalar.value, radix: 16))}"
        } else {
            out.unicodeScalars.append(scalar)
        }
    }
    return out
}

public enum RecordError: Error, Equatable, CustomStringConvertible {
    case malformed(file: String, detail: String)
    public var description: String {
        switch self {
        case .malformed(let file, let detail): "\(file): \(detail)"
        }
    }
}
