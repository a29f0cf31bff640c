"""Writes the Python binding: python/guestfs-py.c, one C function per
call of the table (argument conversion, the call with the GIL released,
the result as libguestfs's binding returns it) and the struct-to-dict
converters, for the extension module libguestfsmod (python/handle.c is
the hand-written rest); and python/guestfs.py, the GuestFS class with
one method per call, optional arguments as keyword arguments."""

import re

from . import api
from . import emit_header
from . import pod
from .cdecl import banner, optargs_struct, optarg_macro

# ---- the C half ---------------------------------------------------------

# Converter of each required-argument kind (python/handle.c).
_ARG_CONV = {
    "Int": "guestfs_int_py_arg_int",
    "Bool": "guestfs_int_py_arg_bool",
    "Int64": "guestfs_int_py_arg_int64",
}

_OPT_CTYPE_CONV = {
    "OBool": "guestfs_int_py_arg_bool",
    "OInt": "guestfs_int_py_arg_int",
    "OInt64": "guestfs_int_py_arg_int64",
}


def _calls():
    return [c for c in api.CALLS if not c.internal and not c.c_only]


def _used_structs():
    """Struct names returned by the exposed calls: (single, list)."""
    single, lists = set(), set()
    for c in _calls():
        if c.ret.kind == "RStruct":
            single.add(c.ret.struct)
        elif c.ret.kind == "RStructList":
            lists.add(c.ret.struct)
    return single | lists, lists


def _field_value(f):
    """C expression making a new reference for field f of struct *s."""
    n = "s->" + f.name
    k = f.kind
    if k == "FString":
        return "guestfs_int_py_ret_str (%s)" % n
    if k == "FBuffer":
        return "PyBytes_FromStringAndSize (%s, %s_len)" % (n, n)
    if k == "FUUID":
        return "guestfs_int_py_ret_strsize (%s, 32)" % n
    if k == "FChar":
        return "guestfs_int_py_ret_strsize (&%s, 1)" % n
    if k in ("FBytes", "FUInt64"):
        return "PyLong_FromUnsignedLongLong (%s)" % n
    if k == "FInt64":
        return "PyLong_FromLongLong (%s)" % n
    if k == "FUInt32":
        return "PyLong_FromUnsignedLong (%s)" % n
    if k == "FInt32":
        return "PyLong_FromLong (%s)" % n
    if k == "FOptPercent":
        return "guestfs_int_py_ret_percent (%s)" % n
    raise ValueError(k)


def _struct_converters():
    used, lists = _used_structs()
    o = []
    for s in api.STRUCTS:
        if s.name not in used:
            continue
        o.append("static PyObject *\nput_%s (const struct guestfs_%s *s)\n{\n"
                 % (s.name, s.name))
        o.append("  PyObject *d = PyDict_New ();\n\n  if (d == NULL)\n    return NULL;\n")
        for f in s.fields:
            o.append('  if (guestfs_int_py_dict_add (d, "%s", %s) == -1)\n    goto err;\n'
                     % (f.name, _field_value(f)))
        o.append("  return d;\n\n err:\n  Py_DECREF (d);\n  return NULL;\n}\n\n")
        if s.name in lists:
            o.append("static PyObject *\nput_%s_list (const struct guestfs_%s_list *l)\n{\n"
                     % (s.name, s.name))
            o.append("  PyObject *list = PyList_New (l->len);\n\n"
                     "  if (list == NULL)\n    return NULL;\n"
                     "  for (uint32_t i = 0; i < l->len; ++i) {\n"
                     "    PyObject *e = put_%s (&l->val[i]);\n\n"
                     "    if (e == NULL) {\n      Py_DECREF (list);\n      return NULL;\n    }\n"
                     "    PyList_SET_ITEM (list, i, e);\n  }\n  return list;\n}\n\n"
                     % s.name)
    return "".join(o)


