import Foundation
import Testing

/// The central host for real, on loopback: sshd on 127.0.0.1 and gitolite3 as a non-root hosting
/// user, its users and keys from records/staff.json (`casebook host sync-keys`), the server hooks
/// of `casebook host install`, and nginx serving the published dashboard behind the password files
/// of `casebook host passwords`, with the shipped host/nginx/casebook.conf. Skipped, saying so, only
/// when sshd, gitolite3, nginx, htpasswd or curl is missing (`make test-deps` installs them).
@Suite(.serialized) struct HostTests {
    /// A member of staff (or a stranger) with an SSH key.
    struct Member {
        let id: String, name: String, role: String, key: String
        var email: String { "\(id)@cuihu.example" }
    }

    /// The non-root account the servers run as: when the tests run as root, `casebook-hosttest`
    /// (created if missing); otherwise the account running the tests.
    struct HostingUser {
        let name: String
        let asRoot: Bool

        static func make(_ box: Sandbox) throws -> HostingUser {
            guard getuid() == 0 else { return HostingUser(name: NSUserName(), asRoot: false) }
            let name = "casebook-hosttest"
            if try box.run("id", ["-u", name]).status != 0 {
                let made = try box.run("useradd", ["--system", "--shell", "/bin/sh", "--home-dir", "/nonexistent", "--no-create-home", name])
                #expect(made.status == 0, "useradd: \(made.stderr)")
            }
            return HostingUser(name: name, asRoot: true)
        }

        /// Points the account's home at `home` (sshd changes into it before gitolite-shell runs).
        func setHome(_ box: Sandbox, _ home: String) throws {
            if asRoot { #expect(try box.run("usermod", ["-d", home, name]).status == 0) }
        }

        /// The command line that runs `args` as this user.
        func command(_ args: [String]) -> (String, [String]) {
            guard asRoot else { return (args[0], Array(args.dropFirst())) }
            return ("/usr/bin/setpriv", ["--reuid=\(name)", "--regid=\(name)", "--init-groups", "--"] + args)
        }
    }

    /// A server process started as the hosting user in the background of a shell (its output in
    /// `log`, nothing of ours inherited), killed by `stop()`.
    final class Server {
        let pid: Int32
        init(_ box: Sandbox, _ user: HostingUser, _ args: [String], env: [String: String], log: String) throws {
            let (program, rest) = user.command(args)
            // Every descriptor above 2 closed first: nginx keeps what it inherits, and our output pipe
            // held open by a daemon would never reach its end.
            let script = "for fd in $(ls /proc/$$/fd); do [ \"$fd\" -gt 2 ] && eval \"exec $fd>&-\"; done; setsid \"$@\" >\(log) 2>&1 </dev/null & echo $!"
            let o = try box.run("/bin/bash", ["-c", script, "bash", program] + rest, env: env)
            pid = Int32(o.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
            #expect(pid > 0, "\(args[0]) did not start: \(o.stderr)")
        }

        var isRunning: Bool { pid > 0 && kill(pid, 0) == 0 }

        /// SIGKILL to its process group (setsid made it the leader; nginx's workers are in it), as
        /// in ServerTests: the test thread blocks SIGTERM, which children inherit.
        func stop() {
            if pid > 0 { kill(-pid, SIGKILL) }
        }
    }

    static let programs = ["/usr/sbin/sshd", "/usr/bin/gitolite", "/usr/sbin/nginx", "/usr/bin/htpasswd", "/usr/bin/curl"]

