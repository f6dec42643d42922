import Foundation

/// The one way casebook writes and reads its JSON files: keys sorted, two-space indentation,
/// Chinese text and `/` as they are, a final newline. Same value → same bytes → same blob id.
public enum RecordJSON {
    /// - Parameter redacted: leave residents' full names and phone numbers out (display forms only).
    public static func encode<T: Encodable>(_ value: T, redacted: Bool = false) throws -> Data {
        let encoder = JSONEncoder()
        if redacted { encoder.userInfo[.redactPersonalData] = true }
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }

    /// Decodes `data`, turning Foundation's long messages into one line that names the field.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data, file: String) throws(RecordError) -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw RecordError.malformed(file: file, detail: describe(error))
        } catch {
            throw RecordError.malformed(file: file, detail: "not valid JSON")
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            let p = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return p.isEmpty ? "(top level)" : String(p.drop(while: { $0 == "." }))
        }
        switch error {
        case .keyNotFound(let key, let ctx): return "\(path(ctx.codingPath + [key])): missing"
        case .typeMismatch(_, let ctx): return "\(path(ctx.codingPath)): wrong type"
        case .valueNotFound(_, let ctx): return "\(path(ctx.codingPath)): null where a value is required"
        case .dataCorrupted(let ctx):
            if ctx.codingPath.isEmpty { return "not valid JSON" }
            return "\(path(ctx.codingPath)): \(ctx.debugDescription)"
        @unknown default: return "unreadable"
        }
    }
}

public enum RecordError: Error, Equatable, CustomStringConvertible {
    case malformed(file: String, detail: String)
    public var description: String {
        switch self {
        case .malformed(let file, let detail): "\(file): \(detail)"
        }
    }
}
