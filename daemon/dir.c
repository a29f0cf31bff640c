/* guestfsd: calls on directories — listing them (ls, ll, readdir,
 * find), creating them (mkdir, mkdir_p) and measuring them (du).  A
 * directory is opened with sysroot_open, so the path resolves inside
 * the guest root; recursive walks (find, du) run in sysroot_run's
 * chrooted child and never follow symlinks.  Every list is bounded by
 * what one reply can carry. */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include <errno.h>
#include <fcntl.h>
#include <search.h>
#include <dirent.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "daemon.h"
#include "actions.h"
#include "files.h"


static int
list_too_large (const char *dir)
{
  reply_with_error_errno (EFBIG, "%s: too many entries to return in one reply",
                          dir);
  return -1;
}

/* Open a guest directory for reading; replies on error. */
static DIR *
open_guest_dir (const char *dir)
{
  int fd = sysroot_open (dir, O_RDONLY | O_DIRECTORY, 0);
  DIR *d;

  if (fd == -1) {
    reply_with_perror ("%s", dir);
    return NULL;
  }
  d = fdopendir (fd);
  if (d == NULL) {
    reply_with_perror ("%s", dir);
    close (fd);
  }
  return d;
}

char **
do_ls (const char *directory)
{
  CLEANUP_FREE_STRINGSBUF DECLARE_STRINGSBUF (sb);
  uint64_t xdr_size = 4;
  struct dirent *e;
  DIR *d;

  d = open_guest_dir (directory);
  if (d == NULL)
    return NULL;
  for (;;) {
    errno = 0;
    e = readdir (d);
    if (e == NULL)
      break;
    if (STREQ (e->d_name, ".") || STREQ (e->d_name, ".."))
      continue;
    xdr_size += XDR_STRING_SIZE (strlen (e->d_name));
    if (xdr_size > GUESTFS_STREAM_MAX) {
      closedir (d);
      list_too_large (directory);
      return NULL;
    }
    if (add_string (&sb, e->d_name) == -1) {
      closedir (d);
      return NULL;
    }
  }
  if (errno != 0) {
    reply_with_perror ("%s", directory);
    closedir (d);
    return NULL;
  }
  closedir (d);
  sort_strings (sb.argv, sb.size);
  if (end_stringsbuf (&sb) == -1)
    return NULL;
  return take_stringsbuf (&sb);
}

