"""Writes tools/common/call-optargs.[ch]: for every call with optional
arguments, the table through which a virt-* tool takes them after its
own arguments, guestfish-style (virt-tar-out's "compress:gzip
excludes:'*.o'"): each optional argument's name, kind of value, bitmask
and place in the call's optargs struct (tools/common/optargs.c reads
them)."""

from . import api
from .cdecl import banner, optarg_macro, optargs_struct

KIND = {"OBool": "TOOLS_OPTARG_BOOL", "OInt": "TOOLS_OPTARG_INT",
        "OInt64": "TOOLS_OPTARG_INT64", "OString": "TOOLS_OPTARG_STRING",
        "OStringList": "TOOLS_OPTARG_WORDS"}


def _calls():
    return [c for c in api.CALLS if c.optargs]


def generate():
    h = [banner("c", "The optional arguments of every call, as the tools take them."),
         "#ifndef GUESTKIT_TOOLS_CALL_OPTARGS_H\n#define GUESTKIT_TOOLS_CALL_OPTARGS_H\n\n"
         "#include \"options.h\"\n\n"]
    c_ = [banner("c", "The optional arguments of every call, as the tools take them."),
          "#include <config.h>\n\n#include <stddef.h>\n\n#include \"call-optargs.h\"\n"]
    for c in _calls():
        h.append("extern const struct tools_optarg tools_optargs_%s[];\n" % c.c_name)
        c_.append("\nconst struct tools_optarg tools_optargs_%s[] = {\n" % c.c_name)
        for o in c.optargs:
            c_.append("  { \"%s\", %s, %s_BITMASK,\n    offsetof (struct %s, %s) },\n"
                      % (o.name, KIND[o.kind], optarg_macro(c, o), optargs_struct(c), o.name))
        c_.append("  { NULL }\n};\n")
    h.append("\n#endif\n")
    return {"tools/common/call-optargs.h": "".join(h),
            "tools/common/call-optargs.c": "".join(c_)}
