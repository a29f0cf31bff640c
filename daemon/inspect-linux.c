/* guestfsd: recognising Linux and other Unix filesystems — a root (its
 * distro, version and product name from /etc/os-release and the other
 * release files, tried in libguestfs's order), a separate /usr, the
 * BSDs, Hurd and Minix — plus the hostname, and the package format and
 * manager that follow from the distro. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <regex.h>

#include "daemon.h"
#include "inspect.h"

/* ---- version regexes (POSIX ERE) ---- */

enum {
  RE_FEDORA, RE_RHEL_OLD, RE_RHEL, RE_RHEL_NO_MINOR, RE_CENTOS_OLD,
  RE_CENTOS, RE_CENTOS_NO_MINOR, RE_ROCKY, RE_ROCKY_NO_MINOR, RE_SL_OLD,
  RE_SL, RE_SL_NO_MINOR, RE_OL_OLD, RE_OL, RE_OL_NO_MINOR, RE_NETBSD,
  RE_OPENSUSE, RE_SLES, RE_NLD, RE_SLES_VERSION, RE_SLES_PATCHLEVEL,
  RE_MINIX, RE_FRUGALWARE, RE_PLD, RE_NEOKYLIN, RE_OPENMANDRIVA,
  NR_RES
};

static const char *const re_src[NR_RES] = {
  [RE_FEDORA] = "Fedora release ([0-9]+)",
  [RE_RHEL_OLD] = "Red Hat.*release ([0-9]+).*Update ([0-9]+)",
  [RE_RHEL] = "Red Hat.*release ([0-9]+)\\.([0-9]+)",
  [RE_RHEL_NO_MINOR] = "Red Hat.*release ([0-9]+)",
  [RE_CENTOS_OLD] = "CentOS.*release ([0-9]+).*Update ([0-9]+)",
  [RE_CENTOS] = "CentOS.*release ([0-9]+)\\.([0-9]+)",
  [RE_CENTOS_NO_MINOR] = "CentOS.*release ([0-9]+)",
  [RE_ROCKY] = "Rocky Linux.*release ([0-9]+)\\.([0-9]+)",
  [RE_ROCKY_NO_MINOR] = "Rocky Linux.*release ([0-9]+)",
  [RE_SL_OLD] = "Scientific Linux.*release ([0-9]+).*Update ([0-9]+)",
  [RE_SL] = "Scientific Linux.*release ([0-9]+)\\.([0-9]+)",
  [RE_SL_NO_MINOR] = "Scientific Linux.*release ([0-9]+)",
  [RE_OL_OLD] = "Oracle Linux.*release ([0-9]+).*Update ([0-9]+)",
  [RE_OL] = "Oracle Linux.*release ([0-9]+)\\.([0-9]+)",
  [RE_OL_NO_MINOR] = "Oracle Linux.*release ([0-9]+)",
  [RE_NETBSD] = "^NetBSD ([0-9]+)\\.([0-9]+)",
  [RE_OPENSUSE] = "^(openSUSE|SuSE Linux|SUSE LINUX) ",
  [RE_SLES] = "^SUSE (Linux|LINUX) Enterprise ",
  [RE_NLD] = "^Novell Linux Desktop ",
  [RE_SLES_VERSION] = "^VERSION = ([0-9]+)",
  [RE_SLES_PATCHLEVEL] = "^PATCHLEVEL = ([0-9]+)",
  [RE_MINIX] = "^([0-9]+)\\.([0-9]+)(\\.([0-9]+))?",
  [RE_FRUGALWARE] = "Frugalware ([0-9]+)\\.([0-9]+)",
  [RE_PLD] = "([0-9]+)\\.([0-9]+) PLD Linux",
  [RE_NEOKYLIN] = "^V([0-9]+)Update([0-9]+)$",
  [RE_OPENMANDRIVA] = "OpenMandriva.*release ([0-9]+)\\.([0-9]+)\\.?([0-9]+)? .*",
};

static regex_t res[NR_RES];
static bool res_compiled;

static void
compile_res (void)
{
  if (res_compiled)
    return;
  for (size_t i = 0; i < NR_RES; ++i)
    if (regcomp (&res[i], re_src[i], REG_EXTENDED) != 0)
      abort ();                 /* a bug in the table above */
  res_compiled = true;
}

