/* guestfish: the hexedit command.  The whole file or device, or the
 * range given as "max" or "start max" (sizes, suffixes allowed), is
 * downloaded into a local temporary file, edited with $HEXEDITOR
 * (default hexedit) and, if it was changed, written back at the same
 * offset.  Without a range, files and devices over 16 MiB are refused,
 * so that a stray "hexedit /dev/sda" does not download a whole disk.
 * Compiled in when the library has download-offset and upload-offset.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "fish.h"

#if defined(GUESTFS_HAVE_DOWNLOAD_OFFSET) && defined(GUESTFS_HAVE_UPLOAD_OFFSET)

#define MAX_WHOLE (16 * 1024 * 1024)

static int64_t
get_size (const char *path)
{
  if (STRPREFIX (path, "/dev/"))
    return guestfs_blockdev_getsize64 (g, path);
  return guestfs_filesize (g, path);
}

int
fish_run_hexedit (const char *cmd, size_t argc, char *argv[])
{
  const char *path = argv[0], *editor;
  struct fish_file_state before, after;
  int64_t size, start = 0, max;
  char *local;
  int r = -1;

  if (argc < 1 || argc > 3) {
    fish_wrong_args_seen = 1;
    fprintf (stderr, "hexedit (device|filename) [max | start max]\n");
    return -1;
  }
  size = get_size (path);
  if (size == -1)
    return -1;
  if (size == 0) {
    fprintf (stderr, "hexedit: %s is a zero length file or device\n", path);
    return -1;
  }

  if (argc == 1) {
    if (size > MAX_WHOLE) {
      fprintf (stderr,
               "hexedit: %s is larger than 16MB. You must supply a limit using\n"
               "  'hexedit %s <max>' (eg. 'hexedit %s 1M') or a range using\n"
               "  'hexedit %s <start> <max>'.\n", path, path, path, path);
      return -1;
    }
    max = size;
  }
  else {
    if (argc == 3 && fish_parse_size (argv[1], &start) == -1)
      return -1;
    if (fish_parse_size (argv[argc-1], &max) == -1)
      return -1;
    if (start >= size)
      max = 0;
    else if (max > size - start)
      max = size - start;
  }
  if (max <= 0) {
    fprintf (stderr, "hexedit: invalid range\n");
    return -1;
  }

  editor = getenv ("HEXEDITOR");
  if (editor == NULL || *editor == '\0')
    editor = "hexedit";

  local = fish_tmpfile ();
  if (local == NULL)
    return -1;
  if (guestfs_download_offset (g, path, local, start, max) == -1 ||
      fish_file_state (local, &before) == -1 ||
      fish_run_program (cmd, editor, local) == -1 ||
      fish_file_state (local, &after) == -1)
    goto out;

  r = 0;
  if (fish_file_changed (&before, &after))
    r = guestfs_upload_offset (g, local, path, start);

 out:
  unlink (local);
  free (local);
  return r;
}

#endif
