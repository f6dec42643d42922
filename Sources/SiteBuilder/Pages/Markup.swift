/// A piece of HTML. Written as a string literal whose interpolations escape by default:
/// `"<td>\(row.summary)</td>"` escapes the summary; a `Markup` or an `Int` is put in as it is,
/// and `\(if: late, " class=\"late\"")` adds markup only when a condition holds. The page types
/// of this folder write every page this way, so no value reaches a page unescaped unless its
/// type says it is markup already.
struct Markup: ExpressibleByStringInterpolation, Sendable {
    private(set) var html: String

    init() { html = "" }

    init(stringLiteral value: String) { html = value }

    init(stringInterpolation: Interpolation) { html = stringInterpolation.html }

    static func += (lhs: inout Markup, rhs: Markup) { lhs.html += rhs.html }

    /// `items`, each made into markup by `body`, one after the other.
    static func each<T>(_ items: [T], _ body: (T) -> Markup) -> Markup {
        var out = Markup()
        for item in items { out += body(item) }
        return out
    }

    struct Interpolation: StringInterpolationProtocol {
        fileprivate var html: String

        init(literalCapacity: Int, interpolationCount: Int) {
            html = ""
            html.reserveCapacity(literalCapacity + interpolationCount * 24)
        }

        mutating func appendLiteral(_ literal: String) { html += literal }

        /// Text, HTML-escaped.
        mutating func appendInterpolation(_ text: String) { Markup.escape(text, into: &html) }

        mutating func appendInterpolation(_ number: Int) { html += String(number) }

        /// Markup made already (a row, a section): put in as it is.
        mutating func appendInterpolation(_ markup: Markup) { html += markup.html }

        /// `markup` when `condition` holds, else nothing.
        mutating func appendInterpolation(if condition: Bool, _ markup: @autoclosure () -> Markup) {
            if condition { html += markup().html }
        }
    }

    /// HTML escaping of text: the five replacements `<`, `>`, `&`, `"`, `'` made on the UTF-8
    /// bytes (as the dashboard's Mustache templates did before the typed pages; bytes are the safe unit, since a `<`
    /// followed by a combining mark is one `Character` but still a `<` to a browser).
    static func escape(_ text: String, into out: inout String) {
        let utf8 = text.utf8
        var start = utf8.startIndex
        var i = start
        while i != utf8.endIndex {
            let replacement: String? = switch utf8[i] {
            case 0x3C: "&lt;"
            case 0x3E: "&gt;"
            case 0x26: "&amp;"
            case 0x22: "&quot;"
            case 0x27: "&#39;"
            default: nil
            }
            let next = utf8.index(after: i)
            if let replacement {
                out += text[start..<i]
                out += replacement
                start = next
            }
            i = next
        }
        out += text[start..<utf8.endIndex]
    }

    /// `text`, HTML-escaped.
    static func escaped(_ text: String) -> String {
        var out = ""
        escape(text, into: &out)
        return out
    }
}