/* Match re against s; groups 1 and 2 as numbers (-1 if absent). */
static bool
match (int re, const char *s, int *g1, int *g2)
{
  regmatch_t m[3];

  compile_res ();
  if (regexec (&res[re], s, 3, m, 0) != 0)
    return false;
  for (int i = 1; i <= 2; ++i) {
    int *g = i == 1 ? g1 : g2;
    if (g == NULL)
      continue;
    *g = -1;
    if (m[i].rm_so >= 0 && m[i].rm_eo - m[i].rm_so <= 9) {
      char buf[16];
      memcpy (buf, s + m[i].rm_so, m[i].rm_eo - m[i].rm_so);
      buf[m[i].rm_eo - m[i].rm_so] = '\0';
      *g = atoi (buf);
    }
  }
  return true;
}

static void
set_version (struct inspect_fs *fs, int major, int minor)
{
  fs->has_version = true;
  fs->major = major;
  fs->minor = minor;
}

static void
version_from (struct inspect_fs *fs, const char *s)
{
  int major, minor;

  if (parse_version (s, &major, &minor))
    set_version (fs, major, minor);
}

/* ---- release file parsers: true when the parse succeeded ---- */

struct distro_id { const char *id, *distro; };

static const struct distro_id os_release_ids[] = {
  { "alpine", "alpinelinux" }, { "altlinux", "altlinux" },
  { "arch", "archlinux" }, { "centos", "centos" }, { "coreos", "coreos" },
  { "debian", "debian" }, { "fedora", "fedora" },
  { "frugalware", "frugalware" }, { "gentoo", "gentoo" },
  { "kali", "kalilinux" }, { "kylin", "kylin" }, { "mageia", "mageia" },
  { "neokylin", "neokylin" }, { "openmandriva", "openmandriva" },
  { "opensuse", "opensuse" }, { "pardus", "pardus" }, { "pld", "pldlinux" },
  { "rhel", "rhel" }, { "rocky", "rocky" }, { "sles", "sles" },
  { "sled", "sles" }, { "ubuntu", "ubuntu" }, { "void", "voidlinux" },
};

static const char *
os_release_distro (const char *id)
{
  if (STRPREFIX (id, "opensuse-"))
    return "opensuse";
  for (size_t i = 0; i < sizeof os_release_ids / sizeof os_release_ids[0]; ++i)
    if (STREQ (id, os_release_ids[i].id))
      return os_release_ids[i].distro;
  if (verbose)
    fprintf (stderr, "inspect: os-release: unknown ID=%s\n", id);
  return NULL;
}

static bool
is_rolling (const char *distro)
{
  return STREQ (distro, "archlinux") || STREQ (distro, "gentoo") ||
    STREQ (distro, "voidlinux");
}

/* KEY=VALUE lines, comments and blank lines skipped.  fn is called with
 * the raw value. */
static int
each_key_value (char **lines, int (*fn) (void *, const char *, const char *),
                void *opaque)
{
  for (size_t i = 0; lines[i]; ++i) {
    char *eq;

    if (lines[i][0] == '\0' || lines[i][0] == '#')
      continue;
    eq = strchr (lines[i], '=');
    if (eq == NULL)
      continue;
    *eq = '\0';
    if (fn (opaque, lines[i], eq + 1) == -1)
      return -1;
  }
  return 0;
}

static int
os_release_kv (void *opaque, const char *key, const char *raw)
{
  struct inspect_fs *fs = opaque;
  CLEANUP_FREE char *value = shell_unquote (raw);
  int major, minor;

  if (value == NULL)
    return -1;
  if (STREQ (key, "ID")) {
    const char *d = os_release_distro (value);
    if (d && inspect_set (&fs->distro, d) == -1)
      return -1;
  }
  else if (STREQ (key, "PRETTY_NAME")) {
    if (inspect_set (&fs->product_name, value) == -1)
      return -1;
  }
  else if (STREQ (key, "VERSION_ID")) {
    /* match gives -1 for numbers too long to be versions. */
    if (match (RE_NEOKYLIN, value, &major, &minor) && major >= 0 && minor >= 0)
      set_version (fs, major, minor);
    else
      version_from (fs, value);
  }
  else if (STREQ (key, "BUILD_ID")) {
    if (inspect_set (&fs->build_id, value) == -1)
      return -1;
  }
  return 0;
}

