#!/usr/bin/env python3
"""make-hive.py OUTPUT: write a small, valid Windows NT registry hive for
the hivex tests (standard library only).

The file is one 4 KiB "regf" base block followed by one 4 KiB "hbin" page
of cells; every key shares one security ("sk") cell, as in real hives,
because hivex's writing calls copy the parent's sk and count references.
Layout (handles are file offsets, which is what hivex returns):

  0x1020  root key "ROOT", values:
            "Name"   REG_SZ        "guestkit"      (data in its own cell)
            "Count"  REG_DWORD     42              (data inline in the vk)
            "Big"    REG_QWORD     0x1122334455667788
            "Path"   REG_EXPAND_SZ "%SystemRoot%\\guestkit"
            "Blob"   REG_BINARY    00 01 02 fe ff
            "List"   REG_MULTI_SZ  "a", "bc"
            (default) REG_SZ       "default"
  0x1078  key "Software" (child of ROOT)
  0x10d0  key "System" (child of ROOT, one value "Flag" REG_DWORD 1)
  0x1128  key "Guestkit" (child of Software)

The offsets are checked below, so a change that moves them fails here
rather than in the tests that use them.

Format references: hivex's lib/hivex-internal.h field layout, and the
public descriptions of the REGF format (base block checksum = XOR of the
first 127 dwords; cells are 8-byte aligned with a negative size when
used; "lh" subkey lists hold (offset, hash) pairs sorted by upper-cased
name).
"""

import struct
import sys

PAGE = 0x1000
HBIN_HDR = 0x20
NONE = 0xFFFFFFFF
TIMESTAMP = 0x01D9000000000000   # a fixed FILETIME (2022), for reproducibility

REG_SZ, REG_EXPAND_SZ, REG_BINARY, REG_DWORD = 1, 2, 3, 4
REG_MULTI_SZ, REG_QWORD = 7, 11


def utf16z(s):
    return (s + "\0").encode("utf-16-le")


def multi_sz(items):
    return "".join(i + "\0" for i in items).encode("utf-16-le") + b"\0\0"


class Bin:
    """The cells of one hbin page, laid out in order of allocation.
    Offsets are relative to the start of the first hbin (file - 0x1000),
    which is how the format stores them."""

    def __init__(self):
        self.data = bytearray()

    def alloc(self, payload):
        size = (4 + len(payload) + 7) & ~7
        off = HBIN_HDR + len(self.data)
        self.data += struct.pack("<i", -size) + payload
        self.data += b"\0" * (size - 4 - len(payload))
        return off

    def patch(self, off, fmt, at, *vals):
        struct.pack_into(fmt, self.data, off - HBIN_HDR + at, *vals)


def lh_hash(name):
    h = 0
    for ch in name.upper():
        h = (h * 37 + ord(ch)) & 0xFFFFFFFF
    return h


def security_descriptor():
    """Self-relative SD: owner Administrators, group SYSTEM, a DACL that
    allows Everyone full access to the key."""
    def sid(auth, *subs):
        return struct.pack("<BB", 1, len(subs)) + auth.to_bytes(6, "big") + \
            b"".join(struct.pack("<I", s) for s in subs)
    owner = sid(5, 32, 544)
    group = sid(5, 18)
    everyone = sid(1, 0)
    ace = struct.pack("<BBHI", 0, 0x02, 8 + len(everyone), 0xF003F) + everyone
    acl = struct.pack("<BBHHH", 2, 0, 8 + len(ace), 1, 0) + ace
    hdr_len = 20
    o_owner = hdr_len
    o_group = o_owner + len(owner)
    o_dacl = o_group + len(group)
    hdr = struct.pack("<BBHIIII", 1, 0, 0x8004, o_owner, o_group, 0, o_dacl)
    return hdr + owner + group + acl


def nk_payload(name, flags):
    enc = name.encode("latin-1")
    return (b"nk" + struct.pack("<H", flags) + struct.pack("<q", TIMESTAMP) +
            struct.pack("<IIIIIIIIII", 0, 0, 0, 0, NONE, NONE, 0, NONE, 0, NONE) +
            struct.pack("<HHIIII", 0, 0, 0, 0, 0, 0) +
            struct.pack("<HH", len(enc), 0) + enc)


# Field offsets inside an nk cell (cell start = the size word).
NK_PARENT, NK_NR_SUBKEYS, NK_SUBKEY_LIST = 0x14, 0x18, 0x20
NK_NR_VALUES, NK_VALUE_LIST, NK_SK = 0x28, 0x2C, 0x30
NK_MAX_SUBKEY_NAME, NK_MAX_VK_NAME, NK_MAX_VK_DATA = 0x38, 0x40, 0x44


