/* guestfsd: vfs_minimum_size — how small a filesystem could be shrunk,
 * asked of each type's own resize tool: resize2fs -P for ext2/3/4,
 * ntfsresize --info for NTFS, btrfs inspect-internal min-dev-size for
 * btrfs (mounted), and the current size for XFS, which cannot shrink. */

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

/* The number after "key" in out, or -1. */
static int64_t
number_after (const char *out, const char *key)
{
  const char *p = strstr (out, key);
  int64_t v;

  if (p == NULL || sscanf (p + strlen (key), " %" SCNi64, &v) != 1 || v < 0)
    return -1;
  return v;
}

static int64_t
ext_min_size (const char *dev, const char *api)
{
  const char *pargv[] = { "resize2fs", "-P", dev, NULL };
  const char *largv[] = { "tune2fs", "-l", dev, NULL };
  CLEANUP_FREE char *pout = NULL, *lout = NULL;
  int64_t blocks, bsize;

  if (fs_command (api, pargv, &pout) == -1 ||
      fs_command (api, largv, &lout) == -1)
    return -1;
  blocks = number_after (pout, "minimum size of the filesystem:");
  bsize = number_after (lout, "\nBlock size:");
  if (blocks < 0 || bsize <= 0 || blocks > INT64_MAX / bsize) {
    reply_with_error ("%s: cannot parse the output of resize2fs -P", api);
    return -1;
  }
  return blocks * bsize;
}

static int64_t
ntfs_min_size (const char *dev, const char *api)
{
  const char *argv[] = {
    "ntfsresize", "--info", "--force", "--no-progress-bar", dev, NULL
  };
  CLEANUP_FREE char *out = NULL;
  int64_t v;

  if (fs_command (api, argv, &out) == -1)
    return -1;
  /* "You might resize at 5074944 bytes or 6 MB (freeing 494 MB)." */
  v = number_after (out, "You might resize at");
  if (v < 0) {
    reply_with_error ("%s: cannot parse the output of ntfsresize --info", api);
    return -1;
  }
  return v;
}

static int64_t
btrfs_min_size (const char *dev, const char *api)
{
  CLEANUP_FREE char *mp = fs_device_mountpoint (dev);
  CLEANUP_FREE char *out = NULL;
  int64_t v;

  if (mp == NULL) {
    reply_with_error_errno (EINVAL, "%s: the btrfs filesystem must be mounted",
                            api);
    return -1;
  }
  {
    const char *argv[] = { "btrfs", "inspect-internal", "min-dev-size", mp, NULL };
    if (fs_command (api, argv, &out) == -1)
      return -1;
  }
  /* "98762752 bytes (94.19MiB)" */
  if (sscanf (out, "%" SCNi64, &v) != 1 || v <= 0) {
    reply_with_error ("%s: cannot parse the output of btrfs inspect-internal min-dev-size",
                      api);
    return -1;
  }
  return v;
}

int64_t
do_vfs_minimum_size (const char *mountable)
{
  CLEANUP_FREE char *dev = NULL, *vol = NULL, *type = NULL, *api = NULL;

  if (daemon_split_mountable (mountable, &dev, &vol) == -1) {
    reply_with_perror ("%s", mountable);
    return -1;
  }
  api = blockdev_api_name (dev);
  type = fs_type (dev);
  if (type == NULL)
    return -1;
  if (STREQ (type, "ext2") || STREQ (type, "ext3") || STREQ (type, "ext4"))
    return ext_min_size (dev, api);
  if (STREQ (type, "ntfs"))
    return ntfs_min_size (dev, api);
  if (STREQ (type, "btrfs"))
    return btrfs_min_size (dev, api);
  if (STREQ (type, "xfs"))
    return xfs_fs_size (dev);
  reply_with_error_errno (ENOTSUP, "%s: getting the minimum size of %s is not supported",
                          api, *type ? type : "a device with no filesystem");
  return -1;
}
