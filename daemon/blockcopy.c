/* guestfsd: copy_device_to_device, copy_device_to_file,
 * copy_file_to_device, copy_file_to_file — copy a range of bytes from a
 * device or guest file to a device or guest file, optionally skipping
 * blocks of zeroes (sparse).  Guest files are opened inside the guest
 * root and must be regular files. */

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

/* The optargs, in the API table's order. */
#define OPT_SRCOFFSET (UINT64_C(1) << 0)
#define OPT_DESTOFFSET (UINT64_C(1) << 1)
#define OPT_SIZE (UINT64_C(1) << 2)
#define OPT_SPARSE (UINT64_C(1) << 3)
#define OPT_APPEND (UINT64_C(1) << 4)

#define BUF_SIZE (1024 * 1024)
/* Granularity of the sparse check. */
#define SPARSE_BLOCK 4096

static bool
all_zero (const char *p, size_t n)
{
  return n == 0 || (p[0] == 0 && memcmp (p, p + 1, n - 1) == 0);
}

int
pwrite_full (int fd, const char *buf, size_t len, off_t off)
{
  while (len > 0) {
    ssize_t r = pwrite (fd, buf, len, off);
    if (r == -1) {
      if (errno == EINTR)
        continue;
      return -1;
    }
    if (r == 0) {
      errno = ENOSPC;
      return -1;
    }
    buf += r;
    len -= r;
    off += r;
  }
  return 0;
}

/* Write buf at off, leaving out (if sparse) the blocks that are zero. */
static int
write_block (int fd, const char *buf, size_t len, off_t off, bool sparse)
{
  size_t i = 0;

  if (!sparse)
    return pwrite_full (fd, buf, len, off);
  while (i < len) {
    size_t start, n;
    /* Skip zero blocks, then write the run of blocks up to the next. */
    while (i < len) {
      n = len - i < SPARSE_BLOCK ? len - i : SPARSE_BLOCK;
      if (!all_zero (buf + i, n))
        break;
      i += n;
    }
    start = i;
    while (i < len) {
      n = len - i < SPARSE_BLOCK ? len - i : SPARSE_BLOCK;
      if (all_zero (buf + i, n))
        break;
      i += n;
    }
    if (i > start && pwrite_full (fd, buf + start, i - start, off + start) == -1)
      return -1;
  }
  return 0;
}

