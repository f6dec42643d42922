#!/usr/bin/env python3
"""Drives a program on a real pseudo-terminal, for the tests of casebook's guided intake.

usage: drive.py SCRIPT.json PROGRAM [ARGS...]

SCRIPT.json is a list of [expect, answer] pairs: wait until `expect` appears in the output
(after the previous match), then type `answer` and Enter (nothing when `answer` is null). Afterwards the output is read to the
end. Prints everything the terminal showed; exits with the program's exit status, or 124 when an
expected text did not appear within 20 seconds.
"""
import json
import os
import pty
import select
import sys
import time

def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        steps = json.load(f)
    argv = sys.argv[2:]
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(argv[0], argv)
    buf = b""
    pos = 0

    def read(timeout):
        nonlocal buf
        r, _, _ = select.select([fd], [], [], timeout)
        if not r:
            return None
        try:
            data = os.read(fd, 4096)
        except OSError:
            data = b""
        buf += data
        return data

    for expect, answer in steps:
        want = expect.encode("utf-8")
        deadline = time.time() + 20
        while buf.find(want, pos) < 0:
            left = deadline - time.time()
            data = read(max(left, 0)) if left > 0 else None
            if not data:
                sys.stdout.write(buf.decode("utf-8", "replace"))
                sys.stdout.write("\n[drive.py: did not see %r]\n" % expect)
                os.kill(pid, 9)
                os.waitpid(pid, 0)
                sys.exit(124)
        pos = buf.find(want, pos) + len(want)
        if answer is not None:
            os.write(fd, answer.encode("utf-8") + b"\n")
    deadline = time.time() + 20
    while time.time() < deadline:
        data = read(deadline - time.time())
        if not data:
            break
    _, status = os.waitpid(pid, 0)
    sys.stdout.write(buf.decode("utf-8", "replace"))
    sys.exit(os.waitstatus_to_exitcode(status))

main()
