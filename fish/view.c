/* guestfish: commands that show a guest file with a host program --
 * more/less (the pager: $PAGER, default more; less forces less) and
 * display (an image viewer: $GUESTFISH_DISPLAY_IMAGE, default display).
 * The file is downloaded to a local temporary file, removed afterwards.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "fish.h"

static int
view (const char *cmd, const char *program, const char *path)
{
  char *local = fish_tmpfile ();
  int r;

  if (local == NULL)
    return -1;
  r = guestfs_download (g, path, local);
  if (r == 0)
    r = fish_run_program (cmd, program, local);
  unlink (local);
  free (local);
  return r;
}

int
fish_run_more (const char *cmd, size_t argc, char *argv[])
{
  const char *pager;

  if (argc != 1) {
    fish_wrong_args_seen = 1;
    fprintf (stderr, "use '%s filename' to page a file\n", cmd);
    return -1;
  }
  if (fish_name_matches (cmd, "less"))
    pager = "less";
  else {
    pager = getenv ("PAGER");
    if (pager == NULL || *pager == '\0')
      pager = "more";
  }
  return view (cmd, pager, argv[0]);
}

int
fish_run_display (const char *cmd, size_t argc, char *argv[])
{
  const char *viewer;

  if (argc != 1) {
    fish_wrong_args_seen = 1;
    fprintf (stderr, "display filename\n");
    return -1;
  }
  viewer = getenv ("GUESTFISH_DISPLAY_IMAGE");
  if (viewer == NULL || *viewer == '\0')
    viewer = "display";
  return view (cmd, viewer, argv[0]);
}
