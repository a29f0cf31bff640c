/* libguestfs (guestkit): what qemu-img says about a disk image —
 * disk_format, disk_virtual_size and disk_has_backing_file, from
 * "qemu-img info --output json -U" parsed with json-c.  -U reads images
 * that a running VM holds locked; the backing chain is not opened. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include <unistd.h>
#include <json-c/json.h>

#include "guestfs.h"
#include "guestfs-internal.h"
#include "guestfs-internal-actions.h"

char *
guestfs_int_qemu_safe_filename (guestfs_h *g, const char *filename)
{
  /* "nbd:...", "json:{...}": qemu parses a relative name with a colon
   * as a protocol; "./" makes it a plain file name. */
  if (filename[0] != '/' && strchr (filename, ':'))
    return safe_asprintf (g, "./%s", filename);
  return safe_strdup (g, filename);
}

/* qemu-img's message without the "qemu-img: " it starts with, with the
 * file named once by us. */
static void
qemu_img_error (guestfs_h *g, const char *filename, const char *msg)
{
  while (msg && STRPREFIX (msg, "qemu-img: "))
    msg += strlen ("qemu-img: ");
  error (g, "%s: %s", filename, msg && *msg ? msg : "qemu-img failed");
}

/* Run qemu-img; on failure set an error naming filename. */
int
guestfs_int_run_qemu_img (guestfs_h *g, const char *filename, char **out,
                          const char *const *argv)
{
  char *msg;
  int r;

  guestfs_push_error_handler (g, NULL, NULL);
  r = guestfs_int_run_command (g, out, argv);
  guestfs_pop_error_handler (g);
  if (r == -1) {
    /* run_command's message is "qemu-img: <stderr>". */
    msg = safe_strdup (g, guestfs_last_error (g) ? guestfs_last_error (g) : "");
    qemu_img_error (g, filename, msg);
    free (msg);
  }
  return r;
}

int
guestfs_int_qemu_img_info (guestfs_h *g, const char *filename,
                           const char *field, char **str, int64_t *num)
{
  char *safe = guestfs_int_qemu_safe_filename (g, filename);
  const char *argv[] = {
    "qemu-img", "info", "--output", "json", "-U", "--", safe, NULL
  };
  char *out = NULL;
  json_object *tree, *v;
  int r = -1;

  /* A plain "No such file" rather than qemu-img's nested messages. */
  if (access (filename, F_OK) == -1) {
    perrorf (g, "%s", filename);
    free (safe);
    return -1;
  }
  if (guestfs_int_run_qemu_img (g, filename, &out, argv) == -1) {
    free (safe);
    return -1;
  }
  free (safe);
  tree = json_tokener_parse (out);
  free (out);
  if (tree == NULL || !json_object_is_type (tree, json_type_object)) {
    error (g, "%s: qemu-img info printed something that is not a JSON object", filename);
    goto done;
  }
  if (!json_object_object_get_ex (tree, field, &v) || json_object_is_type (v, json_type_null)) {
    r = 0;
    goto done;
  }
  if (str) {
    if (!json_object_is_type (v, json_type_string)) {
      error (g, "%s: qemu-img info: \"%s\" is not a string", filename, field);
      goto done;
    }
    *str = safe_strdup (g, json_object_get_string (v));
  }
  if (num) {
    if (!json_object_is_type (v, json_type_int)) {
      error (g, "%s: qemu-img info: \"%s\" is not a number", filename, field);
      goto done;
    }
    *num = json_object_get_int64 (v);
  }
  r = 1;

 done:
  if (tree)
    json_object_put (tree);
  return r;
}

char *
guestfs_impl_disk_format (guestfs_h *g, const char *filename)
{
  char *format = NULL;
  int r = guestfs_int_qemu_img_info (g, filename, "format", &format, NULL);

  if (r == -1)
    return NULL;
  return r == 1 ? format : safe_strdup (g, "unknown");
}

int64_t
guestfs_impl_disk_virtual_size (guestfs_h *g, const char *filename)
{
  int64_t size = 0;
  int r = guestfs_int_qemu_img_info (g, filename, "virtual-size", NULL, &size);

  if (r == -1)
    return -1;
  if (r == 0 || size < 0) {
    error (g, "%s: qemu-img info did not report the virtual size", filename);
    return -1;
  }
  return size;
}

int
guestfs_impl_disk_has_backing_file (guestfs_h *g, const char *filename)
{
  char *backing = NULL;
  int r = guestfs_int_qemu_img_info (g, filename, "backing-filename", &backing, NULL);

  free (backing);
  return r;
}
