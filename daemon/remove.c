/* guestfsd: removing guest files and trees — rm, rm_f, rmdir, rm_rf.
 * Single removals act on the last component through the parent's fd (a
 * symlink is removed, not followed); rm_rf walks by directory fd in a
 * child chrooted into the guest root. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include <errno.h>
#include <fcntl.h>
#include <dirent.h>
#include <libgen.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "daemon.h"
#include "actions.h"
#include "files.h"

/* ---- removing ---- */

static int
unlink_guest (const char *path, int flags, bool ignore_missing)
{
  CLEANUP_CLOSE int dirfd = -1;
  CLEANUP_FREE char *base = NULL;

  dirfd = sysroot_open_parent (path, &base);
  if (dirfd == -1 || unlinkat (dirfd, base, flags) == -1) {
    if (ignore_missing && errno == ENOENT)
      return 0;
    reply_with_perror ("%s", path);
    return -1;
  }
  return 0;
}

int
do_rm (const char *path)
{
  return unlink_guest (path, 0, false);
}

int
do_rm_f (const char *path)
{
  return unlink_guest (path, 0, true);
}

int
do_rmdir (const char *path)
{
  return unlink_guest (path, AT_REMOVEDIR, false);
}

/* rm -rf, in the chrooted child.  It works on directory fds and names
 * (unlinkat, openat with O_NOFOLLOW): symlinks are removed, never
 * followed, and no path grows past PATH_MAX however deep the tree.
 * Like rm, it carries on after an error and fails at the end. */
static int rm_rf_errors;

static void
rm_rf_error (const char *path)
{
  if (rm_rf_errors++ < 10)
    fprintf (stderr, "%s: %m\n", path);
}

static void
remove_at (int parent, const char *name, const char *path)
{
  char **names;
  int fd;

  if (unlinkat (parent, name, 0) == 0 || errno == ENOENT)
    return;
  if (errno != EISDIR && errno != EPERM) {
    rm_rf_error (path);
    return;
  }
  fd = openat (parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  /* Names first, removals after: removing entries while readdir is
   * still going may make it skip some. */
  names = fd >= 0 ? read_dir_names (fd) : NULL;
  if (names == NULL) {
    rm_rf_error (path);
    if (fd >= 0)
      close (fd);
    return;
  }
  for (size_t i = 0; names[i]; ++i) {
    char *sub;
    if (asprintf (&sub, "%s/%s", path, names[i]) == -1)
      sub = NULL;
    remove_at (fd, names[i], sub ? sub : names[i]);
    free (sub);
  }
  daemon_free_string_list (names);
  close (fd);
  if (unlinkat (parent, name, AT_REMOVEDIR) == -1 && errno != ENOENT)
    rm_rf_error (path);
}

int
remove_tree (const char *path)
{
  CLEANUP_FREE char *copy = strdup (path);
  char *slash;
  int parent;

  if (copy == NULL) {
    perror (path);
    return -1;
  }
  /* The parent is reached by path (symlinks in it followed, inside the
   * chroot); the last component itself is never followed. */
  slash = strrchr (copy, '/');
  while (slash && slash[1] == '\0' && slash > copy) {
    *slash = '\0';
    slash = strrchr (copy, '/');
  }
  if (slash == NULL) {
    errno = EINVAL;
    perror (path);
    return -1;
  }
  *slash = '\0';
  parent = open (slash == copy ? "/" : copy, O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (parent == -1) {
    if (errno == ENOENT)
      return 0;
    perror (path);
    return -1;
  }
  raise_fd_limit ();
  rm_rf_errors = 0;
  remove_at (parent, slash + 1, path);
  close (parent);
  return rm_rf_errors ? -1 : 0;
}

static int
rm_rf_child (void *path)
{
  return remove_tree (path);
}

int
do_rm_rf (const char *path)
{
  CLEANUP_FREE char *err = NULL;

  /* Like rm(1): "/", "." and ".." would take their parents' contents
   * (that is, likely the whole guest) with them. */
  if (path[strspn (path, "/")] == '\0' || last_is_dot (path)) {
    reply_with_error_errno (EINVAL, "%s: refusing to remove this directory", path);
    return -1;
  }
  if (sysroot_run (rm_rf_child, (void *) path, -1, NULL, NULL, &err) == -1) {
    reply_with_error ("%s", err ? err : "failed");
    return -1;
  }
  return 0;
}

