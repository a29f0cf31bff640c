/* guestfsd: is_zero and equal — questions about the contents of guest
 * files, answered by reading them (holes in sparse files are skipped,
 * not read). */

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
#include "files2.h"

#define BLOCK (1024 * 1024)

static bool
all_zero (const char *p, size_t n)
{
  return n == 0 || (p[0] == 0 && memcmp (p, p + 1, n - 1) == 0);
}

int
do_is_zero (const char *path)
{
  static char buf[BLOCK];
  CLEANUP_CLOSE int fd = -1;
  int64_t size;
  off_t pos = 0;

  fd = open_dev_or_path (path, false, O_RDONLY, false);
  if (fd == -1)
    return -1;
  size = fd_size (fd);
  for (;;) {
    ssize_t r;
    /* Holes read as zeroes: go to the next data. */
    off_t data = lseek (fd, pos, SEEK_DATA);
    if (data == -1 && errno == ENXIO)
      return 1;                 /* only a hole until the end */
    if (data > pos)
      pos = data;
    r = pread (fd, buf, sizeof buf, pos);
    if (r == -1) {
      if (errno == EINTR)
        continue;
      reply_with_perror ("%s", path);
      return -1;
    }
    if (r == 0)
      return 1;
    if (!all_zero (buf, r))
      return 0;
    pos += r;
    if (size > 0)
      notify_progress (pos, size > pos ? size : pos);
  }
}

/* Read up to len bytes (fewer only at the end of the file). */
static ssize_t
read_full (int fd, char *buf, size_t len)
{
  size_t got = 0;

  while (got < len) {
    ssize_t r = read (fd, buf + got, len - got);
    if (r == -1) {
      if (errno == EINTR)
        continue;
      return -1;
    }
    if (r == 0)
      break;
    got += r;
  }
  return got;
}

int
do_equal (const char *file1, const char *file2)
{
  CLEANUP_CLOSE int fd1 = -1, fd2 = -1;
  CLEANUP_FREE char *b1 = NULL, *b2 = NULL;
  int64_t size1, size2, done = 0;

  fd1 = open_dev_or_path (file1, false, O_RDONLY, false);
  if (fd1 == -1)
    return -1;
  fd2 = open_dev_or_path (file2, false, O_RDONLY, false);
  if (fd2 == -1)
    return -1;
  size1 = fd_size (fd1);
  size2 = fd_size (fd2);
  if (size1 >= 0 && size2 >= 0 && size1 != size2)
    return 0;
  b1 = malloc (BLOCK);
  b2 = malloc (BLOCK);
  if (b1 == NULL || b2 == NULL) {
    reply_with_perror ("malloc");
    return -1;
  }
  for (;;) {
    ssize_t r1 = read_full (fd1, b1, BLOCK);
    ssize_t r2;
    if (r1 == -1) {
      reply_with_perror ("%s", file1);
      return -1;
    }
    r2 = read_full (fd2, b2, BLOCK);
    if (r2 == -1) {
      reply_with_perror ("%s", file2);
      return -1;
    }
    if (r1 != r2 || memcmp (b1, b2, r1) != 0)
      return 0;
    if (r1 == 0)
      return 1;
    done += r1;
    if (size1 > 0)
      notify_progress (done, size1 > done ? size1 : done);
  }
}
