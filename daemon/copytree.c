/* guestfsd: recursive copy, for cp_a and for mv when source and
 * destination are on different filesystems.  copytree runs inside
 * sysroot_run's child, chrooted into the guest, so plain path syscalls
 * stay inside the guest; even so nothing here follows a symlink: the
 * tree is walked with lstat and every object is recreated as what it is
 * (directory, file, symlink, device node, fifo, socket) with its owner,
 * mode, timestamps to the nanosecond and extended attributes.  Files
 * hard-linked together in the source stay linked in the copy.  Errors
 * are printed to stderr, where sysroot_run collects them for the reply.
 * copy_file_data, the sparse-aware data copy, is shared with cp. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <search.h>
#include <dirent.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/xattr.h>

#include "daemon.h"

int copy_file_data (int sfd, int dfd, off_t size);
int copytree (const char *src, const char *dst);
int copytree_opts (const char *src, const char *dst, bool preserve);

struct copy_state {
  /* cp -a (keep owner, mode, times, xattrs and hard links), or cp -rP
   * (cp_r: permissions less the umask, nothing else). */
  bool preserve;
  mode_t umask;
  /* The destination's top directory: meeting it in the source means
   * we are copying a directory into itself, which would never end. */
  bool have_top;
  dev_t top_dev;
  ino_t top_ino;
  /* Source (dev, ino) -> first copy, for files with several links. */
  void *links;
};

struct link_entry {
  dev_t dev;
  ino_t ino;
  char *dst;
};

static int
link_compare (const void *a, const void *b)
{
  const struct link_entry *x = a, *y = b;

  if (x->dev != y->dev)
    return x->dev < y->dev ? -1 : 1;
  if (x->ino != y->ino)
    return x->ino < y->ino ? -1 : 1;
  return 0;
}

static void
link_free (void *p)
{
  struct link_entry *e = p;

  free (e->dst);
  free (e);
}

/* Copy len bytes at off with pread/pwrite, for when copy_file_range
 * can't be used between these two files. */
static int
copy_range_rw (int sfd, int dfd, off_t off, off_t len)
{
  static char buf[256 * 1024];

  while (len > 0) {
    size_t n = len > (off_t) sizeof buf ? sizeof buf : (size_t) len;
    ssize_t r = pread (sfd, buf, n, off);
    if (r == -1) {
      if (errno == EINTR)
        continue;
      return -1;
    }
    if (r == 0)
      break;                    /* the file shrank: stop at its end */
    for (ssize_t done = 0; done < r; ) {
      ssize_t w = pwrite (dfd, buf + done, r - done, off + done);
      if (w == -1) {
        if (errno == EINTR)
          continue;
        return -1;
      }
      done += w;
    }
    off += r;
    len -= r;
  }
  return 0;
}

static int
copy_range (int sfd, int dfd, off_t off, off_t len)
{
  while (len > 0) {
    off_t in = off, out = off;
    ssize_t r = copy_file_range (sfd, &in, dfd, &out,
                                 len > SSIZE_MAX ? SSIZE_MAX : (size_t) len, 0);
    if (r == -1) {
      if (errno == EINTR)
        continue;
      if (errno == EXDEV || errno == EINVAL || errno == ENOSYS ||
          errno == EOPNOTSUPP || errno == ETXTBSY)
        return copy_range_rw (sfd, dfd, off, len);
      return -1;
    }
    if (r == 0)
      break;
    off += r;
    len -= r;
  }
  return 0;
}

/* Copy the first size bytes of sfd to dfd (a new, empty file), keeping
 * holes as holes: guest images are full of sparse files (lastlog, disk
 * images, databases) that would otherwise balloon. */
int
copy_file_data (int sfd, int dfd, off_t size)
{
  off_t pos = 0;

  while (pos < size) {
    off_t data = lseek (sfd, pos, SEEK_DATA), hole;
    if (data == -1) {
      if (errno == ENXIO)
        break;                  /* only a hole is left */
      if (errno != EINVAL && errno != EOPNOTSUPP)
        return -1;
      data = pos;               /* no hole support: copy everything */
      hole = size;
    }
    else {
      if (data >= size)
        break;
      hole = lseek (sfd, data, SEEK_HOLE);
      if (hole == -1 || hole > size)
        hole = size;
    }
    if (copy_range (sfd, dfd, data, hole - data) == -1)
      return -1;
    pos = hole;
  }
  return ftruncate (dfd, size);
}

