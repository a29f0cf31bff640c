/* libguestfs (guestkit): the call protocol, library side.
 *
 * A call is one message (length word, XDR header, XDR args), or a header
 * with status STREAM followed by the args as chunks when they exceed
 * GUESTFS_MESSAGE_MAX.  FileIn calls then stream the local file as chunks
 * and read the reply; FileOut calls read the reply, then the chunks.
 * Replies larger than one message arrive as STREAM the same way.  A
 * cancel chunk from the daemon is always followed by an error reply.
 * Progress messages (PROGRESS_FLAG + 24 bytes) may arrive at any time.
 *
 * Everything received is checked: lengths against the protocol maxima,
 * header fields against the call, and XDR decoding against the exact
 * message size.  A malformed message kills the appliance: the stream
 * cannot be trusted after it. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <poll.h>
#include <arpa/inet.h>
#include <sys/stat.h>

#include "guestfs.h"
#include "guestfs-internal.h"
#include "guestfs_protocol.h"
#include "errnostring.h"

/* ---- low level ---- */

static void
protocol_error (guestfs_h *g, const char *name, const char *what)
{
  char *msg = safe_asprintf (g, "%s: protocol error: %s", name, what);

  guestfs_int_appliance_died (g, msg);
  free (msg);
}

static int
read_word (guestfs_h *g, uint32_t *w)
{
  if (g->have_unread_word) {
    g->have_unread_word = false;
    *w = g->unread_word;
    return 0;
  }
  if (guestfs_int_conn_read (g, w, 4, -1) == -1)
    return -1;
  *w = ntohl (*w);
  return 0;
}

static int
handle_progress (guestfs_h *g, const char *name)
{
  char buf[24];
  XDR xdr;
  struct guestfs_progress p;
  uint64_t array[4];

  if (guestfs_int_conn_read (g, buf, sizeof buf, -1) == -1)
    return -1;
  xdrmem_create (&xdr, buf, sizeof buf, XDR_DECODE);
  if (!xdr_guestfs_progress (&xdr, &p)) {
    xdr_destroy (&xdr);
    protocol_error (g, name, "malformed progress message");
    return -1;
  }
  xdr_destroy (&xdr);
  if (p.position > p.total)
    p.position = p.total;
  array[0] = p.proc;
  array[1] = p.serial;
  array[2] = p.position;
  array[3] = p.total;
  guestfs_int_call_callbacks_array (g, GUESTFS_EVENT_PROGRESS, array, 4);
  return 0;
}

/* Read the next message, consuming progress messages and stray cancel
 * flags on the way.  *buf is malloc'd. */
static int
recv_message (guestfs_h *g, const char *name, char **buf, uint32_t *len)
{
  uint32_t w;

  for (;;) {
    if (read_word (g, &w) == -1)
      return -1;
    if (w == GUESTFS_PROGRESS_FLAG) {
      if (handle_progress (g, name) == -1)
        return -1;
      continue;
    }
    if (w == GUESTFS_CANCEL_FLAG)
      continue;
    break;
  }
  if (w == GUESTFS_LAUNCH_FLAG) {
    protocol_error (g, name, "unexpected hello from the daemon");
    return -1;
  }
  if (w > GUESTFS_MESSAGE_MAX) {
    protocol_error (g, name, "message length exceeds the maximum");
    return -1;
  }
  *buf = safe_malloc (g, w ? w : 1);
  if (guestfs_int_conn_read (g, *buf, w, -1) == -1) {
    free (*buf);
    return -1;
  }
  *len = w;
  return 0;
}

static int
send_chunk (guestfs_h *g, int cancel, const void *data, size_t len)
{
  uint32_t w[3];
  static const char zero[4];
  size_t pad = (4 - (len & 3)) & 3;

  w[0] = htonl (8 + len + pad);
  w[1] = htonl (cancel);
  w[2] = htonl (len);
  if (guestfs_int_conn_write (g, w, sizeof w) == -1 ||
      (len && guestfs_int_conn_write (g, data, len) == -1) ||
      (pad && guestfs_int_conn_write (g, zero, pad) == -1))
    return -1;
  return 0;
}

/* Receive one chunk into buf (GUESTFS_MAX_CHUNK_SIZE + 4 bytes).
 * Returns data length, 0 at end, -2 for a cancel chunk, -1 on error. */