def _ret_decl(c):
    k = c.ret.kind
    if k in ("RErr", "RInt", "RBool"):
        return "  int r;\n"
    if k == "RInt64":
        return "  int64_t r;\n"
    if k in ("RConstString", "RConstOptString"):
        return "  const char *r;\n"
    if k == "RString":
        return "  char *r;\n"
    if k == "RBufferOut":
        return "  char *r;\n  size_t size;\n"
    if k in ("RStringList", "RHashtable"):
        return "  char **r;\n"
    if k == "RStruct":
        return "  struct guestfs_%s *r;\n" % c.ret.struct
    if k == "RStructList":
        return "  struct guestfs_%s_list *r;\n" % c.ret.struct
    raise ValueError(k)


def _ret_convert(c):
    """Code turning a successful r into py_r (and freeing r)."""
    k = c.ret.kind
    if k == "RErr":
        return "  py_r = Py_NewRef (Py_None);\n"
    if k == "RInt":
        return "  py_r = PyLong_FromLong (r);\n"
    if k == "RInt64":
        return "  py_r = PyLong_FromLongLong (r);\n"
    if k == "RBool":
        return "  py_r = PyBool_FromLong (r);\n"
    if k == "RConstString":
        return "  py_r = guestfs_int_py_ret_str (r);\n"
    if k == "RConstOptString":
        return "  py_r = r ? guestfs_int_py_ret_str (r) : Py_NewRef (Py_None);\n"
    if k == "RString":
        return "  py_r = guestfs_int_py_ret_str (r);\n  free (r);\n"
    if k == "RBufferOut":
        return "  py_r = PyBytes_FromStringAndSize (r, size);\n  free (r);\n"
    if k == "RStringList":
        return "  py_r = guestfs_int_py_ret_strlist (r);\n"
    if k == "RHashtable":
        return "  py_r = guestfs_int_py_ret_table (&c, r);\n"
    if k == "RStruct":
        return ("  py_r = put_%s (r);\n  guestfs_free_%s (r);\n"
                % (c.ret.struct, c.ret.struct))
    if k == "RStructList":
        return ("  py_r = put_%s_list (r);\n  guestfs_free_%s_list (r);\n"
                % (c.ret.struct, c.ret.struct))
    raise ValueError(k)


def _arg_convert(a, i):
    """Code converting args[i] for required argument a (failure: goto out).
    The C variables are a_NAME, clear of the function's own names."""
    k = a.kind
    src = "args[%d]" % i
    v = "a_" + a.name
    if k == "OptString":
        call = 'guestfs_int_py_arg_optstr (&c, %s, "%s", &%s)' % (src, a.name, v)
    elif a.is_string:
        call = 'guestfs_int_py_arg_str (&c, %s, "%s", &%s)' % (src, a.name, v)
    elif a.is_list:
        call = 'guestfs_int_py_arg_strlist (&c, %s, "%s", &%s)' % (src, a.name, v)
    elif k == "BufferIn":
        call = 'guestfs_int_py_arg_buf (&c, %s, "%s", &%s, &%s_size)' % (src, a.name, v, v)
    elif k in _ARG_CONV:
        call = '%s (%s, "%s", &%s)' % (_ARG_CONV[k], src, a.name, v)
    else:
        raise ValueError(k)
    return "  if (%s == -1)\n    goto out;\n" % call


def _arg_decl(a):
    k = a.kind
    v = "a_" + a.name
    if a.is_string:
        return "  const char *%s;\n" % v
    if a.is_list:
        return "  char **%s;\n" % v
    if k == "BufferIn":
        return "  const char *%s;\n  size_t %s_size;\n" % (v, v)
    if k in ("Int", "Bool"):
        return "  int %s;\n" % v
    if k == "Int64":
        return "  int64_t %s;\n" % v
    raise ValueError(k)


