/* guestfsd: calls on single files — reading and writing them, removing,
 * moving and copying them, their mode and owner, and type tests.  Guest
 * paths are resolved inside the guest root: whole paths with
 * sysroot_open, last components with *at() calls on the parent's fd (so
 * a symlink there is acted on, not followed), and whole trees (rm_rf,
 * cp_a, mv across filesystems) in sysroot_run's chrooted child.  A
 * hostile image's symlinks can therefore never reach the appliance's
 * own files.  Reads are bounded by what one reply can carry and by the
 * appliance's free memory. */

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


/* The most a file read whole may hold: the reply carries it as one XDR
 * string or opaque, with a length word and padding. */
#define READ_MAX ((uint64_t) GUESTFS_STREAM_MAX - 8)

/* XDR size of a string of len bytes in a list. */
#define XDR_STRING_SIZE(len) (4 + (((uint64_t) (len) + 3) & ~(uint64_t) 3))

/* Is the last component "." or ".."?  Those have no parent directory
 * entry to act on (sysroot_open_parent refuses them) and are never
 * symlinks themselves. */
static bool
last_is_dot (const char *path)
{
  size_t n = strlen (path);
  size_t start;

  while (n > 1 && path[n - 1] == '/')
    n--;
  start = n;
  while (start > 0 && path[start - 1] != '/')
    start--;
  return (n - start == 1 && path[start] == '.') ||
    (n - start == 2 && path[start] == '.' && path[start + 1] == '.');
}

/* ---- reading ---- */

/* Fail cleanly, rather than have the kernel kill the daemon, when a
 * read would need more memory than the appliance has free.  If
 * /proc/meminfo can't be read, the reply size limit alone applies. */
static int
check_memory (const char *path, uint64_t need)
{
  FILE *fp;
  char line[256];
  uint64_t avail_kb = 0;
  bool found = false;

  /* Small reads (nearly all) skip the check and its /proc read. */
  if (need < 64 * 1024 * 1024)
    return 0;
  fp = fopen ("/proc/meminfo", "re");
  if (fp == NULL)
    return 0;
  while (fgets (line, sizeof line, fp))
    if (sscanf (line, "MemAvailable: %" SCNu64 " kB", &avail_kb) == 1) {
      found = true;
      break;
    }
  fclose (fp);
  if (found && need / 1024 > avail_kb) {
    reply_with_error_errno (ENOMEM,
                            "%s: not enough free memory in the appliance "
                            "to read this file (%" PRIu64 " bytes needed); "
                            "use download instead, or a larger memsize",
                            path, need);
    return -1;
  }
  return 0;
}

/* Open a guest file for reading.  O_NONBLOCK keeps a FIFO in the image
 * from blocking the daemon forever; FIFOs, sockets and directories are
 * refused, and O_NONBLOCK is cleared again for the rest (devices). */
static int
open_for_reading (const char *path, struct stat *st)
{
  int fd, flags;

  fd = sysroot_open (path, O_RDONLY | O_NOCTTY | O_NONBLOCK, 0);
  if (fd == -1) {
    reply_with_perror ("%s", path);
    return -1;
  }
  if (fstat (fd, st) == -1) {
    reply_with_perror ("%s", path);
    close (fd);
    return -1;
  }
  if (S_ISDIR (st->st_mode)) {
    reply_with_error_errno (EISDIR, "%s: %s", path, strerror (EISDIR));
    close (fd);
    return -1;
  }
  if (S_ISFIFO (st->st_mode) || S_ISSOCK (st->st_mode)) {
    reply_with_error_errno (EINVAL, "%s: not a regular file", path);
    close (fd);
    return -1;
  }
  flags = fcntl (fd, F_GETFL);
  if (flags == -1 || fcntl (fd, F_SETFL, flags & ~O_NONBLOCK) == -1) {
    reply_with_perror ("%s", path);
    close (fd);
    return -1;
  }
  return fd;
}

static int
too_large (const char *path, uint64_t size)
{
  reply_with_error_errno (EFBIG,
                          "%s: file is too large for this call "
                          "(%s%" PRIu64 " bytes, the limit is %" PRIu64 "); "
                          "use download instead",
                          path, size > READ_MAX + 1 ? "" : "at least ",
                          size, READ_MAX);
  return -1;
}

