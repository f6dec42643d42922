import Foundation
import Testing
@testable import CaseModel

/// Residents' full names and phones are sealed under per-resident keys kept outside the history:
/// no git object holds them, `show --reveal` opens them (and records that it did), `erase`
/// destroys the key, and the dashboard never needs it.
@Suite struct PrivacyTests {
    static let residents = [("王小明", "13812345678"), ("刘晓燕", "15522223333"), ("赵大海", "13611112222")]

    /// Three residents' cases through the commands, with the full name and phone also typed into
    /// free text (details, note, result, revisit notes). Returns the case ids.
    static func prepared() throws -> (Sandbox, [String]) {
        let box = try Sandbox()
        try box.makeRepository()
        var ids: [String] = []
        for (k, (name, phone)) in residents.enumerated() {
            let at = "2026-11-20T0\(k + 1):00:00+08:00"
            let id = try box.ok(["open", "--as", "li.na", "--kind", "repair", "--repair-size", "small", "--channel", "phone",
                                 "--unit", "5-1-30\(k)", "--reporter", name, "--phone", phone, "--summary", "\(name)家水龙头漏水",
                                 "--details", "\(name)说请回电\(phone)"], now: at)
            try box.ok(["dispatch", id, "--department", "engineering", "--assignee", "zhao.gong", "--as", "li.na"], now: at)
            try box.ok(["note", id, "已电话\(phone)联系\(name)", "--owner-informed", "--as", "li.na"], now: at)
            try box.ok(["resolve", id, "--result", "为\(name)更换阀芯", "--customer-confirmed", "--as", "zhao.gong"], now: at)
            ids.append(id)
        }
        // The same resident again: the same key.
        let again = try box.ok(["open", "--as", "li.na", "--kind", "help", "--channel", "walk-in", "--reporter", "王小明",
                                "--phone", "138 1234 5678", "--summary", "借梯子"], now: "2026-11-20T08:00:00+08:00")
        ids.append(again)
        return (box, ids)
    }

    /// Every object in the repository, as stock git prints them.
    static func allObjects(_ box: Sandbox) throws -> String {
        try box.run("/bin/sh", ["-c", "git cat-file --batch-all-objects --batch"]).stdout
    }

