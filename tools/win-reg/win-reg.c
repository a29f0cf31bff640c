/* virt-win-reg: export and merge Windows Registry entries of a Windows
 * guest, with libguestfs's command line (virt-win-reg [--options]
 * disk.img KEY [NAME], or --merge disk.img [FILE.reg ...]).  The guest
 * is inspected and mounted (read-only unless --merge); the hive holding
 * the key is found as libguestfs does (HKLM\SOFTWARE, SYSTEM, SAM,
 * SECURITY, HKU\.DEFAULT, HKU\SID through the ProfileList, HKU\user),
 * copied into a private host directory and read (or, with --merge,
 * edited, committed and uploaded back) with hivex on the host.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <stdarg.h>
#include <string.h>
#include <strings.h>
#include <ctype.h>
#include <errno.h>
#include <dirent.h>
#include <unistd.h>

#include "options.h"
#include "win-reg.h"

int winreg_debug;

enum {
  OPT_FORMAT = TOOLS_OPT_TOOL, OPT_MERGE, OPT_ENCODING, OPT_UNSAFE_STRINGS,
  OPT_HELP, OPT_VERSION, OPT_LONG_OPTIONS, OPT_SHORT_OPTIONS
};

static const char short_options[] = "c:d";
static const struct option long_options[] = {
  { "connect", 1, 0, 'c' },
  { "debug", 0, 0, 'd' },
  { "encoding", 1, 0, OPT_ENCODING },
  { "format", 1, 0, OPT_FORMAT },
  { "help", 0, 0, OPT_HELP },
  { "long-options", 0, 0, OPT_LONG_OPTIONS },
  { "merge", 0, 0, OPT_MERGE },
  { "short-options", 0, 0, OPT_SHORT_OPTIONS },
  { "unsafe-printable-strings", 0, 0, OPT_UNSAFE_STRINGS },
  { "version", 0, 0, OPT_VERSION },
  { 0, 0, 0, 0 }
};

static char *systemroot;
static char *tmpdir;

static void __attribute__((noreturn))
usage (int status)
{
  if (status != EXIT_SUCCESS)
    tools_try_help ();
  printf ("virt-win-reg: export and merge Windows Registry entries from a "
          "Windows guest\n"
          "Usage:\n"
          "  virt-win-reg [--options] domname|disk.img 'HKLM\\Path\\To\\Subkey'\n"
          "  virt-win-reg [--options] domname|disk.img 'HKLM\\Path\\To\\Subkey' name\n"
          "  virt-win-reg [--options] domname|disk.img 'HKLM\\Path\\To\\Subkey' @\n"
          "  virt-win-reg --merge [--options] domname|disk.img [input.reg ...]\n"
          "Options:\n"
          "  -c|--connect uri     Specify libvirt URI\n"
          "  -d|--debug           Debugging messages\n"
          "  --encoding UTF-16LE|ASCII\n"
          "                       Encoding of strings written by --merge\n"
          "  --format raw|qcow2|..\n"
          "                       Force the disk format\n"
          "  --help               Display brief help\n"
          "  --merge              Merge regedit files into the guest\n"
          "  --unsafe-printable-strings\n"
          "                       Print strings as UTF-16LE text when exporting\n"
          "  --version            Display version and exit\n"
          "For more information, see the manpage virt-win-reg(1).\n");
  exit (EXIT_SUCCESS);
}

static void
cleanup_tmpdir (void)
{
  DIR *d;
  struct dirent *e;

  if (tmpdir == NULL)
    return;
  if ((d = opendir (tmpdir)) != NULL) {
    while ((e = readdir (d)) != NULL)
      if (STRNEQ (e->d_name, ".") && STRNEQ (e->d_name, ".."))
        unlinkat (dirfd (d), e->d_name, 0);
    closedir (d);
  }
  rmdir (tmpdir);
}

static void
make_tmpdir (void)
{
  const char *t = getenv ("TMPDIR");

  if (asprintf (&tmpdir, "%s/virtwinregXXXXXX", t && *t ? t : "/tmp") == -1 ||
      mkdtemp (tmpdir) == NULL) {
    tools_error ("mkdtemp: %s", strerror (errno));
    exit (EXIT_FAILURE);
  }
  atexit (cleanup_tmpdir);
}

static char *xasprintf (const char *fs, ...)
  __attribute__((format (printf, 1, 2)));

static char *
xasprintf (const char *fs, ...)
{
  va_list args;
  char *s;
  int r;

  va_start (args, fs);
  r = vasprintf (&s, fs, args);
  va_end (args);
  if (r == -1) {
    perror ("vasprintf");
    exit (EXIT_FAILURE);
  }
  return s;
}

static int
compare_length (const void *a, const void *b)
{
  const char *const *pa = a, *const *pb = b;
  size_t la = strlen (*pa), lb = strlen (*pb);

  return la < lb ? -1 : la > lb;
}

static void
open_guest (const char *image, const char *format, int merge)
{
  struct guestfs_add_drive_opts_argv args = {
    .bitmask = GUESTFS_ADD_DRIVE_OPTS_READONLY_BITMASK,
    .readonly = !merge,
  };
  char **roots, **mps;
  size_t n;

  if (strstr (image, "://")) {
    tools_error ("%s: remote disks (URIs) are not supported yet", image);
    exit (EXIT_FAILURE);
  }
  if (access (image, F_OK) != 0 && strchr (image, '/')) {
    tools_error ("%s: no such disk image", image);
    exit (EXIT_FAILURE);
  }
  if (access (image, F_OK) != 0) {
    /* Not a file: a libvirt domain's name or UUID, as libguestfs. */
    struct tools_drive dom = { .domain = image };

    if (tools_add_drive (tools.g, &dom, !merge) == -1)
      exit (EXIT_FAILURE);
  }
  else {
    if (format) {
      args.bitmask |= GUESTFS_ADD_DRIVE_OPTS_FORMAT_BITMASK;
      args.format = format;
    }
    if (guestfs_add_drive_opts_argv (tools.g, image, &args) == -1)
      exit (EXIT_FAILURE);
  }
  if (guestfs_launch (tools.g) == -1)
    exit (EXIT_FAILURE);

  roots = guestfs_inspect_os (tools.g);
  if (roots == NULL)
    exit (EXIT_FAILURE);
  if (roots[0] == NULL) {
    fprintf (stderr, "virt-win-reg: No operating system could be detected "
             "inside this disk image.\n\n"
             "This may be because the file is not a disk image, or is not "
             "a virtual machine\n"
             "image, or because the OS type is not understood by "
             "libguestfs.\n\n"
             "If you feel this is an error, please file a bug report "
             "including as much\n"
             "information about the disk image as possible.\n");
    exit (EXIT_FAILURE);
  }
  if (roots[1] != NULL) {
    fprintf (stderr,
             "virt-win-reg: multiboot operating systems are not supported.\n");
    exit (EXIT_FAILURE);
  }
  mps = guestfs_inspect_get_mountpoints (tools.g, roots[0]);
  if (mps == NULL)
    exit (EXIT_FAILURE);
  n = tools_count_strings (mps) / 2;
  /* Shortest mountpoint first: pairs sorted by their first string. */
  qsort (mps, n, 2 * sizeof (char *), compare_length);
  for (size_t i = 0; i < n; ++i)
    if (guestfs_mount_options (tools.g, merge ? "" : "ro", mps[2*i+1],
                               mps[2*i]) == -1)
      exit (EXIT_FAILURE);
  tools_free_strings (mps);

  systemroot = guestfs_inspect_get_windows_systemroot (tools.g, roots[0]);
  if (systemroot == NULL)
    exit (EXIT_FAILURE);
  tools_free_strings (roots);
}

