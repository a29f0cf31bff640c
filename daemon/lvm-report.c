/* guestfsd: pvs_full, vgs_full and lvs_full — LVM's reports parsed into
 * the lvm_pv, lvm_vg and lvm_lv structs.
 *
 * lvm prints one object a line, its fields separated by a control
 * character that LVM's names, tags and numbers cannot contain, with
 * sizes in bytes and no unit suffix.  The values come from guest
 * metadata: a line with the wrong number of fields, a number that does
 * not parse or an absurd number of objects is an error, never a guess. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stddef.h>
#include <errno.h>
#include <locale.h>

#include "daemon.h"
#include "actions.h"
#include "lvm.h"

#define SEP "\x1f"              /* ASCII unit separator */
#define MAX_OBJECTS 65536
#define MAX_FIELDS 32

enum kind {
  K_STRING,                     /* char * */
  K_DEVICE,                     /* char *, a device: API name */
  K_UUID,                       /* char[32], the uuid without its '-'s */
  K_BYTES,                      /* u_quad_t */
  K_INT,                        /* quad_t */
  K_PERCENT,                    /* float, -1 if lvm prints nothing */
};

struct field {
  const char *name;             /* lvm's field name = the struct's */
  enum kind kind;
  size_t offset;
};

#define F(type, name, kind) { #name, kind, offsetof (type, name) }

static const struct field pv_fields[] = {
  F (guestfs_int_lvm_pv, pv_name, K_DEVICE),
  F (guestfs_int_lvm_pv, pv_uuid, K_UUID),
  F (guestfs_int_lvm_pv, pv_fmt, K_STRING),
  F (guestfs_int_lvm_pv, pv_size, K_BYTES),
  F (guestfs_int_lvm_pv, dev_size, K_BYTES),
  F (guestfs_int_lvm_pv, pv_free, K_BYTES),
  F (guestfs_int_lvm_pv, pv_used, K_BYTES),
  F (guestfs_int_lvm_pv, pv_attr, K_STRING),
  F (guestfs_int_lvm_pv, pv_pe_count, K_INT),
  F (guestfs_int_lvm_pv, pv_pe_alloc_count, K_INT),
  F (guestfs_int_lvm_pv, pv_tags, K_STRING),
  F (guestfs_int_lvm_pv, pe_start, K_BYTES),
  F (guestfs_int_lvm_pv, pv_mda_count, K_INT),
  F (guestfs_int_lvm_pv, pv_mda_free, K_BYTES),
};

static const struct field vg_fields[] = {
  F (guestfs_int_lvm_vg, vg_name, K_STRING),
  F (guestfs_int_lvm_vg, vg_uuid, K_UUID),
  F (guestfs_int_lvm_vg, vg_fmt, K_STRING),
  F (guestfs_int_lvm_vg, vg_attr, K_STRING),
  F (guestfs_int_lvm_vg, vg_size, K_BYTES),
  F (guestfs_int_lvm_vg, vg_free, K_BYTES),
  F (guestfs_int_lvm_vg, vg_sysid, K_STRING),
  F (guestfs_int_lvm_vg, vg_extent_size, K_BYTES),
  F (guestfs_int_lvm_vg, vg_extent_count, K_INT),
  F (guestfs_int_lvm_vg, vg_free_count, K_INT),
  F (guestfs_int_lvm_vg, max_lv, K_INT),
  F (guestfs_int_lvm_vg, max_pv, K_INT),
  F (guestfs_int_lvm_vg, pv_count, K_INT),
  F (guestfs_int_lvm_vg, lv_count, K_INT),
  F (guestfs_int_lvm_vg, snap_count, K_INT),
  F (guestfs_int_lvm_vg, vg_seqno, K_INT),
  F (guestfs_int_lvm_vg, vg_tags, K_STRING),
  F (guestfs_int_lvm_vg, vg_mda_count, K_INT),
  F (guestfs_int_lvm_vg, vg_mda_free, K_BYTES),
};

