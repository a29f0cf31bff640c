/* virt-ls: list files in a guest.  Plain mode prints the names in a
 * directory, -l the appliance's "ls -la", -R every path below it (from
 * find0), and -lR (or --csv) one line per file with its type, mode, size
 * and the optional --uids, --times, --extra-stats and --checksum
 * columns, as libguestfs's virt-ls prints them.  The -lR listing is
 * built from bulk calls (walk.c) so a big tree costs a few round trips,
 * not several per file.  --json (json.c) gives the same entries in one
 * JSON document.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <time.h>

#include "options.h"
#include "ls.h"

enum {
  OPT_CHECKSUM = TOOLS_OPT_TOOL,
  OPT_CSV,
  OPT_EXTRA_STATS,
  OPT_JSON,
  OPT_TIMES,
  OPT_TIME_DAYS,
  OPT_TIME_RELATIVE,
  OPT_TIME_T,
  OPT_UIDS,
};

static const char short_options[] = TOOLS_SHORT_OPTIONS "hlm:R";
static const struct option long_options[] = {
  TOOLS_LONG_OPTIONS,
  TOOLS_MOUNT_LONG_OPTION,
  { "checksum", 2, 0, OPT_CHECKSUM },
  { "checksums", 2, 0, OPT_CHECKSUM },
  { "csv", 0, 0, OPT_CSV },
  { "extra-stat", 0, 0, OPT_EXTRA_STATS },
  { "extra-stats", 0, 0, OPT_EXTRA_STATS },
  { "human-readable", 0, 0, 'h' },
  { "json", 0, 0, OPT_JSON },
  { "long", 0, 0, 'l' },
  { "recursive", 0, 0, 'R' },
  { "time", 0, 0, OPT_TIMES },
  { "times", 0, 0, OPT_TIMES },
  { "time-days", 0, 0, OPT_TIME_DAYS },
  { "time-relative", 0, 0, OPT_TIME_RELATIVE },
  { "time-t", 0, 0, OPT_TIME_T },
  { "uid", 0, 0, OPT_UIDS },
  { "uids", 0, 0, OPT_UIDS },
  { 0, 0, 0, 0 }
};

static void __attribute__((noreturn))
usage (int status)
{
  if (status != EXIT_SUCCESS)
    tools_try_help ();
  printf ("virt-ls: list files in a virtual machine\n"
          "Copyright (C) 2010-2012 Red Hat Inc.\n"
          "Usage:\n"
          "  virt-ls [--options] -d domname dir [dir ...]\n"
          "  virt-ls [--options] -a disk.img [-a disk.img ...] dir [dir ...]\n");
  tools_print_options ("  --checksum[=...]     Display file checksums\n"
                       "  --csv                Comma-Separated Values output\n"
                       "  --extra-stats        Display extra stats\n"
                       "  -h|--human-readable  Human-readable sizes in output\n"
                       "  --json               Output as JSON\n"
                       "  -l|--long            Long listing\n"
                       "  -R|--recursive       Recursive listing\n"
                       "  --times              Display file times\n"
                       "  --time-days          Display file times as days before now\n"
                       "  --time-relative      Display file times as seconds before now\n"
                       "  --time-t             Display file times as time_t's\n"
                       "  --uids               Display UID, GID\n");
  printf ("For more information, see the manpage virt-ls(1).\n");
  exit (EXIT_SUCCESS);
}

struct ls_options ls_opts;

/* Plain mode: the names in DIR. */
static int
do_ls (const char *dir)
{
  char **names = guestfs_ls (tools.g, dir);

  if (names == NULL)
    return -1;
  for (size_t i = 0; names[i]; ++i) {
    if (ls_opts.json) {
      char *path = ls_full_path (dir, names[i]);

      ls_json_name (names[i], path);
      free (path);
    }
    else
      printf ("%s\n", names[i]);
  }
  tools_free_strings (names);
  return 0;
}

/* -l: what the appliance's ls -la says. */
static int
do_ls_l (const char *dir)
{
  char *out = guestfs_ll (tools.g, dir);

  if (out == NULL)
    return -1;
  fputs (out, stdout);
  free (out);
  return 0;
}

/* -R: every path below DIR, relative to it, as find0 gives them, in
 * the order of the -lR listing (libguestfs's listing is sorted too).
 */