/* If REGPATH starts with one of the root names (HKEY_LOCAL_MACHINE or
 * HKLM, ...), case-insensitively and optionally after a backslash,
 * followed by "\\" and SUB (case-insensitive) and then the end or a
 * backslash, return what follows; else NULL.
 */
static const char *
match_root (const char *regpath, const char *long_root,
            const char *short_root, const char *sub)
{
  const char *p = regpath + (regpath[0] == '\\');
  size_t n;

  if (strncasecmp (p, long_root, strlen (long_root)) == 0 &&
      p[strlen (long_root)] == '\\')
    p += strlen (long_root) + 1;
  else if (strncasecmp (p, short_root, strlen (short_root)) == 0 &&
           p[strlen (short_root)] == '\\')
    p += strlen (short_root) + 1;
  else
    return NULL;
  if (sub == NULL)
    return p;
  n = strlen (sub);
  if (strncasecmp (p, sub, n) != 0 || (p[n] != '\0' && p[n] != '\\'))
    return NULL;
  return p + n;
}

static int
is_sid (const char *s, size_t n)
{
  if (n < 7 || strncasecmp (s, "S-1-5-", 6) != 0)
    return 0;
  for (size_t i = 6; i < n; ++i)
    if (!isdigit ((unsigned char) s[i]) && s[i] != '-')
      return 0;
  return 1;
}

