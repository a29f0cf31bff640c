/* libguestfs (guestkit): single backend settings — get, set and clear
 * one "name" or "name=value" string of the backend settings list. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

#include "guestfs.h"
#include "guestfs-internal.h"
#include "guestfs-internal-actions.h"

/* Is setting s "name" or "name=..."? */
static bool
matches (const char *s, const char *name)
{
  size_t n = strlen (name);

  return strncmp (s, name, n) == 0 && (s[n] == '\0' || s[n] == '=');
}

char *
guestfs_impl_get_backend_setting (guestfs_h *g, const char *name)
{
  size_t n = strlen (name);

  for (size_t i = 0; g->backend_settings[i]; ++i) {
    const char *s = g->backend_settings[i];
    if (matches (s, name))
      return safe_strdup (g, s[n] == '=' ? s + n + 1 : "1");
  }
  guestfs_int_error_errno (g, ESRCH, "setting not found");
  return NULL;
}

int
guestfs_impl_clear_backend_setting (guestfs_h *g, const char *name)
{
  size_t i, j;
  int removed = 0;

  for (i = j = 0; g->backend_settings[i]; ++i) {
    if (matches (g->backend_settings[i], name)) {
      free (g->backend_settings[i]);
      removed++;
    }
    else
      g->backend_settings[j++] = g->backend_settings[i];
  }
  g->backend_settings[j] = NULL;
  return removed;
}

int
guestfs_impl_set_backend_setting (guestfs_h *g, const char *name, const char *val)
{
  size_t n;

  guestfs_impl_clear_backend_setting (g, name);
  n = guestfs_int_count_strings (g->backend_settings);
  g->backend_settings = safe_realloc (g, g->backend_settings, (n + 2) * sizeof (char *));
  g->backend_settings[n] = safe_asprintf (g, "%s=%s", name, val);
  g->backend_settings[n + 1] = NULL;
  return 0;
}
