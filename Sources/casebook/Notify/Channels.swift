import CaseModel
import CasebookEngine
import Crypto
import Foundation

/// What a platform answered one message.
struct Answer {
    var ok: Bool
    /// The answer as recorded: `errcode 0 ok`, `HTTP 502`, `code 19021 sign match fail`, `250`.
    var text: String
    /// The platform asked to slow down (WeCom 45009, DingTalk 130101, Feishu 9499/11232).
    var rateLimited = false
}

/// The four channels: how a message is sent and how its answer is read. Success is the body's
/// `errcode`/`code` 0, never the HTTP status alone (the robots answer 200 with an error code).
enum Channels {
    static var timeout: TimeInterval {
        ProcessInfo.processInfo.environment["CASEBOOK_NOTIFY_TIMEOUT"].flatMap(TimeInterval.init) ?? 20
    }

    static func send(_ d: Delivery, secret: NotifySecrets.Entry) -> Answer {
        switch d.type {
        case .wecom: return wecom(d, secret)
        case .dingtalk: return dingtalk(d, secret)
        case .feishu: return feishu(d, secret)
        case .email: return Mail.send(d, secret)
        }
    }

    // MARK: - WeCom group robot (企业微信群机器人)

    static func wecom(_ d: Delivery, _ secret: NotifySecrets.Entry) -> Answer {
        guard let hook = secret.webhook, let url = URL(string: hook) else { return Answer(ok: false, text: "no webhook") }
        let body: [String: Any] = ["msgtype": "markdown", "markdown": ["content": d.text]]
        return post(url, body) { json in errcode(json, rateCodes: [45009]) }
    }

    // MARK: - DingTalk custom robot (钉钉自定义机器人), with 加签

    /// DingTalk's 加签: HMAC-SHA256 of `timestamp\nsecret` keyed by the secret, base64, URL-encoded.
    static func dingtalkSign(timestamp: Int64, secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(timestamp)\n\(secret)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return Data(mac).base64EncodedString().addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }

    static func dingtalk(_ d: Delivery, _ secret: NotifySecrets.Entry) -> Answer {
        guard var hook = secret.webhook else { return Answer(ok: false, text: "no webhook") }
        if let key = secret.secret, !key.isEmpty {
            let ms = Int64(Date().timeIntervalSince1970 * 1000)
            hook += (hook.contains("?") ? "&" : "?") + "timestamp=\(ms)&sign=\(dingtalkSign(timestamp: ms, secret: key))"
        }
        guard let url = URL(string: hook) else { return Answer(ok: false, text: "bad webhook") }
        let body: [String: Any] = ["msgtype": "markdown", "markdown": ["title": d.subject, "text": d.text],
                                   "at": ["atUserIds": d.mentions ?? [], "isAtAll": false]]
        return post(url, body) { json in errcode(json, rateCodes: [130101]) }
    }

    // MARK: - Feishu custom bot (飞书自定义机器人), with its signing

    /// Feishu's signature: HMAC-SHA256 keyed by `timestamp\nsecret` over an empty message, base64.
    static func feishuSign(timestamp: Int64, secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(), using: SymmetricKey(data: Data("\(timestamp)\n\(secret)".utf8)))
        return Data(mac).base64EncodedString()
    }

    static func feishu(_ d: Delivery, _ secret: NotifySecrets.Entry) -> Answer {
        guard let hook = secret.webhook, let url = URL(string: hook) else { return Answer(ok: false, text: "no webhook") }
        var body: [String: Any] = ["msg_type": "text", "content": ["text": d.text]]
        if let key = secret.secret, !key.isEmpty {
            let s = Int64(Date().timeIntervalSince1970)
            body["timestamp"] = "\(s)"
            body["sign"] = feishuSign(timestamp: s, secret: key)
        }
        return post(url, body) { json in
            let code = (json["code"] as? Int) ?? (json["StatusCode"] as? Int)
            let msg = (json["msg"] as? String) ?? (json["StatusMessage"] as? String) ?? ""
            guard let code else { return nil }
            return Answer(ok: code == 0, text: "code \(code) \(msg)", rateLimited: [9499, 11232].contains(code))
        }
    }

    // MARK: - HTTP

    static func errcode(_ json: [String: Any], rateCodes: Set<Int>) -> Answer? {
        guard let code = json["errcode"] as? Int else { return nil }
        return Answer(ok: code == 0, text: "errcode \(code) \((json["errmsg"] as? String) ?? "")", rateLimited: rateCodes.contains(code))
    }

    /// A value for curl's configuration file: in double quotes, with `\\`, `"` and the line ends escaped.
    static func curlQuoted(_ value: String) -> String {
        var quoted = "\""
        for c in value.unicodeScalars {
            switch c {
            case "\\": quoted += "\\\\"
            case "\"": quoted += "\\\""
            case "\n": quoted += "\\n"
            case "\r": quoted += "\\r"
            case "\t": quoted += "\\t"
            default: quoted.unicodeScalars.append(c)
            }
        }
        return quoted + "\""
    }

    /// POSTs `body` as JSON through `curl` (as mail goes through it) and reads the answer with
    /// `read` (nil: not the platform's answer). Not through FoundationNetworking: importing it links
    /// libcurl and its two dozen libraries into every casebook process, and a state change would pay
    /// for loading them (about 5 ms a process) although only `notify` sends anything.
    static func post(_ url: URL, _ body: [String: Any], read: ([String: Any]) -> Answer?) -> Answer {
        let payload = (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])) ?? Data()
        // Everything but the switches goes to curl as its configuration on standard input: the
        // webhook's key or token and the message stay off the command line (visible in `ps`).
        let config = [("url", url.absoluteString), ("request", "POST"),
                      ("header", "Content-Type: application/json; charset=utf-8"),
                      ("data-binary", String(decoding: payload, as: UTF8.self)),
                      ("noproxy", "*"), ("max-time", String(timeout)), ("write-out", "\n%{http_code}")]
            .map { "\($0) = \(curlQuoted($1))\n" }.joined()
        let (status, out, err) = Mail.run("/usr/bin/env", ["curl", "--silent", "--show-error", "--config", "-"], input: Data(config.utf8))
        if status != 0 { return Answer(ok: false, text: oneLine("curl \(status) \(err)", limit: 200)) }
        // The answer's body, then the status on a line of its own (`--write-out`).
        let cut = out.lastIndex(of: UInt8(ascii: "\n")) ?? out.startIndex
        let data = Data(out[out.startIndex..<cut])
        let code = Int(String(decoding: out[(cut < out.endIndex ? out.index(after: cut) : cut)...], as: UTF8.self)) ?? 0
        if let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any], let answer = read(json) {
            return Answer(ok: answer.ok, text: oneLine(answer.text, limit: 200), rateLimited: answer.rateLimited || code == 429)
        }
        return Answer(ok: false, text: "HTTP \(code) \(oneLine(String(decoding: data.prefix(160), as: UTF8.self), limit: 160))",
                      rateLimited: code == 429)
    }
}