def build():
    b = Bin()
    keys = {}

    def key(name, parent, root=False):
        # 0x20: name stored in Latin-1; root adds HiveEntry (4) and NoDelete (8).
        off = b.alloc(nk_payload(name, 0x2C if root else 0x20))
        keys[name] = off
        b.patch(off, "<I", NK_PARENT, parent if parent is not None else 0)
        return off

    root = key("ROOT", None, root=True)
    software = key("Software", root)
    system = key("System", root)
    guestkit = key("Guestkit", software)

    sd = security_descriptor()
    sk = b.alloc(b"sk" + struct.pack("<HIIII", 0, 0, 0, len(keys), len(sd)) + sd)
    # A one-element circular list: next and previous are itself.
    b.patch(sk, "<II", 8, sk, sk)
    for off in keys.values():
        b.patch(off, "<I", NK_SK, sk)

    def subkeys(parent, children):
        children = sorted(children, key=lambda n: n.upper())
        lst = b"lh" + struct.pack("<H", len(children)) + b"".join(
            struct.pack("<II", keys[c], lh_hash(c)) for c in children)
        off = b.alloc(lst)
        b.patch(parent, "<I", NK_NR_SUBKEYS, len(children))
        b.patch(parent, "<I", NK_SUBKEY_LIST, off)
        b.patch(parent, "<H", NK_MAX_SUBKEY_NAME, 2 * max(len(c) for c in children))

    subkeys(root, ["Software", "System"])
    subkeys(software, ["Guestkit"])

    def values(node, vals):
        offs = []
        for name, typ, data in vals:
            enc = name.encode("latin-1")
            if len(data) <= 4:
                # Inline: the data sits in the offset field, top bit of
                # the length set.
                length = len(data) | 0x80000000
                dataoff = struct.unpack("<I", data.ljust(4, b"\0"))[0]
            else:
                length = len(data)
                dataoff = b.alloc(data)
            flags = 1 if name else 0      # 1: name is ASCII/Latin-1
            offs.append(b.alloc(b"vk" + struct.pack("<HIIIHH", len(enc), length,
                                                    dataoff, typ, flags, 0) + enc))
        vl = b.alloc(b"".join(struct.pack("<I", o) for o in offs))
        b.patch(node, "<I", NK_NR_VALUES, len(offs))
        b.patch(node, "<I", NK_VALUE_LIST, vl)
        b.patch(node, "<I", NK_MAX_VK_NAME, 2 * max(len(n) for n, _, _ in vals))
        b.patch(node, "<I", NK_MAX_VK_DATA, max(len(d) for _, _, d in vals))

    values(root, [
        ("Name", REG_SZ, utf16z("guestkit")),
        ("Count", REG_DWORD, struct.pack("<I", 42)),
        ("Big", REG_QWORD, struct.pack("<Q", 0x1122334455667788)),
        ("Path", REG_EXPAND_SZ, utf16z("%SystemRoot%\\guestkit")),
        ("Blob", REG_BINARY, bytes([0, 1, 2, 0xFE, 0xFF])),
        ("List", REG_MULTI_SZ, multi_sz(["a", "bc"])),
        ("", REG_SZ, utf16z("default")),
    ])
    values(system, [("Flag", REG_DWORD, struct.pack("<I", 1))])

    assert (root, software, system, guestkit) == (0x20, 0x78, 0xD0, 0x128), \
        [hex(o) for o in (root, software, system, guestkit)]

    # The rest of the page is one free cell (positive size).
    used = HBIN_HDR + len(b.data)
    assert used <= PAGE - 8, "cells overflow the page"
    page = bytearray(b"hbin" + struct.pack("<II", 0, PAGE) + b"\0" * 8 +
                     struct.pack("<q", TIMESTAMP) + b"\0" * 4)
    page += b.data + struct.pack("<i", PAGE - used)
    page += b"\0" * (PAGE - len(page))

    base = bytearray(PAGE)
    struct.pack_into("<4sIIqIIIIIII", base, 0, b"regf", 1, 1, TIMESTAMP,
                     1, 3, 0, 1, root, PAGE, 1)
    name = "minimal.hive".encode("utf-16-le")
    base[0x30:0x30 + len(name)] = name
    csum = 0
    for (w,) in struct.iter_unpack("<I", bytes(base[:0x1FC])):
        csum ^= w
    if csum == 0xFFFFFFFF:
        csum = 0xFFFFFFFE
    elif csum == 0:
        csum = 1
    struct.pack_into("<I", base, 0x1FC, csum)
    return bytes(base + page)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make-hive.py OUTPUT")
    data = build()
    tmp = sys.argv[1] + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    import os
    os.replace(tmp, sys.argv[1])


if __name__ == "__main__":
    main()
