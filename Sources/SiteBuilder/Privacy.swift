import CaseModel

/// The last guard before a page leaves the desk: free text typed by staff may still hold a
/// resident's phone number or full name, so every case text shown passes through `scrub`.
enum Privacy {
    /// The full names of `reporters` with their display forms, longest first (so 王小明 is
    /// replaced before a shorter 王小 could match inside it). Names already in display form
    /// (王女士) and one-character names are left out.
    static func names(of reporters: [Contact]) -> [(full: String, display: String)] {
        var seen: Set<String> = []
        var out: [(full: String, display: String)] = []
        for r in reporters {
            let full = r.reveal().name
            guard full.count >= 2, full != r.nameDisplay, seen.insert(full).inserted else { continue }
            out.append((full, r.nameDisplay))
        }
        return out.sorted { $0.full.count > $1.full.count }
    }

    /// `text` with every mainland mobile number (1[3-9] and nine digits) masked as 138****5678,
    /// and every known resident's full name (any case's reporter, not only this one's: staff
    /// write "王小明 called about 刘晓燕's flat") replaced by its display form.
    static func scrub(_ text: String, names: [(full: String, display: String)]) -> String {
        var out = text
        for (full, display) in names where out.contains(full) {
            out = out.replacingOccurrences(of: full, with: display)
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
