/* guestfsd: moving and copying — mv, cp, cp_a.  Renames act through
 * the parents' fds; whole-tree copies (cp_a, and mv across filesystems)
 * run copytree in a child chrooted into the guest root. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include <errno.h>
#include <fcntl.h>
#include <dirent.h>
#include <libgen.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "daemon.h"
#include "actions.h"
#include "files.h"
#include "files2.h"

/* ---- moving and copying ---- */

/* mv and cp put src inside dest when dest is a directory (or a symlink
 * to one, as mv(1) and cp(1) follow it).  Returns an O_PATH fd of the
 * real destination's parent and sets *base to its last component and
 * *path to its guest path; replies on error. */
static int
resolve_dest (const char *dest, const char *src_base, char **base, char **path)
{
  int fd = sysroot_open (dest, O_PATH | O_DIRECTORY, 0);

  *base = *path = NULL;
  if (fd >= 0) {
    size_t n = strlen (dest);
    while (n > 1 && dest[n - 1] == '/')
      n--;
    if (STREQ (src_base, ".")) {
      /* The source is the root directory: there is no name to add. */
      *base = strdup (".");
      *path = strdup (dest);
    }
    else {
      *base = strdup (src_base);
      if (asprintf (path, "%.*s/%s", (int) (n > 1 ? n : 0), dest, src_base) == -1)
        *path = NULL;
    }
    if (*base == NULL || *path == NULL) {
      reply_with_perror ("%s", dest);
      close (fd);
      return -1;
    }
    return fd;
  }
  /* Missing, not a directory or a dangling symlink: dest is the name. */
  *path = strdup (dest);
  if (*path == NULL) {
    reply_with_perror ("%s", dest);
    return -1;
  }
  fd = sysroot_open_parent (dest, base);
  if (fd == -1)
    reply_with_perror ("%s", dest);
  return fd;
}

struct copy_args {
  const char *src;
  const char *dest;
  bool preserve;
};

static int
mv_child (void *opaque)
{
  struct copy_args *a = opaque;

  if (copytree (a->src, a->dest) == -1)
    return -1;
  return remove_tree (a->src);
}

int
do_mv (const char *src, const char *dest)
{
  CLEANUP_CLOSE int sfd = -1, dfd = -1;
  CLEANUP_FREE char *sbase = NULL, *dbase = NULL, *dpath = NULL, *err = NULL;
  struct stat st;
  struct copy_args args;

  sfd = sysroot_open_parent (src, &sbase);
  if (sfd == -1 || fstatat (sfd, sbase, &st, AT_SYMLINK_NOFOLLOW) == -1) {
    reply_with_perror ("%s", src);
    return -1;
  }
  dfd = resolve_dest (dest, sbase, &dbase, &dpath);
  if (dfd == -1)
    return -1;
  if (renameat (sfd, sbase, dfd, dbase) == 0)
    return 0;
  if (errno != EXDEV) {
    reply_with_perror ("%s -> %s", src, dpath);
    return -1;
  }
  /* Different filesystems: copy everything, then remove the source. */
  args.src = src;
  args.dest = dpath;
  if (sysroot_run (mv_child, &args, -1, NULL, NULL, &err) == -1) {
    reply_with_error ("%s", err ? err : "failed");
    return -1;
  }
  return 0;
}

