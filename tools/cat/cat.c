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
          "  virt-cat [--options] -a disk.img [-a disk.img ...] file [file ...]\n"
          "Options:\n"
          "  -a|--add image       Add image\n"
          "  --blocksize[=512|4096]\n"
          "                       Set sector size of the disk for -a option\n"
          "  -c|--connect uri     Specify libvirt URI for -d option\n"
          "  -d|--domain guest    Add disks from libvirt guest\n"
          "  --echo-keys          Don't turn off echo for passphrases\n"
          "  --format[=raw|..]    Force disk format for -a option\n"
          "  --help               Display brief help\n"
          "  --key selector       Specify a LUKS key\n"
          "  --keys-from-stdin    Read passphrases from stdin\n"
          "  -m|--mount dev[:mnt[:opts[:fstype]]]\n"
          "                       Mount dev on mnt (if omitted, /)\n"
          TOOLS_PROGRESS_USAGE
          "  -v|--verbose         Verbose messages\n"
          "  -V|--version         Display version and exit\n"
          "  -x                   Trace libguestfs API calls\n"
          "For more information, see the manpage virt-cat(1).\n");
  exit (EXIT_SUCCESS);
}

int
main (int argc, char *argv[])
{
  char *root;
  int c, windows, errors = 0;

  tools_init ("virt-cat", argv, usage, short_options, long_options);
  while ((c = getopt_long (argc, argv, short_options, long_options,
                           NULL)) != -1)
    if (!tools_handle_option (c, optarg))
      usage (EXIT_FAILURE);

  if (optind >= argc)
    usage (EXIT_FAILURE);
  tools_check_drives ();

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
