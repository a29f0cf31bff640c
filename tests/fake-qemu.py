#!/usr/bin/env python3
"""A hostile stand-in for qemu (LIBGUESTFS_HV=fake-qemu.py): speaks the
daemon's side of the protocol on fd 3, but sends what FAKE_MODE says —
malformed, oversized or mismatched messages — so tests can check that the
library fails cleanly instead of crashing, hanging or over-allocating."""

import os
import socket
import struct
import sys
import time

PROGRAM = 0x2000F5F5
VERSION = 1001
LAUNCH_FLAG = 0xF5F55FF5
PROGRESS_FLAG = 0xFFFF5555

mode = os.environ.get("FAKE_MODE", "ok")
# No monitor here: closing it tells the library at once (it then does
# without warm launches and hot-plugging).
try:
    os.close(4)
except OSError:
    pass
sock = socket.socket(fileno=3)


def recv_exact(n):
    b = b""
    while len(b) < n:
        c = sock.recv(n - len(b))
        if not c:
            sys.exit(0)
        b += c
    return b


def read_call():
    (n,) = struct.unpack(">I", recv_exact(4))
    body = recv_exact(n)
    prog, vers, proc, direction, serial = struct.unpack(">IIiII", body[:20])
    return proc, serial


def header(proc, serial, status=0, prog=PROGRAM, vers=VERSION, direction=1):
    return struct.pack(">IIiIIQQi", prog, vers, proc, direction, serial, 0, 0, status)


def xdr_string(s):
    b = s.encode()
    return struct.pack(">I", len(b)) + b + b"\0" * ((4 - len(b) % 4) % 4)


def send_msg(b):
    sock.sendall(struct.pack(">I", len(b)) + b)


if mode == "bad-hello":
    sock.sendall(struct.pack(">I", 0x12345678))
    time.sleep(30)
    sys.exit(0)

sock.sendall(struct.pack(">I", LAUNCH_FLAG))
print("fake-qemu: hello sent, mode", mode, flush=True)

while True:
    proc, serial = read_call()
    if proc == 91:
        # internal_autosync (RErr) at shutdown: a plain, empty reply.
        send_msg(header(proc, serial))
    elif mode == "huge-length":
        sock.sendall(struct.pack(">I", 0xF0000000))
    elif mode == "bad-serial":
        send_msg(header(proc, serial + 7))
    elif mode == "bad-program":
        send_msg(header(proc, serial, prog=0x1234))
    elif mode == "bad-direction":
        send_msg(header(proc, serial, direction=0))
    elif mode == "bad-status":
        send_msg(header(proc, serial, status=9))
    elif mode == "trailing-garbage":
        send_msg(header(proc, serial) + b"\0\0\0\1")
    elif mode == "odd-hashtable":
        # list_filesystems' ret: a string array of odd length.
        send_msg(header(proc, serial) + struct.pack(">I", 3) +
                 xdr_string("/dev/sda") + xdr_string("ext4") + xdr_string("/dev/sdb"))
    elif mode == "huge-string":
        send_msg(header(proc, serial) + struct.pack(">II", 1, 0xFFFFFFF0) + b"abcd")
    elif mode == "huge-array":
        send_msg(header(proc, serial) + struct.pack(">I", 0x7FFFFFFF) + b"abcd")
    elif mode == "bad-error":
        # An error reply whose message is longer than the protocol allows.
        send_msg(header(proc, serial, status=1) + xdr_string("EIO") +
                 struct.pack(">I", 0x7FFFFFFF))
    elif mode == "error-reply":
        send_msg(header(proc, serial, status=1) + xdr_string("ENOENT") +
                 xdr_string("/nope: No such file or directory"))
    elif mode == "progress-then-ok":
        sock.sendall(struct.pack(">IiIQQ", PROGRESS_FLAG, proc, serial, 99, 10))
        send_msg(header(proc, serial) + struct.pack(">I", 0))
    elif mode == "stream-bad-chunk":
        send_msg(header(proc, serial, status=2))
        sock.sendall(struct.pack(">I", 0x7FFFFFF0))
    elif mode == "evil-tar" and proc in (60, 61):
        # copy_out asks is_file, then is_dir: a directory.
        send_msg(header(proc, serial) + struct.pack(">I", 1 if proc == 61 else 0))
    elif mode == "evil-tar" and proc == 83:
        # tar_out: an archive whose members try to leave the directory.
        send_msg(header(proc, serial))
        data = open(os.environ["FAKE_TAR"], "rb").read()
        for i in range(0, len(data), 65536):
            part = data[i:i + 65536]
            pad = b"\0" * ((4 - len(part) % 4) % 4)
            sock.sendall(struct.pack(">IiI", 8 + len(part) + len(pad), 0, len(part)) + part + pad)
        sock.sendall(struct.pack(">IiI", 8, 0, 0))
    elif mode == "exit":
        sys.exit(0)
    else:
        send_msg(header(proc, serial) + struct.pack(">I", 0))
