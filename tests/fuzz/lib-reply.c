/* Fuzz harness: the library's decoding of everything a hostile
 * appliance can send — replies, error replies, streamed replies,
 * progress messages, FileOut chunks, cancel flags during FileIn — through
 * the public API of every daemon call (lib-calls.c, generated).
 *
 * The handle is put in the READY state with its protocol socket one end
 * of a socketpair; a thread writes the input into the other end and then
 * shuts it down, so the library always sees end of file after the input
 * and nothing can wait forever.  Input: 2 bytes (big endian) choosing the
 * first call (modulo the number of calls), then the bytes the
 * "appliance" sends.  Calls follow in table order, with serials from 0,
 * while the connection stays up.  make-seeds.py writes valid inputs. */

#include <config.h>

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <pthread.h>
#include <unistd.h>
#include <sys/socket.h>

#include "guestfs.h"
#include "guestfs-internal.h"
#include "fuzz-procs.h"

/* A long input may answer this many calls at most. */
#define MAX_CALLS 32

static guestfs_h *g;
static bool verbose;            /* $FUZZ_VERBOSE: print each call's result */

struct feed {
  int fd;
  const uint8_t *data;
  size_t len;
};

static void *
appliance (void *arg)
{
  struct feed *f = arg;
  size_t off = 0;

  while (off < f->len) {
    ssize_t n = send (f->fd, f->data + off, f->len - off, MSG_NOSIGNAL);
    if (n == -1 && errno == EINTR)
      continue;
    if (n <= 0)
      break;                    /* the library hung up */
    off += n;
  }
  shutdown (f->fd, SHUT_WR);
  return NULL;
}

/* Progress events must reach callers already checked. */
static void
progress_cb (guestfs_h *h, void *opaque, uint64_t event, int event_handle,
             int flags, const char *buf, size_t buf_len,
             const uint64_t *array, size_t array_len)
{
  if (array_len != 4 || array[2] > array[3])
    abort ();
}

/* Trace and debug messages are formatted (hostile strings included),
 * then dropped. */
static void
message_cb (guestfs_h *h, void *opaque, uint64_t event, int event_handle,
            int flags, const char *buf, size_t buf_len,
            const uint64_t *array, size_t array_len)
{
  if (verbose)
    fprintf (stderr, "%.*s\n", (int) buf_len, buf);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g = guestfs_create_flags (GUESTFS_CREATE_NO_ENVIRONMENT);
  if (g == NULL)
    abort ();
  verbose = getenv ("FUZZ_VERBOSE") != NULL;
  if (!verbose)
    guestfs_set_error_handler (g, NULL, NULL);
  if (guestfs_set_event_callback (g, progress_cb, GUESTFS_EVENT_PROGRESS,
                                  0, NULL) == -1 ||
      guestfs_set_event_callback (g, message_cb,
                                  GUESTFS_EVENT_TRACE | GUESTFS_EVENT_LIBRARY |
                                  GUESTFS_EVENT_WARNING, 0, NULL) == -1 ||
      guestfs_set_trace (g, 1) == -1 || guestfs_set_verbose (g, 1) == -1)
    abort ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  struct feed f;
  pthread_t t;
  int sv[2];
  size_t i, n;

  if (size < 2)
    return 0;
  if (socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == -1)
    abort ();
  g->sock = sv[0];
  g->state = READY;
  g->serial = 0;
  g->user_cancel = 0;
  f = (struct feed) { sv[1], data + 2, size - 2 };
  if (pthread_create (&t, NULL, appliance, &f) != 0)
    abort ();

  i = ((size_t) data[0] << 8 | data[1]) % fuzz_nr_lib_calls;
  for (n = 0; i < fuzz_nr_lib_calls && n < MAX_CALLS && g->state == READY; ++i, ++n) {
    int r = fuzz_lib_calls[i].call (g);
    if (verbose)
      fprintf (stderr, "fuzz: %s: %s\n", fuzz_lib_calls[i].name, r == 0 ? "ok" : "failed");
  }

  /* As if the appliance was shut down (no qemu: nothing to kill). */
  guestfs_int_close_connection (g);
  pthread_join (t, NULL);
  close (sv[1]);
  return 0;
}
