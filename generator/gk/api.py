"""The whole API table, checked for consistency.  Emitters import CALLS,
DAEMON_CALLS and STRUCTS from here."""

import re

from .actions_handle import HANDLE_CALLS
from .actions_devices import DEVICE_CALLS
from .actions_fs import FS_CALLS
from .actions_files import FILE_CALLS
from .actions_transfer import TRANSFER_CALLS
from . import (actions_files2, actions_part, actions_fs2, actions_lvm,
               actions_augeas, actions_hivex, actions_misc,
               actions_inspect, actions_compat, actions_appliance)
from .structs import STRUCTS, BY_NAME as STRUCTS_BY_NAME

# Calls added per area; each area owns a range of procedure numbers.
AREAS = [
    (actions_files2.FILES2_CALLS, actions_files2.PROC_RANGE),
    (actions_part.PART_CALLS, actions_part.PROC_RANGE),
    (actions_fs2.FS2_CALLS, actions_fs2.PROC_RANGE),
    (actions_lvm.LVM_CALLS, actions_lvm.PROC_RANGE),
    (actions_augeas.AUGEAS_CALLS, actions_augeas.PROC_RANGE),
    (actions_hivex.HIVEX_CALLS, actions_hivex.PROC_RANGE),
    (actions_misc.MISC_CALLS, actions_misc.PROC_RANGE),
    (actions_inspect.INSPECT_CALLS, actions_inspect.PROC_RANGE),
    (actions_compat.COMPAT_CALLS, actions_compat.PROC_RANGE),
    (actions_appliance.APPLIANCE_CALLS, actions_appliance.PROC_RANGE),
]

CALLS = sorted(HANDLE_CALLS + DEVICE_CALLS + FS_CALLS + FILE_CALLS +
               TRANSFER_CALLS + [c for calls, _ in AREAS for c in calls],
               key=lambda c: c.name)
DAEMON_CALLS = sorted((c for c in CALLS if c.daemon), key=lambda c: c.proc)
LIBRARY_CALLS = [c for c in CALLS if not c.daemon]
BY_NAME = {c.name: c for c in CALLS}

# Protocol constants shared by the XDR file, the library and the daemon.
PROGRAM = 0x2000F5F5
PROTOCOL_VERSION = 1001          # guestkit's protocol, not libguestfs's 4
MESSAGE_MAX = 4 * 1024 * 1024    # one framed message
STREAM_MAX = 1024 * 1024 * 1024  # a reply or call body streamed in chunks
CHUNK_SIZE = 256 * 1024          # file transfer chunk payload
ERROR_LEN = 64 * 1024
LAUNCH_FLAG = 0xf5f55ff5
CANCEL_FLAG = 0xffffeeee
PROGRESS_FLAG = 0xffff5555

# The API level we implement, reported by guestfs_version.
VERSION = (1, 48, 6)


def _check():
    for calls, (lo, hi) in AREAS:
        for c in calls:
            assert c.proc is None or lo <= c.proc <= hi, \
                "%s: proc %d outside its file's range %d-%d" % (c.name, c.proc, lo, hi)
    names = set()
    procs = set()
    for c in CALLS:
        assert re.fullmatch(r"[a-z][a-zA-Z0-9_]*", c.name), c.name  # mkswap_L
        assert c.name not in names, "duplicate call " + c.name
        names.add(c.name)
        assert c.shortdesc, c.name + ": no shortdesc"
        assert c.longdesc, c.name + ": no longdesc"
        if c.daemon:
            assert c.proc > 0 and c.proc not in procs, \
                "%s: bad or duplicate proc %s" % (c.name, c.proc)
            procs.add(c.proc)
            assert c.ret.kind != "RConstString", c.name
            assert sum(1 for a in c.args if a.kind in ("FileIn", "FileOut")) <= 1, c.name
            if not c.internal:
                assert c.tests, c.name + ": daemon call without tests"
        if c.ret.struct:
            assert c.ret.struct in STRUCTS_BY_NAME, c.name
        argnames = [a.name for a in c.args] + [o.name for o in c.optargs]
        assert len(argnames) == len(set(argnames)), c.name
        assert len(c.optargs) <= 64, c.name
        for t in c.tests:
            for cmd in t.check.seq:
                assert cmd[0] in BY_NAME, \
                    "%s: test uses unknown call %s" % (c.name, cmd[0])


_check()