static const struct field lv_fields[] = {
  F (guestfs_int_lvm_lv, lv_name, K_STRING),
  F (guestfs_int_lvm_lv, lv_uuid, K_UUID),
  F (guestfs_int_lvm_lv, lv_attr, K_STRING),
  F (guestfs_int_lvm_lv, lv_major, K_INT),
  F (guestfs_int_lvm_lv, lv_minor, K_INT),
  F (guestfs_int_lvm_lv, lv_kernel_major, K_INT),
  F (guestfs_int_lvm_lv, lv_kernel_minor, K_INT),
  F (guestfs_int_lvm_lv, lv_size, K_BYTES),
  F (guestfs_int_lvm_lv, seg_count, K_INT),
  F (guestfs_int_lvm_lv, origin, K_STRING),
  F (guestfs_int_lvm_lv, snap_percent, K_PERCENT),
  F (guestfs_int_lvm_lv, copy_percent, K_PERCENT),
  F (guestfs_int_lvm_lv, move_pv, K_DEVICE),
  F (guestfs_int_lvm_lv, lv_tags, K_STRING),
  F (guestfs_int_lvm_lv, mirror_log, K_STRING),
  F (guestfs_int_lvm_lv, modules, K_STRING),
};

static int
parse_int (const char *s, bool is_unsigned, void *p)
{
  char *end;

  errno = 0;
  if (*s == '\0') {             /* not applicable */
    if (is_unsigned)
      * (u_quad_t *) p = 0;
    else
      * (quad_t *) p = 0;
    return 0;
  }
  if (is_unsigned) {
    unsigned long long v;
    if (*s == '-')
      return -1;
    v = strtoull (s, &end, 10);
    if (errno || *end)
      return -1;
    * (u_quad_t *) p = v;
  }
  else {
    long long v = strtoll (s, &end, 10);
    if (errno || *end)
      return -1;
    * (quad_t *) p = v;
  }
  return 0;
}

static int
parse_percent (const char *s, float *p)
{
  char *end;
  float v;

  if (*s == '\0') {
    *p = -1;
    return 0;
  }
  /* LC_ALL=C in the daemon: '.' is the decimal point. */
  errno = 0;
  v = strtof (s, &end);
  if (errno || *end || !(v >= 0 && v <= 100))
    return -1;
  *p = v;
  return 0;
}

static int
set_field (const struct field *f, char *obj, const char *val)
{
  void *p = obj + f->offset;

  switch (f->kind) {
  case K_STRING:
    * (char **) p = strdup (val);
    return * (char **) p ? 0 : -1;
  case K_DEVICE:
    * (char **) p = STRPREFIX (val, "/dev/") ? daemon_device_to_api (val)
                                             : strdup (val);
    return * (char **) p ? 0 : -1;
  case K_UUID: {
    char *u = p;
    size_t n = 0;
    memset (u, 0, 32);
    for (const char *s = val; *s; ++s)
      if (*s != '-') {
        if (n == 32)
          return -1;
        u[n++] = *s;
      }
    return n == 32 || n == 0 ? 0 : -1;
  }
  case K_BYTES:
    return parse_int (val, true, p);
  case K_INT:
    return parse_int (val, false, p);
  case K_PERCENT:
    return parse_percent (val, p);
  }
  return -1;
}

static void
free_objects (char *objs, size_t n, size_t size,
              const struct field *fields, size_t nf)
{
  for (size_t i = 0; i < n; ++i)
    for (size_t j = 0; j < nf; ++j)
      if (fields[j].kind == K_STRING || fields[j].kind == K_DEVICE)
        free (* (char **) (objs + i * size + fields[j].offset));
  free (objs);
}

/* Run "lvm CMD" for the fields and parse each line into a zeroed object
 * of size bytes.  Returns the array (count in *n_r), or NULL after
 * replying. */
