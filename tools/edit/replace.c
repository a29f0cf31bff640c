/* virt-edit: putting the edited content in place of the guest file.  It
 * is uploaded to a new file (mktemp) in the same directory, given the
 * original's owner, mode and extended attributes (the SELinux label
 * among them, as libguestfs does), and renamed over the original, so
 * the file is at every moment either the old one or the whole new one.
 * The -b backup is the original itself under the new name (a hard
 * link, or a copy where links are not possible), made just before the
 * rename.  On failure the new file is removed.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"
#include "edit.h"

/* "/a/b/c" -> "/a/b/", "/c" -> "/". */
static char *
parent_dir (const char *path)
{
  const char *slash = strrchr (path, '/');
  char *dir = strndup (path, slash ? (size_t) (slash - path + 1) : 0);

  if (dir == NULL) {
    perror ("strndup");
    exit (EXIT_FAILURE);
  }
  return dir;
}

static int
make_backup (const char *path, const char *backup_ext)
{
  char *backup;
  int r;

  if (asprintf (&backup, "%s%s", path, backup_ext) == -1) {
    perror ("asprintf");
    exit (EXIT_FAILURE);
  }
  guestfs_push_error_handler (tools.g, NULL, NULL);
  r = guestfs_ln_f (tools.g, path, backup);
  guestfs_pop_error_handler (tools.g);
  if (r == -1)
    r = guestfs_cp_a (tools.g, path, backup);
  free (backup);
  return r;
}

int
edit_replace (const char *path, const char *local, const char *backup_ext)
{
  char *dir = parent_dir (path), *tmpl, *newpath;
  int r = -1;

  if (asprintf (&tmpl, "%svirt-edit.XXXXXX", dir) == -1) {
    perror ("asprintf");
    exit (EXIT_FAILURE);
  }
  free (dir);
  newpath = guestfs_mktemp (tools.g, tmpl, -1);
  free (tmpl);
  if (newpath == NULL)
    return -1;

  if (guestfs_upload (tools.g, local, newpath) == 0 &&
      guestfs_copy_attributes (tools.g, path, newpath,
                               GUESTFS_COPY_ATTRIBUTES_ALL, 1, -1) == 0 &&
      (backup_ext == NULL || make_backup (path, backup_ext) == 0) &&
      guestfs_rename (tools.g, newpath, path) == 0)
    r = 0;
  else {
    guestfs_push_error_handler (tools.g, NULL, NULL);
    guestfs_rm_f (tools.g, newpath);
    guestfs_pop_error_handler (tools.g);
  }
  free (newpath);
  return r;
}
