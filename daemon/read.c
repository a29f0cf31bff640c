/* guestfsd: reading guest files whole or in part — cat, read_file,
 * read_lines, head, tail.  Files are opened with sysroot_open, so
 * symlinks resolve inside the guest root; reads are bounded by what one
 * reply can carry and by the appliance's free memory. */

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
#include "files2.h"

/* The most a file read whole may hold: the reply carries it as one XDR
 * string or opaque, with a length word and padding. */
#define READ_MAX ((uint64_t) GUESTFS_STREAM_MAX - 8)

/* ---- reading ---- */

/* Fail cleanly, rather than have the kernel kill the daemon, when a
 * read would need more memory than the appliance has free.  If
 * /proc/meminfo can't be read, the reply size limit alone applies. */
static int
check_memory (const char *path, uint64_t need)
{
  FILE *fp;
  char line[256];
  uint64_t avail_kb = 0;
  bool found = false;

  /* Small reads (nearly all) skip the check and its /proc read. */
  if (need < 64 * 1024 * 1024)
    return 0;
  fp = fopen ("/proc/meminfo", "re");
  if (fp == NULL)
    return 0;
  while (fgets (line, sizeof line, fp))
    if (sscanf (line, "MemAvailable: %" SCNu64 " kB", &avail_kb) == 1) {
      found = true;
      break;
    }
  fclose (fp);
  if (found && need / 1024 > avail_kb) {
    reply_with_error_errno (ENOMEM,
                            "%s: not enough free memory in the appliance "
                            "to read this file (%" PRIu64 " bytes needed); "
                            "use download instead, or a larger memsize",
                            path, need);
    return -1;
  }
  return 0;
}

/* Open a guest file for reading.  O_NONBLOCK keeps a FIFO in the image
 * from blocking the daemon forever; FIFOs, sockets and directories are
 * refused, and O_NONBLOCK is cleared again for the rest (devices). */
int
open_for_reading (const char *path, struct stat *st)
{
  int fd, flags;

  fd = sysroot_open (path, O_RDONLY | O_NOCTTY | O_NONBLOCK, 0);
  if (fd == -1) {
    reply_with_perror ("%s", path);
    return -1;
  }
  if (fstat (fd, st) == -1) {
    reply_with_perror ("%s", path);
    close (fd);
    return -1;
  }
  if (S_ISDIR (st->st_mode)) {
    reply_with_error_errno (EISDIR, "%s: %s", path, strerror (EISDIR));
    close (fd);
    return -1;
  }
  if (S_ISFIFO (st->st_mode) || S_ISSOCK (st->st_mode)) {
    reply_with_error_errno (EINVAL, "%s: not a regular file", path);
    close (fd);
    return -1;
  }
  flags = fcntl (fd, F_GETFL);
  if (flags == -1 || fcntl (fd, F_SETFL, flags & ~O_NONBLOCK) == -1) {
    reply_with_perror ("%s", path);
    close (fd);
    return -1;
  }
  return fd;
}

static int
too_large (const char *path, uint64_t size)
{
  reply_with_error_errno (EFBIG,
                          "%s: file is too large for this call "
                          "(%s%" PRIu64 " bytes, the limit is %" PRIu64 "); "
                          "use download instead",
                          path, size > READ_MAX + 1 ? "" : "at least ",
                          size, READ_MAX);
  return -1;
}

/* Read at most max bytes from fd into a NUL-terminated buffer.  The
 * size of a regular file is used as the first guess, so a big file is
 * read without reallocations, and the buffer only grows once more data
 * has actually arrived.  Replies on error. */
