/* libguestfs (guestkit): creating and closing handles, the environment
 * variables read at creation, the close-at-exit list, private data. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include <errno.h>
#include <unistd.h>

#include "guestfs.h"
#include "guestfs-internal.h"
#include "guestfs-internal-actions.h"

static pthread_mutex_t handles_lock = PTHREAD_MUTEX_INITIALIZER;
static guestfs_h *handles;
static bool atexit_registered;

static void close_handles (void);

GUESTFS_DLL_PUBLIC guestfs_h *
guestfs_create_flags (unsigned flags, ...)
{
  guestfs_h *g;
  pthread_mutexattr_t attr;

  g = calloc (1, sizeof *g);
  if (g == NULL)
    return NULL;
  pthread_mutexattr_init (&attr);
  pthread_mutexattr_settype (&attr, PTHREAD_MUTEX_RECURSIVE);
  pthread_mutex_init (&g->lock, &attr);
  pthread_mutexattr_destroy (&attr);

  g->state = CONFIG;
  g->autosync = true;
  g->memsize = DEFAULT_MEMSIZE;
  g->smp = 1;
  g->sock = g->console = g->qmp = -1;
  g->qemu_pid = 0;
  g->serial = 0x1000;
  g->recovery_proc = true;
  g->backend_settings = calloc (1, sizeof (char *));
  g->program = strdup (program_invocation_short_name);
  g->identifier = strdup ("");
  if (g->backend_settings == NULL || g->program == NULL || g->identifier == NULL) {
    free (g->backend_settings);
    free (g->program);
    free (g->identifier);
    free (g);
    return NULL;
  }

  if (!(flags & GUESTFS_CREATE_NO_ENVIRONMENT))
    guestfs_int_parse_environment (g, NULL, NULL, false);

  g->close_on_exit = !(flags & GUESTFS_CREATE_NO_CLOSE_ON_EXIT);
  if (g->close_on_exit) {
    pthread_mutex_lock (&handles_lock);
    if (!atexit_registered) {
      atexit (close_handles);
      atexit_registered = true;
    }
    g->next = handles;
    handles = g;
    pthread_mutex_unlock (&handles_lock);
  }
  debug (g, "create: flags = %u, handle = %p", flags, (void *) g);
  return g;
}

GUESTFS_DLL_PUBLIC guestfs_h *
guestfs_create (void)
{
  return guestfs_create_flags (0);
}

static void
unlink_handle (guestfs_h *g)
{
  guestfs_h **pp;

  pthread_mutex_lock (&handles_lock);
  for (pp = &handles; *pp; pp = &(*pp)->next)
    if (*pp == g) {
      *pp = g->next;
      break;
    }
  pthread_mutex_unlock (&handles_lock);
}

GUESTFS_DLL_PUBLIC void
guestfs_close (guestfs_h *g)
{
  struct error_handler *eh;

  if (g == NULL)
    return;
  if (g->trace) {
    const char trace_msg[] = "close";
    guestfs_int_call_callbacks_message (g, GUESTFS_EVENT_TRACE, trace_msg, strlen (trace_msg));
  }
  debug (g, "closing guestfs handle %p (state %d)", (void *) g, g->state);

  if (g->state != CONFIG)
    guestfs_shutdown (g);
  guestfs_int_call_callbacks_message (g, GUESTFS_EVENT_CLOSE, NULL, 0);
  if (g->close_on_exit)
    unlink_handle (g);

  guestfs_int_free_drives (g);
  guestfs_int_remove_tmpdir (g);

  free (g->path);
  free (g->append);
  free (g->tmpdir_prop);
  free (g->cachedir_prop);
  free (g->backend);
  free (g->hv);
  free (g->program);
  free (g->identifier);
  guestfs_int_free_hv_params (g);
  guestfs_int_free_features (g);
  guestfs_int_free_string_list (g->backend_settings);
  free (g->libvirt_creds);
  free (g->last_error);
  while ((eh = g->error_stack) != NULL) {
    g->error_stack = eh->next;
    free (eh);
  }
  free (g->events);
  for (size_t i = 0; i < g->nr_pdata; ++i)
    free (g->pdata[i].key);
  free (g->pdata);
  free (g->rbuf);
  pthread_mutex_destroy (&g->lock);
  free (g);
}

/* At exit, close what the program left open: no qemu, no temp files
 * survive the process. */
static void
close_handles (void)
{
  while (handles)
    guestfs_close (handles);
}

/* ---- private data ---- */

GUESTFS_DLL_PUBLIC void
guestfs_set_private (guestfs_h *g, const char *key, void *data)
{
  ACQUIRE_LOCK_FOR_CURRENT_SCOPE (g);
  struct pdata *p;

  for (size_t i = 0; i < g->nr_pdata; ++i)
    if (STREQ (g->pdata[i].key, key)) {
      g->pdata[i].data = data;
      return;
    }
  p = realloc (g->pdata, (g->nr_pdata + 1) * sizeof *p);
  if (p == NULL)
    return;
  g->pdata = p;
  p[g->nr_pdata].key = strdup (key);
  if (p[g->nr_pdata].key == NULL)
    return;
  p[g->nr_pdata].data = data;
  g->nr_pdata++;
}

GUESTFS_DLL_PUBLIC void *
guestfs_get_private (guestfs_h *g, const char *key)
{
  ACQUIRE_LOCK_FOR_CURRENT_SCOPE (g);

  for (size_t i = 0; i < g->nr_pdata; ++i)
    if (STREQ (g->pdata[i].key, key))
      return g->pdata[i].data;
  return NULL;
}

static void *
next_private (guestfs_h *g, const char **key_rtn)
{
  while (g->pdata_iter < g->nr_pdata) {
    struct pdata *p = &g->pdata[g->pdata_iter++];
    if (p->data) {
      *key_rtn = p->key;
      return p->data;
    }
  }
  *key_rtn = NULL;
  return NULL;
}

GUESTFS_DLL_PUBLIC void *
guestfs_first_private (guestfs_h *g, const char **key_rtn)
{
  ACQUIRE_LOCK_FOR_CURRENT_SCOPE (g);

  g->pdata_iter = 0;
  return next_private (g, key_rtn);
}

GUESTFS_DLL_PUBLIC void *
guestfs_next_private (guestfs_h *g, const char **key_rtn)
{
  ACQUIRE_LOCK_FOR_CURRENT_SCOPE (g);

  return next_private (g, key_rtn);
}

/* Safe from another thread or a signal handler: only sets a flag that
 * the transfer loops poll. */
GUESTFS_DLL_PUBLIC int
guestfs_user_cancel (guestfs_h *g)
{
  g->user_cancel = 1;
  return 0;
}
