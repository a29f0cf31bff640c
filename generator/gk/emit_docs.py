"""Writes the API sections of the manual pages as POD:
docs/guestfs-actions.pod and docs/guestfs-structs.pod (included in
guestfs(3)) and docs/guestfish-actions.pod (included in guestfish(1))."""

from . import api
from .cdecl import (banner, call_cparams, ret_ctype, optarg_ctype,
                    optargs_struct, optarg_macro, field_ctype)
from . import pod
from .emit_fish import _synopsis, notes as _notes

RET_DOC = {
    "RErr": "This function returns 0 on success or C<-1> on error.",
    "RInt": "On error this function returns C<-1>.",
    "RInt64": "On error this function returns C<-1>.",
    "RBool": "This function returns a C truth value on success or C<-1> on error.",
    "RConstString": "This function returns a string, or NULL on error.  The string is "
                    "owned by the guest handle and must I<not> be freed.",
    "RConstOptString": "This function returns a string which may be NULL.  There is no "
                       "way to return an error from this function.  The string is owned "
                       "by the guest handle and must I<not> be freed.",
    "RString": "This function returns a string, or NULL on error.  I<The caller must "
               "free the returned string after use>.",
    "RStringList": "This function returns a NULL-terminated array of strings (like "
                   "L<environ(3)>), or NULL if there was an error.  I<The caller must "
                   "free the strings and the array after use>.",
    "RHashtable": "This function returns a NULL-terminated array of strings, or NULL if "
                  "there was an error.  The array of strings will always have length "
                  "C<2n+1>, where C<n> keys and values alternate, followed by the "
                  "trailing NULL entry.  I<The caller must free the strings and the "
                  "array after use>.",
    "RBufferOut": "This function returns a buffer, or NULL on error.  The size of the "
                  "returned buffer is written to C<*size_r>.  I<The caller must free "
                  "the returned buffer after use>.",
}


def _cproto(c, fname, params):
    rt = ret_ctype(c.ret)
    lead = " %s\n guestfs_%s (" % (rt, fname)
    pad = " " * (len(" guestfs_%s (" % fname))
    return lead + (",\n" + pad).join(params) + ");\n"


def _ret_doc(c):
    k = c.ret.kind
    if k == "RStruct":
        return ("This function returns a C<struct guestfs_%s *>, or NULL if there was "
                "an error.  I<The caller must call C<guestfs_free_%s> after use>."
                % (c.ret.struct, c.ret.struct))
    if k == "RStructList":
        return ("This function returns a C<struct guestfs_%s_list *>, or NULL if there "
                "was an error.  I<The caller must call C<guestfs_free_%s_list> after "
                "use>." % (c.ret.struct, c.ret.struct))
    return RET_DOC[k]


def _api_entry(c):
    o = ["=head2 guestfs_%s\n\n" % c.name]
    if c.optargs and c.once_had_no_optargs:
        o.append(_cproto(c, c.name, call_cparams(c, False)) + "\n")
        o.append("This function is provided for backwards compatibility with earlier "
                 "versions of libguestfs.  It simply calls L</guestfs_%s> with no "
                 "optional arguments.\n\n=head2 guestfs_%s\n\n" % (c.c_name, c.c_name))
    o.append(_cproto(c, c.c_name, call_cparams(c, True)))
    if c.optargs:
        o.append("\nYou may supply a list of optional arguments to this call.  Use zero "
                 "or more of the following pairs of parameters, and terminate the list "
                 "with C<-1> on its own.  See L</CALLS WITH OPTIONAL ARGUMENTS>.\n\n")
        for opt in c.optargs:
            o.append(" %s, %s %s,\n" % (optarg_macro(c, opt), optarg_ctype(opt), opt.name))
    o.append("\n" + c.longdesc + "\n\n" + _ret_doc(c) + "\n\n")
    o.append(_notes(c))
    if c.progress:
        o.append("This long-running command can generate progress notification "
                 "messages so that the caller can display a progress bar or indicator.  "
                 "To receive these messages, the caller must register a progress event "
                 "callback.  See L</GUESTFS_EVENT_PROGRESS>.\n\n")
    if c.optargs:
        base = call_cparams(c, False)
        o.append("=head2 guestfs_%s_va\n\n" % c.c_name)
        o.append(_cproto(c, c.c_name + "_va", base + ["va_list args"]))
        o.append("\nThis is the \"va_list variant\" of L</guestfs_%s>.\n\n" % c.c_name)
        o.append("=head2 guestfs_%s_argv\n\n" % c.c_name)
        o.append(_cproto(c, c.c_name + "_argv",
                         base + ["const struct %s *optargs" % optargs_struct(c)]))
        o.append("\nThis is the \"argv variant\" of L</guestfs_%s>.\n\n" % c.c_name)
    return "".join(o)


def _wrap_verbatim(words, width=71):
    """A verbatim POD paragraph of words, continued lines indented, so that
    long synopses fit an 80-column terminal."""
    lines = [" " + words[0]]
    for w in words[1:]:
        if len(lines[-1]) + 1 + len(w) > width:
            lines.append("     " + w)
        else:
            lines[-1] += " " + w
    return "\n".join(lines) + "\n"


def _fish_entry(c):
    o = ["=head2 %s\n\n" % c.fish_name]
    for a in c.fish_alias:
        o.append("=head2 %s\n\n" % a)
    words = [c.fish_name] + ["(%s|-)" % a.name if a.kind in ("FileIn", "FileOut") else a.name
                             for a in c.args]
    o.append(_wrap_verbatim(words + _synopsis(c).split()[1 + len(c.args):]) + "\n\n")
    o.append(pod.fishify(c.longdesc) + "\n\n")
    o.append(pod.fishify(_notes(c, fish=True)))
    if any(a.kind in ("FileIn", "FileOut") for a in c.args):
        o.append("Use C<-> instead of a filename to read/write from stdin/stdout.\n\n")
    return "".join(o)


def _structs_pod():
    o = []
    for s in api.STRUCTS:
        o.append("=head2 guestfs_%s\n\n struct guestfs_%s {\n" % (s.name, s.name))
        for f in s.fields:
            if f.kind == "FUUID":
                o.append("   /* The next field is NOT nul-terminated, be careful when printing it: */\n"
                         "   char %s[32];\n" % f.name)
            elif f.kind == "FBuffer":
                o.append("   uint32_t %s_len;\n   char *%s;\n" % (f.name, f.name))
            else:
                t = field_ctype(f)
                o.append("   %s%s%s;\n" % (t, "" if t.endswith("*") else " ", f.name))
        o.append(" };\n \n struct guestfs_%s_list {\n   uint32_t len; /* Number of elements in list. */\n"
                 "   struct guestfs_%s *val; /* Elements. */\n };\n \n"
                 " void guestfs_free_%s (struct guestfs_%s *);\n"
                 " void guestfs_free_%s_list (struct guestfs_%s_list *);\n"
                 " struct guestfs_%s *\n   guestfs_copy_%s (const struct guestfs_%s *);\n"
                 " struct guestfs_%s_list *\n   guestfs_copy_%s_list (const struct guestfs_%s_list *);\n\n"
                 % ((s.name,) * 12))
    return "".join(o)


def generate():
    public = [c for c in api.CALLS if not c.not_in_docs]
    apidoc = banner("pod") + "".join(_api_entry(c) for c in public)
    fishdoc = banner("pod") + "".join(_fish_entry(c) for c in public if not c.not_in_fish)
    return {"docs/guestfs-actions.pod": apidoc,
            "docs/guestfs-structs.pod": banner("pod") + _structs_pod(),
            "docs/guestfish-actions.pod": fishdoc}
