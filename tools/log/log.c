/* virt-log: print a guest's logs, as libguestfs's virt-log does.  The
 * guest is inspected and mounted read-only; then, by operating system:
 * a Linux guest with files in /var/log/journal gets its systemd journal
 * (journal.c: the files are copied to the host and read with
 * libsystemd's sd-journal), otherwise /var/log/syslog or
 * /var/log/messages is streamed to stdout; Windows Vista and later have
 * System.evtx dumped by python-evtx's script (evtx.c), older Windows is
 * refused.  A guest with no logs at all prints nothing.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"
#include "log.h"

static const char short_options[] = TOOLS_SHORT_OPTIONS;
static const struct option long_options[] = {
  TOOLS_LONG_OPTIONS,
  { 0, 0, 0, 0 }
};

static void __attribute__((noreturn))
usage (int status)
{
  if (status != EXIT_SUCCESS)
    tools_try_help ();
  printf ("virt-log: display log files in a virtual machine\n"
          "Copyright (C) 2010-2020 Red Hat Inc.\n"
          "Usage:\n"
          "  virt-log [--options] -d domname\n"
          "  virt-log [--options] -a disk.img [-a disk.img ...]\n");
  tools_print_options (NULL);
  printf ("For more information, see the manpage virt-log(1).\n");
  exit (EXIT_SUCCESS);
}

/* True if DIR is a directory with at least one entry. */
static int
nonempty_dir (const char *dir)
{
  char **names;
  int r;

  guestfs_push_error_handler (tools.g, NULL, NULL);
  names = guestfs_ls (tools.g, dir);
  guestfs_pop_error_handler (tools.g);
  r = names != NULL && names[0] != NULL;
  tools_free_strings (names);
  return r;
}

static int
text_log (void)
{
  static const char *const files[] = { "/var/log/syslog", "/var/log/messages" };

  for (size_t i = 0; i < sizeof files / sizeof files[0]; ++i) {
    int r;

    guestfs_push_error_handler (tools.g, NULL, NULL);
    r = guestfs_is_file_opts (tools.g, files[i],
                              GUESTFS_IS_FILE_OPTS_FOLLOWSYMLINKS, 1, -1);
    guestfs_pop_error_handler (tools.g);
    if (r == 1)
      return guestfs_download (tools.g, files[i], "/dev/stdout");
  }
  return 0;                     /* no logs: nothing to print, as libguestfs */
}

static int
do_log (const char *root)
{
  char *type = guestfs_inspect_get_type (tools.g, root);
  int r;

  if (type == NULL)
    return -1;
  if (STREQ (type, "windows")) {
    free (type);
    if (guestfs_inspect_get_major_version (tools.g, root) >= 6)
      return log_windows_evtx ();
    tools_error ("Windows Event Log for pre-Vista guests is not supported.");
    return -1;
  }
  if (STREQ (type, "linux") && nonempty_dir (LOG_JOURNAL_DIR))
    r = log_journal ();
  else
    r = text_log ();
  free (type);
  return r;
}

int
main (int argc, char *argv[])
{
  char *root;
  int c, r;

  tools_init ("virt-log", argv, usage, short_options, long_options);
  while ((c = getopt_long (argc, argv, short_options, long_options,
                           NULL)) != -1)
    if (!tools_handle_option (c, optarg))
      usage (EXIT_FAILURE);

  if (optind != argc) {
    fprintf (stderr, "virt-log: error: extra argument ‘%s’ on command line.\n"
             "Make sure to specify the argument for --format like "
             "'--format=%s'.\n", argv[optind], argv[optind]);
    usage (EXIT_FAILURE);
  }
  tools_check_drives ();

  tools_add_drives_and_launch ();
  root = tools_inspect_mount ();
  r = do_log (root);
  free (root);
  if (fflush (stdout) == EOF) {
    perror ("virt-log: stdout");
    r = -1;
  }
  return tools_finish (r == -1);
}