static int
copy (const char *src, bool src_dev, const char *dest, bool dest_dev,
      int64_t srcoffset, int64_t destoffset, int64_t size, int sparse,
      int append)
{
  CLEANUP_FREE char *src_shown = NULL, *dest_shown = NULL, *buf = NULL;
  CLEANUP_CLOSE int sfd = -1, dfd = -1;
  int64_t src_size, total, done = 0;
  const char *sname, *dname;

  src_shown = src_dev ? shown_name (src) : strdup (src);
  dest_shown = dest_dev ? shown_name (dest) : strdup (dest);
  if (src_shown == NULL || dest_shown == NULL) {
    reply_with_perror ("strdup");
    return -1;
  }
  sname = src_shown;
  dname = dest_shown;

  if (!(optargs_bitmask & OPT_SRCOFFSET))
    srcoffset = 0;
  if (!(optargs_bitmask & OPT_DESTOFFSET))
    destoffset = 0;
  if (!(optargs_bitmask & OPT_SIZE))
    size = -1;
  else if (size < 0) {
    reply_with_error_errno (EINVAL, "size is negative");
    return -1;
  }
  sparse = (optargs_bitmask & OPT_SPARSE) && sparse;
  append = (optargs_bitmask & OPT_APPEND) && append;
  if (srcoffset < 0) {
    reply_with_error_errno (EINVAL, "srcoffset is negative");
    return -1;
  }
  if (destoffset < 0) {
    reply_with_error_errno (EINVAL, "destoffset is negative");
    return -1;
  }
  if (append && dest_dev) {
    reply_with_error_errno (EINVAL, "the append flag cannot be set for this call");
    return -1;
  }

  sfd = open_dev_or_path (src, src_dev, O_RDONLY, false);
  if (sfd == -1)
    return -1;
  /* A destination file is made if missing and, unless appending to it,
   * truncated: but not when it is the source itself, which would then
   * be lost. */
  dfd = open_dev_or_path (dest, dest_dev, O_WRONLY, !dest_dev);
  if (dfd == -1)
    return -1;
  if (!dest_dev && !append) {
    struct stat sst, dst;
    if (fstat (sfd, &sst) == -1 || fstat (dfd, &dst) == -1 ||
        ((sst.st_dev != dst.st_dev || sst.st_ino != dst.st_ino) &&
         ftruncate (dfd, 0) == -1)) {
      reply_with_perror ("%s", dname);
      return -1;
    }
  }
  if (append) {
    destoffset = fd_size (dfd);
    if (destoffset == -1) {
      reply_with_perror ("%s", dname);
      return -1;
    }
  }

  src_size = fd_size (sfd);
  if (src_size == -1) {
    reply_with_perror ("%s", sname);
    return -1;
  }
  if (size >= 0 && (srcoffset > src_size || size > src_size - srcoffset)) {
    reply_with_error ("%s: input too short", sname);
    return -1;
  }
  total = size >= 0 ? size : srcoffset < src_size ? src_size - srcoffset : 0;

  buf = malloc (BUF_SIZE);
  if (buf == NULL) {
    reply_with_perror ("malloc");
    return -1;
  }
  while (done < total) {
    size_t n = total - done < BUF_SIZE ? (size_t) (total - done) : BUF_SIZE;
    ssize_t r = pread (sfd, buf, n, srcoffset + done);
    if (r == -1) {
      if (errno == EINTR)
        continue;
      reply_with_perror ("%s: read", sname);
      return -1;
    }
    if (r == 0) {
      /* The source shrank meanwhile. */
      if (size < 0)
        break;
      reply_with_error ("%s: input too short", sname);
      return -1;
    }
    if (write_block (dfd, buf, r, destoffset + done, sparse) == -1) {
      reply_with_perror ("%s: write", dname);
      return -1;
    }
    done += r;
    notify_progress (done, total);
  }

  /* Blocks left out at the end still count for a file's size. */
  if (sparse && !dest_dev && done > 0) {
    int64_t dsize = fd_size (dfd);
    if (dsize == -1 ||
        (dsize < destoffset + done && ftruncate (dfd, destoffset + done) == -1)) {
      reply_with_perror ("%s", dname);
      return -1;
    }
  }
  if (close (dfd) == -1) {
    dfd = -1;
    reply_with_perror ("%s", dname);
    return -1;
  }
  dfd = -1;
  return 0;
}

int
do_copy_device_to_device (const char *src, const char *dest,
                          int64_t srcoffset, int64_t destoffset, int64_t size,
                          int sparse, int append)
{
  return copy (src, true, dest, true, srcoffset, destoffset, size, sparse,
               append);
}

int
do_copy_device_to_file (const char *src, const char *dest,
                        int64_t srcoffset, int64_t destoffset, int64_t size,
                        int sparse, int append)
{
  return copy (src, true, dest, false, srcoffset, destoffset, size, sparse,
               append);
}

int
do_copy_file_to_device (const char *src, const char *dest,
                        int64_t srcoffset, int64_t destoffset, int64_t size,
                        int sparse, int append)
{
  return copy (src, false, dest, true, srcoffset, destoffset, size, sparse,
               append);
}

int
do_copy_file_to_file (const char *src, const char *dest,
                      int64_t srcoffset, int64_t destoffset, int64_t size,
                      int sparse, int append)
{
  return copy (src, false, dest, false, srcoffset, destoffset, size, sparse,
               append);
}
