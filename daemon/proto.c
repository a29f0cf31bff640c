/* guestfsd protocol: reads calls from the virtio-serial channel,
 * dispatches them to the generated stubs, and writes replies, error
 * replies, file chunks and progress messages.  Everything the library
 * sends is length-checked before it is read. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <stdarg.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <poll.h>
#include <time.h>
#include <arpa/inet.h>
#include <sys/uio.h>

#include "daemon.h"
#include "errnostring.h"

uint64_t optargs_bitmask;
int proc_nr;
unsigned proc_serial;

static int chan = -1;
static uint64_t progress_hint;

/* Per-call protocol state. */
static bool reply_sent;
static bool filein_pending;       /* a FileIn stream is still unread */
static bool fileout_need_error;   /* a cancel chunk was sent, error due */
static bool call_cancelled;       /* the library cancelled our FileIn */

/* Buffered reads: calls and chunks arrive in pieces from the port. */
static unsigned char rbuf[256 * 1024];
static size_t rbuf_start, rbuf_end;
/* Reads at least this long bypass rbuf. */
#define DIRECT_READ_MIN 4096

static void __attribute__((noreturn))
fatal (const char *msg)
{
  fprintf (stderr, "guestfsd: fatal: %s\n", msg);
  exit (EXIT_FAILURE);
}

static int
chan_read (void *buf, size_t n)
{
  unsigned char *p = buf;

  while (n > 0) {
    if (rbuf_start == rbuf_end && n >= DIRECT_READ_MIN) {
      /* Chunk data goes straight where it is wanted: under TCG every
       * copy in the guest costs. */
      ssize_t r = read (chan, p, n);
      if (r == -1 && errno == EINTR)
        continue;
      if (r <= 0)
        return -1;
      p += r;
      n -= r;
      continue;
    }
    if (rbuf_start == rbuf_end) {
      ssize_t r = read (chan, rbuf, sizeof rbuf);
      if (r == -1 && errno == EINTR)
        continue;
      if (r <= 0)
        return -1;
      rbuf_start = 0;
      rbuf_end = r;
    }
    size_t m = rbuf_end - rbuf_start;
    if (m > n)
      m = n;
    memcpy (p, rbuf + rbuf_start, m);
    rbuf_start += m;
    p += m;
    n -= m;
  }
  return 0;
}

static uint32_t
chan_read_word (void)
{
  uint32_t w;

  if (chan_read (&w, 4) == -1)
    fatal ("connection to the library closed");
  return ntohl (w);
}

static void
chan_write (const void *buf, size_t n)
{
  if (xwrite (chan, buf, n) == -1)
    fatal ("write to the library failed");
}

static void
chan_writev (struct iovec *iov, int n)
{
  while (n > 0) {
    ssize_t r = writev (chan, iov, n);
    if (r == -1) {
      if (errno == EINTR)
        continue;
      fatal ("write to the library failed");
    }
    while (n > 0 && (size_t) r >= iov->iov_len) {
      r -= iov->iov_len;
      iov++;
      n--;
    }
    if (n > 0) {
      iov->iov_base = (char *) iov->iov_base + r;
      iov->iov_len -= r;
    }
  }
}

/* Has the library written CANCEL_FLAG?  Polled between outgoing chunks. */
static bool
library_cancelled (void)
{
  struct pollfd pfd = { .fd = chan, .events = POLLIN };

  if (rbuf_end - rbuf_start < 4 && poll (&pfd, 1, 0) <= 0)
    return false;
  return chan_read_word () == GUESTFS_CANCEL_FLAG;
}

bool
daemon_library_cancelled (void)
{
  return library_cancelled ();
}

/* ---- progress ---- */

static struct timespec call_start, last_progress;
static bool progress_sent;

static double
elapsed (const struct timespec *a, const struct timespec *b)
{
  return (b->tv_sec - a->tv_sec) + (b->tv_nsec - a->tv_nsec) / 1e9;
}

void
notify_progress (uint64_t position, uint64_t total)
{
  struct timespec now;
  unsigned char msg[4 + 24];
  XDR xdr;
  struct guestfs_progress p;
  uint32_t flag = htonl (GUESTFS_PROGRESS_FLAG);

  clock_gettime (CLOCK_MONOTONIC, &now);
  /* The first message comes after 2 s, then at most 3 a second; the
   * final one (position == total) always follows earlier ones. */
  if (!(position == total && progress_sent)) {
    if (elapsed (&call_start, &now) < 2.0)
      return;
    if (progress_sent && elapsed (&last_progress, &now) < 0.333)
      return;
  }
  last_progress = now;
  progress_sent = true;

  memcpy (msg, &flag, 4);
  p.proc = proc_nr;
  p.serial = proc_serial;
  p.position = position;
  p.total = total;
  xdrmem_create (&xdr, (char *) msg + 4, 24, XDR_ENCODE);
  if (!xdr_guestfs_progress (&xdr, &p))
    fatal ("could not encode progress message");
  xdr_destroy (&xdr);
  chan_write (msg, sizeof msg);
}

