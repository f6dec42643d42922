import Foundation
import Testing
@testable import CaseModel

/// A fresh resident key, as the key store makes one.
func freshResidentKey() -> ResidentKey {
    let (id, raw) = ResidentKey.generate()
    // 32 random bytes are always a valid key.
    return (try? ResidentKey(resident: id, rawKey: raw)) ?? { preconditionFailure("32-byte key refused") }()
}

@Suite struct ContactTests {
    @Test func masksNamesAndPhones() throws {
        let key = freshResidentKey()
        let c = try Contact(name: "王女士", phone: "138 1234 5678", key: key)
        #expect(c.nameDisplay == "王女士")
        #expect(c.phoneMasked == "138****5678")
        #expect(try c.reveal(with: key).phone == "13812345678")
        #expect(try c.reveal(with: key).name == "王女士")
        #expect(try Contact(name: "王小明", phone: "+8613912345678", key: freshResidentKey()).nameDisplay == "王**")
        #expect(try Contact(name: "王小明", phone: "+8613912345678", key: freshResidentKey()).phoneMasked == "139****5678")
        #expect(try Contact(name: "刘阿姨", phone: nil, key: freshResidentKey()).phoneMasked == nil)
        #expect(try Contact(name: "张三", phone: "0755-8888123", key: freshResidentKey()).phoneMasked == "075****8123")
        #expect(try Contact(name: "张三", phone: "8888123", key: freshResidentKey()).phoneMasked == "***8123")
    }

    @Test func refusesBadInput() {
        #expect(throws: ContactError.badPhone) { try Contact(name: "王女士", phone: "12ab", key: freshResidentKey()) }
        #expect(throws: ContactError.badPhone) { try Contact(name: "王女士", phone: "123", key: freshResidentKey()) }
        #expect(throws: ContactError.badName) { try Contact(name: "  ", phone: nil, key: freshResidentKey()) }
        #expect(throws: ContactError.badName) { try Contact(name: "王\u{0}女士", phone: nil, key: freshResidentKey()) }
    }

    @Test func theFileHoldsNoFullValues() throws {
        let key = freshResidentKey()
        let c = try Contact(name: "王小明", phone: "13812345678", key: key)
        let full = String(decoding: try RecordJSON.encode(c), as: UTF8.self)
        let redacted = String(decoding: try RecordJSON.encode(c, redacted: true), as: UTF8.self)
        #expect(!full.contains("13812345678") && !full.contains("王小明") && !full.contains("12345678"))
        #expect(full.contains("138****5678") && full.contains("王**") && full.contains(key.resident.rawValue))
        #expect(!redacted.contains("sealed"))
        let back = try RecordJSON.decode(Contact.self, from: Data(full.utf8), file: "x")
        #expect(back == c)
        #expect(try back.reveal(with: key).name == "王小明")
    }

    @Test func sealingIsRandomised() throws {
        let key = freshResidentKey()
        let a = try Contact(name: "王小明", phone: "13812345678", key: key)
        let b = try Contact(name: "王小明", phone: "13812345678", key: key)
        #expect(a != b, "two seals of the same values under the same key must differ (random nonce)")
        #expect(try a.reveal(with: key).phone == b.reveal(with: key).phone)
    }

    @Test func aGivenNonceMakesTheSameSealForSimulations() throws {
        let key = freshResidentKey()
        let nonce = Data(repeating: 9, count: 12)
        let a = try Contact(name: "王小明", phone: "13812345678", key: key, nonce: nonce)
        let b = try Contact(name: "王小明", phone: "13812345678", key: key, nonce: nonce)
        #expect(a == b)
        #expect(try a.reveal(with: key).phone == "13812345678")
        #expect(throws: ContactError.badKey) { try Contact(name: "王小明", phone: nil, key: key, nonce: Data(count: 5)) }
        var store = KeyStore(phoneIndexSecret: Data(repeating: 1, count: 32))
        let fixed = try ResidentKey(resident: "R-0123456789abcdef", rawKey: Data(repeating: 2, count: 32))
        let drawn = try store.key(forPhone: "13812345678", now: "t") { (fixed.resident, fixed.raw) }
        #expect(drawn.resident == fixed.resident && drawn.raw == fixed.raw)
    }

    @Test func theSealsLengthSaysNothing() throws {
        let short = try Contact(name: "王五", phone: nil, key: freshResidentKey())
        let long = try Contact(name: "欧阳娜娜娜娜娜娜娜娜娜娜", phone: "+86 138 1234 5678", key: freshResidentKey())
        #expect(short.sealed.count == long.sealed.count)
    }

