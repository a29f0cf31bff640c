/* virt-filesystems: the listings -- filesystems, LVM logical volumes,
 * volume groups and physical volumes, partitions and block devices --
 * each a series of rows, as libguestfs lists them.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>

#include "options.h"
#include "filesystems.h"

void
fs_row (const char *name, const char *type, const char *vfs,
        const char *label, int mbr_id, int64_t size, char **parents,
        const char *uuid)
{
  const char *cells[FS_NR_COLUMNS];
  char mbr[8], num[32], *joined = NULL;
  size_t n = 0, len = 0;
  int c = fs_opts.columns;

  if (fs_opts.json) {
    fs_json_row (name, type, vfs, label, mbr_id, size, parents, uuid);
    return;
  }
  cells[n++] = name;
  if (c & FS_COL_TYPE)
    cells[n++] = type;
  if (c & FS_COL_VFS_TYPE)
    cells[n++] = vfs;
  if (c & FS_COL_VFS_LABEL)
    cells[n++] = label;
  if (c & FS_COL_MBR) {
    snprintf (mbr, sizeof mbr, "%02x", (unsigned) mbr_id & 0xff);
    cells[n++] = mbr_id >= 0 ? mbr : NULL;
  }
  if (c & FS_COL_SIZE) {
    if (size >= 0 && fs_opts.human)
      tools_human_size ((unsigned long long) size, 1, num);
    else
      snprintf (num, sizeof num, "%" PRIi64, size);
    cells[n++] = size >= 0 ? num : NULL;
  }
  if (c & FS_COL_PARENTS) {
    if (parents) {
      for (size_t i = 0; parents[i]; ++i)
        len += strlen (parents[i]) + 1;
      joined = calloc (1, len + 1);
      if (joined == NULL) {
        perror ("calloc");
        exit (EXIT_FAILURE);
      }
      for (size_t i = 0; parents[i]; ++i) {
        if (i > 0)
          strcat (joined, ",");
        strcat (joined, parents[i]);
      }
    }
    cells[n++] = joined;
  }
  if (c & FS_COL_UUID)
    cells[n++] = uuid;
  fs_table_row (cells, n);
  free (joined);
}

static char *
canonical (const char *dev)
{
  char *r = guestfs_canonical_device_name (tools.g, dev);

  if (r == NULL)
    exit (EXIT_FAILURE);
  return r;
}

/* A string from CALL(DEV), or "" if it fails (no label, no UUID). */
static char *
quiet_string (char *(*call) (guestfs_h *, const char *), const char *dev)
{
  char *r;

  guestfs_push_error_handler (tools.g, NULL, NULL);
  r = call (tools.g, dev);
  guestfs_pop_error_handler (tools.g);
  return r ? r : strdup ("");
}

/* The filesystem's own size (what statvfs says once mounted), or the
 * device's size for what cannot be mounted, such as swap.
 */
static int64_t
filesystem_size (const char *dev)
{
  struct guestfs_statvfs *sv = NULL;
  int64_t size;

  guestfs_push_error_handler (tools.g, NULL, NULL);
  if (guestfs_mount_ro (tools.g, dev, "/") == 0) {
    sv = guestfs_statvfs (tools.g, "/");
    guestfs_umount_all (tools.g);
  }
  guestfs_pop_error_handler (tools.g);
  if (sv) {
    size = sv->blocks * sv->bsize;
    guestfs_free_statvfs (sv);
    return size;
  }
  size = guestfs_blockdev_getsize64 (tools.g, dev);
  if (size == -1)
    exit (EXIT_FAILURE);
  return size;
}

void
fs_list_filesystems (void)
{
  char **fses = guestfs_list_filesystems (tools.g);

  if (fses == NULL)
    exit (EXIT_FAILURE);
  for (size_t i = 0; fses[i] && fses[i+1]; i += 2) {
    char *dev, *label = NULL, *uuid = NULL;
    int64_t size = -1;

    /* Swap and unknown only with --extra. */
    if (!(fs_opts.output & FS_OUT_FILESYSTEMS_EXTRA) &&
        (STREQ (fses[i+1], "swap") || STREQ (fses[i+1], "unknown")))
      continue;
    dev = canonical (fses[i]);
    if (fs_opts.columns & FS_COL_VFS_LABEL)
      label = quiet_string (guestfs_vfs_label, fses[i]);
    if (fs_opts.columns & FS_COL_UUID)
      uuid = quiet_string (guestfs_vfs_uuid, fses[i]);
    if (fs_opts.columns & FS_COL_SIZE)
      size = filesystem_size (fses[i]);
    fs_row (dev, "filesystem", fses[i+1], label, -1, size, NULL, uuid);
    free (dev);
    free (label);
    free (uuid);
  }
  tools_free_strings (fses);
}

void
fs_list_lvs (void)
{
  char **lvs = guestfs_lvs (tools.g);

  if (lvs == NULL)
    exit (EXIT_FAILURE);
  for (size_t i = 0; lvs[i]; ++i) {
    char *uuid = NULL, *vg = NULL, *slash;
    char *parents[2] = { NULL, NULL };
    int64_t size = -1;

    if (fs_opts.columns & FS_COL_UUID)
      uuid = quiet_string (guestfs_lvuuid, lvs[i]);
    if (fs_opts.columns & FS_COL_SIZE) {
      size = guestfs_blockdev_getsize64 (tools.g, lvs[i]);
      if (size == -1)
        exit (EXIT_FAILURE);
    }
    if (fs_opts.columns & FS_COL_PARENTS) {
      /* "/dev/VG/LV" is in "/dev/VG". */
      vg = strdup (lvs[i]);
      if (vg && (slash = strrchr (vg, '/')) != NULL && slash > vg)
        *slash = '\0';
      parents[0] = vg;
    }
    fs_row (lvs[i], "lv", NULL, NULL, -1, size, vg ? parents : NULL, uuid);
    free (uuid);
    free (vg);
  }
  tools_free_strings (lvs);
}

