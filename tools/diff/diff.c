/* virt-diff: the differences between the files of two guests, with
 * libguestfs's options and output.  The first guest's disks come with
 * -a, the second's with -A (--format and --blocksize apply to both);
 * each guest is launched read-only in its own handle, inspected and
 * mounted, and walked (walk.c); then the two lists are compared
 * (output.c).
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"

struct diff_options diff_opts;

enum {
  OPT_ALL = TOOLS_OPT_TOOL, OPT_ATIME, OPT_CHECKSUM, OPT_CSV, OPT_DIR_LINKS,
  OPT_DIR_TIMES, OPT_EXTRA_STATS, OPT_TIMES, OPT_TIME_T, OPT_TIME_RELATIVE,
  OPT_TIME_DAYS, OPT_UIDS, OPT_XATTRS
};

static const char short_options[] = TOOLS_SHORT_OPTIONS "A:D:h";
static const struct option long_options[] = {
  TOOLS_LONG_OPTIONS,
  { "all", 0, 0, OPT_ALL },
  { "atime", 0, 0, OPT_ATIME },
  { "checksum", 2, 0, OPT_CHECKSUM },
  { "checksums", 2, 0, OPT_CHECKSUM },
  { "csv", 0, 0, OPT_CSV },
  { "dir-link", 0, 0, OPT_DIR_LINKS },
  { "dir-links", 0, 0, OPT_DIR_LINKS },
  { "dir-nlink", 0, 0, OPT_DIR_LINKS },
  { "dir-nlinks", 0, 0, OPT_DIR_LINKS },
  { "dir-time", 0, 0, OPT_DIR_TIMES },
  { "dir-times", 0, 0, OPT_DIR_TIMES },
  { "extra-stat", 0, 0, OPT_EXTRA_STATS },
  { "extra-stats", 0, 0, OPT_EXTRA_STATS },
  { "human-readable", 0, 0, 'h' },
  { "time", 0, 0, OPT_TIMES },
  { "times", 0, 0, OPT_TIMES },
  { "time-days", 0, 0, OPT_TIME_DAYS },
  { "time-relative", 0, 0, OPT_TIME_RELATIVE },
  { "time-t", 0, 0, OPT_TIME_T },
  { "uid", 0, 0, OPT_UIDS },
  { "uids", 0, 0, OPT_UIDS },
  { "xattr", 0, 0, OPT_XATTRS },
  { "xattrs", 0, 0, OPT_XATTRS },
  { 0, 0, 0, 0 }
};

/* The second guest's drives (-A). */
static struct tools_drive *drives2;
static size_t nr_drives2;

static void __attribute__((noreturn))
usage (int status)
{
  if (status != EXIT_SUCCESS)
    tools_try_help ();
  printf ("virt-diff: list differences between virtual machines\n"
          "Copyright (C) 2010-2020 Red Hat Inc.\n"
          "Usage:\n"
          "  virt-diff [--options] -d domain1 -D domain2\n"
          "  virt-diff [--options] -a disk1.img -A disk2.img [-a|-A ...]\n");
  tools_print_options ("  -a|--add image       Add image from first guest\n"
                       "  --all                Same as: --extra-stats --times --uids --xattrs\n"
                       "  --atime              Don't ignore access time changes\n"
                       "  -A image             Add image from second guest\n"
                       "  --blocksize[=512|4096]\n"
                       "                       Set sector size of the disk for -a or -A option\n"
                       "  --checksum[=...]     Use checksum of file content\n"
                       "  --csv                Comma-Separated Values output\n"
                       "  --dir-links          Don't ignore directory nlink changes\n"
                       "  --dir-times          Don't ignore directory time changes\n"
                       "  -d|--domain guest    Add disks from first libvirt guest\n"
                       "  -D guest             Add disks from second libvirt guest\n"
                       "  --extra-stats        Display extra stats\n"
                       "  --format[=raw|..]    Force disk format for -a or -A option\n"
                       "  -h|--human-readable  Human-readable sizes in output\n"
                       "  --times              Display file times\n"
                       "  --time-days          Display file times as days before now\n"
                       "  --time-relative      Display file times as seconds before now\n"
                       "  --time-t             Display file times as time_t's\n"
                       "  --uids               Display UID, GID\n"
                       "  --xattrs             Display extended attributes\n");
  printf ("For more information, see the manpage virt-diff(1).\n");
  exit (EXIT_SUCCESS);
}

