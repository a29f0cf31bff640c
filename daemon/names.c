/* guestfsd: new names for guest files — ln, ln_f (hard links), ln_sf
 * (symbolic links replacing what is there), rename, and cp_r (a
 * recursive copy that keeps nothing but the permissions).  Each name is
 * handled through its parent directory's fd, so the last component is
 * never followed out of the guest root. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <unistd.h>
#include <sys/stat.h>

#include "daemon.h"
#include "actions.h"
#include "files.h"
#include "files2.h"

/* link(2) target to linkname; with force, an existing linkname (but
 * not a directory) is removed first. */
static int
hard_link (const char *target, const char *linkname, bool force)
{
  CLEANUP_CLOSE int tfd = -1, lfd = -1;
  CLEANUP_FREE char *tbase = NULL, *lbase = NULL;

  tfd = sysroot_open_parent (target, &tbase);
  if (tfd == -1) {
    reply_with_perror ("link: %s", target);
    return -1;
  }
  lfd = sysroot_open_parent (linkname, &lbase);
  if (lfd == -1) {
    reply_with_perror ("link: %s", linkname);
    return -1;
  }
  if (force && unlinkat (lfd, lbase, 0) == -1 && errno != ENOENT) {
    reply_with_perror ("link: %s", linkname);
    return -1;
  }
  if (linkat (tfd, tbase, lfd, lbase, 0) == -1) {
    reply_with_perror ("link: %s: %s", target, linkname);
    return -1;
  }
  return 0;
}

int
do_ln (const char *target, const char *linkname)
{
  return hard_link (target, linkname, false);
}

int
do_ln_f (const char *target, const char *linkname)
{
  return hard_link (target, linkname, true);
}

int
do_ln_sf (const char *target, const char *linkname)
{
  return make_symlink (target, linkname, true);
}

int
do_rename (const char *oldpath, const char *newpath)
{
  CLEANUP_CLOSE int ofd = -1, nfd = -1;
  CLEANUP_FREE char *obase = NULL, *nbase = NULL;

  ofd = sysroot_open_parent (oldpath, &obase);
  if (ofd == -1) {
    reply_with_perror ("rename: %s", oldpath);
    return -1;
  }
  nfd = sysroot_open_parent (newpath, &nbase);
  if (nfd == -1) {
    reply_with_perror ("rename: %s", newpath);
    return -1;
  }
  if (renameat (ofd, obase, nfd, nbase) == -1) {
    reply_with_perror ("rename: %s: %s", oldpath, newpath);
    return -1;
  }
  return 0;
}

int
do_cp_r (const char *src, const char *dest)
{
  return cp_tree (src, dest, false);
}
