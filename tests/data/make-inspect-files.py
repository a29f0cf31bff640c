#!/usr/bin/env python3
"""make-inspect-files.py OUTDIR: write the small files the inspection
tests put into phony guests (standard library only):

  inspect-elf-x86_64, inspect-elf-aarch64
      the first 256 bytes of an ELF executable of that machine (what
      inspection reads to tell a guest's architecture)
  inspect-cmd.exe
      a PE32+ x86-64 header: a Windows cmd.exe as far as inspection cares
  inspect-software.hive, inspect-system.hive
      Windows registry hives with the keys inspection reads: product
      name, version, build, installation type, group policy history and
      Uninstall entries (native and WOW6432Node) in SOFTWARE; the
      current control set, TCP/IP hostname, computer name and drive
      letters (C: by MBR signature "GKGK" at 1 MiB, D: by GPT partition
      GUID 6b1e2f40-7d4c-4a0b-9c3e-5f0a1b2c3d4e) in SYSTEM
  inspect-system2.hive
      a SYSTEM hive whose current control set (ControlSet002) has no
      TCP/IP hostname, only the computer name
  inspect-logo.png
      a 32x32 PNG, small enough for a distro logo
  inspect-dpkg-status, inspect-dpkg-status-ubuntu, inspect-apk-installed
      package databases of a Debian, an Ubuntu and an Alpine guest (each
      stanza ends with a blank line, as dpkg and apk write them)

Hive layout (as hivex reads it): a 4 KiB "regf" base block, then one
"hbin" of cells, 8-byte aligned, with negative sizes when used; keys
("nk") list their children in an "lh" list sorted by upper-cased name
and their values ("vk") in a value list; all keys share one security
cell ("sk").  Field offsets follow the published REGF descriptions.
"""

import os
import struct
import sys
import zlib

TIMESTAMP = 0x01D9000000000000          # fixed, for reproducible files
REG_SZ, REG_BINARY, REG_DWORD = 1, 3, 4

# ---- executables ------------------------------------------------------


def elf(machine):
    ident = b"\x7fELF" + bytes([2, 1, 1, 0]) + b"\0" * 8   # 64-bit, LSB
    hdr = ident + struct.pack("<HHIQQQIHHHHHH", 2, machine, 1, 0x401000, 64,
                              0, 0, 64, 56, 0, 64, 0, 0)
    return hdr + b"\0" * (256 - len(hdr))


def pe_x86_64():
    mz = bytearray(0x80)
    mz[0:2] = b"MZ"
    struct.pack_into("<I", mz, 0x3c, 0x80)
    coff = struct.pack("<4sHHIIIHH", b"PE\0\0", 0x8664, 0, 0, 0, 0, 240, 0x22)
    opt = struct.pack("<H", 0x20b) + b"\0" * 238
    data = bytes(mz) + coff + opt
    return data + b"\0" * (1024 - len(data))

# ---- PNG --------------------------------------------------------------


def png(w, h):
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data +
                struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    rows = b"".join(b"\0" + bytes([200, 20, 60, 255] * w) for _ in range(h))
    return (b"\x89PNG\r\n\x1a\n" +
            chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))

# ---- registry hives ---------------------------------------------------


def sz(s):
    return (REG_SZ, (s + "\0").encode("utf-16-le"))


def dword(n):
    return (REG_DWORD, struct.pack("<I", n))


def binary(b):
    return (REG_BINARY, bytes(b))


