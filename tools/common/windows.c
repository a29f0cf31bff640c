/* tools/common: Windows paths ("C:\Windows\win.ini", "/windows/WIN.INI")
 * turned into paths of the mounted guest, as libguestfs's tools do: a
 * drive letter remounts that drive's filesystem on "/" (from the
 * inspection drive mappings; read-write for a writing tool), backslashes
 * become slashes, and the result is resolved case-insensitively with
 * case_sensitive_path.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

#include "options.h"

int
tools_is_windows (const char *root)
{
  char *type;
  int r;

  if (root == NULL)
    return 0;
  guestfs_push_error_handler (tools.g, NULL, NULL);
  type = guestfs_inspect_get_type (tools.g, root);
  guestfs_pop_error_handler (tools.g);
  r = type && STREQ (type, "windows");
  free (type);
  return r;
}

static void
mount_drive_letter (const char *root, char letter)
{
  char **drives = guestfs_inspect_get_drive_mappings (tools.g, root);
  const char *device = NULL;

  if (drives == NULL || drives[0] == NULL) {
    tools_error ("to use Windows drive letters, this must be a Windows guest");
    exit (EXIT_FAILURE);
  }
  for (size_t i = 0; drives[i] && drives[i+1]; i += 2)
    if (tolower ((unsigned char) drives[i][0]) == letter &&
        drives[i][1] == '\0') {
      device = drives[i+1];
      break;
    }
  if (device == NULL) {
    tools_error ("drive '%c:' not found.", letter);
    exit (EXIT_FAILURE);
  }
  if (guestfs_umount_all (tools.g) == -1 ||
      (tools_read_only () ? guestfs_mount_ro (tools.g, device, "/")
       : guestfs_mount (tools.g, device, "/")) == -1)
    exit (EXIT_FAILURE);
  tools_free_strings (drives);
}

char *
tools_windows_path (const char *root, const char *path)
{
  char *p, *ret;

  if (isalpha ((unsigned char) path[0]) && path[1] == ':') {
    mount_drive_letter (root, tolower ((unsigned char) path[0]));
    path += 2;
  }
  p = strdup (*path ? path : "/");
  if (p == NULL) {
    perror ("strdup");
    exit (EXIT_FAILURE);
  }
  for (char *q = p; *q; ++q)
    if (*q == '\\')
      *q = '/';
  ret = guestfs_case_sensitive_path (tools.g, p);
  free (p);
  return ret;
}
