/* libguestfs (guestkit): event callbacks, and where events go when nobody
 * registered for them (debug and appliance output to stderr with -v,
 * traces and warnings to stderr). */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include <errno.h>
#include <unistd.h>

#include "guestfs.h"
#include "guestfs-internal.h"

GUESTFS_DLL_PUBLIC int
guestfs_set_event_callback (guestfs_h *g, guestfs_event_callback cb,
                            uint64_t event_bitmask, int flags, void *opaque)
{
  ACQUIRE_LOCK_FOR_CURRENT_SCOPE (g);
  struct event_handler *p;
  size_t i;

  if (flags != 0) {
    error (g, "set_event_callback: flags must be 0");
    return -1;
  }
  if (event_bitmask == 0 || (event_bitmask & ~(uint64_t) GUESTFS_EVENT_ALL)) {
    error (g, "set_event_callback: invalid event bitmask");
    return -1;
  }
  for (i = 0; i < g->nr_events; ++i)
    if (g->events[i].cb == NULL)
      break;
  if (i == g->nr_events) {
    p = realloc (g->events, (g->nr_events + 1) * sizeof *p);
    if (p == NULL) {
      perrorf (g, "realloc");
      return -1;
    }
    g->events = p;
    g->nr_events++;
  }
  g->events[i] = (struct event_handler) {
    .cb = cb, .events = event_bitmask, .flags = flags, .opaque = opaque,
  };
  return (int) i;
}

GUESTFS_DLL_PUBLIC void
guestfs_delete_event_callback (guestfs_h *g, int event_handle)
{
  ACQUIRE_LOCK_FOR_CURRENT_SCOPE (g);

  if (event_handle >= 0 && (size_t) event_handle < g->nr_events)
    g->events[event_handle].cb = NULL;
}

static const char *const event_names[] = {
  "close", "subprocess_quit", "launch_done", "progress", "appliance",
  "library", "trace", "enter", "libvirt_auth", "warning",
};

GUESTFS_DLL_PUBLIC char *
guestfs_event_to_string (uint64_t event)
{
  char buf[256] = "";
  size_t i;

  for (i = 0; i < sizeof event_names / sizeof event_names[0]; ++i)
    if (event & (UINT64_C(1) << i)) {
      if (buf[0])
        strcat (buf, ",");
      strcat (buf, event_names[i]);
    }
  return strdup (buf);
}

static bool
dispatch (guestfs_h *g, uint64_t event, const char *buf, size_t len,
          const uint64_t *array, size_t alen)
{
  bool called = false;

  for (size_t i = 0; i < g->nr_events; ++i) {
    struct event_handler *h = &g->events[i];
    if (h->cb && (h->events & event)) {
      h->cb (g, h->opaque, event, (int) i, 0, buf, len, array, alen);
      called = true;
    }
  }
  return called;
}

void
guestfs_int_call_callbacks_message (guestfs_h *g, uint64_t event,
                                    const char *buf, size_t len)
{
  if (dispatch (g, event, buf, len, NULL, 0))
    return;
  /* Defaults when nobody listens. */
  switch (event) {
  case GUESTFS_EVENT_APPLIANCE:
    if (g->verbose && len)
      fwrite (buf, 1, len, stderr);
    break;
  case GUESTFS_EVENT_LIBRARY:
    if (g->verbose)
      fprintf (stderr, "libguestfs: %.*s\n", (int) len, buf);
    break;
  case GUESTFS_EVENT_TRACE:
    /* The identifier (set_identifier) tells handles apart. */
    if (g->identifier && g->identifier[0])
      fprintf (stderr, "libguestfs: trace: %s: %.*s\n", g->identifier, (int) len, buf);
    else
      fprintf (stderr, "libguestfs: trace: %.*s\n", (int) len, buf);
    break;
  case GUESTFS_EVENT_WARNING:
    fprintf (stderr, "libguestfs: warning: %.*s\n", (int) len, buf);
    break;
  default:
    break;
  }
}

void
guestfs_int_call_callbacks_array (guestfs_h *g, uint64_t event,
                                  const uint64_t *array, size_t len)
{
  dispatch (g, event, NULL, 0, array, len);
}

void
guestfs_int_call_enter (guestfs_h *g, const char *name)
{
  for (size_t i = 0; i < g->nr_events; ++i)
    if (g->events[i].cb && (g->events[i].events & GUESTFS_EVENT_ENTER)) {
      dispatch (g, GUESTFS_EVENT_ENTER, name, strlen (name), NULL, 0);
      return;
    }
}

static void
vmessage (guestfs_h *g, uint64_t event, const char *fs, va_list args)
{
  char *msg;
  int len = vasprintf (&msg, fs, args);

  if (len < 0)
    return;
  guestfs_int_call_callbacks_message (g, event, msg, len);
  free (msg);
}

void
guestfs_int_debug (guestfs_h *g, const char *fs, ...)
{
  va_list args;

  va_start (args, fs);
  vmessage (g, GUESTFS_EVENT_LIBRARY, fs, args);
  va_end (args);
}

void
guestfs_int_warning (guestfs_h *g, const char *fs, ...)
{
  va_list args;

  va_start (args, fs);
  vmessage (g, GUESTFS_EVENT_WARNING, fs, args);
  va_end (args);
}
