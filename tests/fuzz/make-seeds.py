#!/usr/bin/env python3
"""make-seeds.py [DIR]: write the protocol seeds of the fuzz corpora
(corpus/lib-reply, corpus/xdr-reply, corpus/daemon-args under DIR,
default the directory of this script): valid replies, progress
messages and chunk streams as the daemon sends them, and valid calls as
the library sends them, encoded from the API table of generator/gk/
(standard library only).  The files are committed; rerun this after a
protocol change."""

import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "generator"))

from gk import api  # noqa: E402

CALLS = api.DAEMON_CALLS          # the order of procs.c and lib-calls.c
INDEX = {c.name: i for i, c in enumerate(CALLS)}
STRUCTS = {s.name: s for s in api.STRUCTS}
REPLY, CALL = 1, 0
OK, ERROR, STREAM = 0, 1, 2


# ---- XDR ----

def u32(v): return struct.pack(">I", v)
def i32(v): return struct.pack(">i", v)
def hyper(v): return struct.pack(">q", v)
def uhyper(v): return struct.pack(">Q", v)


def opaque(b):
    return u32(len(b)) + b + b"\0" * ((4 - len(b) % 4) % 4)


def string(s):
    return opaque(s.encode() if isinstance(s, str) else s)


def strlist(l):
    return u32(len(l)) + b"".join(string(s) for s in l)


def field(f, n):
    """A sample value of struct field f (n varies it between elements)."""
    k = f.kind
    if k == "FString":
        return string("%s-%d" % (f.name, n))
    if k == "FBuffer":
        return opaque(b"val\0ue%d" % n)
    if k == "FUUID":
        return b"%032d" % n
    if k in ("FUInt32", "FInt32", "FChar"):
        return i32(ord("r") if k == "FChar" else n + 1)
    if k in ("FUInt64", "FInt64", "FBytes"):
        return hyper(4096 * (n + 1))
    if k == "FOptPercent":
        return struct.pack(">f", -1.0 if n else 42.5)
    raise ValueError(k)


def struct_val(name, n=0):
    return b"".join(field(f, n) for f in STRUCTS[name].fields)


def ret(c):
    k = c.ret.kind
    return {
        "RErr": lambda: b"",
        "RInt": lambda: i32(1),
        "RBool": lambda: i32(1),
        "RInt64": lambda: hyper(123456789),
        "RString": lambda: string("/dev/sda1"),
        "RStringList": lambda: strlist(["/dev/sda", "/dev/sdb"]),
        "RHashtable": lambda: strlist(["/dev/sda1", "ext4", "/dev/sda2", "swap"]),
        "RBufferOut": lambda: opaque(b"hello\0world\n"),
        "RStruct": lambda: struct_val(c.ret.struct),
        "RStructList": lambda: u32(2) + struct_val(c.ret.struct, 0) +
        struct_val(c.ret.struct, 1),
    }[k]()


# ---- messages ----

def header(c, serial, direction, status, optargs=0, hint=0):
    return (u32(api.PROGRAM) + u32(api.PROTOCOL_VERSION) + i32(c.proc) +
            i32(direction) + u32(serial) + uhyper(hint) + uhyper(optargs) +
            i32(status))


def message(body):
    return u32(len(body)) + body


def chunk(data, cancel=0):
    pad = (4 - len(data) % 4) % 4
    return u32(8 + len(data) + pad) + i32(cancel) + opaque(data)


def progress(c, serial, pos, total):
    return u32(api.PROGRESS_FLAG) + i32(c.proc) + u32(serial) + uhyper(pos) + uhyper(total)


def reply(c, serial):
    return message(header(c, serial, REPLY, OK) + ret(c))


def error(c, serial, errno_name="ENOENT", msg="/a: No such file or directory"):
    return message(header(c, serial, REPLY, ERROR) + string(errno_name) + string(msg))


