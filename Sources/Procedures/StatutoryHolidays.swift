import CaseModel
import Foundation

/// The public holidays the law itself gives, for a year whose official arrangement
/// (国务院办公厅关于部分节假日安排的通知) is not published yet: 《全国年节及纪念日放假办法》 as revised
/// in 2024, in force from 2025 (第二条):
///
/// - 元旦 1 day (1 January); 春节 4 days (除夕 to 正月初三); 清明节 1 day (on the solar term);
///   劳动节 2 days (1–2 May); 端午节 1 day (五月初五); 中秋节 1 day (八月十五); 国庆节 3 days (1–3 October);
/// - a holiday day on a Saturday or Sunday is made up on the next working day (第六条: 适逢星期六、
///   星期日，应当在工作日补假); so is a day two holidays share (国庆 and 中秋 in 2031), which the
///   State Council has always given as an extra day.
///
/// The official notice usually adds bridging days and make-up working Saturdays (调休); a
/// provisional year has none, so deadlines computed on it are marked provisional and recomputed
/// once the notice is imported (`casebook calendar import`).
public enum StatutoryHolidays {
    /// The rules of the 2024 revision apply from this year; earlier years need their official file.
    public static let firstYear = 2025

    /// The years the lunar and solar-term table covers.
    public static var years: ClosedRange<Int> { firstYear...(firstYear + lunarDates.count - 1) }

    /// Where the dates come from, written into a provisional calendar's `source`.
    public static let source = "暂定：按《全国年节及纪念日放假办法》（2024 年修订）推算，未含调休；待国务院办公厅通知公布后导入"

    /// The provisional calendar of `year`, with `workingHours` as the official years have them;
    /// nil outside `years`.
    public static func provisionalYear(_ year: Int, workingHours: CalendarYear.WorkingHours, timeZone: String) -> CalendarYear? {
        guard let festivals = festivals(of: year) else { return nil }
        var taken = Set<String>()
        var holidays: [CalendarYear.NamedDays] = []
        var makeUp = 0
        for (name, days) in festivals {
            var out: [String] = []
            for day in days {
                if taken.contains(day) || BusinessCalendar.isWeekend(day) { makeUp += 1 }
                if taken.insert(day).inserted { out.append(day) }
            }
            // Each day lost to a weekend or a shared day is given on the next free weekday.
            while makeUp > 0 {
                var day = BusinessCalendar.next(out.last ?? days[days.count - 1])
                while taken.contains(day) || BusinessCalendar.isWeekend(day) { day = BusinessCalendar.next(day) }
                taken.insert(day)
                out.append(day)
                makeUp -= 1
            }
            holidays.append(CalendarYear.NamedDays(name: name, days: out))
        }
        return CalendarYear(format: CalendarYear.format, year: year, timeZone: timeZone, source: source,
                            workingHours: workingHours, holidays: holidays, workdays: [], provisional: true)
    }

    /// The statutory days of each holiday of `year` (`YYYY-MM-DD`), in the order of the year;
    /// nil outside `years`.
    public static func festivals(of year: Int) -> [(name: String, days: [String])]? {
        guard let (newYear, qingming, duanwu, midAutumn) = lunarDates[year] else { return nil }
        let y = String(year)
        let spring = "\(y)-\(newYear)"
        let eve = BusinessCalendar.previous(spring)
        let springDays = [eve, spring, BusinessCalendar.next(spring), BusinessCalendar.next(BusinessCalendar.next(spring))]
        return [
            ("元旦", ["\(y)-01-01"]),
            ("春节", springDays),
            ("清明节", ["\(y)-\(qingming)"]),
            ("劳动节", ["\(y)-05-01", "\(y)-05-02"]),
            ("端午节", ["\(y)-\(duanwu)"]),
            ("中秋节", ["\(y)-\(midAutumn)"]),
            ("国庆节", ["\(y)-10-01", "\(y)-10-02", "\(y)-10-03"]),
        ].sorted { $0.1[0] < $1.1[0] }
    }

    /// Per year (`MM-DD`): 正月初一, 清明 (the solar term), 五月初五 and 八月十五. The lunar dates
    /// are those of the Chinese calendar (GB/T 33661-2017, as ICU computes it; a test compares them
    /// with Foundation's `.chinese` calendar); 清明 is the 21st-century rule
    /// `[Y·0.2422 + 4.81] − [Y/4]`, checked against the published dates of 2025–2035.
    static let lunarDates: [Int: (String, String, String, String)] = [
        2025: ("01-29", "04-04", "05-31", "10-06"),
        2026: ("02-17", "04-05", "06-19", "09-25"),
        2027: ("02-06", "04-05", "06-09", "09-15"),
        2028: ("01-26", "04-04", "05-28", "10-03"),
        2029: ("02-13", "04-04", "06-16", "09-22"),
        2030: ("02-03", "04-05", "06-05", "09-12"),
        2031: ("01-23", "04-05", "06-24", "10-01"),
        2032: ("02-11", "04-04", "06-12", "09-19"),
        2033: ("01-31", "04-04", "06-01", "09-08"),
        2034: ("02-19", "04-05", "06-20", "09-27"),
        2035: ("02-08", "04-05", "06-10", "09-16"),
        2036: ("01-28", "04-04", "05-30", "10-04"),
        2037: ("02-15", "04-04", "06-18", "09-24"),
        2038: ("02-04", "04-05", "06-07", "09-13"),
        2039: ("01-24", "04-05", "05-27", "10-02"),
        2040: ("02-12", "04-04", "06-14", "09-20"),
    ]
}
