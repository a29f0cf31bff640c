/* guestfsd: more btrfs — the tools that work on an unmounted device
 * (btrfs_filesystem_show, btrfs_fsck, seeding and btrfstune features,
 * superblock recovery), defragmenting, and quotas and qgroups. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include <errno.h>

#include "daemon.h"
#include "actions.h"
#include "blockdev.h"
#include "fs2.h"

/* Reply unless dev holds btrfs; with unmounted, also unless it is not
 * in use. */
static int
check_btrfs (const char *dev, bool unmounted)
{
  CLEANUP_FREE char *type = fs_type (dev);
  int busy;

  if (type == NULL)
    return -1;
  if (STRNEQ (type, "btrfs")) {
    CLEANUP_FREE char *api = blockdev_api_name (dev);
    reply_with_error_errno (EINVAL, "%s: not a btrfs filesystem (%s)",
                            api, *type ? type : "no filesystem found");
    return -1;
  }
  if (!unmounted)
    return 0;
  busy = fs_device_busy (dev);
  if (busy == 1)
    return fs_reply_busy (dev);
  return busy;
}

/* Run a btrfs tool on an unmounted btrfs device. */
static int
device_tool (const char *dev, const char *const *argv)
{
  CLEANUP_FREE char *api = blockdev_api_name (dev);

  if (check_btrfs (dev, true) == -1)
    return -1;
  return fs_command (api, argv, NULL);
}

/* "	devid    1 size 200.00MiB used 36.00MiB path /dev/sda1" */
char **
do_btrfs_filesystem_show (const char *device)
{
  CLEANUP_FREE_STRINGSBUF DECLARE_STRINGSBUF (sb);
  CLEANUP_FREE char *api = blockdev_api_name (device);
  CLEANUP_FREE char *out = NULL;
  CLEANUP_FREE_STRING_LIST char **lines = NULL;
  const char *argv[] = { "btrfs", "filesystem", "show", device, NULL };

  if (check_btrfs (device, false) == -1)
    return NULL;
  /* The other devices of the filesystem must be known to the kernel. */
  btrfs_scan ();
  if (fs_command (api, argv, &out) == -1)
    return NULL;
  lines = split_lines (out, strlen (out));
  if (lines == NULL) {
    reply_with_perror ("malloc");
    return NULL;
  }
  for (size_t i = 0; lines[i]; ++i) {
    const char *p;

    if (strstr (lines[i], "Some devices missing")) {
      reply_with_error_errno (ENODEV, "%s: some devices of the filesystem are missing",
                              api);
      return NULL;
    }
    if (strstr (lines[i], "devid") == NULL ||
        (p = strstr (lines[i], " path ")) == NULL)
      continue;
    p += strlen (" path ");
    if (add_string_nodup (&sb, daemon_device_to_api (p)) == -1)
      return NULL;
  }
  if (sb.size == 0) {
    reply_with_error ("%s: no devices found in the output of btrfs filesystem show",
                      api);
    return NULL;
  }
  if (end_stringsbuf (&sb) == -1)
    return NULL;
  return take_stringsbuf (&sb);
}

#define OPT_SUPERBLOCK (UINT64_C(1) << 0)
#define OPT_REPAIR (UINT64_C(1) << 1)

int
do_btrfs_fsck (const char *device, int64_t superblock, int repair)
{
  char sb_s[32];
  const char *argv[8];
  size_t n = 0;

  argv[n++] = "btrfs";
  argv[n++] = "check";
  if (optargs_bitmask & OPT_SUPERBLOCK) {
    if (superblock < 0 || superblock > 2) {
      reply_with_error ("%" PRIi64 ": btrfs has superblock copies 0, 1 and 2",
                        superblock);
      return -1;
    }
    snprintf (sb_s, sizeof sb_s, "%" PRIi64, superblock);
    argv[n++] = "-s";
    argv[n++] = sb_s;
  }
  if ((optargs_bitmask & OPT_REPAIR) && repair)
    argv[n++] = "--repair";
  argv[n++] = device;
  argv[n] = NULL;
  return device_tool (device, argv);
}

