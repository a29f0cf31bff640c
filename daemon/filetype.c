/* guestfsd: file types — the file call (file(1) on regular files and
 * devices, the type's name for anything else) and is_chardev,
 * is_blockdev, is_fifo, is_socket.  A guest file is opened inside the
 * guest root and handed to file(1) through /proc/self/fd, so the program
 * never resolves a guest path; the last component is examined without
 * following it unless asked to. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

#include "daemon.h"
#include "actions.h"
#include "files.h"
#include "files2.h"

/* is_*'s optarg. */
#define OPT_FOLLOWSYMLINKS (UINT64_C(1) << 0)

/* Run file(1) on name and return its output without the newline. */
static char *
run_file (const char *shown, const char *name, const char *flags)
{
  CLEANUP_FREE char *out = NULL, *err = NULL;
  const char *argv[] = { "file", flags, "--", name, NULL };
  size_t len;
  char *r;
  int status;

  status = commandv (&out, &err, argv, -1);
  if (status != 0) {
    if (err)
      trim_trailing (err);
    reply_with_error ("%s: file: %s", shown,
                      err && *err ? err : status > 0 ? "failed" : "could not run");
    return NULL;
  }
  len = out ? strlen (out) : 0;
  while (len > 0 && out[len - 1] == '\n')
    len--;
  r = strndup (out ? out : "", len);
  if (r == NULL)
    reply_with_perror ("strndup");
  return r;
}

static const char *
type_name (mode_t mode)
{
  switch (mode & S_IFMT) {
  case S_IFDIR: return "directory";
  case S_IFCHR: return "character device";
  case S_IFBLK: return "block device";
  case S_IFIFO: return "FIFO";
  case S_IFLNK: return "symbolic link";
  case S_IFSOCK: return "socket";
  default: return "unknown, not regular file";
  }
}

char *
do_file (const char *path)
{
  CLEANUP_CLOSE int dirfd = -1, fd = -1;
  CLEANUP_FREE char *base = NULL, *proc = NULL, *shown = NULL;
  struct stat st;
  char *r;

  if (is_device_name (path)) {
    shown = shown_name (path);
    /* -s: read the device as if it were a file. */
    return run_file (shown ? shown : path, path, "-zbsL");
  }

  if (last_is_dot (path))
    fd = sysroot_open (path, O_PATH, 0);
  else {
    dirfd = sysroot_open_parent (path, &base);
    if (dirfd >= 0)
      fd = openat (dirfd, base, O_PATH | O_NOFOLLOW | O_CLOEXEC);
  }
  if (fd == -1 || fstat (fd, &st) == -1) {
    reply_with_perror ("%s", path);
    return NULL;
  }
  if (!S_ISREG (st.st_mode)) {
    r = strdup (type_name (st.st_mode));
    if (r == NULL)
      reply_with_perror ("strdup");
    return r;
  }
  /* A regular file: file(1) reads it through an inherited descriptor
   * (-L follows the magic link to exactly this file). */
  close (fd);
  fd = openat (dirfd, base, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY);
  if (fd == -1 || fstat (fd, &st) == -1) {
    reply_with_perror ("%s", path);
    return NULL;
  }
  if (!S_ISREG (st.st_mode)) {
    reply_with_error ("%s: changed while being examined", path);
    return NULL;
  }
  proc = fd_path (fd);
  if (proc == NULL) {
    reply_with_perror ("%s", path);
    return NULL;
  }
  return run_file (path, proc, "-zbL");
}

/* ---- type tests ---- */

static int
is_type (const char *path, int followsymlinks, mode_t type)
{
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *base = NULL;
  bool follow = (optargs_bitmask & OPT_FOLLOWSYMLINKS) && followsymlinks;
  struct stat st;
  int r;

  if (follow || last_is_dot (path)) {
    fd = sysroot_open (path, O_PATH, 0);
    r = fd == -1 ? -1 : fstat (fd, &st);
  }
  else {
    fd = sysroot_open_parent (path, &base);
    r = fd == -1 ? -1 : fstatat (fd, base, &st, AT_SYMLINK_NOFOLLOW);
  }
  if (r == -1) {
    /* Nothing (reachable) there: not one of those. */
    if (errno == ENOENT || errno == ENOTDIR || errno == ELOOP ||
        errno == ENAMETOOLONG || errno == EACCES)
      return 0;
    reply_with_perror ("%s", path);
    return -1;
  }
  return (st.st_mode & S_IFMT) == type;
}

int
do_is_chardev (const char *path, int followsymlinks)
{
  return is_type (path, followsymlinks, S_IFCHR);
}

int
do_is_blockdev (const char *path, int followsymlinks)
{
  return is_type (path, followsymlinks, S_IFBLK);
}

int
do_is_fifo (const char *path, int followsymlinks)
{
  return is_type (path, followsymlinks, S_IFIFO);
}

int
do_is_socket (const char *path, int followsymlinks)
{
  return is_type (path, followsymlinks, S_IFSOCK);
}