static int
do_ls_R (const char *dir)
{
  size_t len, n = 0;
  char *buf = ls_find0 (dir, &len), **names;

  if (buf == NULL)
    return -1;
  for (size_t i = 0; i < len; ++i)
    if (buf[i] == '\0')
      n++;
  names = malloc ((n + 1) * sizeof *names);
  if (names == NULL) {
    perror ("malloc");
    exit (EXIT_FAILURE);
  }
  n = 0;
  for (size_t i = 0; i < len; i += strlen (buf + i) + 1)
    names[n++] = buf + i;
  qsort (names, n, sizeof *names, ls_compare_paths);
  for (size_t i = 0; i < n; ++i) {
    if (ls_opts.json) {
      /* find0's names start with '/'. */
      char *path = ls_full_path (dir, names[i] + 1);

      ls_json_name (names[i] + 1, path);
      free (path);
    }
    else
      printf ("%s\n", names[i]);
  }
  free (names);
  free (buf);
  return 0;
}

int
main (int argc, char *argv[])
{
  int c, mode = 0, errors = 0, windows;
  char *root;

  tools_init ("virt-ls", argv, usage, short_options, long_options);
  while ((c = getopt_long (argc, argv, short_options, long_options,
                           NULL)) != -1) {
    if (tools_handle_option (c, optarg))
      continue;
    switch (c) {
    case 'h':
      ls_opts.human = 1;
      break;
    case 'l':
      mode |= LS_MODE_L;
      break;
    case 'R':
      mode |= LS_MODE_R;
      break;
    case OPT_CHECKSUM:
      ls_opts.checksum = optarg && *optarg ? optarg : "md5";
      break;
    case OPT_CSV:
      ls_opts.csv = 1;
      break;
    case OPT_JSON:
      ls_opts.json = 1;
      break;
    case OPT_EXTRA_STATS:
      ls_opts.extra_stats = 1;
      break;
    case OPT_TIMES:
      ls_opts.times = 1;
      break;
    case OPT_TIME_DAYS:
      ls_opts.times = 1;
      ls_opts.time_t_output = 1;
      ls_opts.time_relative = 2;
      break;
    case OPT_TIME_RELATIVE:
      ls_opts.times = 1;
      ls_opts.time_t_output = 1;
      ls_opts.time_relative = 1;
      break;
    case OPT_TIME_T:
      ls_opts.times = 1;
      ls_opts.time_t_output = 1;
      ls_opts.time_relative = 0;
      break;
    case OPT_UIDS:
      ls_opts.uids = 1;
      break;
    default:
      usage (EXIT_FAILURE);
    }
  }

  if (mode != LS_MODE_LR &&
      (ls_opts.csv || ls_opts.human || ls_opts.uids || ls_opts.times ||
       ls_opts.extra_stats || ls_opts.checksum)) {
    fprintf (stderr, "virt-ls: used a flag which can only be combined "
             "with -lR mode\n"
             "For more information, read the virt-ls(1) man page.\n");
    exit (EXIT_FAILURE);
  }
  tools_check_json (ls_opts.json, ls_opts.csv, ls_opts.human);
  if (optind >= argc)
    usage (EXIT_FAILURE);
  tools_check_drives ();

  ls_opts.now = time (NULL);
  tools_add_drives_and_launch ();
  root = tools_mount_guest ();
  windows = tools_is_windows (root);

  for (int i = optind; i < argc; ++i) {
    char *path = NULL;
    const char *dir = argv[i];
    int r;

    if (windows) {
      path = tools_windows_path (root, dir);
      if (path == NULL) {
        errors++;
        continue;
      }
      dir = path;
    }
    if (ls_opts.json)
      ls_json_begin (dir);
    switch (mode) {
    case 0: r = do_ls (dir); break;
    case LS_MODE_L:
      r = ls_opts.json ? ls_long_json (dir) : do_ls_l (dir);
      break;
    case LS_MODE_R: r = do_ls_R (dir); break;
    default: r = ls_long_recursive (dir); break;
    }
    if (r == -1)
      errors++;
    free (path);
  }

  free (root);
  /* One document, with what could be listed; errors went to stderr. */
  if (ls_opts.json)
    ls_json_print ();
  if (fflush (stdout) == EOF) {
    tools_error ("write error: %s", strerror (errno));
    errors++;
  }
  return tools_finish (errors);
}
