/* virt-df: the statvfs walk over one guest, as libguestfs does it: for
 * each filesystem list_filesystems finds (swap and unknown contents
 * excepted), mount it read-only on /, statvfs it, unmount it.  A
 * filesystem that does not mount is left out silently.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"
#include "df.h"

static void
stat_one (guestfs_h *g, const char *name, const char *dev, FILE *fp,
          json_object *json)
{
  struct guestfs_statvfs *st;
  char *canonical;

  guestfs_push_error_handler (g, NULL, NULL);
  if (guestfs_mount_ro (g, dev, "/") == -1) {
    guestfs_pop_error_handler (g);
    return;
  }
  st = guestfs_statvfs (g, "/");
  guestfs_umount_all (g);
  canonical = guestfs_canonical_device_name (g, dev);
  guestfs_pop_error_handler (g);

  if (st != NULL && json != NULL)
    df_json_row (json, canonical ? canonical : dev, st);
  else if (st != NULL)
    df_print_row (fp, name, canonical ? canonical : dev, st);
  guestfs_free_statvfs (st);
  free (canonical);
}

int
df_guest (guestfs_h *g, const char *name, FILE *fp, json_object *json)
{
  char **fses = guestfs_list_filesystems (g);
  size_t i;

  if (fses == NULL)
    return -1;
  for (i = 0; fses[i] != NULL; i += 2) {
    const char *dev = fses[i], *type = fses[i + 1];

    if (STREQ (type, "swap") || STREQ (type, "unknown"))
      continue;
    stat_one (g, name, dev, fp, json);
  }
  tools_free_strings (fses);
  return 0;
}