def streamed(c, serial, pieces=3):
    body = ret(c)
    step = max(1, len(body) // pieces)
    chunks = b"".join(chunk(body[i:i + step]) for i in range(0, len(body), step))
    return message(header(c, serial, REPLY, STREAM)) + chunks + chunk(b"")


def start(name):
    return struct.pack(">H", INDEX[name])


def lib_reply_seeds():
    by = api.BY_NAME
    s = {}
    for name in ("list_devices", "list_filesystems", "statns", "lstatnslist",
                 "readdir", "lxattrlist", "lvs_full", "read_file", "filesize",
                 "exists", "touch", "readlink", "internal_feature_available",
                 "inspect_os"):
        s["ok-" + name] = start(name) + reply(by[name], 0)
    s["error-statns"] = start("statns") + error(by["statns"], 0)
    s["progress-then-ok"] = (start("touch") + progress(by["touch"], 0, 10, 100) +
                             progress(by["touch"], 0, 100, 100) + reply(by["touch"], 0))
    s["stream-lstatnslist"] = start("lstatnslist") + streamed(by["lstatnslist"], 0)
    s["stream-cancelled"] = (start("read_file") + message(header(by["read_file"], 0, REPLY, STREAM)) +
                             chunk(b"abcd") + chunk(b"", 1) + error(by["read_file"], 0, "EIO", "read error"))
    d = by["download"]
    s["download"] = (start("download") + reply(d, 0) + chunk(b"file contents\n") +
                     progress(d, 0, 5, 10) + chunk(b"more") + chunk(b""))
    s["download-cancelled"] = (start("download") + reply(d, 0) + chunk(b"part") +
                               chunk(b"", 1) + error(d, 0, "EIO", "read failed"))
    u = by["upload"]
    s["upload"] = start("upload") + reply(u, 0)
    s["upload-daemon-cancels"] = (start("upload") + u32(api.CANCEL_FLAG) +
                                  error(u, 0, "ENOSPC", "No space left on device"))
    # Consecutive calls in table order, serials 0, 1, 2.
    first = INDEX["list_devices"]
    s["sequence"] = start("list_devices") + b"".join(
        reply(CALLS[first + i], i) for i in range(3))
    return s


def xdr_reply_seeds():
    s = {}
    for name in ("list_filesystems", "statns", "lstatnslist", "readdir",
                 "lxattrlist", "lvs_full", "read_file", "filesize", "readlink",
                 "inspect_os", "vfs_type", "statvfs", "part_list"):
        c = api.BY_NAME[name]
        s["ret-" + name] = start(name) + ret(c)
    c = api.BY_NAME["touch"]
    s["header"] = start("touch") + header(c, 7, REPLY, OK)
    s["error"] = start("touch") + string("EIO") + string("Input/output error")
    s["progress"] = start("touch") + i32(c.proc) + u32(7) + uhyper(5) + uhyper(10)
    s["chunk"] = start("touch") + i32(0) + opaque(b"chunk data")
    return s


# ---- calls, as the library sends them ----

def arg(a):
    k = a.kind
    if k == "OptString":
        return u32(1) + string("/a")
    if a.is_string:
        return string({"Device": "/dev/sda", "Mountable": "/dev/sda1",
                       "Dev_or_Path": "/dev/sda1", "Pathname": "/etc/fstab",
                       "GUID": "21686148-6449-6E6F-744E-656564454649"}.get(k, "ext4"))
    if a.is_list:
        return strlist(["/dev/sda1", "/dev/sdb1"] if k == "DeviceList" else ["a", "b"])
    if k in ("Int", "Bool"):
        return i32(1)
    if k == "Int64":
        return hyper(1024)
    if k == "BufferIn":
        return opaque(b"contents\n")
    raise ValueError(k)


def optarg(o):
    return {"OBool": lambda: i32(1), "OInt": lambda: i32(4096),
            "OInt64": lambda: hyper(1 << 20), "OString": lambda: string("label"),
            "OStringList": lambda: strlist(["x", "y"])}[o.kind]()


def call_args(c):
    """The args struct: the arguments, then every optional argument."""
    return (b"".join(arg(a) for a in c.wire_args) +
            b"".join(optarg(o) for o in c.optargs))


def call(c, serial, optmask=0):
    return message(header(c, serial, CALL, OK, optmask) + call_args(c))


def daemon_args_seeds():
    by = api.BY_NAME
    s = {}
    for name in ("mount", "part_disk", "lvcreate", "aug_set", "checksum",
                 "write", "lstatnslist", "mkfs_btrfs", "hivex_value_value",
                 "download", "read_file", "internal_feature_available"):
        s["call-" + name] = call(by[name], 0)
    mkfs = by["mkfs"]
    s["call-mkfs-optargs"] = call(mkfs, 0, (1 << len(mkfs.optargs)) - 1)
    # An unknown optional-argument bit on a call with arguments (the stubs
    # once freed their uninitialised args after this error).
    s["call-mount-bad-optargs"] = call(by["mount"], 0, 1)
    tar = by["tar_out"]
    s["call-tar-out-optargs"] = call(tar, 0, 0b100101)
    up = by["upload"]
    s["call-upload-stream"] = (call(up, 0) + chunk(b"uploaded data\n") +
                               chunk(b"more") + chunk(b""))
    s["call-upload-cancelled"] = call(up, 0) + chunk(b"part") + chunk(b"", 1)
    w = by["write"]
    args = call_args(w)
    s["call-write-streamed"] = (message(header(w, 0, CALL, STREAM)) +
                                chunk(args[:8]) + chunk(args[8:]) + chunk(b""))
    s["calls-sequence"] = (call(by["mount"], 0) + u32(api.CANCEL_FLAG) +
                           call(by["touch"], 1) + call(by["exists"], 2))
    return s


def main(argv):
    top = argv[1] if len(argv) > 1 else HERE
    for harness, seeds in (("lib-reply", lib_reply_seeds()),
                           ("xdr-reply", xdr_reply_seeds()),
                           ("daemon-args", daemon_args_seeds())):
        d = os.path.join(top, "corpus", harness)
        os.makedirs(d, exist_ok=True)
        for name, data in seeds.items():
            with open(os.path.join(d, name), "wb") as f:
                f.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