static char *
read_fd (const char *path, int fd, const struct stat *st, uint64_t max,
         size_t *len_r)
{
  size_t alloc, len = 0;
  char *buf;

  alloc = S_ISREG (st->st_mode) && st->st_size > 0 ? (size_t) st->st_size : 65536;
  if (alloc > max)
    alloc = max;
  buf = malloc (alloc + 1);
  if (buf == NULL) {
    reply_with_perror ("%s", path);
    return NULL;
  }
  for (;;) {
    char probe[65536];
    char *dst = len < alloc ? buf + len : probe;
    size_t room = len < alloc ? alloc - len : sizeof probe;
    ssize_t r = read (fd, dst, room);

    if (r == -1) {
      if (errno == EINTR)
        continue;
      reply_with_perror ("%s", path);
      free (buf);
      return NULL;
    }
    if (r == 0)
      break;
    if (dst == probe) {
      size_t want = alloc * 2 > len + r ? alloc * 2 : len + r;
      char *p;
      if (len + r > max) {
        free (buf);
        too_large (path, len + r);
        return NULL;
      }
      if (want > max)
        want = max;
      p = realloc (buf, want + 1);
      if (p == NULL) {
        reply_with_perror ("%s", path);
        free (buf);
        return NULL;
      }
      buf = p;
      alloc = want;
      memcpy (buf + len, probe, r);
    }
    len += r;
  }
  buf[len] = '\0';
  *len_r = len;
  return buf;
}

/* The whole file, NUL-terminated.  copies is how many times the caller
 * will hold its size in memory, for the memory check. */
char *
read_guest_file (const char *path, size_t *len_r, unsigned copies)
{
  CLEANUP_CLOSE int fd = -1;
  struct stat st;

  fd = open_for_reading (path, &st);
  if (fd == -1)
    return NULL;
  if (S_ISREG (st.st_mode)) {
    if ((uint64_t) st.st_size > READ_MAX) {
      too_large (path, st.st_size);
      return NULL;
    }
    if (check_memory (path, (uint64_t) st.st_size * copies) == -1)
      return NULL;
  }
  return read_fd (path, fd, &st, READ_MAX, len_r);
}

char *
do_cat (const char *path)
{
  size_t len;

  /* The file, then its XDR encoding for the reply. */
  return read_guest_file (path, &len, 2);
}

char *
do_read_file (const char *path, size_t *size_r)
{
  return read_guest_file (path, size_r, 2);
}

/* Split buf into lines for a string list reply, refusing a list whose
 * encoding would not fit in one reply before allocating it. */
char **
lines_reply (const char *path, const char *buf, size_t len)
{
  uint64_t xdr_size = 4;
  size_t start = 0, nlines = 0;

  while (start < len) {
    const char *nl = memchr (buf + start, '\n', len - start);
    size_t end = nl ? (size_t) (nl - buf) : len;
    xdr_size += XDR_STRING_SIZE (end - start);
    nlines++;
    start = end + 1;
  }
  if (xdr_size > GUESTFS_STREAM_MAX) {
    reply_with_error_errno (EFBIG,
                            "%s: too many lines for this call (%zu); "
                            "use download instead", path, nlines);
    return NULL;
  }
  if (check_memory (path, xdr_size + nlines * 48) == -1)
    return NULL;
  return split_lines (buf, len);
}

char **
do_read_lines (const char *path)
{
  CLEANUP_FREE char *buf = NULL;
  size_t len;

  buf = read_guest_file (path, &len, 1);
  if (buf == NULL)
    return NULL;
  return lines_reply (path, buf, len);
}

#define HEAD_TAIL_LINES 10

