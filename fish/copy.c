/* guestfish: copy-in and copy-out, which copy several local files or
 * directories into one guest directory, or several guest files or
 * directories into one local directory, recursively.  Each source is one
 * call of the library's copy_in / copy_out; the first failure stops.
 */

#include <config.h>

#include <stdio.h>

#include "fish.h"

#ifdef GUESTFS_HAVE_COPY_IN
int
fish_run_copy_in (const char *cmd, size_t argc, char *argv[])
{
  if (argc < 2) {
    fish_wrong_args_seen = 1;
    fprintf (stderr, "use 'copy-in <local> [<local>...] <remotedir>' to "
             "copy files into the image\n");
    return -1;
  }
  for (size_t i = 0; i < argc - 1; ++i)
    if (guestfs_copy_in (g, argv[i], argv[argc-1]) == -1)
      return -1;
  return 0;
}
#endif

#ifdef GUESTFS_HAVE_COPY_OUT
int
fish_run_copy_out (const char *cmd, size_t argc, char *argv[])
{
  if (argc < 2) {
    fish_wrong_args_seen = 1;
    fprintf (stderr, "use 'copy-out <remote> [<remote>...] <localdir>' to "
             "copy files out of the image\n");
    return -1;
  }
  for (size_t i = 0; i < argc - 1; ++i)
    if (guestfs_copy_out (g, argv[i], argv[argc-1]) == -1)
      return -1;
  return 0;
}
#endif
