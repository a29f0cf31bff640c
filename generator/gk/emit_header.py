"""Writes include/guestfs.h: the public C API, with libguestfs's names and
signatures (handle functions, events, structs, and one declaration set
per call of the table, including the _opts/_va/_argv optarg forms)."""

from . import api
from .cdecl import (banner, call_cparams, ret_ctype, optarg_ctype,
                    optargs_struct, optarg_macro, field_ctype)

PREAMBLE = r"""#ifndef GUESTFS_H_
#define GUESTFS_H_

#ifdef __cplusplus
extern "C" {
#endif

#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>
#include <sys/types.h>

#if defined(__GNUC__) && !defined(GUESTFS_DLL_PUBLIC)
#define GUESTFS_DLL_PUBLIC __attribute__((visibility ("default")))
#elif !defined(GUESTFS_DLL_PUBLIC)
#define GUESTFS_DLL_PUBLIC
#endif

#define LIBGUESTFS_HAVE_CREATE_FLAGS 1
#define LIBGUESTFS_HAVE_LAST_ERRNO 1
#define LIBGUESTFS_HAVE_PUSH_ERROR_HANDLER 1
#define LIBGUESTFS_HAVE_POP_ERROR_HANDLER 1
#define LIBGUESTFS_HAVE_EVENT_TO_STRING 1
#define LIBGUESTFS_HAVE_SET_PRIVATE 1
#define LIBGUESTFS_HAVE_USER_CANCEL 1
#define GUESTKIT 1

typedef struct guestfs_h guestfs_h;

/* Connection management. */
#define GUESTFS_CREATE_NO_ENVIRONMENT   (1 << 0)
#define GUESTFS_CREATE_NO_CLOSE_ON_EXIT (1 << 1)
extern GUESTFS_DLL_PUBLIC guestfs_h *guestfs_create (void);
extern GUESTFS_DLL_PUBLIC guestfs_h *guestfs_create_flags (unsigned flags, ...);
extern GUESTFS_DLL_PUBLIC void guestfs_close (guestfs_h *g);

/* Error handling. */
extern GUESTFS_DLL_PUBLIC const char *guestfs_last_error (guestfs_h *g);
extern GUESTFS_DLL_PUBLIC int guestfs_last_errno (guestfs_h *g);

typedef void (*guestfs_error_handler_cb) (guestfs_h *g, void *opaque, const char *msg);
typedef void (*guestfs_abort_cb) (void) __attribute__((__noreturn__));

extern GUESTFS_DLL_PUBLIC void guestfs_set_error_handler (guestfs_h *g, guestfs_error_handler_cb cb, void *opaque);
extern GUESTFS_DLL_PUBLIC guestfs_error_handler_cb guestfs_get_error_handler (guestfs_h *g, void **opaque_rtn);
extern GUESTFS_DLL_PUBLIC void guestfs_push_error_handler (guestfs_h *g, guestfs_error_handler_cb cb, void *opaque);
extern GUESTFS_DLL_PUBLIC void guestfs_pop_error_handler (guestfs_h *g);
extern GUESTFS_DLL_PUBLIC void guestfs_set_out_of_memory_handler (guestfs_h *g, guestfs_abort_cb);
extern GUESTFS_DLL_PUBLIC guestfs_abort_cb guestfs_get_out_of_memory_handler (guestfs_h *g);

/* Events. */
#define GUESTFS_EVENT_CLOSE            0x0001
#define GUESTFS_EVENT_SUBPROCESS_QUIT  0x0002
#define GUESTFS_EVENT_LAUNCH_DONE      0x0004
#define GUESTFS_EVENT_PROGRESS         0x0008
#define GUESTFS_EVENT_APPLIANCE        0x0010
#define GUESTFS_EVENT_LIBRARY          0x0020
#define GUESTFS_EVENT_TRACE            0x0040
#define GUESTFS_EVENT_ENTER            0x0080
#define GUESTFS_EVENT_LIBVIRT_AUTH     0x0100
#define GUESTFS_EVENT_WARNING          0x0200
#define GUESTFS_EVENT_ALL              0x03ff

typedef void (*guestfs_event_callback) (guestfs_h *g, void *opaque,
                                        uint64_t event, int event_handle,
                                        int flags,
                                        const char *buf, size_t buf_len,
                                        const uint64_t *array, size_t array_len);

#define LIBGUESTFS_HAVE_SET_EVENT_CALLBACK 1
extern GUESTFS_DLL_PUBLIC int guestfs_set_event_callback (guestfs_h *g, guestfs_event_callback cb, uint64_t event_bitmask, int flags, void *opaque);
#define LIBGUESTFS_HAVE_DELETE_EVENT_CALLBACK 1
extern GUESTFS_DLL_PUBLIC void guestfs_delete_event_callback (guestfs_h *g, int event_handle);
extern GUESTFS_DLL_PUBLIC char *guestfs_event_to_string (uint64_t event);

/* Cancellation: the only call that is safe from another thread or a
 * signal handler. */
extern GUESTFS_DLL_PUBLIC int guestfs_user_cancel (guestfs_h *g);

/* Private data. */
extern GUESTFS_DLL_PUBLIC void guestfs_set_private (guestfs_h *g, const char *key, void *data);
extern GUESTFS_DLL_PUBLIC void *guestfs_get_private (guestfs_h *g, const char *key);
extern GUESTFS_DLL_PUBLIC void *guestfs_first_private (guestfs_h *g, const char **key_rtn);
extern GUESTFS_DLL_PUBLIC void *guestfs_next_private (guestfs_h *g, const char **key_rtn);

"""

