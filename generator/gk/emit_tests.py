"""Writes tests/c-api/tests.c: every test case of the API table as C, run
against one real appliance with three scratch disks, reporting TAP.

Disks: /dev/sda 500 MB (tests' own), /dev/sdb 500 MB holding an ext2
scratch filesystem on /dev/sdb1, /dev/sdc 10 MB."""

from . import api
from .cdecl import banner, c_string_literal, optargs_struct, optarg_macro
from . import types as T

INIT_FN = {"InitNone": "init_none", "InitEmpty": "init_empty",
           "InitPartition": "init_partition", "InitGPT": "init_gpt",
           "InitBasicFS": "init_basicfs",
           "InitBasicFSonLVM": "init_basicfs_on_lvm",
           "InitScratchFS": "init_scratchfs"}

HARNESS = r'''
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <inttypes.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/stat.h>

#include "guestfs.h"

static guestfs_h *g;

static void
free_strings (char **l)
{
  if (l) {
    for (size_t i = 0; l[i]; ++i)
      free (l[i]);
    free (l);
  }
}

static void
print_strings (const char *prefix, const char *const *l)
{
  fprintf (stderr, "# %s [", prefix);
  for (size_t i = 0; l && l[i]; ++i)
    fprintf (stderr, "%s\"%s\"", i ? ", " : "", l[i]);
  fprintf (stderr, "]\n");
}

__attribute__((unused)) static int
has_string (char **l, const char *s)
{
  for (size_t i = 0; l[i]; ++i)
    if (strcmp (l[i], s) == 0)
      return 1;
  return 0;
}

__attribute__((unused)) static int
hash_has (char **h, const char *k, const char *v)
{
  for (size_t i = 0; h[i] && h[i+1]; i += 2)
    if (strcmp (h[i], k) == 0 && strcmp (h[i+1], v) == 0)
      return 1;
  return 0;
}

/* The value of key k in a hashtable, "" if absent (never NULL). */
__attribute__((unused)) static const char *
hash_get (char **h, const char *k)
{
  for (size_t i = 0; h[i] && h[i+1]; i += 2)
    if (strcmp (h[i], k) == 0)
      return h[i+1];
  return "";
}

/* Does the local file (a FileOut result) start with, or hold exactly,
 * these len bytes? */
__attribute__((unused)) static int
local_file_cmp (const char *path, const char *content, size_t len, int exact)
{
  char buf[65536];
  ssize_t n;
  int fd = open (path, O_RDONLY | O_CLOEXEC);

  if (fd == -1) {
    perror (path);
    return 0;
  }
  n = read (fd, buf, sizeof buf);
  close (fd);
  if (n < 0 || (size_t) n < len || (exact && (size_t) n != len) ||
      memcmp (buf, content, len) != 0) {
    fprintf (stderr, "# %s: unexpected contents (%zd bytes)\n", path, n);
    return 0;
  }
  return 1;
}
#define local_file_is(p, c, l) local_file_cmp ((p), (c), (l), 1)
#define local_file_starts_with(p, c, l) local_file_cmp ((p), (c), (l), 0)

__attribute__((unused)) static int
dirent_has (struct guestfs_dirent_list *l, const char *name, char ftyp)
{
  for (uint32_t i = 0; i < l->len; ++i)
    if (strcmp (l->val[i].name, name) == 0 && l->val[i].ftyp == ftyp)
      return 1;
  return 0;
}

static int
lists_equal (char **got, const char *const *exp)
{
  size_t i;
  for (i = 0; got[i] && exp[i]; ++i)
    if (strcmp (got[i], exp[i]) != 0)
      return 0;
  return got[i] == NULL && exp[i] == NULL;
}

static int
init_none (void)
{
  return 0;
}

@RESET_STORAGE@
static int
init_empty (void)
{
  if (guestfs_umount_all (g) == -1)
    return -1;
  if (reset_storage () == -1)
    return -1;
  if (guestfs_zero (g, "/dev/sda") == -1 || guestfs_zero (g, "/dev/sdc") == -1)
    return -1;
  return 0;
}

static int
init_partition (void)
{
  if (init_empty () == -1)
    return -1;
  return guestfs_part_disk (g, "/dev/sda", "mbr");
}

__attribute__((unused)) static int
init_gpt (void)
{
  if (init_empty () == -1)
    return -1;
  return guestfs_part_disk (g, "/dev/sda", "gpt");
}

static int
init_basicfs (void)
{
  if (init_partition () == -1)
    return -1;
  if (guestfs_mkfs (g, "ext2", "/dev/sda1") == -1)
    return -1;
  return guestfs_mount (g, "/dev/sda1", "/");
}

/* As libguestfs's InitBasicFSonLVM: /dev/sda1 is the PV of VG "VG" with
 * an 8 MB LV "LV" holding ext2, mounted on /. */
__attribute__((unused)) static int
init_basicfs_on_lvm (void)
{
  char *pvs[] = { (char *) "/dev/sda1", NULL };

  if (init_partition () == -1)
    return -1;
  if (guestfs_pvcreate (g, "/dev/sda1") == -1 ||
      guestfs_vgcreate (g, "VG", pvs) == -1 ||
      guestfs_lvcreate (g, "LV", "VG", 8) == -1 ||
      guestfs_mkfs (g, "ext2", "/dev/VG/LV") == -1)
    return -1;
  return guestfs_mount (g, "/dev/VG/LV", "/");
}

/* The scratch filesystem is emptied rather than recreated: much faster. */
static int
init_scratchfs (void)
{
  char **entries;

  if (guestfs_umount_all (g) == -1)
    return -1;
  if (guestfs_mount (g, "/dev/sdb1", "/") == -1)
    return -1;
  entries = guestfs_ls (g, "/");
  if (entries == NULL)
    return -1;
  for (size_t i = 0; entries[i]; ++i) {
    char path[1024];
    if (strcmp (entries[i], "lost+found") == 0)
      continue;
    snprintf (path, sizeof path, "/%s", entries[i]);
    if (guestfs_rm_rf (g, path) == -1) {
      free_strings (entries);
      return -1;
    }
  }
  free_strings (entries);
  return 0;
}

static int
skipped (const char *name, const char *test)
{
  const char *only = getenv ("TEST_ONLY");
  char var[256];
  size_t i;

  if (only) {
    size_t n = strlen (name);
    const char *p = only;
    int found = 0;
    while ((p = strstr (p, name)) != NULL) {
      if ((p == only || p[-1] == ',' || p[-1] == ' ') &&
          (p[n] == '\0' || p[n] == ',' || p[n] == ' '))
        found = 1;
      p += n;
    }
    if (!found)
      return 1;
  }
  snprintf (var, sizeof var, "SKIP_%s", test);
  for (i = 0; var[i]; ++i)
    if (var[i] >= 'a' && var[i] <= 'z')
      var[i] -= 'a' - 'A';
  return getenv (var) != NULL;
}

static int
add_scratch (const char *dir, const char *name, int64_t size)
{
  char path[4096];
  int fd;

  snprintf (path, sizeof path, "%s/%s", dir, name);
  fd = open (path, O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0600);
  if (fd == -1 || ftruncate (fd, size) == -1) {
    perror (path);
    return -1;
  }
  close (fd);
  return guestfs_add_drive_opts (g, path, GUESTFS_ADD_DRIVE_OPTS_FORMAT, "raw",
                                 GUESTFS_ADD_DRIVE_OPTS_CACHEMODE, "unsafe", -1);
}
'''


