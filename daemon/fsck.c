/* guestfsd: fsck — the generic filesystem checker, whose exit status is
 * the result (libguestfs returns it rather than failing). */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "daemon.h"
#include "actions.h"
#include "blockdev.h"
#include "fs2.h"

int
do_fsck (const char *fstype, const char *device)
{
  CLEANUP_FREE char *api = blockdev_api_name (device);
  CLEANUP_FREE char *err = NULL;
  const char *argv[] = { "fsck", "-a", "-t", fstype, device, NULL };
  int r;

  /* fsck runs "fsck.<fstype>": a type is a plain name. */
  if (*fstype == '\0' || *fstype == '.' || strlen (fstype) > 32 ||
      strspn (fstype, "abcdefghijklmnopqrstuvwxyz0123456789_.") != strlen (fstype)) {
    reply_with_error ("%s: invalid filesystem type", fstype);
    return -1;
  }
  r = commandv (NULL, &err, argv, -1);
  if (r == -1) {
    reply_with_error ("%s: fsck: %s", api, err && *err ? err : "could not run");
    return -1;
  }
  return r;
}
