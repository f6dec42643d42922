import CaseModel

/// The last guard before a page leaves the desk: free text typed by staff may still hold a
/// resident's phone number or full name, so every case text shown passes through `scrub`.
enum Privacy {
    /// Residents' full names with their display forms, found in a text by their first two
    /// characters: scrubbing a text costs its length, not the number of residents.
    struct Names {
        /// By the first two characters of the full name: (full name as characters, display form),
        /// longest first, so 王小明 is replaced before a shorter 王小 could match inside it.
        fileprivate var byStart: [String: [([Character], String)]] = [:]
        /// Every full name, for a render key.
        fileprivate(set) var all: [String] = []
    }

    /// The names of `reporters`. Names already in display form (王女士) and one-character names
    /// are left out.
    static func names(of reporters: [Contact]) -> Names {
        var seen: Set<String> = []
        var names = Names()
        for r in reporters {
            let full = r.reveal().name
            guard full.count >= 2, full != r.nameDisplay, seen.insert(full).inserted else { continue }
            let chars = Array(full)
            names.byStart[String(chars[0..<2]), default: []].append((chars, r.nameDisplay))
        }
        for key in names.byStart.keys { names.byStart[key]?.sort { $0.0.count > $1.0.count } }
        names.all = seen.sorted()
        return names
    }

    /// `text` with every mainland mobile number (1[3-9] and nine digits) masked as 138****5678,
    /// and every known resident's full name (any case's reporter, not only this one's: staff
    /// write "王小明 called about 刘晓燕's flat") replaced by its display form.
    static func scrub(_ text: String, names: Names) -> String {
        let chars = Array(text)
        var out = ""
        var i = 0
        scanning: while i < chars.count {
            if i + 1 < chars.count, let candidates = names.byStart[String(chars[i...i + 1])] {
                for (full, display) in candidates where i + full.count <= chars.count && chars[i..<i + full.count].elementsEqual(full) {
                    out += display
                    i += full.count
                    continue scanning
                }
            }
            out.append(chars[i])
            i += 1
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