static int
fail (const char *what)
{
  fprintf (stderr, "%s: %m\n", what);
  return -1;
}

static int
copy_xattrs (const char *src, const char *dst)
{
  CLEANUP_FREE char *names = NULL;
  ssize_t len = llistxattr (src, NULL, 0);

  if (len == -1)
    return errno == ENOTSUP ? 0 : fail (src);
  if (len == 0)
    return 0;
  names = malloc (len);
  if (names == NULL)
    return fail (src);
  len = llistxattr (src, names, len);
  if (len == -1)
    return fail (src);

  for (ssize_t i = 0; i < len; i += strlen (names + i) + 1) {
    const char *name = names + i;
    CLEANUP_FREE char *value = NULL;
    ssize_t vlen = lgetxattr (src, name, NULL, 0);
    if (vlen == -1) {
      fprintf (stderr, "%s: %s: %m\n", src, name);
      return -1;
    }
    value = malloc (vlen > 0 ? vlen : 1);
    if (value == NULL)
      return fail (src);
    vlen = lgetxattr (src, name, value, vlen);
    if (vlen == -1) {
      fprintf (stderr, "%s: %s: %m\n", src, name);
      return -1;
    }
    if (lsetxattr (dst, name, value, vlen, 0) == -1 && errno != ENOTSUP) {
      fprintf (stderr, "%s: %s: %m\n", dst, name);
      return -1;
    }
  }
  return 0;
}

/* Owner first (chown clears set-id bits and file capabilities), then
 * xattrs, then the mode, then the times, which everything else would
 * disturb. */
static int
copy_metadata (struct copy_state *s, const char *src, const char *dst,
               const struct stat *st)
{
  struct timespec times[2] = { st->st_atim, st->st_mtim };

  if (!s->preserve) {
    /* Like cp without -p: the mode less the umask, and no set-id bits. */
    if (!S_ISLNK (st->st_mode) &&
        chmod (dst, st->st_mode & 01777 & ~s->umask) == -1)
      return fail (dst);
    return 0;
  }

  /* Some filesystems (vfat) can't store an owner; cp -a onto them
   * would fail, but a copy without owners is what the user can get. */
  if (lchown (dst, st->st_uid, st->st_gid) == -1 &&
      errno != EPERM && errno != EINVAL && errno != EOPNOTSUPP)
    return fail (dst);
  if (copy_xattrs (src, dst) == -1)
    return -1;
  if (!S_ISLNK (st->st_mode) && chmod (dst, st->st_mode & 07777) == -1)
    return fail (dst);
  if (utimensat (AT_FDCWD, dst, times, AT_SYMLINK_NOFOLLOW) == -1)
    return fail (dst);
  return 0;
}

/* Make room for a non-directory at dst: an existing non-directory is
 * replaced, as cp --remove-destination does (writing through it could
 * modify another hard link or follow a symlink). */
static int
clear_dest (const char *src, const struct stat *src_st, const char *dst)
{
  struct stat st;

  if (lstat (dst, &st) == -1)
    return errno == ENOENT ? 0 : fail (dst);
  if (st.st_dev == src_st->st_dev && st.st_ino == src_st->st_ino) {
    fprintf (stderr, "%s and %s are the same file\n", src, dst);
    return -1;
  }
  if (S_ISDIR (st.st_mode)) {
    fprintf (stderr, "%s: cannot overwrite directory with non-directory\n", dst);
    return -1;
  }
  if (unlink (dst) == -1)
    return fail (dst);
  return 0;
}