def _split_optargs(c, words):
    req = words[:len(c.args)]
    opts = {}
    for w in words[len(c.args):]:
        k, _, v = w.partition(":")
        opts[k] = v
    assert len(req) == len(c.args), "%s: wrong number of args in test: %r" % (c.name, words)
    return req, opts


def _cint(v):
    """Integer with C radix rules (0x hex, leading 0 octal), as guestfish."""
    neg = v.startswith("-")
    d = v[1:] if neg else v
    if d.lower().startswith("0x"):
        n = int(d[2:], 16)
    elif len(d) > 1 and d.startswith("0"):
        n = int(d[1:], 8)
    else:
        n = int(d, 10)
    return -n if neg else n


def _bool(v):
    return "1" if v.lower() in ("true", "1", "yes", "on") else "0"


def _strlist(v):
    items = v.split() if v else []
    return "(char *[]) { %s }" % ", ".join([c_string_literal(i) for i in items] + ["NULL"])


def _cmd(c, words, tname, mode, check=None):
    """C block running one command of a test sequence."""
    req, opts = _split_optargs(c, words)
    args = ["g"]
    for a, v in zip(c.args, req):
        k = a.kind
        if k == "OptString":
            args.append(c_string_literal(v) if v else "NULL")
        elif a.is_string:
            args.append(c_string_literal(v))
        elif a.is_list:
            args.append(_strlist(v))
        elif k == "Int":
            args.append(str(_cint(v)))
        elif k == "Int64":
            args.append("INT64_C(%d)" % _cint(v))
        elif k == "Bool":
            args.append(_bool(v))
        elif k == "BufferIn":
            args.append(c_string_literal(v))
            args.append(str(len(v.encode("utf-8", "surrogateescape"))))
    o = ["  {\n"]
    rk = c.ret.kind
    decl = {"RErr": "int ret", "RInt": "int ret", "RBool": "int ret",
            "RInt64": "int64_t ret", "RConstString": "const char *ret",
            "RConstOptString": "const char *ret", "RString": "char *ret",
            "RStringList": "char **ret", "RHashtable": "char **ret",
            "RBufferOut": "char *ret",
            "RStruct": "struct guestfs_%s *ret" % c.ret.struct,
            "RStructList": "struct guestfs_%s_list *ret" % c.ret.struct}[rk]
    o.append("    %s;\n" % decl)
    if rk == "RBufferOut":
        o.append("    size_t size;\n")
        args.append("&size")
    fn = "guestfs_" + c.name
    if c.optargs:
        fn = "guestfs_%s_argv" % c.c_name
        o.append("    struct %s optargs = { .bitmask = 0 };\n" % optargs_struct(c))
        for opt in c.optargs:
            if opt.name not in opts:
                continue
            v = opts.pop(opt.name)
            val = {"OBool": lambda: _bool(v), "OInt": lambda: str(_cint(v)),
                   "OInt64": lambda: "INT64_C(%d)" % _cint(v),
                   "OString": lambda: c_string_literal(v),
                   "OStringList": lambda: _strlist(v)}[opt.kind]()
            o.append("    optargs.%s = %s;\n    optargs.bitmask |= %s_BITMASK;\n"
                     % (opt.name, val, optarg_macro(c, opt)))
        assert not opts, "%s: unknown optargs in test %r" % (c.name, opts)
        args.append("&optargs")
    else:
        assert not opts, "%s: optargs given to a call without optargs" % c.name
    if mode == "fail":
        # Expected to fail: keep its error off the test's output.
        o.append("    guestfs_push_error_handler (g, NULL, NULL);\n")
    o.append("    ret = %s (%s);\n" % (fn, ", ".join(args)))
    if mode == "fail":
        o.append("    guestfs_pop_error_handler (g);\n")
    err = "ret == -1" if rk in ("RErr", "RInt", "RBool", "RInt64") else "ret == NULL"
    if rk == "RConstOptString":
        err = "0"
    if mode == "fail":
        o.append("    if (!(%s)) {\n      fprintf (stderr, \"# %s: %s should have failed\\n\");\n"
                 "      return -1;\n    }\n" % (err, tname, c.name))
        # nothing to free on failure
        o.append("  }\n")
        return "".join(o)
    o.append("    if (%s) {\n      fprintf (stderr, \"# %s: %s failed\\n\");\n      return -1;\n    }\n"
             % (err, tname, c.name))
    if check is not None:
        o.append(_check(check, c, tname))
    # free
    free = {"RString": "    free (ret);\n", "RBufferOut": "    free (ret);\n",
            "RStringList": "    free_strings (ret);\n", "RHashtable": "    free_strings (ret);\n",
            "RStruct": "    guestfs_free_%s (ret);\n" % c.ret.struct,
            "RStructList": "    guestfs_free_%s_list (ret);\n" % c.ret.struct}.get(rk, "")
    o.append(free)
    o.append("  }\n")
    return "".join(o)