/* The first n lines (n > 0); head_n uses it too. */
char **
head_lines (const char *path, uint64_t n)
{
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *buf = NULL;
  struct stat st;
  size_t alloc = 65536, len = 0, lines = 0, end = 0;
  bool done = false;

  fd = open_for_reading (path, &st);
  if (fd == -1)
    return NULL;
  buf = malloc (alloc);
  if (buf == NULL) {
    reply_with_perror ("%s", path);
    return NULL;
  }
  /* Read until the n-th newline or end of file; however long the
   * lines, never more than one reply can carry. */
  while (!done) {
    ssize_t r;
    if (len == alloc) {
      char *p;
      if (alloc >= READ_MAX) {
        too_large (path, READ_MAX + 1);
        return NULL;
      }
      alloc = alloc * 2 > READ_MAX ? READ_MAX : alloc * 2;
      if (check_memory (path, (uint64_t) alloc * 2) == -1)
        return NULL;
      p = realloc (buf, alloc);
      if (p == NULL) {
        reply_with_perror ("%s", path);
        return NULL;
      }
      buf = p;
    }
    r = read (fd, buf + len, alloc - len);
    if (r == -1) {
      if (errno == EINTR)
        continue;
      reply_with_perror ("%s", path);
      return NULL;
    }
    if (r == 0)
      break;
    for (size_t i = len; i < len + r; ++i)
      if (buf[i] == '\n' && ++lines == n) {
        end = i + 1;
        done = true;
        break;
      }
    len += r;
  }
  if (!done)
    end = len;
  return lines_reply (path, buf, end);
}

char **
do_head (const char *path)
{
  return head_lines (path, HEAD_TAIL_LINES);
}

static int
pread_full (int fd, char *buf, size_t len, off_t off)
{
  while (len > 0) {
    ssize_t r = pread (fd, buf, len, off);
    if (r == -1) {
      if (errno == EINTR)
        continue;
      return -1;
    }
    if (r == 0) {
      errno = EIO;              /* the file shrank under us */
      return -1;
    }
    buf += r;
    len -= r;
    off += r;
  }
  return 0;
}

/* The last n lines (n > 0); tail_n uses it too. */
char **
tail_lines (const char *path, uint64_t n)
{
  static char blk[65536];
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *buf = NULL;
  struct stat st;
  off_t size, pos, start = 0;
  uint64_t lines = 0;
  size_t len;

  fd = open_for_reading (path, &st);
  if (fd == -1)
    return NULL;

  if (!S_ISREG (st.st_mode) || st.st_size == 0) {
    /* Not seekable by size: read it all (bounded), keep the end. */
    const char *p;
    buf = read_fd (path, fd, &st, READ_MAX, &len);
    if (buf == NULL)
      return NULL;
    p = buf + len;
    if (p > buf && p[-1] == '\n')
      p--;
    while (p > buf) {
      if (p[-1] == '\n' && ++lines == n)
        break;
      p--;
    }
    return lines_reply (path, p, len - (p - buf));
  }

  /* Scan backwards from the end for the newline before the last ten
   * lines; the file's final newline ends the last line, it doesn't
   * start another. */
  size = st.st_size;
  pos = size;
  if (pread_full (fd, blk, 1, size - 1) == -1) {
    reply_with_perror ("%s", path);
    return NULL;
  }
  if (blk[0] == '\n')
    pos--;
  while (pos > 0) {
    size_t bn = pos > (off_t) sizeof blk ? sizeof blk : (size_t) pos;
    if (pread_full (fd, blk, bn, pos - bn) == -1) {
      reply_with_perror ("%s", path);
      return NULL;
    }
    for (size_t i = bn; i-- > 0; )
      if (blk[i] == '\n' && ++lines == n) {
        start = pos - bn + i + 1;
        goto found;
      }
    pos -= bn;
  }
 found:
  if ((uint64_t) (size - start) > READ_MAX) {
    too_large (path, size - start);
    return NULL;
  }
  len = size - start;
  if (check_memory (path, (uint64_t) len * 2) == -1)
    return NULL;
  buf = malloc (len + 1);
  if (buf == NULL) {
    reply_with_perror ("%s", path);
    return NULL;
  }
  if (pread_full (fd, buf, len, start) == -1) {
    reply_with_perror ("%s", path);
    return NULL;
  }
  return lines_reply (path, buf, len);
}

char **
do_tail (const char *path)
{
  return tail_lines (path, HEAD_TAIL_LINES);
}
