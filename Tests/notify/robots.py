#!/usr/bin/env python3
"""Stands in for the WeCom, DingTalk and Feishu robots on 127.0.0.1, for casebook's notify tests.

It checks each request as the platform does (payload shape, size limit, key or token, and the
DingTalk and Feishu signatures computed exactly as the platforms compute them) and answers as
the platform answers: 200 with errcode/code 0 when accepted, an error code otherwise.

  robots.py --dir D [--script wecom=fail,rate,hold dingtalk=ok ...] [--timeout 120]

Writes D/port once listening; appends one JSON line per request to D/log.jsonl:
{"robot", "outcome": delivered|rejected|failed|rate|dropped, "why", "text", "mentions"}.
A script gives, per robot, the next answers in order (then ok): `fail` (errcode/code 500-ish
error in a 200 answer), `http500`, `rate` (the platform's rate-limit code), `hold` (keep the
request until the file D/release exists, then drop the connection without answering: the sender
was killed mid-send; the message counts as not delivered). Exits after --timeout seconds.
"""
import signal, argparse, base64, hashlib, hmac, json, os, sys, threading, time, urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

WECOM_KEY = "test-wecom-key"
DING_TOKEN = "test-ding-token"
DING_SECRET = "SECtest-ding-secret"
FEISHU_TOKEN = "test-feishu-token"
FEISHU_SECRET = "test-feishu-secret"

parser = argparse.ArgumentParser()
parser.add_argument("--dir", required=True)
parser.add_argument("--script", nargs="*", default=[])
parser.add_argument("--timeout", type=float, default=120)
args = parser.parse_args()
# The test process may have blocked SIGTERM in the mask this process inherits.
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])
script = {}
for item in args.script:
    robot, _, steps = item.partition("=")
    script[robot] = [s for s in steps.split(",") if s]
lock = threading.Lock()


def log(entry):
    with lock:
        with open(os.path.join(args.dir, "log.jsonl"), "a", encoding="utf-8") as f:
            f.write(json.dumps(entry, ensure_ascii=False) + "\n")


def next_step(robot):
    with lock:
        steps = script.get(robot, [])
        return steps.pop(0) if steps else "ok"


def check_wecom(query, body):
    if query.get("key") != [WECOM_KEY]:
        return 93000, "invalid webhook url", None, []
    if body.get("msgtype") != "markdown" or not isinstance(body.get("markdown", {}).get("content"), str):
        return 40008, "invalid message type", None, []
    content = body["markdown"]["content"]
    if len(content.encode("utf-8")) > 4096:
        return 40058, "markdown.content exceed max length 4096", content, []
    return 0, "ok", content, [m for m in content.split("<@")[1:]]


def check_dingtalk(query, body):
    if query.get("access_token") != [DING_TOKEN]:
        return 300001, "token is not exist", None, []
    ts, sign = query.get("timestamp", [""])[0], query.get("sign", [""])[0]
    if not ts.isdigit() or abs(int(ts) - time.time() * 1000) > 3600 * 1000:
        return 310000, "invalid timestamp", None, []
    string_to_sign = f"{ts}\n{DING_SECRET}".encode("utf-8")
    expected = base64.b64encode(hmac.new(DING_SECRET.encode("utf-8"), string_to_sign, digestmod=hashlib.sha256).digest()).decode()
    # The query string is URL-decoded once by the server, as DingTalk does.
    if sign != expected:
        return 310000, "sign not match", None, []
    md = body.get("markdown", {})
    if body.get("msgtype") != "markdown" or not isinstance(md.get("title"), str) or not isinstance(md.get("text"), str):
        return 40035, "invalid markdown", None, []
    at = body.get("at", {})
    if not isinstance(at.get("atUserIds", []), list):
        return 40035, "invalid at", None, []
    return 0, "ok", md["text"], at.get("atUserIds", [])


def check_feishu(path, body):
    if path != "/feishu/hook/" + FEISHU_TOKEN:
        return 19001, "param invalid: incoming webhook access token invalid", None, []
    ts, sign = body.get("timestamp"), body.get("sign")
    if not isinstance(ts, str) or not ts.isdigit() or abs(int(ts) - time.time()) > 3600:
        return 19021, "sign match fail or timestamp is not within one hour from current time", None, []
    key = f"{ts}\n{FEISHU_SECRET}".encode("utf-8")
    expected = base64.b64encode(hmac.new(key, b"", digestmod=hashlib.sha256).digest()).decode()
    if sign != expected:
        return 19021, "sign match fail or timestamp is not within one hour from current time", None, []
    if body.get("msg_type") != "text" or not isinstance(body.get("content", {}).get("text"), str):
        return 19002, "params error, msg_type need", None, []
    text = body["content"]["text"]
    return 0, "success", text, [p.split('"')[0] for p in text.split('<at user_id="')[1:]]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def answer(self, status, obj):
        data = json.dumps(obj).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(data)
        self.close_connection = True

    def do_POST(self):
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query)
        raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        try:
            body = json.loads(raw.decode("utf-8"))
        except Exception:
            body = {}
        if url.path.startswith("/wecom/"):
            robot, codekey, msgkey = "wecom", "errcode", "errmsg"
            code, msg, text, mentions = check_wecom(query, body)
        elif url.path.startswith("/dingtalk/"):
            robot, codekey, msgkey = "dingtalk", "errcode", "errmsg"
            code, msg, text, mentions = check_dingtalk(query, body)
        elif url.path.startswith("/feishu/"):
            robot, codekey, msgkey = "feishu", "code", "msg"
            code, msg, text, mentions = check_feishu(url.path, body)
        else:
            self.answer(404, {"error": "no such robot"})
            return
        if code != 0:
            log({"robot": robot, "outcome": "rejected", "why": f"{code} {msg}", "text": text})
            self.answer(200, {codekey: code, msgkey: msg})
            return
        step = next_step(robot)
        if step == "hold":
            log({"robot": robot, "outcome": "holding", "text": text})
            release = os.path.join(args.dir, "release")
            while not os.path.exists(release):
                time.sleep(0.05)
            log({"robot": robot, "outcome": "dropped", "text": text})
            self.close_connection = True
            return
        if step == "http500":
            log({"robot": robot, "outcome": "failed", "why": "http500", "text": text})
            self.answer(500, {"message": "internal error"})
            return
        if step == "fail":
            log({"robot": robot, "outcome": "failed", "why": "system busy", "text": text})
            self.answer(200, {codekey: -1, msgkey: "system busy"})
            return
        if step == "rate":
            rate = {"wecom": 45009, "dingtalk": 130101, "feishu": 9499}[robot]
            log({"robot": robot, "outcome": "rate", "text": text})
            self.answer(200, {codekey: rate, msgkey: "send too fast"})
            return
        log({"robot": robot, "outcome": "delivered", "text": text, "mentions": mentions})
        self.answer(200, {codekey: 0, msgkey: msg})


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
with open(os.path.join(args.dir, "port.tmp"), "w") as f:
    f.write(str(server.server_address[1]))
os.rename(os.path.join(args.dir, "port.tmp"), os.path.join(args.dir, "port"))
threading.Timer(args.timeout, lambda: os._exit(0)).start()
server.serve_forever()
