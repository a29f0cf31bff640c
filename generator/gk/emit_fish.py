"""Writes fish/cmds.c: guestfish's table of API commands, each with its
help text, argument parsing (required args, then name:value optional
args) and result printing in libguestfs's guestfish output formats."""

from . import api
from .cdecl import banner, c_string_literal, optargs_struct, optarg_macro
from . import pod


def _synopsis(c):
    words = [c.fish_name] + [a.name for a in c.args if a.kind != "Key"]
    words += ["[%s:%s]" % (o.name, {"OBool": "true|false", "OInt": "N",
                                    "OInt64": "N", "OString": "..",
                                    "OStringList": "'item ...'"}[o.kind])
              for o in c.optargs]
    return " ".join(words)


def notes(c, fish=False):
    """Deprecation and feature-group paragraphs, as libguestfs prints them."""
    o = []
    ref = (lambda n: "C<guestfs_%s>" % n) if fish else (lambda n: "L</guestfs_%s>" % n)
    if c.deprecated_by:
        o.append("I<This function is deprecated.>  In new code, use the %s call "
                 "instead.\n\nDeprecated functions will not be removed from the API, "
                 "but the fact that they are deprecated indicates that there are "
                 "problems with correct use of these functions.\n\n"
                 % ref(c.deprecated_by))
    if c.optional:
        o.append("This function depends on the feature C<%s>.  See also %s.\n\n"
                 % (c.optional, ref("feature_available")))
    return "".join(o)


def help_text(c):
    t = "NAME\n    %s - %s\n\nSYNOPSIS\n     %s\n\nDESCRIPTION\n%s\n" % (
        c.fish_name, c.shortdesc, _synopsis(c),
        pod.to_text(pod.fishify(c.longdesc + "\n\n" + notes(c, fish=True)).rstrip("\n")))
    if any(a.kind == "Key" for a in c.args):
        t += ("\n    This command has one or more key or passphrase parameters.\n"
              "    Guestfish will prompt for these separately.\n")
    if c.fish_alias:
        t += "\n    You can use '%s' as an alias for this command.\n" % "' or '".join(c.fish_alias)
    return t


# What each typed argument is, for tab completion and for --remote (which
# turns here-documents of FileIn arguments into files): P guest path or
# device, L local file read, O local file written, - anything else.
_ARGKIND = {"Pathname": "P", "Dev_or_Path": "P", "Device": "P",
            "Mountable": "P", "DeviceList": "P", "FileIn": "L", "FileOut": "O"}


def _argkinds(c):
    return "".join(_ARGKIND.get(a.kind, "-") for a in c.args if a.kind != "Key")


def _struct_printers():
    o = []
    for s in api.STRUCTS:
        o.append("__attribute__((unused)) static void\n"
                 "print_%s_indent (const struct guestfs_%s *p, const char *indent)\n{\n"
                 % (s.name, s.name))
        for f in s.fields:
            k = f.kind
            v = "p->" + f.name
            if k == "FString":
                o.append('  printf ("%%s%s: %%s\\n", indent, %s);\n' % (f.name, v))
            elif k == "FUUID":
                o.append('  printf ("%%s%s: %%.32s\\n", indent, %s);\n' % (f.name, v))
            elif k == "FBuffer":
                o.append('  printf ("%%s%s: ", indent);\n  fish_print_escaped (%s, %s_len);\n  putchar (\'\\n\');\n'
                         % (f.name, v, v))
            elif k == "FUInt32":
                o.append('  printf ("%%s%s: %%" PRIu32 "\\n", indent, %s);\n' % (f.name, v))
            elif k == "FInt32":
                o.append('  printf ("%%s%s: %%" PRIi32 "\\n", indent, %s);\n' % (f.name, v))
            elif k in ("FUInt64", "FBytes"):
                o.append('  printf ("%%s%s: %%" PRIu64 "\\n", indent, %s);\n' % (f.name, v))
            elif k == "FInt64":
                o.append('  printf ("%%s%s: %%" PRIi64 "\\n", indent, %s);\n' % (f.name, v))
            elif k == "FChar":
                o.append('  printf ("%%s%s: %%c\\n", indent, %s);\n' % (f.name, v))
            elif k == "FOptPercent":
                o.append('  if (%s >= 0)\n    printf ("%%s%s: %%g %%%%\\n", indent, (double) %s);\n'
                         '  else\n    printf ("%%s%s: \\n", indent);\n' % (v, f.name, v, f.name))
        o.append("}\n\n")
    return "".join(o)