class Hive:
    """Cells are appended to one hbin; offsets are relative to the first
    hbin (file offset - 0x1000), as the format stores them."""

    HDR = 0x20

    def __init__(self):
        self.data = bytearray()

    def alloc(self, payload):
        size = (4 + len(payload) + 7) & ~7
        off = self.HDR + len(self.data)
        self.data += struct.pack("<i", -size) + payload
        self.data += b"\0" * (size - 4 - len(payload))
        return off

    def put(self, off, fmt, at, *vals):
        struct.pack_into(fmt, self.data, off - self.HDR + at, *vals)

    def key(self, name, parent):
        enc = name.encode("latin-1")
        flags = 0x2C if parent is None else 0x20
        payload = (b"nk" + struct.pack("<Hq", flags, TIMESTAMP) +
                   struct.pack("<10I", 0, 0, 0, 0, 0xFFFFFFFF, 0xFFFFFFFF, 0,
                               0xFFFFFFFF, 0, 0xFFFFFFFF) +
                   struct.pack("<HHIIII", 0, 0, 0, 0, 0, 0) +
                   struct.pack("<HH", len(enc), 0) + enc)
        off = self.alloc(payload)
        self.put(off, "<I", 0x14, parent or 0)
        return off

    def values(self, node, vals):
        offs = []
        for name, (typ, data) in vals:
            enc = name.encode("latin-1")
            if len(data) <= 4:
                length = len(data) | 0x80000000
                doff = struct.unpack("<I", data.ljust(4, b"\0"))[0]
            else:
                length, doff = len(data), self.alloc(data)
            offs.append(self.alloc(b"vk" + struct.pack("<HIIIHH", len(enc), length,
                                                       doff, typ, 1, 0) + enc))
        vl = self.alloc(b"".join(struct.pack("<I", o) for o in offs))
        self.put(node, "<I", 0x28, len(offs))
        self.put(node, "<I", 0x2C, vl)
        self.put(node, "<I", 0x40, 2 * max(len(n) for n, _ in vals))
        self.put(node, "<I", 0x44, max(len(d) for _, (t, d) in vals))

    def subkeys(self, node, children):
        def lh_hash(n):
            h = 0
            for ch in n.upper():
                h = (h * 37 + ord(ch)) & 0xFFFFFFFF
            return h
        children = sorted(children, key=lambda c: c[0].upper())
        lst = self.alloc(b"lh" + struct.pack("<H", len(children)) + b"".join(
            struct.pack("<II", off, lh_hash(n)) for n, off in children))
        self.put(node, "<I", 0x18, len(children))
        self.put(node, "<I", 0x20, lst)
        self.put(node, "<H", 0x38, 2 * max(len(n) for n, _ in children))


def security_descriptor():
    def sid(auth, *subs):
        return (struct.pack("<BB", 1, len(subs)) + auth.to_bytes(6, "big") +
                b"".join(struct.pack("<I", s) for s in subs))
    owner, group, everyone = sid(5, 32, 544), sid(5, 18), sid(1, 0)
    ace = struct.pack("<BBHI", 0, 0x02, 8 + len(everyone), 0xF003F) + everyone
    acl = struct.pack("<BBHHH", 2, 0, 8 + len(ace), 1, 0) + ace
    hdr = struct.pack("<BBHIIII", 1, 0, 0x8004, 20, 20 + len(owner), 0,
                      20 + len(owner) + len(group))
    return hdr + owner + group + acl


def build_hive(tree, filename):
    """tree: (name, [values], [subtrees]); values: [(name, (type, data))]."""
    h = Hive()
    keys = []

    def walk(t, parent):
        name, vals, subs = t
        off = h.key(name, parent)
        keys.append(off)
        if vals:
            h.values(off, vals)
        kids = [(s[0], walk(s, off)) for s in subs]
        if kids:
            h.subkeys(off, kids)
        return off

    root = walk(tree, None)
    sd = security_descriptor()
    sk = h.alloc(b"sk" + struct.pack("<HIIII", 0, 0, 0, len(keys), len(sd)) + sd)
    h.put(sk, "<II", 4, sk, sk)      # a one-element circular list
    for k in keys:
        h.put(k, "<I", 0x30, sk)

    used = Hive.HDR + len(h.data)
    size = (used + 8 + 0xFFF) & ~0xFFF
    hbin = (b"hbin" + struct.pack("<II", 0, size) + b"\0" * 8 +
            struct.pack("<q", TIMESTAMP) + b"\0" * 4)
    hbin += bytes(h.data) + struct.pack("<i", size - used)   # free rest
    hbin += b"\0" * (size - len(hbin))

    base = bytearray(0x1000)
    struct.pack_into("<4sIIqIIIIIII", base, 0, b"regf", 1, 1, TIMESTAMP,
                     1, 3, 0, 1, root, size, 1)
    name = filename.encode("utf-16-le")[:64]
    base[0x30:0x30 + len(name)] = name
    csum = 0
    for (w,) in struct.iter_unpack("<I", bytes(base[:0x1FC])):
        csum ^= w
    struct.pack_into("<I", base, 0x1FC, csum)
    return bytes(base) + hbin


