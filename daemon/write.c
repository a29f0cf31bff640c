/* guestfsd: writing guest files — write, write_append, touch — and
 * changing their mode and owner.  Paths resolve inside the guest root;
 * ownership and mode changes act on what the path resolves to. */

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

/* ---- writing ---- */

static int
write_guest_file (const char *path, int flags, const char *content, size_t size)
{
  int fd, fl;

  /* Symlinks are followed, but only inside the guest root.  O_NONBLOCK:
   * opening a FIFO with no reader fails instead of hanging. */
  fd = sysroot_open (path, O_WRONLY | O_CREAT | O_NOCTTY | O_NONBLOCK | flags,
                     0666);
  if (fd == -1) {
    reply_with_perror ("%s", path);
    return -1;
  }
  fl = fcntl (fd, F_GETFL);
  if (fl == -1 || fcntl (fd, F_SETFL, fl & ~O_NONBLOCK) == -1 ||
      xwrite (fd, content, size) == -1) {
    reply_with_perror ("%s", path);
    close (fd);
    return -1;
  }
  /* close reports delayed write errors (ENOSPC, EIO) on some filesystems. */
  if (close (fd) == -1) {
    reply_with_perror ("%s", path);
    return -1;
  }
  return 0;
}

int
do_write (const char *path, const char *content, size_t content_size)
{
  return write_guest_file (path, O_TRUNC, content, content_size);
}

int
do_write_append (const char *path, const char *content, size_t content_size)
{
  return write_guest_file (path, O_APPEND, content, content_size);
}

int
do_touch (const char *path)
{
  CLEANUP_CLOSE int dirfd = -1, fd = -1;
  CLEANUP_FREE char *base = NULL;
  struct stat st;

  dirfd = sysroot_open_parent (path, &base);
  if (dirfd == -1) {
    reply_with_perror ("%s", path);
    return -1;
  }
  /* Only regular files: opening a device node can have side effects. */
  if (fstatat (dirfd, base, &st, AT_SYMLINK_NOFOLLOW) == 0) {
    if (!S_ISREG (st.st_mode)) {
      reply_with_error_errno (EINVAL, "%s: touch can only be used on regular files",
                              path);
      return -1;
    }
    if (utimensat (dirfd, base, NULL, AT_SYMLINK_NOFOLLOW) == -1) {
      reply_with_perror ("%s", path);
      return -1;
    }
    return 0;
  }
  if (errno != ENOENT) {
    reply_with_perror ("%s", path);
    return -1;
  }
  fd = openat (dirfd, base, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
               O_NOCTTY | O_CLOEXEC, 0666);
  if (fd == -1) {
    reply_with_perror ("%s", path);
    return -1;
  }
  return 0;
}

/* ---- mode and owner ---- */

int
do_chmod (int mode, const char *path)
{
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *proc = NULL;

  if (mode < 0) {
    reply_with_error_errno (EINVAL, "%s: mode is negative", path);
    return -1;
  }
  /* Follows symlinks, like chmod(1), inside the root.  fchmod doesn't
   * take an O_PATH fd; the magic link names exactly the resolved file. */
  fd = sysroot_open (path, O_PATH, 0);
  if (fd == -1 || (proc = fd_path (fd)) == NULL || chmod (proc, mode) == -1) {
    reply_with_perror ("%s", path);
    return -1;
  }
  return 0;
}

int
do_chown (int owner, int group, const char *path)
{
  CLEANUP_CLOSE int fd = -1;

  /* -1 leaves the owner or group unchanged, as chown(2) does. */
  fd = sysroot_open (path, O_PATH, 0);
  if (fd == -1 || fchownat (fd, "", owner, group, AT_EMPTY_PATH) == -1) {
    reply_with_perror ("%s", path);
    return -1;
  }
  return 0;
}

