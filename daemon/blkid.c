/* guestfsd: filesystem and partition table probing with libblkid —
 * vfs_type, vfs_label, vfs_uuid, list_filesystems — plus the partition
 * table reader and the signature wiper that the partitioning and mkfs
 * calls share.  Probing is low-level (no blkid cache, which could be
 * stale or written into the appliance) and reads the device as it is
 * now; every number read from the disk is range-checked. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <unistd.h>
#include <ctype.h>

#include <blkid.h>

#include "daemon.h"
#include "actions.h"
#include "blockdev.h"
#include "lvm.h"
#include "fs2.h"

/* No real partition table has this many entries; a hostile one may
 * claim to. */
#define MAX_PARTITIONS 4096

/* Bound on signature-wiping rounds: each round removes one signature. */
#define MAX_WIPES 64

char *
blockdev_fs_tag (const char *dev, const char *tag)
{
  blkid_probe pr;
  const char *data;
  size_t len;
  char *r;
  int rc;

  errno = 0;
  pr = blkid_new_probe_from_filename (dev);
  if (pr == NULL) {
    if (errno == 0)
      errno = EIO;
    return NULL;
  }
  blkid_probe_enable_superblocks (pr, 1);
  blkid_probe_set_superblocks_flags (pr, BLKID_SUBLKS_TYPE |
                                     BLKID_SUBLKS_LABEL | BLKID_SUBLKS_UUID);
  rc = blkid_do_safeprobe (pr);
  if (rc == -1) {
    blkid_free_probe (pr);
    errno = EIO;
    return NULL;
  }
  /* rc 1: nothing found; rc -2: ambivalent (signatures of several
   * filesystems): like blkid(8), report nothing. */
  if (rc == 0 && blkid_probe_lookup_value (pr, tag, &data, &len) == 0)
    r = strndup (data, len);
  else
    r = strdup ("");
  blkid_free_probe (pr);
  return r;
}

/* A btrfs subvolume mountable is probed as its device. */
static char *
fs_tag_or_reply (const char *mountable, const char *tag)
{
  CLEANUP_FREE char *dev = NULL, *vol = NULL;
  char *r = NULL;

  if (daemon_split_mountable (mountable, &dev, &vol) == 0)
    r = blockdev_fs_tag (dev, tag);
  if (r == NULL) {
    CLEANUP_FREE char *api = fs_mountable_api_name (mountable);
    reply_with_perror ("%s", api);
  }
  return r;
}

char *
do_vfs_type (const char *mountable)
{
  return fs_tag_or_reply (mountable, "TYPE");
}

char *
do_vfs_label (const char *mountable)
{
  return fs_tag_or_reply (mountable, "LABEL");
}

char *
do_vfs_uuid (const char *mountable)
{
  return fs_tag_or_reply (mountable, "UUID");
}

int
blockdev_read_ptable (const char *disk, char **type_r,
                      struct blockdev_part **parts_r, size_t *n_r)
{
  blkid_probe pr;
  blkid_partlist ls;
  blkid_parttable tab;
  struct blockdev_part *parts = NULL;
  int n, err;
  size_t np = 0;

  *type_r = NULL;
  *parts_r = NULL;
  *n_r = 0;

  errno = 0;
  pr = blkid_new_probe_from_filename (disk);
  if (pr == NULL) {
    if (errno == 0)
      errno = EIO;
    return -1;
  }
  ls = blkid_probe_get_partitions (pr);
  tab = ls ? blkid_partlist_get_table (ls) : NULL;
  if (tab == NULL) {
    blkid_free_probe (pr);
    return 1;
  }
  *type_r = strdup (blkid_parttable_get_type (tab));
  if (*type_r == NULL)
    goto fail;