static char *lookup_profile (const char *sid);

static int
is_dir_nocase (const char *dir)
{
  char *p;
  int r;

  guestfs_push_error_handler (tools.g, NULL, NULL);
  p = guestfs_case_sensitive_path (tools.g, dir);
  r = p ? guestfs_is_dir (tools.g, p) : 0;
  guestfs_pop_error_handler (tools.g);
  free (p);
  return r == 1;
}

void
winreg_map_path (const char *regpath, struct winreg_key *k)
{
  static const char *const machine_hives[] = {
    "SAM", "SECURITY", "SOFTWARE", "SYSTEM"
  };
  const char *rest;

  memset (k, 0, sizeof *k);
  for (size_t i = 0; i < 4; ++i) {
    rest = match_root (regpath, "HKEY_LOCAL_MACHINE", "HKLM",
                       machine_hives[i]);
    if (rest) {
      k->shortname = strdup (machine_hives[i]);
      for (char *c = k->shortname; c && *c; ++c)
        *c = tolower ((unsigned char) *c);
      k->hivefile = xasprintf ("%s/system32/config/%s", systemroot,
                               k->shortname);
      k->prefix = xasprintf ("HKEY_LOCAL_MACHINE\\%s", machine_hives[i]);
      goto path;
    }
  }
  if ((rest = match_root (regpath, "HKEY_USERS", "HKU", ".DEFAULT"))) {
    k->shortname = strdup ("default");
    k->hivefile = xasprintf ("%s/system32/config/default", systemroot);
    /* sic: libguestfs prints this prefix */
    k->prefix = strdup ("HKEY_LOCAL_MACHINE\\.DEFAULT");
    goto path;
  }
  if ((rest = match_root (regpath, "HKEY_USERS", "HKU", NULL))) {
    const char *end = strchr (rest, '\\');
    size_t n = end ? (size_t) (end - rest) : strlen (rest);
    char *user = strndup (rest, n), *sid = NULL, *profile;

    rest += n;
    if (is_sid (user, n))
      sid = strdup (user);
    else if (strcasecmp (user, "LocalSystem") == 0)
      sid = strdup ("S-1-5-18");
    else if (strcasecmp (user, "LocalService") == 0)
      sid = strdup ("S-1-5-19");
    else if (strcasecmp (user, "NetworkService") == 0)
      sid = strdup ("S-1-5-20");
    if (sid) {
      profile = lookup_profile (sid);
      k->shortname = strdup (sid);
      k->prefix = xasprintf ("HKEY_USERS\\%s", sid);
      k->hivefile = xasprintf ("%s/ntuser.dat", profile);
      free (profile);
      free (sid);
    }
    else {
      char *d1 = xasprintf ("/Users/%s", user);
      char *d2 = xasprintf ("/Documents and Settings/%s", user);

      k->shortname = xasprintf ("user_%s", user);
      k->prefix = xasprintf ("HKEY_USERS\\%s", user);
      if (strchr (user, '/') == NULL && is_dir_nocase (d1))
        k->hivefile = xasprintf ("%s/ntuser.dat", d1);
      else if (strchr (user, '/') == NULL && is_dir_nocase (d2))
        k->hivefile = xasprintf ("%s/ntuser.dat", d2);
      else {
        tools_error ("%s: cannot find user directory", user);
        exit (EXIT_FAILURE);
      }
      free (d1);
      free (d2);
    }
    free (user);
    goto path;
  }
  tools_error ("%s: not a supported Windows Registry path", regpath);
  exit (EXIT_FAILURE);

 path:
  k->path = strdup (*rest ? rest : "\\");
  if (k->shortname == NULL || k->prefix == NULL || k->path == NULL) {
    perror ("strdup");
    exit (EXIT_FAILURE);
  }
  /* The short name names the local copy: no path separators in it. */
  for (char *c = k->shortname; *c; ++c)
    if (*c == '/' || *c == '.')
      *c = '_';
}

