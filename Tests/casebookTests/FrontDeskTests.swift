import Foundation
import Testing

/// The front desk's own experience: guided intake on a real terminal (004 §4.1 四清楚一报告:
/// asked field by field, read back, committed only on confirmation), messages in the user's
/// language, completion of case and staff ids.
@Suite struct FrontDeskTests {
    static let driver = Sandbox.projectRoot.appendingPathComponent("Tests/tty/drive.py").path

    /// Runs casebook on a pseudo-terminal (Tests/tty/drive.py, Python's pty module), answering
    /// each prompt `expect` with `answer`. Output is what the terminal showed (stdout and stderr).
    func onTerminal(_ box: Sandbox, _ args: [String], _ script: [(expect: String, answer: String?)],
                    now: String = "2026-11-22T09:00:00+08:00", env: [String: String] = [:]) throws -> Outcome {
        let file = box.root.appendingPathComponent("answers-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: script.map { [$0.expect, $0.answer.map { $0 as Any } ?? NSNull()] }).write(to: file)
        return try box.run("python3", [Self.driver, file.path, Sandbox.binary] + args,
                           env: ["CASEBOOK_NOW": now, "LANG": "C.UTF-8"].merging(env) { $1 })
    }

    static let chineseIntake: [(expect: String, answer: String?)] = [
        ("诉求类别（输入编号或名称）：", "1"),
        ("投诉等级（输入编号或名称）：", "重要"),
        ("诉求方式（输入编号或名称）：", "9"),            // not a choice: asked again
        ("请输入上面列出的编号或名称。", nil),
        ("诉求方式（输入编号或名称）：", "1"),
        ("房号（可空，回车跳过）：", "3-2-1801"),
        ("反映人：", "王女士"),
        ("联系电话（可空，回车跳过）：", "1381234"),      // not a mainland number: asked again
        ("不是有效的大陆电话号码", nil),
        ("联系电话（可空，回车跳过）：", "13812345678"),
        ("事由（一句话）：", "楼道灯不亮"),
    ]

    @Test func aComplaintIsRegisteredByAnsweringInChineseReadBackAndCommitted() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        let o = try onTerminal(box, ["open", "--as", "li.na"], Self.chineseIntake + [("确认登记？（是/否）：", "是")])
        #expect(o.status == 0, "\(o.stdout)")
        let id = "C-20261122-T01-0001"
        // The whole record is read back before the commit, the phone in full to the receptionist.
        let readBack = try #require(o.stdout.range(of: "请向来电/来访人复述核对（复清楚）："))
        let shown = o.stdout[readBack.upperBound...]
        for line in [id, "投诉（重要）", "电话", "3-2-1801", "王女士", "13812345678", "楼道灯不亮", "李娜 (li.na)",
                     "处理时限", "上报 2026-11-22T10:00:00+08:00、处理完毕 2026-11-29T09:00:00+08:00"] {
            #expect(shown.contains(line), "read-back lacks \(line): \(o.stdout)")
        }
        #expect(o.stdout.contains("1 投诉  2 报修  3 建议  4 求助"))
        #expect(o.stdout.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix(id))
        // One commit, authored by the receptionist, with the intake as answered.
        #expect(try box.git(["log", "-1", "--format=%an <%ae>|%s"]) == "李娜 <li.na@cuihu.example>|complaint \(id): open (important), phone\n")
        let show = try box.ok(["show", id])
        #expect(show.contains("complaint (important)") && show.contains("unit 3-2-1801") && show.contains("138****5678"))
        #expect(show.contains("via phone, first responsible li.na"))
    }

