/* virt-tail: follow files in a guest, as libguestfs's virt-tail does.
 * The image is opened, inspected (or the -m filesystems mounted), and
 * each file's size and mtime compared with what was last seen: grown a
 * little, the new bytes are printed; grown a lot, shrunk or rewritten,
 * its last lines.  Then the handle is closed, and the image reopened
 * once a disk has changed (checked every 30 seconds, at least every 5
 * minutes), until ^C, or until every file has gone.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>

#include "options.h"

/* New content larger than this is shown as its last lines only. */
#define TAIL_GREW_A_LOT 10000
/* Seconds between checks of the disks' mtimes, and checks per reopen. */
#define TAIL_POLL 30
#define TAIL_MAX_POLLS 10

static const char short_options[] = TOOLS_SHORT_OPTIONS "fm:";
static const struct option long_options[] = {
  TOOLS_LONG_OPTIONS,
  TOOLS_MOUNT_LONG_OPTION,
  { "follow", 0, 0, 'f' },
  { 0, 0, 0, 0 }
};

struct follow {
  int64_t mtime, size;          /* as last seen */
};

static volatile sig_atomic_t quit;

static void __attribute__((noreturn))
usage (int status)
{
  if (status != EXIT_SUCCESS)
    tools_try_help ();
  printf ("virt-tail: follow (tail) files in a virtual machine\n"
          "Copyright (C) 2016 Red Hat Inc.\n"
          "Usage:\n"
          "  virt-tail [--options] -d domname file [file ...]\n"
          "  virt-tail [--options] -a disk.img [-a disk.img ...] file [file ...]\n");
  tools_print_options ("  -f|--follow          Ignored for compatibility with tail\n");
  printf ("For more information, see the manpage virt-tail(1).\n");
  exit (EXIT_SUCCESS);
}

static void
user_cancel (int sig)
{
  quit = 1;
  guestfs_user_cancel (tools.g);
}

/* The newest mtime of the -a disks, or -1 (reported).  A -d domain's
 * disks are not watched: its guest is reread after the longest wait.
 */
static time_t
disks_mtime (void)
{
  time_t t = 0;

  for (size_t i = 0; i < tools.nr_drives; ++i) {
    struct stat st;

    if (tools.drives[i].filename == NULL)
      continue;
    if (stat (tools.drives[i].filename, &st) == -1) {
      tools_error ("stat: %s: %s", tools.drives[i].filename,
                   strerror (errno));
      return -1;
    }
    if (st.st_mtime > t)
      t = st.st_mtime;
  }
  return t;
}

/* A fresh handle with the old one's settings (the old one is closed). */
static void
reopen_handle (void)
{
  guestfs_h *g2 = guestfs_create ();

  if (g2 == NULL) {
    tools_error ("guestfs_create: failed to create handle");
    exit (EXIT_FAILURE);
  }
  guestfs_set_verbose (g2, guestfs_get_verbose (tools.g));
  guestfs_set_trace (g2, guestfs_get_trace (tools.g));
  guestfs_set_pgroup (g2, 1);
  guestfs_close (tools.g);
  tools.g = g2;
}

static void
show_tail (const char *filename)
{
  char **lines;

  guestfs_push_error_handler (tools.g, NULL, NULL);
  lines = guestfs_tail (tools.g, filename);
  guestfs_pop_error_handler (tools.g);
  for (size_t j = 0; lines && lines[j]; ++j)
    puts (lines[j]);
  tools_free_strings (lines);
}

static void
show_new_bytes (const char *filename, int64_t from, int64_t to)
{
  char *content;
  size_t n;

  guestfs_push_error_handler (tools.g, NULL, NULL);
  content = guestfs_pread (tools.g, filename, (int) (to - from), from, &n);
  guestfs_pop_error_handler (tools.g);
  if (content)
    fwrite (content, 1, n, stdout);
  free (content);
}

