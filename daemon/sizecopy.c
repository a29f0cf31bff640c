/* guestfsd: the deprecated copy_size and dd — block copies between
 * devices and guest files (Dev_or_Path: a device if the name is one,
 * else a path resolved inside the guest root).  copy_size copies
 * exactly size bytes into an existing destination; dd copies the whole
 * source, creating and truncating a destination file as dd of= does. */

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

#define BUF_SIZE (1024 * 1024)

/* size < 0: up to the end of the source. */
static int
block_copy (const char *src, const char *dest, int64_t size, bool create)
{
  bool sdev = is_device_name (src), ddev = is_device_name (dest);
  CLEANUP_FREE char *sname = shown_name (src), *dname = shown_name (dest);
  CLEANUP_FREE char *buf = NULL;
  CLEANUP_CLOSE int sfd = -1, dfd = -1;
  int64_t total, done = 0, ssize, dsize;
  struct stat sst, dst;

  if (sname == NULL || dname == NULL) {
    reply_with_perror ("malloc");
    return -1;
  }
  sfd = open_dev_or_path (src, sdev, O_RDONLY, false);
  if (sfd == -1)
    return -1;
  dfd = open_dev_or_path (dest, ddev, O_WRONLY, create && !ddev);
  if (dfd == -1)
    return -1;
  ssize = fd_size (sfd);
  if (ssize == -1) {
    reply_with_perror ("%s", sname);
    return -1;
  }
  if (size >= 0 && size > ssize) {
    reply_with_error ("%s: input too short", sname);
    return -1;
  }
  total = size >= 0 ? size : ssize;
  if (ddev) {
    dsize = fd_size (dfd);
    if (dsize == -1) {
      reply_with_perror ("%s", dname);
      return -1;
    }
    if (total > dsize) {
      reply_with_error_errno (ENOSPC, "%s: destination is too small "
                              "(%" PRIi64 " bytes to copy, %" PRIi64 " available)",
                              dname, total, dsize);
      return -1;
    }
  }
  /* dd of= truncates a file, but copying a file onto itself must not
   * lose it. */
  if (create && !ddev) {
    if (fstat (sfd, &sst) == -1 || fstat (dfd, &dst) == -1 ||
        ((sst.st_dev != dst.st_dev || sst.st_ino != dst.st_ino) &&
         ftruncate (dfd, 0) == -1)) {
      reply_with_perror ("%s", dname);
      return -1;
    }
  }

  buf = malloc (BUF_SIZE);
  if (buf == NULL) {
    reply_with_perror ("malloc");
    return -1;
  }
  while (done < total) {
    size_t n = total - done < BUF_SIZE ? (size_t) (total - done) : BUF_SIZE;
    ssize_t r = pread (sfd, buf, n, done);
    if (r == -1) {
      if (errno == EINTR)
        continue;
      reply_with_perror ("%s: read", sname);
      return -1;
    }
    if (r == 0) {
      reply_with_error ("%s: input too short", sname);
      return -1;
    }
    if (pwrite_full (dfd, buf, r, done) == -1) {
      reply_with_perror ("%s: write", dname);
      return -1;
    }
    done += r;
    notify_progress (done, total);
  }
  if (fsync (dfd) == -1 || close (dfd) == -1) {
    dfd = -1;
    reply_with_perror ("%s", dname);
    return -1;
  }
  dfd = -1;
  return 0;
}

int
do_copy_size (const char *src, const char *dest, int64_t size)
{
  if (size < 0) {
    reply_with_error_errno (EINVAL, "size is negative");
    return -1;
  }
  return block_copy (src, dest, size, false);
}

int
do_dd (const char *src, const char *dest)
{
  return block_copy (src, dest, -1, true);
}