static int
parse_os_release (int root, const char *file, struct inspect_fs *fs,
                  const char *unused1, int unused2)
{
  size_t len;
  CLEANUP_FREE char *buf = guest_read_file (root, file, INSPECT_SMALL_FILE_MAX, &len);

  (void) unused1; (void) unused2;
  if (buf == NULL)
    return 0;
  return inspect_parse_os_release (buf, len, fs);
}

int
inspect_parse_os_release (const char *buf, size_t len, struct inspect_fs *fs)
{
  char **lines = inspect_split_lines (buf, len);
  int r;

  if (lines == NULL)
    return 0;
  r = each_key_value (lines, os_release_kv, fs);
  free_lines (lines);
  if (r == -1)
    return -1;
  if (fs->distro == NULL || fs->product_name == NULL)
    return 0;
  /* Debian's and CentOS's os-release carry only the major version: the
   * precise release file is preferred. */
  if ((STREQ (fs->distro, "debian") || STREQ (fs->distro, "centos") ||
       STREQ (fs->distro, "rocky")) && fs->has_version && fs->minor == 0)
    return 0;
  if (!fs->has_version && is_rolling (fs->distro)) {
    set_version (fs, 0, 0);
    return 1;
  }
  return fs->has_version;
}

/* Strip one pair of matching quotes. */
static char *
simple_unquote (const char *s)
{
  size_t n = strlen (s);

  if (n >= 2 && (s[0] == '"' || s[0] == '\'') && s[n - 1] == s[0])
    return strndup (s + 1, n - 2);
  return strdup (s);
}

struct lsb { struct inspect_fs *fs; bool ok; };

static int
lsb_kv (void *opaque, const char *key, const char *raw)
{
  struct lsb *l = opaque;
  CLEANUP_FREE char *value = simple_unquote (raw);
  static const struct distro_id ids[] = {
    { "CoreOS", "coreos" }, { "LinuxMint", "linuxmint" },
    { "Mageia", "mageia" }, { "Ubuntu", "ubuntu" },
  };

  if (value == NULL)
    return -1;
  if (STREQ (key, "DISTRIB_ID")) {
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; ++i)
      if (STREQ (value, ids[i].id)) {
        if (inspect_set (&l->fs->distro, ids[i].distro) == -1)
          return -1;
        l->ok = true;
      }
  }
  else if (STREQ (key, "DISTRIB_RELEASE"))
    version_from (l->fs, value);
  else if (STREQ (key, "DISTRIB_DESCRIPTION")) {
    if (inspect_set (&l->fs->product_name, value) == -1)
      return -1;
    l->ok = true;
  }
  return 0;
}

static int
parse_lsb_release (int root, const char *file, struct inspect_fs *fs,
                   const char *unused1, int unused2)
{
  size_t len;
  CLEANUP_FREE char *buf = guest_read_file (root, file, INSPECT_SMALL_FILE_MAX, &len);

  (void) unused1; (void) unused2;
  if (buf == NULL)
    return 0;
  return inspect_parse_lsb_release (buf, len, fs);
}

int
inspect_parse_lsb_release (const char *buf, size_t len, struct inspect_fs *fs)
{
  char **lines = inspect_split_lines (buf, len);
  struct lsb l = { fs, false };
  int r;

  if (lines == NULL)
    return 0;
  r = each_key_value (lines, lsb_kv, &l);
  free_lines (lines);
  return r == -1 ? -1 : l.ok;
}

/* The first line is the product name and sets the distro; with a regex
 * it must match and gives the version, else a version is looked for. */
static int
parse_generic (int root, const char *file, struct inspect_fs *fs,
               const char *distro, int re)
{
  CLEANUP_FREE char *line = guest_read_first_line (root, file);
  int major, minor;

  if (line == NULL || *line == '\0')
    return 0;
  if (inspect_set (&fs->product_name, line) == -1 ||
      inspect_set (&fs->distro, distro) == -1)
    return -1;
  if (re < 0) {
    version_from (fs, line);
    return 1;
  }
  if (!match (re, line, &major, &minor))
    return 0;
  if (major >= 0)
    set_version (fs, major, minor >= 0 ? minor : 0);
  return 1;
}

static int
set_distro_only (int root, const char *file, struct inspect_fs *fs,
                 const char *distro, int unused)
{
  (void) root; (void) file; (void) unused;
  return inspect_set (&fs->distro, distro) == -1 ? -1 : 1;
}

