/* guestfsd: readlinklist and lstatnslist — one call for many names in a
 * directory, for programs listing directories (virt-ls, guestfs-browser)
 * without a round trip per name.  Each name is looked at through the
 * directory's fd, never followed; a name with a '/' or a "." or ".." is
 * resolved inside the guest root (entry_parent).  A name that fails
 * gives "" or st_ino -1, as libguestfs does. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <unistd.h>
#include <sys/stat.h>

#include "daemon.h"
#include "actions.h"
#include "files2.h"

static int
open_dir (const char *path)
{
  int fd = sysroot_open (path, O_PATH | O_DIRECTORY, 0);

  if (fd == -1)
    reply_with_perror ("%s", path);
  return fd;
}

/* readlink of one name, "" when it fails. */
static char *
link_target (int dirfd, const char *dir, const char *name)
{
  CLEANUP_FREE char *base = NULL;
  char buf[PATH_MAX];
  int fd = entry_parent (dirfd, dir, name, &base);
  ssize_t n = -1;

  if (fd >= 0) {
    n = readlinkat (fd, base, buf, sizeof buf);
    if (fd != dirfd)
      close (fd);
  }
  /* Longer than PATH_MAX (a damaged filesystem): treated as a failure. */
  if (n < 0 || (size_t) n >= sizeof buf)
    n = 0;
  return strndup (buf, n);
}

char **
do_readlinklist (const char *path, char *const *names)
{
  CLEANUP_FREE_STRINGSBUF DECLARE_STRINGSBUF (sb);
  CLEANUP_CLOSE int dirfd = -1;
  uint64_t xdr_size = 4;

  dirfd = open_dir (path);
  if (dirfd == -1)
    return NULL;
  for (size_t i = 0; names[i]; ++i) {
    char *t = link_target (dirfd, path, names[i]);
    if (t == NULL) {
      reply_with_perror ("%s", path);
      return NULL;
    }
    xdr_size += XDR_STRING_SIZE (strlen (t));
    if (xdr_size > GUESTFS_STREAM_MAX) {
      free (t);
      reply_with_error_errno (EFBIG, "%s: too many names to return in one reply",
                              path);
      return NULL;
    }
    if (add_string_nodup (&sb, t) == -1)
      return NULL;
  }
  if (end_stringsbuf (&sb) == -1)
    return NULL;
  return take_stringsbuf (&sb);
}

guestfs_int_statns_list *
do_lstatnslist (const char *path, char *const *names)
{
  CLEANUP_CLOSE int dirfd = -1;
  guestfs_int_statns_list *ret;
  size_t n = daemon_count_strings (names);

  dirfd = open_dir (path);
  if (dirfd == -1)
    return NULL;
  /* 22 hypers a struct. */
  if ((uint64_t) n * 22 * 8 + 4 > GUESTFS_STREAM_MAX) {
    reply_with_error_errno (EFBIG, "%s: too many names to return in one reply",
                            path);
    return NULL;
  }
  ret = calloc (1, sizeof *ret);
  if (ret == NULL ||
      (n > 0 && (ret->guestfs_int_statns_list_val =
                 calloc (n, sizeof (guestfs_int_statns))) == NULL)) {
    reply_with_perror ("%s", path);
    free (ret);
    return NULL;
  }
  ret->guestfs_int_statns_list_len = n;
  for (size_t i = 0; i < n; ++i) {
    guestfs_int_statns *r = &ret->guestfs_int_statns_list_val[i];
    CLEANUP_FREE char *base = NULL;
    struct stat st;
    int fd = entry_parent (dirfd, path, names[i], &base);
    int s = -1;

    if (fd >= 0) {
      s = fstatat (fd, base, &st, AT_SYMLINK_NOFOLLOW);
      if (fd != dirfd)
        close (fd);
    }
    if (s == -1) {
      r->st_ino = -1;
      continue;
    }
    r->st_dev = st.st_dev;
    r->st_ino = st.st_ino;
    r->st_mode = st.st_mode;
    r->st_nlink = st.st_nlink;
    r->st_uid = st.st_uid;
    r->st_gid = st.st_gid;
    r->st_rdev = st.st_rdev;
    r->st_size = st.st_size;
    r->st_blksize = st.st_blksize;
    r->st_blocks = st.st_blocks;
    r->st_atime_sec = st.st_atim.tv_sec;
    r->st_atime_nsec = st.st_atim.tv_nsec;
    r->st_mtime_sec = st.st_mtim.tv_sec;
    r->st_mtime_nsec = st.st_mtim.tv_nsec;
    r->st_ctime_sec = st.st_ctim.tv_sec;
    r->st_ctime_nsec = st.st_ctim.tv_nsec;
  }
  return ret;
}
