# Closing: close() fires the close event once; any call on a closed handle
# (a second close too) raises ClosedHandle; dropping the last reference or
# leaving a with block closes; close() from inside a callback is refused
# without breaking the call (no appliance needed).
import guestfs
from helpers import check, equal, raises, Unraisable

closes = []


def on_close(ev, eh, buf, array):
    closes.append((ev, buf, array))


g = guestfs.GuestFS(python_return_dict=True)
g.set_event_callback(on_close, guestfs.EVENT_CLOSE)
g.close()
equal(closes, [(guestfs.EVENT_CLOSE, b"", [])], "close event once, (event, buf, array)")

for fn, args in ((g.get_memsize, ()), (g.set_trace, (1,)), (g.close, ()),
                 (g.set_event_callback, (on_close, guestfs.EVENT_ALL)),
                 (g.delete_event_callback, (0,)), (g.user_cancel, ())):
    e = raises(guestfs.ClosedHandle, fn, *args)
    equal(str(e), "GuestFS: method called on closed handle",
          "%s on a closed handle" % fn.__name__)
check(isinstance(e, ValueError), "ClosedHandle is a ValueError")

# The last reference gone: closed, the close event fires.
del closes[:]
g = guestfs.GuestFS()
g.set_event_callback(on_close, guestfs.EVENT_CLOSE)
del g
equal(len(closes), 1, "del closes the handle")

del closes[:]
with guestfs.GuestFS() as g:
    g.set_event_callback(on_close, guestfs.EVENT_CLOSE)
equal(len(closes), 1, "leaving a with block closes the handle")
raises(guestfs.ClosedHandle, g.get_memsize)

# A deleted callback is not called.
del closes[:]
g = guestfs.GuestFS()
eh = g.set_event_callback(on_close, guestfs.EVENT_CLOSE)
check(isinstance(eh, int) and eh >= 0, "set_event_callback returns a handle")
g.delete_event_callback(eh)
g.delete_event_callback(eh)           # twice: nothing happens
g.close()
equal(closes, [], "deleted callback not called")

# close() from a callback: refused with an error, the call goes on.
g = guestfs.GuestFS()


def close_me(ev, eh, buf, array):
    g.close()


with Unraisable() as u:
    eh = g.set_event_callback(close_me, guestfs.EVENT_TRACE)
    g.set_trace(1)
    g.set_memsize(512)
    g.delete_event_callback(eh)
    g.set_trace(0)
equal(g.get_memsize(), 512, "the call that fired the callback worked")
check(u.seen and all(isinstance(x, guestfs.Error) and "in use" in str(x) for x in u.seen),
      "close from a callback raised: %r" % u.seen[:1])
g.close()
print("done")
