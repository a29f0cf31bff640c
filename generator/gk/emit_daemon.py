"""Writes the daemon's generated sources: daemon/actions.h (the do_*
prototypes every daemon call implements) and daemon/stubs.c (argument
decoding and checking, the call, the reply, and the dispatch table)."""

from . import api
from .cdecl import banner


def _do_ret(r):
    k = r.kind
    return {"RErr": "int", "RInt": "int", "RBool": "int", "RInt64": "int64_t",
            "RString": "char *", "RConstOptString": "char *",
            "RStringList": "char **", "RHashtable": "char **",
            "RBufferOut": "char *",
            "RStruct": "guestfs_int_%s *" % r.struct,
            "RStructList": "guestfs_int_%s_list *" % r.struct}[k]


def _do_params(c):
    ps = []
    for a in c.args:
        k = a.kind
        if k in ("FileIn", "FileOut"):
            continue
        if a.is_string:
            ps.append("const char *" + a.name)
        elif a.is_list:
            ps.append("char *const *" + a.name)
        elif k in ("Int", "Bool"):
            ps.append("int " + a.name)
        elif k == "Int64":
            ps.append("int64_t " + a.name)
        elif k == "BufferIn":
            ps += ["const char *" + a.name, "size_t " + a.name + "_size"]
    for o in c.optargs:
        ps.append({"OBool": "int %s", "OInt": "int %s", "OInt64": "int64_t %s",
                   "OString": "const char *%s",
                   "OStringList": "char *const *%s"}[o.kind] % o.name)
    if c.ret.kind == "RBufferOut":
        ps.append("size_t *size_r")
    return ps or ["void"]


def _prototype(c):
    rt = _do_ret(c.ret)
    return "extern %s%sdo_%s (%s);\n" % (rt, "" if rt.endswith("*") else " ",
                                         c.name, ", ".join(_do_params(c)))


