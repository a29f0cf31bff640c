/* guestfsd: attributes of guest files — utimens, lchown,
 * copy_attributes — and the daemon's umask (umask, get_umask), which
 * every file the daemon and its children create is subject to.
 * Changes act on what the path resolves to inside the guest root,
 * except lchown, which acts on a symlink itself. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/xattr.h>

#include "daemon.h"
#include "actions.h"
#include "files.h"
#include "files2.h"

/* copy_attributes' optargs, in the API table's order. */
#define OPT_ALL (UINT64_C(1) << 0)
#define OPT_MODE (UINT64_C(1) << 1)
#define OPT_XATTRIBUTES (UINT64_C(1) << 2)
#define OPT_OWNERSHIP (UINT64_C(1) << 3)

static void
set_time (struct timespec *ts, int64_t secs, int64_t nsecs)
{
  /* -1: now, -2: unchanged; the seconds are then ignored. */
  ts->tv_sec = nsecs == -1 || nsecs == -2 ? 0 : secs;
  ts->tv_nsec = nsecs == -1 ? UTIME_NOW : nsecs == -2 ? UTIME_OMIT : nsecs;
}

int
do_utimens (const char *path, int64_t atsecs, int64_t atnsecs,
            int64_t mtsecs, int64_t mtnsecs)
{
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *proc = NULL;
  struct timespec times[2];

  set_time (&times[0], atsecs, atnsecs);
  set_time (&times[1], mtsecs, mtnsecs);
  /* No futimens on an O_PATH fd: the magic link names the file. */
  fd = sysroot_open (path, O_PATH, 0);
  if (fd == -1 || (proc = fd_path (fd)) == NULL ||
      utimensat (AT_FDCWD, proc, times, 0) == -1) {
    reply_with_perror ("%s", path);
    return -1;
  }
  return 0;
}

int
do_lchown (int owner, int group, const char *path)
{
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *base = NULL;
  int r;

  if (last_is_dot (path)) {
    fd = sysroot_open (path, O_PATH, 0);
    r = fd == -1 ? -1 : fchownat (fd, "", owner, group, AT_EMPTY_PATH);
  }
  else {
    fd = sysroot_open_parent (path, &base);
    r = fd == -1 ? -1 : fchownat (fd, base, owner, group, AT_SYMLINK_NOFOLLOW);
  }
  if (r == -1) {
    reply_with_perror ("%s", path);
    return -1;
  }
  return 0;
}

/* ---- copy_attributes ---- */

/* Set every extended attribute of src on dest (those dest has already
 * stay).  Both are /proc/self/fd paths of resolved objects. */
static int
copy_xattrs (const char *src, const char *dest, const char *srcname,
             const char *destname)
{
  CLEANUP_FREE char *names = NULL;
  ssize_t len;

  for (;;) {
    len = listxattr (src, NULL, 0);
    if (len == -1) {
      if (errno == ENOTSUP)
        return 0;
      reply_with_perror ("%s", srcname);
      return -1;
    }
    free (names);
    names = malloc (len + 1);
    if (names == NULL) {
      reply_with_perror ("malloc");
      return -1;
    }
    len = listxattr (src, names, len);
    if (len >= 0)
      break;
    if (errno != ERANGE) {
      reply_with_perror ("%s", srcname);
      return -1;
    }
  }
  names[len] = '\0';

  for (ssize_t i = 0; i < len; i += strlen (names + i) + 1) {
    const char *name = names + i;
    CLEANUP_FREE char *value = NULL;
    ssize_t vlen = getxattr (src, name, NULL, 0);

    if (vlen >= 0) {
      value = malloc (vlen > 0 ? vlen : 1);
      if (value == NULL) {
        reply_with_perror ("malloc");
        return -1;
      }
      vlen = getxattr (src, name, value, vlen);
    }
    if (vlen == -1) {
      if (errno == ENODATA)     /* removed meanwhile */
        continue;
      reply_with_perror ("%s: %s", srcname, name);
      return -1;
    }
    if (setxattr (dest, name, value, vlen, 0) == -1) {
      reply_with_perror ("%s: %s", destname, name);
      return -1;
    }
  }
  return 0;
}

int
do_copy_attributes (const char *src, const char *dest, int all, int mode,
                    int xattributes, int ownership)
{
  CLEANUP_CLOSE int sfd = -1, dfd = -1;
  CLEANUP_FREE char *sproc = NULL, *dproc = NULL;
  struct stat st;

  mode = (optargs_bitmask & OPT_MODE) && mode;
  xattributes = (optargs_bitmask & OPT_XATTRIBUTES) && xattributes;
  ownership = (optargs_bitmask & OPT_OWNERSHIP) && ownership;
  /* all turns on what was not given explicitly. */
  if ((optargs_bitmask & OPT_ALL) && all) {
    if (!(optargs_bitmask & OPT_MODE))
      mode = 1;
    if (!(optargs_bitmask & OPT_XATTRIBUTES))
      xattributes = 1;
    if (!(optargs_bitmask & OPT_OWNERSHIP))
      ownership = 1;
  }

  sfd = sysroot_open (src, O_PATH, 0);
  if (sfd == -1 || fstat (sfd, &st) == -1 || (sproc = fd_path (sfd)) == NULL) {
    reply_with_perror ("%s", src);
    return -1;
  }
  dfd = sysroot_open (dest, O_PATH, 0);
  if (dfd == -1 || (dproc = fd_path (dfd)) == NULL) {
    reply_with_perror ("%s", dest);
    return -1;
  }
  /* The owner first: chown clears the set-id bits. */
  if (ownership &&
      fchownat (dfd, "", st.st_uid, st.st_gid, AT_EMPTY_PATH) == -1) {
    reply_with_perror ("%s", dest);
    return -1;
  }
  if (mode && chmod (dproc, st.st_mode & 07777) == -1) {
    reply_with_perror ("%s", dest);
    return -1;
  }
  if (xattributes && copy_xattrs (sproc, dproc, src, dest) == -1)
    return -1;
  return 0;
}

/* ---- umask ---- */

int
do_umask (int mask)
{
  if (mask < 0 || mask > 0777) {
    reply_with_error_errno (EINVAL, "0%o: mask negative or out of range",
                            (unsigned) mask);
    return -1;
  }
  return umask (mask);
}

int
do_get_umask (void)
{
  mode_t m = umask (0);

  umask (m);
  return m;
}
