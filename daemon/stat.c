/* guestfsd: stat, lstat and statvfs of guest paths.  statns and
 * statvfs resolve the whole path inside the guest root (symlinks
 * followed, but never out of it); lstatns stats the last component
 * itself through its parent's fd. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/statvfs.h>

#include "daemon.h"
#include "actions.h"
#include "files.h"

static guestfs_int_statns *
statns_reply (const char *path, const struct stat *st)
{
  guestfs_int_statns *r = calloc (1, sizeof *r);

  if (r == NULL) {
    reply_with_perror ("%s", path);
    return NULL;
  }
  r->st_dev = st->st_dev;
  r->st_ino = st->st_ino;
  r->st_mode = st->st_mode;
  r->st_nlink = st->st_nlink;
  r->st_uid = st->st_uid;
  r->st_gid = st->st_gid;
  r->st_rdev = st->st_rdev;
  r->st_size = st->st_size;
  r->st_blksize = st->st_blksize;
  r->st_blocks = st->st_blocks;
  r->st_atime_sec = st->st_atim.tv_sec;
  r->st_atime_nsec = st->st_atim.tv_nsec;
  r->st_mtime_sec = st->st_mtim.tv_sec;
  r->st_mtime_nsec = st->st_mtim.tv_nsec;
  r->st_ctime_sec = st->st_ctim.tv_sec;
  r->st_ctime_nsec = st->st_ctim.tv_nsec;
  return r;
}

guestfs_int_statns *
do_statns (const char *path)
{
  CLEANUP_CLOSE int fd = -1;
  struct stat st;

  fd = sysroot_open (path, O_PATH, 0);
  if (fd == -1 || fstat (fd, &st) == -1) {
    reply_with_perror ("%s", path);
    return NULL;
  }
  return statns_reply (path, &st);
}

guestfs_int_statns *
do_lstatns (const char *path)
{
  CLEANUP_CLOSE int dirfd = -1;
  CLEANUP_FREE char *base = NULL;
  struct stat st;

  if (last_is_dot (path))
    return do_statns (path);
  dirfd = sysroot_open_parent (path, &base);
  if (dirfd == -1 || fstatat (dirfd, base, &st, AT_SYMLINK_NOFOLLOW) == -1) {
    reply_with_perror ("%s", path);
    return NULL;
  }
  return statns_reply (path, &st);
}

guestfs_int_statvfs *
do_statvfs (const char *path)
{
  CLEANUP_CLOSE int fd = -1;
  struct statvfs sv;
  guestfs_int_statvfs *r;

  /* fstatvfs works on an O_PATH fd (the kernel's fstatfs accepts one). */
  fd = sysroot_open (path, O_PATH, 0);
  if (fd == -1 || fstatvfs (fd, &sv) == -1) {
    reply_with_perror ("%s", path);
    return NULL;
  }
  r = calloc (1, sizeof *r);
  if (r == NULL) {
    reply_with_perror ("%s", path);
    return NULL;
  }
  r->bsize = sv.f_bsize;
  r->frsize = sv.f_frsize;
  r->blocks = sv.f_blocks;
  r->bfree = sv.f_bfree;
  r->bavail = sv.f_bavail;
  r->files = sv.f_files;
  r->ffree = sv.f_ffree;
  r->favail = sv.f_favail;
  r->fsid = sv.f_fsid;
  r->flag = sv.f_flag;
  r->namemax = sv.f_namemax;
  return r;
}