static int
parse_suse_release (int root, const char *file, struct inspect_fs *fs,
                    const char *unused1, int unused2)
{
  char **lines = guest_read_lines (root, file);
  int major = -1, minor = -1, r = 1;

  (void) unused1; (void) unused2;
  if (lines == NULL || lines[0] == NULL) {
    free_lines (lines);
    return 0;
  }
  if (inspect_set (&fs->product_name, lines[0]) == -1) {
    r = -1;
    goto out;
  }
  /* SLES first: the openSUSE pattern matches some SLES names too. */
  if (match (RE_SLES, lines[0], NULL, NULL) || match (RE_NLD, lines[0], NULL, NULL)) {
    if (lines[1] && match (RE_SLES_VERSION, lines[1], &major, NULL) && lines[2])
      match (RE_SLES_PATCHLEVEL, lines[2], &minor, NULL);
    fs->has_version = false;
    if (major >= 0)
      set_version (fs, major, minor >= 0 ? minor : 0);
    if (inspect_set (&fs->distro, "sles") == -1)
      r = -1;
  }
  else if (match (RE_OPENSUSE, lines[0], NULL, NULL)) {
    if (lines[1])
      version_from (fs, lines[1]);
    if (inspect_set (&fs->distro, "opensuse") == -1)
      r = -1;
  }
 out:
  free_lines (lines);
  return r;
}

static int
parse_br_version (int root, const char *file, struct inspect_fs *fs,
                  const char *unused1, int unused2)
{
  (void) unused1; (void) unused2;
  return parse_generic (root, file, fs,
                        guest_is_file (root, "/usr/share/cirros/logo", true) ?
                        "cirros" : "buildroot", -1);
}

typedef int (*parse_fn) (int, const char *, struct inspect_fs *, const char *, int);

struct release_test {
  const char *file;
  parse_fn fn;
  const char *distro;
  int re;
};

#define GENERIC(f, d) { f, parse_generic, d, -1 }
#define GENERIC_RE(f, d, r) { f, parse_generic, d, r }

static const struct release_test linux_tests[] = {
  { "/etc/os-release", parse_os_release, NULL, 0 },
  { "/etc/lsb-release", parse_lsb_release, NULL, 0 },
  /* OpenMandriva and the RHEL clones also have /etc/redhat-release. */
  GENERIC_RE ("/etc/openmandriva-release", "openmandriva", RE_OPENMANDRIVA),
  GENERIC_RE ("/etc/oracle-release", "oraclelinux", RE_OL_OLD),
  GENERIC_RE ("/etc/oracle-release", "oraclelinux", RE_OL),
  GENERIC_RE ("/etc/oracle-release", "oraclelinux", RE_OL_NO_MINOR),
  GENERIC_RE ("/etc/centos-release", "centos", RE_CENTOS_OLD),
  GENERIC_RE ("/etc/centos-release", "centos", RE_CENTOS),
  GENERIC_RE ("/etc/centos-release", "centos", RE_CENTOS_NO_MINOR),
  GENERIC_RE ("/etc/rocky-release", "rocky", RE_ROCKY),
  GENERIC_RE ("/etc/rocky-release", "rocky", RE_ROCKY_NO_MINOR),
  GENERIC ("/etc/altlinux-release", "altlinux"),
  GENERIC_RE ("/etc/redhat-release", "fedora", RE_FEDORA),
  GENERIC_RE ("/etc/redhat-release", "rhel", RE_RHEL_OLD),
  GENERIC_RE ("/etc/redhat-release", "rhel", RE_RHEL),
  GENERIC_RE ("/etc/redhat-release", "rhel", RE_RHEL_NO_MINOR),
  GENERIC_RE ("/etc/redhat-release", "centos", RE_CENTOS_OLD),
  GENERIC_RE ("/etc/redhat-release", "centos", RE_CENTOS),
  GENERIC_RE ("/etc/redhat-release", "centos", RE_CENTOS_NO_MINOR),
  GENERIC_RE ("/etc/redhat-release", "rocky", RE_ROCKY),
  GENERIC_RE ("/etc/redhat-release", "rocky", RE_ROCKY_NO_MINOR),
  GENERIC_RE ("/etc/redhat-release", "scientificlinux", RE_SL_OLD),
  GENERIC_RE ("/etc/redhat-release", "scientificlinux", RE_SL),
  GENERIC_RE ("/etc/redhat-release", "scientificlinux", RE_SL_NO_MINOR),
  GENERIC ("/etc/redhat-release", "redhat-based"),
  { "/etc/redhat-release", set_distro_only, "redhat-based", 0 },
  GENERIC ("/etc/debian_version", "debian"),
  GENERIC ("/etc/pardus-release", "pardus"),
  /* arch-release is empty: it only says what the distro is. */
  { "/etc/arch-release", set_distro_only, "archlinux", 0 },
  GENERIC ("/etc/gentoo-release", "gentoo"),
  GENERIC ("/etc/meego-release", "meego"),
  GENERIC ("/etc/slackware-version", "slackware"),
  GENERIC ("/etc/ttylinux-target", "ttylinux"),
  { "/etc/SuSE-release", parse_suse_release, NULL, 0 },
  { "/etc/SuSE-release", set_distro_only, "suse-based", 0 },
  GENERIC ("/etc/cirros/version", "cirros"),
  { "/etc/br-version", parse_br_version, NULL, 0 },
  GENERIC ("/etc/alpine-release", "alpinelinux"),
  GENERIC_RE ("/etc/frugalware-release", "frugalware", RE_FRUGALWARE),
  GENERIC_RE ("/etc/pld-release", "pldlinux", RE_PLD),
  { NULL, NULL, NULL, 0 }
};