def _check(check, c, tname):
    fail = "      fprintf (stderr, \"# %s: %%s\\n\", \"%s\");\n      return -1;\n"
    if isinstance(check, T.TestResultString) and c.ret.kind == "RBufferOut":
        # A buffer is not NUL-terminated: compare its size and bytes.
        exp = c_string_literal(check.expected)
        n = len(check.expected.encode("utf-8", "surrogateescape"))
        return ("    if (size != %d || memcmp (ret, %s, %d) != 0) {\n"
                "      fprintf (stderr, \"# %s: expected \\\"%%s\\\" but got \\\"%%.*s\\\"\\n\", %s, (int) size, ret);\n"
                "      return -1;\n    }\n" % (n, exp, n, tname, exp))
    if isinstance(check, T.TestResultString):
        return ("    if (strcmp (ret, %s) != 0) {\n"
                "      fprintf (stderr, \"# %s: expected \\\"%%s\\\" but got \\\"%%s\\\"\\n\", %s, ret);\n"
                "      return -1;\n    }\n"
                % (c_string_literal(check.expected), tname, c_string_literal(check.expected)))
    if isinstance(check, T.TestResultList):
        exp = "(const char *const []) { %s }" % ", ".join(
            [c_string_literal(s) for s in check.expected] + ["NULL"])
        return ("    if (!lists_equal (ret, %s)) {\n"
                "      print_strings (\"%s: expected\", %s);\n"
                "      print_strings (\"%s: but got\", (const char *const *) ret);\n"
                "      return -1;\n    }\n" % (exp, tname, exp, tname))
    if isinstance(check, T.TestResultInt):
        return ("    if (ret != %d) {\n"
                "      fprintf (stderr, \"# %s: expected %d but got %%\" PRIi64 \"\\n\", (int64_t) ret);\n"
                "      return -1;\n    }\n" % (check.expected, tname, check.expected))
    if isinstance(check, T.TestResultTrue):
        return "    if (ret != 1) {\n" + fail % (tname, "expected true") + "    }\n"
    if isinstance(check, T.TestResultFalse):
        return "    if (ret != 0) {\n" + fail % (tname, "expected false") + "    }\n"
    if isinstance(check, T.TestResult):
        return ("    if (!(%s)) {\n" % check.expr +
                fail % (tname, "condition failed: " + check.expr.replace('"', '\\"')) + "    }\n")
    raise ValueError(check)