/* Read at most max bytes from fd into a NUL-terminated buffer.  The
 * size of a regular file is used as the first guess, so a big file is
 * read without reallocations, and the buffer only grows once more data
 * has actually arrived.  Replies on error. */
static char *
read_fd (const char *path, int fd, const struct stat *st, uint64_t max,
         size_t *len_r)
{
  size_t alloc, len = 0;
  char *buf;

  alloc = S_ISREG (st->st_mode) && st->st_size > 0 ? (size_t) st->st_size : 65536;
  if (alloc > max)
    alloc = max;
  buf = malloc (alloc + 1);
  if (buf == NULL) {
    reply_with_perror ("%s", path);
    return NULL;
  }
  for (;;) {
    char probe[65536];
    char *dst = len < alloc ? buf + len : probe;
    size_t room = len < alloc ? alloc - len : sizeof probe;
    ssize_t r = read (fd, dst, room);

    if (r == -1) {
      if (errno == EINTR)
        continue;
      reply_with_perror ("%s", path);
      free (buf);
      return NULL;
    }
    if (r == 0)
      break;
    if (dst == probe) {
      size_t want = alloc * 2 > len + r ? alloc * 2 : len + r;
      char *p;
      if (len + r > max) {
        free (buf);
        too_large (path, len + r);
        return NULL;
      }
      if (want > max)
        want = max;
      p = realloc (buf, want + 1);
      if (p == NULL) {
        reply_with_perror ("%s", path);
        free (buf);
        return NULL;
      }
      buf = p;
      alloc = want;
      memcpy (buf + len, probe, r);
    }
    len += r;
  }
  buf[len] = '\0';
  *len_r = len;
  return buf;
}

/* The whole file, NUL-terminated.  copies is how many times the caller
 * will hold its size in memory, for the memory check. */
static char *
read_guest_file (const char *path, size_t *len_r, unsigned copies)
{
  CLEANUP_CLOSE int fd = -1;
  struct stat st;

  fd = open_for_reading (path, &st);
  if (fd == -1)
    return NULL;
  if (S_ISREG (st.st_mode)) {
    if ((uint64_t) st.st_size > READ_MAX) {
      too_large (path, st.st_size);
      return NULL;
    }
    if (check_memory (path, (uint64_t) st.st_size * copies) == -1)
      return NULL;
  }
  return read_fd (path, fd, &st, READ_MAX, len_r);
}

char *
do_cat (const char *path)
{
  size_t len;

  /* The file, then its XDR encoding for the reply. */
  return read_guest_file (path, &len, 2);
}

char *
do_read_file (const char *path, size_t *size_r)
{
  return read_guest_file (path, size_r, 2);
}

/* Split buf into lines for a string list reply, refusing a list whose
 * encoding would not fit in one reply before allocating it. */
static char **
lines_reply (const char *path, const char *buf, size_t len)
{
  uint64_t xdr_size = 4;
  size_t start = 0, nlines = 0;

  while (start < len) {
    const char *nl = memchr (buf + start, '\n', len - start);
    size_t end = nl ? (size_t) (nl - buf) : len;
    xdr_size += XDR_STRING_SIZE (end - start);
    nlines++;
    start = end + 1;
  }
  if (xdr_size > GUESTFS_STREAM_MAX) {
    reply_with_error_errno (EFBIG,
                            "%s: too many lines for this call (%zu); "
                            "use download instead", path, nlines);
    return NULL;
  }
  if (check_memory (path, xdr_size + nlines * 48) == -1)
    return NULL;
  return split_lines (buf, len);
}

char **
do_read_lines (const char *path)
{
  CLEANUP_FREE char *buf = NULL;
  size_t len;

  buf = read_guest_file (path, &len, 1);
  if (buf == NULL)
    return NULL;
  return lines_reply (path, buf, len);
}

#define HEAD_TAIL_LINES 10