static int
copy_regular (struct copy_state *s, const char *src, const char *dst,
              const struct stat *st, bool *linked)
{
  int sfd, dfd, r;

  if (s->preserve && st->st_nlink > 1) {
    struct link_entry key = { .dev = st->st_dev, .ino = st->st_ino };
    struct link_entry **found = tfind (&key, &s->links, link_compare);
    if (found) {
      if (link ((*found)->dst, dst) == -1)
        return fail (dst);
      *linked = true;
      return 0;
    }
  }

  sfd = open (src, O_RDONLY | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC);
  if (sfd == -1)
    return fail (src);
  dfd = open (dst, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (dfd == -1) {
    close (sfd);
    return fail (dst);
  }
  r = copy_file_data (sfd, dfd, st->st_size);
  if (r == -1)
    fail (src);
  close (sfd);
  if (close (dfd) == -1 && r == 0)
    r = fail (dst);
  if (r == -1)
    return -1;

  if (s->preserve && st->st_nlink > 1) {
    struct link_entry *e = malloc (sizeof *e);
    if (e == NULL || (e->dst = strdup (dst)) == NULL) {
      free (e);
      return fail (dst);
    }
    e->dev = st->st_dev;
    e->ino = st->st_ino;
    if (tsearch (e, &s->links, link_compare) == NULL) {
      link_free (e);
      return fail (dst);
    }
  }
  return 0;
}

static int
copy_symlink (const char *src, const char *dst)
{
  char target[PATH_MAX + 1];
  ssize_t n = readlink (src, target, sizeof target);

  if (n == -1)
    return fail (src);
  if ((size_t) n >= sizeof target) {
    errno = ENAMETOOLONG;
    return fail (src);
  }
  target[n] = '\0';
  if (symlink (target, dst) == -1)
    return fail (dst);
  return 0;
}

static int copy_entry (struct copy_state *s, const char *src, const char *dst);

static int
copy_dir (struct copy_state *s, const char *src, const char *dst,
          const struct stat *st)
{
  char **names;
  struct stat dst_st;
  int fd, r = 0;

  if (s->have_top && st->st_dev == s->top_dev && st->st_ino == s->top_ino) {
    fprintf (stderr, "%s: cannot copy a directory into itself\n", src);
    return -1;
  }

  /* 0700 while we fill it; the real mode is set at the end. */
  if (mkdir (dst, 0700) == -1) {
    if (errno != EEXIST)
      return fail (dst);
    if (lstat (dst, &dst_st) == -1)
      return fail (dst);
    if (!S_ISDIR (dst_st.st_mode)) {
      fprintf (stderr, "%s: cannot overwrite non-directory with directory\n", dst);
      return -1;
    }
  }
  if (!s->have_top) {
    if (lstat (dst, &dst_st) == -1)
      return fail (dst);
    s->have_top = true;
    s->top_dev = dst_st.st_dev;
    s->top_ino = dst_st.st_ino;
  }

  /* Read the names first and close the directory, so that a deep tree
   * doesn't hold a file descriptor per level. */
  fd = open (src, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  names = fd >= 0 ? read_dir_names (fd) : NULL;
  if (fd >= 0)
    close (fd);
  if (names == NULL)
    return fail (src);

  for (size_t i = 0; names[i]; ++i) {
    CLEANUP_FREE char *csrc = NULL, *cdst = NULL;
    if (asprintf (&csrc, "%s/%s", src, names[i]) == -1 ||
        asprintf (&cdst, "%s/%s", dst, names[i]) == -1) {
      r = fail (src);
      break;
    }
    /* Carry on after an error, like cp: copy as much as we can. */
    if (copy_entry (s, csrc, cdst) == -1)
      r = -1;
  }
  daemon_free_string_list (names);

  if (copy_metadata (s, src, dst, st) == -1)
    r = -1;
  return r;
}

static int
copy_entry (struct copy_state *s, const char *src, const char *dst)
{
  struct stat st;
  bool linked = false;

  if (lstat (src, &st) == -1)
    return fail (src);

  if (S_ISDIR (st.st_mode))
    return copy_dir (s, src, dst, &st);

  if (clear_dest (src, &st, dst) == -1)
    return -1;
  switch (st.st_mode & S_IFMT) {
  case S_IFREG:
    if (copy_regular (s, src, dst, &st, &linked) == -1)
      return -1;
    if (linked)
      return 0;                 /* the first link already has the metadata */
    break;
  case S_IFLNK:
    if (copy_symlink (src, dst) == -1)
      return -1;
    break;
  case S_IFCHR: case S_IFBLK: case S_IFIFO: case S_IFSOCK:
    if (mknod (dst, (st.st_mode & S_IFMT) | 0600, st.st_rdev) == -1)
      return fail (dst);
    break;
  default:
    fprintf (stderr, "%s: unknown file type 0%o\n", src,
             (unsigned) (st.st_mode & S_IFMT));
    return -1;
  }
  return copy_metadata (s, src, dst, &st);
}

int
copytree (const char *src, const char *dst)
{
  return copytree_opts (src, dst, true);
}

int
copytree_opts (const char *src, const char *dst, bool preserve)
{
  struct copy_state s = { .preserve = preserve, .have_top = false,
                          .links = NULL };
  int r;

  /* Inside the tree the copies are made with restrictive modes and
   * fixed up afterwards; no umask may interfere with that. */
  s.umask = umask (0);
  r = copy_entry (&s, src, dst);
  tdestroy (s.links, link_free);
  return r;
}
