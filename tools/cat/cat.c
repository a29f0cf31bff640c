/* virt-cat: write files from a guest to stdout.  The guest is inspected
 * and mounted read-only (or the -m filesystems are), and each file is
 * streamed with download to /dev/stdout, so binary data and big files go
 * through untouched and never sit in memory whole.  Windows paths are
 * resolved as on Windows.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"
#include "progress.h"

static const char short_options[] = TOOLS_SHORT_OPTIONS "m:";
static const struct option long_options[] = {
  TOOLS_LONG_OPTIONS,
  TOOLS_PROGRESS_LONG_OPTIONS,
  TOOLS_MOUNT_LONG_OPTION,
  { 0, 0, 0, 0 }
};

static void __attribute__((noreturn))
usage (int status)
{
  if (status != EXIT_SUCCESS)
    tools_try_help ();
  printf ("virt-cat: display files in a virtual machine\n"
          "Copyright (C) 2010 Red Hat Inc.\n"
          "Usage:\n"
          "  virt-cat [--options] -d domname file [file ...]\n"
          "  virt-cat [--options] -a disk.img [-a disk.img ...] file [file ...]\n");
  tools_print_options (NULL);
  printf ("For more information, see the manpage virt-cat(1).\n");
  exit (EXIT_SUCCESS);
}

int
main (int argc, char *argv[])
{
  char *root;
  int windows, errors = 0;

  tools_init ("virt-cat", argv, usage, short_options, long_options);
  tools_parse_options (argc, argv, 1);

  progress_bars_stdout_is_data (1);   /* the files go to stdout */
  tools_add_drives_and_launch ();
  root = tools_mount_guest ();
  windows = tools_is_windows (root);

  for (int i = optind; i < argc; ++i) {
    char *path = NULL;
    const char *file = argv[i];

    if (windows) {
      path = tools_windows_path (root, file);
      if (path == NULL) {
        errors++;
        continue;
      }
      file = path;
    }
    if (guestfs_download (tools.g, file, "/dev/stdout") == -1)
      errors++;
    free (path);
  }

  free (root);
  return tools_finish (errors);
}
