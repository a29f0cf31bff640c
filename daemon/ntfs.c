/* guestfsd: NTFS tools — ntfsresize, ntfsfix, ntfs_3g_probe — from
 * ntfs-3g's programs, on a device that must not be mounted. */

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

/* Reply unless the device holds NTFS and is not in use. */
static int
check_ntfs (const char *dev)
{
  CLEANUP_FREE char *type = fs_type (dev);
  int busy;

  if (type == NULL)
    return -1;
  if (STRNEQ (type, "ntfs")) {
    CLEANUP_FREE char *api = blockdev_api_name (dev);
    reply_with_error_errno (EINVAL, "%s: not an NTFS filesystem (%s)",
                            api, *type ? type : "no filesystem found");
    return -1;
  }
  busy = fs_device_busy (dev);
  if (busy == 1)
    return fs_reply_busy (dev);
  return busy;
}

#define OPT_SIZE (UINT64_C(1) << 0)
#define OPT_FORCE (UINT64_C(1) << 1)

int
do_ntfsresize (const char *device, int64_t size, int force)
{
  CLEANUP_FREE char *api = blockdev_api_name (device);
  char size_s[32];
  const char *argv[8];
  size_t n = 0;

  if (check_ntfs (device) == -1)
    return -1;
  argv[n++] = "ntfsresize";
  argv[n++] = "--no-progress-bar";
  if (optargs_bitmask & OPT_SIZE) {
    if (size <= 0) {
      reply_with_error ("%" PRIi64 ": size must be > 0", size);
      return -1;
    }
    snprintf (size_s, sizeof size_s, "%" PRIi64, size);
    argv[n++] = "--size";
    argv[n++] = size_s;
  }
  if ((optargs_bitmask & OPT_FORCE) && force)
    argv[n++] = "--force";
  argv[n++] = device;
  argv[n] = NULL;
  /* It asks for confirmation; with no terminal it goes ahead. */
  return fs_command (api, argv, NULL);
}

int
do_ntfsfix (const char *device, int clearbadsectors)
{
  CLEANUP_FREE char *api = blockdev_api_name (device);
  const char *argv[4];
  size_t n = 0;

  if (check_ntfs (device) == -1)
    return -1;
  argv[n++] = "ntfsfix";
  if ((optargs_bitmask & 1) && clearbadsectors)
    argv[n++] = "-b";
  argv[n++] = device;
  argv[n] = NULL;
  return fs_command (api, argv, NULL);
}

/* The exit status is the answer (0: mountable; see ntfs-3g.probe(8)). */
int
do_ntfs_3g_probe (int rw, const char *device)
{
  CLEANUP_FREE char *api = blockdev_api_name (device);
  CLEANUP_FREE char *err = NULL;
  const char *argv[] = {
    "ntfs-3g.probe", rw ? "--readwrite" : "--readonly", device, NULL
  };
  int r = commandv (NULL, &err, argv, -1);

  if (r == -1) {
    reply_with_error ("%s: ntfs-3g.probe: %s", api,
                      err && *err ? err : "could not run");
    return -1;
  }
  return r;
}