def _test_fn(c, i, t):
    tname = "test_%s_%d" % (c.name, i)
    o = ["static int\n%s (void)\n{\n" % tname]
    o.append("  if (%s () == -1) {\n    fprintf (stderr, \"# %s: init failed: %%s\\n\", guestfs_last_error (g));\n"
             "    return -1;\n  }\n" % (INIT_FN[t.init], tname))
    seq = t.check.seq
    for j, words in enumerate(seq):
        cc = api.BY_NAME[words[0]]
        last = j == len(seq) - 1
        if last and isinstance(t.check, T.TestLastFail):
            o.append(_cmd(cc, words[1:], tname, "fail"))
        elif last and not isinstance(t.check, T.TestRun):
            o.append(_cmd(cc, words[1:], tname, "run", t.check))
        else:
            o.append(_cmd(cc, words[1:], tname, "run"))
    o.append("  return 0;\n}\n\n")
    return tname, "".join(o)


# Undoes the storage stacks earlier tests left (LVM with its device
# filter, MD arrays and their members' superblocks, open encrypted
# devices) so that init_empty can wipe the disks: each test starts from
# the same state.  Encrypted devices are
# closed before and after the arrays are stopped (either may sit on the
# other); failures there are left for guestfs_zero to report.
RESET_STORAGE = r'''
__attribute__((unused)) static void
close_dm_devices (void)
{
#ifdef GUESTFS_HAVE_LIST_DM_DEVICES
  char **l;

  guestfs_push_error_handler (g, NULL, NULL);
  l = guestfs_list_dm_devices (g);
  for (size_t i = 0; l && l[i]; ++i)
    guestfs_cryptsetup_close (g, l[i]);
  free_strings (l);
  guestfs_pop_error_handler (g);
#endif
}

static int
reset_storage (void)
{
  char **l;

  if (guestfs_lvm_clear_filter (g) == -1 || guestfs_lvm_remove_all (g) == -1)
    return -1;
  close_dm_devices ();
  l = guestfs_list_md_devices (g);
  if (l == NULL)
    return -1;
  for (size_t i = 0; l[i]; ++i) {
    /* The members keep their RAID superblocks (4 KiB into each), which
     * a partition recreated at the same place would bring back. */
    struct guestfs_mdstat_list *m = guestfs_md_stat (g, l[i]);
    int r = guestfs_md_stop (g, l[i]);
    for (uint32_t j = 0; r == 0 && m && j < m->len; ++j)
      r = guestfs_zero (g, m->val[j].mdstat_device);
    if (m)
      guestfs_free_mdstat_list (m);
    if (r == -1) {
      free_strings (l);
      return -1;
    }
  }
  free_strings (l);
  close_dm_devices ();
  return 0;
}
'''