/* ls with FLAGS (-la for ll, -lanZ for llz) on a guest directory. */
static char *
ls_long (const char *directory, const char *flags)
{
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *proc = NULL, *arg = NULL, *out = NULL, *err = NULL;
  const char *argv[5];
  char *ret;
  int r;

  /* ls gets the resolved directory through the magic link of an fd it
   * inherits, so it never walks the guest path itself; "/." makes it
   * list the directory rather than describe the link.  Entries are
   * lstat'ed by ls -l, so symlinks inside are shown, not followed. */
  fd = sysroot_open (directory, O_PATH | O_DIRECTORY, 0);
  if (fd == -1) {
    reply_with_perror ("%s", directory);
    return NULL;
  }
  if (fcntl (fd, F_SETFD, 0) == -1 ||
      (proc = fd_path (fd)) == NULL ||
      asprintf (&arg, "%s/.", proc) == -1) {
    reply_with_perror ("%s", directory);
    return NULL;
  }
  argv[0] = "ls";
  argv[1] = flags;
  argv[2] = "--";
  argv[3] = arg;
  argv[4] = NULL;
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

char *
do_ll (const char *directory)
{
  return ls_long (directory, "-la");
}

/* llz: with SELinux contexts, owners as numbers (as libguestfs's). */
char *
do_llz (const char *directory)
{
  return ls_long (directory, "-lanZ");
}

/* ---- readdir ---- */

static char
ftyp_of_mode (mode_t mode)
{
  switch (mode & S_IFMT) {
  case S_IFBLK: return 'b';
  case S_IFCHR: return 'c';
  case S_IFDIR: return 'd';
  case S_IFIFO: return 'f';
  case S_IFLNK: return 'l';
  case S_IFREG: return 'r';
  case S_IFSOCK: return 's';
  default: return '?';
  }
}

static char
ftyp_of_dirent (DIR *d, const struct dirent *e)
{
  struct stat st;

  switch (e->d_type) {
  case DT_BLK: return 'b';
  case DT_CHR: return 'c';
  case DT_DIR: return 'd';
  case DT_FIFO: return 'f';
  case DT_LNK: return 'l';
  case DT_REG: return 'r';
  case DT_SOCK: return 's';
  case DT_UNKNOWN:
    /* Some filesystems don't store the type in the directory: ask the
     * inode (the name is an entry of this directory, never followed). */
    if (fstatat (dirfd (d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0)
      return ftyp_of_mode (st.st_mode);
    return 'u';
  default: return '?';
  }
}

static void
free_dirent_list (guestfs_int_dirent_list *list)
{
  for (u_int i = 0; i < list->guestfs_int_dirent_list_len; ++i)
    free (list->guestfs_int_dirent_list_val[i].name);
  free (list->guestfs_int_dirent_list_val);
  free (list);
}

guestfs_int_dirent_list *
do_readdir (const char *dir)
{
  guestfs_int_dirent_list *list;
  uint64_t xdr_size = 4;
  size_t alloc = 0;
  struct dirent *e;
  DIR *d;

  list = calloc (1, sizeof *list);
  if (list == NULL) {
    reply_with_perror ("%s", dir);
    return NULL;
  }
  d = open_guest_dir (dir);
  if (d == NULL) {
    free (list);
    return NULL;
  }
  for (;;) {
    guestfs_int_dirent *v;
    errno = 0;
    e = readdir (d);
    if (e == NULL)
      break;
    /* ino, ftyp (an int on the wire), name. */
    xdr_size += 8 + 4 + XDR_STRING_SIZE (strlen (e->d_name));
    if (xdr_size > GUESTFS_STREAM_MAX) {
      list_too_large (dir);
      goto fail;
    }
    if (list->guestfs_int_dirent_list_len == alloc) {
      size_t n = alloc ? alloc * 2 : 64;
      guestfs_int_dirent *p = realloc (list->guestfs_int_dirent_list_val,
                                       n * sizeof *p);
      if (p == NULL) {
        reply_with_perror ("%s", dir);
        goto fail;
      }
      list->guestfs_int_dirent_list_val = p;
      alloc = n;
    }
    v = &list->guestfs_int_dirent_list_val[list->guestfs_int_dirent_list_len];
    v->ino = e->d_ino;
    v->ftyp = ftyp_of_dirent (d, e);
    v->name = strdup (e->d_name);
    if (v->name == NULL) {
      reply_with_perror ("%s", dir);
      goto fail;
    }
    list->guestfs_int_dirent_list_len++;
  }
  if (errno != 0) {
    reply_with_perror ("%s", dir);
    goto fail;
  }
  closedir (d);
  return list;

 fail:
  closedir (d);
  free_dirent_list (list);
  return NULL;
}

/* ---- mkdir ---- */

int
do_mkdir (const char *path)
{
  CLEANUP_CLOSE int dirfd = -1;
  CLEANUP_FREE char *base = NULL;

  dirfd = sysroot_open_parent (path, &base);
  if (dirfd == -1 || mkdirat (dirfd, base, 0777) == -1) {
    reply_with_perror ("%s", path);
    return -1;
  }
  return 0;
}

/* Create the directory prefix (a guest path) unless it exists.  Returns
 * 0 if it is (now) a directory, else -1 with errno set. */
static int
mkdir_one (const char *prefix)
{
  CLEANUP_FREE char *base = NULL;
  int fd, dirfd, err;

  fd = sysroot_open (prefix, O_PATH | O_DIRECTORY, 0);
  if (fd >= 0) {
    close (fd);
    return 0;
  }
  if (errno != ENOENT)
    return -1;
  dirfd = sysroot_open_parent (prefix, &base);
  if (dirfd == -1)
    return -1;
  if (mkdirat (dirfd, base, 0777) == -1 && errno != EEXIST) {
    err = errno;
    close (dirfd);
    errno = err;
    return -1;
  }
  close (dirfd);
  /* EEXIST: something is there — fine only if it is a directory (a
   * dangling symlink, say, is not). */
  fd = sysroot_open (prefix, O_PATH | O_DIRECTORY, 0);
  if (fd == -1) {
    if (errno == ENOENT)
      errno = EEXIST;
    return -1;
  }
  close (fd);
  return 0;
}

int
do_mkdir_p (const char *path)
{
  CLEANUP_FREE char *prefix = strdup (path);
  char *p;

  if (prefix == NULL) {
    reply_with_perror ("%s", path);
    return -1;
  }
  /* Each prefix in turn, resolved afresh inside the root, so symlinks
   * and ".." along the way behave as in the guest. */
  for (p = prefix + 1; ; ++p) {
    if (*p == '/' || *p == '\0') {
      char c = *p;
      if (p[-1] != '/') {
        *p = '\0';
        if (mkdir_one (prefix) == -1) {
          reply_with_perror ("%s", prefix);
          return -1;
        }
        *p = c;
      }
      if (c == '\0')
        break;
    }
  }
  return 0;
}

/* ---- tree walks (find, du), in the chrooted child ---- */

/* The walk works on directory fds and names (fstatat, openat with
 * O_NOFOLLOW), so symlinks are never followed and no path reaches the
 * kernel longer than one name, however deep the tree.  (glibc's nftw
 * asserts on very deep trees with FTW_CHDIR, and without it fails past
 * PATH_MAX.)  One fd is held per level; the child raises its limit so
 * that only absurd depths fail, with EMFILE. */
int tree_walk_errors;

static void
walk_error (const char *relpath)
{
  if (tree_walk_errors++ < 10)
    fprintf (stderr, "%s: %m\n", *relpath ? relpath : ".");
}

/* Calls fn for everything below the directory fd (not fd itself),
 * parents before children.  rel is fd's path for messages and for fn.
 * find0 (listing.c) and checksums_out (checksums.c) walk with it too. */
void
tree_walk (int fd, const char *rel, walk_fn fn, void *opaque)
{
  char **names = read_dir_names (fd);
  size_t n;

  if (names == NULL) {
    walk_error (rel);
    return;
  }
  n = daemon_count_strings (names);
  for (size_t i = 0; i < n; ++i) {
    struct stat st;
    char *sub;
    if (asprintf (&sub, "%s%s%s", rel, *rel ? "/" : "", names[i]) == -1) {
      walk_error (rel);
      break;
    }
    if (fstatat (fd, names[i], &st, AT_SYMLINK_NOFOLLOW) == -1)
      walk_error (sub);
    else {
      fn (opaque, sub, &st);
      if (S_ISDIR (st.st_mode)) {
        int cfd = openat (fd, names[i],
                          O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (cfd == -1)
          walk_error (sub);
        else {
          tree_walk (cfd, sub, fn, opaque);
          close (cfd);
        }
      }
    }
    free (sub);
  }
  daemon_free_string_list (names);
}

/* ---- find ---- */

/* Paths travel from the child NUL-terminated, as a name may contain
 * any byte but NUL (newlines included). */
struct find_output {
  char *buf;
  size_t len, alloc;
  uint64_t xdr_size;
  size_t cur;                   /* length of the name being received */
  bool too_large;
  int err;                      /* errno of a failed allocation */
};

/* Memory for the names as they arrive, well below what the reply could
 * hold in the worst case, since each then becomes a string too. */
#define FIND_BUF_MAX ((size_t) GUESTFS_STREAM_MAX / 4)

static int
find_collect (void *opaque, const void *data, size_t len)
{
  struct find_output *o = opaque;
  const char *p = data;

  for (size_t i = 0; i < len; ++i) {
    if (p[i] == '\0') {
      o->xdr_size += XDR_STRING_SIZE (o->cur);
      o->cur = 0;
    }
    else
      o->cur++;
  }
  if (o->xdr_size > GUESTFS_STREAM_MAX || o->len + len > FIND_BUF_MAX) {
    o->too_large = true;
    return -1;
  }
  if (o->len + len > o->alloc) {
    size_t n = o->alloc ? o->alloc : 65536;
    char *b;
    while (n < o->len + len)
      n *= 2;
    b = realloc (o->buf, n);
    if (b == NULL) {
      o->err = errno;
      return -1;
    }
    o->buf = b;
    o->alloc = n;
  }
  memcpy (o->buf + o->len, data, len);
  o->len += len;
  return 0;
}

static void
find_entry (void *opaque, const char *relpath, const struct stat *st)
{
  fputs (relpath, stdout);
  putchar ('\0');
}

static int
find_child (void *opaque)
{
  const char *dir = opaque;
  int fd;

  /* The directory itself may be reached through symlinks (inside the
   * chroot); nothing below it is followed. */
  fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd == -1) {
    fprintf (stderr, "%m\n");
    return -1;
  }
  raise_fd_limit ();
  tree_walk_errors = 0;
  tree_walk (fd, "", find_entry, NULL);
  close (fd);
  if (fflush (stdout) == EOF)
    return -1;
  return tree_walk_errors ? -1 : 0;
}

char **
do_find (const char *directory)
{
  CLEANUP_FREE_STRINGSBUF DECLARE_STRINGSBUF (sb);
  CLEANUP_FREE char *err = NULL;
  struct find_output o = { .buf = NULL };
  size_t i;

  if (sysroot_run (find_child, (void *) directory, -1,
                   find_collect, &o, &err) == -1) {
    free (o.buf);
    if (o.too_large)
      list_too_large (directory);
    else if (o.err)
      reply_with_error_errno (o.err, "%s: %s", directory, strerror (o.err));
    else                        /* names in err are relative to directory */
      reply_with_error ("%s: %s", directory, err ? err : "failed");
    return NULL;
  }
  for (i = 0; i < o.len; ) {
    const char *name = o.buf + i;
    size_t n = strnlen (name, o.len - i);
    char *s = strndup (name, n);
    if (s == NULL) {
      reply_with_perror ("strndup");
      free (o.buf);
      return NULL;
    }
    if (add_string_nodup (&sb, s) == -1) {
      free (o.buf);
      return NULL;
    }
    i += n + 1;
  }
  free (o.buf);
  sort_strings (sb.argv, sb.size);
  if (end_stringsbuf (&sb) == -1)
    return NULL;
  return take_stringsbuf (&sb);
}

/* ---- du ---- */

/* Like du -s: 512-byte blocks of every object under the path, each
 * inode counted once however many links it has, in KiB rounded up. */
struct inode_key {
  dev_t dev;
  ino_t ino;
};

struct du_state {
  void *seen;                   /* inode_keys of multiply-linked files */
  uint64_t blocks;
};

static int
inode_compare (const void *a, const void *b)
{
  const struct inode_key *x = a, *y = b;

  if (x->dev != y->dev)
    return x->dev < y->dev ? -1 : 1;
  if (x->ino != y->ino)
    return x->ino < y->ino ? -1 : 1;
  return 0;
}

static void
du_entry (void *opaque, const char *relpath, const struct stat *st)
{
  struct du_state *s = opaque;

  if (!S_ISDIR (st->st_mode) && st->st_nlink > 1) {
    struct inode_key *k = malloc (sizeof *k);
    void *found;
    if (k == NULL) {
      walk_error (relpath);
      return;
    }
    k->dev = st->st_dev;
    k->ino = st->st_ino;
    found = tsearch (k, &s->seen, inode_compare);
    if (found == NULL) {
      walk_error (relpath);
      free (k);
      return;
    }
    if (* (struct inode_key **) found != k) {
      free (k);                 /* another link to an inode counted already */
      return;
    }
  }
  s->blocks += st->st_blocks;
}

static int
du_child (void *opaque)
{
  const char *path = opaque;
  struct du_state s = { .seen = NULL, .blocks = 0 };
  struct stat st;

  /* Like du, a symlink given as the path is measured, not followed. */
  if (lstat (path, &st) == -1) {
    fprintf (stderr, "%s: %m\n", path);
    return -1;
  }
  tree_walk_errors = 0;
  du_entry (&s, path, &st);
  if (S_ISDIR (st.st_mode)) {
    int fd = open (path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd == -1) {
      fprintf (stderr, "%s: %m\n", path);
      return -1;
    }
    raise_fd_limit ();
    tree_walk (fd, path, du_entry, &s);
    close (fd);
  }
  if (tree_walk_errors)
    return -1;
  printf ("%" PRIu64 "\n", (s.blocks * 512 + 1023) / 1024);
  return 0;
}

static int
du_collect (void *opaque, const void *data, size_t len)
{
  char *buf = opaque;
  size_t have = strlen (buf);

  if (have + len >= 64) {
    errno = EOVERFLOW;
    return -1;
  }
  memcpy (buf + have, data, len);
  buf[have + len] = '\0';
  return 0;
}

int64_t
do_du (const char *path)
{
  CLEANUP_FREE char *err = NULL;
  char out[64] = "";
  int64_t kb;
  char *end;

  if (sysroot_run (du_child, (void *) path, -1, du_collect, out, &err) == -1) {
    reply_with_error ("%s", err ? err : "failed");
    return -1;
  }
  errno = 0;
  kb = strtoll (out, &end, 10);
  if (errno != 0 || end == out || kb < 0) {
    reply_with_error ("%s: could not read the size from the walker: %s",
                      path, out);
    return -1;
  }
  return kb;
}