int
do_cp (const char *src, const char *dest)
{
  CLEANUP_CLOSE int sfd = -1, pfd = -1, dfd = -1, efd = -1;
  CLEANUP_FREE char *sname = NULL, *dbase = NULL, *dpath = NULL;
  struct stat st, dst;
  size_t n;

  sfd = open_for_reading (src, &st);
  if (sfd == -1)
    return -1;

  /* The name src is reached by, not its symlink target's name. */
  n = strlen (src);
  while (n > 1 && src[n - 1] == '/')
    n--;
  sname = strndup (src, n);
  if (sname == NULL) {
    reply_with_perror ("%s", src);
    return -1;
  }
  pfd = resolve_dest (dest, strrchr (sname, '/') + 1, &dbase, &dpath);
  if (pfd == -1)
    return -1;

  efd = sysroot_open (dpath, O_PATH, 0);
  if (efd >= 0) {
    if (fstat (efd, &dst) == -1) {
      reply_with_perror ("%s", dpath);
      return -1;
    }
    /* Writing over the source itself would truncate it to nothing. */
    if (dst.st_dev == st.st_dev && dst.st_ino == st.st_ino) {
      reply_with_error ("%s and %s are the same file", src, dpath);
      return -1;
    }
    /* Opening a device node or FIFO for writing could block or have
     * side effects. */
    if (!S_ISREG (dst.st_mode)) {
      reply_with_error_errno (EINVAL, "%s: not a regular file", dpath);
      return -1;
    }
  }

  /* Like cp(1): a new file gets the source's permission bits less the
   * umask; an existing one keeps its mode; symlinks are followed, but
   * only inside the guest root. */
  dfd = sysroot_open (dpath, O_WRONLY | O_CREAT | O_TRUNC | O_NOCTTY,
                      st.st_mode & 0777);
  if (dfd == -1) {
    reply_with_perror ("%s", dpath);
    return -1;
  }
  if (S_ISREG (st.st_mode)) {
    if (copy_file_data (sfd, dfd, st.st_size) == -1) {
      reply_with_perror ("%s -> %s", src, dpath);
      return -1;
    }
  }
  else {
    /* A device: its size is not in st_size; copy until end of data. */
    static char buf[256 * 1024];
    ssize_t r;
    while ((r = read (sfd, buf, sizeof buf)) != 0) {
      if (r == -1 && errno == EINTR)
        continue;
      if (r == -1 || xwrite (dfd, buf, r) == -1) {
        reply_with_perror ("%s -> %s", src, dpath);
        return -1;
      }
    }
  }
  if (close (dfd) == -1) {
    dfd = -1;
    reply_with_perror ("%s", dpath);
    return -1;
  }
  dfd = -1;
  return 0;
}

/* Is the directory dirfd src itself or below it?  Walks up with ".."
 * until the guest root (never above it: the walk stops there). */
static int
is_inside (int dirfd, const struct stat *src)
{
  CLEANUP_CLOSE int root = sysroot_open ("/", O_PATH | O_DIRECTORY, 0);
  struct stat rst, st;
  int fd = dup (dirfd);

  if (root == -1 || fd == -1 || fstat (root, &rst) == -1) {
    if (fd >= 0)
      close (fd);
    return -1;
  }
  for (unsigned i = 0; i < 4096; ++i) {
    int up;
    if (fstat (fd, &st) == -1)
      break;
    if (st.st_dev == src->st_dev && st.st_ino == src->st_ino) {
      close (fd);
      return 1;
    }
    if (st.st_dev == rst.st_dev && st.st_ino == rst.st_ino)
      break;
    up = openat (fd, "..", O_PATH | O_DIRECTORY | O_CLOEXEC);
    close (fd);
    fd = up;
    if (fd == -1)
      return -1;
  }
  close (fd);
  return 0;
}

static int
cp_a_child (void *opaque)
{
  struct copy_args *a = opaque;

  return copytree_opts (a->src, a->dest, a->preserve);
}

/* cp -a, or (not preserve) cp -rP for cp_r. */
int
cp_tree (const char *src, const char *dest, bool preserve)
{
  CLEANUP_CLOSE int sfd = -1, dfd = -1;
  CLEANUP_FREE char *sbase = NULL, *dbase = NULL, *dpath = NULL, *err = NULL;
  struct stat st;
  struct copy_args args;

  sfd = sysroot_open_parent (src, &sbase);
  if (sfd == -1 || fstatat (sfd, sbase, &st, AT_SYMLINK_NOFOLLOW) == -1) {
    reply_with_perror ("%s", src);
    return -1;
  }
  dfd = resolve_dest (dest, sbase, &dbase, &dpath);
  if (dfd == -1)
    return -1;
  /* Refuse before copying anything, as cp does. */
  if (S_ISDIR (st.st_mode)) {
    int r = is_inside (dfd, &st);
    if (r == -1) {
      reply_with_perror ("%s", dpath);
      return -1;
    }
    if (r == 1) {
      reply_with_error_errno (EINVAL, "cannot copy a directory, %s, into itself, %s",
                              src, dpath);
      return -1;
    }
  }
  args.src = src;
  args.dest = dpath;
  args.preserve = preserve;
  if (sysroot_run (cp_a_child, &args, -1, NULL, NULL, &err) == -1) {
    reply_with_error ("%s", err ? err : "failed");
    return -1;
  }
  return 0;
}

int
do_cp_a (const char *src, const char *dest)
{
  return cp_tree (src, dest, true);
}

