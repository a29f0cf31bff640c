"""Writes the library's generated sources: lib/actions.c (one public stub
per call: argument checks, trace, state check, then the RPC or the
guestfs_impl_* function), lib/actions-variants.c (the _opts/_va/_argv
forms), lib/structs.c (free, copy and XDR conversion of structs) and
lib/guestfs-internal-actions.h."""

from . import api
from .cdecl import (banner, call_cparams, ret_ctype, ret_errvalue,
                    arg_cparams, optarg_ctype, optargs_struct,
                    optarg_macro)


def _impl_params(c):
    ps = call_cparams(c, False)
    if c.optargs:
        ps.append("const struct %s *optargs" % optargs_struct(c))
    return ps


def _main_name(c):
    """The function that holds the real stub body."""
    return "guestfs_%s_argv" % c.c_name if c.optargs else "guestfs_" + c.name


def _trace_args(c):
    o = []
    for a in c.args:
        k = a.kind
        if k == "Key":
            o.append('      fputs (" \\"***\\"", tr);  /* never trace secrets */\n')
        elif a.is_string:
            o.append('      guestfs_int_trace_str (tr, %s);\n' % a.name)
        elif k in ("StringList", "DeviceList"):
            o.append('      guestfs_int_trace_strlist (tr, %s);\n' % a.name)
        elif k in ("Int",):
            o.append('      fprintf (tr, " %%d", %s);\n' % a.name)
        elif k == "Int64":
            o.append('      fprintf (tr, " %%" PRIi64, %s);\n' % a.name)
        elif k == "Bool":
            o.append('      fputs (%s ? " true" : " false", tr);\n' % a.name)
        elif k == "BufferIn":
            o.append('      guestfs_int_trace_buffer (tr, %s, %s_size);\n' % (a.name, a.name))
        elif k == "Pointer":
            o.append('      fprintf (tr, " (%s)%%p", (void *) %s);\n' % (a.ctype, a.name))
    for i, opt in enumerate(c.optargs):
        m = optarg_macro(c, opt) + "_BITMASK"
        v = "optargs->" + opt.name
        fmt = {"OBool": 'fprintf (tr, " \\"%s:%%s\\"", %s ? "true" : "false")' % (opt.name, v),
               "OInt": 'fprintf (tr, " \\"%s:%%d\\"", %s)' % (opt.name, v),
               "OInt64": 'fprintf (tr, " \\"%s:%%" PRIi64 "\\"", %s)' % (opt.name, v),
               "OString": 'guestfs_int_trace_optarg_str (tr, "%s", %s)' % (opt.name, v),
               "OStringList": 'guestfs_int_trace_optarg_strlist (tr, "%s", %s)' % (opt.name, v)}[opt.kind]
        o.append("      if (optargs->bitmask & %s)\n        %s;\n" % (m, fmt))
    return "".join(o)


def _trace_ret(c):
    k = c.ret.kind
    if k in ("RErr", "RInt", "RBool"):
        return 'fprintf (tr, " = %d", r);'
    if k == "RInt64":
        return 'fprintf (tr, " = %" PRIi64, r);'
    if k in ("RConstString", "RConstOptString", "RString"):
        return 'fputs (" =", tr); guestfs_int_trace_str (tr, r);'
    if k in ("RStringList", "RHashtable"):
        return 'fputs (" = ", tr); guestfs_int_trace_retlist (tr, r);'
    if k == "RBufferOut":
        return 'fputs (" =", tr); guestfs_int_trace_buffer (tr, r, *size_r);'
    if k == "RStruct":
        return 'fputs (" = ", tr); guestfs_int_trace_struct_%s (tr, r);' % c.ret.struct
    if k == "RStructList":
        return 'fprintf (tr, " = <struct guestfs_%s_list(%%" PRIu32 ")>", r->len);' % c.ret.struct
    raise ValueError(k)


