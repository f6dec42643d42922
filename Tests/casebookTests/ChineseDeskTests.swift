import Foundation
import Testing

/// A zh-Hans repository read with LANG, LC_ALL and LANGUAGE unset: every command that prints
/// sentences, the hook's refusals of a plain `git commit`, and the common failures print no
/// English sentence.
@Suite struct ChineseDeskTests {
    /// The first English sentence of `text`: two ASCII words of letters in a row. Ids, field
    /// names (`events[1]`), flags and their values (`--reason <reason>`), paths, emails and
    /// commands (`casebook check`, `git config`) are not words; a refusal's `[规则 rule；clause]`
    /// names the rule and its clause as they are written and is left out.
    static func englishSentence(in text: String) -> String? {
        let word = /[A-Za-z]{2,}[,;:.!?]?/
        for line in text.split(separator: "\n") {
            var cleaned = String(line).replacing(/\[规则[^\]]*\]/, with: "")
            cleaned = cleaned.replacing(/(?:casebook|git) [a-z-]+/, with: "a-command")
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
        #expect(Self.englishSentence(in: "请设置 git config gpg.format ssh 和 commit.gpgsign true") == nil)
        #expect(Self.englishSentence(in: "git config: not a sentence either way") != nil)
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

    /// What one refusal must say: the rule it names and a piece of its Chinese sentence.
    struct Expected {
        let what: String
        let rule: String
        let says: String
    }

    /// The refusals of the procedures beyond the daily steps of a complaint — non-conformity
    /// reports, judicial requests, emergencies, the registers, corrections, second revisits — and
    /// hand edits the pre-commit hook refuses (a past event edited, a file at the wrong path, a
    /// breach not missed, a step without its field, a new case file whose first-responsible person
    /// or deadlines are not the procedures', a register entry rewritten, a visit by the wrong role)
    /// read in Chinese, each naming its rule.
    @Test func theProceduresRefuseInChinese() throws {
        let (prepared, id) = try RefusalTests.prepared()
        var box = prepared
        defer { box.remove() }
        for k in ["LANG", "LC_ALL", "LANGUAGE"] { box.env[k] = nil }
        try box.ok(["staff", "add", "qi.pj", "--name", "齐品检", "--email", "qi.pj@cuihu.example", "--role", "quality-inspector", "--as", "zhou.jl"],
                   now: "2026-11-22T09:10:00+08:00")
        let now = "2026-11-22T10:00:00+08:00"
        var printed: [(Expected, Outcome)] = []
        func refused(_ args: [String], _ rule: String, _ says: String, at: String = now) throws {
            let before = try box.snapshot()
            let o = try box.cb(args, now: at)
            #expect(o.status == 1, "casebook \(args.joined(separator: " ")): exit \(o.status) \(o.stderr)")
            #expect(try box.snapshot() == before, "casebook \(args.joined(separator: " ")) changed the repository")
            printed.append((Expected(what: "casebook " + args.joined(separator: " "), rule: rule, says: says), o))
        }

        // Non-conformity reports: raised by the check's team, corrected by the responsible department.
        try refused(["inspection", "raise", "--check", "monthly", "--department", "engineering", "--finding", "水泵房运行记录缺失",
                     "--correct-by", "2026-11-25", "--as", "li.na"], "inspector", "不是月度检查的检查人员；仅限")
        let report = try box.ok(["inspection", "raise", "--check", "monthly", "--department", "engineering", "--finding", "水泵房运行记录缺失",
                                 "--correct-by", "2026-11-25", "--as", "qi.pj"], now: now)
        try refused(["dispatch", report, "--department", "security", "--as", "zhou.jl"], "nonconformity", "events[1]（派单）：不合格项报告不能派单")
        try refused(["inspection", "rectify", report, "--correction", "已补记录", "--as", "li.na"], "nonconformity", "整改由责任部门（工程部）登记")
        try refused(["inspection", "rectify", id, "--correction", "已补记录", "--as", "zhao.gong"], "nonconformity", "只有不合格项报告才能登记整改")

        // Judicial requests: the officer or the lawyer's documents, and the manager's approval.
        let judicial = ["open", "--as", "li.na", "--kind", "judicial", "--channel", "walk-in", "--reporter", "王警官", "--summary", "调取业主资料"]
        try refused(judicial + ["--requester", "police", "--officer", "王强"], "judicial", "公安机关调取业主资料")
        try refused(judicial, "judicial", "司法调查须注明来访单位")
        try refused(judicial + ["--requester", "lawyer", "--letter", "介绍信2026-118"], "judicial", "缺少 --licence、--power-of-attorney")
        let police = try box.ok(judicial + ["--requester", "police", "--officer", "王强", "--badge", "031245"], now: now)
        let lawyer = try box.ok(judicial + ["--requester", "lawyer", "--letter", "介绍信2026-118", "--licence", "11101201910123456",
                                            "--power-of-attorney", "委托书-77", "--client", "owner"], now: now)
        try refused(["resolve", lawyer, "--result", "已提供业主资料", "--as", "he.zr"], "judicial", "经理审批前不得向律师提供任何资料")
        try refused(["approve", police, "--as", "zhou.jl"], "judicial", "只有律师调取业主资料才需审批")

        // An emergency follows its checklist.
        let emergency = try box.ok(["open", "--as", "li.na", "--kind", "emergency", "--emergency", "120", "--channel", "phone", "--unit", "5-1-302",
                                    "--reporter", "刘女士", "--phone", "13700001111", "--summary", "老人摔倒"], now: now)
        try refused(["checklist", emergency, "--item", "called-110", "--as", "li.na"], "checklist", "“报110”不是120 急救处置清单中的事项")
        try refused(["checklist", emergency, "--item", "hospital", "--as", "li.na"], "checklist", "“送往医院”须写明内容")
        try refused(["resolve", emergency, "--result", "已送医", "--as", "li.na"], "checklist", "须先登记120 急救处置事项“拨打120”")
        try box.ok(["checklist", emergency, "--item", "called-120", "--as", "li.na"], now: now)
        try refused(["checklist", emergency, "--item", "called-120", "--as", "li.na"], "checklist", "“拨打120”已登记")
        try refused(["open", "--as", "li.na", "--kind", "inquiry", "--emergency", "120", "--channel", "phone", "--reporter", "刘女士", "--summary", "咨询"],
                    "checklist", "只有紧急求助才有紧急类型")

        // The registers: who keeps them and visits, and how.
        let elder = try box.ok(["register", "add", "empty-nest", "--unit", "5-1-302", "--name", "刘桂英", "--phone", "13700001111",
                                "--contact", "刘建明 13911112222", "--as", "chen.jie"], now: "2026-11-22T09:40:00+08:00")
        try refused(["register", "visit", elder, "--mode", "home", "--as", "zhao.gong"], "role", "无权走访空巢老人名册上的住户；仅限")
        try refused(["register", "visit", elder, "--mode", "letter", "--as", "chen.jie"], "revisit-mode", "空巢老人名册的走访方式须为")
        try refused(["register", "add", "key-owner", "--unit", "1-1-101", "--name", "王建国", "--phone", "13600002222", "--reason", "业委会主任",
                     "--as", "zhao.gong"], "role", "无权管理重点业主名册")

        // A correction that empties a required entry; a second revisit the profile does not plan.
        try refused(["correct", id, "--field", "summary", "--to", "", "--reason", "写错了", "--as", "li.na"], "correction", "事由：不能为空")
        try refused(["resolve", id, "--result", "已更换灯具", "--second-revisit", "--as", "zhao.gong"], "second-revisit", "回访计划：规程 residential 不为投诉安排第二次回访")

        // Hand edits committed with stock git: the pre-commit hook refuses them.
        let hooks = HookTests()
        let path = "\(casePath(id))"
        func python(_ code: String, file: String = path) throws {
            let script = "import json\np='\(file)'\nd=json.load(open(p))\n\(code)\n"
                + "open(p,'w').write(json.dumps(d,ensure_ascii=False,indent=2,sort_keys=True))\n"
            let o = try box.run("python3", ["-c", script], in: box.repo)
            #expect(o.status == 0, "\(o.stderr)")
        }
        func committed(_ what: String, as person: String, _ rule: String, _ says: String) throws {
            let head = try box.git(["rev-parse", "HEAD"])
            let email = person == "system" ? "system@casebook.invalid" : "\(person)@cuihu.example"
            let o = try hooks.commitByHand(box, as: email, name: person)
            #expect(o.status == 1, "\(what): exit \(o.status) \(o.stderr)")
            #expect(try box.git(["rev-parse", "HEAD"]) == head, "\(what) was committed")
            printed.append((Expected(what: "git commit (\(what))", rule: rule, says: says), o))
            try box.git(["reset", "-q", "--hard"])
            try box.git(["clean", "-q", "-fd"])
        }
        try python("d['events'][0]['intake']['summary']='楼道灯已修好'")
        try committed("a past event edited", as: "li.na", "append-only", "事件只能追加：已有事件被修改")
        try FileManager.default.createDirectory(atPath: box.repo + "/records/cases/2026/10", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: box.repo + "/" + path, toPath: box.repo + "/records/cases/2026/10/\(id).json")
        try box.git(["add", "records/cases/2026/10"])
        try committed("a file at the wrong path", as: "li.na", "path", "案件文件应位于 \(path)，而非")
        let breach = "e={'at':'2026-11-22T09:30:00+08:00','by':'system','action':'breach','step':'STEP'}\nd['events'].append(e)\nd['state']['updatedAt']=e['at']\n"
        try python(breach.replacingOccurrences(of: "STEP", with: "report") + "d['state']['deadlines'][0]['breachedAt']=e['at']")
        try committed("a breach not missed", as: "system", "breach", "时限“上报”（期限 2026-11-22T10:00:00+08:00）在 2026-11-22T09:30:00+08:00 尚未超时")
        try python(breach.replacingOccurrences(of: "STEP", with: "answer"))
        try committed("a breach of no deadline", as: "system", "breach", "时限“答复业主”不存在或已记录过超时")
        try python("e={'at':'2026-11-22T09:30:00+08:00','by':'zhao.gong','action':'resolve'}\nd['events'].append(e)\nd['state']['updatedAt']=e['at']")
        try committed("a step without its field", as: "zhao.gong", "state-is-fold", "events[2] 缺少其操作所需的字段“result”")
        let copy = "records/cases/2026/11/22/C-20261122-T01-0099.json"
        for (what, code, says) in [("a new case whose first-responsible person is not its receiver",
                                    "d['events'][0]['intake']['firstResponder']='wang.zg'\nd['intake']['firstResponder']='wang.zg'", "首问责任人须为受理本案的人"),
                                   ("a new case with deadlines of its own",
                                    "d['events'][0]['deadlines'][0]['due']='2026-11-22T11:00:00+08:00'\nd['state']['deadlines'][0]['due']='2026-11-22T11:00:00+08:00'",
                                    "处理时限与规程"),
                                   ("a new case of another format", "d['format']='casebook.case/2'", "文件格式（format）须为 casebook.case/1")] {
            try FileManager.default.copyItem(atPath: box.repo + "/" + path, toPath: box.repo + "/" + copy)
            try python("d['id']='C-20261122-T01-0099'\n" + code, file: copy)
            try box.git(["add", copy])
            try committed(what, as: "li.na", what.contains("format") ? "schema" : what.contains("deadlines") ? "deadlines" : "first-responder", says)
        }
        let entry = "records/registers/empty-nest/\(elder).json"
        try python("d['visitEveryDays']=d['visitEveryDays']+1", file: entry)
        try committed("a register entry rewritten", as: "chen.jie", "append-only", "名册条目只能追加走访记录和查看记录")
        try python("d['visits'].append({'at':'2026-11-22T09:50:00+08:00','by':'zhao.gong','mode':'home'})", file: entry)
        try committed("a register visit by an engineer", as: "zhao.gong", "role", "zhao.gong（维修工）无权走访空巢老人名册上的住户")
        try python("d['visits'].append({'at':'2026-11-22T09:50:00+08:00','by':'li.na','mode':'home','notes':'其子电话13911112222'})", file: entry)
        try committed("a register visit noting a phone in clear", as: "li.na", "personal-data", "走访记录含有明文手机号")
        try FileManager.default.copyItem(atPath: box.repo + "/" + entry, toPath: box.repo + "/records/registers/empty-nest/E-12345678.json")
        try box.git(["add", "records/registers/empty-nest/E-12345678.json"])
        try committed("a register entry at another id's path", as: "chen.jie", "path", "名册条目应位于 \(entry)")

        #expect(printed.count >= 30)
        for (expected, o) in printed {
            #expect(o.stderr.contains("[规则 \(expected.rule)；"), "\(expected.what): \(o.stderr)")
            #expect(o.stderr.contains(expected.says), "\(expected.what): no '\(expected.says)' in \(o.stderr)")
            let english = Self.englishSentence(in: o.stdout + o.stderr)
            #expect(english == nil, "\(expected.what): \(english ?? "")")
        }
    }

    /// `sync` says what it did in the reader's language (in English the lines are as they were).
    @Test func syncSaysWhatItDidInChinese() throws {
        let (prepared, id) = try RefusalTests.prepared()
        var box = prepared
        defer { box.remove() }
        for k in ["LANG", "LC_ALL", "LANGUAGE"] { box.env[k] = nil }
        let central = box.root.appendingPathComponent("central.git").path
        #expect(try box.run("git", ["clone", "-q", "--bare", box.repo, central]).status == 0)
        try box.git(["remote", "add", "origin", central])
        var lines: [Outcome] = []
        var o = try box.cb(["sync", "--as", "li.na"], now: "2026-11-22T10:00:00+08:00")
        #expect(o.status == 0 && o.stdout == "已是最新，没有要拉取或推送的提交\n", "\(o.stdout)\(o.stderr)")
        lines.append(o)
        try box.ok(["note", id, "已联系工程部", "--as", "li.na"], now: "2026-11-22T10:00:00+08:00")
        o = try box.cb(["sync", "--as", "li.na"], now: "2026-11-22T10:01:00+08:00")
        #expect(o.status == 0 && o.stdout == "拉取了 0 个提交，推送了 1 个\n", "\(o.stdout)\(o.stderr)")
        lines.append(o)
        #expect(try box.run("git", ["rev-parse", "main"], in: central).stdout == (try box.git(["rev-parse", "HEAD"])))
        o = try box.cb(["sync", "--as", "li.na"], now: "2026-11-22T10:02:00+08:00", env: ["LANG": "en_US.UTF-8"])
        #expect(o.status == 0 && o.stdout == "up to date\n", "\(o.stdout)\(o.stderr)")
        for o in lines {
            let english = Self.englishSentence(in: o.stdout + o.stderr)
            #expect(english == nil, "sync: \(english ?? "")")
        }
    }

    /// A case file broken by hand (committed past the hook) is reported in Chinese as far as the
    /// words are ours: a missing field, a value outside its list, not JSON at all.
    @Test func aBrokenFileIsReportedInChinese() throws {
        let (prepared, id) = try RefusalTests.prepared()
        var box = prepared
        defer { box.remove() }
        for k in ["LANG", "LC_ALL", "LANGUAGE"] { box.env[k] = nil }
        let path = "\(casePath(id))"
        let url = box.root.appendingPathComponent("cases/" + path)
        let good = try String(contentsOf: url, encoding: .utf8)
        for (text, says) in [("{\"format\": \"casebook.case/1\", \"id\": \"\(id)\"}", "intake：缺少此项"),
                             (good.replacingOccurrences(of: "\"engineering\"", with: "\"garden\""), "“garden”不是 Department 的有效值"),
                             ("{\"format\": ", "不是有效的 JSON")] {
            try text.write(to: url, atomically: false, encoding: .utf8)
            try box.git(["commit", "-q", "--no-verify", "-am", "broken by hand"])
            for args in [["show", id], ["note", id, "进展", "--as", "li.na"]] {
                let o = try box.cb(args, now: "2026-11-22T10:00:00+08:00")
                #expect(o.status == 1 && o.stderr.hasPrefix("错误：") && o.stderr.contains(path), "\(args): \(o.stderr)")
                #expect(o.stderr.contains(says), "\(args): \(o.stderr)")
                let english = Self.englishSentence(in: o.stdout + o.stderr)
                #expect(english == nil, "\(args): \(english ?? "")")
            }
        }
    }
}