def _optarg_convert(c, o, i):
    src = "args[%d]" % i
    out = ["  if (%s != Py_None) {\n" % src,
           "    optargs.bitmask |= %s_BITMASK;\n" % optarg_macro(c, o)]
    if o.kind == "OString":
        out.append('    if (guestfs_int_py_arg_str (&c, %s, "%s", &optargs.%s) == -1)\n'
                   % (src, o.name, o.name))
    elif o.kind == "OStringList":
        out.append("    if (guestfs_int_py_arg_strlist (&c, %s, \"%s\", "
                   "(char ***) &optargs.%s) == -1)\n" % (src, o.name, o.name))
    else:
        out.append('    if (%s (%s, "%s", &optargs.%s) == -1)\n'
                   % (_OPT_CTYPE_CONV[o.kind], src, o.name, o.name))
    out.append("      goto out;\n  }\n")
    return "".join(out)


def _call_args(c):
    out = ["c.g"]
    for a in c.args:
        out.append("a_" + a.name)
        if a.kind == "BufferIn":
            out.append("a_%s_size" % a.name)
    if c.ret.kind == "RBufferOut":
        out.append("&size")
    if c.optargs:
        out.append("&optargs")
    return ", ".join(out)


def _function(c):
    nargs = 1 + len(c.args) + len(c.optargs)
    o = ["static PyObject *\npy_%s (PyObject *self, PyObject *const *args, Py_ssize_t nargs)\n{\n"
         % c.name,
         "  struct guestfs_int_py_call c;\n  PyObject *py_r = NULL;\n",
         _ret_decl(c)]
    for a in c.args:
        o.append(_arg_decl(a))
    if c.optargs:
        o.append("  struct %s optargs = { .bitmask = 0 };\n" % optargs_struct(c))
    o.append('\n  if (guestfs_int_py_enter (&c, "%s", args, nargs, %d) == -1)\n    return NULL;\n'
             % (c.name, nargs))
    for i, a in enumerate(c.args):
        o.append(_arg_convert(a, i + 1))
    for i, opt in enumerate(c.optargs):
        o.append(_optarg_convert(c, opt, i + 1 + len(c.args)))
    fn = ("guestfs_%s_argv" % c.c_name) if c.optargs else ("guestfs_" + c.name)
    # The call: GIL released, the binding's handle lock held until
    # guestfs_int_py_leave (so the error read is this call's).
    o.append("\n  Py_BEGIN_ALLOW_THREADS\n  guestfs_int_py_lock (&c);\n")
    o.append("  r = %s (%s);\n  Py_END_ALLOW_THREADS\n" % (fn, _call_args(c)))
    if c.ret.kind in ("RErr", "RInt", "RBool", "RInt64"):
        o.append("  if (r == -1) {\n")
    elif c.ret.kind != "RConstOptString":
        o.append("  if (r == NULL) {\n")
    if c.ret.kind != "RConstOptString":
        o.append("    guestfs_int_py_raise (&c);\n    goto out;\n  }\n")
    o.append(_ret_convert(c))
    # A call without arguments that cannot fail has no jump to out.
    label = " out:\n" if "goto out;" in "".join(o) else ""
    o.append("\n%s  guestfs_int_py_leave (&c);\n  return py_r;\n}\n\n" % label)
    return "".join(o)


def _guestfs_py_c():
    o = [banner("c", "The Python binding's call functions (module libguestfsmod)."),
         "#include \"guestfs-py.h\"\n\n#include <stdlib.h>\n#include <stdint.h>\n\n",
         _struct_converters()]
    for c in _calls():
        o.append(_function(c))
    o.append("PyMethodDef guestfs_int_py_call_methods[] = {\n")
    for c in _calls():
        o.append('  { "%s", (PyCFunction) (void (*) (void)) py_%s, METH_FASTCALL, NULL },\n'
                 % (c.name, c.name))
    o.append("  { NULL, NULL, 0, NULL }\n};\n")
    return "".join(o)


# ---- the Python half ----------------------------------------------------

_PY_HINT = {
    "Int": "int", "Int64": "int", "Bool": "bool", "StringList": "List[str]",
    "DeviceList": "List[str]", "BufferIn": "bytes", "OptString": "Optional[str]",
}
_OPT_HINT = {"OBool": "bool", "OInt": "int", "OInt64": "int",
             "OString": "str", "OStringList": "List[str]"}