def _null_checks(c, name, errv):
    o = []
    for a in c.args:
        nullable = a.kind in ("OptString",)
        if (a.is_string and not nullable) or a.is_list or a.kind == "BufferIn":
            o.append("  if (%s == NULL) {\n"
                     "    guestfs_int_error_null_arg (g, \"%s\", \"%s\");\n"
                     "    return %s;\n  }\n" % (a.name, name, a.name, errv))
    if c.optargs:
        o.append("  if (optargs->bitmask & ~UINT64_C(0x%x)) {\n"
                 "    guestfs_int_error (g, \"%s: unknown option in optional arguments bitmask\");\n"
                 "    return %s;\n  }\n" % ((1 << len(c.optargs)) - 1, name, errv))
        for opt in c.optargs:
            if opt.kind in ("OString", "OStringList"):
                o.append("  if ((optargs->bitmask & %s_BITMASK) && optargs->%s == NULL) {\n"
                         "    guestfs_int_error_null_arg (g, \"%s\", \"%s\");\n"
                         "    return %s;\n  }\n"
                         % (optarg_macro(c, opt), opt.name, name, opt.name, errv))
    return "".join(o)


def _daemon_body(c):
    o = []
    name = c.name
    has_args = c.has_wire_args
    if has_args:
        o.append("  struct guestfs_%s_args args;\n" % name)
    if c.ret.kind != "RErr":
        o.append("  struct guestfs_%s_ret ret;\n" % name)
    o.append("  struct guestfs_int_call call;\n\n")
    o.append("  if (guestfs_int_check_ready (g, \"%s\") == -1)\n    goto error;\n" % name)
    o.append("  memset (&call, 0, sizeof call);\n")
    o.append("  call.name = \"%s\";\n  call.proc = GUESTFS_PROC_%s;\n" % (name, name.upper()))
    if has_args:
        o.append("  memset (&args, 0, sizeof args);\n")
        for a in c.wire_args:
            k = a.kind
            if k == "OptString":
                o.append("  args.%s = %s ? (char **) &%s : NULL;\n" % (a.name, a.name, a.name))
            elif a.is_string:
                o.append("  args.%s = (char *) %s;\n" % (a.name, a.name))
            elif a.is_list:
                o.append("  args.%s.%s_len = guestfs_int_count_strings (%s);\n"
                         "  args.%s.%s_val = (char **) %s;\n"
                         % (a.name, a.name, a.name, a.name, a.name, a.name))
            elif k == "BufferIn":
                o.append("  if (%s_size > GUESTFS_STREAM_MAX) {\n"
                         "    guestfs_int_error (g, \"%s: %s: buffer too large (%%zu bytes)\", %s_size);\n"
                         "    goto error;\n  }\n" % (a.name, name, a.name, a.name))
                o.append("  args.%s.%s_len = %s_size;\n  args.%s.%s_val = (char *) %s;\n"
                         % (a.name, a.name, a.name, a.name, a.name, a.name))
            else:
                o.append("  args.%s = %s;\n" % (a.name, a.name))
        for opt in c.optargs:
            m = optarg_macro(c, opt) + "_BITMASK"
            if opt.kind == "OString":
                o.append("  args.%s = (optargs->bitmask & %s) ? (char *) optargs->%s : (char *) \"\";\n"
                         % (opt.name, m, opt.name))
            elif opt.kind == "OStringList":
                o.append("  if (optargs->bitmask & %s) {\n"
                         "    args.%s.%s_len = guestfs_int_count_strings (optargs->%s);\n"
                         "    args.%s.%s_val = (char **) optargs->%s;\n  }\n"
                         % (m, opt.name, opt.name, opt.name, opt.name, opt.name, opt.name))
            else:
                o.append("  if (optargs->bitmask & %s)\n    args.%s = optargs->%s;\n"
                         % (m, opt.name, opt.name))
        o.append("  call.args_xdr = (xdrproc_t) xdr_guestfs_%s_args;\n  call.args = &args;\n" % name)
        if c.optargs:
            o.append("  call.optargs_bitmask = optargs->bitmask;\n")
    for a in c.args:
        if a.kind == "FileIn":
            o.append("  call.filein = %s;\n" % a.name)
        if a.kind == "FileOut":
            o.append("  call.fileout = %s;\n" % a.name)
    if c.ret.kind != "RErr":
        o.append("  memset (&ret, 0, sizeof ret);\n")
        o.append("  call.ret_xdr = (xdrproc_t) xdr_guestfs_%s_ret;\n  call.ret = &ret;\n" % name)
    o.append("\n  if (guestfs_int_rpc (g, &call) == -1)\n    goto error;\n\n")
    k = c.ret.kind
    if k == "RErr":
        o.append("  r = 0;\n")
    elif k in ("RInt", "RInt64", "RBool"):
        o.append("  r = ret.r;\n")
    elif k == "RString":
        o.append("  r = ret.r; /* caller frees */\n")
    elif k in ("RStringList", "RHashtable"):
        o.append("  r = guestfs_int_take_string_list (g, \"%s\", ret.r.r_len, ret.r.r_val, %d);\n"
                 "  if (r == NULL)\n    goto error;\n" % (name, 1 if k == "RHashtable" else 0))
    elif k == "RBufferOut":
        o.append("  *size_r = ret.r.r_len;\n"
                 "  r = ret.r.r_val ? ret.r.r_val : guestfs_int_safe_malloc (g, 1);\n")
    elif k == "RStruct":
        o.append("  r = guestfs_int_take_%s (g, &ret.r);\n" % c.ret.struct)
    elif k == "RStructList":
        o.append("  r = guestfs_int_take_%s_list (g, &ret.r);\n" % c.ret.struct)
    return "".join(o)


