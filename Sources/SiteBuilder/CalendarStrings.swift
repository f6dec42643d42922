extension Strings {
    /// The words of holiday calendars: provisional years, the import of a notice, its refusals.
    /// Merged into `Strings.table`.
    static let calendar: [String: (zh: String, en: String)] = [
        "calendar.imported": ("已导入 {0}：放假 {1} 天，调休上班 {2} 天；{3} 件未结案件的暂定时限将由 sweep 按正式日历重算",
                              "imported {0}: {1} days off, {2} make-up working days; sweep will recompute the provisional deadlines of {3} open cases"),
        "calendar.official": ("{0} 年：国务院办公厅正式放假安排", "{0}: the State Council's official arrangement"),
        "calendar.provisional": ("{0} 年：暂定（正式通知尚未导入，按《全国年节及纪念日放假办法》推算，未含调休）",
                                 "{0}: provisional (official notice not imported; computed from the statutory holidays, without make-up days)"),
        "step.feedback": ("反馈意见", "feed back"), "step.same-day": ("当日处理", "same day"),
        "step.answer-tenant": ("答复商户", "answer the tenant"),
        "calendar.workdays": ("调休上班", "make-up working days"),
        "provisional": ("暂定", "provisional"),
        "provisionalNote": ("按暂定日历计算（{0} 年正式放假安排尚未导入），导入后由 sweep 重算",
                            "computed on a provisional calendar ({0}: official notice not imported yet); sweep recomputes it after the import"),
        "calendarMissing": ("{0} 年正式放假安排尚未导入：{0} 年的时限按暂定日历计算。请经理在通知公布后执行 casebook calendar import {0} 文件",
                            "The official holiday notice for {0} is not imported: deadlines in {0} are computed on a provisional calendar. A manager runs casebook calendar import {0} FILE once it is published"),
        "failure.cannotRead": ("{0}：无法读取 {1}", "{0}: cannot read {1}"),
        "failure.calendarImported": ("YEAR：records/calendar/cn-{0}.json 已导入（更正请加 --replace）",
                                     "YEAR: records/calendar/cn-{0}.json is already imported (--replace to correct it)"),
        "failure.noCalendar": ("YEAR：{0} 年没有日历，正式的和暂定的都没有 [规则 calendar；records/calendar/]",
                               "YEAR: no calendar for {0}, official or provisional [rule calendar; records/calendar/]"),
        "failure.calendarYear": ("{0}：文件中的年份是 {1}，不是 {2}", "{0}: year is {1}, not {2}"),
        "failure.notUTF8": ("{0}：不是 UTF-8 文本", "{0}: not UTF-8 text"),
        "failure.noticeLine": ("{0}:{1}：应为节日名称及其日期", "{0}:{1}: expected a holiday name and its days"),
        "failure.noticeDay": ("{0}：“{1}”不是日期（YYYY-MM-DD）或日期范围（起..止）", "{0}: '{1}' is not a day (YYYY-MM-DD) or a range (FIRST..LAST)"),
        "failure.noticeYear": ("{0}：{1} 不在 {2} 年内", "{0}: {1} is not in {2}"),
        "failure.noticeBoth": ("FILE：{0} 既是放假日又是上班日", "FILE: {0} is both a day off and a working day"),
        "failure.noticeMakeUp": ("FILE：调休上班日 {0} 不是星期六或星期日", "FILE: make-up working day {0} is not a Saturday or Sunday (调休 moves weekend days)"),
        "failure.noticeStatutory": ("FILE：{0} {1} 是法定节假日，但通知中不是放假日 [规则 calendar；全国年节及纪念日放假办法 第二条]",
                                    "FILE: {0} {1} is a statutory holiday but not a day off in the notice [rule calendar; 全国年节及纪念日放假办法 第二条]"),
    ]
}
