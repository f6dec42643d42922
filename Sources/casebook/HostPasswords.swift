import ArgumentParser
import CaseModel
import CasebookEngine
import Foundation
import GitStore

extension Casebook {
    /// `casebook host passwords`: the web server's password files from records/staff.json.
    struct HostPasswords: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "passwords",
            abstract: "Write the dashboard's login files: everyone on the staff list, and who may open managers/.",
            discussion: """
            In SITE/auth: staff.htpasswd (everyone on records/staff.json but system, bcrypt through htpasswd),
            managers.htpasswd (managers, directors, general managers: the same lines) and staff.map (everyone
            else, for nginx to answer 403 on managers/). A member new to the list gets a random password, added
            to SITE/auth/new-passwords (mode 600) for the administrator to hand over; --reset ID gives a member a
            new one. A member removed from the list is removed from the files at once. Run after every push by
            `host refresh`.
            Example: casebook host passwords --central ~/repositories/centre.git --reset li.na
            """
        )
        @OptionGroup var central: CentralOption
        @Option(help: ArgumentHelp("The site folder (default: casebook.site of the repository).", valueName: "DIR")) var site: String?
        @Option(help: ArgumentHelp("Give this member a new password.", valueName: "staff-id")) var reset: [String] = []

        func run() throws {
            let repo = try central.open()
            guard let root = site ?? HostSupport.siteRoot(repo) else { throw Failure(key: "host.noSite") }
            let ws = try HostSupport.workspace(repo)
            for id in reset where ws.staff[StaffID(rawValue: id)] == nil { throw Failure(key: "notStaff", "--reset", oneLine(id, limit: 60)) }
            let made = try Self.write(ws.staff, into: root + "/auth", reset: Set(reset))
            if !made.isEmpty {
                print(DeskLanguage.strings.fill("host.newPasswords", [made.joined(separator: " "), root + "/auth/new-passwords"]))
            }
        }

        /// Writes the three files; returns the ids that got a new password.
        static func write(_ staff: StaffRegistry, into dir: String, reset: Set<String> = []) throws -> [String] {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            var hashes: [String: String] = [:]
            if let old = try? String(contentsOfFile: dir + "/staff.htpasswd", encoding: .utf8) {
                for line in old.split(separator: "\n") {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    hashes[String(line[..<colon])] = String(line[line.index(after: colon)...])
                }
            }
            var made: [(String, String)] = []
            var all = "", managers = "", others = ""
            for member in HostSupport.people(staff) {
                let id = member.id.rawValue
                guard HostSyncKeys.isGitoliteName(id) else { continue }
                if hashes[id] == nil || reset.contains(id) {
                    let password = newPassword()
                    let (status, out) = try HostSupport.run("htpasswd", ["-niB", id], input: password + "\n")
                    guard status == 0, let line = out.split(separator: "\n").first, line.hasPrefix(id + ":") else {
                        throw Failure(key: "host.htpasswdFailed", "\(status)")
                    }
                    hashes[id] = String(line.dropFirst(id.count + 1))
                    made.append((id, password))
                }
                let line = "\(id):\(hashes[id]!)\n"
                all += line
                if HostSupport.isManager(member) { managers += line } else { others += "\"\(id)\" 1;\n" }
            }
            if !made.isEmpty {
                let path = dir + "/new-passwords"
                let old = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
                try HostSupport.write(old + made.map { "\($0.0) \($0.1)\n" }.joined(), to: path, mode: 0o600)
            }
            // Read by the web server's workers (www-data): hashes only.
            try HostSupport.write(all, to: dir + "/staff.htpasswd", mode: 0o644)
            try HostSupport.write(managers, to: dir + "/managers.htpasswd", mode: 0o644)
            try HostSupport.write(others, to: dir + "/staff.map", mode: 0o644)
            return made.map(\.0)
        }

        /// Sixteen letters and digits from the system's random source (no look-alikes).
        static func newPassword() -> String {
            let alphabet = Array("abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY345679")
            var rng = SystemRandomNumberGenerator()
            return String((0..<16).map { _ in alphabet[Int(rng.next(upperBound: UInt(alphabet.count)))] })
        }
    }
}
