"""Writes daemon/optgroups.c: the optional groups ("feature groups") the
daemon knows, whether this build implements any call of each, and what
each needs in the appliance (checked at run time by daemon/available.c);
and docs/guestfs-availability.pod, the list of groups in guestfs(3).

The groups are libguestfs's (actions_misc.OPTGROUPS) plus any other
group a call names in its `optional=` field."""

from . import api
from .actions_misc import OPTGROUPS, Group
from .cdecl import banner, c_string_literal


def groups():
    """[(Group, implemented)] sorted by name."""
    table = {g.name: g for g in OPTGROUPS}
    used = {c.optional for c in api.CALLS if c.optional}
    for name in used:
        table.setdefault(name, Group(name))
    return [(table[n], n in used) for n in sorted(table)]


def _strings(items):
    return "(const char *const []) { %s }" % ", ".join(
        [c_string_literal(i) for i in items] + ["NULL"])


def generate():
    o = [banner("c", "The optional groups of the API and what each needs."),
         "#include <config.h>\n\n#include <stddef.h>\n#include <stdbool.h>\n\n"
         "#include \"optgroups.h\"\n\n"
         "const struct optgroup optgroups[] = {\n"]
    for g, implemented in groups():
        o.append("  { %s, %s,\n    %s,\n    %s },\n"
                 % (c_string_literal(g.name), "true" if implemented else "false",
                    _strings(g.programs), _strings(g.filesystems)))
    o.append("};\n\nconst size_t nr_optgroups = sizeof optgroups / sizeof optgroups[0];\n")
    return {"daemon/optgroups.c": "".join(o),
            "docs/guestfs-availability.pod": _pod()}


def _pod():
    o = [banner("pod"), "=over 4\n\n"]
    for g, implemented in groups():
        o.append("=item B<%s>\n\n" % g.name)
        needs = ["the program C<%s>" % p for p in g.programs]
        needs += ["the kernel's C<%s> filesystem" % f for f in g.filesystems]
        if not implemented:
            o.append("No function of this group is implemented yet: it is never "
                     "available.\n\n")
            continue
        if needs:
            o.append("Available when the appliance has %s.\n\n"
                     % (", ".join(needs[:-1]) + " and " + needs[-1]
                        if len(needs) > 1 else needs[0]))
        else:
            o.append("Always available.\n\n")
        calls = sorted(c.name for c in api.CALLS if c.optional == g.name)
        o.append("The functions in this group:\n\n" +
                 " ".join("L</guestfs_%s>" % n for n in calls) + "\n\n")
    o.append("=back\n")
    return "".join(o)