char **
do_head (const char *path)
{
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *buf = NULL;
  struct stat st;
  size_t alloc = 65536, len = 0, lines = 0, end = 0;
  bool done = false;

  fd = open_for_reading (path, &st);
  if (fd == -1)
    return NULL;
  buf = malloc (alloc);
  if (buf == NULL) {
    reply_with_perror ("%s", path);
    return NULL;
  }
  /* Read until the tenth newline or end of file; however long the
   * lines, never more than one reply can carry. */
  while (!done) {
    ssize_t r;
    if (len == alloc) {
      char *p;
      if (alloc >= READ_MAX) {
        too_large (path, READ_MAX + 1);
        return NULL;
      }
      alloc = alloc * 2 > READ_MAX ? READ_MAX : alloc * 2;
      if (check_memory (path, (uint64_t) alloc * 2) == -1)
        return NULL;
      p = realloc (buf, alloc);
      if (p == NULL) {
        reply_with_perror ("%s", path);
        return NULL;
      }
      buf = p;
    }
    r = read (fd, buf + len, alloc - len);
    if (r == -1) {
      if (errno == EINTR)
        continue;
      reply_with_perror ("%s", path);
      return NULL;
    }
    if (r == 0)
      break;
    for (size_t i = len; i < len + r; ++i)
      if (buf[i] == '\n' && ++lines == HEAD_TAIL_LINES) {
        end = i + 1;
        done = true;
        break;
      }
    len += r;
  }
  if (!done)
    end = len;
  return lines_reply (path, buf, end);
}

static int
pread_full (int fd, char *buf, size_t len, off_t off)
{
  while (len > 0) {
    ssize_t r = pread (fd, buf, len, off);
    if (r == -1) {
      if (errno == EINTR)
        continue;
      return -1;
    }
    if (r == 0) {
      errno = EIO;              /* the file shrank under us */
      return -1;
    }
    buf += r;
    len -= r;
    off += r;
  }
  return 0;
}

char **
do_tail (const char *path)
{
  static char blk[65536];
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *buf = NULL;
  struct stat st;
  off_t size, pos, start = 0;
  unsigned lines = 0;
  size_t len;

  fd = open_for_reading (path, &st);
  if (fd == -1)
    return NULL;

  if (!S_ISREG (st.st_mode) || st.st_size == 0) {
    /* Not seekable by size: read it all (bounded), keep the end. */
    const char *p;
    buf = read_fd (path, fd, &st, READ_MAX, &len);
    if (buf == NULL)
      return NULL;
    p = buf + len;
    if (p > buf && p[-1] == '\n')
      p--;
    while (p > buf) {
      if (p[-1] == '\n' && ++lines == HEAD_TAIL_LINES)
        break;
      p--;
    }
    return lines_reply (path, p, len - (p - buf));
  }

  /* Scan backwards from the end for the newline before the last ten
   * lines; the file's final newline ends the last line, it doesn't
   * start another. */
  size = st.st_size;
  pos = size;
  if (pread_full (fd, blk, 1, size - 1) == -1) {
    reply_with_perror ("%s", path);
    return NULL;
  }
  if (blk[0] == '\n')
    pos--;
  while (pos > 0) {
    size_t n = pos > (off_t) sizeof blk ? sizeof blk : (size_t) pos;
    if (pread_full (fd, blk, n, pos - n) == -1) {
      reply_with_perror ("%s", path);
      return NULL;
    }
    for (size_t i = n; i-- > 0; )
      if (blk[i] == '\n' && ++lines == HEAD_TAIL_LINES) {
        start = pos - n + i + 1;
        goto found;
      }
    pos -= n;
  }
 found:
  if ((uint64_t) (size - start) > READ_MAX) {
    too_large (path, size - start);
    return NULL;
  }
  len = size - start;
  if (check_memory (path, (uint64_t) len * 2) == -1)
    return NULL;
  buf = malloc (len + 1);
  if (buf == NULL) {
    reply_with_perror ("%s", path);
    return NULL;
  }
  if (pread_full (fd, buf, len, start) == -1) {
    reply_with_perror ("%s", path);
    return NULL;
  }
  return lines_reply (path, buf, len);
}

/* ---- writing ---- */

