import CaseModel
import Foundation
import Testing

/// Residents' phone numbers: what the desk accepts as a mainland number, and corrections of
/// personal data encoded with display forms only when leaving the desk.
@Suite struct PhoneAndCorrectionTests {
    @Test(arguments: ["13812345678", "+86 138-1234-5678", "021-62345678", "0755 8888 6666", "62345678", "(010)12345678"])
    func mainlandNumbers(_ text: String) {
        #expect(Contact.isMainlandNumber(text))
    }

    @Test(arguments: ["", "1381234", "12812345678", "138123456789", "0123", "01234", "abc", "12345678", "+1 415 555 0100"])
    func notMainlandNumbers(_ text: String) {
        #expect(!Contact.isMainlandNumber(text))
    }

    @Test func aPhoneCorrectionLeavesTheDeskMasked() throws {
        let c = Correction(field: .phone, from: "13812345678", to: "13900001111")
        #expect(c.fromDisplay == "138****5678" && c.toDisplay == "139****1111")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let full = String(decoding: try encoder.encode(c), as: UTF8.self)
        #expect(full.contains("13812345678") && full.contains("\"toDisplay\":\"139****1111\""))
        #expect(try JSONDecoder().decode(Correction.self, from: Data(full.utf8)) == c)
        encoder.userInfo[.redactPersonalData] = true
        let redacted = String(decoding: try encoder.encode(c), as: UTF8.self)
        #expect(!redacted.contains("13812345678") && !redacted.contains("13900001111") && redacted.contains("138****5678"))
        // A unit is no personal data: no display forms.
        let unit = String(decoding: try encoder.encode(Correction(field: .unit, from: "", to: "3-2-1801")), as: UTF8.self)
        #expect(unit == #"{"field":"intake.unit","from":"","to":"3-2-1801"}"#)
        // Display forms that do not match the values are refused.
        let forged = full.replacingOccurrences(of: "139****1111", with: "139****2222")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Correction.self, from: Data(forged.utf8)) }
    }
}