/* Check every file once.  Returns how many exist, or -1 on error. */
static int
check_files (int nfiles, char **files, struct follow *seen, int *prev)
{
  char *root = tools_mount_guest ();
  int windows = tools_is_windows (root), processed = 0;

  for (int i = 0; i < nfiles && !quit; ++i) {
    struct guestfs_statns *st;
    char *filename;

    filename = windows ? tools_windows_path (root, files[i])
                       : strdup (files[i]);
    if (filename == NULL) {
      free (root);
      return -1;
    }
    guestfs_push_error_handler (tools.g, NULL, NULL);
    st = guestfs_statns (tools.g, filename);
    guestfs_pop_error_handler (tools.g);
    if (st == NULL) {
      if (guestfs_last_errno (tools.g) != ENOENT) {
        tools_error ("%s: %s", filename, guestfs_last_error (tools.g));
        free (filename);
        free (root);
        return -1;
      }
      /* A missing file counts as empty and new. */
      seen[i].mtime = time (NULL);
      seen[i].size = 0;
      free (filename);
      continue;
    }
    processed++;
    if (seen[i].mtime != st->st_mtime_sec || seen[i].size != st->st_size) {
      if (i != *prev)
        printf ("\n\n--- %s ---\n\n", filename);
      *prev = i;
      if (st->st_size > seen[i].size &&
          st->st_size <= seen[i].size + TAIL_GREW_A_LOT)
        show_new_bytes (filename, seen[i].size, st->st_size);
      else                      /* grew a lot, shrank or rewritten */
        show_tail (filename);
      fflush (stdout);
      seen[i].mtime = st->st_mtime_sec;
      seen[i].size = st->st_size;
    }
    guestfs_free_statns (st);
    free (filename);
  }
  free (root);
  return processed;
}

static int
do_tail (int nfiles, char **files)
{
  struct follow *seen = calloc (nfiles, sizeof *seen);
  struct sigaction sa;
  int first = 1, prev = -1, r = 0;

  if (seen == NULL) {
    perror ("calloc");
    return -1;
  }
  memset (&sa, 0, sizeof sa);
  sa.sa_handler = user_cancel;
  sa.sa_flags = SA_RESTART;
  sigaction (SIGINT, &sa, NULL);
  sigaction (SIGQUIT, &sa, NULL);
  sigaction (SIGTERM, &sa, NULL);
  /* ^C reaches us, not qemu: the appliance is shut down cleanly. */
  guestfs_set_pgroup (tools.g, 1);

  while (!quit) {
    int processed;

    tools_add_drives_and_launch ();
    processed = check_files (nfiles, files, seen, &prev);
    if (processed == -1) {
      r = -1;
      break;
    }
    if (processed == 0 && !quit) {
      if (first) {
        tools_error ("error: none of the files were found in the disk image");
        r = -1;
      }
      else
        printf ("virt-tail: all files deleted, exiting\n");
      break;
    }
    guestfs_shutdown (tools.g);

    /* Wait for a disk to change: at least one poll, at most ten. */
    for (int i = 0; i < TAIL_MAX_POLLS && !quit; ++i) {
      time_t before = time (NULL), t;

      sleep (TAIL_POLL);
      if ((t = disks_mtime ()) == -1) {
        free (seen);
        return -1;
      }
      if (t >= before)
        break;
    }
    reopen_handle ();
    first = 0;
  }
  free (seen);
  return r;
}

int
main (int argc, char *argv[])
{
  int c, r;

  tools_init ("virt-tail", argv, usage, short_options, long_options);
  while ((c = getopt_long (argc, argv, short_options, long_options,
                           NULL)) != -1) {
    if (c == 'f')
      continue;                 /* ignored, as tail -f */
    if (!tools_handle_option (c, optarg))
      usage (EXIT_FAILURE);
  }

  if (optind >= argc) {
    fprintf (stderr, "virt-tail: error: missing filenames on command line.\n"
             "Please specify at least one file to follow.\n");
    usage (EXIT_FAILURE);
  }
  tools_check_drives ();

  r = do_tail (argc - optind, &argv[optind]);
  guestfs_close (tools.g);
  return r == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
