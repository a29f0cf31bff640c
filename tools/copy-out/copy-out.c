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
          "  virt-copy-out [--options] -d domname /file|dir [/file|dir ...] localdir\n");
  tools_print_options (NULL);
  printf ("For more information, see the manpage virt-copy-out(1).\n");
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
  int errors = 0;

  tools_init ("virt-copy-out", argv, usage, short_options, long_options);
  tools_parse_options (argc, argv, 2);
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