def _library_body(c):
    params = [a.name for a in c.args]
    for a in c.args:
        if a.kind == "BufferIn":
            params.insert(params.index(a.name) + 1, a.name + "_size")
    if c.ret.kind == "RBufferOut":
        params.append("size_r")
    if c.optargs:
        params.append("optargs")
    o = []
    if c.config_only:
        o.append("  if (guestfs_int_check_config (g, \"%s\") == -1)\n    goto error;\n" % c.name)
    o.append("  r = guestfs_impl_%s (%s);\n" % (c.c_name, ", ".join(["g"] + params)))
    o.append("  if (r == %s)\n    goto error;\n" % ret_errvalue(c.ret)
             if c.ret.kind not in ("RConstOptString",) else "")
    return "".join(o)


def _stub(c):
    rt = ret_ctype(c.ret)
    errv = ret_errvalue(c.ret)
    name = c.name
    params = _impl_params(c)
    public = "" if c.internal else "GUESTFS_DLL_PUBLIC "
    o = ["%s%s\n%s (%s)\n{\n" % (public, rt, _main_name(c), ", ".join(params))]
    o.append("  %s%sr;\n" % (rt, "" if rt.endswith("*") else " "))
    # Internal calls are the library's own business (and internal_reseed
    # carries entropy that belongs in no log).
    o.append("  const int trace_flag = %s;\n"
             % ("0" if c.internal else "guestfs_int_trace_enabled (g)"))
    o.append("  ACQUIRE_LOCK_FOR_CURRENT_SCOPE (g);\n\n")
    o.append("  guestfs_int_call_enter (g, \"%s\");\n" % name)
    o.append(_null_checks(c, name, errv))
    o.append("  if (trace_flag) {\n    FILE *tr = guestfs_int_trace_open (g);\n"
             "    if (tr) {\n      fputs (\"%s\", tr);\n" % name)
    o.append(_trace_args(c))
    o.append("      guestfs_int_trace_close (g, tr);\n    }\n  }\n\n")
    if c.daemon:
        o.append(_daemon_body(c))
    else:
        o.append(_library_body(c))
    o.append("\n  if (trace_flag) {\n    FILE *tr = guestfs_int_trace_open (g);\n"
             "    if (tr) {\n      fputs (\"%s\", tr);\n      %s\n"
             "      guestfs_int_trace_close (g, tr);\n    }\n  }\n" % (name, _trace_ret(c)))
    o.append("  return r;\n\n")
    o.append(" error: __attribute__((unused))\n")
    o.append("  if (trace_flag)\n    guestfs_int_trace_error (g, \"%s\", \"%s\");\n"
             % (name, errv))
    o.append("  return %s;\n}\n\n" % errv)
    return "".join(o)


