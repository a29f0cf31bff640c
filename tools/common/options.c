/* tools/common: parsing the options every virt-* tool shares, and
 * adding the drives.  Drives are added with readonly=1 unless the tool
 * writes (tools.writable) and was not given --ro.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <stdarg.h>
#include <string.h>
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <unistd.h>

#include "options.h"
#include "progress.h"

struct tools_state tools;

static int format_consumed = 1, blocksize_consumed = 1;

void
tools_error (const char *fs, ...)
{
  va_list args;

  fprintf (stderr, "%s: ", tools.program);
  va_start (args, fs);
  vfprintf (stderr, fs, args);
  va_end (args);
  fputc ('\n', stderr);
}

void
tools_init (const char *program, char **argv, void (*usage) (int status),
            const char *short_options, const struct option *long_options)
{
  struct sigaction sa;

  setlocale (LC_ALL, "");
  memset (&sa, 0, sizeof sa);
  sa.sa_handler = SIG_IGN;
  sa.sa_flags = SA_RESTART;
  sigaction (SIGPIPE, &sa, NULL);

  argv[0] = (char *) program;
  tools.program = program;
  keys_settings.program = program;
  tools.usage = usage;
  tools.short_options = short_options;
  tools.long_options = long_options;
  tools.g = guestfs_create ();
  if (tools.g == NULL) {
    tools_error ("guestfs_create: failed to create handle");
    exit (EXIT_FAILURE);
  }
}

void
tools_try_help (void)
{
  fprintf (stderr, "Try ‘%s --help’ for more information.\n", tools.program);
  exit (EXIT_FAILURE);
}

/* For bash completion and the docs test, as libguestfs's tools do. */
static void __attribute__((noreturn))
display_long_options (void)
{
  for (const struct option *o = tools.long_options; o->name; ++o)
    if (STRNEQ (o->name, "long-options") &&
        STRNEQ (o->name, "short-options") &&
        (tools.writable || STRNEQ (o->name, "ro")))
      printf ("--%s\n", o->name);
  exit (EXIT_SUCCESS);
}

static void __attribute__((noreturn))
display_short_options (void)
{
  for (const char *p = tools.short_options; *p; ++p)
    if (*p != ':' && *p != '+')
      printf ("-%c\n", *p);
  exit (EXIT_SUCCESS);
}

static void __attribute__((noreturn))
display_version (void)
{
  struct guestfs_version *v = guestfs_version (tools.g);

  if (v == NULL)
    exit (EXIT_FAILURE);
  /* libguestfs's number, then which implementation this is (as guestfish). */
  printf ("%s %" PRIi64 ".%" PRIi64 ".%" PRIi64, tools.program,
          v->major, v->minor, v->release);
  if (v->extra[0] == '\0' || !isalnum ((unsigned char) v->extra[0]))
    printf ("%s\n", v->extra);
  else
    printf (" (%s)\n", v->extra);
  guestfs_free_version (v);
  exit (EXIT_SUCCESS);
}

static char *
xstrdup_or_null (const char *s)
{
  char *r;

  if (s == NULL || *s == '\0')
    return NULL;
  r = strdup (s);
  if (r == NULL) {
    perror ("strdup");
    exit (EXIT_FAILURE);
  }
  return r;
}

/* DEV[:MNT[:OPTS[:FSTYPE]]]; MNT defaults to "/". */
static void
add_mount (const char *arg)
{
  struct tools_mount *nm, m;
  char *copy = xstrdup_or_null (arg), *p;

  if (copy == NULL) {
    tools_error ("-m: missing device name");
    tools_try_help ();
  }
  memset (&m, 0, sizeof m);
  m.device = copy;
  if ((p = strchr (copy, ':')) != NULL) {
    *p++ = '\0';
    m.mountpoint = p;
    if ((p = strchr (p, ':')) != NULL) {
      *p++ = '\0';
      m.options = p;
      if ((p = strchr (p, ':')) != NULL) {
        *p++ = '\0';
        m.fstype = p;
      }
    }
  }
  if (m.mountpoint == NULL || *m.mountpoint == '\0')
    m.mountpoint = (char *) "/";
  if (m.options && *m.options == '\0')
    m.options = NULL;
  if (m.fstype && *m.fstype == '\0')
    m.fstype = NULL;

  nm = realloc (tools.mounts, (tools.nr_mounts + 1) * sizeof *nm);
  if (nm == NULL) {
    perror ("realloc");
    exit (EXIT_FAILURE);
  }
  tools.mounts = nm;
  tools.mounts[tools.nr_mounts++] = m;
}

