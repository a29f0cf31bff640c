/* guestfsd: modprobe — load a kernel module of the appliance (not of
 * the guest) with modprobe(8). */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

#include "daemon.h"
#include "actions.h"

int
do_modprobe (const char *modulename)
{
  CLEANUP_FREE char *err = NULL;
  int r;

  /* A name starting with '-' would be an option. */
  if (modulename[0] == '-' || modulename[0] == '\0') {
    reply_with_error_errno (EINVAL, "%s: invalid module name", modulename);
    return -1;
  }
  r = command (NULL, &err, "modprobe", "--", modulename, NULL);
  if (r != 0) {
    if (err)
      trim_trailing (err);
    reply_with_error ("%s: %s", modulename,
                      err && *err ? err :
                      r > 0 ? "modprobe failed" : "could not run modprobe");
    return -1;
  }
  return 0;
}