static const struct release_test hurd_tests[] = {
  { "/etc/os-release", parse_os_release, NULL, 0 },
  GENERIC ("/etc/debian_version", "debian"),
  { NULL, NULL, NULL, 0 }
};

/* Run the tests in order until one parses its (existing) file. */
static int
run_tests (int root, const struct release_test *t, struct inspect_fs *fs)
{
  for (; t->file; ++t) {
    int r;

    if (!guest_is_file (root, t->file, true))
      continue;
    r = t->fn (root, t->file, fs, t->distro, t->re);
    if (r == -1)
      return -1;
    if (r == 1)
      break;
  }
  return 0;
}

/* ---- hostname ---- */

/* The first line that is neither empty nor a comment. */
static int
hostname_from_file (int root, const char *file, struct inspect_fs *fs)
{
  char **lines = guest_read_lines (root, file);
  int r = 0;

  if (lines == NULL)
    return 0;
  for (size_t i = 0; lines[i]; ++i)
    if (lines[i][0] != '\0' && lines[i][0] != '#') {
      r = inspect_set (&fs->hostname, lines[i]) == -1 ? -1 : 1;
      break;
    }
  free_lines (lines);
  return r;
}

static int
sysconfig_kv (void *opaque, const char *key, const char *raw)
{
  struct inspect_fs *fs = opaque;
  CLEANUP_FREE char *value = NULL;

  if (STRNEQ (key, "HOSTNAME") || fs->hostname)
    return 0;
  value = shell_unquote (raw);
  if (value == NULL)
    return -1;
  return *value ? inspect_set (&fs->hostname, value) : 0;
}

static int
linux_hostname (int root, struct inspect_fs *fs)
{
  char **lines;
  int r;

  if ((r = hostname_from_file (root, "/etc/HOSTNAME", fs)) != 0 ||
      (r = hostname_from_file (root, "/etc/hostname", fs)) != 0)
    return r == -1 ? -1 : 0;
  if (!guest_is_file (root, "/etc/sysconfig/network", false))
    return 0;
  lines = guest_read_lines (root, "/etc/sysconfig/network");
  if (lines == NULL)
    return 0;
  r = each_key_value (lines, sysconfig_kv, fs);
  free_lines (lines);
  return r;
}

/* hostname= in /etc/rc.conf, quoted or not. */
static int
bsd_hostname (int root, struct inspect_fs *fs)
{
  char **lines = guest_read_lines (root, "/etc/rc.conf");
  int r = 0;

  if (lines == NULL)
    return 0;
  for (size_t i = 0; lines[i]; ++i) {
    const char *l = lines[i];
    size_t n = strlen (l);
    CLEANUP_FREE char *v = NULL;

    if ((STRPREFIX (l, "hostname=\"") || STRPREFIX (l, "hostname='")) && n >= 11)
      v = strndup (l + 10, n - 11);
    else if (STRPREFIX (l, "hostname="))
      v = strdup (l + 9);
    else
      continue;
    r = v == NULL || inspect_set (&fs->hostname, v) == -1 ? -1 : 0;
    break;
  }
  free_lines (lines);
  return r;
}

