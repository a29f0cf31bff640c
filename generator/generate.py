#!/usr/bin/env python3
"""Generator entry point: runs every emitter over the API table and writes
the results under the given top directory.  A file is rewritten only when
its content changes, so make does not rebuild what did not change.

usage: generate.py TOPDIR        write all generated files
       generate.py --list        print the generated file names"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from gk import (emit_xdr, emit_errno, emit_header, emit_lib,  # noqa: E402
                emit_daemon, emit_fish, emit_docs, emit_tests,
                emit_optgroups, emit_fuzz,
                emit_python, emit_tools)

EMITTERS = [emit_xdr, emit_errno, emit_header, emit_lib, emit_daemon,
            emit_fish, emit_docs, emit_tests, emit_optgroups, emit_fuzz,
            emit_python, emit_tools]


def outputs():
    files = {}
    for e in EMITTERS:
        for name, text in e.generate().items():
            assert name not in files, name
            files[name] = text
    return files


def write_if_changed(path, text):
    try:
        with open(path, encoding="utf-8") as f:
            if f.read() == text:
                return False
    except FileNotFoundError:
        pass
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".new"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.chmod(tmp, 0o444)
    os.replace(tmp, path)
    return True


def main(argv):
    if len(argv) == 2 and argv[1] == "--list":
        for name in sorted(outputs()):
            print(name)
        return 0
    if len(argv) != 2 or argv[1].startswith("-"):
        sys.stderr.write(__doc__)
        return 2
    top = argv[1]
    changed = 0
    for name, text in sorted(outputs().items()):
        if write_if_changed(os.path.join(top, name), text):
            changed += 1
    print("generator: %d files written" % changed)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