    @Test func anEmergencyIsAskedItsTypeAndFollowsItsChecklist() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        let o = try onTerminal(box, ["open", "--as", "li.na"], [
            ("诉求类别（输入编号或名称）：", "紧急求助"),
            ("紧急类型（可空，回车跳过）：", "4"),          // not a choice: asked again
            ("请输入上面列出的编号或名称。", nil),
            ("紧急类型（可空，回车跳过）：", "1"),
            ("诉求方式（输入编号或名称）：", "1"),
            ("房号（可空，回车跳过）：", "5-1-302"),
            ("反映人：", "张先生"),
            ("联系电话（可空，回车跳过）：", ""),
            ("事由（一句话）：", "老人在家晕倒"),
            ("确认登记？（是/否）：", "是"),
        ])
        #expect(o.status == 0, "\(o.stdout)")
        #expect(o.stdout.contains("1 120 急救  2 110 刑事案件  3 火警") && o.stdout.contains("紧急求助 · 120 急救"), "\(o.stdout)")
        let id = "C-20261122-T01-0001"
        #expect(try box.ok(["show", id, "--json"]).contains("\"emergency\" : \"120\""))
        let refused = try box.cb(["resolve", id, "--result", "已送医", "--as", "li.na"])
        #expect(refused.status == 1 && refused.stderr.contains("[rule checklist; 001 §5.6.6.1]"), "\(refused.stderr)")
    }

    @Test func decliningTheReadBackLeavesNothing() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        let before = try box.snapshot()
        // Without --as (nor CASEBOOK_ACTOR or a registered git email), the desk asks who is recording.
        let o = try onTerminal(box, ["open"], [("您是哪位（受理人）（输入编号或名称）：", "li.na")] + Self.chineseIntake + [("确认登记？（是/否）：", "否")])
        #expect(o.status == 1)
        #expect(o.stdout.contains("复清楚") && o.stdout.contains("已取消，未登记任何内容。"))
        #expect(try box.snapshot() == before)
        #expect(!FileManager.default.fileExists(atPath: box.repo + "/records/cases/2026/11/22/C-20261122-T01-0001.json"))
        // The input ending half-way (Ctrl-D) records nothing either.
        let ended = try onTerminal(box, ["open", "--as", "li.na"], [("诉求类别（输入编号或名称）：", "1"), ("投诉等级（输入编号或名称）：", "\u{04}")])
        #expect(ended.status == 1 && ended.stdout.contains("错误：输入已结束，未登记任何内容。"), "\(ended.stdout)")
        #expect(try box.snapshot() == before)
    }

    @Test func promptsFollowLangOrTheRepositorysLocale() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        // LANG=en*: English, whatever the repository's locale.
        let english: [(expect: String, answer: String?)] = [
            ("Kind of request (a number or a name): ", "repair"), ("Repair size (a number or a name): ", "1"),
            ("Channel (a number or a name): ", "walk-in"), ("Unit (optional, Enter to skip): ", ""),
            ("Reporter's name: ", "陈先生"), ("Phone (optional, Enter to skip): ", "021-6234 5678"),
            ("The matter (one line): ", "厨房水龙头漏水"), ("Record it? (y/n): ", "y"),
        ]
        let o = try onTerminal(box, ["open", "--as", "li.na"], english, env: ["LANG": "en_US.UTF-8"])
        #expect(o.status == 0, "\(o.stdout)")
        #expect(o.stdout.contains("1 complaint  2 repair  3 suggestion") && o.stdout.contains("Read this back to the caller"))
        #expect(o.stdout.contains("repair (small)") && o.stdout.contains("02162345678"))
        #expect(!o.stdout.contains("诉求类别"))
        // A refusal's prefix in the same language; Chinese (the repository's zh-Hans) otherwise.
        let en = try box.cb(["close", "C-20261122-T01-0001", "--as", "chen.jie"], env: ["LANG": "en_US.UTF-8"])
        #expect(en.status == 1 && en.stderr.hasPrefix("Error: C-20261122-T01-0001: events[1] (close): close is not allowed"), "\(en.stderr)")
        let zh = try box.cb(["close", "C-20261122-T01-0001", "--as", "chen.jie"], env: ["LANG": "C.UTF-8"])
        #expect(zh.status == 1 && zh.stderr == "错误：C-20261122-T01-0001: events[1]（关闭）：案件已登记时不能关闭（仅限已处理、已转相关部门时） [规则 transition；002 篇2 §4.1.2]\n", "\(zh.stderr)")
        let role = try box.cb(["unresolvable", "C-20261122-T01-0001", "--reason", "x", "--as", "li.na"], env: ["LANG": "zh_CN.UTF-8"])
        #expect(role.stderr.hasPrefix("错误：C-20261122-T01-0001: events[1]（无法处理）：li.na（前台接待员）无权作无法处理关闭；仅限经理 [规则 role；"), "\(role.stderr)")
        let nobody = try box.cb(["show", "C-20261122-T01-0009"], env: ["LANG": "C.UTF-8"])
        #expect(nobody.status == 1 && nobody.stderr == "错误：案件 C-20261122-T01-0009 不存在\n")

        // A repository whose locale is en, with LANG naming neither language.
        let settings = box.repo + "/records/casebook.json"
        let text = try String(contentsOfFile: settings, encoding: .utf8)
        try text.replacingOccurrences(of: "\"zh-Hans\"", with: "\"en\"").write(toFile: settings, atomically: true, encoding: .utf8)
        let manager = ["GIT_AUTHOR_NAME": "周经理", "GIT_AUTHOR_EMAIL": "zhou@cuihu.example",
                       "GIT_COMMITTER_NAME": "周经理", "GIT_COMMITTER_EMAIL": "zhou@cuihu.example"]
        try box.git(["commit", "-qam", "locale en"], env: manager)
        let again = try onTerminal(box, ["dispatch", "C-20261122-T01-0001", "--as", "li.na"],
                                   [("Responsible department (a number or a name): ", "2"), ("Staff id of who will hold it", "zhao.gong"),
                                    ("Record it? (y/n): ", "n")], env: ["LANG": "C.UTF-8"])
        #expect(again.status == 1 && again.stdout.contains("Check this before it is recorded:") && again.stdout.contains("Cancelled; nothing was recorded."))
        #expect(again.stdout.contains("赵工 (zhao.gong)"))
    }

    @Test func aConfiguredUnitListIsCheckedAsTheUnitIsTyped() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        let settings = box.repo + "/records/casebook.json"
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: settings))) as? [String: Any])
        json["units"] = ["3-2-1801", "3-2-1802"]
        try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys]).write(to: URL(fileURLWithPath: settings))
        try box.git(["commit", "-qam", "units"], env: ["GIT_AUTHOR_NAME": "周经理", "GIT_AUTHOR_EMAIL": "zhou@cuihu.example",
                                                      "GIT_COMMITTER_NAME": "周经理", "GIT_COMMITTER_EMAIL": "zhou@cuihu.example"])
        let o = try onTerminal(box, ["open", "--as", "li.na", "--kind", "help", "--channel", "walk-in"],
                               [("房号（可空，回车跳过）：", "9-9-999"), ("房号不在房号表中", nil), ("房号（可空，回车跳过）：", "3-2-1802"),
                                ("反映人：", "李先生"), ("联系电话（可空，回车跳过）：", ""), ("事由（一句话）：", "借梯子"), ("确认登记？", "y")])
        #expect(o.status == 0, "\(o.stdout)")
        #expect(try box.ok(["show", "C-20261122-T01-0001"]).contains("unit 3-2-1802"))
        let flags = try box.cb(["open", "--as", "li.na", "--kind", "help", "--channel", "phone", "--unit", "9-9-999", "--reporter", "李先生", "--summary", "x"])
        #expect(flags.status == 1 && flags.stderr == "Error: --unit: '9-9-999' is not in the unit list (units in records/casebook.json)\n")
        let fix = try box.cb(["correct", "C-20261122-T01-0001", "--field", "unit", "--to", "9-9-999", "--reason", "x", "--as", "li.na"])
        #expect(fix.status == 1 && fix.stderr.contains("--to: '9-9-999' is not in the unit list"))
    }

    @Test func withoutATerminalMissingOptionsAreTheUsageError() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        let before = try box.snapshot()
        let o = try box.cb(["open", "--as", "li.na", "--kind", "complaint", "--severity", "minor", "--reporter", "王女士", "--summary", "x"])
        #expect(o.status == 64)
        #expect(o.stderr.hasPrefix("Error: Missing expected argument '--channel <channel>'"), "\(o.stderr)")
        #expect(try box.cb(["dispatch", "C-20261122-T01-0001", "--as", "li.na"]).stderr.contains("Missing expected argument '--department <department>'"))
        #expect(try box.cb(["resolve", "C-20261122-T01-0001", "--as", "li.na"]).status == 64)
        #expect(try box.cb(["revisit", "C-20261122-T01-0001", "--mode", "phone", "--as", "li.na"]).stderr.contains("'--satisfied' or '--unsatisfied'"))
        #expect(try box.snapshot() == before)
    }

    @Test func aRevisitAsksTheQuestionsOfTheRevisitRecord() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        let id = try box.ok(["open", "--as", "li.na", "--kind", "repair", "--repair-size", "small", "--channel", "phone",
                             "--reporter", "赵女士", "--summary", "水龙头漏水"])
        let resolved = try onTerminal(box, ["resolve", id, "--as", "zhao.gong"],
                                      [("处理结果：", "已更换阀芯"), ("业主已确认（在维修单上签字）？（是/否）：", "是"),
                                       ("评分 1–5（可空，回车跳过）：", "5"), ("确认登记？", "是")], now: "2026-11-22T15:00:00+08:00")
        #expect(resolved.status == 0, "\(resolved.stdout)")
        #expect(resolved.stdout.contains("请核对（复清楚）：") && resolved.stdout.contains("回访计划"))
        // Someone who may not revisit hears so at once, not after the questions.
        let early = try onTerminal(box, ["revisit", id, "--as", "li.na"], [("回访方式（输入编号或名称）：", "电话")], now: "2026-11-23T10:00:00+08:00")
        #expect(early.status == 1 && early.stdout.contains("li.na（前台接待员）无权回访") && !early.stdout.contains("服务质量"), "\(early.stdout)")
        let o = try onTerminal(box, ["revisit", id],
                               [("回访方式（输入编号或名称）：", "电话"), ("您是哪位（受理人）（输入编号或名称）：", "chen.jie"), ("服务质量（可空，回车跳过）：", "维修及时"), ("服务效果（可空，回车跳过）：", ""),
                                ("业主是否满意？（是/否）：", "是"), ("不足之处（可空，回车跳过）：", "预约时间偏晚"), ("业主建议（可空，回车跳过）：", ""),
                                ("确认登记？", "是")], now: "2026-11-23T10:00:00+08:00")
        #expect(o.status == 0, "\(o.stdout)")
        #expect(o.stdout.components(separatedBy: "您是哪位").count == 2, "asked once: \(o.stdout)")
        #expect(try box.git(["log", "-1", "--format=%an"]) == "陈洁\n")
        let show = try box.ok(["show", id])
        #expect(show.contains("phone  satisfied  质量：维修及时；不足：预约时间偏晚"), "\(show)")
    }

    @Test func aCorrectionIsAskedForAndReadBack() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        let id = try box.ok(["open", "--as", "li.na", "--kind", "complaint", "--severity", "minor", "--channel", "phone",
                             "--unit", "3-2-1801", "--reporter", "王女士", "--phone", "13812345678", "--summary", "楼道灯不亮"])
        let o = try onTerminal(box, ["correct", id, "--as", "li.na"],
                               [("更正哪一项（输入编号或名称）：", "5"), ("正确的值（联系电话）（可空，回车跳过）：", "1390000"),
                                ("不是有效的大陆电话号码", nil), ("正确的值（联系电话）（可空，回车跳过）：", "13900001111"),
                                ("更正原因：", "号码记错一位"), ("确认登记？", "是")], now: "2026-11-22T09:30:00+08:00")
        #expect(o.status == 0, "\(o.stdout)")
        // The menu shows the values the case holds, the phone masked; the read-back the new one in full.
        #expect(o.stdout.contains("1 房号（3-2-1801）") && o.stdout.contains("5 联系电话（138****5678）"))
        let readBack = try #require(o.stdout.range(of: "请核对（复清楚）："))
        let shown = o.stdout[readBack.upperBound...]
        #expect(shown.contains("更正") && shown.contains("138****5678") && shown.contains("13900001111") && shown.contains("号码记错一位"))
        #expect(!o.stdout.contains("13812345678"))
        #expect(try box.ok(["show", id]).contains("intake.phone: '138****5678' → '139****1111' (号码记错一位)"))
        // Someone who may not correct it hears so before the questions.
        let early = try onTerminal(box, ["correct", id, "--as", "chen.jie"], [], now: "2026-11-22T09:40:00+08:00")
        #expect(early.status == 1 && early.stdout.contains("无权更正此记录") && !early.stdout.contains("更正哪一项"), "\(early.stdout)")
    }

    @Test func caseAndStaffIdsComplete() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.makeRepository()
        let a = try box.ok(["open", "--as", "li.na", "--kind", "inquiry", "--channel", "phone", "--reporter", "王女士", "--summary", "停车费"])
        let b = try box.ok(["open", "--as", "li.na", "--kind", "inquiry", "--channel", "phone", "--reporter", "陈先生", "--summary", "装修"],
                           now: "2026-11-23T09:00:00+08:00")
        // What the generated scripts call: casebook ---completion SUBCOMMAND -- ARG INDEX CURSOR WORDS...
        let ids = try box.ok(["---completion", "show", "--", "positional@0", "2", "0", "casebook", "show", ""])
        #expect(ids == [a, b].joined(separator: "\n"))
        #expect(try box.ok(["---completion", "close", "--", "positional@0", "2", "11", "casebook", "close", "C-20261123"]) == b)
        let elsewhere = try box.run(Sandbox.binary, ["---completion", "show", "--", "positional@0", "4", "0", "casebook", "show", "--repo", box.repo, ""],
                                    in: box.root.path)
        #expect(elsewhere.stdout.trimmingCharacters(in: .newlines) == [a, b].joined(separator: "\n"))
        let staff = try box.ok(["---completion", "dispatch", "--", "--assignee", "3", "0", "casebook", "dispatch", "--assignee", ""])
        #expect(staff.split(separator: "\n") == ["chen.jie", "he.zr", "li.na", "wang.zg", "zhao.gong", "zhou.jl"])
        #expect(try box.ok(["---completion", "open", "--", "--as", "3", "1", "casebook", "open", "--as", "z"]).split(separator: "\n") == ["zhao.gong", "zhou.jl"])
        // Through the generated bash script itself, as bash calls it on Tab.
        let script = box.root.appendingPathComponent("casebook.bash")
        try Data(try box.ok(["--generate-completion-script", "bash"]).utf8).write(to: script)
        let tab = """
        source '\(script.path)'
        COMP_WORDS=(casebook close C-20261123); COMP_CWORD=2; COMP_LINE='casebook close C-20261123'; COMP_POINT=${#COMP_LINE}
        COMPREPLY=(); _casebook casebook C-20261123 close; echo "${COMPREPLY[@]}"
        COMP_WORDS=(casebook dispatch \(a) --assignee z); COMP_CWORD=4; COMP_LINE="casebook dispatch \(a) --assignee z"; COMP_POINT=${#COMP_LINE}
        COMPREPLY=(); _casebook casebook z --assignee; echo "${COMPREPLY[@]}"
        """
        let bin = URL(fileURLWithPath: Sandbox.binary).deletingLastPathComponent().path
        let viaBash = try box.run("bash", ["-c", tab], env: ["PATH": bin + ":" + (box.env["PATH"] ?? "/usr/bin:/bin")])
        #expect(viaBash.stdout == "\(b)\nzhao.gong zhou.jl\n", "\(viaBash.stdout)\(viaBash.stderr)")
        // Outside a repository: no completions, no error.
        let none = try box.run(Sandbox.binary, ["---completion", "show", "--", "positional@0", "2", "0", "casebook", "show", ""], in: box.root.path)
        #expect(none.status == 0 && none.stdout.isEmpty)
    }
}