void
notify_progress_pulse (void)
{
  notify_progress (0, 1);
}

/* ---- replies ---- */

static void
send_header_and_body (struct guestfs_message_header *hdr,
                      xdrproc_t xdrp, char *ret)
{
  size_t hdrlen = xdr_sizeof ((xdrproc_t) xdr_guestfs_message_header, hdr);
  size_t bodylen = xdrp ? xdr_sizeof (xdrp, ret) : 0;
  bool stream = hdrlen + bodylen > GUESTFS_MESSAGE_MAX;
  char *buf;
  XDR xdr;
  uint32_t len;

  if (stream && bodylen > GUESTFS_STREAM_MAX) {
    reply_sent = false;
    reply_with_error ("reply is too large (%zu bytes)", bodylen);
    return;
  }
  if (stream)
    hdr->status = GUESTFS_STATUS_STREAM;

  buf = malloc (4 + hdrlen + (stream ? 0 : bodylen));
  if (buf == NULL)
    fatal ("out of memory encoding reply");
  xdrmem_create (&xdr, buf + 4, hdrlen + (stream ? 0 : bodylen), XDR_ENCODE);
  if (!xdr_guestfs_message_header (&xdr, hdr))
    fatal ("could not encode reply header");
  if (!stream && xdrp && !xdrp (&xdr, ret))
    fatal ("could not encode reply");
  len = htonl (xdr_getpos (&xdr));
  memcpy (buf, &len, 4);
  chan_write (buf, 4 + xdr_getpos (&xdr));
  xdr_destroy (&xdr);
  free (buf);

  if (stream) {
    /* The body follows as a chunk stream ending with an empty chunk. */
    char *body = malloc (bodylen);
    if (body == NULL)
      fatal ("out of memory encoding reply");
    xdrmem_create (&xdr, body, bodylen, XDR_ENCODE);
    if (!xdrp (&xdr, ret))
      fatal ("could not encode reply");
    xdr_destroy (&xdr);
    fileout_need_error = false;
    if (send_file_write (body, bodylen) == 0)
      send_file_end (0);
    free (body);
  }
}

void
reply (xdrproc_t xdrp, char *ret)
{
  struct guestfs_message_header hdr = {
    .prog = GUESTFS_PROGRAM, .vers = GUESTFS_PROTOCOL_VERSION,
    .proc = proc_nr, .direction = GUESTFS_DIRECTION_REPLY,
    .serial = proc_serial, .status = GUESTFS_STATUS_OK,
  };

  if (reply_sent) {
    fprintf (stderr, "guestfsd: %s: second reply dropped\n",
             daemon_procs[proc_nr].name);
    return;
  }
  reply_sent = true;
  send_header_and_body (&hdr, xdrp, ret);
}

static void
send_error (int err, const char *msg)
{
  struct guestfs_message_header hdr = {
    .prog = GUESTFS_PROGRAM, .vers = GUESTFS_PROTOCOL_VERSION,
    .proc = proc_nr, .direction = GUESTFS_DIRECTION_REPLY,
    .serial = proc_serial, .status = GUESTFS_STATUS_ERROR,
  };
  struct guestfs_message_error e;
  const char *name = err ? guestfs_int_errno_to_string (err) : NULL;
  char *m = strndup (msg, GUESTFS_ERROR_LEN - 1);

  if (m == NULL)
    fatal ("out of memory");
  if (filein_pending)
    cancel_receive ();
  if (reply_sent && !fileout_need_error) {
    fprintf (stderr, "guestfsd: error after reply dropped: %s\n", m);
    free (m);
    return;
  }
  reply_sent = true;
  fileout_need_error = false;
  if (verbose)
    fprintf (stderr, "guestfsd: error: %s\n", m);
  e.errno_string = (char *) (name ? name : "");
  e.error_message = m;
  send_header_and_body (&hdr, (xdrproc_t) xdr_guestfs_message_error, (char *) &e);
  free (m);
}

static void
vreply_error (int err, bool add_strerror, const char *fs, va_list args)
{
  char *msg;

  if (vasprintf (&msg, fs, args) == -1)
    fatal ("out of memory");
  if (add_strerror) {
    char *m2;
    if (asprintf (&m2, "%s: %s", msg, strerror (err)) == -1)
      fatal ("out of memory");
    free (msg);
    msg = m2;
  }
  send_error (err, msg);
  free (msg);
}

