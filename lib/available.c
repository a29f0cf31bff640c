/* libguestfs (guestkit): available and feature_available.  The daemon
 * answers for one group at a time (internal_feature_available); the
 * answers are kept in the handle until the appliance goes away. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guestfs.h"
#include "guestfs-internal.h"
#include "guestfs-internal-actions.h"

/* 0 available, 1 not, 2 unknown group; -1 on error (set). */
static int
group_state (guestfs_h *g, const char *caller, const char *group)
{
  struct cached_feature *f;
  int r;

  for (size_t i = 0; i < g->nr_features; ++i)
    if (STREQ (g->features[i].group, group))
      return g->features[i].result;
  if (guestfs_int_check_ready (g, caller) == -1)
    return -1;
  r = guestfs_internal_feature_available (g, group);
  if (r == -1)
    return -1;
  g->features = safe_realloc (g, g->features, (g->nr_features + 1) * sizeof *f);
  f = &g->features[g->nr_features++];
  f->group = safe_strdup (g, group);
  f->result = r;
  return r;
}

int
guestfs_impl_available (guestfs_h *g, char *const *groups)
{
  for (size_t i = 0; groups[i]; ++i)
    switch (group_state (g, "available", groups[i])) {
    case -1:
      return -1;
    case 0:
      break;
    case 1:
      error (g, "%s: group not available", groups[i]);
      return -1;
    default:
      error (g, "%s: unknown group", groups[i]);
      return -1;
    }
  return 0;
}

int
guestfs_impl_feature_available (guestfs_h *g, char *const *groups)
{
  /* As libguestfs: the first unavailable group answers false, an
   * unknown group before it is an error. */
  for (size_t i = 0; groups[i]; ++i)
    switch (group_state (g, "feature_available", groups[i])) {
    case -1:
      return -1;
    case 0:
      break;
    case 1:
      return 0;
    default:
      error (g, "%s: unknown group", groups[i]);
      return -1;
    }
  return 1;
}

void
guestfs_int_free_features (guestfs_h *g)
{
  for (size_t i = 0; i < g->nr_features; ++i)
    free (g->features[i].group);
  free (g->features);
  g->features = NULL;
  g->nr_features = 0;
}