static int
write_guest_file (const char *path, int flags, const char *content, size_t size)
{
  int fd, fl;

  /* Symlinks are followed, but only inside the guest root.  O_NONBLOCK:
   * opening a FIFO with no reader fails instead of hanging. */
  fd = sysroot_open (path, O_WRONLY | O_CREAT | O_NOCTTY | O_NONBLOCK | flags,
                     0666);
  if (fd == -1) {
    reply_with_perror ("%s", path);
    return -1;
  }
  fl = fcntl (fd, F_GETFL);
  if (fl == -1 || fcntl (fd, F_SETFL, fl & ~O_NONBLOCK) == -1 ||
      xwrite (fd, content, size) == -1) {
    reply_with_perror ("%s", path);
    close (fd);
    return -1;
  }
  /* close reports delayed write errors (ENOSPC, EIO) on some filesystems. */
  if (close (fd) == -1) {
    reply_with_perror ("%s", path);
    return -1;
  }
  return 0;
}

int
do_write (const char *path, const char *content, size_t content_size)
{
  return write_guest_file (path, O_TRUNC, content, content_size);
}

int
do_write_append (const char *path, const char *content, size_t content_size)
{
  return write_guest_file (path, O_APPEND, content, content_size);
}

int
do_touch (const char *path)
{
  CLEANUP_CLOSE int dirfd = -1, fd = -1;
  CLEANUP_FREE char *base = NULL;
  struct stat st;

  dirfd = sysroot_open_parent (path, &base);
  if (dirfd == -1) {
    reply_with_perror ("%s", path);
    return -1;
  }
  /* Only regular files: opening a device node can have side effects. */
  if (fstatat (dirfd, base, &st, AT_SYMLINK_NOFOLLOW) == 0) {
    if (!S_ISREG (st.st_mode)) {
      reply_with_error_errno (EINVAL, "%s: touch can only be used on regular files",
                              path);
      return -1;
    }
    if (utimensat (dirfd, base, NULL, AT_SYMLINK_NOFOLLOW) == -1) {
      reply_with_perror ("%s", path);
      return -1;
    }
    return 0;
  }
  if (errno != ENOENT) {
    reply_with_perror ("%s", path);
    return -1;
  }
  fd = openat (dirfd, base, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
               O_NOCTTY | O_CLOEXEC, 0666);
  if (fd == -1) {
    reply_with_perror ("%s", path);
    return -1;
  }
  return 0;
}

/* ---- removing ---- */

static int
unlink_guest (const char *path, int flags, bool ignore_missing)
{
  CLEANUP_CLOSE int dirfd = -1;
  CLEANUP_FREE char *base = NULL;

  dirfd = sysroot_open_parent (path, &base);
  if (dirfd == -1 || unlinkat (dirfd, base, flags) == -1) {
    if (ignore_missing && errno == ENOENT)
      return 0;
    reply_with_perror ("%s", path);
    return -1;
  }
  return 0;
}

int
do_rm (const char *path)
{
  return unlink_guest (path, 0, false);
}

int
do_rm_f (const char *path)
{
  return unlink_guest (path, 0, true);
}

int
do_rmdir (const char *path)
{
  return unlink_guest (path, AT_REMOVEDIR, false);
}

/* rm -rf, in the chrooted child.  It works on directory fds and names
 * (unlinkat, openat with O_NOFOLLOW): symlinks are removed, never
 * followed, and no path grows past PATH_MAX however deep the tree.
 * Like rm, it carries on after an error and fails at the end. */
static int rm_rf_errors;

static void
rm_rf_error (const char *path)
{
  if (rm_rf_errors++ < 10)
    fprintf (stderr, "%s: %m\n", path);
}

static void
remove_at (int parent, const char *name, const char *path)
{
  DIR *d;
  struct dirent *e;
  char **names = NULL;
  size_t n = 0, alloc = 0;
  int fd;

  if (unlinkat (parent, name, 0) == 0 || errno == ENOENT)
    return;
  if (errno != EISDIR && errno != EPERM) {
    rm_rf_error (path);
    return;
  }
  fd = openat (parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd == -1 || (d = fdopendir (fd)) == NULL) {
    rm_rf_error (path);
    if (fd >= 0)
      close (fd);
    return;
  }
  /* Names first, removals after: removing entries while readdir is
   * still going may make it skip some. */
  for (;;) {
    errno = 0;
    e = readdir (d);
    if (e == NULL)
      break;
    if (STREQ (e->d_name, ".") || STREQ (e->d_name, ".."))
      continue;
    if (n == alloc) {
      size_t a = alloc ? alloc * 2 : 64;
      char **v = realloc (names, a * sizeof *v);
      if (v == NULL)
        break;
      names = v;
      alloc = a;
    }
    if ((names[n] = strdup (e->d_name)) == NULL)
      break;
    n++;
  }
  if (errno != 0)
    rm_rf_error (path);
  for (size_t i = 0; i < n; ++i) {
    char *sub;
    if (asprintf (&sub, "%s/%s", path, names[i]) == -1)
      sub = NULL;
    remove_at (dirfd (d), names[i], sub ? sub : names[i]);
    free (sub);
    free (names[i]);
  }
  free (names);
  closedir (d);
  if (unlinkat (parent, name, AT_REMOVEDIR) == -1 && errno != ENOENT)
    rm_rf_error (path);
}