def _variants(c):
    if not c.optargs:
        return ""
    rt = ret_ctype(c.ret)
    errv = ret_errvalue(c.ret)
    cn = c.c_name
    base_params = call_cparams(c, False)
    base_names = ["g"]
    for a in c.args:
        base_names.append(a.name)
        if a.kind == "BufferIn":
            base_names.append(a.name + "_size")
    if c.ret.kind == "RBufferOut":
        base_names.append("size_r")
    last = base_names[-1]
    o = []
    if c.once_had_no_optargs:
        o.append("GUESTFS_DLL_PUBLIC %s\nguestfs_%s (%s)\n{\n"
                 "  struct %s optargs_s = { .bitmask = 0 };\n"
                 "  return guestfs_%s_argv (%s, &optargs_s);\n}\n\n"
                 % (rt, c.name, ", ".join(base_params), optargs_struct(c), cn,
                    ", ".join(base_names)))
    o.append("GUESTFS_DLL_PUBLIC %s\nguestfs_%s (%s)\n{\n  va_list optargs;\n  %s%sr;\n\n"
             "  va_start (optargs, %s);\n  r = guestfs_%s_va (%s, optargs);\n"
             "  va_end (optargs);\n  return r;\n}\n\n"
             % (rt, cn, ", ".join(call_cparams(c, True)), rt,
                "" if rt.endswith("*") else " ", last, cn, ", ".join(base_names)))
    o.append("GUESTFS_DLL_PUBLIC %s\nguestfs_%s_va (%s, va_list args)\n{\n"
             "  struct %s optargs_s;\n  struct %s *optargs = &optargs_s;\n  int i;\n  uint64_t i_mask;\n\n"
             "  optargs_s.bitmask = 0;\n\n  while ((i = va_arg (args, int)) >= 0) {\n"
             "    switch (i) {\n"
             % (rt, cn, ", ".join(base_params), optargs_struct(c), optargs_struct(c)))
    for opt in c.optargs:
        t = optarg_ctype(opt)
        vt = {"int": "int", "int64_t": "int64_t", "const char *": "const char *",
              "char *const *": "char *const *"}[t]
        o.append("    case %s:\n      optargs_s.%s = va_arg (args, %s);\n      break;\n"
                 % (optarg_macro(c, opt), opt.name, vt))
    o.append("    default:\n"
             "      guestfs_int_error (g, \"%%s: unknown option %%d (this can happen if a program is compiled against a newer version of libguestfs, then dynamically linked to an older version)\", \"%s\", i);\n"
             "      return %s;\n    }\n\n"
             "    i_mask = UINT64_C(1) << i;\n"
             "    if (optargs_s.bitmask & i_mask) {\n"
             "      guestfs_int_error (g, \"%%s: same optional argument specified more than once\", \"%s\");\n"
             "      return %s;\n    }\n"
             "    optargs_s.bitmask |= i_mask;\n  }\n\n"
             "  return guestfs_%s_argv (%s, optargs);\n}\n\n"
             % (c.name, errv, c.name, errv, cn, ", ".join(base_names)))
    return "".join(o)