def _stub(c):
    n = c.name
    o = ["static void\n%s_stub (XDR *xdr_in)\n{\n" % n]
    has_args = c.has_wire_args
    if has_args:
        o.append("  struct guestfs_%s_args args;\n" % n)
    local = []   # (cname, expr) converted arguments
    for a in c.wire_args:
        if a.kind in ("Device", "Mountable", "Dev_or_Path"):
            o.append("  CLEANUP_FREE char *%s = NULL;\n" % a.name)
        elif a.is_list:
            o.append("  CLEANUP_FREE_STRING_LIST char **%s = NULL;\n" % a.name)
    for opt in c.optargs:
        if opt.kind == "OStringList":
            o.append("  CLEANUP_FREE_STRING_LIST char **%s = NULL;\n" % opt.name)
    rt = _do_ret(c.ret)
    o.append("  %s%sr;\n" % (rt, "" if rt.endswith("*") else " "))
    if c.ret.kind == "RBufferOut":
        o.append("  size_t size = 0;\n")
    if c.ret.kind != "RErr":
        o.append("  struct guestfs_%s_ret ret;\n" % n)
    o.append("\n")
    mask = (1 << len(c.optargs)) - 1
    # Zeroed first: the error paths below free args.
    if has_args:
        o.append("  memset (&args, 0, sizeof args);\n")
    o.append("  if (optargs_bitmask & ~UINT64_C(0x%x)) {\n"
             "    reply_with_error (\"unknown option in optional arguments bitmask "
             "(this can happen if a program is compiled against a newer version of "
             "libguestfs, then run against an older version of the daemon)\");\n"
             "    goto done;\n  }\n" % mask)
    if has_args:
        o.append("  if (!xdr_guestfs_%s_args (xdr_in, &args)) {\n"
                 "    reply_with_error (\"daemon failed to decode procedure arguments\");\n"
                 "    goto done;\n  }\n" % n)
    else:
        o.append("  (void) xdr_in;\n")
    call = []
    for a in c.args:
        k = a.kind
        if k in ("FileIn", "FileOut"):
            continue
        v = "args." + a.name
        if k == "Device":
            o.append("  %s = daemon_resolve_device (%s);\n  if (%s == NULL)\n    goto done;\n"
                     % (a.name, v, a.name))
            call.append(a.name)
        elif k == "Mountable":
            o.append("  %s = daemon_resolve_mountable (%s);\n  if (%s == NULL)\n    goto done;\n"
                     % (a.name, v, a.name))
            call.append(a.name)
        elif k == "Dev_or_Path":
            o.append("  %s = daemon_resolve_dev_or_path (%s);\n  if (%s == NULL)\n    goto done;\n"
                     % (a.name, v, a.name))
            call.append(a.name)
        elif k == "Pathname":
            o.append("  if (daemon_check_pathname (%s) == -1)\n    goto done;\n" % v)
            call.append(v)
        elif k == "OptString":
            call.append("%s ? *%s : NULL" % (v, v))
        elif a.is_string:
            call.append(v)
        elif a.is_list:
            o.append("  %s = daemon_strlist_from_xdr (%s.%s_len, %s.%s_val, %d);\n"
                     "  if (%s == NULL)\n    goto done;\n"
                     % (a.name, v, a.name, v, a.name, 1 if k == "DeviceList" else 0, a.name))
            call.append(a.name)
        elif k == "BufferIn":
            call += ["%s.%s_val" % (v, a.name), "%s.%s_len" % (v, a.name)]
        else:
            call.append(v)
    for opt in c.optargs:
        v = "args." + opt.name
        if opt.kind == "OStringList":
            o.append("  %s = daemon_strlist_from_xdr (%s.%s_len, %s.%s_val, 0);\n"
                     "  if (%s == NULL)\n    goto done;\n"
                     % (opt.name, v, opt.name, v, opt.name, opt.name))
            call.append(opt.name)
        else:
            call.append(v)
    if c.ret.kind == "RBufferOut":
        call.append("&size")
    o.append("\n  r = do_%s (%s);\n" % (n, ", ".join(call)))
    k = c.ret.kind
    if k in ("RErr", "RInt", "RBool", "RInt64"):
        o.append("  if (r == -1)\n    /* do_%s has already sent an error reply */\n    goto done;\n" % n)
    else:
        o.append("  if (r == NULL)\n    /* do_%s has already sent an error reply */\n    goto done;\n" % n)
    if c.has_fileout:
        o.append("  /* do_%s sent the reply before streaming the file. */\n" % n)
    elif k == "RErr":
        o.append("  reply (NULL, NULL);\n")
    elif k in ("RInt", "RBool", "RInt64"):
        o.append("  ret.r = r;\n  reply ((xdrproc_t) xdr_guestfs_%s_ret, (char *) &ret);\n" % n)
    elif k in ("RString", "RConstOptString"):
        o.append("  ret.r = r;\n  reply ((xdrproc_t) xdr_guestfs_%s_ret, (char *) &ret);\n"
                 "  free (r);\n" % n)
    elif k in ("RStringList", "RHashtable"):
        o.append("  ret.r.r_len = daemon_count_strings (r);\n  ret.r.r_val = r;\n"
                 "  reply ((xdrproc_t) xdr_guestfs_%s_ret, (char *) &ret);\n"
                 "  daemon_free_string_list (r);\n" % n)
    elif k == "RBufferOut":
        o.append("  ret.r.r_len = size;\n  ret.r.r_val = r;\n"
                 "  reply ((xdrproc_t) xdr_guestfs_%s_ret, (char *) &ret);\n  free (r);\n" % n)
    elif k == "RStruct":
        o.append("  ret.r = *r;\n  reply ((xdrproc_t) xdr_guestfs_%s_ret, (char *) &ret);\n"
                 "  xdr_free ((xdrproc_t) xdr_guestfs_int_%s, (char *) r);\n  free (r);\n"
                 % (n, c.ret.struct))
    elif k == "RStructList":
        o.append("  ret.r = *r;\n  reply ((xdrproc_t) xdr_guestfs_%s_ret, (char *) &ret);\n"
                 "  xdr_free ((xdrproc_t) xdr_guestfs_int_%s_list, (char *) r);\n  free (r);\n"
                 % (n, c.ret.struct))
    o.append(" done:\n")
    if has_args:
        o.append("  xdr_free ((xdrproc_t) xdr_guestfs_%s_args, (char *) &args);\n" % n)
    else:
        o.append("  ;\n")
    o.append("}\n\n")
    return "".join(o)


def generate():
    h = [banner("c", "Prototypes of the daemon's do_* functions."),
         "#ifndef GUESTFSD_ACTIONS_H_\n#define GUESTFSD_ACTIONS_H_\n\n"
         "#include <stdint.h>\n#include \"guestfs_protocol.h\"\n\n"]
    for c in api.DAEMON_CALLS:
        h.append(_prototype(c))
    h.append("\n#endif\n")

    s = [banner("c", "Daemon stubs: decode, check and convert arguments, call do_*, reply."),
         "#include <config.h>\n#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n"
         "#include <stdint.h>\n#include <rpc/types.h>\n#include <rpc/xdr.h>\n\n"
         "#include \"daemon.h\"\n#include \"actions.h\"\n#include \"guestfs_protocol.h\"\n\n"]
    for c in api.DAEMON_CALLS:
        s.append(_stub(c))
    maxp = max(c.proc for c in api.DAEMON_CALLS)
    s.append("const struct daemon_proc daemon_procs[%d] = {\n" % (maxp + 1))
    for c in api.DAEMON_CALLS:
        flags = []
        if c.has_filein:
            flags.append("DAEMON_PROC_FILEIN")
        if c.has_fileout:
            flags.append("DAEMON_PROC_FILEOUT")
        s.append("  [%d] = { \"%s\", %s_stub, %s },\n"
                 % (c.proc, c.name, c.name, " | ".join(flags) or "0"))
    s.append("};\n\nconst size_t daemon_nr_procs = %d;\n" % (maxp + 1))
    return {"daemon/actions.h": "".join(h), "daemon/stubs.c": "".join(s)}