POSTAMBLE = """
#ifdef __cplusplus
}
#endif

#endif /* GUESTFS_H_ */
"""


def _structs():
    o = ["/* Structures. */\n\n"]
    for s in api.STRUCTS:
        o.append("#define GUESTFS_HAVE_STRUCT_%s 1\n" % s.name.upper())
        o.append("struct guestfs_%s {\n" % s.name)
        for f in s.fields:
            if f.kind == "FUUID":
                o.append("  char %s[32]; /* this is NOT nul-terminated, be careful when printing */\n" % f.name)
            elif f.kind == "FBuffer":
                o.append("  uint32_t %s_len;\n  char *%s;\n" % (f.name, f.name))
            else:
                o.append("  %s%s%s;\n" % (field_ctype(f), "" if field_ctype(f).endswith("*") else " ", f.name))
        o.append("};\n\n")
        o.append("struct guestfs_%s_list {\n  uint32_t len;\n  struct guestfs_%s *val;\n};\n\n"
                 % (s.name, s.name))
        n = s.name
        o.append("extern GUESTFS_DLL_PUBLIC void guestfs_free_%s (struct guestfs_%s *);\n" % (n, n))
        o.append("extern GUESTFS_DLL_PUBLIC void guestfs_free_%s_list (struct guestfs_%s_list *);\n" % (n, n))
        o.append("extern GUESTFS_DLL_PUBLIC struct guestfs_%s *guestfs_copy_%s (const struct guestfs_%s *);\n" % (n, n, n))
        o.append("extern GUESTFS_DLL_PUBLIC struct guestfs_%s_list *guestfs_copy_%s_list (const struct guestfs_%s_list *);\n\n" % (n, n, n))
    return "".join(o)


def _call(c):
    o = []
    rt = ret_ctype(c.ret)
    sp = "" if rt.endswith("*") else " "
    o.append("#define GUESTFS_HAVE_%s 1\n" % c.name.upper())
    if c.optargs and c.once_had_no_optargs:
        # The original no-optargs form stays for source compatibility.
        o.append("extern GUESTFS_DLL_PUBLIC %s%sguestfs_%s (%s);\n"
                 % (rt, sp, c.name, ", ".join(call_cparams(c, False))))
    if c.optargs:
        cn = c.c_name
        o.append("\n#define GUESTFS_HAVE_%s 1\n" % cn.upper())
        for i, opt in enumerate(c.optargs):
            o.append("#define %s %d\n" % (optarg_macro(c, opt), i))
            o.append("#define %s_BITMASK (UINT64_C(1)<<%d)\n" % (optarg_macro(c, opt), i))
        o.append("extern GUESTFS_DLL_PUBLIC %s%sguestfs_%s (%s);\n"
                 % (rt, sp, cn, ", ".join(call_cparams(c, True))))
        base = ", ".join(call_cparams(c, False))
        o.append("extern GUESTFS_DLL_PUBLIC %s%sguestfs_%s_va (%s, va_list args);\n"
                 % (rt, sp, cn, base))
        o.append("\nstruct %s {\n  uint64_t bitmask;\n" % optargs_struct(c))
        for opt in c.optargs:
            t = optarg_ctype(opt)
            o.append("  %s%s%s;\n" % (t, "" if t.endswith("*") else " ", opt.name))
        o.append("};\n\n")
        o.append("extern GUESTFS_DLL_PUBLIC %s%sguestfs_%s_argv (%s, const struct %s *optargs);\n"
                 % (rt, sp, cn, base, optargs_struct(c)))
    else:
        o.append("extern GUESTFS_DLL_PUBLIC %s%sguestfs_%s (%s);\n"
                 % (rt, sp, c.name, ", ".join(call_cparams(c, False))))
    o.append("\n")
    return "".join(o)


def generate():
    out = [banner("c", "Public header of the guestkit libguestfs implementation."),
           PREAMBLE, _structs(), "/* Actions. */\n\n"]
    for c in api.CALLS:
        if c.internal:
            continue
        out.append(_call(c))
    out.append(POSTAMBLE)
    return {"include/guestfs.h": "".join(out)}
