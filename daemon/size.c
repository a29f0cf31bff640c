/* guestfsd: making files of a given size or content — truncate,
 * truncate_size, fallocate, fallocate64, fill, fill_pattern, fill_dir.
 * Files are opened inside the guest root and must be regular files
 * (open_dev_or_path refuses device nodes and FIFOs). */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

#include "daemon.h"
#include "actions.h"
#include "files2.h"

static int
close_or_reply (int fd, const char *path)
{
  /* close reports delayed write errors (ENOSPC, EIO) on some filesystems. */
  if (close (fd) == -1) {
    reply_with_perror ("%s", path);
    return -1;
  }
  return 0;
}

static int
truncate_guest (const char *path, int64_t size)
{
  int fd;

  if (size < 0) {
    reply_with_error_errno (EINVAL, "%s: size is negative", path);
    return -1;
  }
  fd = open_dev_or_path (path, false, O_WRONLY, false);
  if (fd == -1)
    return -1;
  if (ftruncate (fd, size) == -1) {
    reply_with_perror ("%s", path);
    close (fd);
    return -1;
  }
  return close_or_reply (fd, path);
}

int
do_truncate (const char *path)
{
  return truncate_guest (path, 0);
}

int
do_truncate_size (const char *path, int64_t size)
{
  return truncate_guest (path, size);
}

int
do_fallocate64 (const char *path, int64_t len)
{
  int fd, r;

  if (len <= 0) {
    reply_with_error_errno (EINVAL, "%s: length must be positive", path);
    return -1;
  }
  fd = open_dev_or_path (path, false, O_WRONLY | O_TRUNC, true);
  if (fd == -1)
    return -1;
  r = posix_fallocate (fd, 0, len);
  if (r != 0) {
    errno = r;
    reply_with_perror ("%s", path);
    close (fd);
    return -1;
  }
  return close_or_reply (fd, path);
}

int
do_fallocate (const char *path, int len)
{
  return do_fallocate64 (path, len);
}

/* ---- fill ---- */

/* Write len bytes repeating pattern (of plen bytes) to a new file. */
static int
fill_file (const char *path, const char *pattern, size_t plen, int64_t len)
{
  static char buf[1024 * 1024];
  size_t block;
  int64_t done = 0;
  int fd;

  if (len < 0) {
    reply_with_error_errno (EINVAL, "%s: length is negative", path);
    return -1;
  }
  /* A whole number of patterns, so every block starts with one. */
  block = sizeof buf - sizeof buf % plen;
  for (size_t i = 0; i < block; ++i)
    buf[i] = pattern[i % plen];

  fd = open_dev_or_path (path, false, O_WRONLY | O_TRUNC, true);
  if (fd == -1)
    return -1;
  while (done < len) {
    size_t n = len - done < (int64_t) block ? (size_t) (len - done) : block;
    if (xwrite (fd, buf, n) == -1) {
      reply_with_perror ("%s", path);
      close (fd);
      return -1;
    }
    done += n;
    notify_progress (done, len);
  }
  return close_or_reply (fd, path);
}

int
do_fill (int c, int len, const char *path)
{
  char ch = c;

  if (c < 0 || c > 255) {
    reply_with_error_errno (EINVAL, "%d: the byte must be in the range 0..255", c);
    return -1;
  }
  return fill_file (path, &ch, 1, len);
}

int
do_fill_pattern (const char *pattern, int len, const char *path)
{
  size_t plen = strlen (pattern);

  if (plen == 0) {
    reply_with_error_errno (EINVAL, "pattern string must be non-empty");
    return -1;
  }
  if (plen > 1024 * 1024) {
    reply_with_error_errno (EINVAL, "the pattern is longer than 1 MiB");
    return -1;
  }
  return fill_file (path, pattern, plen, len);
}

int
do_fill_dir (const char *dir, int nr)
{
  CLEANUP_CLOSE int dirfd = -1;

  if (nr < 0) {
    reply_with_error_errno (EINVAL, "%s: the number of files is negative", dir);
    return -1;
  }
  dirfd = sysroot_open (dir, O_PATH | O_DIRECTORY, 0);
  if (dirfd == -1) {
    reply_with_perror ("%s", dir);
    return -1;
  }
  for (int i = 0; i < nr; ++i) {
    char name[16];
    int fd;

    snprintf (name, sizeof name, "%08d", i);
    /* A symlink or FIFO of that name is not followed or waited on. */
    fd = openat (dirfd, name, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW |
                 O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0666);
    if (fd == -1) {
      reply_with_perror ("%s/%s", dir, name);
      return -1;
    }
    if (close (fd) == -1) {
      reply_with_perror ("%s/%s", dir, name);
      return -1;
    }
    notify_progress (i + 1, nr);
  }
  return 0;
}