_RET_HINT = {
    "RErr": "None", "RInt": "int", "RInt64": "int", "RBool": "bool",
    "RConstString": "str", "RConstOptString": "Optional[str]",
    "RString": "str", "RBufferOut": "bytes", "RStringList": "List[str]",
    "RStruct": "dict", "RStructList": "List[dict]",
    "RHashtable": "Union[List[Tuple[str, str]], dict]",
}
_RET_NOTE = {
    "RStringList": "This function returns a list of strings.",
    "RStruct": "This function returns a dictionary, with keys matching the "
               "various fields in the guestfs_%s structure.",
    "RStructList": "This function returns a list of %ss.  Each %s is "
                   "represented as a dictionary.",
    "RHashtable": "This function returns a hash.  If the GuestFS constructor "
                  "was called with python_return_dict=True (recommended) then "
                  "the return value is in fact a Python dict.  Otherwise the "
                  "return value is a list of pairs of strings, for "
                  "compatibility with old code.",
}

_EVENTS = re.findall(r"#define GUESTFS_EVENT_([A-Z_]+)\s+(0x[0-9a-f]+)",
                     emit_header.PREAMBLE)
assert ("ALL", "0x03ff") in _EVENTS, _EVENTS

PY_HEAD = '''"""Python binding of guestkit, compatible with libguestfs's guestfs module.

import guestfs
g = guestfs.GuestFS(python_return_dict=True)
g.add_drive_opts("guest.img", format="raw", readonly=1)
g.launch()
roots = g.inspect_os()

Every call of the C API (guestfs(3)) is a method of GuestFS, without the
guestfs_ prefix; optional arguments are keyword arguments.  Errors raise
guestfs.Error, a subclass of RuntimeError whose str() is the message and
whose errno attribute is the error number the library reported (None if
it gave none).  Calling a method of a closed handle raises
guestfs.ClosedHandle (a ValueError).  Calls release the GIL, so other
Python threads run while the appliance works.
"""

import os
import sys
import warnings
from typing import List, Optional, Tuple, Union

import libguestfsmod
from libguestfsmod import Error, ClosedHandle

'''

PY_CLASS = '''

def event_to_string(events):
    """Return a printable string from an event or event bitmask."""
    return libguestfsmod.event_to_string(events)


class GuestFS(object):
    """Instances of this class are libguestfs API handles."""

    def __init__(self, python_return_dict=False,
                 environment=True, close_on_exit=True):
        """Create a new libguestfs handle.

        python_return_dict=True makes the calls that return a hash
        return a Python dict; otherwise they return a list of (key,
        value) pairs, as libguestfs <= 1.20 did.  All new code should
        pass python_return_dict=True.

        environment=False ignores the LIBGUESTFS_* environment
        variables; close_on_exit=False does not close the handle when
        the program exits.
        """
        flags = 0
        if not environment:
            flags |= libguestfsmod.GUESTFS_CREATE_NO_ENVIRONMENT
        if not close_on_exit:
            flags |= libguestfsmod.GUESTFS_CREATE_NO_CLOSE_ON_EXIT
        self._python_return_dict = bool(python_return_dict)
        self._o = libguestfsmod.create(flags, self._python_return_dict)
        # Else the program name would always be "python3".
        program = sys.argv[0] if sys.argv else "python"
        libguestfsmod.set_program(self._o, os.path.basename(program))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if not libguestfsmod.is_closed(self._o):
            self.close()

    def close(self):
        """Explicitly close the guestfs handle.

        The handle is closed implicitly when its reference count goes
        to zero (eg. when it goes out of scope or the program ends).
        After calling this, every method of the handle raises
        ClosedHandle.  close() cannot be called from an event callback
        or while another thread is inside a call on the same handle.
        """
        libguestfsmod.close(self._o)

    def set_event_callback(self, cb, event_bitmask):
        """Register an event callback.

        Register "cb" as a callback function for all of the events in
        "event_bitmask" (one or more guestfs.EVENT_* flags or'd
        together).  Returns an event handle for delete_event_callback.

        The callback is called as cb(event, event_handle, buf, array):
        "event" is one of the EVENT_* flags, "buf" a bytes message
        (log and trace events) and "array" a list of integers
        (progress events: proc, serial, position, total).  An
        exception raised by the callback is reported through
        sys.unraisablehook and does not stop the call.
        """
        return libguestfsmod.set_event_callback(self._o, cb, event_bitmask)

    def delete_event_callback(self, event_handle):
        """Delete an event callback."""
        libguestfsmod.delete_event_callback(self._o, event_handle)

    def user_cancel(self):
        """Cancel the current upload or download.

        Safe to call from another thread (or an event callback) while
        a transfer runs on this handle; the transfer then fails with
        errno EINTR."""
        libguestfsmod.user_cancel(self._o)
'''


