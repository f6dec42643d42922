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

    @Test func aPhoneCorrectionHoldsDisplayFormsAndTheSealedContactOnly() throws {
        let (id, raw) = ResidentKey.generate()
        let key = try ResidentKey(resident: id, rawKey: raw)
        let old = try Contact(name: "王女士", phone: "13812345678", key: key)
        let new = try Contact(name: "王女士", phone: "13900001111", key: key)
        let c = Correction(field: .phone, from: old.phoneMasked ?? "", to: new.phoneMasked ?? "", contact: new)
        #expect(c.fromDisplay == "138****5678" && c.toDisplay == "139****1111")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(c), as: UTF8.self)
        #expect(!text.contains("13812345678") && !text.contains("13900001111"), "no full number, sealed or not")
        #expect(try JSONDecoder().decode(Correction.self, from: Data(text.utf8)) == c)
        #expect(try new.reveal(with: key).phone == "13900001111")
        // Applied, the reporter is the new seal; a contact whose display forms do not match is refused.
        let intake = Intake(receivedAt: Timestamp(date: Date(timeIntervalSince1970: 0), offsetSeconds: 28_800), channel: .phone, kind: .repair,
                            repairSize: .small, reporter: old, summary: "x", firstResponder: "li.na")
        #expect(try c.applied(to: intake).reporter == new)
        let forged = Correction(field: .phone, from: "138****5678", to: "139****2222", contact: new)
        #expect(throws: CorrectionError.self) { try forged.applied(to: intake) }
        // A unit is no personal data: plain values.
        let unit = String(decoding: try encoder.encode(Correction(field: .unit, from: "", to: "3-2-1801")), as: UTF8.self)
        #expect(unit == #"{"field":"intake.unit","from":"","to":"3-2-1801"}"#)
    }
}