/// E-mail: one message per person, UTF-8 subject, `Auto-Submitted: auto-generated`, through SMTP
/// submission (curl speaks it, with STARTTLS) or the system's `sendmail`.
enum Mail {
    static func encodedWord(_ s: String) -> String {
        s.allSatisfy({ $0.isASCII }) ? s : "=?UTF-8?B?\(Data(s.utf8).base64EncodedString())?="
    }

    static func message(_ d: Delivery, from: String) -> Data {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        formatter.timeZone = TimeZone(secondsFromGMT: d.planned.offsetSeconds)
        let body = Data(d.text.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        let head = [
            "From: casebook <\(from)>",
            "To: <\(d.address ?? "")>",
            "Subject: \(encodedWord(d.subject))",
            "Date: \(formatter.string(from: d.planned.date))",
            "Message-ID: <\(d.id)@casebook.invalid>",
            "Auto-Submitted: auto-generated",
            "X-Auto-Response-Suppress: All",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: base64",
        ]
        return Data((head.joined(separator: "\r\n") + "\r\n\r\n" + body + "\r\n").utf8)
    }

    static func send(_ d: Delivery, _ secret: NotifySecrets.Entry) -> Answer {
        guard let to = d.address, !to.isEmpty else { return Answer(ok: false, text: "no address") }
        let from = secret.from ?? "casebook@localhost"
        let message = message(d, from: from)
        if let smtp = secret.smtp {
            var args = ["--silent", "--show-error", "--url", smtp, "--mail-from", from, "--mail-rcpt", to, "--upload-file", "-",
                        "--max-time", "\(Int(Channels.timeout))"]
            if smtp.hasPrefix("smtp://") { args.append(secret.starttls == true ? "--ssl-reqd" : "--ssl") }
            var config: String?
            if let user = secret.username {
                let path = NSTemporaryDirectory() + "casebook-mail-\(UUID().uuidString)"
                let line = "user = \"\(user.replacingOccurrences(of: "\"", with: "\\\""))"
                    + ":\((secret.password ?? "").replacingOccurrences(of: "\"", with: "\\\""))\"\n"
                FileManager.default.createFile(atPath: path, contents: Data(line.utf8), attributes: [.posixPermissions: 0o600])
                args += ["--config", path]
                config = path
            }
            defer { if let config { try? FileManager.default.removeItem(atPath: config) } }
            let (status, _, err) = run("/usr/bin/env", ["curl"] + args, input: message)
            return status == 0 ? Answer(ok: true, text: "smtp 250 accepted") : Answer(ok: false, text: "smtp curl \(status) \(oneLine(err, limit: 160))")
        }
        let program = secret.sendmail ?? "/usr/sbin/sendmail"
        let (status, _, err) = run(program, ["-i", "-f", from, "--", to], input: message)
        return status == 0 ? Answer(ok: true, text: "sendmail 0") : Answer(ok: false, text: "sendmail \(status) \(oneLine(err, limit: 160))")
    }

    /// Runs `program` with `input` on its standard input: its exit status, standard output and
    /// standard error (read side by side, so that neither pipe fills while the other is read).
    static func run(_ program: String, _ args: [String], input: Data) -> (Int32, Data, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = args
        let inp = Pipe(), out = Pipe(), err = Pipe()
        p.standardInput = inp
        p.standardError = err
        p.standardOutput = out
        do { try p.run() } catch { return (127, Data(), "\(error)") }
        let box = OutputBox()
        let reading = DispatchGroup()
        reading.enter()
        DispatchQueue.global().async {
            box.out = out.fileHandleForReading.readDataToEndOfFile()
            reading.leave()
        }
        inp.fileHandleForWriting.write(input)
        try? inp.fileHandleForWriting.close()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        reading.wait()
        p.waitUntilExit()
        return (p.terminationStatus, box.out, String(decoding: e, as: UTF8.self))
    }

    final class OutputBox: @unchecked Sendable {
        var out = Data()
    }
}
