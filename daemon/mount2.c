/* guestfsd: the rarer mount calls — mount_loop (a filesystem image file
 * through a loop device), remount (read-only <-> read-write), and
 * mkmountpoint / rmmountpoint (directories in the bare root, before
 * anything is mounted on it). */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <linux/loop.h>

#include "daemon.h"
#include "actions.h"
#include "fs2.h"

#define LOOP_ATTEMPTS 8

/* ---- mount_loop ---- */

static int
open_loop_control (void)
{
  int fd = open ("/dev/loop-control", O_RDWR | O_CLOEXEC);

  /* Without udev nothing loads the loop driver before it is needed. */
  if (fd == -1 && errno == ENOENT) {
    command (NULL, NULL, "modprobe", "loop", NULL);
    fd = open ("/dev/loop-control", O_RDWR | O_CLOEXEC);
  }
  return fd;
}

/* Attach the open file to a free loop device, released again when its
 * last user (the mount) goes away.  Returns the open loop device and its
 * name in *name_r, or -1 with errno. */
static int
attach_loop (int file_fd, bool ro, char *name_r, size_t size)
{
  int ctl = open_loop_control (), err = 0;

  if (ctl == -1)
    return -1;
  for (int attempt = 0; attempt < LOOP_ATTEMPTS; ++attempt) {
    struct loop_config cfg;
    int n = ioctl (ctl, LOOP_CTL_GET_FREE), lfd;

    if (n < 0) {
      err = errno;
      break;
    }
    snprintf (name_r, size, "/dev/loop%d", n);
    lfd = open (name_r, (ro ? O_RDONLY : O_RDWR) | O_CLOEXEC);
    if (lfd == -1) {
      err = errno;
      if (err == ENOENT)
        continue;
      break;
    }
    memset (&cfg, 0, sizeof cfg);
    cfg.fd = file_fd;
    cfg.info.lo_flags = LO_FLAGS_AUTOCLEAR | (ro ? LO_FLAGS_READ_ONLY : 0);
    if (ioctl (lfd, LOOP_CONFIGURE, &cfg) == 0) {
      close (ctl);
      return lfd;
    }
    err = errno;
    close (lfd);
    /* Someone else took it between GET_FREE and CONFIGURE. */
    if (err != EBUSY)
      break;
  }
  close (ctl);
  errno = err ? err : EBUSY;
  return -1;
}

int
do_mount_loop (const char *file, const char *mountpoint)
{
  CLEANUP_CLOSE int fd = -1, lfd = -1;
  char loopdev[64];
  struct stat st;
  bool ro = false;

  fd = sysroot_open (file, O_RDWR, 0);
  if (fd == -1 && (errno == EROFS || errno == EACCES)) {
    ro = true;
    fd = sysroot_open (file, O_RDONLY, 0);
  }
  if (fd == -1) {
    reply_with_perror ("%s", file);
    return -1;
  }
  if (fstat (fd, &st) == -1) {
    reply_with_perror ("%s", file);
    return -1;
  }
  if (!S_ISREG (st.st_mode)) {
    reply_with_error_errno (EINVAL, "%s: not a regular file", file);
    return -1;
  }
  lfd = attach_loop (fd, ro, loopdev, sizeof loopdev);
  if (lfd == -1) {
    reply_with_perror ("%s: setting up a loop device", file);
    return -1;
  }
  /* On failure the loop device goes when lfd is closed (autoclear). */
  return fs_mount (ro ? "ro" : "", NULL, loopdev, mountpoint);
}

/* ---- remount ---- */

#define OPT_RW (UINT64_C(1) << 0)

/* Flags a remount must keep (mount(2) resets what it is not given). */
static const struct {
  unsigned long st, ms;
} kept_flags[] = {
  { ST_NOSUID, MS_NOSUID },           { ST_NODEV, MS_NODEV },
  { ST_NOEXEC, MS_NOEXEC },           { ST_SYNCHRONOUS, MS_SYNCHRONOUS },
  { ST_NOATIME, MS_NOATIME },         { ST_NODIRATIME, MS_NODIRATIME },
  { ST_RELATIME, MS_RELATIME },
};

