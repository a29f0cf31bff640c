/* virt-ls --json: each directory argument as {"directory", "entries"},
 * each entry an object with its name (relative to the directory), its
 * full path and, in the long modes, the fields the -lR listing has, as
 * numbers (times as seconds since the epoch, sizes in bytes); schema in
 * virt-ls.pod.  The document is printed once, at the end.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include "options.h"
#include "ls.h"
#include "json-print.h"

static json_object *dirs;           /* the "directories" array */
static json_object *entries;        /* the current directory's entries */

void
ls_json_begin (const char *dir)
{
  json_object *o = json_object_new_object ();

  if (dirs == NULL)
    dirs = json_object_new_array ();
  entries = json_object_new_array ();
  json_object_object_add (o, "directory", tools_json_string (dir, 0));
  json_object_object_add (o, "entries", entries);
  json_object_array_add (dirs, o);
}

static json_object *
new_entry (const char *name, const char *path)
{
  json_object *o = json_object_new_object ();

  json_object_object_add (o, "name", tools_json_string (name, 0));
  json_object_object_add (o, "path", tools_json_string (path, 0));
  json_object_array_add (entries, o);
  return o;
}

void
ls_json_name (const char *name, const char *path)
{
  new_entry (name, path);
}

static void
add_int (json_object *o, const char *key, int64_t v)
{
  json_object_object_add (o, key, json_object_new_int64 (v));
}

void
ls_json_long (const char *name, const char *path,
              const struct guestfs_statns *st, const char *link,
              const char *checksum)
{
  json_object *o = new_entry (name, path);
  char type[2] = { ls_type_char (st->st_mode), '\0' };

  json_object_object_add (o, "type", json_object_new_string (type));
  add_int (o, "mode", st->st_mode & 07777);
  add_int (o, "size", st->st_size);
  if (ls_opts.uids) {
    add_int (o, "uid", st->st_uid);
    add_int (o, "gid", st->st_gid);
  }
  if (ls_opts.times) {
    add_int (o, "atime", st->st_atime_sec);
    add_int (o, "mtime", st->st_mtime_sec);
    add_int (o, "ctime", st->st_ctime_sec);
  }
  if (ls_opts.extra_stats) {
    add_int (o, "dev_major", major ((dev_t) st->st_dev));
    add_int (o, "dev_minor", minor ((dev_t) st->st_dev));
    add_int (o, "ino", st->st_ino);
    add_int (o, "nlink", st->st_nlink);
    add_int (o, "rdev_major", major ((dev_t) st->st_rdev));
    add_int (o, "rdev_minor", minor ((dev_t) st->st_rdev));
    add_int (o, "blocks", st->st_blocks);
  }
  if (ls_opts.checksum)
    json_object_object_add (o, "checksum", tools_json_string (checksum, 0));
  json_object_object_add (o, "link", tools_json_string (link, 0));
}

void
ls_json_print (void)
{
  json_object *top = json_object_new_object ();

  json_object_object_add (top, "directories",
                          dirs ? dirs : json_object_new_array ());
  dirs = entries = NULL;
  tools_json_print (top);
}
