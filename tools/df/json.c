/* virt-df --json: one object per filesystem, every size in bytes and
 * both the block and the inode figures whatever -i says; the document
 * (schema in virt-df.pod) is {"guests": [{"name", "filesystems": [...]}]}.
 */

#include <config.h>

#include <stdint.h>
#include <stdio.h>

#include "df.h"
#include "json-print.h"

/* The percentage used as --csv prints it: one decimal. */
static json_object *
percent (int64_t total, int64_t free_)
{
  double p = total > 0 ? 100. - 100. * (double) free_ / (double) total : 0;
  char buf[32];

  snprintf (buf, sizeof buf, "%.1f", p);
  return json_object_new_double_s (p, buf);
}

void
df_json_row (json_object *list, const char *dev,
             const struct guestfs_statvfs *st)
{
  json_object *o = json_object_new_object ();
  int64_t bs = st->bsize;

  json_object_object_add (o, "filesystem", tools_json_string (dev, 0));
  json_object_object_add (o, "block_size", json_object_new_int64 (bs));
  json_object_object_add (o, "size", json_object_new_int64 (st->blocks * bs));
  json_object_object_add (o, "used",
                          json_object_new_int64 ((st->blocks - st->bfree) * bs));
  json_object_object_add (o, "available",
                          json_object_new_int64 (st->bavail * bs));
  json_object_object_add (o, "use_percent", percent (st->blocks, st->bfree));
  json_object_object_add (o, "inodes", json_object_new_int64 (st->files));
  json_object_object_add (o, "inodes_used",
                          json_object_new_int64 (st->files - st->ffree));
  json_object_object_add (o, "inodes_free", json_object_new_int64 (st->ffree));
  json_object_object_add (o, "inodes_use_percent",
                          percent (st->files, st->ffree));
  json_object_array_add (list, o);
}

json_object *
df_json_guest (const char *name, json_object *filesystems)
{
  json_object *o = json_object_new_object ();

  json_object_object_add (o, "name", tools_json_string (name, 0));
  json_object_object_add (o, "filesystems", filesystems);
  return o;
}
