/* guestfsd: LVM physical volumes — pvcreate, pvremove, pvresize,
 * pvresize_size, pvchange_uuid, pvchange_uuid_all.  Devices arrive as
 * kernel names; messages give the API names. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>

#include "daemon.h"
#include "actions.h"
#include "lvm.h"

int
do_pvcreate (const char *device)
{
  CLEANUP_FREE char *api = daemon_device_to_api (device);

  storage_activate_once ();
  /* --force: overwrite whatever signature the device had, as libguestfs
   * does, instead of asking (there is no one to answer). */
  return lvm_cmd (NULL, api, "pvcreate", "--force", device, NULL);
}

int
do_pvremove (const char *device)
{
  CLEANUP_FREE char *api = daemon_device_to_api (device);

  storage_activate_once ();
  /* A single -f: a PV that belongs to a volume group is refused, with
   * lvm's message saying so (libguestfs's -ff asks first, and the closed
   * stdin answers no: the same refusal, less clearly put). */
  return lvm_cmd (NULL, api, "pvremove", "-f", device, NULL);
}

int
do_pvresize (const char *device)
{
  CLEANUP_FREE char *api = daemon_device_to_api (device);

  storage_activate_once ();
  return lvm_cmd (NULL, api, "pvresize", device, NULL);
}

int
do_pvresize_size (const char *device, int64_t size)
{
  CLEANUP_FREE char *api = daemon_device_to_api (device);
  char buf[32];

  if (size <= 0) {
    reply_with_error ("%s: size must be positive (was %" PRIi64 ")",
                      api, size);
    return -1;
  }
  storage_activate_once ();
  snprintf (buf, sizeof buf, "%" PRIi64 "b", size);
  return lvm_cmd (NULL, api, "pvresize", "--yes",
                  "--setphysicalvolumesize", buf, device, NULL);
}

int
do_pvchange_uuid (const char *device)
{
  CLEANUP_FREE char *api = daemon_device_to_api (device);

  storage_activate_once ();
  return lvm_cmd (NULL, api, "pvchange", "-u", device, NULL);
}

int
do_pvchange_uuid_all (void)
{
  storage_activate_once ();
  return lvm_cmd (NULL, NULL, "pvchange", "-u", "-a", NULL);
}
