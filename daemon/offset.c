/* guestfsd: reading and writing at an offset — pread, pwrite and their
 * _device forms (one reply or one buffer), download_offset and
 * upload_offset (streamed, no size limit).  Guest files are opened
 * inside the guest root and must be regular files; devices are the
 * caller's disks. */

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

/* The most one pread may return: one reply's opaque. */
#define PREAD_MAX ((int64_t) GUESTFS_STREAM_MAX - 8)

static char *
pread_common (const char *name, bool device, int count, int64_t offset,
              size_t *size_r)
{
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *shown = device ? shown_name (name) : NULL;
  const char *n = shown ? shown : name;
  size_t got = 0;
  char *buf;

  if (count < 0) {
    reply_with_error_errno (EINVAL, "count is negative");
    return NULL;
  }
  if (offset < 0) {
    reply_with_error_errno (EINVAL, "offset is negative");
    return NULL;
  }
  if (count > PREAD_MAX) {
    reply_with_error_errno (EFBIG, "count is too large for one reply; use "
                            "download_offset instead");
    return NULL;
  }
  fd = open_dev_or_path (name, device, O_RDONLY, false);
  if (fd == -1)
    return NULL;
  buf = malloc (count > 0 ? count : 1);
  if (buf == NULL) {
    reply_with_perror ("%s", n);
    return NULL;
  }
  /* Up to count bytes: fewer only at the end of the file. */
  while (got < (size_t) count) {
    ssize_t r = pread (fd, buf + got, count - got, offset + got);
    if (r == -1) {
      if (errno == EINTR)
        continue;
      reply_with_perror ("%s", n);
      free (buf);
      return NULL;
    }
    if (r == 0)
      break;
    got += r;
  }
  *size_r = got;
  return buf;
}

char *
do_pread (const char *path, int count, int64_t offset, size_t *size_r)
{
  return pread_common (path, false, count, offset, size_r);
}

char *
do_pread_device (const char *device, int count, int64_t offset,
                 size_t *size_r)
{
  return pread_common (device, true, count, offset, size_r);
}

static int
pwrite_common (const char *name, bool device, const char *content,
               size_t size, int64_t offset)
{
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *shown = device ? shown_name (name) : NULL;
  const char *n = shown ? shown : name;
  size_t done = 0;

  if (offset < 0) {
    reply_with_error_errno (EINVAL, "offset is negative");
    return -1;
  }
  if (size > INT32_MAX) {
    reply_with_error_errno (EFBIG, "content is too large for this call's result");
    return -1;
  }
  /* The file must exist already. */
  fd = open_dev_or_path (name, device, O_WRONLY, false);
  if (fd == -1)
    return -1;
  while (done < size) {
    ssize_t r = pwrite (fd, content + done, size - done, offset + done);
    if (r == -1) {
      if (errno == EINTR)
        continue;
      /* Like pwrite(2): what was written is reported; an error only
       * when nothing was. */
      if (done > 0)
        break;
      reply_with_perror ("%s", n);
      return -1;
    }
    if (r == 0)
      break;
    done += r;
  }
  if (close (fd) == -1) {
    fd = -1;
    reply_with_perror ("%s", n);
    return -1;
  }
  fd = -1;
  return done;
}

int
do_pwrite (const char *path, const char *content, size_t content_size,
           int64_t offset)
{
  return pwrite_common (path, false, content, content_size, offset);
}

int
do_pwrite_device (const char *device, const char *content,
                  size_t content_size, int64_t offset)
{
  return pwrite_common (device, true, content, content_size, offset);
}

/* ---- streamed ---- */

#define CHUNK (4 * GUESTFS_MAX_CHUNK_SIZE)

int
do_download_offset (const char *remotefilename, int64_t offset, int64_t size)
{
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *shown = NULL, *buf = NULL;
  bool device = is_device_name (remotefilename);
  int64_t done = 0;
  const char *n;

  shown = device ? shown_name (remotefilename) : strdup (remotefilename);
  n = shown ? shown : remotefilename;
  if (offset < 0) {
    reply_with_error_errno (EINVAL, "offset is negative");
    return -1;
  }
  if (size < 0) {
    reply_with_error_errno (EINVAL, "size is negative");
    return -1;
  }
  fd = open_dev_or_path (remotefilename, device, O_RDONLY, false);
  if (fd == -1)
    return -1;
  buf = malloc (CHUNK);
  if (buf == NULL) {
    reply_with_perror ("malloc");
    return -1;
  }
  posix_fadvise (fd, offset, size, POSIX_FADV_SEQUENTIAL);

  /* From here on the reply has gone: errors travel as a cancel chunk
   * followed by an error. */
  reply (NULL, NULL);
  while (done < size) {
    size_t want = size - done < CHUNK ? (size_t) (size - done) : CHUNK;
    ssize_t r = pread (fd, buf, want, offset + done);
    if (r == -1) {
      int err;
      if (errno == EINTR)
        continue;
      err = errno;
      send_file_end (1);
      errno = err;
      reply_with_perror ("%s: read", n);
      return -1;
    }
    if (r == 0)                 /* the end of the file: what there was */
      break;
    if (send_file_write (buf, r) == -1)
      return -1;                /* the library cancelled */
    done += r;
    notify_progress (done, size);
  }
  send_file_end (0);
  return 0;
}

struct upload_pos {
  int fd;
  int64_t pos;
  struct write_behind wb;
};

static int
write_at (void *opaque, const void *buf, size_t len)
{
  struct upload_pos *u = opaque;
  const char *p = buf;

  while (len > 0) {
    ssize_t r = pwrite (u->fd, p, len, u->pos);
    if (r == -1) {
      if (errno == EINTR)
        continue;
      return -1;
    }
    if (r == 0) {
      errno = ENOSPC;
      return -1;
    }
    p += r;
    len -= r;
    u->pos += r;
  }
  write_behind_wrote (&u->wb, u->pos);
  return 0;
}

int
do_upload_offset (const char *remotefilename, int64_t offset)
{
  CLEANUP_FREE char *shown = NULL;
  bool device = is_device_name (remotefilename);
  struct upload_pos u = { .fd = -1, .pos = offset };
  const char *n;
  int r;

  shown = device ? shown_name (remotefilename) : strdup (remotefilename);
  n = shown ? shown : remotefilename;
  /* An error reply before receiving also cancels the incoming stream. */
  if (offset < 0) {
    reply_with_error_errno (EINVAL, "offset is negative");
    return -1;
  }
  /* A missing file is created, with a hole before offset. */
  u.fd = open_dev_or_path (remotefilename, device, O_WRONLY, !device);
  if (u.fd == -1)
    return -1;
  write_behind_init (&u.wb, u.fd, offset);
  r = receive_file (write_at, &u);
  if (r == -2) {                /* the library cancelled: no reply */
    close (u.fd);
    return -1;
  }
  if (r == -1) {
    reply_with_perror ("%s: write", n);
    close (u.fd);
    return -1;
  }
  if (close (u.fd) == -1) {
    reply_with_perror ("%s: close", n);
    return -1;
  }
  return 0;
}