def _structs_c():
    o = [banner("c", "Free, copy, trace and XDR conversion of API structs."),
         "#include <config.h>\n#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n"
         "#include <inttypes.h>\n\n#include \"guestfs.h\"\n#include \"guestfs-internal.h\"\n"
         "#include \"guestfs-internal-actions.h\"\n\n"]
    for s in api.STRUCTS:
        n = s.name
        strs = [f for f in s.fields if f.kind in ("FString", "FBuffer")]
        # free
        o.append("static void\nfree_%s_fields (struct guestfs_%s *p)\n{\n" % (n, n))
        for f in strs:
            o.append("  free (p->%s);\n" % f.name)
        if not strs:
            o.append("  (void) p;\n")
        o.append("}\n\n")
        o.append("GUESTFS_DLL_PUBLIC void\nguestfs_free_%s (struct guestfs_%s *p)\n{\n"
                 "  if (p) {\n    free_%s_fields (p);\n    free (p);\n  }\n}\n\n" % (n, n, n))
        o.append("GUESTFS_DLL_PUBLIC void\nguestfs_free_%s_list (struct guestfs_%s_list *p)\n{\n"
                 "  uint32_t i;\n\n  if (!p)\n    return;\n  for (i = 0; i < p->len; ++i)\n"
                 "    free_%s_fields (&p->val[i]);\n  free (p->val);\n  free (p);\n}\n\n" % (n, n, n))
        # copy
        o.append("static int\ncopy_%s_fields (struct guestfs_%s *dst, const struct guestfs_%s *src)\n{\n"
                 "  *dst = *src;\n" % (n, n, n))
        for f in strs:
            if f.kind == "FString":
                o.append("  dst->%s = strdup (src->%s);\n  if (dst->%s == NULL)\n    return -1;\n"
                         % (f.name, f.name, f.name))
            else:
                o.append("  dst->%s = malloc (src->%s_len + 1);\n  if (dst->%s == NULL)\n    return -1;\n"
                         "  memcpy (dst->%s, src->%s, src->%s_len);\n"
                         % (f.name, f.name, f.name, f.name, f.name, f.name))
        o.append("  return 0;\n}\n\n")
        o.append("GUESTFS_DLL_PUBLIC struct guestfs_%s *\nguestfs_copy_%s (const struct guestfs_%s *src)\n{\n"
                 "  struct guestfs_%s *dst = calloc (1, sizeof *dst);\n\n"
                 "  if (dst == NULL)\n    return NULL;\n"
                 "  if (copy_%s_fields (dst, src) == -1) {\n    guestfs_free_%s (dst);\n    return NULL;\n  }\n"
                 "  return dst;\n}\n\n" % (n, n, n, n, n, n))
        o.append("GUESTFS_DLL_PUBLIC struct guestfs_%s_list *\nguestfs_copy_%s_list (const struct guestfs_%s_list *src)\n{\n"
                 "  struct guestfs_%s_list *dst = calloc (1, sizeof *dst);\n  uint32_t i;\n\n"
                 "  if (dst == NULL)\n    return NULL;\n"
                 "  dst->val = calloc (src->len ? src->len : 1, sizeof dst->val[0]);\n"
                 "  if (dst->val == NULL) {\n    free (dst);\n    return NULL;\n  }\n"
                 "  for (i = 0; i < src->len; ++i) {\n"
                 "    dst->len = i + 1;\n"
                 "    if (copy_%s_fields (&dst->val[i], &src->val[i]) == -1) {\n"
                 "      guestfs_free_%s_list (dst);\n      return NULL;\n    }\n  }\n"
                 "  dst->len = src->len;\n  return dst;\n}\n\n" % (n, n, n, n, n, n))
        # take: steal the strings from the XDR struct
        o.append("static void\ntake_%s_fields (struct guestfs_%s *dst, struct guestfs_int_%s *src)\n{\n"
                 % (n, n, n))
        for f in s.fields:
            if f.kind == "FUUID":
                o.append("  memcpy (dst->%s, src->%s, 32);\n" % (f.name, f.name))
            elif f.kind == "FBuffer":
                o.append("  dst->%s_len = src->%s.%s_len;\n  dst->%s = src->%s.%s_val;\n"
                         "  src->%s.%s_val = NULL;\n"
                         % (f.name, f.name, f.name, f.name, f.name, f.name, f.name, f.name))
            elif f.kind == "FString":
                o.append("  dst->%s = src->%s;\n  src->%s = NULL;\n" % (f.name, f.name, f.name))
            else:
                o.append("  dst->%s = src->%s;\n" % (f.name, f.name))
        o.append("}\n\n")
        o.append("struct guestfs_%s *\nguestfs_int_take_%s (guestfs_h *g, struct guestfs_int_%s *src)\n{\n"
                 "  struct guestfs_%s *dst = guestfs_int_safe_malloc (g, sizeof *dst);\n\n"
                 "  take_%s_fields (dst, src);\n  return dst;\n}\n\n" % (n, n, n, n, n))
        o.append("struct guestfs_%s_list *\nguestfs_int_take_%s_list (guestfs_h *g, guestfs_int_%s_list *src)\n{\n"
                 "  struct guestfs_%s_list *dst = guestfs_int_safe_malloc (g, sizeof *dst);\n  uint32_t i;\n\n"
                 "  dst->len = src->guestfs_int_%s_list_len;\n"
                 "  dst->val = guestfs_int_safe_malloc (g, (dst->len ? dst->len : 1) * sizeof dst->val[0]);\n"
                 "  for (i = 0; i < dst->len; ++i)\n"
                 "    take_%s_fields (&dst->val[i], &src->guestfs_int_%s_list_val[i]);\n"
                 "  free (src->guestfs_int_%s_list_val);\n"
                 "  src->guestfs_int_%s_list_val = NULL;\n"
                 "  return dst;\n}\n\n" % (n, n, n, n, n, n, n, n, n))
        # trace printer
        o.append("void\nguestfs_int_trace_struct_%s (FILE *tr, const struct guestfs_%s *p)\n{\n"
                 "  fputs (\"<struct guestfs_%s = \", tr);\n" % (n, n, n))
        for i, f in enumerate(s.fields):
            sep = "" if i == 0 else ", "
            o.append("  fputs (\"%s%s: \", tr);\n" % (sep, f.name))
            o.append("  " + _field_printf("tr", "p->", f) + "\n")
        o.append("  fputs (\">\", tr);\n}\n\n")
    return "".join(o)