/* ---- roles ---- */

static bool
is_dir (int root, const char *p)
{
  return guest_is_dir (root, p, false);
}

static bool
is_file (int root, const char *p)
{
  return guest_is_file (root, p, false);
}

static int
set_arch (int root, struct inspect_fs *fs)
{
  char *arch = inspect_unix_arch (root);

  if (arch) {
    free (fs->arch);
    fs->arch = arch;
  }
  return 0;
}

/* A BSD-like root: the version from the first line of a file. */
static int
bsd_root (int root, struct inspect_fs *fs, const char *type,
          const char *version_file, int re)
{
  fs->role = ROLE_ROOT;
  if (inspect_set (&fs->os_type, type) == -1 ||
      inspect_set (&fs->distro, type) == -1)
    return -1;
  if (guest_is_file (root, version_file, true) &&
      parse_generic (root, version_file, fs, type, re) == -1)
    return -1;
  set_arch (root, fs);
  if (inspect_check_fstab (root, fs) == -1)
    return -1;
  return bsd_hostname (root, fs);
}

static int
linux_usr (int root, struct inspect_fs *fs, const char *distro)
{
  fs->role = ROLE_USR;
  if (inspect_set (&fs->os_type, "linux") == -1 ||
      (distro && inspect_set (&fs->distro, distro) == -1))
    return -1;
  if (guest_is_file (root, "/lib/os-release", true)) {
    if (parse_os_release (root, "/lib/os-release", fs, NULL, 0) == -1)
      return -1;
  }
  else if (distro && guest_is_file (root, "/share/coreos/lsb-release", true)) {
    if (parse_lsb_release (root, "/share/coreos/lsb-release", fs, NULL, 0) == -1)
      return -1;
  }
  return set_arch (root, fs);
}

/* A filesystem holding only itself as a mountpoint (CoreOS). */
static int
self_mountpoint (struct inspect_fs *fs, const char *mp)
{
  fs->fstab = calloc (1, sizeof *fs->fstab);
  if (fs->fstab == NULL)
    return -1;
  fs->fstab[0].mountable = strdup (fs->mountable);
  fs->fstab[0].mountpoint = strdup (mp);
  fs->nr_fstab = 1;
  fs->fstab_known = true;
  return fs->fstab[0].mountable && fs->fstab[0].mountpoint ? 0 : -1;
}

int
inspect_check_unix (int root, struct inspect_fs *fs, bool *matched)
{
  bool etc = is_dir (root, "/etc"), bin = is_dir (root, "/bin");

  *matched = true;
  if (etc && bin && is_file (root, "/etc/freebsd-update.conf") &&
      is_file (root, "/etc/fstab"))
    return bsd_root (root, fs, "freebsd", "/etc/motd", -1);
  if (etc && bin && is_file (root, "/netbsd") && is_file (root, "/etc/fstab") &&
      is_file (root, "/etc/release"))
    return bsd_root (root, fs, "netbsd", "/etc/release", RE_NETBSD);
  if (etc && bin && is_file (root, "/bsd") && is_file (root, "/etc/fstab") &&
      is_file (root, "/etc/motd"))
    return bsd_root (root, fs, "openbsd", "/etc/motd", -1);
  if (is_file (root, "/hurd/console") && is_file (root, "/hurd/hello") &&
      is_file (root, "/hurd/null")) {
    fs->role = ROLE_ROOT;
    if (inspect_set (&fs->os_type, "hurd") == -1 ||
        run_tests (root, hurd_tests, fs) == -1)
      return -1;
    set_arch (root, fs);
    if (inspect_check_fstab (root, fs) == -1)
      return -1;
    return linux_hostname (root, fs);
  }
  if (etc && bin && is_file (root, "/service/vm") && is_file (root, "/etc/fstab") &&
      is_file (root, "/etc/version")) {
    fs->role = ROLE_ROOT;
    if (inspect_set (&fs->os_type, "minix") == -1)
      return -1;
    if (guest_is_file (root, "/etc/version", true)) {
      if (parse_generic (root, "/etc/version", fs, "minix", RE_MINIX) == -1)
        return -1;
      /* MINIX has no distros. */
      free (fs->distro);
      fs->distro = NULL;
    }
    set_arch (root, fs);
    return hostname_from_file (root, "/etc/hostname.file", fs) == -1 ? -1 : 0;
  }
  if (etc && (bin || guest_is_symlink_to (root, "/bin", "usr/bin")) &&
      (is_file (root, "/etc/fstab") || is_file (root, "/etc/hosts"))) {
    fs->role = ROLE_ROOT;
    if (inspect_set (&fs->os_type, "linux") == -1 ||
        run_tests (root, linux_tests, fs) == -1)
      return -1;
    set_arch (root, fs);
    if (inspect_check_fstab (root, fs) == -1)
      return -1;
    return linux_hostname (root, fs);
  }
  if (etc && is_dir (root, "/root") && is_dir (root, "/home") &&
      is_dir (root, "/usr") && is_file (root, "/etc/coreos/update.conf")) {
    fs->role = ROLE_ROOT;
    if (inspect_set (&fs->os_type, "linux") == -1 ||
        inspect_set (&fs->distro, "coreos") == -1 ||
        linux_hostname (root, fs) == -1)
      return -1;
    return self_mountpoint (fs, "/");
  }
  if (etc && bin && is_dir (root, "/share") && !is_dir (root, "/local") &&
      !is_file (root, "/etc/fstab"))
    return 0;                   /* Linux /usr/local */
  if (etc && bin && is_dir (root, "/share") && is_dir (root, "/local") &&
      !is_file (root, "/etc/fstab"))
    return linux_usr (root, fs, NULL);
  if (bin && is_dir (root, "/share") && is_dir (root, "/local") &&
      is_dir (root, "/share/coreos")) {
    if (linux_usr (root, fs, "coreos") == -1)
      return -1;
    return self_mountpoint (fs, "/usr");
  }
  if (is_dir (root, "/log") && is_dir (root, "/run") && is_dir (root, "/spool"))
    return 0;                   /* Linux /var */
  *matched = false;
  return 0;
}