void
winreg_free_key (struct winreg_key *k)
{
  free (k->shortname);
  free (k->hivefile);
  free (k->path);
  free (k->prefix);
}

const char *
winreg_local_hive (const struct winreg_key *k)
{
  static char *local;           /* returned: valid until the next call */
  char *winfile;

  free (local);
  local = xasprintf ("%s/%s", tmpdir, k->shortname);
  if (access (local, F_OK) == 0)
    return local;
  winfile = guestfs_case_sensitive_path (tools.g, k->hivefile);
  if (winfile == NULL)
    exit (EXIT_FAILURE);
  if (winreg_debug)
    fprintf (stderr, "downloading %s ...\n", winfile);
  guestfs_push_error_handler (tools.g, NULL, NULL);
  if (guestfs_download (tools.g, winfile, local) == -1) {
    tools_error ("%s: could not download registry file: %s", winfile,
                 guestfs_last_error (tools.g));
    exit (EXIT_FAILURE);
  }
  guestfs_pop_error_handler (tools.g);
  free (winfile);
  return local;
}

void
winreg_upload_hive (const struct winreg_key *k)
{
  char *local = xasprintf ("%s/%s", tmpdir, k->shortname);
  char *winfile = guestfs_case_sensitive_path (tools.g, k->hivefile);

  if (winfile == NULL)
    exit (EXIT_FAILURE);
  if (winreg_debug)
    fprintf (stderr, "uploading %s ...\n", winfile);
  guestfs_push_error_handler (tools.g, NULL, NULL);
  if (guestfs_upload (tools.g, local, winfile) == -1) {
    tools_error ("%s: could not upload registry file: %s", winfile,
                 guestfs_last_error (tools.g));
    exit (EXIT_FAILURE);
  }
  guestfs_pop_error_handler (tools.g);
  free (winfile);
  free (local);
}

/* The guest directory of the profile of SID, from the ProfileList. */
static char *
lookup_profile (const char *sid)
{
  struct winreg_key k;
  char *regpath, *value, *p, *out;
  hive_h *h;
  hive_node_h node;
  hive_value_h v;

  regpath = xasprintf ("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\"
                       "CurrentVersion\\ProfileList\\%s", sid);
  winreg_map_path (regpath, &k);
  h = hivex_open (winreg_local_hive (&k), HIVEX_OPEN_UNSAFE);
  if (h == NULL) {
    tools_error ("%s: %s", k.hivefile, strerror (errno));
    exit (EXIT_FAILURE);
  }
  node = winreg_lookup (h, k.path);
  v = node ? hivex_node_get_value (h, node, "ProfileImagePath") : 0;
  value = v ? hivex_value_string (h, v) : NULL;
  if (value == NULL) {
    tools_error ("%s: no ProfileImagePath in %s", sid, regpath);
    exit (EXIT_FAILURE);
  }
  hivex_close (h);
  free (regpath);
  winreg_free_key (&k);

  /* %systemroot% and %systemdrive% expanded, C: dropped, "\" to "/". */
  out = calloc (1, strlen (value) + strlen (systemroot) + 1);
  if (out == NULL) {
    perror ("calloc");
    exit (EXIT_FAILURE);
  }
  p = value;
  if (strncasecmp (p, "%systemroot%", 12) == 0) {
    strcpy (out, systemroot);
    p += 12;
  }
  else if (strncasecmp (p, "%systemdrive%", 13) == 0)
    p += 13;
  else if (strncasecmp (p, "c:", 2) == 0)
    p += 2;
  strcat (out, p);
  for (p = out; *p; ++p)
    if (*p == '\\')
      *p = '/';
  free (value);
  return out;
}