def _field_printf(fp, prefix, f):
    v = prefix + f.name
    k = f.kind
    if k == "FString":
        return 'fputs (%s, %s);' % (v, fp)
    if k == "FBuffer":
        return 'fwrite (%s, 1, %s_len, %s);' % (v, v, fp)
    if k == "FUUID":
        return 'fwrite (%s, 1, 32, %s);' % (v, fp)
    if k == "FUInt32":
        return 'fprintf (%s, "%%" PRIu32, %s);' % (fp, v)
    if k == "FInt32":
        return 'fprintf (%s, "%%" PRIi32, %s);' % (fp, v)
    if k in ("FUInt64", "FBytes"):
        return 'fprintf (%s, "%%" PRIu64, %s);' % (fp, v)
    if k == "FInt64":
        return 'fprintf (%s, "%%" PRIi64, %s);' % (fp, v)
    if k == "FChar":
        return 'fputc (%s, %s);' % (v, fp)
    if k == "FOptPercent":
        return 'if (%s >= 0) fprintf (%s, "%%g%%%%", (double) %s);' % (v, fp, v)
    raise ValueError(k)


def _internal_h():
    o = [banner("c", "Prototypes of guestfs_impl_* (library-side calls) and struct helpers."),
         "#ifndef GUESTFS_INTERNAL_ACTIONS_H_\n#define GUESTFS_INTERNAL_ACTIONS_H_\n\n"
         "#include <stdio.h>\n#include \"guestfs_protocol.h\"\n\n"
         "/* The libguestfs API level implemented, reported by guestfs_version. */\n"
         "#define GUESTFS_API_MAJOR %d\n#define GUESTFS_API_MINOR %d\n#define GUESTFS_API_RELEASE %d\n\n"
         % api.VERSION]
    for c in api.LIBRARY_CALLS:
        rt = ret_ctype(c.ret)
        o.append("extern %s%sguestfs_impl_%s (%s);\n"
                 % (rt, "" if rt.endswith("*") else " ", c.c_name, ", ".join(_impl_params(c))))
    for c in api.CALLS:
        if c.internal:
            rt = ret_ctype(c.ret)
            o.append("extern %s%s%s (%s);\n"
                     % (rt, "" if rt.endswith("*") else " ", _main_name(c), ", ".join(_impl_params(c))))
    o.append("\n")
    for s in api.STRUCTS:
        n = s.name
        o.append("extern struct guestfs_%s *guestfs_int_take_%s (guestfs_h *g, struct guestfs_int_%s *src);\n" % (n, n, n))
        o.append("extern struct guestfs_%s_list *guestfs_int_take_%s_list (guestfs_h *g, guestfs_int_%s_list *src);\n" % (n, n, n))
        o.append("extern void guestfs_int_trace_struct_%s (FILE *tr, const struct guestfs_%s *p);\n" % (n, n))
    o.append("\n#endif\n")
    return "".join(o)


def generate():
    head = ("#include <config.h>\n#include <stdio.h>\n#include <stdlib.h>\n"
            "#include <string.h>\n#include <stdarg.h>\n#include <inttypes.h>\n\n"
            "#include \"guestfs.h\"\n#include \"guestfs-internal.h\"\n"
            "#include \"guestfs-internal-actions.h\"\n#include \"guestfs_protocol.h\"\n\n")
    actions = [banner("c", "Public entry points: one stub per call."), head]
    variants = [banner("c", "Optional-argument forms of the calls."), head]
    for c in api.CALLS:
        actions.append(_stub(c))
        variants.append(_variants(c))
    return {"lib/actions.c": "".join(actions),
            "lib/actions-variants.c": "".join(variants),
            "lib/structs.c": _structs_c(),
            "lib/guestfs-internal-actions.h": _internal_h()}
