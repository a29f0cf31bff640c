#!/usr/bin/env python3
"""make-inspect-rpmdb.py OUTDIR: RPM databases for the inspection tests,
made with Debian's rpm tools (no downloads):

  inspect-rpmdb.sqlite   the sqlite database of Fedora 33 and later
  inspect-rpm-Packages   the same packages as a Berkeley DB hash
                         "Packages" file (RHEL/CentOS 7 and 8)

The packages are built empty with rpmbuild and recorded with
`rpm -i --justdb`: bash 5.2.26-1.fc39 (with a URL), kernel
6.5.6-300.fc39 (without one) and shadow-utils 2:4.14.0-2.fc39, all
aarch64.  The Packages file is written with db5.3_load from the header
blobs of the sqlite database, keyed by header number (native endian),
as rpm's Berkeley DB backend stored them.
"""

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

PACKAGES = [
    ("bash", None, "5.2.26", "1.fc39", "https://www.gnu.org/software/bash",
     "The GNU Bourne Again shell",
     "The GNU Bourne Again shell (Bash) is a shell or command language\n"
     "interpreter that is compatible with the Bourne shell (sh)."),
    ("kernel", None, "6.5.6", "300.fc39", None, "The Linux kernel",
     "The kernel meta package"),
    ("shadow-utils", 2, "4.14.0", "2.fc39", "https://github.com/shadow-maint/shadow",
     "Utilities for managing accounts and shadow password files",
     "The shadow-utils package includes the necessary programs for\n"
     "converting UNIX password files to the shadow password format."),
]


def run(*argv):
    r = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if r.returncode != 0:
        sys.exit("make-inspect-rpmdb.py: %s failed:\n%s" %
                 (" ".join(argv), r.stdout.decode(errors="replace")))


def spec(name, epoch, version, release, url, summary, description):
    lines = ["Name: " + name, "Version: " + version, "Release: " + release,
             "Summary: " + summary, "License: MIT"]
    if epoch is not None:
        lines.append("Epoch: %d" % epoch)
    if url:
        lines.append("URL: " + url)
    return "\n".join(lines) + "\n%description\n" + description + "\n%files\n"


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make-inspect-rpmdb.py OUTDIR")
    out = os.path.abspath(sys.argv[1])
    for prog in ("rpmbuild", "rpm", "db5.3_load"):
        if shutil.which(prog) is None:
            sys.exit("make-inspect-rpmdb.py: %s is needed (Debian: rpm, db5.3-util)" % prog)
    top = tempfile.mkdtemp(prefix="gk-rpmdb.")
    try:
        os.mkdir(os.path.join(top, "SPECS"))
        for p in PACKAGES:
            path = os.path.join(top, "SPECS", p[0] + ".spec")
            with open(path, "w") as f:
                f.write(spec(*p))
            run("rpmbuild", "--quiet", "--define", "_topdir " + top,
                "--define", "_build_id_links none", "--target", "aarch64",
                "-bb", path)
        db = os.path.join(top, "db")
        os.mkdir(db)
        rpms = []
        for d, _, files in os.walk(os.path.join(top, "RPMS")):
            rpms += [os.path.join(d, f) for f in files if f.endswith(".rpm")]
        run("rpm", "--dbpath", db, "--initdb")
        run("rpm", "--dbpath", db, "-i", "--justdb", "--nodeps", "--ignorearch",
            "--ignoreos", "--nosignature", *sorted(rpms))

        conn = sqlite3.connect(os.path.join(db, "rpmdb.sqlite"))
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        rows = conn.execute("SELECT hnum, blob FROM Packages ORDER BY hnum").fetchall()
        conn.close()
        shutil.copyfile(os.path.join(db, "rpmdb.sqlite"),
                        os.path.join(out, "inspect-rpmdb.sqlite.tmp"))

        dump = ["VERSION=3", "format=bytevalue", "type=hash", "db_pagesize=4096",
                "HEADER=END"]
        for hnum, blob in rows:
            dump.append(" " + hnum.to_bytes(4, sys.byteorder).hex())
            dump.append(" " + bytes(blob).hex())
        dump.append("DATA=END")
        pkgs = os.path.join(top, "Packages")
        with open(os.path.join(top, "dump"), "w") as f:
            f.write("\n".join(dump) + "\n")
        run("db5.3_load", "-f", os.path.join(top, "dump"), pkgs)
        shutil.copyfile(pkgs, os.path.join(out, "inspect-rpm-Packages.tmp"))
        os.replace(os.path.join(out, "inspect-rpmdb.sqlite.tmp"),
                   os.path.join(out, "inspect-rpmdb.sqlite"))
        os.replace(os.path.join(out, "inspect-rpm-Packages.tmp"),
                   os.path.join(out, "inspect-rpm-Packages"))
    finally:
        shutil.rmtree(top, ignore_errors=True)


if __name__ == "__main__":
    main()