/* The removal holds one fd per directory level: let only absurd
 * depths fail (with EMFILE). */
static void
raise_fd_limit (void)
{
  struct rlimit rl;

  if (getrlimit (RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
    rl.rlim_cur = rl.rlim_max;
    setrlimit (RLIMIT_NOFILE, &rl);
  }
}

static int
remove_tree (const char *path)
{
  CLEANUP_FREE char *copy = strdup (path);
  char *slash;
  int parent;

  if (copy == NULL) {
    perror (path);
    return -1;
  }
  /* The parent is reached by path (symlinks in it followed, inside the
   * chroot); the last component itself is never followed. */
  slash = strrchr (copy, '/');
  while (slash && slash[1] == '\0' && slash > copy) {
    *slash = '\0';
    slash = strrchr (copy, '/');
  }
  if (slash == NULL) {
    errno = EINVAL;
    perror (path);
    return -1;
  }
  *slash = '\0';
  parent = open (slash == copy ? "/" : copy, O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (parent == -1) {
    if (errno == ENOENT)
      return 0;
    perror (path);
    return -1;
  }
  raise_fd_limit ();
  rm_rf_errors = 0;
  remove_at (parent, slash + 1, path);
  close (parent);
  return rm_rf_errors ? -1 : 0;
}

static int
rm_rf_child (void *path)
{
  return remove_tree (path);
}

int
do_rm_rf (const char *path)
{
  CLEANUP_FREE char *err = NULL;

  /* Like rm(1): "/", "." and ".." would take their parents' contents
   * (that is, likely the whole guest) with them. */
  if (path[strspn (path, "/")] == '\0' || last_is_dot (path)) {
    reply_with_error_errno (EINVAL, "%s: refusing to remove this directory", path);
    return -1;
  }
  if (sysroot_run (rm_rf_child, (void *) path, -1, NULL, NULL, &err) == -1) {
    reply_with_error ("%s", err ? err : "failed");
    return -1;
  }
  return 0;
}

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

  return copytree (a->src, a->dest);
}

int
do_cp_a (const char *src, const char *dest)
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
  if (sysroot_run (cp_a_child, &args, -1, NULL, NULL, &err) == -1) {
    reply_with_error ("%s", err ? err : "failed");
    return -1;
  }
  return 0;
}

/* ---- mode and owner ---- */

int
do_chmod (int mode, const char *path)
{
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *proc = NULL;

  if (mode < 0) {
    reply_with_error_errno (EINVAL, "%s: mode is negative", path);
    return -1;
  }
  /* Follows symlinks, like chmod(1), inside the root.  fchmod doesn't
   * take an O_PATH fd; the magic link names exactly the resolved file. */
  fd = sysroot_open (path, O_PATH, 0);
  if (fd == -1 || (proc = fd_path (fd)) == NULL || chmod (proc, mode) == -1) {
    reply_with_perror ("%s", path);
    return -1;
  }
  return 0;
}

int
do_chown (int owner, int group, const char *path)
{
  CLEANUP_CLOSE int fd = -1;

  /* -1 leaves the owner or group unchanged, as chown(2) does. */
  fd = sysroot_open (path, O_PATH, 0);
  if (fd == -1 || fchownat (fd, "", owner, group, AT_EMPTY_PATH) == -1) {
    reply_with_perror ("%s", path);
    return -1;
  }
  return 0;
}

/* ---- type tests ---- */

/* Errors that mean there is nothing (reachable) at the path. */
static bool
is_absent (int err)
{
  return err == ENOENT || err == ENOTDIR || err == ELOOP ||
    err == ENAMETOOLONG || err == EACCES;
}

