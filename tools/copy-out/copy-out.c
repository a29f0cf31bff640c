/* virt-copy-out: copy files and directories (recursively) out of a guest
 * into a local directory, as libguestfs's virt-copy-out (guestfish --ro
 * -i copy-out) does.  The disks are always read-only.  The arguments are
 * checked before the appliance starts; then each guest path is copied
 * with copy_out, the first failure stopping the rest.
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
  TOOLS_INSPECTOR_LONG_OPTION,
  TOOLS_MOUNT_LONG_OPTION,
  { 0, 0, 0, 0 }
};

static void __attribute__((noreturn))
usage (int status)
{
  if (status != EXIT_SUCCESS)
    tools_try_help ();
  printf ("virt-copy-out: copy files and directories out of a virtual machine disk image\n"
          "Usage:\n"
          "  virt-copy-out [--options] -a disk.img /file|dir [/file|dir ...] localdir\n"
          "  virt-copy-out [--options] -d domname /file|dir [/file|dir ...] localdir\n"
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
          TOOLS_PROGRESS_USAGE
          "  -v|--verbose         Verbose messages\n"
          "  -V|--version         Display version and exit\n"
          "  -x                   Trace libguestfs API calls\n"
          "For more information, see the manpage virt-copy-out(1).\n");
  exit (EXIT_SUCCESS);
}

/* Everything that can be checked without the guest. */
static void
check_arguments (char *const *sources, size_t n, const char *localdir)
{
  struct stat st;

  for (size_t i = 0; i < n; ++i)
    if (sources[i][0] != '/') {
      tools_error ("%s: guest paths must be absolute (start with /)",
                   sources[i]);
      exit (EXIT_FAILURE);
    }
  if (stat (localdir, &st) == -1) {
    tools_error ("%s: %s", localdir, strerror (errno));
    exit (EXIT_FAILURE);
  }
  if (!S_ISDIR (st.st_mode)) {
    tools_error ("%s: %s", localdir, strerror (ENOTDIR));
    exit (EXIT_FAILURE);
  }
}

int
main (int argc, char *argv[])
{
  const char *localdir;
  char *root;
  int c, errors = 0;

  tools_init ("virt-copy-out", argv, usage, short_options, long_options);
  while ((c = getopt_long (argc, argv, short_options, long_options,
                           NULL)) != -1)
    if (!tools_handle_option (c, optarg))
      usage (EXIT_FAILURE);

  if (argc - optind < 2)
    usage (EXIT_FAILURE);
  tools_check_drives ();
  localdir = argv[argc-1];
  check_arguments (&argv[optind], argc - 1 - optind, localdir);

  tools_add_drives_and_launch ();
  root = tools_mount_guest ();

  for (int i = optind; i < argc - 1; ++i)
    if (guestfs_copy_out (tools.g, argv[i], localdir) == -1) {
      errors++;
      break;
    }

  free (root);
  return tools_finish (errors);
}