def guid_blob(guid):
    """MountedDevices GPT value: "DMIO:ID:" and the GUID's 16 bytes."""
    a, b, c, d, e = guid.split("-")
    return (b"DMIO:ID:" + struct.pack("<IHH", int(a, 16), int(b, 16), int(c, 16)) +
            bytes.fromhex(d + e))


SOFTWARE = ("ROOT", [], [
    ("Microsoft", [], [
        ("Windows NT", [], [
            ("CurrentVersion", [
                ("ProductName", sz("Windows Server 2022 Standard")),
                ("CurrentVersion", sz("6.3")),
                ("CurrentMajorVersionNumber", dword(10)),
                ("CurrentMinorVersionNumber", dword(0)),
                ("InstallationType", sz("Server")),
                ("CurrentBuildNumber", sz("20348")),
                ("CurrentBuild", sz("20348")),
                ("EditionID", sz("ServerStandard")),
            ], []),
        ]),
        ("Windows", [], [
            ("CurrentVersion", [("ProgramFilesDir", sz("C:\\Program Files"))], [
                ("Uninstall", [], [
                    ("7-Zip", [
                        ("DisplayName", sz("7-Zip 23.01 (x64)")),
                        ("DisplayVersion", sz("23.01")),
                        ("Publisher", sz("Igor Pavlov")),
                        ("InstallLocation", sz("C:\\Program Files\\7-Zip\\")),
                        ("URLInfoAbout", sz("https://www.7-zip.org/")),
                    ], []),
                    ("KB5005039", [("ParentKeyName", sz("OperatingSystem"))], []),
                ]),
                ("Group Policy", [], [
                    ("History", [], [
                        ("{31B2F340-016D-11D2-945F-00C04FB984F9}", [], [
                            ("0", [("DisplayName", sz("Default Domain Policy"))], []),
                        ]),
                    ]),
                ]),
            ]),
        ]),
    ]),
    ("WOW6432Node", [], [
        ("Microsoft", [], [
            ("Windows", [], [
                ("CurrentVersion", [], [
                    ("Uninstall", [], [
                        ("{90160000-008C-0000-0000-0000000FF1CE}", [
                            ("DisplayName", sz("Phony Office Runtime (x86)")),
                            ("DisplayVersion", sz("16.0.4266.1001")),
                            ("InstallLocation", sz("C:\\Program Files (x86)\\Phony")),
                            ("Publisher", sz("Phony Corporation")),
                            ("Comments", sz("A 32-bit application")),
                        ], []),
                    ]),
                ]),
            ]),
        ]),
    ]),
])


def system(current, control_set):
    return ("ROOT", [], [
        ("Select", [("Current", dword(current)), ("Default", dword(current)),
                    ("LastKnownGood", dword(current))], []),
        control_set,
        ("MountedDevices", [
            ("\\DosDevices\\C:", binary(b"GKGK" + struct.pack("<Q", 1024 * 1024))),
            ("\\DosDevices\\D:", binary(guid_blob("6b1e2f40-7d4c-4a0b-9c3e-5f0a1b2c3d4e"))),
            ("\\DosDevices\\E:", binary(b"\\??\\IDE#CdRomPHONY")),
            ("\\??\\Volume{d3c1a8e2-0000-0000-0000-100000000000}",
             binary(b"GKGK" + struct.pack("<Q", 1024 * 1024))),
        ], []),
    ])


