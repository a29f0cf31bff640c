/* libguestfs (guestkit): the LIBGUESTFS_* environment variables — read
 * when a handle is created, and again on request by parse_environment
 * (the program's environment) or parse_environment_list (a list of
 * NAME=VALUE strings). */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "guestfs.h"
#include "guestfs-internal.h"
#include "guestfs-internal-actions.h"

/* 1, 0, or -1 if s is not a boolean. */
static int
parse_bool (const char *s)
{
  static const char *const yes[] = { "1", "true", "t", "yes", "y", "on", NULL };
  static const char *const no[] = { "0", "false", "f", "no", "n", "off", NULL };

  for (size_t i = 0; yes[i]; ++i)
    if (strcasecmp (s, yes[i]) == 0)
      return 1;
  for (size_t i = 0; no[i]; ++i)
    if (strcasecmp (s, no[i]) == 0)
      return 0;
  return -1;
}

static char **
split_settings (guestfs_h *g, const char *s)
{
  size_t n = 0;
  char **r = safe_malloc (g, (strlen (s) / 2 + 2) * sizeof (char *));
  char *copy = safe_strdup (g, s), *tok, *save = NULL;

  for (tok = strtok_r (copy, ":", &save); tok; tok = strtok_r (NULL, ":", &save))
    r[n++] = safe_strdup (g, tok);
  r[n] = NULL;
  free (copy);
  return r;
}

static void
replace (guestfs_h *g, char **field, const char *value)
{
  free (*field);
  *field = value ? safe_strdup (g, value) : NULL;
}

static const char *
from_environ (void *opaque, const char *name)
{
  return getenv (name);
}

/* A boolean variable: 0 if unset or set, -1 if invalid and strict. */
static int
set_flag (guestfs_h *g, const char *name, const char *s, bool *flag, bool strict)
{
  int b;

  if (s == NULL || *s == '\0')
    return 0;
  b = parse_bool (s);
  if (b == -1) {
    if (!strict)
      return 0;
    error (g, "%s=%s: the value must be 1 or 0 (true or false)", name, s);
    return -1;
  }
  *flag = b;
  return 0;
}

int
guestfs_int_parse_environment (guestfs_h *g,
                               const char *(*lookup) (void *, const char *),
                               void *opaque, bool strict)
{
  const char *s;

  if (lookup == NULL)
    lookup = from_environ;

  if (set_flag (g, "LIBGUESTFS_DEBUG", lookup (opaque, "LIBGUESTFS_DEBUG"),
                &g->verbose, strict) == -1 ||
      set_flag (g, "LIBGUESTFS_TRACE", lookup (opaque, "LIBGUESTFS_TRACE"),
                &g->trace, strict) == -1)
    return -1;
  if ((s = lookup (opaque, "LIBGUESTFS_PATH")) && *s)
    replace (g, &g->path, s);
  if ((s = lookup (opaque, "LIBGUESTFS_APPEND")))
    replace (g, &g->append, s);
  if ((s = lookup (opaque, "LIBGUESTFS_MEMSIZE"))) {
    char *end;
    long m = strtol (s, &end, 10);
    if (*s && *end == '\0' && m >= MIN_MEMSIZE && m <= 1024 * 1024)
      g->memsize = m;
    else if (strict) {
      error (g, "non-numeric or too small value for LIBGUESTFS_MEMSIZE");
      return -1;
    }
  }
  if (((s = lookup (opaque, "LIBGUESTFS_BACKEND")) && *s) ||
      ((s = lookup (opaque, "LIBGUESTFS_ATTACH_METHOD")) && *s))
    replace (g, &g->backend, s);
  if ((s = lookup (opaque, "LIBGUESTFS_BACKEND_SETTINGS"))) {
    guestfs_int_free_string_list (g->backend_settings);
    g->backend_settings = split_settings (g, s);
  }
  if ((s = lookup (opaque, "LIBGUESTFS_CACHEDIR")) && *s)
    replace (g, &g->cachedir_prop, s);
  if ((s = lookup (opaque, "LIBGUESTFS_TMPDIR")) && *s)
    replace (g, &g->tmpdir_prop, s);
  if (((s = lookup (opaque, "LIBGUESTFS_HV")) && *s) ||
      ((s = lookup (opaque, "LIBGUESTFS_QEMU")) && *s))
    replace (g, &g->hv, s);
  return 0;
}

int
guestfs_impl_parse_environment (guestfs_h *g)
{
  return guestfs_int_parse_environment (g, NULL, NULL, true);
}

/* NAME=VALUE entries; the first one for a name wins, as in environ. */
static const char *
from_list (void *opaque, const char *name)
{
  char *const *list = opaque;
  size_t n = strlen (name);

  for (size_t i = 0; list[i]; ++i)
    if (strncmp (list[i], name, n) == 0 && list[i][n] == '=')
      return list[i] + n + 1;
  return NULL;
}

int
guestfs_impl_parse_environment_list (guestfs_h *g, char *const *environment)
{
  return guestfs_int_parse_environment (g, from_list, (void *) environment, true);
}