    /// A free TCP port on 127.0.0.1 (bound, read, released).
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    @Test func centralHostOnGitoliteAndNginx() throws {
        let missing = Self.programs.filter { !FileManager.default.isExecutableFile(atPath: $0) }
        guard missing.isEmpty else {
            print("HostTests: SKIPPED, not installed: \(missing.joined(separator: ", ")) (make test-deps installs openssh-server, gitolite3, nginx, apache2-utils, curl)")
            return
        }
        let box = try Sandbox()
        defer { box.remove() }
        let user = try HostingUser.make(box)
        try user.setHome(box, box.root.appendingPathComponent("host").path)
        let fm = FileManager.default
        let home = box.root.appendingPathComponent("host").path
        let work = home + "/work/centre", central = home + "/repositories/centre.git", site = home + "/site"
        try fm.createDirectory(atPath: home + "/etc", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: home + "/work", withIntermediateDirectories: true)
        var hostEnv = ["HOME": home, "PATH": "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin", "LANG": "C.UTF-8", "USER": user.name]
        hostEnv["GIT_CONFIG_NOSYSTEM"] = "1"
        /// Runs `args` as the hosting user with its own HOME.
        func asHost(_ args: [String], env extra: [String: String] = [:]) throws -> Outcome {
            let (program, rest) = user.command(args)
            return try box.run(program, rest, in: home, env: hostEnv.merging(extra) { $1 })
        }
        func chownHome() throws {
            if user.asRoot { #expect(try box.run("chown", ["-R", "\(user.name):\(user.name)", home]).status == 0) }
        }

        // Keys: staff, an auditor, and a stranger whose key nobody registered.
        func member(_ id: String, _ name: String, _ role: String) throws -> Member {
            let key = box.root.appendingPathComponent("key-\(id)").path
            #expect(try box.run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", id, "-f", key]).status == 0)
            return Member(id: id, name: name, role: role, key: key)
        }
        let zhou = try member("zhou.jl", "周经理", "manager"), li = try member("li.na", "李娜", "receptionist")
        let chen = try member("chen.jie", "陈洁", "cs-assistant"), audit = try member("sun.sj", "孙审计", "auditor")
        let stranger = try member("stranger", "陌生人", "receptionist")

        // The host's own clone, made by `casebook init` (system's key stays in it), with the staff.
        try box.ok(["init", work, "--desk", "H01", "--site", "翠湖花园服务中心"], now: Self.now())
        for m in [zhou, li, chen, audit] {
            let args = ["staff", "add", m.id, "--repo", work, "--name", m.name, "--email", m.email, "--role", m.role, "--key", m.key + ".pub", "--as", zhou.id]
            try box.ok(args, now: Self.now(), env: ["CASEBOOK_SIGNING_KEY": zhou.key])
        }
        // The manager keeps the staff-accountability ladder, so the dashboard has its managers/ page.
        let ladder = "d['accountability']={'clause':'003 篇2 第十二条','ladder':[{'atLeast':1,'consequence':'talk'},{'atLeast':2,'consequence':'public-criticism'}]}"
        try Self.edit(box, work, "records/procedures/residential.json", ladder)
        try Self.handCommit(box, in: work, as: zhou, message: "启用问责")
        // gitolite for the hosting user, then the centre's repository, seeded from the clone.
        try chownHome()
        let setup = try asHost(["gitolite", "setup", "-a", "admin"])
        #expect(setup.status == 0, "gitolite setup: \(setup.stdout)\(setup.stderr)")
        #expect(try asHost(["git", "init", "-q", "--bare", "-b", "main", central]).status == 0)
        try chownHome()
        #expect(try asHost(["git", "-C", work, "remote", "add", "origin", central]).status == 0)
        #expect(try asHost(["git", "-C", work, "push", "-q", "origin", "main"]).status == 0)
        #expect(try asHost(["git", "-C", work, "branch", "-q", "--set-upstream-to=origin/main"]).status == 0)
        let install = try asHost([Sandbox.binary, "host", "install", "--central", central, "--site", site, "--gitolite", home + "/.gitolite"])
        #expect(install.status == 0, "\(install.stderr)")
        let refresh = try asHost([Sandbox.binary, "host", "refresh", "--central", central])
        #expect(refresh.status == 0, "host refresh: \(refresh.stderr)")
        let authorized = (try? String(contentsOfFile: home + "/.ssh/authorized_keys", encoding: .utf8)) ?? ""
        for m in [zhou, li, chen, audit] { #expect(authorized.contains("gitolite-shell \(m.id)\""), "no key for \(m.id): \(authorized)") }
        #expect(!authorized.contains("stranger"))
        let conf = try String(contentsOfFile: home + "/.gitolite/conf/gitolite.conf", encoding: .utf8)
        #expect(conf.contains("RW  main$ = @staff") && conf.contains("R   = @auditors") && !conf.contains("RW+"), "\(conf)")
        // Passwords for everyone on the list; managers/ files for the manager only.
        var passwords: [String: String] = [:]
        for line in try String(contentsOfFile: site + "/auth/new-passwords", encoding: .utf8).split(separator: "\n") {
            let parts = line.split(separator: " ")
            passwords[String(parts[0])] = String(parts[1])
        }
        #expect(Set(passwords.keys) == [zhou.id, li.id, chen.id, audit.id])
        #expect(try String(contentsOfFile: site + "/auth/managers.htpasswd", encoding: .utf8).hasPrefix("zhou.jl:"))

        // sshd on a free loopback port, as the hosting user, with its own host key and config.
        let sshPort = Self.freePort()
        #expect(try asHost(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", home + "/etc/host_key"]).status == 0)
        let sshdConfig = """
            Port \(sshPort)
            ListenAddress 127.0.0.1
            HostKey \(home)/etc/host_key
            PidFile \(home)/etc/sshd.pid
            AuthorizedKeysFile \(home)/.ssh/authorized_keys
            SetEnv HOME=\(home)
            AllowUsers \(user.name)
            StrictModes no
            UsePAM no
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PubkeyAuthentication yes
            LogLevel ERROR

            """
        try sshdConfig.write(toFile: home + "/etc/sshd_config", atomically: true, encoding: .utf8)
        try chownHome()
        let sshd = try Server(box, user, ["/usr/sbin/sshd", "-D", "-e", "-f", home + "/etc/sshd_config"], env: hostEnv, log: box.root.path + "/sshd.log")
        defer { sshd.stop() }

        // nginx on another loopback port, as the hosting user, from the shipped site file.
        let httpPort = Self.freePort()
        let nginxDir = home + "/nginx"
        for sub in ["", "/tmp"] { try fm.createDirectory(atPath: nginxDir + sub, withIntermediateDirectories: true) }
        try Self.nginxConfig(site: site, dir: nginxDir, port: httpPort).write(toFile: nginxDir + "/nginx.conf", atomically: true, encoding: .utf8)
        try chownHome()
        let test = try asHost(["/usr/sbin/nginx", "-t", "-q", "-e", nginxDir + "/error.log", "-p", nginxDir, "-c", nginxDir + "/nginx.conf"])
        #expect(test.status == 0, "nginx -t: \(test.stderr)")
        let nginx = try Server(box, user, ["/usr/sbin/nginx", "-e", nginxDir + "/error.log", "-p", nginxDir, "-c", nginxDir + "/nginx.conf"],
                               env: hostEnv, log: box.root.path + "/nginx.log")
        defer { nginx.stop() }

        // Desks clone over ssh with their own keys.
        let url = "\(user.name)@127.0.0.1:centre"
        func ssh(_ m: Member) -> [String: String] {
            ["GIT_SSH_COMMAND": "ssh -i \(m.key) -p \(sshPort) -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR"]
        }
        var reachable = false
        for _ in 0..<200 where !reachable {
            reachable = try box.run("git", ["ls-remote", url], env: ssh(li)).status == 0
            if !reachable { usleep(50_000) }
        }
        #expect(reachable, "sshd/gitolite did not answer: \((try? String(contentsOfFile: box.root.path + "/sshd.log", encoding: .utf8)) ?? "")")
        guard reachable else { return }
        let deskLi = box.root.appendingPathComponent("desk-li").path, deskAudit = box.root.appendingPathComponent("desk-audit").path
        #expect(try box.run("git", ["clone", "-q", url, deskLi], env: ssh(li)).status == 0)
        try box.ok(["init", deskLi, "--desk", "L01"], now: Self.now())
        #expect(try box.run("git", ["clone", "-q", url, deskAudit], env: ssh(audit)).status == 0, "the auditor reads")

        // HTTP through curl.
        func http(_ path: String, as who: Member? = nil, password: String? = nil) throws -> String {
            var args = ["-s", "--path-as-is", "-o", "/dev/null", "-w", "%{http_code}"]
            if let who { args += ["-u", "\(who.id):\(password ?? passwords[who.id] ?? "")"] }
            return try box.run("curl", args + ["http://127.0.0.1:\(httpPort)\(path)"]).stdout
        }
        var up = false
        for _ in 0..<200 where !up {
            up = (try? http("/")) == "401"
            if !up { usleep(50_000) }
        }
        #expect(up, "nginx did not answer: \((try? String(contentsOfFile: nginxDir + "/error.log", encoding: .utf8)) ?? "")")

        func centralHead() throws -> String { try asHost(["git", "-C", central, "rev-parse", "main"]).stdout }
        func published() throws -> String { (try? fm.destinationOfSymbolicLink(atPath: site + "/current")) ?? "" }
        func on(_ m: Member, _ args: [String]) throws -> String {
            try box.ok(args + ["--repo", deskLi, "--as", m.id], now: Self.now(), env: ["CASEBOOK_SIGNING_KEY": m.key])
        }

        // A valid signed step by li.na, pushed by her: accepted, and the dashboard changes.
        let site0 = try published()
        let x = try on(li, ["open", "--kind", "complaint", "--severity", "minor", "--channel", "phone", "--unit", "3-2-1801",
                            "--reporter", "王女士", "--phone", "13812345678", "--summary", "楼道灯不亮"])
        let pushed = try box.run("git", ["push", "origin", "main"], in: deskLi, env: ssh(li))
        #expect(pushed.status == 0, "\(pushed.stderr)")
        let site1 = try published()
        #expect(site1 != site0 && fm.fileExists(atPath: "\(site)/current/cases/\(x).html"), "\(pushed.stderr)")
        #expect(try http("/cases/\(x).html", as: li) == "200")
        // The build's records beside the pages are not served.
        #expect(fm.fileExists(atPath: "\(site)/current/.casebook-records/index"))
        #expect(try http("/.casebook-records/index", as: li) == "404")
        // Written under gitolite's umask 077, yet readable by a web server running as another user.
        let mode = try fm.attributesOfItem(atPath: "\(site)/current/cases/\(x).html")[.posixPermissions] as? Int ?? 0
        #expect(mode & 0o004 != 0, "mode \(String(mode, radix: 8))")

        // Refused pushes: each says why to the pusher, and changes neither the repository nor the site.
        let head1 = try centralHead()
        func refused(_ m: Member, _ expected: [String], push: [String] = ["push", "origin", "main"], _ make: () throws -> Void) throws {
            try make()
            let o = try box.run("git", push, in: deskLi, env: ssh(m))
            #expect(o.status != 0, "pushed: \(push)")
            #expect(expected.contains { o.stderr.contains($0) }, "expected \(expected): \(o.stderr)")
            #expect(try centralHead() == head1)
            #expect(try published() == site1)
            #expect(try box.run("git", ["reset", "-q", "--hard", "origin/main"], in: deskLi).status == 0)
        }
        let path = casePath(x)
        let note = "e={'at':'\(Self.now())','by':'li.na','action':'note','text':'已联系电工'}\nd['events'].append(e)\nd['state']['updatedAt']=e['at']"
        // An unknown key.
        try refused(stranger, ["Permission denied"]) { try on(li, ["note", x, "已联系电工"]) }
        // li.na's own valid step, pushed by chen.jie.
        try refused(chen, ["pusher"]) { try on(li, ["note", x, "已联系电工"]) }
        // Unsigned, and signed by a key nobody registered, where li.na has a registered key.
        try refused(li, ["signed-commit"]) {
            try Self.edit(box, deskLi, path, note)
            try Self.handCommit(box, in: deskLi, as: li, message: "未签名", signed: false)
        }
        try refused(li, ["signed-commit"]) {
            try Self.edit(box, deskLi, path, note)
            try Self.handCommit(box, in: deskLi, as: Member(id: li.id, name: li.name, role: li.role, key: stranger.key), message: "别人的钥匙")
        }
        // A procedure violation: an edited past event.
        try refused(li, ["append-only"]) {
            try Self.edit(box, deskLi, path, "d['events'][0]['intake']['summary']='改过的'")
            try Self.handCommit(box, in: deskLi, as: li, message: "改记录")
        }
        // A force push (history rewritten) and a deletion.
        try refused(li, ["DENIED", "denying"], push: ["push", "-f", "origin", "main"]) {
            let reset = try box.run("git", ["reset", "-q", "--hard", "HEAD~1"], in: deskLi)
            #expect(reset.status == 0)
        }
        try refused(li, ["DENIED", "denying", "never deleted"], push: ["push", "origin", ":main"]) {}
        // A new branch.
        try refused(li, ["DENIED"], push: ["push", "origin", "main:other"]) {}
        // Any push by the auditor, even of a valid step.
        try refused(audit, ["DENIED"]) { try on(li, ["note", x, "已联系电工"]) }

        // HTTP: a login for everyone on the list, managers/ for managers only, whatever the spelling.
        #expect(try http("/") == "401")
        #expect(try http("/index.html", as: li, password: "wrong") == "401")
        #expect(try http("/index.html", as: li) == "200")
        #expect(try http("/index.html", as: audit) == "200")
        let managersPage = "/managers/accountability.html"
        #expect(fm.fileExists(atPath: site + "/current" + managersPage), "the dashboard has no managers/ page")
        #expect(try http(managersPage, as: zhou) == "200")
        #expect(try http(managersPage) == "401")
        for variant in [managersPage, "/Managers/accountability.html", "/MANAGERS/accountability.html", "/%6danagers/accountability.html",
                        "/%6Danagers%2Faccountability.html", "//managers/accountability.html", "/./managers/accountability.html",
                        "/cases/../managers/accountability.html", "/managers", "/managers/"] {
            let code = try http(variant, as: li)
            #expect(code == "403" || code == "401", "li.na on \(variant): \(code)")
            #expect(try http(variant) == "401", "no login on \(variant)")
        }

        // A removed member: the manager takes chen.jie off the list (signed, stock git) and pushes;
        // post-receive syncs gitolite's keys, and chen.jie can no longer push or log in.
        let deskZhou = box.root.appendingPathComponent("desk-zhou").path
        #expect(try box.run("git", ["clone", "-q", url, deskZhou], env: ssh(zhou)).status == 0)
        try Self.edit(box, deskZhou, "records/staff.json", "d['staff']=[m for m in d['staff'] if m['id']!='chen.jie']")
        try Self.handCommit(box, in: deskZhou, as: zhou, message: "陈洁离职")
        let removal = try box.run("git", ["push", "origin", "main"], in: deskZhou, env: ssh(zhou))
        #expect(removal.status == 0, "\(removal.stderr)")
        #expect(try box.run("git", ["pull", "-q", "--ff-only"], in: deskLi, env: ssh(li)).status == 0)
        let head2 = try centralHead(), site2 = try published()
        #expect(!(try String(contentsOfFile: home + "/.ssh/authorized_keys", encoding: .utf8)).contains("chen.jie"))
        #expect(try http("/index.html", as: chen) == "401")
        try on(li, ["note", x, "离职后"])
        let late = try box.run("git", ["push", "origin", "main"], in: deskLi, env: ssh(chen))
        #expect(late.status != 0 && late.stderr.contains("Permission denied"), "\(late.stderr)")
        #expect(try centralHead() == head2 && published() == site2)
        #expect(try box.run("git", ["reset", "-q", "--hard", "origin/main"], in: deskLi).status == 0)

        // A reader polling while the dashboard is rebuilt again and again never sees a 404.
        let stop = box.root.appendingPathComponent("stop-polling").path
        let codes = box.root.appendingPathComponent("codes").path
        let poll = """
            while [ ! -e \(stop) ]; do
              for p in /index.html /cases/\(x).html /open.html; do
                curl -s -o /dev/null -w '%{http_code}\\n' -u li.na:\(passwords[li.id]!) http://127.0.0.1:\(httpPort)$p >>\(codes)
              done
            done
            """
        let poller = Process()
        poller.executableURL = URL(fileURLWithPath: "/bin/sh")
        poller.arguments = ["-c", poll]
        try poller.run()
        for _ in 0..<3 {
            let o = try asHost([Sandbox.binary, "host", "publish", "--central", central])
            #expect(o.status == 0, "\(o.stderr)")
        }
        fm.createFile(atPath: stop, contents: nil)
        poller.waitUntilExit()
        let seen = try String(contentsOfFile: codes, encoding: .utf8).split(separator: "\n")
        #expect(seen.count >= 3 && seen.allSatisfy { $0 == "200" }, "codes during rebuilds: \(Dictionary(grouping: seen, by: { $0 }).mapValues(\.count))")
        #expect(try fm.contentsOfDirectory(atPath: site + "/releases").count == 2, "two builds kept")
        // A build that fails leaves the published site as it was, and no half-built folder.
        let before = try published()
        let failed = try asHost([Sandbox.binary, "host", "publish", "--central", central, "--now", "not-a-time"])
        #expect(failed.status != 0 && failed.stderr.contains("原站点保持不变") && failed.stderr.contains("不是"), "\(failed.stderr)")
        #expect(try published() == before && fm.contentsOfDirectory(atPath: site + "/releases").count == 2)
        #expect(try http("/index.html", as: li) == "200")

        // The host's schedule: sweep as system three days on, pushed through the same hook (as
        // system), and published.
        let later = Self.now(3 * 86_400)
        let sweep = try asHost([Sandbox.binary, "host", "sweep", "--work", work], env: ["CASEBOOK_NOW": later])
        #expect(sweep.status == 0, "host sweep: \(sweep.stdout)\(sweep.stderr)")
        let authors = try asHost(["git", "-C", central, "log", "--format=%ae", "\(head2.trimmingCharacters(in: .newlines))..main"]).stdout
        #expect(!authors.isEmpty && authors.split(separator: "\n").allSatisfy { $0 == "system@casebook.invalid" }, "swept: \(authors) \(sweep.stderr)")
        #expect(try published() != site2)
    }

    /// Now, or `seconds` from now, in China's time, as casebook reads it.
    static func now(_ seconds: Int = 0) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "Asia/Shanghai")
        return f.string(from: Date().addingTimeInterval(TimeInterval(seconds)))
    }

