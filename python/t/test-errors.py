# Errors raise guestfs.Error (a RuntimeError) with the library's message
# and errno, and the handle stays usable (no appliance needed).
import errno

import guestfs
from helpers import check, equal, raises

g = guestfs.GuestFS(python_return_dict=True)

e = raises(guestfs.Error, g.mount, "/dev/sda1", "/")
check(isinstance(e, RuntimeError), "Error is a RuntimeError")
check(str(e).startswith("mount: call launch before using this function"),
      "message is the library's: %s" % e)
equal(e.args, (str(e),), "args is (message,)")

try:
    g.cat("/etc/hostname")
except RuntimeError as e2:
    check("cat: call launch" in str(e2), "caught as RuntimeError: %s" % e2)

e = raises(guestfs.Error, g.add_drive_opts, "/nonexistent/disk.img", format="raw")
check("/nonexistent/disk.img" in str(e), "add_drive names the file: %s" % e)
equal(e.errno, errno.ENOENT, "errno of a missing file")

e = raises(guestfs.Error, g.set_event_callback, lambda *a: None, 0)
check("bitmask" in str(e), "set_event_callback: bad bitmask: %s" % e)
raises(TypeError, g.set_event_callback, "not callable", guestfs.EVENT_ALL)

# Errors do not stick: the next call works.
g.set_memsize(600)
equal(g.get_memsize(), 600, "handle usable after errors")

e = guestfs.Error("made by hand")
equal((str(e), e.errno), ("made by hand", None), "Error() by hand has errno None")
g.close()
print("done")