def _run(c):
    n = c.name
    nreq = len([a for a in c.args if a.kind != "Key"])
    nopt = len(c.optargs)
    o = ["static int\nrun_%s (const char *cmd, size_t argc, char *argv[])\n{\n" % n]
    o.append("  int ret = -1;\n")
    if c.args or c.optargs:
        o.append("  size_t i = 0;\n")
    k = c.ret.kind
    rdecl = {"RErr": "int r", "RInt": "int r", "RBool": "int r", "RInt64": "int64_t r",
             "RConstString": "const char *r", "RConstOptString": "const char *r",
             "RString": "char *r", "RStringList": "char **r", "RHashtable": "char **r",
             "RBufferOut": "char *r", "RStruct": "struct guestfs_%s *r" % c.ret.struct,
             "RStructList": "struct guestfs_%s_list *r" % c.ret.struct}[k]
    o.append("  %s;\n" % rdecl)
    if k == "RBufferOut":
        o.append("  size_t size;\n")
    for a in c.args:
        ak = a.kind
        if ak in ("FileIn", "FileOut", "Key"):
            o.append("  char *%s = NULL;\n" % a.name)
        elif a.is_string:
            o.append("  const char *%s;\n" % a.name)
        elif a.is_list:
            o.append("  char **%s = NULL;\n" % a.name)
        elif ak in ("Int", "Bool"):
            o.append("  int %s;\n" % a.name)
        elif ak == "Int64":
            o.append("  int64_t %s;\n" % a.name)
        elif ak == "BufferIn":
            o.append("  const char *%s;\n  size_t %s_size;\n" % (a.name, a.name))
    if c.optargs:
        o.append("  struct %s optargs_s = { .bitmask = 0 };\n"
                 "  struct %s *optargs = &optargs_s;\n" % (optargs_struct(c), optargs_struct(c)))
        if any(opt.kind == "OStringList" for opt in c.optargs):
            o.append("  char **free_lists[%d] = { NULL };\n  size_t nr_free_lists = 0;\n" % nopt)
    cond = ("argc != %d" % nreq if nopt == 0 else
            "argc > %d" % (nreq + nopt) if nreq == 0 else
            "argc < %d || argc > %d" % (nreq, nreq + nopt))
    o.append("\n  if (%s) {\n    fish_wrong_args (cmd, %d, %d);\n    return -1;\n  }\n"
             % (cond, nreq, nreq + nopt))
    for a in c.args:
        ak = a.kind
        v = "argv[i++]"
        if ak == "Key":
            o.append("  %s = keys_read (\"%s\");\n  if (%s == NULL)\n    goto out;\n" % (a.name, a.name, a.name))
        elif ak == "FileIn":
            o.append("  %s = fish_file_in (%s);\n  if (%s == NULL)\n    goto out;\n" % (a.name, v, a.name))
        elif ak == "FileOut":
            o.append("  %s = fish_file_out (%s);\n  if (%s == NULL)\n    goto out;\n" % (a.name, v, a.name))
        elif ak == "OptString":
            o.append("  %s = STRNEQ (argv[i], \"\") ? argv[i] : NULL;\n  i++;\n" % a.name)
        elif a.is_string:
            o.append("  %s = %s;\n" % (a.name, v))
        elif a.is_list:
            o.append("  %s = fish_parse_string_list (%s);\n  if (%s == NULL)\n    goto out;\n"
                     % (a.name, v, a.name))
        elif ak == "Int":
            o.append("  if (fish_parse_int (cmd, \"%s\", %s, &%s) == -1)\n    goto out;\n" % (a.name, v, a.name))
        elif ak == "Int64":
            o.append("  if (fish_parse_int64 (cmd, \"%s\", %s, &%s) == -1)\n    goto out;\n" % (a.name, v, a.name))
        elif ak == "Bool":
            o.append("  if (fish_parse_bool (cmd, \"%s\", %s, &%s) == -1)\n    goto out;\n" % (a.name, v, a.name))
        elif ak == "BufferIn":
            o.append("  %s = argv[i++];\n  %s_size = strlen (%s);\n" % (a.name, a.name, a.name))
    if c.optargs:
        o.append("\n  for (; i < argc; ++i) {\n    const char *value;\n\n")
        first = True
        for opt in c.optargs:
            kw = "if" if first else "else if"
            first = False
            o.append("    %s (fish_optarg (argv[i], \"%s\", &value)) {\n" % (kw, opt.name))
            m = optarg_macro(c, opt)
            if opt.kind == "OBool":
                o.append("      if (fish_parse_bool (cmd, \"%s\", value, &optargs_s.%s) == -1)\n        goto out;\n"
                         % (opt.name, opt.name))
            elif opt.kind == "OInt":
                o.append("      if (fish_parse_int (cmd, \"%s\", value, &optargs_s.%s) == -1)\n        goto out;\n"
                         % (opt.name, opt.name))
            elif opt.kind == "OInt64":
                o.append("      if (fish_parse_int64 (cmd, \"%s\", value, &optargs_s.%s) == -1)\n        goto out;\n"
                         % (opt.name, opt.name))
            elif opt.kind == "OString":
                o.append("      optargs_s.%s = value;\n" % opt.name)
            elif opt.kind == "OStringList":
                o.append("      char **l = fish_parse_string_list (value);\n"
                         "      if (l == NULL)\n        goto out;\n"
                         "      free_lists[nr_free_lists++] = l;\n"
                         "      optargs_s.%s = l;\n" % opt.name)
            o.append("      this_mask = %s_BITMASK;\n    }\n" % m)
        o.append("    else {\n      fprintf (stderr, \"%s: unknown optional argument \\\"%s\\\"\\n\", cmd, argv[i]);\n"
                 "      goto out;\n    }\n\n"
                 "    if (optargs_s.bitmask & this_mask) {\n"
                 "      fprintf (stderr, \"%s: optional argument \\\"%.*s\\\" given more than once\\n\",\n"
                 "               cmd, (int) strcspn (argv[i], \":\"), argv[i]);\n"
                 "      goto out;\n    }\n"
                 "    optargs_s.bitmask |= this_mask;\n  }\n")
    call = ["g"]
    for a in c.args:
        call.append(a.name)
        if a.kind == "BufferIn":
            call.append(a.name + "_size")
    if k == "RBufferOut":
        call.append("&size")
    fname = "guestfs_" + c.name
    if c.optargs:
        fname = "guestfs_%s_argv" % c.c_name
        call.append("optargs")
    o.append("\n  r = %s (%s);\n" % (fname, ", ".join(call)))
    if k in ("RErr", "RInt", "RBool", "RInt64"):
        o.append("  if (r == -1)\n    goto out;\n")
    elif k != "RConstOptString":
        o.append("  if (r == NULL)\n    goto out;\n")
    # print
    if k == "RInt":
        if c.fish_output == "octal":
            o.append('  printf ("%s%o\\n", r != 0 ? "0" : "", (unsigned) r);\n')
        elif c.fish_output == "hex":
            o.append('  if (r == 0)\n    printf ("0\\n");\n  else\n    printf ("0x%x\\n", (unsigned) r);\n')
        else:
            o.append('  printf ("%d\\n", r);\n')
    elif k == "RInt64":
        if c.fish_output == "octal":
            o.append('  printf ("%s%" PRIo64 "\\n", r != 0 ? "0" : "", (uint64_t) r);\n')
        elif c.fish_output == "hex":
            o.append('  printf ("0x%" PRIx64 "\\n", (uint64_t) r);\n')
        else:
            o.append('  printf ("%" PRIi64 "\\n", r);\n')
    elif k == "RBool":
        o.append('  puts (r ? "true" : "false");\n')
    elif k == "RConstString":
        o.append('  printf ("%s\\n", r);\n')
    elif k == "RConstOptString":
        o.append('  printf ("%s\\n", r ? r : "(null)");\n')
    elif k == "RString":
        o.append('  printf ("%s\\n", r);\n  free (r);\n')
    elif k == "RStringList":
        o.append("  fish_print_strings (r);\n  fish_free_strings (r);\n")
    elif k == "RHashtable":
        o.append("  fish_print_table (r);\n  fish_free_strings (r);\n")
    elif k == "RBufferOut":
        o.append("  if (fwrite (r, 1, size, stdout) != size) {\n    perror (\"write\");\n"
                 "    free (r);\n    goto out;\n  }\n  free (r);\n")
    elif k == "RStruct":
        o.append('  print_%s_indent (r, "");\n  guestfs_free_%s (r);\n' % (c.ret.struct, c.ret.struct))
    elif k == "RStructList":
        o.append('  for (uint32_t j = 0; j < r->len; ++j) {\n'
                 '    printf ("[%%" PRIu32 "] = {\\n", j);\n'
                 '    print_%s_indent (&r->val[j], "  ");\n    printf ("}\\n");\n  }\n'
                 '  guestfs_free_%s_list (r);\n' % (c.ret.struct, c.ret.struct))
    o.append("  ret = 0;\n\n out: __attribute__((unused));\n")
    for a in c.args:
        if a.kind == "FileIn":
            o.append("  fish_free_file_in (%s);\n" % a.name)
        elif a.kind in ("FileOut", "Key"):
            o.append("  free (%s);\n" % a.name)
        elif a.is_list:
            o.append("  fish_free_strings (%s);\n" % a.name)
    if any(opt.kind == "OStringList" for opt in c.optargs):
        o.append("  for (size_t j = 0; j < nr_free_lists; ++j)\n    fish_free_strings (free_lists[j]);\n")
    o.append("  return ret;\n}\n\n")
    text = "".join(o)
    if c.optargs:
        text = text.replace("    const char *value;\n\n",
                            "    const char *value;\n    uint64_t this_mask;\n\n", 1)
    return text


def generate():
    o = [banner("c", "guestfish commands generated from the API table."),
         "#include <config.h>\n#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n"
         "#include <inttypes.h>\n\n#include \"guestfs.h\"\n#include \"fish.h\"\n\n"]
    o.append(_struct_printers())
    cmds = [c for c in api.CALLS if not c.not_in_fish]
    for c in cmds:
        o.append(_run(c))
    for c in cmds:
        if c.fish_alias:
            o.append("static const char *const aliases_%s[] = { %s, NULL };\n"
                     % (c.name, ", ".join(c_string_literal(a) for a in c.fish_alias)))
    o.append("\nconst struct fish_command fish_api_commands[] = {\n")
    for c in cmds:
        o.append("  { %s, %s, %s,\n    %s,\n    run_%s, %s, %s },\n" % (
            c_string_literal(c.fish_name),
            "aliases_" + c.name if c.fish_alias else "NULL",
            c_string_literal(c.shortdesc), c_string_literal(help_text(c)), c.name,
            c_string_literal(_argkinds(c)),
            c_string_literal(" ".join(x.name for x in c.optargs))))
    o.append("};\n\nconst size_t fish_nr_api_commands = %d;\n" % len(cmds))
    return {"fish/cmds.c": "".join(o)}
