# The module loads from the build tree, every call of guestfs.h is a
# method, the constants match the header, and library-side calls convert
# arguments and results as libguestfs's binding does (no appliance).
import os
import pathlib
import re
import warnings

import guestfs
import libguestfsmod
from helpers import top, check, equal, raises

equal(os.path.dirname(os.path.abspath(guestfs.__file__)),
      os.path.join(top, "python"), "guestfs.py is the build tree's")
equal(os.path.dirname(os.path.abspath(libguestfsmod.__file__)),
      os.path.join(top, "python", ".libs"), "libguestfsmod is the build tree's")

header = open(os.path.join(top, "include", "guestfs.h")).read()

# Every call (and _opts name) the header declares is a method.
names = [n.lower() for n in re.findall(r"#define GUESTFS_HAVE_([A-Z0-9_]+) 1", header)
         if not n.startswith("STRUCT_")]
check(len(names) > 400, "header lists %d calls" % len(names))
# C only: add_libvirt_dom takes a C pointer (a virDomainPtr).
names = [n for n in names if n != "add_libvirt_dom"]
# (Macro names are upper case: mkswap_L is GUESTFS_HAVE_MKSWAP_L.)
methods = dict((n.lower(), getattr(guestfs.GuestFS, n)) for n in dir(guestfs.GuestFS)
               if callable(getattr(guestfs.GuestFS, n)))
missing = [n for n in names if n not in methods]
equal(missing, [], "every call of guestfs.h is a GuestFS method")
undocumented = [n for n in names if not methods[n].__doc__]
equal(undocumented, [], "every method has a docstring")
check(guestfs.GuestFS.add_drive_opts is guestfs.GuestFS.add_drive and
      guestfs.GuestFS.mkfs_opts is guestfs.GuestFS.mkfs, "_opts aliases")

# Event constants as in the header.
events = dict((n, int(v, 16)) for n, v in
              re.findall(r"#define GUESTFS_EVENT_([A-Z_]+)\s+(0x[0-9a-fA-F]+)", header))
check(len(events) >= 11, "header has %d events" % len(events))
for n, v in events.items():
    equal(getattr(guestfs, "EVENT_" + n), v, "EVENT_" + n)
equal(guestfs.event_to_string(guestfs.EVENT_CLOSE | guestfs.EVENT_PROGRESS),
      "close,progress", "event_to_string")

check(issubclass(guestfs.Error, RuntimeError), "Error is a RuntimeError")
check(issubclass(guestfs.ClosedHandle, ValueError), "ClosedHandle is a ValueError")

g = guestfs.GuestFS(python_return_dict=True, close_on_exit=True)
equal(g.get_program(), "test-import.py", "program name is the script's")

# Library-side calls and result types.
g.set_memsize(700)
r = g.get_memsize()
check(type(r) is int and r == 700, "RInt: get_memsize is int 700")
check(g.get_autosync() is True, "RBool: get_autosync is True")
g.set_autosync(False)
check(g.get_autosync() is False, "RBool: get_autosync is False after set")
g.set_backend_settings(("a=1", "b"))
equal(g.get_backend_settings(), ["a=1", "b"], "StringList from a tuple, RStringList")
g.set_backend_settings([])
equal(g.get_backend_settings(), [], "empty list")
v = g.version()
check(isinstance(v, dict) and v["major"] == 1 and isinstance(v["extra"], str),
      "RStruct: version() is a dict %r" % v)
check(isinstance(g.get_hv(), str), "RString: get_hv")

# Strings: bytes, os.PathLike, and bytes that are not UTF-8 round trip.
g.set_program(b"from-bytes")
equal(g.get_program(), "from-bytes", "bytes argument")
g.set_program("caf\udce9")
equal(g.get_program(), "caf\udce9", "non-UTF-8 string round trip")
g.set_program("café")
equal(g.get_program(), "café", "UTF-8 string")

# Optional arguments as keywords; a drive added read-only with a format.
g.add_drive_opts("/dev/null", readonly=1, format="raw")
g.add_drive_opts(pathlib.Path("/dev/null"), readonly=True, format="raw", label="nul")
g.add_drive_scratch(1024 * 1024, name="scratch")
e = raises(TypeError, g.add_drive_opts, "/dev/null", nosuchoption=1)
check("nosuchoption" in str(e), "an unknown keyword is a TypeError")

# Argument errors are Python's.
e = raises(TypeError, g.set_memsize, "700")
check("memsize" in str(e), "TypeError names the argument: %s" % e)
raises(OverflowError, g.set_memsize, 2 ** 40)
raises(TypeError, g.set_memsize, 1.5)
raises(ValueError, g.set_program, "a\0b")
raises(TypeError, g.set_backend_settings, "not-a-list")
raises(TypeError, g.set_backend_settings, [1, 2])
raises(TypeError, g.set_memsize)

# Deprecated calls still work and warn.
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    g.get_qemu()
check(any(issubclass(x.category, DeprecationWarning) and "get_hv" in str(x.message)
          for x in w), "get_qemu warns: use get_hv")

g.close()
print("done")
