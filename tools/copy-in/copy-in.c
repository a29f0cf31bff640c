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
          "  virt-copy-in [--options] -d domname file|dir [file|dir ...] /destination\n");
  tools_print_options ("  --ro                 Add the disks read-only (nothing can be copied)\n");
  printf ("For more information, see the manpage virt-copy-in(1).\n");
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
  int errors = 0;

  tools_init ("virt-copy-in", argv, usage, short_options, long_options);
  tools.writable = 1;
  tools_parse_options (argc, argv, 2);
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
