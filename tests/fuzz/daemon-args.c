/* Fuzz harness: the daemon's decoding of the calls the library sends.
 * The input is the byte stream of the protocol channel as guestfsd's
 * main loop reads it (daemon/proto.c): length words, call messages
 * (header, then the arguments, or a STREAM header and the arguments as
 * chunks), FileIn chunk streams.  Each call is decoded the way dispatch
 * does, then given to its generated stub cut before the do_* call
 * (daemon-checks.c): argument decoding, optional-argument mask, device
 * and path checks.  Nothing is executed. */

#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>

#include "daemon.h"
#include "guestfs_protocol.h"
#include "daemon-env.h"

struct input {
  const uint8_t *p;
  size_t len;
};

static const struct fuzz_daemon_check *by_proc[GUESTFS_MAX_PROC_NR + 1];

static bool
get_word (struct input *in, uint32_t *w)
{
  if (in->len < 4)
    return false;
  memcpy (w, in->p, 4);
  *w = ntohl (*w);
  in->p += 4;
  in->len -= 4;
  return true;
}

/* One chunk as recv_chunk reads it: data length, 0 at the end, -2 for
 * a cancel, -3 for a DISK chunk; false where guestfsd stops (fatal). */
static bool
get_chunk (struct input *in, const uint8_t **data, ssize_t *r)
{
  uint32_t len, cancel, datalen, pad;

  if (!get_word (in, &len) || len < 8 || len > 8 + GUESTFS_MAX_CHUNK_SIZE ||
      !get_word (in, &cancel) || !get_word (in, &datalen))
    return false;
  pad = (4 - (datalen & 3)) & 3;
  if (datalen > GUESTFS_MAX_CHUNK_SIZE || 8 + datalen + pad != len ||
      in->len < datalen + pad)
    return false;
  *data = in->p;
  in->p += datalen + pad;
  in->len -= datalen + pad;
  *r = cancel == GUESTFS_CHUNK_DISK ? -3 :
    cancel != GUESTFS_CHUNK_DATA ? -2 : (ssize_t) datalen;
  return true;
}

/* A STREAM call's arguments: chunks up to the empty one.  NULL where
 * guestfsd would not decode them. */
static uint8_t *
get_stream (struct input *in, size_t *blen, bool *fatal)
{
  uint8_t *body = NULL;
  const uint8_t *data;
  ssize_t r;

  *blen = 0;
  for (;;) {
    if (!get_chunk (in, &data, &r)) {
      *fatal = true;
      break;
    }
    if (r == -2 || r == -3)
      break;                    /* cancelled (or a DISK chunk, which cannot
                                 * carry arguments) */
    if (r == 0) {
      if (body == NULL)
        body = malloc (1);
      return body;
    }
    if (*blen + r > GUESTFS_STREAM_MAX)
      break;
    body = realloc (body, *blen + r);
    if (body == NULL)
      abort ();
    memcpy (body + *blen, data, r);
    *blen += r;
  }
  free (body);
  return NULL;
}

/* Discard a FileIn stream, as cancel_receive does. */
static bool
skip_filein (struct input *in)
{
  const uint8_t *data;
  ssize_t r;

  do {
    if (!get_chunk (in, &data, &r))
      return false;
  } while (r > 0);
  return true;
}

/* One call; false where guestfsd would exit (a fatal framing error). */
static bool
dispatch (struct input *in, const uint8_t *msg, size_t len)
{
  struct guestfs_message_header hdr;
  const struct fuzz_daemon_check *c;
  XDR xdr, bxdr;
  bool ok = true;

  memset (&hdr, 0, sizeof hdr);
  xdrmem_create (&xdr, (char *) msg, len, XDR_DECODE);
  if (!xdr_guestfs_message_header (&xdr, &hdr) ||
      hdr.prog != GUESTFS_PROGRAM || hdr.vers != GUESTFS_PROTOCOL_VERSION) {
    xdr_destroy (&xdr);
    return false;
  }
  optargs_bitmask = hdr.optargs_bitmask;
  proc_nr = hdr.proc;
  proc_serial = hdr.serial;
  c = hdr.proc > 0 && hdr.proc <= GUESTFS_MAX_PROC_NR ? by_proc[hdr.proc] : NULL;

  if (c && hdr.direction == GUESTFS_DIRECTION_CALL &&
      hdr.status == GUESTFS_STATUS_STREAM) {
    bool fatal = false;
    size_t blen;
    uint8_t *body = get_stream (in, &blen, &fatal);
    if (body) {
      xdrmem_create (&bxdr, (char *) body, blen, XDR_DECODE);
      c->check (&bxdr);
      xdr_destroy (&bxdr);
      free (body);
    }
    ok = !fatal;
  }
  else if (c && hdr.direction == GUESTFS_DIRECTION_CALL &&
           hdr.status == GUESTFS_STATUS_OK)
    c->check (&xdr);
  if (ok && c && c->filein)
    ok = skip_filein (in);
  xdr_destroy (&xdr);
  return ok;
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  for (size_t i = 0; i < fuzz_nr_daemon_checks; ++i)
    by_proc[fuzz_daemon_checks[i].proc] = &fuzz_daemon_checks[i];
  fuzz_private_disks ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  struct input in = { data, size };
  uint32_t len;

  while (get_word (&in, &len)) {
    const uint8_t *msg = in.p;

    if (len == GUESTFS_CANCEL_FLAG)
      continue;
    if (len > GUESTFS_MESSAGE_MAX || len > in.len)
      break;
    in.p += len;
    in.len -= len;
    if (!dispatch (&in, msg, len))
      break;
  }
  return 0;
}