    static func resident(of id: String, _ box: Sandbox) throws -> String {
        let shown = try box.ok(["show", id], now: "2026-11-20T12:00:00+08:00")
        return String(try #require(shown.firstMatch(of: /R-[0-9a-f]{16}/)).output)
    }

    @Test func noGitObjectHoldsAFullNameOrPhone() throws {
        let (box, ids) = try Self.prepared()
        defer { box.remove() }
        try box.ok(["show", ids[0], "--reveal", "--as", "li.na"], now: "2026-11-20T12:00:00+08:00")
        let objects = try Self.allObjects(box)
        #expect(objects.count > 10_000, "the scan saw the objects")
        for (name, phone) in Self.residents {
            #expect(!objects.contains(phone), "a git object holds \(phone)")
            #expect(!objects.contains(name), "a git object holds \(name)")
            #expect(!objects.contains(String(phone.suffix(8))), "a git object holds the last 8 digits of \(phone)")
        }
        #expect(objects.contains("138****5678") && objects.contains("王**"))
        // Stock git agrees with itself; the one resident has one key.
        #expect(try box.run("git", ["fsck", "--strict", "--no-dangling"]).status == 0)
        #expect(try Self.resident(of: ids[0], box) == Self.resident(of: ids[3], box))
        #expect(try Self.resident(of: ids[0], box) != Self.resident(of: ids[1], box))
    }

    @Test func revealWithTheKeyIsRecordedAndRefusedWithoutIt() throws {
        let (box, ids) = try Self.prepared()
        defer { box.remove() }
        let before = try box.snapshot()
        // Without a key store: one line, exit 1, nothing moved.
        let none = try box.cb(["show", ids[1], "--reveal", "--as", "li.na"], now: "2026-11-20T12:00:00+08:00",
                              env: ["CASEBOOK_KEYSTORE": box.root.appendingPathComponent("absent.json").path])
        #expect(none.status == 1 && none.stdout.isEmpty)
        #expect(none.stderr.split(separator: "\n").count == 1 && none.stderr.contains("no key for resident"), "\(none.stderr)")
        #expect(try box.snapshot() == before)
        // Not from the JSON output either.
        #expect(try box.cb(["show", ids[1], "--reveal", "--json"]).status == 64)
        // With the key: the full values, and a reveal event as its own commit by the viewer.
        let shown = try box.ok(["show", ids[1], "--reveal", "--as", "li.na", "--reason", "回电确认上门时间"], now: "2026-11-20T12:00:00+08:00")
        #expect(shown.contains("刘晓燕") && shown.contains("15522223333"))
        #expect(try box.git(["log", "-1", "--format=%ae %(trailers:key=Action,valueonly)"]).hasPrefix("li.na@cuihu.example reveal"))
        #expect(try box.git(["show", "--stat", "--format=", "HEAD"]).contains(ids[1]))
        #expect(try box.ok(["show", ids[1]], now: "2026-11-20T12:01:00+08:00").contains("reveal       回电确认上门时间"))
        // The hook accepts the reveal commit, and the state did not change.
        #expect(try box.cb(["check", "--range", "HEAD~1..HEAD"], now: "2026-11-20T12:05:00+08:00").status == 0)
        #expect(!(try box.ok(["show", ids[1]], now: "2026-11-20T12:01:00+08:00")).contains("刘晓燕"))
        #expect(try box.git(["status", "--porcelain"]).isEmpty)
    }

    @Test func eraseMakesEverySealedCopyUnreadable() throws {
        let (box, ids) = try Self.prepared()
        defer { box.remove() }
        let wang = try Self.resident(of: ids[0], box)
        let oldHead = try box.git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let backup = box.root.appendingPathComponent("backup.json").path
        try box.ok(["keys", "export", "--out", backup])
        // Only a manager may erase; nothing is destroyed when refused.
        let refused = try box.cb(["erase", "--resident", wang, "--as", "li.na"])
        #expect(refused.status == 1 && refused.stderr.contains("may not erase"))
        #expect(try box.ok(["show", ids[0], "--reveal", "--as", "li.na"]).contains("13812345678"))

        let erased = try box.ok(["erase", "--resident", wang, "--reason", "业主要求删除个人信息", "--as", "zhou.jl"])
        #expect(erased.split(separator: "\n").map(String.init).sorted() == [ids[0], ids[3]].sorted())
        // Every commit, hash and signature before the erase is still there.
        #expect(try box.run("git", ["merge-base", "--is-ancestor", oldHead, "HEAD"]).status == 0)
        #expect(try box.run("git", ["fsck", "--strict", "--no-dangling"]).status == 0)
        #expect(try box.cb(["check", "--range", "HEAD~2..HEAD"]).status == 0)
        for id in [ids[0], ids[3]] {
            let o = try box.cb(["show", id, "--reveal", "--as", "li.na"])
            #expect(o.status == 1 && o.stderr.contains("was erased"), "\(o.stderr)")
            #expect(try box.ok(["show", id]).contains("erased"))
        }
        // Others are untouched.
        #expect(try box.ok(["show", ids[1], "--reveal", "--as", "li.na"]).contains("15522223333"))
        // Running it again finishes nothing twice.
        #expect(try box.ok(["erase", "--resident", wang, "--as", "zhou.jl"]).isEmpty)

        // Importing the old backup does not bring the key back.
        try box.ok(["keys", "import", backup])
        #expect(try box.cb(["show", ids[0], "--reveal", "--as", "li.na"]).status == 1)

        // No key now in the store opens any sealed copy of 王小明 anywhere in the history.
        let storePath = try box.ok(["keys", "path"])
        let store = try JSONDecoder().decode(KeyStore.self, from: Data(contentsOf: URL(fileURLWithPath: storePath)))
        #expect(store.isErased(ResidentID(rawValue: wang)))
        let storeText = try String(contentsOfFile: storePath, encoding: .utf8)
        #expect(!storeText.contains("13812345678") && !storeText.contains("王小明"))
        let blobs = try box.git(["log", "--all", "--format=", "--raw", "--no-abbrev", "--", "records/cases"])
            .split(separator: "\n").filter { $0.hasSuffix(".json") }.compactMap { $0.split(separator: " ").dropFirst(3).first }.filter { $0 != String(repeating: "0", count: 40) }
        var sealedCopies = 0
        for blob in Set(blobs) {
            let data = Data(try box.git(["cat-file", "blob", String(blob)]).utf8)
            let file = try RecordJSON.decode(CaseFile.self, from: data, file: String(blob))
            let contact = file.intake.reporter
            guard contact.resident.rawValue == wang else { continue }
            sealedCopies += 1
            for entry in store.residents.values {
                let raw = try #require(Data(base64Encoded: entry.key))
                let key = try ResidentKey(resident: contact.resident, rawKey: raw)
                #expect(throws: ContactError.self) { try contact.reveal(with: key) }
            }
        }
        #expect(sealedCopies >= 5)
        #expect(!(try Self.allObjects(box)).contains("13812345678"))
    }

    @Test func keysAreSharedBetweenDesksByExportAndImport() throws {
        let (box, ids) = try Self.prepared()
        defer { box.remove() }
        let other = box.root.appendingPathComponent("desk2").path
        #expect(try box.run("git", ["clone", "-q", box.repo, other]).status == 0)
        try box.run(Sandbox.binary, ["init", other, "--desk", "B02"], env: ["CASEBOOK_NOW": "2026-11-20T12:00:00+08:00"])
        func reveal() throws -> Outcome {
            try box.run(Sandbox.binary, ["show", ids[2], "--reveal", "--as", "li.na"], in: other, env: ["CASEBOOK_NOW": "2026-11-20T12:00:00+08:00"])
        }
        #expect(try reveal().status == 1)
        let export = box.root.appendingPathComponent("keys.json").path
        try box.ok(["keys", "export", "--out", export])
        let perms = try FileManager.default.attributesOfItem(atPath: export)[.posixPermissions] as? Int
        #expect(perms == 0o600)
        #expect(try box.cb(["keys", "export", "--out", export]).status == 1, "an export never overwrites")
        let imported = try box.run(Sandbox.binary, ["keys", "import", export], in: other)
        #expect(imported.status == 0 && imported.stdout.contains("3 key(s) added"), "\(imported.stdout) \(imported.stderr)")
        let o = try reveal()
        #expect(o.status == 0 && o.stdout.contains("13611112222"), "\(o.stderr)")
        // A resident who comes to the second desk keeps their key.
        let id = try box.run(Sandbox.binary, ["open", "--as", "li.na", "--kind", "help", "--channel", "walk-in", "--reporter", "赵先生",
                                              "--phone", "13611112222", "--summary", "借梯子"], in: other,
                             env: ["CASEBOOK_NOW": "2026-11-20T12:00:00+08:00"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let shown = try box.run(Sandbox.binary, ["show", id], in: other, env: ["CASEBOOK_NOW": "2026-11-20T12:00:00+08:00"]).stdout
        #expect(shown.contains(try Self.resident(of: ids[2], box)))
        // A damaged import is refused in one line.
        try "{\"format\":\"nope\"}".write(toFile: export + ".bad", atomically: true, encoding: .utf8)
        let bad = try box.run(Sandbox.binary, ["keys", "import", export + ".bad"], in: other)
        #expect(bad.status == 1 && bad.stderr.split(separator: "\n").count == 1)
    }

    /// Least privilege: the dashboard is the same, byte for byte, with and without the key store.
    @Test func siteIsByteIdenticalWithoutTheKeyStore() throws {
        let (box, ids) = try Self.prepared()
        defer { box.remove() }
        try box.ok(["show", ids[0], "--reveal", "--as", "li.na"], now: "2026-11-20T12:00:00+08:00")
        let with = box.root.appendingPathComponent("with"), without = box.root.appendingPathComponent("without")
        try box.ok(["site", "--out", with.path, "--now", "2026-11-20T17:00"])
        let store = try box.ok(["keys", "path"])
        try FileManager.default.moveItem(atPath: store, toPath: store + ".away")
        try box.ok(["site", "--out", without.path, "--now", "2026-11-20T17:00"])
        let a = try SiteTests.files(under: with), b = try SiteTests.files(under: without)
        #expect(a.count > 5 && a.keys.sorted() == b.keys.sorted())
        for (path, data) in a { #expect(b[path] == data, "\(path) differs") }
        #expect(!FileManager.default.fileExists(atPath: store))
        for (_, data) in a {
            let text = String(decoding: data, as: UTF8.self)
            for (name, phone) in Self.residents { #expect(!text.contains(name) && !text.contains(phone)) }
        }
    }
}