SYSTEM = system(1, ("ControlSet001", [], [
    ("Services", [], [
        ("Tcpip", [], [
            ("Parameters", [("Hostname", sz("WIN-PHONY")), ("Domain", sz(""))], []),
        ]),
    ]),
    ("Control", [], [
        ("ComputerName", [], [
            ("ComputerName", [("ComputerName", sz("WIN-PHONY-NB"))], []),
        ]),
    ]),
]))

SYSTEM2 = system(2, ("ControlSet002", [], [
    ("Control", [], [
        ("ComputerName", [], [
            ("ComputerName", [("ComputerName", sz("WIN-NETBIOS"))], []),
        ]),
    ]),
]))


DPKG_STATUS = """\
Package: adduser
Status: install ok installed
Priority: important
Section: admin
Installed-Size: 849
Maintainer: Debian Adduser Developers <adduser@packages.debian.org>
Architecture: all
Multi-Arch: foreign
Version: 3.134
Depends: passwd
Conffiles:
 /etc/adduser.conf cc3493ecd2d809c5c5ea3fdcdbcb5b1c
Description: add and remove users and groups
 This package includes the 'adduser' and 'deluser' commands for creating
 and removing users.
 .
 adduser can create new users and groups and add existing users to
 existing groups.
Homepage: https://salsa.debian.org/debian/adduser

Package: bash
Essential: yes
Status: install ok installed
Priority: required
Section: shells
Architecture: amd64
Version: 5.2.15-2+b2
Description: GNU Bourne Again SHell
 Bash is an sh-compatible command language interpreter.
Homepage: http://tiswww.case.edu/php/chet/bash/bashtop.html

Package: libc6
Status: install ok installed
Architecture: amd64
Multi-Arch: same
Source: glibc (2.36-9+deb12u4)
Version: 2.36-9+deb12u4
Description: GNU C Library: Shared libraries
 Contains the standard libraries that are used by nearly all programs on
 the system.

Package: linux-image-6.1.0-18-amd64
Status: deinstall ok config-files
Architecture: amd64
Source: linux-signed-amd64 (6.1.76+1)
Version: 6.1.76-1
Description: Linux 6.1 for 64-bit PCs (signed)

Package: old-tool
Status: purge ok not-installed
Architecture: amd64
Version: 0.1-1
Description: something removed long ago

Package: perl-base
Essential: yes
Status: install ok installed
Architecture: amd64
Source: perl
Version: 5.36.0-7+deb12u1
Description: minimal Perl system

Package: tzdata
Status: install ok installed
Architecture: all
Version: 2024a-0+deb12u1
Description: time zone and daylight-saving time data

Package: vim-common
Status: install ok installed
Architecture: all
Source: vim
Version: 2:9.0.1378-2
Description: Vi IMproved - Common files
Homepage: https://www.vim.org/

Package: zlib1g
Status: install ok installed
Architecture: amd64
Source: zlib
Version: 1:1.2.13.dfsg-1
Description: compression library - runtime
Homepage: http://zlib.net/

"""

APK_INSTALLED = """\
C:Q1abcdefghijklmnopqrstuvwxyz0123=
P:musl
V:1.2.4_git20230717-r4
A:x86_64
S:407765
I:663552
T:the musl c library (libc) implementation
U:https://musl.libc.org/
L:MIT
o:musl
m:Natanael Copa <ncopa@alpinelinux.org>
t:1700000000
F:lib
R:ld-musl-x86_64.so.1

C:Q1bcdefghijklmnopqrstuvwxyz01234=
P:busybox
V:1.36.1-r15
A:x86_64
T:Size optimized toolbox of many common UNIX utilities
U:https://busybox.net/
L:GPL-2.0-only

C:Q1cdefghijklmnopqrstuvwxyz012345=
P:alpine-baselayout
V:3.4.3-r2
A:x86_64
T:Alpine base dir structure and init scripts
U:https://git.alpinelinux.org/cgit/aports/tree/main/alpine-baselayout

"""

