/* libguestfs (guestkit): more handle properties — program name and
 * identifier, hypervisor binary, socket directory, network, recovery
 * process, direct mode, the deprecated aliases of some of them, the C
 * pointer and the disk limit. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <stdint.h>
#include <unistd.h>

#include "guestfs.h"
#include "guestfs-internal.h"
#include "guestfs-internal-actions.h"

int
guestfs_impl_set_program (guestfs_h *g, const char *program)
{
  free (g->program);
  g->program = safe_strdup (g, program);
  return 0;
}

const char *
guestfs_impl_get_program (guestfs_h *g)
{
  return g->program;
}

int
guestfs_impl_set_identifier (guestfs_h *g, const char *identifier)
{
  for (const char *p = identifier; *p; ++p)
    if (!isalnum ((unsigned char) *p) && *p != '_' && *p != '-') {
      error (g, "identifier must contain only alphanumeric characters, "
             "underscore or minus sign");
      return -1;
    }
  free (g->identifier);
  g->identifier = safe_strdup (g, identifier);
  return 0;
}

const char *
guestfs_impl_get_identifier (guestfs_h *g)
{
  return g->identifier;
}

int
guestfs_impl_set_hv (guestfs_h *g, const char *hv)
{
  free (g->hv);
  g->hv = safe_strdup (g, hv);
  return 0;
}

/* The hypervisor as set, or the default found on PATH (libguestfs
 * reports the full path it was configured with). */
char *
guestfs_impl_get_hv (guestfs_h *g)
{
  const char *hv = guestfs_int_hv (g);
  const char *path = getenv ("PATH");
  char *copy, *dir, *save = NULL;

  if (g->hv || strchr (hv, '/'))
    return safe_strdup (g, hv);
  copy = safe_strdup (g, path && *path ? path : "/usr/bin:/bin");
  for (dir = strtok_r (copy, ":", &save); dir; dir = strtok_r (NULL, ":", &save)) {
    char *p = safe_asprintf (g, "%s/%s", dir, hv);
    if (*dir == '/' && access (p, X_OK) == 0) {
      free (copy);
      return p;
    }
    free (p);
  }
  free (copy);
  return safe_strdup (g, hv);
}

int
guestfs_impl_set_qemu (guestfs_h *g, const char *hv)
{
  free (g->hv);
  g->hv = hv ? safe_strdup (g, hv) : NULL;
  return 0;
}

const char *
guestfs_impl_get_qemu (guestfs_h *g)
{
  return guestfs_int_hv (g);
}

char *
guestfs_impl_get_sockdir (guestfs_h *g)
{
  const char *s = getenv ("XDG_RUNTIME_DIR");

  return safe_strdup (g, s && *s ? s : "/tmp");
}

int
guestfs_impl_set_network (guestfs_h *g, int network)
{
  g->network = !!network;
  return 0;
}

int
guestfs_impl_get_network (guestfs_h *g)
{
  return g->network;
}

int
guestfs_impl_set_recovery_proc (guestfs_h *g, int recoveryproc)
{
  g->recovery_proc = !!recoveryproc;
  return 0;
}

int
guestfs_impl_get_recovery_proc (guestfs_h *g)
{
  return g->recovery_proc;
}

int
guestfs_impl_set_direct (guestfs_h *g, int direct)
{
  g->direct = !!direct;
  return 0;
}

int
guestfs_impl_get_direct (guestfs_h *g)
{
  return g->direct;
}

int
guestfs_impl_set_attach_method (guestfs_h *g, const char *backend)
{
  return guestfs_impl_set_backend (g, backend);
}

char *
guestfs_impl_get_attach_method (guestfs_h *g)
{
  return guestfs_impl_get_backend (g);
}

int64_t
guestfs_impl_c_pointer (guestfs_h *g)
{
  return (int64_t) (intptr_t) g;
}

int
guestfs_impl_max_disks (guestfs_h *g)
{
  return MAX_DISKS;
}
