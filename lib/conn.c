/* libguestfs (guestkit): I/O on the two descriptors of a running
 * appliance — the protocol socket to the daemon and qemu's serial
 * console.  Every wait polls both, so console output is always consumed
 * (it feeds APPLIANCE events and the tail quoted in errors) and a qemu
 * that dies is noticed at once. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <poll.h>
#include <time.h>
#include <unistd.h>
#include <sys/socket.h>

#include "guestfs.h"
#include "guestfs-internal.h"

#define RBUF_SIZE (512 * 1024)

static void
tail_append (guestfs_h *g, const char *buf, size_t n)
{
  size_t cap = sizeof g->console_tail;

  if (n >= cap) {
    memcpy (g->console_tail, buf + n - cap, cap);
    g->tail_len = cap;
    return;
  }
  if (g->tail_len + n > cap) {
    size_t drop = g->tail_len + n - cap;
    memmove (g->console_tail, g->console_tail + drop, g->tail_len - drop);
    g->tail_len -= drop;
  }
  memcpy (g->console_tail + g->tail_len, buf, n);
  g->tail_len += n;
}

static void
console_input (guestfs_h *g)
{
  char buf[8192];
  ssize_t n = read (g->console, buf, sizeof buf);

  if (n > 0) {
    if (g->t_kernel == 0)
      g->t_kernel = guestfs_int_now ();
    tail_append (g, buf, n);
    guestfs_int_call_callbacks_message (g, GUESTFS_EVENT_APPLIANCE, buf, n);
  }
  else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
    close (g->console);
    g->console = -1;
  }
}

void
guestfs_int_conn_drain_console (guestfs_h *g)
{
  while (g->console >= 0) {
    struct pollfd p = { .fd = g->console, .events = POLLIN };
    if (poll (&p, 1, 0) <= 0)
      break;
    console_input (g);
  }
}

/* The last few console lines, for error messages. */
static char *
console_tail_lines (guestfs_h *g, int nlines)
{
  size_t start = g->tail_len;
  int seen = 0;

  while (start > 0) {
    if (g->console_tail[start - 1] == '\n' && start != g->tail_len && ++seen > nlines)
      break;
    start--;
  }
  return safe_asprintf (g, "%.*s", (int) (g->tail_len - start), g->console_tail + start);
}

void
guestfs_int_appliance_died (guestfs_h *g, const char *what)
{
  char *tail;

  guestfs_int_conn_drain_console (g);
  tail = console_tail_lines (g, 12);
  if (*tail)
    error (g, "%s\nThe last lines of the appliance's console were:\n%s", what, tail);
  else
    error (g, "%s", what);
  free (tail);
  guestfs_int_close_connection (g);
  guestfs_int_call_callbacks_message (g, GUESTFS_EVENT_SUBPROCESS_QUIT, NULL, 0);
}

static int
remaining_ms (const struct timespec *deadline)
{
  struct timespec now;
  long long ms;

  clock_gettime (CLOCK_MONOTONIC, &now);
  ms = (deadline->tv_sec - now.tv_sec) * 1000LL +
    (deadline->tv_nsec - now.tv_nsec) / 1000000;
  return ms < 0 ? 0 : ms > 1000000000 ? 1000000000 : (int) ms;
}

/* Wait until fd has `events` (or the deadline passes), serving the
 * console meanwhile.  1: ready, 0: timeout, -1: error. */
int
guestfs_int_wait_fd (guestfs_h *g, int fd, short events, int timeout_ms)
{
  struct timespec deadline;

  if (timeout_ms >= 0) {
    clock_gettime (CLOCK_MONOTONIC, &deadline);
    deadline.tv_sec += timeout_ms / 1000;
    deadline.tv_nsec += (timeout_ms % 1000) * 1000000L;
    if (deadline.tv_nsec >= 1000000000L) {
      deadline.tv_sec++;
      deadline.tv_nsec -= 1000000000L;
    }
  }
  for (;;) {
    struct pollfd p[2] = {
      { .fd = fd, .events = events },
      { .fd = g->console, .events = POLLIN },
    };
    int r = poll (p, g->console >= 0 ? 2 : 1,
                  timeout_ms >= 0 ? remaining_ms (&deadline) : -1);
    if (r == -1) {
      if (errno == EINTR)
        continue;
      perrorf (g, "poll");
      return -1;
    }
    if (r == 0)
      return 0;
    if (g->console >= 0 && (p[1].revents & (POLLIN | POLLHUP | POLLERR)))
      console_input (g);
    if (p[0].revents)
      return 1;
  }
}

int
guestfs_int_conn_read (guestfs_h *g, void *buf, size_t len, int timeout_ms)
{
  unsigned char *p = buf;

  if (g->rbuf == NULL)
    g->rbuf = safe_malloc (g, RBUF_SIZE);
  while (len > 0) {
    size_t avail = g->rend - g->rstart;
    ssize_t n;
    int r;

    if (avail > 0) {
      size_t m = avail < len ? avail : len;
      memcpy (p, g->rbuf + g->rstart, m);
      g->rstart += m;
      p += m;
      len -= m;
      continue;
    }
    if (g->sock < 0) {
      error (g, "the appliance is not running");
      return -1;
    }
    r = guestfs_int_wait_fd (g, g->sock, POLLIN, timeout_ms);
    if (r == -1)
      return -1;
    if (r == 0) {
      error (g, "timed out waiting for the appliance");
      errno = ETIMEDOUT;
      return -1;
    }
    n = read (g->sock, g->rbuf, RBUF_SIZE);
    if (n == -1 && (errno == EINTR || errno == EAGAIN))
      continue;
    if (n <= 0) {
      guestfs_int_appliance_died (g, "appliance closed the connection unexpectedly (qemu or the daemon exited)");
      return -1;
    }
    g->rstart = 0;
    g->rend = n;
  }
  return 0;
}

int
guestfs_int_conn_write (guestfs_h *g, const void *buf, size_t len)
{
  const char *p = buf;

  while (len > 0) {
    ssize_t n;
    if (g->sock < 0) {
      error (g, "the appliance is not running");
      return -1;
    }
    if (guestfs_int_wait_fd (g, g->sock, POLLOUT, -1) == -1)
      return -1;
    n = send (g->sock, p, len, MSG_NOSIGNAL);
    if (n == -1) {
      if (errno == EINTR || errno == EAGAIN)
        continue;
      guestfs_int_appliance_died (g, "appliance closed the connection unexpectedly (qemu or the daemon exited)");
      return -1;
    }
    p += n;
    len -= n;
  }
  return 0;
}

int
guestfs_int_conn_readable (guestfs_h *g)
{
  struct pollfd p = { .fd = g->sock, .events = POLLIN };

  if (g->rend > g->rstart)
    return 1;
  return g->sock >= 0 && poll (&p, 1, 0) > 0 && (p.revents & POLLIN);
}
