/* guestfsd: mountable_device and mountable_subvolume — the two halves
 * of a Mountable ("/dev/sda1", or "btrfsvol:/dev/sda1/sub/vol" for a
 * btrfs subvolume), the device returned under its API name. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

#include "daemon.h"
#include "actions.h"

char *
do_mountable_device (const char *mountable)
{
  CLEANUP_FREE char *dev = NULL, *vol = NULL;
  char *r;

  if (daemon_split_mountable (mountable, &dev, &vol) == -1) {
    reply_with_perror ("%s", mountable);
    return NULL;
  }
  r = daemon_device_to_api (dev);
  if (r == NULL)
    reply_with_perror ("%s", dev);
  return r;
}

char *
do_mountable_subvolume (const char *mountable)
{
  CLEANUP_FREE char *dev = NULL, *shown = NULL;
  char *vol = NULL;

  if (daemon_split_mountable (mountable, &dev, &vol) == -1) {
    reply_with_perror ("%s", mountable);
    return NULL;
  }
  if (vol == NULL) {
    shown = daemon_device_to_api (dev);
    reply_with_error_errno (EINVAL, "%s: not a btrfs subvolume identifier",
                            shown ? shown : dev);
    return NULL;
  }
  return vol;
}
