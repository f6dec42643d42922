import Foundation
import Testing

/// A zh-Hans repository read with LANG, LC_ALL and LANGUAGE unset: every command that prints
/// sentences, the hook's refusals of a plain `git commit`, and the common failures print no
/// English sentence.
@Suite struct ChineseDeskTests {
    /// The first English sentence of `text`: two ASCII words of letters in a row. Ids, field
    /// names (`events[1]`), flags and their values (`--reason <reason>`), paths, emails and
    /// commands (`casebook check`) are not words; a refusal's `[规则 rule；clause]` names the
    /// rule and its clause as they are written and is left out.
    static func englishSentence(in text: String) -> String? {
        let word = /[A-Za-z]{2,}[,;:.!?]?/
        for line in text.split(separator: "\n") {
            var cleaned = String(line).replacing(/\[规则[^\]]*\]/, with: "")
            cleaned = cleaned.replacing(/casebook [a-z-]+/, with: "casebook-command")
            let tokens = cleaned.split(whereSeparator: { $0 == " " || $0 == "\t" })
            for (a, b) in zip(tokens, tokens.dropFirst()) where a.wholeMatch(of: word) != nil && b.wholeMatch(of: word) != nil {
                return "\(a) \(b) in: \(line)"
            }
        }
        return nil
    }

    @Test func theSentenceFinderFindsEnglishAndOnlyEnglish() {
        #expect(Self.englishSentence(in: "错误：case C-20261122-T01-9999: no such case") != nil)
        #expect(Self.englishSentence(in: "李娜（li.na），2026-11-22 09:00：共 1 项\n2026-11-22 09:00\t本人处理中\tC-1\t投诉") == nil)
        #expect(Self.englishSentence(in: "错误：缺少参数 --reason <reason>\n用法见 casebook escalate --help") == nil)
        #expect(Self.englishSentence(in: "x：li.na（前台接待员）无权关闭 [规则 role；002 篇2 §4.1; DESIGN: one commit per step]") == nil)
    }

    @Test func aChineseDeskReadsNoEnglish() throws {
        let (prepared, id) = try RefusalTests.prepared()
        var box = prepared
        defer { box.remove() }
        for k in ["LANG", "LC_ALL", "LANGUAGE"] { box.env[k] = nil }
        #expect(try String(contentsOfFile: box.repo + "/records/casebook.json", encoding: .utf8).contains("\"zh-Hans\""))
        let now = "2026-11-22T10:00:00+08:00"
        try box.ok(["note", id, "已联系工程部", "--as", "li.na"], now: now)

        var printed: [(String, Outcome)] = []
        func run(_ args: [String], fails: Bool) throws {
            let o = try box.cb(args, now: now)
            #expect((o.status != 0) == fails, "casebook \(args.joined(separator: " ")): exit \(o.status) \(o.stderr)")
            printed.append((args.joined(separator: " "), o))
        }
        for args in [["today", "--as", "li.na"], ["today", "--as", "zhou.jl"], ["list"], ["list", "--open"], ["report", "--month", "2026-11"],
                     ["log", id], ["show", id]] {
            try run(args, fails: false)
        }
        for args in [["show", "C-20261122-T01-9999"], ["log", "C-20261122-T01-9999"],
                     ["close", id, "--as", "li.na"],                                  // wrong role
                     ["close", id, "--as", "chen.jie"],                               // close before resolve
                     ["open", "--as", "li.na", "--kind", "inquiry", "--channel", "phone", "--reporter", "钱先生", "--phone", "12", "--summary", "咨询"],
                     ["open", "--as", "li.na", "--kind", "complaint", "--channel", "phone", "--reporter", "钱先生", "--summary", "投诉"],
                     ["open", "--as", "li.na", "--kind", "nope", "--channel", "phone", "--reporter", "钱先生", "--summary", "投诉"],
                     ["note", id, "x", "--as", "nobody"], ["escalate", id, "--to", "manager", "--as", "li.na"],
                     ["report", "--month", "2026-13"], ["note", id, "x", "--as", "li.na", "--at", "2027-01-01T00:00"],
                     ["list", "--bogus"], ["check", "--range", "nope"]] {
            try run(args, fails: true)
        }

        // The hook refuses plain git commits of bad hand edits: another person's event, and an event
        // earlier than the case's last.
        let hooks = HookTests()
        try hooks.appendNoteByHand(box, id: id, by: "li.na", at: "2026-11-22T10:00:00+08:00")
        var o = try hooks.commitByHand(box, as: "chen.jie@cuihu.example", name: "陈洁")
        #expect(o.status == 1 && o.stderr.contains("author"), "\(o.stderr)")
        printed.append(("git commit (author)", o))
        try box.git(["checkout", "--", "."])
        try hooks.appendNoteByHand(box, id: id, by: "li.na", at: "2026-11-22T09:01:00+08:00")
        o = try hooks.commitByHand(box, as: "li.na@cuihu.example", name: "李娜")
        #expect(o.status == 1 && o.stderr.contains("time-order"), "\(o.stderr)")
        printed.append(("git commit (time-order)", o))

        for (what, o) in printed {
            #expect(!(o.stdout + o.stderr).isEmpty, "\(what) printed nothing (exit \(o.status))")
            let english = Self.englishSentence(in: o.stdout + o.stderr)
            #expect(english == nil, "\(what): \(english ?? "")")
        }
    }
}
