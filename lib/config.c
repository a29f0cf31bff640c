/* libguestfs (guestkit): guestfs_config — extra "-param [value]"
 * arguments appended to qemu's command line.  Parameters that the
 * direct backend sets itself are refused: changing them would break the
 * appliance rather than tune it. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guestfs.h"
#include "guestfs-internal.h"
#include "guestfs-internal-actions.h"

static const char *const reserved[] = {
  "-kernel", "-initrd", "-append", "-serial", "-chardev", "-nographic",
  "-display", "-no-reboot", "-nodefaults", "-no-user-config", "-bios",
  "-full-screen", "-std-vga", "-vnc", "-daemonize", "-incoming", "-S",
  NULL
};

int
guestfs_impl_config (guestfs_h *g, const char *hvparam, const char *hvvalue)
{
  struct hv_param *p;

  if (hvparam[0] != '-') {
    error (g, "parameter must begin with '-' character");
    return -1;
  }
  for (size_t i = 0; reserved[i]; ++i)
    if (STREQ (hvparam, reserved[i])) {
      error (g, "parameter '%s' isn't allowed", hvparam);
      return -1;
    }
  g->hv_params = safe_realloc (g, g->hv_params,
                               (g->nr_hv_params + 1) * sizeof *g->hv_params);
  p = &g->hv_params[g->nr_hv_params++];
  p->param = safe_strdup (g, hvparam);
  p->value = hvvalue ? safe_strdup (g, hvvalue) : NULL;
  return 0;
}

void
guestfs_int_free_hv_params (guestfs_h *g)
{
  for (size_t i = 0; i < g->nr_hv_params; ++i) {
    free (g->hv_params[i].param);
    free (g->hv_params[i].value);
  }
  free (g->hv_params);
  g->hv_params = NULL;
  g->nr_hv_params = 0;
}
