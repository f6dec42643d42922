import CaseModel
import Procedures
import Testing

/// PIPL Art. 51: no mobile number in clear in a new step's free text.
@Suite struct NoPhoneInClearTests {
    @Test func aMobileNumberInFreeTextIsRefused() throws {
        let p = try profile("residential")
        let file = try opened(try intake(.repair, size: .small), profile: p)
        let e = event(.note, by: "li.na", at: "2026-11-22T10:00") { $0.text = "请回电13812345678" }
        #expect(verdict(NoPhoneInClear(), step(e, on: file, profile: p))
                == Refusal(rule: "personal-data", clause: NoPhoneInClear.clause, "text holds a mobile number in clear; write it masked (138****5678)"))
        var i = try intake(.repair, size: .small)
        i.details = "业主13900001111"
        var open = event(.open, by: "li.na", at: "2026-11-22T09:00")
        open.intake = i
        #expect(verdict(NoPhoneInClear(), step(open, on: nil, profile: p))?.message.hasPrefix("intake.details") == true)
    }

    @Test func maskedNumbersAndOtherDigitsPass() throws {
        let p = try profile("residential")
        let file = try opened(try intake(.repair, size: .small), profile: p)
        for text in ["请回电138****5678", "工单 12345678901", "0755-88881234", "3-2-1801"] {
            #expect(verdict(NoPhoneInClear(), step(event(.note, by: "li.na", at: "2026-11-22T10:00") { $0.text = text }, on: file, profile: p)) == nil)
        }
    }
}
