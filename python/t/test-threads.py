# Threads: a long call releases the GIL (other threads run meanwhile);
# calls on one handle from two threads each get their own result and
# error; user_cancel from another thread stops a download; close while
# another thread is inside a call is refused.
import errno
import threading
import time

import guestfs
from helpers import check, equal, raises

g = guestfs.GuestFS(python_return_dict=True)
g.add_drive_scratch(1024 * 1024 * 1024)
g.launch()

# While g.sleep(2) runs in a thread, this one keeps running.
t = threading.Thread(target=g.sleep, args=(2,))
start = time.monotonic()
t.start()
ticks = 0
while t.is_alive():
    time.sleep(0.01)
    ticks += 1
t.join()
elapsed = time.monotonic() - start
check(elapsed >= 1.9, "sleep took %.2f s" % elapsed)
check(ticks > 50, "the main thread ran during the call (%d ticks)" % ticks)

# Two threads, one handle: results and errors are each call's own.
failures = []


def worker(name):
    for i in range(100):
        try:
            g.cat("/nope-" + name)
            failures.append("%s: no error" % name)
        except guestfs.Error as e:
            if ("/nope-" + name) not in str(e):
                failures.append("%s got %s" % (name, e))
        if g.list_devices() != ["/dev/sda"]:
            failures.append("%s: list_devices" % name)


g.mkfs("ext4", "/dev/sda")
g.mount("/dev/sda", "/")
ts = [threading.Thread(target=worker, args=(n,)) for n in ("a", "b", "c")]
for x in ts:
    x.start()
for x in ts:
    x.join()
equal(failures, [], "concurrent calls on one handle")
g.umount_all()

# close() while another thread is in a call: refused, then fine.
t = threading.Thread(target=g.sleep, args=(2,))
t.start()
time.sleep(0.5)
e = raises(guestfs.Error, g.close)
equal(e.errno, errno.EBUSY, "close during a call: EBUSY (%s)" % e)
t.join()

# user_cancel from another thread, 1 s into the download (which takes
# longer: the disk is 1 GiB): the download holds no GIL the other thread
# would need.
def canceller():
    time.sleep(1)
    g.user_cancel()


t = threading.Thread(target=canceller)
t.start()
start = time.monotonic()
e = raises(guestfs.Error, g.download, "/dev/sda", "/dev/null")
elapsed = time.monotonic() - start
t.join()
equal(e.errno, errno.EINTR, "download cancelled from a thread: %s" % e)
check(elapsed < 5, "cancelled after %.1f s" % elapsed)
equal(g.list_devices(), ["/dev/sda"], "handle usable after the cancel")
g.close()
print("done")