def _py_doc(c):
    text = c.longdesc
    k = c.ret.kind
    if k == "RStruct":
        text += "\n\n" + _RET_NOTE[k] % c.ret.struct
    elif k == "RStructList":
        text += "\n\n" + _RET_NOTE[k] % (c.ret.struct, c.ret.struct)
    elif k in _RET_NOTE:
        text += "\n\n" + _RET_NOTE[k]
    if c.deprecated_by:
        text += ("\n\nI<This function is deprecated.>  In new code, use the "
                 "C<guestfs_%s> call instead." % c.deprecated_by)
    if c.optional:
        text += ("\n\nThis function depends on the feature C<%s>.  See also "
                 "C<guestfs_feature_available>." % c.optional)
    text = text.replace("C<guestfs_", "C<g.")
    body = pod.to_text(text, indent=8, width=72).strip("\n")
    body = body.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    return '        """%s\n\n%s\n        """\n' % (c.shortdesc, body)


def _wrap(head, pieces, tail, width=79):
    """head + pieces joined by ", " + tail, wrapped under the first piece."""
    lines, cur = [], head
    for i, p in enumerate(pieces):
        piece = p + ("," if i < len(pieces) - 1 else tail)
        if cur != head and len(cur) + 1 + len(piece) > width:
            lines.append(cur.rstrip())
            cur = " " * len(head)
        elif cur != head:
            cur += " "
        cur += piece
    lines.append(cur)
    return "\n".join(lines)


def _py_method(c):
    params = ["self"]
    for a in c.args:
        params.append("%s: %s" % (a.name, _PY_HINT.get(a.kind, "str")))
    for o in c.optargs:
        params.append("%s: Optional[%s] = None" % (o.name, _OPT_HINT[o.kind]))
    lines = [_wrap("    def %s(" % c.name, params, ") -> %s:" % _RET_HINT[c.ret.kind])]
    o = ["\n" + "\n".join(lines) + "\n", _py_doc(c)]
    if c.deprecated_by:
        alt = api.BY_NAME.get(c.deprecated_by)
        if alt is not None and not alt.internal:
            msg = '"use GuestFS.%s() "\n                      "instead of GuestFS.%s()"' % (
                alt.name, c.name)
        else:
            msg = '"GuestFS.%s() is deprecated"' % c.name
        o.append("        warnings.warn(%s,\n                      DeprecationWarning, "
                 "stacklevel=2)\n" % msg)
    argv = ["self._o"] + [a.name for a in c.args] + [x.name for x in c.optargs]
    o.append(_wrap("        return libguestfsmod.%s(" % c.name, argv, ")") + "\n")
    if c.c_name != c.name:
        o.append("\n    %s = %s\n" % (c.c_name, c.name))
    return "".join(o)


def _guestfs_py():
    o = [banner("py", "The Python module guestfs (libguestfs's Python API)."), PY_HEAD]
    for name, val in _EVENTS:
        o.append("EVENT_%s = 0x%x\n" % (name, int(val, 16)))
    o.append(PY_CLASS)
    for c in _calls():
        o.append(_py_method(c))
    return "".join(o)


def generate():
    return {"python/guestfs-py.c": _guestfs_py_c(),
            "python/guestfs.py": _guestfs_py()}
