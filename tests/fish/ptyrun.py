#!/usr/bin/env python3
"""Run a program on a pseudo-terminal, type the given input into it and
print everything it wrote, so that tests can check what an interactive
guestfish shows (tab completion, prompts, echo of keys).

usage: ptyrun.py TIMEOUT INPUT PROGRAM ARGS...
INPUT is typed a chunk at a time: chunks are separated by the two
characters "\\p" (a pause to let the program answer); a chunk that
starts with "\\?TEXT\\?" is typed only once TEXT has appeared in the
output (since the chunk before).  Python escapes like \\t, \\n and
\\x04 are understood."""

import os
import pty
import select
import sys
import time


def main():
    timeout = float(sys.argv[1])
    chunks = sys.argv[2].split("\\p")
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(sys.argv[3], sys.argv[3:])
    out = bytearray()
    deadline = time.time() + timeout

    def drain(wait):
        end = time.time() + wait
        while time.time() < min(end, deadline):
            r, _, _ = select.select([fd], [], [], 0.05)
            if r:
                try:
                    data = os.read(fd, 65536)
                except OSError:
                    return False
                if not data:
                    return False
                out.extend(data)
        return True

    drain(1.0)
    mark = 0
    for chunk in chunks:
        if chunk.startswith("\\?"):
            want, chunk = chunk[2:].split("\\?", 1)
            want = want.encode()
            while want not in out[mark:] and time.time() < deadline:
                if not drain(0.2):
                    break
        mark = len(out)
        os.write(fd, chunk.encode().decode("unicode_escape").encode("latin-1"))
        if not drain(1.0):
            break
    while drain(0.5) and time.time() < deadline:
        try:
            if os.waitpid(pid, os.WNOHANG)[0] == pid:
                break
        except ChildProcessError:
            break
    try:
        os.kill(pid, 9)
    except ProcessLookupError:
        pass
    sys.stdout.write(out.decode("utf-8", "replace"))


main()
