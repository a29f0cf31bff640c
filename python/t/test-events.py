# Event callbacks on a real appliance: log messages (appliance, library,
# trace) during launch, progress messages during a long download, an
# exception raised by a callback (reported, the call still works),
# user_cancel from a progress callback, and the close event.  Progress
# starts 2 s into a call: the disk is 1 GiB so that the download lasts
# longer, and it is cancelled after three progress messages (1 s later).
import errno

import guestfs
from helpers import check, equal, raises, Unraisable

log = []


def log_cb(ev, eh, buf, array):
    log.append((ev, eh, buf, array))


g = guestfs.GuestFS(python_return_dict=True)
log_eh = g.set_event_callback(log_cb, guestfs.EVENT_APPLIANCE | guestfs.EVENT_LIBRARY |
                              guestfs.EVENT_TRACE)
g.set_verbose(1)
g.set_trace(1)
g.add_drive_scratch(1024 * 1024 * 1024)
g.launch()
kinds = set(ev for ev, eh, buf, array in log)
check(kinds == {guestfs.EVENT_APPLIANCE, guestfs.EVENT_LIBRARY, guestfs.EVENT_TRACE},
      "launch: appliance, library and trace events: %s" % guestfs.event_to_string(sum(kinds)))
check(all(type(buf) is bytes and array == [] and eh == log_eh for ev, eh, buf, array in log),
      "buf is bytes, array empty, event handle as returned")
check(any(ev == guestfs.EVENT_TRACE and buf == b"launch" for ev, eh, buf, array in log),
      "trace event for launch")
g.delete_event_callback(log_eh)
g.set_verbose(0)
g.set_trace(0)
del log[:]

# Progress during a download of the disk, cancelled (user_cancel from
# the callback) at the third progress message; a second callback raises.
progress = []


def progress_cb(ev, eh, buf, array):
    progress.append(array)
    if len(progress) == 3:
        g.user_cancel()


bad_calls = []


def bad_cb(ev, eh, buf, array):
    bad_calls.append(ev)
    raise KeyError("raised in a callback")


g.set_event_callback(progress_cb, guestfs.EVENT_PROGRESS)
with Unraisable() as u:
    bad = g.set_event_callback(bad_cb, guestfs.EVENT_PROGRESS | guestfs.EVENT_TRACE)
    g.set_trace(1)
    e = raises(guestfs.Error, g.download, "/dev/sda", "/dev/null")
    g.set_trace(0)
equal(e.errno, errno.EINTR, "cancelled download: errno EINTR (%s)" % e)
equal(len(progress), 3, "progress events until the cancel")
check(all(len(a) == 4 and a[3] == 1024 * 1024 * 1024 for a in progress),
      "progress arrays are [proc, serial, position, total]: %r" % progress[-1])
check(progress[0][2] < progress[1][2] < progress[2][2] < progress[2][3],
      "positions grow")
check(len(bad_calls) > len(progress) and len(u.seen) == len(bad_calls) and
      all(isinstance(x, KeyError) for x in u.seen),
      "exceptions in callbacks reported, not raised (%d)" % len(u.seen))
g.delete_event_callback(bad)
equal(g.list_devices(), ["/dev/sda"], "handle usable after the cancel")

closed = []
g.set_event_callback(lambda *a: closed.append(a[0]), guestfs.EVENT_CLOSE)
g.close()
equal(closed, [guestfs.EVENT_CLOSE], "close event")
print("done")