    /// The shipped host/nginx/casebook.conf for this host: its paths, a loopback port without TLS,
    /// inside a minimal nginx.conf whose files all live in `dir`.
    static func nginxConfig(site: String, dir: String, port: Int) throws -> String {
        let shipped = try String(contentsOf: Sandbox.projectRoot.appendingPathComponent("host/nginx/casebook.conf"), encoding: .utf8)
        var lines: [String] = []
        for line in shipped.components(separatedBy: "\n") {
            if line.hasPrefix("# http -> https") { break }
            if line.contains("[::]") || line.contains("ssl_certificate") { continue }
            lines.append(line.replacingOccurrences(of: "listen 443 ssl;", with: "listen 127.0.0.1:\(port);"))
        }
        let server = lines.joined(separator: "\n").replacingOccurrences(of: "/srv/casebook/centre", with: site)
        let temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map { "    \($0)_temp_path \(dir)/tmp/\($0);" }.joined(separator: "\n")
        return """
            daemon off;
            worker_processes 1;
            pid \(dir)/nginx.pid;
            error_log \(dir)/error.log;
            events { worker_connections 64; }
            http {
                include /etc/nginx/mime.types;
                access_log off;
            \(temp)
            \(server)
            }

            """
    }

    /// Commits the staged change with stock git as `member`, signed with their key unless
    /// `signed` is false, skipping the local pre-commit hook (the server must catch it).
    static func handCommit(_ box: Sandbox, in dir: String, as member: Member, message: String, signed: Bool = true) throws {
        var args = ["-c", "user.name=\(member.name)", "-c", "user.email=\(member.email)", "-c", "gpg.format=ssh",
                    "-c", "user.signingkey=\(member.key)", "commit", "-q", "--no-verify", "-am", message]
        if signed { args.insert("-S", at: args.count - 2) }
        let o = try box.run("git", args, in: dir)
        #expect(o.status == 0, "\(o.stderr)")
    }

    /// Rewrites the JSON file at `path` in `dir` with `python` acting on `d`.
    static func edit(_ box: Sandbox, _ dir: String, _ path: String, _ python: String) throws {
        let script = "import json,sys\np=sys.argv[1]\nd=json.load(open(p))\n\(python)\nopen(p,'w').write(json.dumps(d,ensure_ascii=False,indent=2,sort_keys=True))"
        let o = try box.run("python3", ["-c", script, dir + "/" + path], in: dir)
        #expect(o.status == 0, "\(o.stderr)")
    }
}