static int
do_export (int argc, char **argv, int unsafe_printable_strings)
{
  struct winreg_key k;
  hive_h *h;
  int r;

  if (argc < 1 || argc > 2) {
    tools_error ("expecting 1 or 2 more parameters, subkey path and "
                 "optionally the value to export");
    return -1;
  }
  winreg_map_path (argv[0], &k);
  h = hivex_open (winreg_local_hive (&k), HIVEX_OPEN_UNSAFE);
  if (h == NULL) {
    tools_error ("%s: cannot open the registry hive: %s", k.hivefile,
                 strerror (errno));
    winreg_free_key (&k);
    return -1;
  }
  if (winreg_debug)
    fprintf (stderr, "exporting %s from %s with prefix %s ...\n",
             k.path, k.shortname, k.prefix);
  if (argc == 1)
    r = winreg_export (h, k.path, k.prefix, unsafe_printable_strings);
  else
    r = winreg_print_value (h, k.path, argv[1]);
  hivex_close (h);
  winreg_free_key (&k);
  return r;
}

static int
do_merge (int argc, char **argv, const char *encoding)
{
  int r = 0;

  if (argc == 0)
    r = winreg_merge (stdin, "stdin", encoding);
  for (int i = 0; i < argc && r == 0; ++i) {
    FILE *fp = fopen (argv[i], "r");

    if (fp == NULL) {
      tools_error ("open: %s: %s", argv[i], strerror (errno));
      return -1;
    }
    r = winreg_merge (fp, argv[i], encoding);
    fclose (fp);
  }
  if (r == 0)
    r = winreg_merge_commit ();
  return r;
}

int
main (int argc, char *argv[])
{
  const char *format = NULL, *encoding = "UTF-16LE";
  int c, merge = 0, unsafe_strings = 0, r;

  tools_init ("virt-win-reg", argv, usage, short_options, long_options);
  while ((c = getopt_long (argc, argv, short_options, long_options,
                           NULL)) != -1) {
    switch (c) {
    case 'c': tools.libvirt_uri = optarg; break;
    case 'd': winreg_debug = 1; break;
    case OPT_ENCODING: encoding = optarg; break;
    case OPT_FORMAT: format = *optarg ? optarg : NULL; break;
    case OPT_MERGE: merge = 1; break;
    case OPT_UNSAFE_STRINGS: unsafe_strings = 1; break;
    case OPT_HELP: usage (EXIT_SUCCESS);
    case OPT_VERSION: tools_handle_option ('V', NULL); break;
    case OPT_LONG_OPTIONS: tools_handle_option (TOOLS_OPT_LONG_OPTIONS, NULL);
      break;
    case OPT_SHORT_OPTIONS:
      tools_handle_option (TOOLS_OPT_SHORT_OPTIONS, NULL);
      break;
    default: usage (EXIT_FAILURE);
    }
  }
  if (strcasecmp (encoding, "UTF-16LE") != 0 &&
      strcasecmp (encoding, "ASCII") != 0) {
    tools_error ("--encoding: unknown encoding ‘%s’ (UTF-16LE or ASCII)",
                 encoding);
    exit (EXIT_FAILURE);
  }
  if (optind >= argc) {
    tools_error ("no libvirt domain name or disk image given");
    exit (EXIT_FAILURE);
  }

  make_tmpdir ();
  open_guest (argv[optind], format, merge);
  if (merge)
    r = do_merge (argc - optind - 1, &argv[optind + 1], encoding);
  else
    r = do_export (argc - optind - 1, &argv[optind + 1], unsafe_strings);
  if (fflush (stdout) == EOF) {
    perror ("virt-win-reg: stdout");
    r = -1;
  }
  if (guestfs_shutdown (tools.g) == -1)
    r = -1;
  guestfs_close (tools.g);
  free (systemroot);
  return r == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
