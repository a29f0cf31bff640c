/* guestfsd: base64_in and base64_out — a guest file streamed in or out
 * encoded as base64, with nettle's coder, in lines of 76 characters as
 * base64(1) writes them.  Nothing is held whole in memory. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

#include <nettle/base64.h>

#include "daemon.h"
#include "actions.h"
#include "files2.h"

/* 57 bytes make one line of 76 characters. */
#define LINE_IN 57
#define LINE_OUT 76
#define LINES 4096

int
do_base64_out (const char *filename)
{
  static uint8_t in[LINE_IN * LINES];
  static char out[(LINE_OUT + 1) * LINES];
  CLEANUP_CLOSE int fd = -1;
  int64_t total, done = 0;
  bool eof = false;

  fd = open_dev_or_path (filename, false, O_RDONLY, false);
  if (fd == -1)
    return -1;
  total = fd_size (fd);
  reply (NULL, NULL);
  while (!eof) {
    size_t len = 0, olen = 0;
    /* Fill the buffer, so that only the very end has a short line. */
    while (len < sizeof in) {
      ssize_t r = read (fd, in + len, sizeof in - len);
      if (r == -1) {
        int err;
        if (errno == EINTR)
          continue;
        err = errno;
        send_file_end (1);
        errno = err;
        reply_with_perror ("%s: read", filename);
        return -1;
      }
      if (r == 0) {
        eof = true;
        break;
      }
      len += r;
    }
    for (size_t i = 0; i < len; i += LINE_IN) {
      size_t n = len - i < LINE_IN ? len - i : LINE_IN;
      base64_encode_raw (out + olen, n, in + i);
      olen += BASE64_ENCODE_RAW_LENGTH (n);
      out[olen++] = '\n';
    }
    if (olen > 0 && send_file_write (out, olen) == -1)
      return -1;                /* the library cancelled */
    done += len;
    if (total > 0)
      notify_progress (done, total > done ? total : done);
  }
  send_file_end (0);
  return 0;
}

struct decoder {
  struct base64_decode_ctx ctx;
  int fd;
  bool bad;
};

static int
decode_cb (void *opaque, const void *buf, size_t len)
{
  static uint8_t out[BASE64_DECODE_LENGTH (GUESTFS_MAX_CHUNK_SIZE)];
  struct decoder *d = opaque;
  const char *p = buf;

  while (len > 0) {
    size_t n = len > GUESTFS_MAX_CHUNK_SIZE ? GUESTFS_MAX_CHUNK_SIZE : len;
    size_t olen = sizeof out;
    /* White space is skipped; anything else outside the alphabet is an
     * error rather than silently dropped. */
    if (!base64_decode_update (&d->ctx, &olen, out, n, p)) {
      d->bad = true;
      errno = EINVAL;
      return -1;
    }
    if (xwrite (d->fd, out, olen) == -1)
      return -1;
    p += n;
    len -= n;
  }
  return 0;
}

int
do_base64_in (const char *filename)
{
  struct decoder d = { .fd = -1, .bad = false };
  int r;

  /* An error reply before receiving also cancels the incoming stream. */
  d.fd = open_dev_or_path (filename, false, O_WRONLY | O_TRUNC, true);
  if (d.fd == -1)
    return -1;
  base64_decode_init (&d.ctx);
  r = receive_file (decode_cb, &d);
  if (r == -2) {                /* the library cancelled: no reply */
    close (d.fd);
    return -1;
  }
  if (r == 0 && !base64_decode_final (&d.ctx)) {
    d.bad = true;
    r = -1;
  }
  if (r == -1) {
    if (d.bad)
      reply_with_error_errno (EINVAL, "%s: the input is not valid base64", filename);
    else
      reply_with_perror ("%s: write", filename);
    close (d.fd);
    return -1;
  }
  if (close (d.fd) == -1) {
    reply_with_perror ("%s: close", filename);
    return -1;
  }
  return 0;
}