/* The PVs of a VG, by name, from their UUIDs. */
static char **
vg_parents (const char *vg, const struct guestfs_lvm_pv_list *pvs)
{
  char **uuids = guestfs_vgpvuuids (tools.g, vg), **ret;
  size_t n;

  if (uuids == NULL)
    exit (EXIT_FAILURE);
  n = tools_count_strings (uuids);
  ret = calloc (n + 1, sizeof *ret);
  if (ret == NULL) {
    perror ("calloc");
    exit (EXIT_FAILURE);
  }
  for (size_t i = 0; i < n; ++i) {
    char bare[33];
    size_t k = 0;

    /* vgpvuuids gives the dashed form, pvs_full the bare 32 chars. */
    for (const char *p = uuids[i]; *p && k < 32; ++p)
      if (*p != '-')
        bare[k++] = *p;
    bare[k] = '\0';
    for (size_t j = 0; j < pvs->len; ++j)
      if (k == 32 && memcmp (bare, pvs->val[j].pv_uuid, 32) == 0) {
        ret[i] = canonical (pvs->val[j].pv_name);
        break;
      }
    if (ret[i] == NULL)
      ret[i] = strdup ("unknown");
  }
  tools_free_strings (uuids);
  return ret;
}

void
fs_list_vgs (void)
{
  struct guestfs_lvm_vg_list *vgs = guestfs_vgs_full (tools.g);
  struct guestfs_lvm_pv_list *pvs = guestfs_pvs_full (tools.g);

  if (vgs == NULL || pvs == NULL)
    exit (EXIT_FAILURE);
  for (size_t i = 0; i < vgs->len; ++i) {
    char name[300], uuid[33], **parents = NULL;

    snprintf (name, sizeof name, "/dev/%s", vgs->val[i].vg_name);
    memcpy (uuid, vgs->val[i].vg_uuid, 32);
    uuid[32] = '\0';
    if (fs_opts.columns & FS_COL_PARENTS)
      parents = vg_parents (vgs->val[i].vg_name, pvs);
    fs_row (name, "vg", NULL, NULL, -1, (int64_t) vgs->val[i].vg_size,
            parents, uuid);
    tools_free_strings (parents);
  }
  guestfs_free_lvm_vg_list (vgs);
  guestfs_free_lvm_pv_list (pvs);
}

void
fs_list_pvs (void)
{
  struct guestfs_lvm_pv_list *pvs = guestfs_pvs_full (tools.g);

  if (pvs == NULL)
    exit (EXIT_FAILURE);
  for (size_t i = 0; i < pvs->len; ++i) {
    char *dev = canonical (pvs->val[i].pv_name), uuid[33];

    memcpy (uuid, pvs->val[i].pv_uuid, 32);
    uuid[32] = '\0';
    fs_row (dev, "pv", NULL, NULL, -1, (int64_t) pvs->val[i].pv_size,
            NULL, uuid);
    free (dev);
  }
  guestfs_free_lvm_pv_list (pvs);
}

/* The MBR type byte of an msdos partition, or -1. */
static int
mbr_id (const char *part, const char *parent)
{
  char *type;
  int num, id = -1;

  guestfs_push_error_handler (tools.g, NULL, NULL);
  type = guestfs_part_get_parttype (tools.g, parent);
  num = guestfs_part_to_partnum (tools.g, part);
  if (type && STREQ (type, "msdos") && num > 0)
    id = guestfs_part_get_mbr_id (tools.g, parent, num);
  guestfs_pop_error_handler (tools.g);
  free (type);
  return id;
}

void
fs_list_partitions (void)
{
  char **parts = guestfs_list_partitions (tools.g);

  if (parts == NULL)
    exit (EXIT_FAILURE);
  for (size_t i = 0; parts[i]; ++i) {
    char *dev = canonical (parts[i]), *parent, *parents[2] = { NULL, NULL };
    int64_t size = -1;
    int id = -1;

    parent = guestfs_part_to_dev (tools.g, parts[i]);
    if (parent == NULL)
      exit (EXIT_FAILURE);
    if (fs_opts.columns & FS_COL_MBR)
      id = mbr_id (parts[i], parent);
    if (fs_opts.columns & FS_COL_SIZE) {
      size = guestfs_blockdev_getsize64 (tools.g, parts[i]);
      if (size == -1)
        exit (EXIT_FAILURE);
    }
    parents[0] = canonical (parent);
    fs_row (dev, "partition", NULL, NULL, id, size, parents, NULL);
    free (parents[0]);
    free (parent);
    free (dev);
  }
  tools_free_strings (parts);
}

void
fs_list_blockdevs (void)
{
  char **devs = guestfs_list_devices (tools.g);

  if (devs == NULL)
    exit (EXIT_FAILURE);
  for (size_t i = 0; devs[i]; ++i) {
    char *dev = canonical (devs[i]);
    int64_t size = -1;

    if (fs_opts.columns & FS_COL_SIZE) {
      size = guestfs_blockdev_getsize64 (tools.g, devs[i]);
      if (size == -1)
        exit (EXIT_FAILURE);
    }
    fs_row (dev, "device", NULL, NULL, -1, size, NULL, NULL);
    free (dev);
  }
  tools_free_strings (devs);
}
