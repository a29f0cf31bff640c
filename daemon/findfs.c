/* guestfsd: findfs_label and findfs_uuid — the filesystem with a given
 * label or UUID, found by findfs(8) (libblkid's probe of every block
 * device) and returned under its API name. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

#include "daemon.h"
#include "actions.h"

static char *
findfs (const char *tag, const char *value)
{
  CLEANUP_FREE char *arg = NULL, *out = NULL, *err = NULL;
  char *r;
  int st;

  if (asprintf (&arg, "%s=%s", tag, value) == -1) {
    reply_with_perror ("asprintf");
    return NULL;
  }
  st = command (&out, &err, "findfs", arg, NULL);
  if (st != 0) {
    if (err)
      trim_trailing (err);
    /* findfs's message names what it looked for. */
    if (err && *err)
      reply_with_error_errno (ENOENT, "%s", err);
    else
      reply_with_error_errno (ENOENT, "findfs: unable to resolve '%s'%s", arg,
                              st > 0 ? "" : " (could not run findfs)");
    return NULL;
  }
  trim_trailing (out);
  if (*out == '\0') {
    reply_with_error_errno (ENOENT, "findfs: %s: no such filesystem", arg);
    return NULL;
  }
  r = daemon_device_to_api (out);
  if (r == NULL)
    reply_with_perror ("%s", out);
  return r;
}

char *
do_findfs_label (const char *label)
{
  return findfs ("LABEL", label);
}

char *
do_findfs_uuid (const char *uuid)
{
  return findfs ("UUID", uuid);
}
