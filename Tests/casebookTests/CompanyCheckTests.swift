import Foundation
import Testing

/// `casebook company check` (the company repository's hooks): each commit is judged against the
/// staff list as its parent had it — author registered, commit signed with their registered key —
/// across a range in which the list itself changes (the list is decoded once per version of the
/// file, not at every commit).
@Suite(.serialized) struct CompanyCheckTests {
    static let now = "2026-11-03T10:00:00+08:00"

    @Test func eachCommitIsJudgedAgainstTheStaffListOfItsParent() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let company = box.root.appendingPathComponent("company").path
        func key(_ name: String) throws -> String {
            let path = box.root.appendingPathComponent("key-\(name)").path
            #expect(try box.run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", name, "-f", path]).status == 0)
            return path
        }
        let wang = try key("wang.gm"), li = try key("li.co")
        #expect(try box.run(Sandbox.binary, ["company", "init", company, "--name", "测试物业公司"], env: ["CASEBOOK_NOW": Self.now]).status == 0)
        let first = try box.run(Sandbox.binary, ["company", "staff", "add", "wang.gm", "--name", "王总", "--email", "wang@co.example",
                                                 "--role", "general-manager", "--key", wang + ".pub", "--company", company],
                                env: ["CASEBOOK_NOW": Self.now])
        #expect(first.status == 0, "\(first.stderr)")
        func git(_ args: [String], env: [String: String] = [:]) throws -> String {
            let o = try box.run("git", ["-C", company] + args, env: env)
            #expect(o.status == 0, "git \(args.joined(separator: " ")): \(o.stderr)")
            return o.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        func check(_ range: String) throws -> Outcome {
            try box.run(Sandbox.binary, ["company", "check", "--range", range, "--company", company], env: ["LANG": "en_US.UTF-8"])
        }
        let start = try git(["rev-parse", "HEAD"])

        // The general manager adds li.co (signed), li.co then commits signed with her key: judged
        // against the list at its parent, which has her.
        let added = try box.run(Sandbox.binary, ["company", "staff", "add", "li.co", "--name", "李娜", "--email", "li@co.example",
                                                 "--role", "company-management", "--key", li + ".pub", "--as", "wang.gm", "--company", company],
                                env: ["CASEBOOK_NOW": Self.now, "CASEBOOK_SIGNING_KEY": wang])
        #expect(added.status == 0, "\(added.stderr)")
        func commit(_ file: String, name: String, email: String, signingKey: String?) throws -> String {
            try "\(file)\n".write(toFile: company + "/" + file, atomically: true, encoding: .utf8)
            _ = try git(["add", file])
            var args = ["-c", "user.name=\(name)", "-c", "user.email=\(email)", "-c", "core.hooksPath=/dev/null"]
            if let signingKey { args += ["-c", "gpg.format=ssh", "-c", "user.signingkey=\(signingKey)", "commit", "-q", "-S"] } else { args += ["commit", "-q"] }
            _ = try git(args + ["-m", "notes \(file)"])
            return try git(["rev-parse", "--short=10", "HEAD"])
        }
        _ = try commit("notes-li.txt", name: "李娜", email: "li@co.example", signingKey: li)
        #expect(try check("\(start)..HEAD").status == 0, "li.co's signed commit after she was added")
        // Not signed; signed with another's key; by someone not on the list.
        let unsigned = try commit("notes-wang.txt", name: "王总", email: "wang@co.example", signingKey: nil)
        let otherKey = try commit("notes-wang-2.txt", name: "王总", email: "wang@co.example", signingKey: li)
        let stranger = try commit("notes-x.txt", name: "某人", email: "x@elsewhere.example", signingKey: wang)
        let o = try check("\(start)..HEAD")
        #expect(o.status == 1)
        let lines = (o.stdout + o.stderr).split(separator: "\n").map(String.init).filter { $0.contains(" ") && !$0.hasPrefix("signatures:") }
        #expect(lines.contains { $0.contains("\(unsigned) wang.gm's commit is not signed with their registered key") }, "\(lines)")
        #expect(lines.contains { $0.contains("\(otherKey) wang.gm's commit is not signed with their registered key") }, "\(lines)")
        #expect(lines.contains { $0.contains("\(stranger) author x@elsewhere.example is not in the company's records/staff.json") }, "\(lines)")
        #expect(lines.count == 3, "only the three are refused: \(lines)")

        // li.co's commit judged against the list before she was on it (a branch from before).
        _ = try git(["checkout", "-q", "-b", "early", start])
        let early = try commit("notes-early.txt", name: "李娜", email: "li@co.example", signingKey: li)
        let e = try check("\(start)..early")
        #expect(e.status == 1 && (e.stdout + e.stderr).contains("\(early) author li@co.example is not in the company's records/staff.json"),
                "\(e.stdout)\(e.stderr)")
    }
}