static ssize_t
recv_chunk (guestfs_h *g, const char *name, char *buf)
{
  uint32_t w[2], len, datalen, pad;

  for (;;) {
    if (read_word (g, &len) == -1)
      return -1;
    if (len == GUESTFS_PROGRESS_FLAG) {
      if (handle_progress (g, name) == -1)
        return -1;
      continue;
    }
    break;
  }
  if (len < 8 || len > 8 + GUESTFS_MAX_CHUNK_SIZE) {
    protocol_error (g, name, "bad chunk length");
    return -1;
  }
  if (guestfs_int_conn_read (g, w, 8, -1) == -1)
    return -1;
  datalen = ntohl (w[1]);
  pad = (4 - (datalen & 3)) & 3;
  if (datalen > GUESTFS_MAX_CHUNK_SIZE || 8 + datalen + pad != len) {
    protocol_error (g, name, "malformed chunk");
    return -1;
  }
  if (guestfs_int_conn_read (g, buf, datalen + pad, -1) == -1)
    return -1;
  if (ntohl (w[0]) != 0)
    return -2;
  return datalen;
}

/* ---- streams out ---- */

/* A source of data to stream: a local file or a memory buffer. */
struct source {
  int fd;                       /* -1: memory */
  const char *mem;
  size_t memlen, mempos;
};

static ssize_t
source_read (struct source *s, char *buf, size_t n)
{
  if (s->fd >= 0) {
    ssize_t r;
    size_t got = 0;
    /* Fill whole chunks even from pipes: fewer, fuller messages. */
    while (got < n) {
      r = read (s->fd, buf + got, n - got);
      if (r == -1 && errno == EINTR)
        continue;
      if (r == -1)
        return got ? (ssize_t) got : -1;
      if (r == 0)
        break;
      got += r;
    }
    return got;
  }
  if (n > s->memlen - s->mempos)
    n = s->memlen - s->mempos;
  memcpy (buf, s->mem + s->mempos, n);
  s->mempos += n;
  return n;
}

enum send_result { SENT = 0, SEND_FAILED = -1, WE_CANCELLED = -2, DAEMON_CANCELLED = -3 };

/* Stream a source as chunks.  On WE_CANCELLED the error is already set. */
static enum send_result
send_stream (guestfs_h *g, const char *name, struct source *s, const char *what)
{
  char *buf = safe_malloc (g, GUESTFS_MAX_CHUNK_SIZE);
  enum send_result ret = SENT;

  for (;;) {
    ssize_t n;

    /* The daemon may have asked us to stop, or sent progress. */
    while (guestfs_int_conn_readable (g)) {
      uint32_t w;
      if (read_word (g, &w) == -1) {
        ret = SEND_FAILED;
        goto out;
      }
      if (w == GUESTFS_PROGRESS_FLAG) {
        if (handle_progress (g, name) == -1) {
          ret = SEND_FAILED;
          goto out;
        }
        continue;
      }
      if (w == GUESTFS_CANCEL_FLAG) {
        ret = send_chunk (g, 1, NULL, 0) == -1 ? SEND_FAILED : DAEMON_CANCELLED;
        goto out;
      }
      protocol_error (g, name, "unexpected message during a file transfer");
      ret = SEND_FAILED;
      goto out;
    }
    if (g->user_cancel) {
      guestfs_int_error_errno (g, EINTR, "%s: operation cancelled by user", name);
      ret = send_chunk (g, 1, NULL, 0) == -1 ? SEND_FAILED : WE_CANCELLED;
      goto out;
    }
    n = source_read (s, buf, GUESTFS_MAX_CHUNK_SIZE);
    if (n == -1) {
      perrorf (g, "%s: %s", name, what);
      ret = send_chunk (g, 1, NULL, 0) == -1 ? SEND_FAILED : WE_CANCELLED;
      goto out;
    }
    if (send_chunk (g, 0, buf, n) == -1) {
      ret = SEND_FAILED;
      goto out;
    }
    if (n == 0)
      break;
  }
 out:
  free (buf);
  return ret;
}

/* The daemon reads the file from the transfer disk: serve progress
 * messages and pass on a user's cancel until its reply starts. */
