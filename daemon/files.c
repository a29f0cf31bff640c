/* guestfsd: questions about single guest files — exists, is_file,
 * is_dir, is_symlink, filesize — and symbolic links (readlink, ln_s).
 * The last component is examined through its parent's fd, so a symlink
 * there is looked at, not followed (unless asked to, inside the root). */

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

/* Is the last component "." or ".."?  Those have no parent directory
 * entry to act on (sysroot_open_parent refuses them) and are never
 * symlinks themselves. */
bool
last_is_dot (const char *path)
{
  size_t n = strlen (path);
  size_t start;

  while (n > 1 && path[n - 1] == '/')
    n--;
  start = n;
  while (start > 0 && path[start - 1] != '/')
    start--;
  return (n - start == 1 && path[start] == '.') ||
    (n - start == 2 && path[start] == '.' && path[start + 1] == '.');
}

/* ---- type tests ---- */

/* Errors that mean there is nothing (reachable) at the path. */
static bool
is_absent (int err)
{
  return err == ENOENT || err == ENOTDIR || err == ELOOP ||
    err == ENAMETOOLONG || err == EACCES;
}

/* stat or lstat a guest path.  Returns 1 and fills st, 0 if nothing is
 * there, -1 after replying. */
static int
guest_stat (const char *path, bool follow, struct stat *st)
{
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *base = NULL;
  int r;

  if (follow || last_is_dot (path)) {
    fd = sysroot_open (path, O_PATH, 0);
    r = fd == -1 ? -1 : fstat (fd, st);
  }
  else {
    fd = sysroot_open_parent (path, &base);
    r = fd == -1 ? -1 : fstatat (fd, base, st, AT_SYMLINK_NOFOLLOW);
  }
  if (r == 0)
    return 1;
  if (is_absent (errno))
    return 0;
  reply_with_perror ("%s", path);
  return -1;
}

int
do_exists (const char *path)
{
  struct stat st;

  /* Like access(2): a dangling symlink doesn't exist. */
  return guest_stat (path, true, &st);
}

static int
is_type (const char *path, bool follow, mode_t type)
{
  struct stat st;
  int r = guest_stat (path, follow, &st);

  if (r <= 0)
    return r;
  return (st.st_mode & S_IFMT) == type;
}

int
do_is_file (const char *path, int followsymlinks)
{
  return is_type (path, followsymlinks, S_IFREG);
}

int
do_is_dir (const char *path, int followsymlinks)
{
  return is_type (path, followsymlinks, S_IFDIR);
}

int
do_is_symlink (const char *path)
{
  return is_type (path, false, S_IFLNK);
}

int64_t
do_filesize (const char *file)
{
  CLEANUP_CLOSE int fd = -1;
  struct stat st;

  fd = sysroot_open (file, O_PATH, 0);
  if (fd == -1 || fstat (fd, &st) == -1) {
    reply_with_perror ("%s", file);
    return -1;
  }
  return st.st_size;
}

/* ---- symlinks ---- */

char *
do_readlink (const char *path)
{
  CLEANUP_CLOSE int dirfd = -1;
  CLEANUP_FREE char *base = NULL;
  size_t size = 256;

  dirfd = sysroot_open_parent (path, &base);
  if (dirfd == -1) {
    reply_with_perror ("%s", path);
    return NULL;
  }
  /* Grow until the target fits; a damaged filesystem may claim more
   * than PATH_MAX, so the bound is the reply's string limit. */
  for (;;) {
    char *buf = malloc (size);
    ssize_t n;
    if (buf == NULL) {
      reply_with_perror ("%s", path);
      return NULL;
    }
    n = readlinkat (dirfd, base, buf, size);
    if (n == -1) {
      reply_with_perror ("%s", path);
      free (buf);
      return NULL;
    }
    if ((size_t) n < size) {
      buf[n] = '\0';
      return buf;
    }
    free (buf);
    if (size >= 1024 * 1024) {
      reply_with_error_errno (ENAMETOOLONG, "%s: symlink target is too long", path);
      return NULL;
    }
    size *= 4;
  }
}

/* Like ln -s (-f with force): a link made in an existing directory (or
 * a symlink to one) is named after the target; with force whatever
 * non-directory has the name is replaced. */
int
make_symlink (const char *target, const char *linkname, bool force)
{
  CLEANUP_CLOSE int dirfd = -1;
  CLEANUP_FREE char *base = NULL, *tcopy = NULL;
  const char *tname;

  tcopy = strdup (target);
  if (tcopy == NULL) {
    reply_with_perror ("%s", linkname);
    return -1;
  }
  tname = basename (tcopy);
  dirfd = sysroot_open (linkname, O_PATH | O_DIRECTORY, 0);
  if (dirfd >= 0 && *tname && !STREQ (tname, "/") &&
      !STREQ (tname, ".") && !STREQ (tname, "..")) {
    base = strdup (tname);
    if (base == NULL) {
      reply_with_perror ("%s", linkname);
      return -1;
    }
  }
  else {
    if (dirfd >= 0)
      close (dirfd);
    dirfd = sysroot_open_parent (linkname, &base);
    if (dirfd == -1) {
      reply_with_perror ("%s", linkname);
      return -1;
    }
  }
  if (force && unlinkat (dirfd, base, 0) == -1 && errno != ENOENT) {
    reply_with_perror ("%s", linkname);
    return -1;
  }
  if (symlinkat (target, dirfd, base) == -1) {
    reply_with_perror ("%s", linkname);
    return -1;
  }
  return 0;
}

int
do_ln_s (const char *target, const char *linkname)
{
  return make_symlink (target, linkname, false);
}

