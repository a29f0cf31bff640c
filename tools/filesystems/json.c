/* virt-filesystems --json: each row as an object whose members are the
 * columns the text output would show (schema in virt-filesystems.pod),
 * collected into {"filesystems": [...]} and printed at the end.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "options.h"
#include "filesystems.h"
#include "json-print.h"

static json_object *rows;

void
fs_json_row (const char *name, const char *type, const char *vfs,
             const char *label, int mbr_id, int64_t size, char **parents,
             const char *uuid)
{
  json_object *o = json_object_new_object ();
  int c = fs_opts.columns;

  if (rows == NULL)
    rows = json_object_new_array ();
  json_object_object_add (o, "name", tools_json_string (name, 0));
  json_object_object_add (o, "type", json_object_new_string (type));
  if (c & FS_COL_VFS_TYPE)
    json_object_object_add (o, "vfs_type", tools_json_string (vfs, 1));
  if (c & FS_COL_VFS_LABEL)
    json_object_object_add (o, "label", tools_json_string (label, 1));
  if (c & FS_COL_MBR)
    json_object_object_add (o, "mbr_id",
                            mbr_id >= 0 ? json_object_new_int (mbr_id) : NULL);
  if (c & FS_COL_SIZE)
    json_object_object_add (o, "size",
                            size >= 0 ? json_object_new_int64 (size) : NULL);
  if (c & FS_COL_PARENTS) {
    json_object *a = json_object_new_array ();

    for (size_t i = 0; parents && parents[i]; ++i)
      json_object_array_add (a, tools_json_string (parents[i], 0));
    json_object_object_add (o, "parents", a);
  }
  if (c & FS_COL_UUID)
    json_object_object_add (o, "uuid", tools_json_string (uuid, 1));
  json_object_array_add (rows, o);
}

void
fs_json_print (void)
{
  json_object *top = json_object_new_object ();

  json_object_object_add (top, "filesystems",
                          rows ? rows : json_object_new_array ());
  rows = NULL;
  tools_json_print (top);
}