/* stat or lstat a guest path.  Returns 1 and fills st, 0 if nothing is
 * there, -1 after replying. */
static int
guest_stat (const char *path, bool follow, struct stat *st)
{
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *base = NULL;
  int r;

  if (follow || last_is_dot (path)) {
    fd = sysroot_open (path, O_PATH, 0);
    r = fd == -1 ? -1 : fstat (fd, st);
  }
  else {
    fd = sysroot_open_parent (path, &base);
    r = fd == -1 ? -1 : fstatat (fd, base, st, AT_SYMLINK_NOFOLLOW);
  }
  if (r == 0)
    return 1;
  if (is_absent (errno))
    return 0;
  reply_with_perror ("%s", path);
  return -1;
}

int
do_exists (const char *path)
{
  struct stat st;

  /* Like access(2): a dangling symlink doesn't exist. */
  return guest_stat (path, true, &st);
}

static int
is_type (const char *path, bool follow, mode_t type)
{
  struct stat st;
  int r = guest_stat (path, follow, &st);

  if (r <= 0)
    return r;
  return (st.st_mode & S_IFMT) == type;
}

int
do_is_file (const char *path, int followsymlinks)
{
  return is_type (path, followsymlinks, S_IFREG);
}

int
do_is_dir (const char *path, int followsymlinks)
{
  return is_type (path, followsymlinks, S_IFDIR);
}

int
do_is_symlink (const char *path)
{
  return is_type (path, false, S_IFLNK);
}

int64_t
do_filesize (const char *file)
{
  CLEANUP_CLOSE int fd = -1;
  struct stat st;

  fd = sysroot_open (file, O_PATH, 0);
  if (fd == -1 || fstat (fd, &st) == -1) {
    reply_with_perror ("%s", file);
    return -1;
  }
  return st.st_size;
}

/* ---- symlinks ---- */

char *
do_readlink (const char *path)
{
  CLEANUP_CLOSE int dirfd = -1;
  CLEANUP_FREE char *base = NULL;
  size_t size = 256;

  dirfd = sysroot_open_parent (path, &base);
  if (dirfd == -1) {
    reply_with_perror ("%s", path);
    return NULL;
  }
  /* Grow until the target fits; a damaged filesystem may claim more
   * than PATH_MAX, so the bound is the reply's string limit. */
  for (;;) {
    char *buf = malloc (size);
    ssize_t n;
    if (buf == NULL) {
      reply_with_perror ("%s", path);
      return NULL;
    }
    n = readlinkat (dirfd, base, buf, size);
    if (n == -1) {
      reply_with_perror ("%s", path);
      free (buf);
      return NULL;
    }
    if ((size_t) n < size) {
      buf[n] = '\0';
      return buf;
    }
    free (buf);
    if (size >= 1024 * 1024) {
      reply_with_error_errno (ENAMETOOLONG, "%s: symlink target is too long", path);
      return NULL;
    }
    size *= 4;
  }
}

int
do_ln_s (const char *target, const char *linkname)
{
  CLEANUP_CLOSE int dirfd = -1;
  CLEANUP_FREE char *base = NULL, *tcopy = NULL;
  const char *tname;

  /* Like ln -s: a link made in an existing directory is named after
   * the target. */
  tcopy = strdup (target);
  if (tcopy == NULL) {
    reply_with_perror ("%s", linkname);
    return -1;
  }
  tname = basename (tcopy);
  dirfd = sysroot_open (linkname, O_PATH | O_DIRECTORY, 0);
  if (dirfd >= 0 && *tname && !STREQ (tname, "/") &&
      !STREQ (tname, ".") && !STREQ (tname, "..")) {
    base = strdup (tname);
    if (base == NULL) {
      reply_with_perror ("%s", linkname);
      return -1;
    }
  }
  else {
    if (dirfd >= 0)
      close (dirfd);
    dirfd = sysroot_open_parent (linkname, &base);
    if (dirfd == -1) {
      reply_with_perror ("%s", linkname);
      return -1;
    }
  }
  if (symlinkat (target, dirfd, base) == -1) {
    reply_with_perror ("%s", linkname);
    return -1;
  }
  return 0;
}
