/* Fuzz harness: the XDR decoders of everything the library receives —
 * the reply header, error replies, progress messages, chunks and the
 * ret struct of every daemon call (procs.c, generated) — each run on the
 * input and freed again, as lib/proto.c runs them.  Input: 2 bytes (big
 * endian) choosing the call (modulo the number of calls), then the
 * encoded data. */

#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <rpc/types.h>
#include <rpc/xdr.h>

#include "guestfs_protocol.h"
#include "fuzz-procs.h"

/* Decode [data, data+len) with proc into a zeroed object of size bytes,
 * then free it, as the library does whether decoding succeeded or not. */
static void
decode (xdrproc_t proc, size_t size, const uint8_t *data, size_t len)
{
  void *obj = calloc (1, size);
  XDR xdr;

  if (obj == NULL)
    abort ();
  xdrmem_create (&xdr, (char *) data, len, XDR_DECODE);
  if (proc (&xdr, obj) && xdr_getpos (&xdr) > len)
    abort ();                   /* read past the message */
  xdr_destroy (&xdr);
  xdr_free (proc, obj);
  free (obj);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const struct fuzz_proc *p;

  if (size < 2)
    return 0;
  p = &fuzz_procs[((size_t) data[0] << 8 | data[1]) % fuzz_nr_procs];
  data += 2;
  size -= 2;

  decode ((xdrproc_t) xdr_guestfs_message_header,
          sizeof (struct guestfs_message_header), data, size);
  decode ((xdrproc_t) xdr_guestfs_message_error,
          sizeof (struct guestfs_message_error), data, size);
  decode ((xdrproc_t) xdr_guestfs_progress,
          sizeof (struct guestfs_progress), data, size);
  decode ((xdrproc_t) xdr_guestfs_chunk, sizeof (struct guestfs_chunk), data, size);
  if (p->ret)
    decode (p->ret, p->ret_size, data, size);
  return 0;
}
