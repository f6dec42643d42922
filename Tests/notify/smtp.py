#!/usr/bin/env python3
"""A local SMTP server (aiosmtpd) for casebook's notify tests: writes D/port once listening and
each message it receives to D/mail/<n>.eml (with the envelope in D/mail/<n>.json); exits after
--timeout seconds."""
import signal, argparse, json, os, socket, sys, time
from aiosmtpd.controller import Controller

parser = argparse.ArgumentParser()
parser.add_argument("--dir", required=True)
parser.add_argument("--timeout", type=float, default=120)
args = parser.parse_args()
# The test process may have blocked SIGTERM in the mask this process inherits.
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])
os.makedirs(os.path.join(args.dir, "mail"), exist_ok=True)


class Handler:
    count = 0

    async def handle_DATA(self, server, session, envelope):
        Handler.count += 1
        base = os.path.join(args.dir, "mail", str(Handler.count))
        with open(base + ".eml", "wb") as f:
            f.write(envelope.original_content)
        with open(base + ".json", "w") as f:
            json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos}, f)
        return "250 OK"


with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
controller = Controller(Handler(), hostname="127.0.0.1", port=port)
controller.start()
with open(os.path.join(args.dir, "port.tmp"), "w") as f:
    f.write(str(port))
os.rename(os.path.join(args.dir, "port.tmp"), os.path.join(args.dir, "port"))
time.sleep(args.timeout)
controller.stop()