/* ---- package format and management ---- */

struct pkg_rule { const char *distro, *format, *management; };

static const struct pkg_rule pkg_rules[] = {
  { "altlinux", "rpm", "apt" },
  { "mageia", "rpm", "urpmi" }, { "mandriva", "rpm", "urpmi" },
  { "meego", "rpm", "yum" }, { "neokylin", "rpm", "dnf" },
  { "openmandriva", "rpm", "dnf" },
  { "opensuse", "rpm", "zypper" }, { "sles", "rpm", "zypper" },
  { "suse-based", "rpm", "zypper" },
  { "debian", "deb", "apt" }, { "kalilinux", "deb", "apt" },
  { "kylin", "deb", "apt" }, { "linuxmint", "deb", "apt" },
  { "ubuntu", "deb", "apt" },
  { "archlinux", "pacman", "pacman" }, { "gentoo", "ebuild", "portage" },
  { "pardus", "pisi", "pisi" }, { "alpinelinux", "apk", "apk" },
  { "voidlinux", "xbps", "xbps" },
};

int
inspect_package_info (int root, struct inspect_fs *fs)
{
  const char *d = fs->distro, *format = NULL, *mgmt = NULL;
  int major = fs->has_version ? fs->major : 0;

  if (d == NULL)
    return 0;
  if (STREQ (d, "fedora")) {
    format = "rpm";
    /* dnf from Fedora 22, if it is installed. */
    if (major >= 22 && guest_is_file (root, "/usr/bin/dnf", true))
      mgmt = "dnf";
    else if (major >= 1)
      mgmt = "yum";
  }
  else if (STREQ (d, "centos") || STREQ (d, "rocky") ||
           STREQ (d, "oraclelinux") || STREQ (d, "redhat-based") ||
           STREQ (d, "rhel") || STREQ (d, "scientificlinux")) {
    format = "rpm";
    mgmt = major >= 8 ? "dnf" : major >= 5 ? "yum" : major >= 2 ? "up2date" : NULL;
  }
  else
    for (size_t i = 0; i < sizeof pkg_rules / sizeof pkg_rules[0]; ++i)
      if (STREQ (d, pkg_rules[i].distro)) {
        format = pkg_rules[i].format;
        mgmt = pkg_rules[i].management;
      }
  if (format && inspect_set (&fs->package_format, format) == -1)
    return -1;
  if (mgmt && inspect_set (&fs->package_management, mgmt) == -1)
    return -1;
  return 0;
}