static void
push_drive (struct tools_drive d)
{
  struct tools_drive *nd;

  nd = realloc (tools.drives, (tools.nr_drives + 1) * sizeof *nd);
  if (nd == NULL) {
    perror ("realloc");
    exit (EXIT_FAILURE);
  }
  tools.drives = nd;
  tools.drives[tools.nr_drives++] = d;
}

static void
add_drive (const char *filename)
{

  if (strstr (filename, "://")) {
    tools_error ("%s: remote disks (URIs) are not supported yet", filename);
    exit (EXIT_FAILURE);
  }
  if (access (filename, R_OK) != 0) {
    tools_error ("access: %s: %s", filename, strerror (errno));
    exit (EXIT_FAILURE);
  }
  push_drive ((struct tools_drive) {
    filename, tools.format, tools.blocksize, NULL
  });
  format_consumed = blocksize_consumed = 1;
}

/* -d: the domain's disks are found when they are added. */
static void
add_domain (const char *domain)
{
  if (*domain == '\0') {
    tools_error ("-d: the domain name cannot be empty");
    exit (EXIT_FAILURE);
  }
  push_drive ((struct tools_drive) { NULL, NULL, 0, domain });
}

int
tools_handle_option (int c, const char *arg)
{
  switch (c) {
  case 'a':
    add_drive (arg);
    return 1;
  case 'c':
    tools.libvirt_uri = arg;
    return 1;
  case 'd':
    add_domain (arg);
    return 1;
  case 'i':
    tools.inspector = 1;
    return 1;
  case 'm':
    add_mount (arg);
    return 1;
  case 'v':
    tools.verbose++;
    guestfs_set_verbose (tools.g, 1);
    return 1;
  case 'V':
    display_version ();
  case 'x':
    guestfs_set_trace (tools.g, 1);
    return 1;
  case TOOLS_OPT_FORMAT:
    /* Sticky for the following -a; "--format" alone = autodetect. */
    tools.format = arg && *arg ? arg : NULL;
    format_consumed = 0;
    return 1;
  case TOOLS_OPT_BLOCKSIZE: {
    char *end;
    long v = 0;

    if (arg && *arg) {
      errno = 0;
      v = strtol (arg, &end, 10);
      if (errno || *end || (v != 512 && v != 4096)) {
        tools_error ("--blocksize option is not numeric");
        exit (EXIT_FAILURE);
      }
    }
    tools.blocksize = (int) v;
    blocksize_consumed = 0;
    return 1;
  }
  case TOOLS_OPT_KEY:
    keys_add_selector (arg);
    return 1;
  case TOOLS_OPT_KEYS_FROM_STDIN:
    keys_settings.from_stdin = 1;
    return 1;
  case TOOLS_OPT_ECHO_KEYS:
    keys_settings.echo = 1;
    return 1;
  case TOOLS_OPT_RO:             /* a no-op for read-only tools */
    tools.ro = 1;
    return 1;
  case TOOLS_OPT_RW:
    if (!tools.writable)
      return 0;
    tools.ro = 0;
    return 1;
  case TOOLS_OPT_PROGRESS_BARS:
    tools.progress_bars = 1;
    return 1;
  case TOOLS_OPT_NO_PROGRESS_BARS:
    tools.progress_bars = 0;
    return 1;
  case TOOLS_OPT_HELP:
    tools.usage (EXIT_SUCCESS);
    exit (EXIT_SUCCESS);
  case TOOLS_OPT_LONG_OPTIONS:
    display_long_options ();
  case TOOLS_OPT_SHORT_OPTIONS:
    display_short_options ();
  default:
    return 0;
  }
}

