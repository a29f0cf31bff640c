/* guestfsd: initrd_list and initrd_cat — the files of an initramfs (a
 * cpio archive, compressed or not) read with libarchive in the daemon:
 * nothing is unpacked to disk and no guest program runs.  Both replies
 * are bounded (a decompression bomb only costs reading time), and names
 * are returned as stored, less a leading "./" or "/". */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>

#include "daemon.h"
#include "actions.h"
#include "files2.h"

/* Leave room in one reply for the XDR framing. */
#define REPLY_LIMIT ((uint64_t) GUESTFS_STREAM_MAX - 65536)

static struct archive *
open_initrd (const char *path, int fd)
{
  struct archive *a = archive_read_new ();

  if (a == NULL) {
    reply_with_perror ("%s", path);
    return NULL;
  }
  archive_read_support_filter_gzip (a);
  archive_read_support_filter_bzip2 (a);
  archive_read_support_filter_xz (a);
  archive_read_support_filter_lzma (a);
  archive_read_support_filter_zstd (a);
  archive_read_support_filter_lz4 (a);
  archive_read_support_format_cpio (a);
  if (archive_read_open_fd (a, fd, 65536) != ARCHIVE_OK) {
    reply_with_error ("%s: %s", path, archive_error_string (a) ?
                      archive_error_string (a) : "not an initrd");
    archive_read_free (a);
    return NULL;
  }
  return a;
}

/* The name an entry is listed as; NULL for the archive's root ("."). */
static const char *
entry_name (struct archive_entry *e)
{
  const char *n = archive_entry_pathname (e);

  if (n == NULL)
    return NULL;
  while (STRPREFIX (n, "./"))
    n += 2;
  while (*n == '/')
    n++;
  if (*n == '\0' || STREQ (n, "."))
    return NULL;
  return n;
}

/* Next header: 1, 0 at the end, -1 after replying. */
static int
next_entry (struct archive *a, const char *path, struct archive_entry **e)
{
  int r = archive_read_next_header (a, e);

  if (r == ARCHIVE_EOF)
    return 0;
  if (r == ARCHIVE_OK || r == ARCHIVE_WARN)
    return 1;
  reply_with_error ("%s: %s", path, archive_error_string (a) ?
                    archive_error_string (a) : "not an initrd");
  return -1;
}

char **
do_initrd_list (const char *path)
{
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE_STRINGSBUF DECLARE_STRINGSBUF (ret);
  struct archive *a;
  struct archive_entry *e;
  uint64_t size = 4;
  int r;

  fd = open_dev_or_path (path, false, O_RDONLY, false);
  if (fd == -1)
    return NULL;
  a = open_initrd (path, fd);
  if (a == NULL)
    return NULL;
  while ((r = next_entry (a, path, &e)) == 1) {
    const char *n = entry_name (e);
    if (n == NULL)
      continue;
    size += XDR_STRING_SIZE (strlen (n));
    if (size > REPLY_LIMIT) {
      reply_with_error_errno (EFBIG, "%s: too many files to list", path);
      r = -1;
      break;
    }
    if (add_string (&ret, n) == -1) {
      r = -1;
      break;
    }
  }
  archive_read_free (a);
  if (r == -1)
    return NULL;
  if (end_stringsbuf (&ret) == -1)
    return NULL;
  return take_stringsbuf (&ret);
}

char *
do_initrd_cat (const char *initrdpath, const char *filename, size_t *size_r)
{
  CLEANUP_CLOSE int fd = -1;
  struct archive *a;
  struct archive_entry *e;
  const char *want = filename;
  char *buf = NULL;
  int r;

  while (*want == '/')
    want++;
  fd = open_dev_or_path (initrdpath, false, O_RDONLY, false);
  if (fd == -1)
    return NULL;
  a = open_initrd (initrdpath, fd);
  if (a == NULL)
    return NULL;
  while ((r = next_entry (a, initrdpath, &e)) == 1) {
    const char *n = entry_name (e);
    size_t len = 0, alloc = 65536;

    if (n == NULL || STRNEQ (n, want))
      continue;
    if (archive_entry_filetype (e) != AE_IFREG) {
      reply_with_error_errno (EINVAL, "%s: %s: not a regular file",
                              initrdpath, filename);
      r = -1;
      break;
    }
    /* The size in the header is guest data: grow as data arrives. */
    buf = malloc (alloc);
    while (buf) {
      ssize_t n2;
      if (len == alloc) {
        char *nb;
        if (alloc >= REPLY_LIMIT) {
          free (buf);
          buf = NULL;
          reply_with_error_errno (EFBIG, "%s: %s: file too large for one reply",
                                  initrdpath, filename);
          r = -1;
          break;
        }
        alloc *= 2;
        if (alloc > REPLY_LIMIT)
          alloc = REPLY_LIMIT;
        nb = realloc (buf, alloc);
        if (nb == NULL) {
          free (buf);
          buf = NULL;
          break;
        }
        buf = nb;
      }
      n2 = archive_read_data (a, buf + len, alloc - len);
      if (n2 < 0) {
        reply_with_error ("%s: %s: %s", initrdpath, filename,
                          archive_error_string (a) ?
                          archive_error_string (a) : "read error");
        free (buf);
        buf = NULL;
        r = -1;
        break;
      }
      if (n2 == 0)
        break;
      len += n2;
    }
    if (buf == NULL && r != -1) {
      reply_with_perror ("malloc");
      r = -1;
    }
    if (buf)
      *size_r = len;
    break;
  }
  archive_read_free (a);
  if (r == 0) {
    reply_with_error_errno (ENOENT, "%s: %s: not found in the initrd",
                            initrdpath, filename);
    return NULL;
  }
  return r == 1 ? buf : NULL;
}