static void *
report (const char *cmd, const struct field *fields, size_t nf, size_t size,
        size_t *n_r)
{
  char list[1024] = "";
  const char *args[] = {
    cmd, "--noheadings", "--nosuffix", "--units", "b", "--unbuffered",
    "--separator", SEP, "-o", list, NULL
  };
  CLEANUP_FREE char *out = NULL;
  CLEANUP_FREE_STRING_LIST char **lines = NULL;
  char *objs = NULL;
  size_t n = 0;

  for (size_t j = 0; j < nf; ++j) {
    if (j)
      strcat (list, ",");
    strcat (list, fields[j].name);
  }
  storage_activate_once ();
  if (lvm_run (&out, cmd, args) == -1)
    return NULL;
  lines = split_lines (out, strlen (out));
  if (lines == NULL)
    return NULL;
  if (daemon_count_strings (lines) > MAX_OBJECTS) {
    reply_with_error ("%s: more than %d objects", cmd, MAX_OBJECTS);
    return NULL;
  }
  objs = calloc (daemon_count_strings (lines) + 1, size);
  if (objs == NULL) {
    reply_with_perror ("calloc");
    return NULL;
  }
  for (size_t i = 0; lines[i]; ++i) {
    char *line = lines[i] + strspn (lines[i], " ");
    char *vals[MAX_FIELDS];
    size_t nv = 0;

    if (*line == '\0')
      continue;
    for (char *p = line; ; ) {
      char *sep = strstr (p, SEP);
      if (nv == MAX_FIELDS)
        break;
      vals[nv++] = p;
      if (sep == NULL)
        break;
      *sep = '\0';
      p = sep + strlen (SEP);
    }
    if (nv != nf) {
      reply_with_error ("%s: unexpected output from lvm (%zu fields, expected %zu)",
                        cmd, nv, nf);
      free_objects (objs, n, size, fields, nf);
      return NULL;
    }
    for (size_t j = 0; j < nf; ++j) {
      trim_trailing (vals[j]);
      if (set_field (&fields[j], objs + n * size, vals[j]) == -1) {
        reply_with_error ("%s: unexpected value for %s from lvm: \"%.64s\"",
                          cmd, fields[j].name, vals[j]);
        free_objects (objs, n + 1, size, fields, nf);
        return NULL;
      }
    }
    n++;
  }
  *n_r = n;
  return objs;
}

#define NFIELDS(a) (sizeof (a) / sizeof (a)[0])

guestfs_int_lvm_pv_list *
do_pvs_full (void)
{
  guestfs_int_lvm_pv_list *r;
  size_t n;
  void *v = report ("pvs", pv_fields, NFIELDS (pv_fields),
                    sizeof (guestfs_int_lvm_pv), &n);

  if (v == NULL)
    return NULL;
  r = malloc (sizeof *r);
  if (r == NULL) {
    reply_with_perror ("malloc");
    free_objects (v, n, sizeof (guestfs_int_lvm_pv), pv_fields,
                  NFIELDS (pv_fields));
    return NULL;
  }
  r->guestfs_int_lvm_pv_list_len = n;
  r->guestfs_int_lvm_pv_list_val = v;
  return r;
}

guestfs_int_lvm_vg_list *
do_vgs_full (void)
{
  guestfs_int_lvm_vg_list *r;
  size_t n;
  void *v = report ("vgs", vg_fields, NFIELDS (vg_fields),
                    sizeof (guestfs_int_lvm_vg), &n);

  if (v == NULL)
    return NULL;
  r = malloc (sizeof *r);
  if (r == NULL) {
    reply_with_perror ("malloc");
    free_objects (v, n, sizeof (guestfs_int_lvm_vg), vg_fields,
                  NFIELDS (vg_fields));
    return NULL;
  }
  r->guestfs_int_lvm_vg_list_len = n;
  r->guestfs_int_lvm_vg_list_val = v;
  return r;
}

guestfs_int_lvm_lv_list *
do_lvs_full (void)
{
  guestfs_int_lvm_lv_list *r;
  size_t n;
  void *v = report ("lvs", lv_fields, NFIELDS (lv_fields),
                    sizeof (guestfs_int_lvm_lv), &n);

  if (v == NULL)
    return NULL;
  r = malloc (sizeof *r);
  if (r == NULL) {
    reply_with_perror ("malloc");
    free_objects (v, n, sizeof (guestfs_int_lvm_lv), lv_fields,
                  NFIELDS (lv_fields));
    return NULL;
  }
  r->guestfs_int_lvm_lv_list_len = n;
  r->guestfs_int_lvm_lv_list_val = v;
  return r;
}
