/* guestfsd: llz — a directory listed by "ls -laZ" (long format with
 * SELinux contexts).  As with ll, ls gets the directory already
 * resolved inside the guest root through an inherited fd, so no guest
 * symlink can lead it elsewhere. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include "daemon.h"
#include "actions.h"

char *
do_llz (const char *directory)
{
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *proc = NULL, *arg = NULL, *out = NULL, *err = NULL;
  const char *argv[] = { "ls", "-lanZ", "--", NULL, NULL };
  char *ret;
  int r;

  fd = sysroot_open (directory, O_PATH | O_DIRECTORY, 0);
  if (fd == -1) {
    reply_with_perror ("%s", directory);
    return NULL;
  }
  /* "/." lists the directory rather than describing the magic link. */
  if (fcntl (fd, F_SETFD, 0) == -1 ||
      (proc = fd_path (fd)) == NULL ||
      asprintf (&arg, "%s/.", proc) == -1) {
    reply_with_perror ("%s", directory);
    return NULL;
  }
  argv[3] = arg;
  r = commandv (&out, &err, argv, -1);
  if (r != 0) {
    if (err)
      trim_trailing (err);
    reply_with_error ("%s: ls: %s", directory,
                      err && *err ? err : r > 0 ? "failed" : "could not run");
    return NULL;
  }
  ret = out;
  out = NULL;
  return ret;
}
