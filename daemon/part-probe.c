/* guestfsd: look up one entry of a disk's partition table with libblkid
 * — its type byte or type GUID, GUID, name, flags — for the part_get_*
 * calls and for the checks the part_set_* calls make before they run a
 * program.  Nothing is cached: every call reads the table as it is on
 * disk now, and every string from the disk is bounded. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <errno.h>

#include <blkid.h>

#include "daemon.h"
#include "blockdev.h"

/* No real partition table has this many entries; a hostile one may
 * claim to. */
#define MAX_PARTITIONS 4096

/* 0, 1 if there is no partition table, 2 if there is no partition
 * partnum (unless partnum is 0: the table alone), -1 with errno. */
static int
probe (const char *disk, int partnum, struct blockdev_partinfo *pi)
{
  blkid_probe pr;
  blkid_partlist ls;
  blkid_parttable tab;
  const char *s;
  int n, r = 2;

  memset (pi, 0, sizeof *pi);
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
  s = blkid_parttable_get_type (tab);
  snprintf (pi->pttype, sizeof pi->pttype, "%s", s ? s : "");
  s = blkid_parttable_get_id (tab);
  snprintf (pi->table_id, sizeof pi->table_id, "%s", s ? s : "");
  if (partnum == 0) {
    blkid_free_probe (pr);
    return 0;
  }

  n = blkid_partlist_numof_partitions (ls);
  if (n < 0 || n > MAX_PARTITIONS) {
    blkid_free_probe (pr);
    errno = EINVAL;
    return -1;
  }
  for (int i = 0; i < n; ++i) {
    blkid_partition par = blkid_partlist_get_partition (ls, i);
    blkid_loff_t start, size;

    /* Only the disk's own table: not a BSD label nested in a partition. */
    if (par == NULL || blkid_partition_get_table (par) != tab ||
        blkid_partition_get_partno (par) != partnum)
      continue;
    start = blkid_partition_get_start (par);
    size = blkid_partition_get_size (par);
    /* On-disk values: keep byte offsets representable. */
    if (start < 0 || size < 0 || start > INT64_MAX / 1024 ||
        size > INT64_MAX / 1024) {
      blkid_free_probe (pr);
      errno = EINVAL;
      return -1;
    }
    pi->num = partnum;
    pi->start_bytes = (uint64_t) start * 512;
    pi->size_bytes = (uint64_t) size * 512;
    pi->extended = blkid_partition_is_extended (par);
    pi->logical = blkid_partition_is_logical (par);
    pi->mbr_id = blkid_partition_get_type (par);
    s = blkid_partition_get_type_string (par);
    snprintf (pi->type_guid, sizeof pi->type_guid, "%s", s ? s : "");
    s = blkid_partition_get_uuid (par);
    snprintf (pi->uuid, sizeof pi->uuid, "%s", s ? s : "");
    s = blkid_partition_get_name (par);
    snprintf (pi->name, sizeof pi->name, "%s", s ? s : "");
    pi->flags = blkid_partition_get_flags (par);
    r = 0;
    break;
  }
  blkid_free_probe (pr);
  return r;
}

/* parted's names for the table types, which the API uses. */
static const char *
pttype_name (const char *pttype)
{
  if (STREQ (pttype, "dos"))
    return "msdos (MBR)";
  if (STREQ (pttype, "gpt"))
    return "gpt";
  return pttype;
}

int
blockdev_check_partnum (int partnum)
{
  if (partnum <= 0) {
    reply_with_error ("partition number must be >= 1");
    return -1;
  }
  return 0;
}

static int
lookup (const char *disk, int partnum, const char *only_pttype,
        struct blockdev_partinfo *pi)
{
  CLEANUP_FREE char *api = NULL;
  int r = probe (disk, partnum, pi);

  if (r == 0 && (only_pttype == NULL || STREQ (pi->pttype, only_pttype)))
    return 0;

  api = blockdev_api_name (disk);
  if (r == -1) {
    if (errno == EINVAL)
      reply_with_error_errno (EINVAL, "%s: the partition table is corrupt", api);
    else
      reply_with_perror ("%s", api);
  }
  else if (r == 1)
    reply_with_error ("%s: unrecognised disk label (no partition table)", api);
  else if (only_pttype && STRNEQ (pi->pttype, only_pttype))
    reply_with_error_errno (EINVAL, "%s: the partition table is %s, not %s",
                            api, pttype_name (pi->pttype),
                            STREQ (only_pttype, "gpt") ? "GPT" : "MBR (msdos)");
  else
    reply_with_error_errno (ENOENT, "%s: partition number %d not found",
                            api, partnum);
  return -1;
}

int
blockdev_partinfo (const char *disk, int partnum, const char *only_pttype,
                   struct blockdev_partinfo *pi)
{
  if (blockdev_check_partnum (partnum) == -1)
    return -1;
  return lookup (disk, partnum, only_pttype, pi);
}

int
blockdev_tableinfo (const char *disk, const char *only_pttype,
                    struct blockdev_partinfo *pi)
{
  return lookup (disk, 0, only_pttype, pi);
}