/* -A and -D: added through the common code (access check, sticky
 * --format and --blocksize), then moved to the second guest's list.
 */
static void
add_drive2 (int c, const char *arg)
{
  struct tools_drive *nd;

  tools_handle_option (c, arg);
  nd = realloc (drives2, (nr_drives2 + 1) * sizeof *nd);
  if (nd == NULL) {
    perror ("realloc");
    exit (EXIT_FAILURE);
  }
  drives2 = nd;
  drives2[nr_drives2++] = tools.drives[--tools.nr_drives];
}

static void
handle_option (int c, const char *arg)
{
  switch (c) {
  case 'A': add_drive2 ('a', arg); break;
  case 'D': add_drive2 ('d', arg); break;
  case 'h': diff_opts.human = 1; break;
  case OPT_ALL:
    diff_opts.extra_stats = diff_opts.times = diff_opts.uids =
      diff_opts.xattrs = 1;
    break;
  case OPT_ATIME: diff_opts.atime = 1; break;
  case OPT_CHECKSUM: diff_opts.checksum = arg && *arg ? arg : "md5"; break;
  case OPT_CSV: diff_opts.csv = 1; break;
  case OPT_DIR_LINKS: diff_opts.dir_links = 1; break;
  case OPT_DIR_TIMES: diff_opts.dir_times = 1; break;
  case OPT_EXTRA_STATS: diff_opts.extra_stats = 1; break;
  case OPT_TIMES: diff_opts.times = 1; break;
  case OPT_TIME_T:
    diff_opts.times = diff_opts.time_t_output = 1;
    diff_opts.time_relative = 0;
    break;
  case OPT_TIME_RELATIVE:
    diff_opts.times = diff_opts.time_t_output = 1;
    diff_opts.time_relative = 1;
    break;
  case OPT_TIME_DAYS:
    diff_opts.times = diff_opts.time_t_output = 1;
    diff_opts.time_relative = 2;
    break;
  case OPT_UIDS: diff_opts.uids = 1; break;
  case OPT_XATTRS: diff_opts.xattrs = 1; break;
  default:
    if (!tools_handle_option (c, arg))
      usage (EXIT_FAILURE);
  }
}

/* Launch, inspect, mount and walk the guest of tools.g/tools.drives. */
static struct diff_tree *
open_guest (void)
{
  char *root;

  tools_add_drives_and_launch ();
  root = tools_inspect_mount ();
  free (root);
  return diff_walk (tools.g);
}

int
main (int argc, char *argv[])
{
  struct diff_tree *t1, *t2;
  guestfs_h *g1;
  int c, r;

  diff_opts.now = time (NULL);
  tools_init ("virt-diff", argv, usage, short_options, long_options);
  guestfs_set_identifier (tools.g, "g1");
  while ((c = getopt_long (argc, argv, short_options, long_options,
                           NULL)) != -1)
    handle_option (c, optarg);

  if (tools.nr_drives == 0) {
    tools_error ("error: you must specify at least one -a or -d option.");
    tools_try_help ();
  }
  if (nr_drives2 == 0) {
    tools_error ("error: you must specify at least one -A or -D option.");
    tools_try_help ();
  }
  if (diff_opts.human && diff_opts.csv) {
    tools_error ("you cannot use -h and --csv options together.");
    exit (EXIT_FAILURE);
  }
  if (optind != argc) {
    fprintf (stderr, "virt-diff: error: extra argument ‘%s’ on command line.\n"
             "Make sure to specify the argument for --checksum or --format "
             "like '--format=%s'.\n", argv[optind], argv[optind]);
    usage (EXIT_FAILURE);
  }
  tools_check_drives ();

  t1 = open_guest ();

  /* The second guest in a handle of its own, with the same settings. */
  g1 = tools.g;
  tools.g = guestfs_create ();
  if (tools.g == NULL) {
    tools_error ("guestfs_create: failed to create handle");
    exit (EXIT_FAILURE);
  }
  guestfs_set_identifier (tools.g, "g2");
  guestfs_set_verbose (tools.g, guestfs_get_verbose (g1));
  guestfs_set_trace (tools.g, guestfs_get_trace (g1));
  free (tools.drives);
  tools.drives = drives2;
  tools.nr_drives = nr_drives2;
  t2 = t1 ? open_guest () : NULL;

  r = t1 && t2 ? diff_trees (t1, t2) : -1;

  diff_free_tree (t1);
  diff_free_tree (t2);
  guestfs_close (g1);
  guestfs_close (tools.g);
  return r == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