static enum send_result
wait_disk_transfer (guestfs_h *g, const char *name)
{
  for (;;) {
    int r;
    uint32_t w;

    if (g->user_cancel) {
      uint32_t flag = htonl (GUESTFS_CANCEL_FLAG);
      guestfs_int_error_errno (g, EINTR, "%s: operation cancelled by user", name);
      return guestfs_int_conn_write (g, &flag, 4) == -1 ? SEND_FAILED : WE_CANCELLED;
    }
    r = g->rend > g->rstart ? 1 : guestfs_int_wait_fd (g, g->sock, POLLIN, 100);
    if (r == -1)
      return SEND_FAILED;
    if (r == 0)
      continue;
    if (read_word (g, &w) == -1)
      return SEND_FAILED;
    if (w != GUESTFS_PROGRESS_FLAG) {
      /* The reply (or the daemon's cancel before it): for recv_reply. */
      g->unread_word = w;
      g->have_unread_word = true;
      return SENT;
    }
    if (handle_progress (g, name) == -1)
      return SEND_FAILED;
  }
}

static int
open_local_in (guestfs_h *g, const char *name, const char *filename)
{
  int fd;

  if (STREQ (filename, "/dev/stdin") || STREQ (filename, "-"))
    fd = dup (0);
  else
    fd = open (filename, O_RDONLY | O_CLOEXEC);
  if (fd == -1) {
    perrorf (g, "%s: %s", name, filename);
    return -1;
  }
  posix_fadvise (fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  return fd;
}

/* ---- replies ---- */

/* Read the reply to `call`.  Returns 0 (ret decoded), -1 with the error
 * set, after an error reply or a failure. */
static int
recv_reply (guestfs_h *g, const struct guestfs_int_call *call, unsigned serial,
            bool keep_local_error)
{
  char *buf = NULL, *body = NULL;
  uint32_t len;
  struct guestfs_message_header hdr;
  XDR xdr;
  int ret = -1;

  if (recv_message (g, call->name, &buf, &len) == -1)
    return -1;
  memset (&hdr, 0, sizeof hdr);
  xdrmem_create (&xdr, buf, len, XDR_DECODE);
  if (!xdr_guestfs_message_header (&xdr, &hdr)) {
    protocol_error (g, call->name, "malformed reply header");
    goto out;
  }
  if (hdr.prog != GUESTFS_PROGRAM || hdr.vers != GUESTFS_PROTOCOL_VERSION ||
      hdr.direction != GUESTFS_DIRECTION_REPLY ||
      hdr.proc != (enum guestfs_procedure) call->proc || hdr.serial != serial) {
    protocol_error (g, call->name, "reply does not match the call");
    goto out;
  }

  if (hdr.status == GUESTFS_STATUS_ERROR) {
    struct guestfs_message_error e;
    memset (&e, 0, sizeof e);
    if (!xdr_guestfs_message_error (&xdr, &e) || xdr_getpos (&xdr) != len) {
      xdr_free ((xdrproc_t) xdr_guestfs_message_error, (char *) &e);
      protocol_error (g, call->name, "malformed error reply");
      goto out;
    }
    if (!keep_local_error) {
      int err = e.errno_string[0] ? guestfs_int_string_to_errno (e.errno_string) : 0;
      if (err == ECANCELED && g->user_cancel)
        guestfs_int_error_errno (g, EINTR, "%s: operation cancelled by user", call->name);
      else
        guestfs_int_error_errno (g, err, "%s: %s", call->name, e.error_message);
    }
    xdr_free ((xdrproc_t) xdr_guestfs_message_error, (char *) &e);
    goto out;
  }

  if (hdr.status == GUESTFS_STATUS_STREAM) {
    /* The ret arrives as chunks; collect them, bounded. */
    size_t blen = 0;
    char *chunk = safe_malloc (g, GUESTFS_MAX_CHUNK_SIZE + 4);
    ssize_t n;
    xdr_destroy (&xdr);
    if (!call->ret_xdr || len != xdr_sizeof ((xdrproc_t) xdr_guestfs_message_header, &hdr)) {
      free (chunk);
      protocol_error (g, call->name, "unexpected streamed reply");
      goto out_nodestroy;
    }
    while ((n = recv_chunk (g, call->name, chunk)) > 0) {
      if (blen + n > GUESTFS_STREAM_MAX) {
        free (chunk);
        protocol_error (g, call->name, "streamed reply exceeds the maximum size");
        goto out_nodestroy;
      }
      body = safe_realloc (g, body, blen + n);
      memcpy (body + blen, chunk, n);
      blen += n;
    }
    free (chunk);
    if (n == -1)
      goto out_nodestroy;
    if (n == -2) {
      /* Cancelled by the daemon: an error reply follows. */
      ret = recv_reply (g, call, serial, keep_local_error);
      if (ret == 0) {
        protocol_error (g, call->name, "cancelled reply followed by success");
        ret = -1;
      }
      goto out_nodestroy;
    }
    xdrmem_create (&xdr, body ? body : "", blen, XDR_DECODE);
    len = blen;
  }
  else if (hdr.status != GUESTFS_STATUS_OK) {
    protocol_error (g, call->name, "bad reply status");
    goto out;
  }

  if (call->ret_xdr) {
    if (!call->ret_xdr (&xdr, call->ret) || xdr_getpos (&xdr) != len) {
      xdr_free (call->ret_xdr, call->ret);
      protocol_error (g, call->name, "malformed reply");
      goto out;
    }
  }
  else if (xdr_getpos (&xdr) != len) {
    protocol_error (g, call->name, "unexpected data in reply");
    goto out;
  }
  ret = 0;

 out:
  xdr_destroy (&xdr);
 out_nodestroy:
  free (buf);
  free (body);
  return ret;
}

/* ---- FileOut ---- */

static int
recv_file (guestfs_h *g, const struct guestfs_int_call *call, unsigned serial)
{
  const char *filename = call->fileout;
  char *buf = safe_malloc (g, GUESTFS_MAX_CHUNK_SIZE + 4);
  bool created = false, cancelled = false, local_error = false;
  int fd, ret = -1;
  ssize_t n;

  if (STREQ (filename, "/dev/stdout") || STREQ (filename, "-"))
    fd = dup (1);
  else if (STREQ (filename, "/dev/stderr"))
    fd = dup (2);
  else {
    struct stat st;
    created = stat (filename, &st) == -1 || S_ISREG (st.st_mode);
    fd = open (filename, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOCTTY, 0666);
  }
  if (fd == -1) {
    perrorf (g, "%s: %s", call->name, filename);
    local_error = true;
    created = false;
  }

  for (;;) {
    if (!cancelled && (local_error || g->user_cancel)) {
      uint32_t flag = htonl (GUESTFS_CANCEL_FLAG);
      if (guestfs_int_conn_write (g, &flag, 4) == -1)
        goto out;
      cancelled = true;
    }
    n = recv_chunk (g, call->name, buf);
    if (n == -1)
      goto out;
    if (n == 0)
      break;
    if (n == -2) {
      /* The daemon stopped: its error reply follows. */
      recv_reply (g, call, serial, local_error);
      goto out;
    }
    if (!local_error && !cancelled) {
      size_t off = 0;
      while (off < (size_t) n) {
        ssize_t w = write (fd, buf + off, n - off);
        if (w == -1 && errno == EINTR)
          continue;
        if (w == -1) {
          perrorf (g, "%s: %s", call->name, filename);
          local_error = true;
          break;
        }
        off += w;
      }
    }
  }
  if (local_error || cancelled) {
    if (!local_error)
      guestfs_int_error_errno (g, EINTR, "%s: operation cancelled by user", call->name);
    goto out;
  }
  if (fd >= 0 && close (fd) == -1) {
    fd = -1;
    perrorf (g, "%s: %s", call->name, filename);
    goto out;
  }
  fd = -1;
  ret = 0;

 out:
  if (fd >= 0)
    close (fd);
  if (ret == -1 && created)
    unlink (filename);
  free (buf);
  return ret;
}

/* ---- the call ---- */

int
guestfs_int_rpc (guestfs_h *g, const struct guestfs_int_call *call)
{
  struct guestfs_message_header hdr = {
    .prog = GUESTFS_PROGRAM, .vers = GUESTFS_PROTOCOL_VERSION,
    .proc = call->proc, .direction = GUESTFS_DIRECTION_CALL,
    .serial = g->serial++, .optargs_bitmask = call->optargs_bitmask,
    .status = GUESTFS_STATUS_OK,
  };
  size_t hdrlen, argslen;
  char *msg;
  XDR xdr;
  int filefd = -1;
  enum send_result sr = SENT;
  bool stream, on_disk = false;
  struct filein_disk disk;
  int r;

  g->user_cancel = 0;
  if (call->filein) {
    struct stat st;
    filefd = open_local_in (g, call->name, call->filein);
    if (filefd == -1)
      return -1;
    if (fstat (filefd, &st) == 0 && S_ISREG (st.st_mode)) {
      hdr.progress_hint = st.st_size;
      on_disk = guestfs_int_filein_disk_attach (g, call->name, filefd,
                                                st.st_size, &disk) == 0;
    }
    else
      hdr.progress_hint = g->filein_size_hint;
  }

  argslen = call->args_xdr ? xdr_sizeof (call->args_xdr, call->args) : 0;
  hdrlen = xdr_sizeof ((xdrproc_t) xdr_guestfs_message_header, &hdr);
  stream = hdrlen + argslen > GUESTFS_MESSAGE_MAX;
  if (stream) {
    if (argslen > GUESTFS_STREAM_MAX) {
      error (g, "%s: arguments too large (%zu bytes)", call->name, argslen);
      goto fail;
    }
    hdr.status = GUESTFS_STATUS_STREAM;
  }

  /* Header (and args, unless streamed) in one message. */
  msg = safe_malloc (g, 4 + hdrlen + (stream ? 0 : argslen));
  xdrmem_create (&xdr, msg + 4, hdrlen + (stream ? 0 : argslen), XDR_ENCODE);
  if (!xdr_guestfs_message_header (&xdr, &hdr) ||
      (!stream && call->args_xdr && !call->args_xdr (&xdr, call->args))) {
    xdr_destroy (&xdr);
    free (msg);
    error (g, "%s: could not encode the call", call->name);
    goto fail;
  }
  {
    uint32_t w = htonl (xdr_getpos (&xdr));
    memcpy (msg, &w, 4);
  }
  if (guestfs_int_conn_write (g, msg, 4 + xdr_getpos (&xdr)) == -1) {
    xdr_destroy (&xdr);
    free (msg);
    goto fail;
  }
  xdr_destroy (&xdr);
  free (msg);

  if (stream) {
    struct source src = { .fd = -1 };
    char *args = safe_malloc (g, argslen);
    xdrmem_create (&xdr, args, argslen, XDR_ENCODE);
    if (!call->args_xdr (&xdr, call->args)) {
      /* Cannot happen: sized above.  The daemon waits for chunks. */
      xdr_destroy (&xdr);
      free (args);
      protocol_error (g, call->name, "could not encode the call");
      goto fail;
    }
    xdr_destroy (&xdr);
    src.mem = args;
    src.memlen = argslen;
    sr = send_stream (g, call->name, &src, "arguments");
    free (args);
    if (sr == SEND_FAILED)
      goto fail;
  }

  if (on_disk && sr == SENT) {
    struct guestfs_chunk_disk cd = { .target = disk.d.slot,
                                     .size = hdr.progress_hint };
    char desc[16];
    xdrmem_create (&xdr, desc, sizeof desc, XDR_ENCODE);
    if (!xdr_guestfs_chunk_disk (&xdr, &cd)) {
      xdr_destroy (&xdr);
      protocol_error (g, call->name, "could not encode the disk chunk");
      goto fail;
    }
    r = send_chunk (g, GUESTFS_CHUNK_DISK, desc, xdr_getpos (&xdr));
    xdr_destroy (&xdr);
    if (r == -1)
      goto fail;
    sr = wait_disk_transfer (g, call->name);
    if (sr == SEND_FAILED)
      goto fail;
  }
  else if (call->filein && sr == SENT) {
    struct source src = { .fd = filefd };
    sr = send_stream (g, call->name, &src, call->filein);
    if (sr == SEND_FAILED)
      goto fail;
  }

  r = recv_reply (g, call, hdr.serial, sr == WE_CANCELLED);
  if (r == 0 && sr == WE_CANCELLED) {
    /* The daemon replied OK although we cancelled: keep our error. */
    if (call->ret_xdr)
      xdr_free (call->ret_xdr, call->ret);
    r = -1;
  }
  if (r == 0 && call->fileout)
    r = recv_file (g, call, hdr.serial);
  if (on_disk && guestfs_int_filein_disk_detach (g, call->name, &disk, r == 0) == -1)
    r = -1;
  if (filefd >= 0)
    close (filefd);
  return r;

 fail:
  if (on_disk)
    guestfs_int_filein_disk_detach (g, call->name, &disk, false);
  if (filefd >= 0)
    close (filefd);
  return -1;
}

int
guestfs_int_recv_hello (guestfs_h *g, int timeout_ms)
{
  uint32_t w;

  if (guestfs_int_conn_read (g, &w, 4, timeout_ms) == -1)
    return -1;
  if (ntohl (w) != GUESTFS_LAUNCH_FLAG) {
    error (g, "launch: the appliance sent 0x%x instead of its hello", ntohl (w));
    return -1;
  }
  return 0;
}
