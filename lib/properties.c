/* libguestfs (guestkit): handle properties and state queries — the
 * guestfs_impl_* side of the simple set_/get_/is_ calls and version. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guestfs.h"
#include "guestfs-internal.h"
#include "guestfs-internal-actions.h"

int
guestfs_impl_set_verbose (guestfs_h *g, int v)
{
  g->verbose = !!v;
  return 0;
}

int
guestfs_impl_get_verbose (guestfs_h *g)
{
  return g->verbose;
}

int
guestfs_impl_set_trace (guestfs_h *g, int t)
{
  g->trace = !!t;
  return 0;
}

int
guestfs_impl_get_trace (guestfs_h *g)
{
  return g->trace;
}

int
guestfs_impl_set_autosync (guestfs_h *g, int a)
{
  g->autosync = !!a;
  return 0;
}

int
guestfs_impl_get_autosync (guestfs_h *g)
{
  return g->autosync;
}

int
guestfs_impl_set_memsize (guestfs_h *g, int memsize)
{
  if (memsize < MIN_MEMSIZE) {
    error (g, "too small value for memsize (must be at least %d)", MIN_MEMSIZE);
    return -1;
  }
  g->memsize = memsize;
  return 0;
}

int
guestfs_impl_get_memsize (guestfs_h *g)
{
  return g->memsize;
}

int
guestfs_impl_set_smp (guestfs_h *g, int smp)
{
  if (smp < 1 || smp > 255) {
    error (g, "invalid smp parameter (%d)", smp);
    return -1;
  }
  g->smp = smp;
  return 0;
}

int
guestfs_impl_get_smp (guestfs_h *g)
{
  return g->smp;
}

int
guestfs_impl_set_path (guestfs_h *g, const char *path)
{
  free (g->path);
  g->path = path ? safe_strdup (g, path) : NULL;
  return 0;
}

const char *
guestfs_impl_get_path (guestfs_h *g)
{
  return guestfs_int_appliance_path (g);
}

int
guestfs_impl_set_append (guestfs_h *g, const char *append)
{
  free (g->append);
  g->append = append ? safe_strdup (g, append) : NULL;
  return 0;
}

const char *
guestfs_impl_get_append (guestfs_h *g)
{
  return g->append;
}

int
guestfs_impl_set_tmpdir (guestfs_h *g, const char *tmpdir)
{
  free (g->tmpdir_prop);
  g->tmpdir_prop = tmpdir ? safe_strdup (g, tmpdir) : NULL;
  return 0;
}

char *
guestfs_impl_get_tmpdir (guestfs_h *g)
{
  const char *t = g->tmpdir_prop;

  if (t == NULL)
    t = getenv ("TMPDIR");
  return safe_strdup (g, t && *t ? t : "/tmp");
}

int
guestfs_impl_set_cachedir (guestfs_h *g, const char *cachedir)
{
  free (g->cachedir_prop);
  g->cachedir_prop = cachedir ? safe_strdup (g, cachedir) : NULL;
  return 0;
}

char *
guestfs_impl_get_cachedir (guestfs_h *g)
{
  return guestfs_int_get_cachedir (g);
}

int
guestfs_impl_set_backend (guestfs_h *g, const char *backend)
{
  if (STRNEQ (backend, "direct") && STRNEQ (backend, "libvirt") &&
      !STRPREFIX (backend, "libvirt:")) {
    error (g, "invalid backend: %s", backend);
    return -1;
  }
  free (g->backend);
  g->backend = safe_strdup (g, backend);
  return 0;
}

char *
guestfs_impl_get_backend (guestfs_h *g)
{
  return safe_strdup (g, g->backend ? g->backend : "direct");
}

int
guestfs_impl_set_backend_settings (guestfs_h *g, char *const *settings)
{
  guestfs_int_free_string_list (g->backend_settings);
  g->backend_settings = guestfs_int_copy_string_list (g, settings);
  return 0;
}

char **
guestfs_impl_get_backend_settings (guestfs_h *g)
{
  return guestfs_int_copy_string_list (g, g->backend_settings);
}

int
guestfs_impl_get_state (guestfs_h *g)
{
  return g->state;
}

int
guestfs_impl_is_config (guestfs_h *g)
{
  return g->state == CONFIG;
}

int
guestfs_impl_is_launching (guestfs_h *g)
{
  return g->state == LAUNCHING;
}

int
guestfs_impl_is_ready (guestfs_h *g)
{
  return g->state == READY;
}

int
guestfs_impl_is_busy (guestfs_h *g)
{
  return 0;
}

struct guestfs_version *
guestfs_impl_version (guestfs_h *g)
{
  struct guestfs_version *v = safe_malloc (g, sizeof *v);

  v->major = GUESTFS_API_MAJOR;
  v->minor = GUESTFS_API_MINOR;
  v->release = GUESTFS_API_RELEASE;
  v->extra = safe_strdup (g, "guestkit-" GUESTKIT_VERSION);
  return v;
}

int
guestfs_impl_get_pid (guestfs_h *g)
{
  if (g->state != READY || g->qemu_pid <= 0) {
    error (g, "get_pid: no qemu subprocess");
    return -1;
  }
  return g->qemu_pid;
}

int
guestfs_impl_set_pgroup (guestfs_h *g, int pgroup)
{
  g->pgroup = !!pgroup;
  return 0;
}

int
guestfs_impl_get_pgroup (guestfs_h *g)
{
  return g->pgroup;
}
