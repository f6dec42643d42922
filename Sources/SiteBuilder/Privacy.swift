import CaseModel

/// The last guard before a page leaves the desk: free text typed by staff may still hold a
/// resident's phone number or full name, so every case text shown passes through `scrub`.
enum Privacy {
    /// `text` with every mainland mobile number (1[3-9] and nine digits) masked as 138****5678,
    /// and the reporter's full name replaced by its display form.
    static func scrub(_ text: String, reporter: Contact? = nil) -> String {
        var out = text
        if let reporter {
            let full = reporter.reveal().name
            if full.count >= 2, full != reporter.nameDisplay {
                out = out.replacingOccurrences(of: full, with: reporter.nameDisplay)
            }
        }
        return maskPhones(out)
    }

    /// Every run of 11 ASCII digits starting 1[3-9], anywhere in `text`, masked in the middle.
    static func maskPhones(_ text: String) -> String {
        var chars = Array(text.unicodeScalars)
        func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
        var i = 0
        while i + 11 <= chars.count {
            if chars[i] == "1", chars[i + 1].value >= 51, chars[i + 1].value <= 57,
               chars[i..<(i + 11)].allSatisfy(isDigit) {
                for k in (i + 3)..<(i + 7) { chars[k] = "*" }
                i += 11
            } else {
                i += 1
            }
        }
        var s = String.UnicodeScalarView()
        s.append(contentsOf: chars)
        return String(s)
    }
}
