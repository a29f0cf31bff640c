/* virt-copy-in: copy local files and directories (recursively) into a
 * directory of a guest, as libguestfs's virt-copy-in (guestfish --rw -i
 * copy-in) does.  Every source and the destination are checked before
 * the appliance starts, so a typo copies nothing; then the guest is
 * inspected and mounted read-write (or the -m filesystems are) and each
 * source goes in with copy_in, the first failure stopping the rest.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <sys/stat.h>

#include "options.h"

static const char short_options[] = TOOLS_SHORT_OPTIONS "im:";
static const struct option long_options[] = {
  TOOLS_LONG_OPTIONS,
  TOOLS_PROGRESS_LONG_OPTIONS,
  TOOLS_RW_LONG_OPTION,
  TOOLS_INSPECTOR_LONG_OPTION,
  TOOLS_MOUNT_LONG_OPTION,
  { 0, 0, 0, 0 }
};

static void __attribute__((noreturn))
usage (int status)
{
  if (status != EXIT_SUCCESS)
    tools_try_help ();
  printf ("virt-copy-in: copy files and directories into a virtual machine disk image\n"
          "Usage:\n"
          "  virt-copy-in [--options] -a disk.img file|dir [file|dir ...] /destination\n"
          "  virt-copy-in [--options] -d domname file|dir [file|dir ...] /destination\n"
          "Options:\n"
          "  -a|--add image       Add image\n"
          "  --blocksize[=512|4096]\n"
          "                       Set sector size of the disk for -a option\n"
          "  -c|--connect uri     Specify libvirt URI for -d option\n"
          "  -d|--domain guest    Add disks from libvirt guest\n"
          "  --echo-keys          Don't turn off echo for passphrases\n"
          "  --format[=raw|..]    Force disk format for -a option\n"
          "  --help               Display brief help\n"
          "  -i|--inspector       Inspect and mount the guest (the default)\n"
          "  --key selector       Specify a LUKS key\n"
          "  --keys-from-stdin    Read passphrases from stdin\n"
          "  -m|--mount dev[:mnt[:opts[:fstype]]]\n"
          "                       Mount dev on mnt (if omitted, /)\n"
          "  --ro                 Add the disks read-only (nothing can be copied)\n"
          "  --rw                 Add the disks read-write (the default)\n"
          TOOLS_PROGRESS_USAGE
          "  -v|--verbose         Verbose messages\n"
          "  -V|--version         Display version and exit\n"
          "  -x                   Trace libguestfs API calls\n"
          "For more information, see the manpage virt-copy-in(1).\n");
  exit (EXIT_SUCCESS);
}

/* Everything that can be checked without the guest. */
static void
check_arguments (char *const *sources, size_t n, const char *dest)
{
  struct stat st;

  if (dest[0] != '/') {
    tools_error ("%s: the destination must be an absolute path in the guest "
                 "(starting with /)", dest);
    exit (EXIT_FAILURE);
  }
  for (size_t i = 0; i < n; ++i)
    if (lstat (sources[i], &st) == -1) {
      tools_error ("%s: %s", sources[i], strerror (errno));
      exit (EXIT_FAILURE);
    }
}

int
main (int argc, char *argv[])
{
  const char *dest;
  char *root;
  int c, errors = 0;

  tools_init ("virt-copy-in", argv, usage, short_options, long_options);
  tools.writable = 1;
  while ((c = getopt_long (argc, argv, short_options, long_options,
                           NULL)) != -1)
    if (!tools_handle_option (c, optarg))
      usage (EXIT_FAILURE);

  if (argc - optind < 2)
    usage (EXIT_FAILURE);
  tools_check_drives ();
  dest = argv[argc-1];
  check_arguments (&argv[optind], argc - 1 - optind, dest);

  tools_add_drives_and_launch ();
  root = tools_mount_guest ();

  for (int i = optind; i < argc - 1; ++i)
    if (guestfs_copy_in (tools.g, argv[i], dest) == -1) {
      errors++;
      break;
    }

  free (root);
  return tools_finish (errors);
}