int
do_btrfs_set_seeding (const char *device, int seeding)
{
  /* Clearing the flag needs -f: filesystems made from the seed may no
   * longer mount. */
  const char *argv[] = {
    "btrfstune", "-S", seeding ? "1" : "0", seeding ? device : "-f",
    seeding ? NULL : device, NULL
  };

  return device_tool (device, argv);
}

int
do_btrfstune_seeding (const char *device, int seeding)
{
  return do_btrfs_set_seeding (device, seeding);
}

int
do_btrfstune_enable_extended_inode_refs (const char *device)
{
  const char *argv[] = { "btrfstune", "-r", device, NULL };

  return device_tool (device, argv);
}

int
do_btrfstune_enable_skinny_metadata_extent_refs (const char *device)
{
  const char *argv[] = { "btrfstune", "-x", device, NULL };

  return device_tool (device, argv);
}

int
do_btrfs_rescue_super_recover (const char *device)
{
  const char *argv[] = { "btrfs", "rescue", "super-recover", "-y", device, NULL };

  return device_tool (device, argv);
}

#define OPT_FLUSH (UINT64_C(1) << 0)
#define OPT_COMPRESS (UINT64_C(1) << 1)

int
do_btrfs_filesystem_defragment (const char *path, int flush,
                                const char *compress)
{
  CLEANUP_FREE char *c = NULL;
  const char *args[6] = { "filesystem", "defragment", "-r" };
  size_t n = 3;

  if ((optargs_bitmask & OPT_FLUSH) && flush)
    args[n++] = "-f";
  if (optargs_bitmask & OPT_COMPRESS) {
    if (STRNEQ (compress, "zlib") && STRNEQ (compress, "lzo") &&
        STRNEQ (compress, "zstd")) {
      reply_with_error ("%s: compress must be zlib, lzo or zstd", compress);
      return -1;
    }
    if (asprintf (&c, "-c%s", compress) == -1) {
      reply_with_perror ("malloc");
      return -1;
    }
    args[n++] = c;
  }
  args[n] = NULL;
  return btrfs_on_path (path, args, NULL, NULL);
}

/* ---- quotas ---- */

/* Run "btrfs ARGS... <fs>" where fs may also be a device (mounted
 * read-write privately for the call). */
static int
on_fs (const char *fs, const char *const *args)
{
  CLEANUP_FREE char *path = NULL;
  char *private = NULL;
  const char *argv[8];
  size_t n = 0;
  int r;

  if (btrfs_resolve_fs (fs, false, &path, &private) == -1)
    return -1;
  argv[n++] = "btrfs";
  for (size_t i = 0; args[i] && n < 6; ++i)
    argv[n++] = args[i];
  argv[n++] = path;
  argv[n] = NULL;
  r = fs_command (fs, argv, NULL);
  btrfs_unmount_private (private);
  return r;
}

int
do_btrfs_quota_enable (const char *fs, int enable)
{
  const char *args[] = { "quota", enable ? "enable" : "disable", NULL };

  return on_fs (fs, args);
}

int
do_btrfs_quota_rescan (const char *fs)
{
  const char *args[] = { "quota", "rescan", "-w", NULL };

  return on_fs (fs, args);
}

int
do_btrfs_qgroup_limit (const char *subvolume, int64_t size)
{
  char size_s[32];
  const char *args[] = { "qgroup", "limit", size_s, NULL };

  if (size < 0) {
    reply_with_error ("%" PRIi64 ": size must be >= 0", size);
    return -1;
  }
  snprintf (size_s, sizeof size_s, "%" PRIi64, size);
  return btrfs_on_path (subvolume, args, NULL, NULL);
}

static int
qgroup (const char *verb, const char *qgroupid, const char *subvolume)
{
  const char *args[] = { "qgroup", verb, qgroupid, NULL };

  if (btrfs_check_qgroupid (qgroupid) == -1)
    return -1;
  return btrfs_on_path (subvolume, args, NULL, NULL);
}

int
do_btrfs_qgroup_create (const char *qgroupid, const char *subvolume)
{
  return qgroup ("create", qgroupid, subvolume);
}

int
do_btrfs_qgroup_destroy (const char *qgroupid, const char *subvolume)
{
  return qgroup ("destroy", qgroupid, subvolume);
}
