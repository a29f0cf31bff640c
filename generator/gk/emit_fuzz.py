"""Writes the generated parts of the fuzz harnesses (tests/fuzz/):
procs.c, the table of every daemon call's procedure number and XDR
args/ret decoders (for the XDR-level harnesses); lib-calls.c, one
function per daemon call that calls it through the public API with
dummy arguments and frees what it returns (for the harness feeding
hostile replies to the library); and daemon-checks.c, the daemon's
stubs (emit_daemon's) cut before their do_* call: decoding and checking
of the arguments only."""

from . import api
from . import emit_daemon
from .cdecl import banner, optargs_struct
from .emit_xdr import ret_xdr


def _table(ctype, name, rows):
    """A constant array of struct ctype named name, and its length."""
    return ("const struct %s %s[] = {\n%s};\n\nconst size_t %s = sizeof %s / sizeof %s[0];\n"
            % (ctype, name, "".join("  { %s },\n" % r for r in rows),
               name.replace("fuzz_", "fuzz_nr_", 1), name, name))


def _procs_c():
    o = [banner("c", "Every daemon call's XDR decoders, for the fuzz harnesses."),
         "#include <config.h>\n\n#include <stddef.h>\n\n"
         "#include \"guestfs_protocol.h\"\n#include \"fuzz-procs.h\"\n\n"]
    rows = []
    for c in api.DAEMON_CALLS:
        if c.has_wire_args:
            args = ("(xdrproc_t) xdr_guestfs_%s_args, sizeof (struct guestfs_%s_args)"
                    % (c.name, c.name))
        else:
            args = "NULL, 0"
        if ret_xdr(c.ret):
            ret = ("(xdrproc_t) xdr_guestfs_%s_ret, sizeof (struct guestfs_%s_ret)"
                   % (c.name, c.name))
        else:
            ret = "NULL, 0"
        rows.append('"%s", %d, %s, %s' % (c.name, c.proc, args, ret))
    o.append(_table("fuzz_proc", "fuzz_procs", rows))
    return "".join(o)


def _dummy_args(c):
    """C argument expressions for a call: harmless values of each type."""
    out = []
    for a in c.args:
        k = a.kind
        if k in ("FileIn", "FileOut"):
            out.append('"/dev/null"')
        elif a.is_string:
            out.append('"/a"')
        elif a.is_list:
            out.append("list")
        elif k in ("Int", "Bool", "Int64"):
            out.append("0")
        elif k == "BufferIn":
            out += ['"x"', "1"]
        else:
            raise ValueError(k)
    if c.ret.kind == "RBufferOut":
        out.append("&size")
    if c.optargs:
        out.append("&optargs")
    return out


def _free_ret(c):
    k = c.ret.kind
    if k in ("RString", "RBufferOut"):
        return "  free (r);\n"
    if k in ("RStringList", "RHashtable"):
        return ("  if (r) {\n    for (size_t i = 0; r[i]; ++i)\n      free (r[i]);\n"
                "    free (r);\n  }\n")
    if k == "RStruct":
        return "  if (r)\n    guestfs_free_%s (r);\n" % c.ret.struct
    if k == "RStructList":
        return "  if (r)\n    guestfs_free_%s_list (r);\n" % c.ret.struct
    return ""


def _lib_calls_c():
    from .cdecl import ret_ctype
    o = [banner("c", "Every daemon call through the public API, for the reply fuzz harness."),
         "#include <config.h>\n\n#include <stdlib.h>\n#include <string.h>\n\n"
         "#include \"guestfs.h\"\n#include \"guestfs-internal.h\"\n"
         "#include \"guestfs-internal-actions.h\"\n#include \"fuzz-procs.h\"\n\n"]
    for c in api.DAEMON_CALLS:
        fn = "guestfs_%s_argv" % c.c_name if c.optargs else "guestfs_" + c.name
        rt = ret_ctype(c.ret)
        o.append("static int\ncall_%s (guestfs_h *g)\n{\n" % c.name)
        if any(a.is_list for a in c.args):
            o.append('  char *const list[] = { (char *) "/a", NULL };\n')
        if c.ret.kind == "RBufferOut":
            o.append("  size_t size;\n")
        if c.optargs:
            o.append("  struct %s optargs;\n" % optargs_struct(c))
            o.append("  memset (&optargs, 0, sizeof optargs);\n")
        o.append("  %s%sr = %s (%s);\n"
                 % (rt, "" if rt.endswith("*") else " ", fn,
                    ", ".join(["g"] + _dummy_args(c))))
        ok = "r != NULL" if rt.endswith("*") else "r != -1"
        o.append("  int ok = %s;\n" % ok)
        o.append(_free_ret(c))
        o.append("  return ok ? 0 : -1;\n}\n\n")
    o.append(_table("fuzz_lib_call", "fuzz_lib_calls",
                    ['"%s", %d, call_%s' % (c.name, c.proc, c.name)
                     for c in api.DAEMON_CALLS]))
    return "".join(o)


def _check_stub(c):
    """The daemon stub of c without its do_* call and reply."""
    text = emit_daemon._stub(c)
    head = "static void\n%s_stub (XDR *xdr_in)\n" % c.name
    call = "\n  r = do_%s (" % c.name
    done = "\n done:\n"
    assert text.startswith(head) and call in text and done in text, c.name
    text = "static void\ncheck_%s (XDR *xdr_in)\n" % c.name + text[len(head):]
    return (text[:text.index(call)] + "\n  fuzz_args_ok = 1;\n" +
            text[text.index(done) + 1:])


def _daemon_checks_c():
    o = [banner("c", "The daemon's stubs without their do_* calls, for the request fuzz harness."),
         "#include <config.h>\n#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n"
         "#include <stdint.h>\n#include <rpc/types.h>\n#include <rpc/xdr.h>\n\n"
         "#include \"daemon.h\"\n#include \"actions.h\"\n#include \"guestfs_protocol.h\"\n"
         "#include \"daemon-env.h\"\n\n"
         "/* r, ret and size belong to the part that was cut. */\n"
         "#pragma clang diagnostic ignored \"-Wunused-variable\"\n"
         "#pragma clang diagnostic ignored \"-Wunused-but-set-variable\"\n\n"]
    for c in api.DAEMON_CALLS:
        o.append(_check_stub(c))
    o.append(_table("fuzz_daemon_check", "fuzz_daemon_checks",
                    ['"%s", %d, check_%s, %d' % (c.name, c.proc, c.name,
                                                 1 if c.has_filein else 0)
                     for c in api.DAEMON_CALLS]))
    return "".join(o)


def generate():
    return {"tests/fuzz/procs.c": _procs_c(),
            "tests/fuzz/lib-calls.c": _lib_calls_c(),
            "tests/fuzz/daemon-checks.c": _daemon_checks_c()}