void
reply_with_error (const char *fs, ...)
{
  va_list args;

  va_start (args, fs);
  vreply_error (0, false, fs, args);
  va_end (args);
}

void
reply_with_error_errno (int err, const char *fs, ...)
{
  va_list args;

  va_start (args, fs);
  vreply_error (err, false, fs, args);
  va_end (args);
}

void
reply_with_perror (const char *fs, ...)
{
  int err = errno;
  va_list args;

  va_start (args, fs);
  vreply_error (err, true, fs, args);
  va_end (args);
}

/* ---- file streams ---- */

/* A chunk on the wire: length word, then XDR guestfs_chunk, i.e. the
 * cancel int, the data length, the data padded to 4 bytes.  Encoded by
 * hand so the data is never copied. */
static void
send_chunk (int cancel, const void *data, size_t len)
{
  static const char zero[4];
  uint32_t w[3];
  size_t pad = (4 - (len & 3)) & 3;
  struct iovec iov[3];

  w[0] = htonl (8 + len + pad);
  w[1] = htonl (cancel);
  w[2] = htonl (len);
  iov[0] = (struct iovec) { w, sizeof w };
  iov[1] = (struct iovec) { (void *) data, len };
  iov[2] = (struct iovec) { (void *) zero, pad };
  chan_writev (iov, pad ? 3 : 2);
}

/* Read one incoming chunk into buf.  Returns the data length, 0 at end
 * of file, -2 if it is a cancel chunk; a DISK chunk returns its length
 * with *disk set. */
static ssize_t
recv_chunk (unsigned char *buf, bool *disk)
{
  uint32_t len = chan_read_word ();
  uint32_t w[2];
  uint32_t datalen, pad;

  if (len < 8 || len > 8 + GUESTFS_MAX_CHUNK_SIZE)
    fatal ("bad chunk length from the library");
  if (chan_read (w, 8) == -1)
    fatal ("connection to the library closed");
  datalen = ntohl (w[1]);
  pad = (4 - (datalen & 3)) & 3;
  if (datalen > GUESTFS_MAX_CHUNK_SIZE || 8 + datalen + pad != len)
    fatal ("malformed chunk from the library");
  if (chan_read (buf, datalen + pad) == -1)
    fatal ("connection to the library closed");
  *disk = ntohl (w[0]) == GUESTFS_CHUNK_DISK;
  if (*disk)
    return datalen;
  if (ntohl (w[0]) != GUESTFS_CHUNK_DATA)
    return -2;
  return datalen;
}

static unsigned char chunkbuf[GUESTFS_MAX_CHUNK_SIZE + 4];

int
cancel_receive (void)
{
  uint32_t flag = htonl (GUESTFS_CANCEL_FLAG);
  ssize_t r;

  if (!filein_pending)
    return 0;
  chan_write (&flag, 4);
  do {
    bool disk;
    r = recv_chunk (chunkbuf, &disk);
    if (disk)                   /* nothing follows a DISK chunk */
      break;
  } while (r > 0);
  filein_pending = false;
  return 0;
}

int
receive_file (receive_cb cb, void *opaque)
{
  uint64_t received = 0;

  if (!filein_pending) {
    errno = EINVAL;
    return -1;
  }
  for (;;) {
    bool disk;
    ssize_t r = recv_chunk (chunkbuf, &disk);
    if (disk) {
      filein_pending = false;
      r = receive_from_disk (chunkbuf, r, cb, opaque);
      if (r == -2)
        call_cancelled = true;
      else if (r == -3)         /* replied already */
        r = -2;
      return r;
    }
    if (r == -2) {
      filein_pending = false;
      call_cancelled = true;  /* dispatch replies ECANCELED */
      return -2;
    }
    if (r == 0) {
      filein_pending = false;
      if (progress_hint)
        notify_progress (received, received);
      return 0;
    }
    if (cb (opaque, chunkbuf, r) == -1) {
      int err = errno;
      cancel_receive ();
      errno = err;
      return -1;
    }
    received += r;
    if (progress_hint)
      notify_progress (received, progress_hint > received ? progress_hint : received);
  }
}

int
send_file_write (const void *buf, size_t len)
{
  const char *p = buf;

  while (len > 0) {
    size_t n = len > GUESTFS_MAX_CHUNK_SIZE ? GUESTFS_MAX_CHUNK_SIZE : len;
    if (library_cancelled ()) {
      send_chunk (1, NULL, 0);
      fileout_need_error = true;
      return -1;
    }
    send_chunk (0, p, n);
    p += n;
    len -= n;
  }
  return 0;
}