int
do_remount (const char *mountpoint, int rw)
{
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *target = NULL;
  CLEANUP_FREE char *parent = NULL;
  struct statvfs sv;
  struct stat a, b;
  unsigned long flags = MS_REMOUNT;

  /* rw is "optional" only in name, as in libguestfs. */
  if (!(optargs_bitmask & OPT_RW)) {
    reply_with_error ("parameter 'rw' must be specified");
    return -1;
  }
  fd = sysroot_open (mountpoint, O_PATH | O_DIRECTORY, 0);
  if (fd == -1) {
    reply_with_perror ("%s", mountpoint);
    return -1;
  }
  /* A mountpoint is on another device than its parent (or is the root
   * of the guest). */
  if (asprintf (&parent, "%s/..", mountpoint) == -1) {
    reply_with_perror ("malloc");
    return -1;
  }
  if (fstat (fd, &a) == -1) {
    reply_with_perror ("%s", mountpoint);
    return -1;
  }
  {
    int pfd = STREQ (mountpoint, "/") ? open ("/", O_PATH | O_CLOEXEC)
      : sysroot_open (parent, O_PATH | O_DIRECTORY, 0);
    int r = pfd >= 0 ? fstat (pfd, &b) : -1;
    if (pfd >= 0)
      close (pfd);
    if (r == -1) {
      reply_with_perror ("%s", mountpoint);
      return -1;
    }
  }
  if (a.st_dev == b.st_dev) {
    reply_with_error_errno (EINVAL, "%s: not a mountpoint", mountpoint);
    return -1;
  }
  if (fstatvfs (fd, &sv) == -1) {
    reply_with_perror ("%s", mountpoint);
    return -1;
  }
  for (size_t i = 0; i < sizeof kept_flags / sizeof kept_flags[0]; ++i)
    if (sv.f_flag & kept_flags[i].st)
      flags |= kept_flags[i].ms;
  if (!rw)
    flags |= MS_RDONLY;
  target = fd_path (fd);
  if (target == NULL) {
    reply_with_perror ("malloc");
    return -1;
  }
  if (mount (NULL, target, NULL, flags, NULL) == -1) {
    reply_with_perror ("%s: remount,%s", mountpoint, rw ? "rw" : "ro");
    return -1;
  }
  return 0;
}

/* ---- mkmountpoint / rmmountpoint ---- */

/* These take a plain string: they work before anything is mounted on
 * the root, so the guest path check of the other calls does not apply;
 * the path is still resolved inside the root. */
static int
mountpoint_op (const char *path, bool make)
{
  CLEANUP_FREE char *base = NULL;
  CLEANUP_CLOSE int dirfd = -1;

  if (path[0] != '/') {
    reply_with_error ("%s: path must start with a / character", path);
    return -1;
  }
  if (strlen (path) >= PATH_MAX) {
    reply_with_error_errno (ENAMETOOLONG, "%s: path is too long", path);
    return -1;
  }
  dirfd = sysroot_open_parent (path, &base);
  if (dirfd == -1) {
    reply_with_perror ("%s", path);
    return -1;
  }
  if (STREQ (base, ".")) {
    reply_with_error_errno (EINVAL, "%s: not a mountpoint name", path);
    return -1;
  }
  if ((make ? mkdirat (dirfd, base, 0777)
            : unlinkat (dirfd, base, AT_REMOVEDIR)) == -1) {
    reply_with_perror ("%s", path);
    return -1;
  }
  return 0;
}

int
do_mkmountpoint (const char *exemptpath)
{
  return mountpoint_op (exemptpath, true);
}

int
do_rmmountpoint (const char *exemptpath)
{
  return mountpoint_op (exemptpath, false);
}