  n = blkid_partlist_numof_partitions (ls);
  if (n < 0 || n > MAX_PARTITIONS) {
    errno = EINVAL;
    goto fail;
  }
  parts = calloc (n ? n : 1, sizeof *parts);
  if (parts == NULL)
    goto fail;
  for (int i = 0; i < n; ++i) {
    blkid_partition par = blkid_partlist_get_partition (ls, i);
    blkid_loff_t start, size;
    const char *guid;
    struct blockdev_part *p = &parts[np];

    /* Only the disk's own table: not a BSD label nested in a partition. */
    if (par == NULL || blkid_partition_get_table (par) != tab)
      continue;
    start = blkid_partition_get_start (par);
    size = blkid_partition_get_size (par);
    p->num = blkid_partition_get_partno (par);
    /* On-disk values: keep byte offsets representable. */
    if (p->num <= 0 || start < 0 || size < 0 ||
        start > INT64_MAX / 512 || size > INT64_MAX / 512 ||
        start * 512 > INT64_MAX - size * 512) {
      errno = EINVAL;
      goto fail;
    }
    p->start = start * 512;
    p->size = size * 512;
    p->extended = blkid_partition_is_extended (par);
    p->mbr_id = blkid_partition_get_type (par);
    guid = blkid_partition_get_type_string (par);
    snprintf (p->type_guid, sizeof p->type_guid, "%s", guid ? guid : "");
    np++;
  }
  blkid_free_probe (pr);
  *parts_r = parts;
  *n_r = np;
  return 0;

 fail:
  err = errno;
  blkid_free_probe (pr);
  free (parts);
  free (*type_r);
  *type_r = NULL;
  errno = err;
  return -1;
}

int
blockdev_wipe_signatures (const char *device)
{
  int fd, r = 0, err = 0;
  blkid_probe pr;

  fd = open (device, O_RDWR | O_EXCL | O_CLOEXEC);
  if (fd == -1)
    return -1;
  errno = 0;
  pr = blkid_new_probe ();
  if (pr == NULL || blkid_probe_set_device (pr, fd, 0, 0) == -1) {
    err = errno ? errno : ENOMEM;
    r = -1;
    goto out;
  }
  blkid_probe_enable_superblocks (pr, 1);
  blkid_probe_set_superblocks_flags (pr, BLKID_SUBLKS_MAGIC |
                                     BLKID_SUBLKS_BADCSUM);
  blkid_probe_enable_partitions (pr, 1);
  blkid_probe_set_partitions_flags (pr, BLKID_PARTS_MAGIC |
                                    BLKID_PARTS_FORCE_GPT);
  for (int i = 0; i < MAX_WIPES && blkid_do_probe (pr) == 0; ++i) {
    if (blkid_do_wipe (pr, 0) != 0) {
      err = errno ? errno : EIO;
      r = -1;
      goto out;
    }
  }
  if (fsync (fd) == -1) {
    err = errno;
    r = -1;
  }

 out:
  if (pr)
    blkid_free_probe (pr);
  close (fd);
  errno = err;
  return r;
}

/* GPT partition types that never hold a filesystem (libguestfs skips
 * them too): Windows LDM metadata and data, Microsoft reserved, Windows
 * snapshot. */
static const char *const no_fs_guids[] = {
  "5808c8aa-7e8f-42e0-85d2-e1e90434cfb3",
  "af9b60a0-1431-4f62-bc68-3311714a69ad",
  "e3c9e316-0b5c-4db8-817d-f92df00215ae",
  "caddebf1-4400-4de8-b103-12117dcf91b3",
};

static bool
can_hold_fs (const struct blockdev_part *p)
{
  if (p->extended)
    return false;
  for (size_t i = 0; i < sizeof no_fs_guids / sizeof no_fs_guids[0]; ++i)
    if (strcasecmp (p->type_guid, no_fs_guids[i]) == 0)
      return false;
  return true;
}