int
send_file_end (int cancel)
{
  send_chunk (cancel ? 1 : 0, NULL, 0);
  if (cancel)
    fileout_need_error = true;
  return 0;
}

/* ---- main loop ---- */

/* A call body sent as a stream (larger than one message). */
struct membuf {
  char *data;
  size_t len;
};

static int
membuf_append (void *opaque, const void *buf, size_t len)
{
  struct membuf *mb = opaque;
  char *p;

  if (mb->len + len > GUESTFS_STREAM_MAX) {
    errno = EFBIG;
    return -1;
  }
  p = realloc (mb->data, mb->len + len);
  if (p == NULL)
    return -1;
  memcpy (p + mb->len, buf, len);
  mb->data = p;
  mb->len += len;
  return 0;
}

static void
dispatch (char *buf, size_t len)
{
  struct guestfs_message_header hdr;
  struct membuf body = { NULL, 0 };
  struct timespec end;
  const struct daemon_proc *p;
  XDR xdr, bxdr, *argx = &xdr;

  memset (&hdr, 0, sizeof hdr);
  xdrmem_create (&xdr, buf, len, XDR_DECODE);
  if (!xdr_guestfs_message_header (&xdr, &hdr))
    fatal ("could not decode a message header");
  if (hdr.prog != GUESTFS_PROGRAM)
    fatal ("wrong program number in a call");
  if (hdr.vers != GUESTFS_PROTOCOL_VERSION)
    fatal ("wrong protocol version in a call: library and daemon differ");

  proc_nr = hdr.proc;
  proc_serial = hdr.serial;
  optargs_bitmask = hdr.optargs_bitmask;
  progress_hint = hdr.progress_hint;
  reply_sent = false;
  fileout_need_error = false;
  call_cancelled = false;
  progress_sent = false;
  clock_gettime (CLOCK_MONOTONIC, &call_start);

  p = (hdr.proc > 0 && (size_t) hdr.proc < daemon_nr_procs &&
       daemon_procs[hdr.proc].stub) ? &daemon_procs[hdr.proc] : NULL;
  filein_pending = p && (p->flags & DAEMON_PROC_FILEIN);

  if (verbose)
    fprintf (stderr, "guestfsd: <= %s (0x%x) request length %zu bytes\n",
             p ? p->name : "?", hdr.proc, len);

  if (hdr.direction != GUESTFS_DIRECTION_CALL ||
      (hdr.status != GUESTFS_STATUS_OK && hdr.status != GUESTFS_STATUS_STREAM))
    reply_with_error ("malformed call header");
  else if (p == NULL)
    reply_with_error ("unknown procedure number %d", hdr.proc);
  else {
    if (hdr.status == GUESTFS_STATUS_STREAM) {
      /* The arguments come as a chunk stream before any FileIn data. */
      bool fi = filein_pending;
      filein_pending = true;
      if (receive_file (membuf_append, &body) != 0) {
        free (body.data);
        filein_pending = fi;
        if (!reply_sent)
          reply_with_error ("could not receive the call's arguments");
        goto out;
      }
      filein_pending = fi;
      xdrmem_create (&bxdr, body.data, body.len, XDR_DECODE);
      argx = &bxdr;
    }
    p->stub (argx);
    if (argx == &bxdr)
      xdr_destroy (&bxdr);
    free (body.data);
  }

 out:
  if (filein_pending)
    cancel_receive ();
  if (fileout_need_error || (call_cancelled && !reply_sent))
    send_error (ECANCELED, "operation cancelled");
  if (!reply_sent)
    reply_with_error ("internal error: %s did not reply", p ? p->name : "?");
  xdr_destroy (&xdr);

  if (verbose) {
    clock_gettime (CLOCK_MONOTONIC, &end);
    fprintf (stderr, "guestfsd: => %s (0x%x) took %.2f secs\n",
             p ? p->name : "?", hdr.proc, elapsed (&call_start, &end));
  }
}

void
main_loop (int chan_fd)
{
  uint32_t hello = htonl (GUESTFS_LAUNCH_FLAG);
  char *buf;

  chan = chan_fd;
  buf = malloc (GUESTFS_MESSAGE_MAX);
  if (buf == NULL)
    fatal ("out of memory");
  chan_write (&hello, 4);

  for (;;) {
    uint32_t len = chan_read_word ();
    if (len == GUESTFS_CANCEL_FLAG)
      continue;               /* late cancel of a stream already ended */
    if (len > GUESTFS_MESSAGE_MAX)
      fatal ("call too large");
    if (chan_read (buf, len) == -1)
      fatal ("connection to the library closed");
    dispatch (buf, len);
  }
}
