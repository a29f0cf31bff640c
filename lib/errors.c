/* libguestfs (guestkit): the handle's last error, error handlers, and
 * allocation that aborts through the out-of-memory handler. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include <errno.h>

#include "guestfs.h"
#include "guestfs-internal.h"

static void
default_error_cb (guestfs_h *g, void *data, const char *msg)
{
  fprintf (stderr, "libguestfs: error: %s\n", msg);
}

static void
set_error (guestfs_h *g, int errnum, char *msg)
{
  size_t n = strlen (msg);

  /* No trailing newline in last_error, as libguestfs. */
  while (n > 0 && msg[n - 1] == '\n')
    msg[--n] = '\0';
  free (g->last_error);
  g->last_error = msg;
  g->last_errnum = errnum;

  if (g->error_stack) {
    if (g->error_stack->cb)
      g->error_stack->cb (g, g->error_stack->data, msg);
  }
  else if (g->error_cb)
    g->error_cb (g, g->error_cb_data, msg);
  else if (!g->error_cb_data)   /* NULL handler set explicitly: silent */
    default_error_cb (g, NULL, msg);
}

void
guestfs_int_error_errno (guestfs_h *g, int errnum, const char *fs, ...)
{
  va_list args;
  char *msg;

  va_start (args, fs);
  if (vasprintf (&msg, fs, args) == -1)
    msg = NULL;
  va_end (args);
  if (msg == NULL)
    msg = strdup ("out of memory formatting an error message");
  if (msg)
    set_error (g, errnum, msg);
}

void
guestfs_int_perrorf (guestfs_h *g, const char *fs, ...)
{
  int err = errno;
  va_list args;
  char *msg, *full;

  va_start (args, fs);
  if (vasprintf (&msg, fs, args) == -1)
    msg = NULL;
  va_end (args);
  if (msg == NULL || asprintf (&full, "%s: %s", msg, strerror (err)) == -1)
    full = NULL;
  free (msg);
  if (full)
    set_error (g, err, full);
}

void
guestfs_int_error_null_arg (guestfs_h *g, const char *fn, const char *arg)
{
  guestfs_int_error_errno (g, EINVAL, "%s: %s: parameter cannot be NULL", fn, arg);
}

GUESTFS_DLL_PUBLIC const char *
guestfs_last_error (guestfs_h *g)
{
  return g->last_error;
}

GUESTFS_DLL_PUBLIC int
guestfs_last_errno (guestfs_h *g)
{
  return g->last_errnum;
}

/* The default handler is used while error_cb is NULL and error_cb_data
 * is NULL; set_error_handler (g, NULL, NULL) silences errors, so it is
 * marked by pointing error_cb_data at the handle. */
GUESTFS_DLL_PUBLIC void
guestfs_set_error_handler (guestfs_h *g, guestfs_error_handler_cb cb, void *data)
{
  ACQUIRE_LOCK_FOR_CURRENT_SCOPE (g);

  g->error_cb = cb;
  g->error_cb_data = cb ? data : (void *) g;
}

GUESTFS_DLL_PUBLIC guestfs_error_handler_cb
guestfs_get_error_handler (guestfs_h *g, void **data_rtn)
{
  ACQUIRE_LOCK_FOR_CURRENT_SCOPE (g);

  if (data_rtn)
    *data_rtn = g->error_cb ? g->error_cb_data : NULL;
  if (g->error_cb == NULL && g->error_cb_data == NULL)
    return default_error_cb;
  return g->error_cb;
}

GUESTFS_DLL_PUBLIC void
guestfs_push_error_handler (guestfs_h *g, guestfs_error_handler_cb cb, void *data)
{
  ACQUIRE_LOCK_FOR_CURRENT_SCOPE (g);
  struct error_handler *eh = malloc (sizeof *eh);

  if (eh == NULL)
    abort ();
  eh->cb = cb;
  eh->data = data;
  eh->next = g->error_stack;
  g->error_stack = eh;
}

GUESTFS_DLL_PUBLIC void
guestfs_pop_error_handler (guestfs_h *g)
{
  ACQUIRE_LOCK_FOR_CURRENT_SCOPE (g);
  struct error_handler *eh = g->error_stack;

  if (eh) {
    g->error_stack = eh->next;
    free (eh);
  }
}

GUESTFS_DLL_PUBLIC void
guestfs_set_out_of_memory_handler (guestfs_h *g, guestfs_abort_cb cb)
{
  g->abort_cb = cb;
}

GUESTFS_DLL_PUBLIC guestfs_abort_cb
guestfs_get_out_of_memory_handler (guestfs_h *g)
{
  return g->abort_cb ? g->abort_cb : abort;
}

static void __attribute__((noreturn))
out_of_memory (guestfs_h *g)
{
  if (g && g->abort_cb)
    g->abort_cb ();
  abort ();
}

void *
guestfs_int_safe_malloc (guestfs_h *g, size_t n)
{
  void *p = malloc (n ? n : 1);

  if (p == NULL)
    out_of_memory (g);
  return p;
}

void *
guestfs_int_safe_realloc (guestfs_h *g, void *p, size_t n)
{
  void *r = realloc (p, n ? n : 1);

  if (r == NULL)
    out_of_memory (g);
  return r;
}

char *
guestfs_int_safe_strdup (guestfs_h *g, const char *s)
{
  char *r = strdup (s);

  if (r == NULL)
    out_of_memory (g);
  return r;
}

char *
guestfs_int_safe_asprintf (guestfs_h *g, const char *fs, ...)
{
  va_list args;
  char *r;

  va_start (args, fs);
  if (vasprintf (&r, fs, args) == -1)
    out_of_memory (g);
  va_end (args);
  return r;
}