/* Partition number from a kernel name ("sda12" -> 12). */
static int
name_partnum (const char *name)
{
  size_t len = strlen (name), i = len;

  while (i > 0 && isdigit ((unsigned char) name[i - 1]))
    i--;
  if (i == len || len - i > 9)
    return -1;
  return atoi (name + i);
}

static int
add_fs (struct stringsbuf *sb, const char *kdev)
{
  CLEANUP_FREE char *type = blockdev_fs_tag (kdev, "TYPE");
  char *api;

  /* PVs, RAID members, LUKS and BitLocker hold other devices (lvm.h). */
  if (type && listfs_is_container (type))
    return 0;
  api = daemon_device_to_api (kdev);
  if (api == NULL) {
    reply_with_perror ("list_filesystems");
    return -1;
  }
  if (add_string_nodup (sb, api) == -1)
    return -1;
  /* A device that cannot be probed is listed as unknown, not fatal. */
  if (add_string (sb, type && *type ? type : "unknown") == -1)
    return -1;
  /* A btrfs filesystem is also listed as each of its subvolumes. */
  if (type && STREQ (type, "btrfs"))
    return btrfs_add_subvolumes (sb, kdev);
  return 0;
}

/* Probe the devices of a list from lvm.h (device mapper, or MD arrays
 * and logical volumes) like the others; frees the list. */
static int
add_storage_fs (struct stringsbuf *sb, char **devs)
{
  int r = 0;

  if (devs == NULL)
    return -1;
  for (size_t i = 0; r == 0 && devs[i]; ++i)
    r = add_fs (sb, devs[i]);
  daemon_free_string_list (devs);
  return r;
}

char **
do_list_filesystems (void)
{
  /* Whole disks first, then partitions, as libguestfs lists them. */
  CLEANUP_FREE_STRINGSBUF DECLARE_STRINGSBUF (sb);
  CLEANUP_FREE_STRINGSBUF DECLARE_STRINGSBUF (psb);
  const char *d;

  for (size_t i = 0; (d = daemon_kernel_disk (i)) != NULL; ++i) {
    CLEANUP_FREE char *disk = NULL;
    CLEANUP_FREE char *pttype = NULL;
    CLEANUP_FREE struct blockdev_part *parts = NULL;
    CLEANUP_FREE_STRING_LIST char **kparts = NULL;
    size_t nparts = 0;
    int r;

    if (asprintf (&disk, "/dev/%s", d) == -1) {
      reply_with_perror ("asprintf");
      return NULL;
    }
    r = blockdev_read_ptable (disk, &pttype, &parts, &nparts);
    /* A whole disk without a partition table may hold a filesystem. */
    if (r == 1 && add_fs (&sb, disk) == -1)
      return NULL;

    kparts = blockdev_disk_partitions (d);
    if (kparts == NULL)
      continue;
    for (size_t j = 0; kparts[j]; ++j) {
      char kdev[PATH_MAX];
      int num = name_partnum (kparts[j]);
      bool skip = false;

      for (size_t k = 0; r == 0 && k < nparts; ++k)
        if (parts[k].num == num && !can_hold_fs (&parts[k]))
          skip = true;
      if (skip)
        continue;
      snprintf (kdev, sizeof kdev, "/dev/%s", kparts[j]);
      if (add_fs (&psb, kdev) == -1)
        return NULL;
    }
  }
  /* Then open device-mapper devices (LUKS), partitions, MD arrays and
   * LVs, as libguestfs orders them. */
  if (add_storage_fs (&sb, listfs_dm_devices ()) == -1)
    return NULL;
  for (size_t i = 0; i < psb.size; ++i) {
    if (add_string_nodup (&sb, psb.argv[i]) == -1) {
      psb.argv[i] = NULL;
      return NULL;
    }
    psb.argv[i] = NULL;
  }
  if (add_storage_fs (&sb, listfs_md_and_lvs ()) == -1)
    return NULL;
  if (end_stringsbuf (&sb) == -1)
    return NULL;
  return take_stringsbuf (&sb);
}