UBUNTU_DPKG_STATUS = """\
Package: base-files
Essential: yes
Status: install ok installed
Priority: required
Section: admin
Installed-Size: 394
Maintainer: Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>
Architecture: amd64
Multi-Arch: foreign
Version: 12ubuntu4.6
Description: Debian base system miscellaneous files
 This package contains the basic filesystem hierarchy of a Debian system, and
 several important miscellaneous files, such as /etc/debian_version,
 /etc/host.conf, /etc/issue, /etc/motd, /etc/profile, and others,
 and the text of several common licenses in use on Debian systems.
Original-Maintainer: Santiago Vila <sanvila@debian.org>

Package: bash
Essential: yes
Status: install ok installed
Priority: required
Section: shells
Architecture: amd64
Multi-Arch: foreign
Version: 5.1-6ubuntu1.1
Description: GNU Bourne Again SHell
 Bash is an sh-compatible command language interpreter that executes
 commands read from the standard input or from a file.
Homepage: http://tiswww.case.edu/php/chet/bash/bashtop.html
Original-Maintainer: Matthias Klose <doko@debian.org>

Package: libc6
Status: install ok installed
Priority: optional
Section: libs
Architecture: amd64
Multi-Arch: same
Source: glibc
Version: 2.35-0ubuntu3.6
Description: GNU C Library: Shared libraries
 Contains the standard libraries that are used by nearly all programs on
 the system.
Homepage: https://www.gnu.org/software/libc/libc.html

Package: login
Essential: yes
Status: install ok installed
Architecture: amd64
Source: shadow
Version: 1:4.8.1-2ubuntu2.2
Description: system login tools
 This package provides some required infrastructure for logins and for
 changing effective user or group IDs.
Homepage: https://github.com/shadow-maint/shadow

Package: python3.10
Status: hold ok installed
Architecture: amd64
Multi-Arch: allowed
Version: 3.10.12-1~22.04.3
Description: Interactive high-level object-oriented language (version 3.10)
 Python is a high-level, interactive, object-oriented language.
Homepage: https://www.python.org/

Package: snapd
Status: install ok unpacked
Architecture: amd64
Version: 2.61.3+22.04
Description: Daemon and tooling that enable snap packages

Package: ubuntu-minimal
Status: install ok installed
Priority: important
Section: metapackages
Architecture: amd64
Source: ubuntu-meta
Version: 1.481.1
Description: Minimal core of Ubuntu
 This package depends on all of the packages in the Ubuntu minimal system,
 that is a functional command-line system with the following capabilities:
 .
  - Boot
  - Detect hardware

Package: libfoo-tools
Status: install ok installed
Architecture: all
Source: libfoo (2:1.0-rc1-2ubuntu1)
Version: 2:1.0-rc1-2ubuntu1+b1
Description: version with several hyphens and a binNMU

"""


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make-inspect-files.py OUTDIR")
    out = sys.argv[1]
    files = {
        "inspect-elf-x86_64": elf(62),
        "inspect-elf-aarch64": elf(183),
        "inspect-cmd.exe": pe_x86_64(),
        "inspect-software.hive": build_hive(SOFTWARE, "SOFTWARE"),
        "inspect-system.hive": build_hive(SYSTEM, "SYSTEM"),
        "inspect-system2.hive": build_hive(SYSTEM2, "SYSTEM"),
        "inspect-logo.png": png(32, 32),
        "inspect-dpkg-status": DPKG_STATUS.encode(),
        "inspect-dpkg-status-ubuntu": UBUNTU_DPKG_STATUS.encode(),
        "inspect-apk-installed": APK_INSTALLED.encode(),
    }
    for name, data in files.items():
        tmp = os.path.join(out, name + ".tmp")
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, os.path.join(out, name))


if __name__ == "__main__":
    main()