    @Test func anotherKeyOrATamperedSealDoesNotOpen() throws {
        let key = freshResidentKey()
        let c = try Contact(name: "王小明", phone: "13812345678", key: key)
        #expect(throws: ContactError.wrongKey) { try c.reveal(with: freshResidentKey()) }
        // The same resident id with other key bytes: authentication fails.
        let forged = try ResidentKey(resident: key.resident, rawKey: Data(repeating: 7, count: 32))
        #expect(throws: ContactError.wrongKey) { try c.reveal(with: forged) }
        var json = String(decoding: try RecordJSON.encode(c), as: UTF8.self)
        // Sealed under one resident, relabelled as another: the resident id is authenticated.
        let other = ResidentID.random()
        json = json.replacingOccurrences(of: key.resident.rawValue, with: other.rawValue)
        let moved = try RecordJSON.decode(Contact.self, from: Data(json.utf8), file: "x")
        let otherKey = try ResidentKey(resident: other, rawKey: key.raw)
        #expect(throws: ContactError.wrongKey) { try moved.reveal(with: otherKey) }
    }

    @Test func displayFormsAreCheckedWithoutTheKey() throws {
        let c = try Contact(name: "王小明", phone: "13812345678", key: freshResidentKey())
        let json = String(decoding: try RecordJSON.encode(c), as: UTF8.self)
        for (from, to) in [("王**", "王小明"), ("138****5678", "13812345678"), ("138****5678", "1381234****")] {
            let bad = json.replacingOccurrences(of: from, with: to)
            #expect(throws: RecordError.self) { try RecordJSON.decode(Contact.self, from: Data(bad.utf8), file: "x") }
        }
        let old = #"{"name":"王小明","phone":"13812345678","nameDisplay":"王**","phoneMasked":"138****5678"}"#
        #expect(throws: RecordError.self) { try RecordJSON.decode(Contact.self, from: Data(old.utf8), file: "x") }
    }

    @Test func freeTextIsScrubbed() {
        #expect(Contact.scrub("王小明说请回电13812345678", fullName: "王小明") == "王**说请回电138****5678")
        #expect(Contact.scrub("12345678901 and 0755-12345678", fullName: nil) == "12345678901 and 0755-12345678")
    }
}

@Suite struct KeyStoreTests {
    @Test func sameResidentSameKeyByPhone() throws {
        var store = KeyStore()
        let a = try store.key(forPhone: "13812345678", now: "t")
        let b = try store.key(forPhone: "138-1234-5678", now: "t")
        let c = try store.key(forPhone: "13900000000", now: "t")
        let d = try store.key(forPhone: nil, now: "t"), e = try store.key(forPhone: nil, now: "t")
        #expect(a.resident == b.resident && a.raw == b.raw)
        #expect(a.resident != c.resident && d.resident != e.resident)
        #expect(store.residentCount == 4)
        let json = String(decoding: try JSONEncoder().encode(store), as: UTF8.self)
        #expect(!json.contains("13812345678"))
    }

    @Test func eraseDestroysTheKeyAndImportNeverBringsItBack() throws {
        var desk = KeyStore()
        let key = try desk.key(forPhone: "13812345678", now: "t")
        let backup = desk
        let held = desk.erase(key.resident, at: "t2")
        #expect(held)
        #expect(desk.key(for: key.resident) == nil && desk.isErased(key.resident))
        let merged = desk.merge(backup)
        #expect(merged.added == 0 && merged.erased == 0)
        #expect(desk.key(for: key.resident) == nil)
        // A new key for the same phone is a new resident.
        #expect(try desk.key(forPhone: "13812345678", now: "t3").resident != key.resident)
        // The other way round: a desk that still has the key loses it on import of the erasure.
        var other = backup
        let undone = other.merge(desk)
        #expect(undone.erased == 1)
        #expect(other.key(for: key.resident) == nil)
    }

    @Test func importIntoAnEmptyStoreAdoptsThePhoneIndex() throws {
        var a = KeyStore()
        let key = try a.key(forPhone: "13812345678", now: "t")
        var b = KeyStore()
        let merged = b.merge(a)
        #expect(merged.added == 1)
        #expect(try b.key(forPhone: "13812345678", now: "t").resident == key.resident)
        try b.validate()
    }
}
