/* libguestfs (guestkit): the handle's private temporary directory
 * (overlays, scratch disks) and the appliance cache directory. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/stat.h>

#include "guestfs.h"
#include "guestfs-internal.h"
#include "guestfs-internal-actions.h"

int
guestfs_int_lazy_make_tmpdir (guestfs_h *g)
{
  char *base, *tmpl;

  if (g->tmpdir)
    return 0;
  base = guestfs_impl_get_tmpdir (g);
  tmpl = safe_asprintf (g, "%s/guestfsXXXXXX", base);
  free (base);
  /* mkdtemp makes it 0700: overlays of other people's images stay private. */
  if (mkdtemp (tmpl) == NULL) {
    perrorf (g, "%s", tmpl);
    free (tmpl);
    return -1;
  }
  g->tmpdir = tmpl;
  return 0;
}

void
guestfs_int_remove_tmpdir (guestfs_h *g)
{
  if (g->tmpdir) {
    guestfs_int_remove_dir (g->tmpdir);
    free (g->tmpdir);
    g->tmpdir = NULL;
  }
}

/* The cache holds the built appliance: reused by every handle of this
 * user.  LIBGUESTFS_CACHEDIR / set_cachedir name it; otherwise
 * $XDG_CACHE_HOME/guestkit, else /var/tmp/.guestkit-UID. */
char *
guestfs_int_get_cachedir (guestfs_h *g)
{
  const char *xdg;

  if (g->cachedir_prop)
    return safe_strdup (g, g->cachedir_prop);
  xdg = getenv ("XDG_CACHE_HOME");
  if (xdg && *xdg == '/')
    return safe_asprintf (g, "%s/guestkit", xdg);
  return safe_asprintf (g, "/var/tmp/.guestkit-%ju", (uintmax_t) geteuid ());
}
