import Mustache

/// HTML escaping for the templates' `{{ }}`, the same five replacements as swift-mustache's own
/// (`<`, `>`, `&`, `"`, `'`) made on the UTF-8 bytes. The library's escaper looks each
/// `Character` up in a dictionary, which was an eighth of a dashboard build; bytes are also the
/// safer unit, since a `<` followed by a combining mark is one `Character` but still a `<` to a
/// browser. Registered in place of the library's `HTML` content type, which every template
/// names in a `CONTENT_TYPE` pragma when it is registered.
struct ByteEscapedHTML: MustacheContentType {
    /// Registers the content type once per process, before any template is parsed.
    static let registered: Bool = {
        MustacheContentTypes.register(ByteEscapedHTML(), named: "HTML")
        return true
    }()

    func escapeText(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