void
tools_check_drives (void)
{
  if (!format_consumed) {
    tools_error ("--format parameter must appear before -a parameter");
    exit (EXIT_FAILURE);
  }
  if (!blocksize_consumed) {
    tools_error ("--blocksize parameter must appear before -a parameter");
    exit (EXIT_FAILURE);
  }
  if (tools.nr_drives == 0) {
    tools_error ("error: you must specify at least one -a or -d option.");
    tools_try_help ();
  }
}

void
tools_parse_options (int argc, char **argv, int min_args)
{
  int c;

  while ((c = getopt_long (argc, argv, tools.short_options,
                           tools.long_options, NULL)) != -1)
    if (!tools_handle_option (c, optarg))
      tools.usage (EXIT_FAILURE);
  if (argc - optind < min_args)
    tools.usage (EXIT_FAILURE);
  tools_check_drives ();
}

void
tools_check_json (int json, int csv, int human)
{
  if (json && csv) {
    tools_error ("you cannot use --json and --csv options together.");
    exit (EXIT_FAILURE);
  }
  if (json && human) {
    tools_error ("you cannot use -h and --json options together "
                 "(JSON sizes are in bytes).");
    exit (EXIT_FAILURE);
  }
}

int
tools_read_only (void)
{
  return !tools.writable || tools.ro;
}

void
tools_progress_bars_setup (void)
{
  static int attached;

  if (tools.progress_bars && !attached) {
    progress_bars_attach (tools.g, tools.program);
    attached = 1;
  }
}

int
tools_add_drive (guestfs_h *g, const struct tools_drive *d, int readonly)
{
  if (d->domain) {
    struct guestfs_add_domain_argv args = {
      .bitmask = GUESTFS_ADD_DOMAIN_READONLY_BITMASK |
        GUESTFS_ADD_DOMAIN_ALLOWUUID_BITMASK |
        GUESTFS_ADD_DOMAIN_READONLYDISK_BITMASK,
      .readonly = readonly,
      .allowuuid = 1,
      .readonlydisk = "read",
    };

    if (tools.libvirt_uri) {
      args.bitmask |= GUESTFS_ADD_DOMAIN_LIBVIRTURI_BITMASK;
      args.libvirturi = tools.libvirt_uri;
    }
    return guestfs_add_domain_argv (g, d->domain, &args) == -1 ? -1 : 0;
  }
  else {
    struct guestfs_add_drive_opts_argv args = {
      .bitmask = GUESTFS_ADD_DRIVE_OPTS_READONLY_BITMASK,
      .readonly = readonly,
    };

    if (d->format) {
      args.bitmask |= GUESTFS_ADD_DRIVE_OPTS_FORMAT_BITMASK;
      args.format = d->format;
    }
    if (d->blocksize) {
      args.bitmask |= GUESTFS_ADD_DRIVE_OPTS_BLOCKSIZE_BITMASK;
      args.blocksize = d->blocksize;
    }
    return guestfs_add_drive_opts_argv (g, d->filename, &args);
  }
}

void
tools_add_drives_and_launch (void)
{
  int readonly = tools_read_only ();

  for (size_t i = 0; i < tools.nr_drives; ++i) {
    const struct tools_drive *d = &tools.drives[i];

    /* Say which image cannot be written before anything starts. */
    if (!readonly && d->filename && access (d->filename, W_OK) != 0) {
      tools_error ("%s: cannot write to this disk image: %s",
                   d->filename, strerror (errno));
      exit (EXIT_FAILURE);
    }
    if (tools_add_drive (tools.g, d, readonly) == -1)
      exit (EXIT_FAILURE);
  }
  tools_progress_bars_setup ();
  if (guestfs_launch (tools.g) == -1)
    exit (EXIT_FAILURE);
}

size_t
tools_count_strings (char *const *l)
{
  size_t n = 0;

  while (l[n])
    n++;
  return n;
}

void
tools_free_strings (char **l)
{
  if (l == NULL)
    return;
  for (size_t i = 0; l[i]; ++i)
    free (l[i]);
  free (l);
}