def generate():
    o = [banner("c", "C API tests from the test cases of the API table (TAP output)."),
         HARNESS.replace("@RESET_STORAGE@", RESET_STORAGE)]
    tests = []
    for c in api.CALLS:
        for i, t in enumerate(c.tests):
            tname, text = _test_fn(c, i, t)
            o.append(text)
            tests.append((c.name, tname))
    o.append("static const struct { const char *call; const char *name; int (*fn) (void); } tests[] = {\n")
    for call, tname in tests:
        o.append("  { \"%s\", \"%s\", %s },\n" % (call, tname, tname))
    o.append("};\n\n")
    o.append(r'''int
main (int argc, char *argv[])
{
  char tmpdir[] = "/tmp/guestkit-tests.XXXXXX";
  size_t i, n = sizeof tests / sizeof tests[0];
  int failed = 0;

  (void) argc; (void) argv;
  setbuf (stdout, NULL);
  if (mkdtemp (tmpdir) == NULL) {
    perror ("mkdtemp");
    exit (EXIT_FAILURE);
  }
  /* Test data files (tests/data, e.g. minimal.hive) are "data/NAME" from
   * the tests' working directory. */
  if (getenv ("GUESTKIT_TOP")) {
    char src[4096], dst[4096];
    snprintf (src, sizeof src, "%s/tests/data", getenv ("GUESTKIT_TOP"));
    snprintf (dst, sizeof dst, "%s/data", tmpdir);
    if (symlink (src, dst) == -1)
      perror (dst);
  }
  g = guestfs_create ();
  if (g == NULL) {
    printf ("Bail out! guestfs_create failed\n");
    exit (EXIT_FAILURE);
  }
  if (add_scratch (tmpdir, "sda.img", INT64_C(524288000)) == -1 ||
      add_scratch (tmpdir, "sdb.img", INT64_C(524288000)) == -1 ||
      add_scratch (tmpdir, "sdc.img", INT64_C(10485760)) == -1 ||
      guestfs_launch (g) == -1 ||
      guestfs_part_disk (g, "/dev/sdb", "mbr") == -1 ||
      guestfs_mkfs (g, "ext2", "/dev/sdb1") == -1) {
    printf ("Bail out! could not set up the appliance: %s\n", guestfs_last_error (g));
    exit (EXIT_FAILURE);
  }
  if (chdir (tmpdir) == -1) {
    perror (tmpdir);
    exit (EXIT_FAILURE);
  }

  printf ("1..%zu\n", n);
  for (i = 0; i < n; ++i) {
    if (skipped (tests[i].call, tests[i].name)) {
      printf ("ok %zu - %s # SKIP\n", i + 1, tests[i].name);
      continue;
    }
    if (tests[i].fn () == 0)
      printf ("ok %zu - %s\n", i + 1, tests[i].name);
    else {
      const char *err = guestfs_last_error (g);
      printf ("not ok %zu - %s\n", i + 1, tests[i].name);
      if (err)
        printf ("# last error: %s\n", err);
      failed++;
    }
  }

  if (guestfs_shutdown (g) == -1) {
    printf ("# shutdown failed: %s\n", guestfs_last_error (g));
    failed++;
  }
  guestfs_close (g);
  {
    char cmd[256];
    snprintf (cmd, sizeof cmd, "rm -rf %s", tmpdir);
    if (system (cmd) != 0)
      fprintf (stderr, "# could not remove %s\n", tmpdir);
  }
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
''')
    return {"tests/c-api/tests.c": "".join(o)}
