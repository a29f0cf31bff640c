/* guestfsd: listings — find0 and ls0 stream NUL-separated names to a
 * local file (no size limit, any byte but NUL in a name), glob_expand
 * returns the matches of a shell wildcard.  find0 and glob_expand run in
 * sysroot_run's child, chrooted into the guest, so no symlink or ".."
 * can lead them out of it; find0 never follows symlinks. */

#include <config.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <dirent.h>
#include <glob.h>
#include <unistd.h>
#include <sys/stat.h>

#include "daemon.h"
#include "actions.h"
#include "files.h"
#include "files2.h"

/* ---- find0 ---- */

/* libguestfs strips "/sysroot" + DIRECTORY from find's output, so the
 * names of "/" come without a leading slash and those of any other
 * directory with one; programs (virt-ls -R among them) print them as
 * they are, so we do the same. */
static void
find0_entry (void *opaque, const char *relpath, const struct stat *st)
{
  const bool *slash = opaque;

  if (*slash)
    putchar ('/');
  fputs (relpath, stdout);
  putchar ('\0');
}

static int
find0_child (void *opaque)
{
  const char *dir = opaque;
  bool slash;
  int fd;

  fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd == -1) {
    fprintf (stderr, "%m\n");
    return -1;
  }
  putchar (STREAM_READY);
  raise_fd_limit ();
  tree_walk_errors = 0;
  slash = dir[strspn (dir, "/")] != '\0';
  tree_walk (fd, "", find0_entry, &slash);
  close (fd);
  if (fflush (stdout) == EOF)
    return -1;
  return tree_walk_errors ? -1 : 0;
}

int
do_find0 (const char *directory)
{
  return sysroot_stream_out (find0_child, (void *) directory, directory);
}

/* ---- ls0 ---- */

int
do_ls0 (const char *dir)
{
  static char buf[65536];
  size_t len = 0;
  struct dirent *e;
  DIR *d;
  int fd;

  fd = sysroot_open (dir, O_RDONLY | O_DIRECTORY, 0);
  if (fd == -1) {
    reply_with_perror ("%s", dir);
    return -1;
  }
  d = fdopendir (fd);
  if (d == NULL) {
    reply_with_perror ("%s", dir);
    close (fd);
    return -1;
  }
  reply (NULL, NULL);
  for (;;) {
    size_t n;
    errno = 0;
    e = readdir (d);
    if (e == NULL)
      break;
    if (STREQ (e->d_name, ".") || STREQ (e->d_name, ".."))
      continue;
    n = strlen (e->d_name) + 1;   /* a name is at most NAME_MAX bytes */
    if (len + n > sizeof buf) {
      if (send_file_write (buf, len) == -1)
        goto cancelled;
      len = 0;
    }
    memcpy (buf + len, e->d_name, n);
    len += n;
  }
  if (errno != 0) {
    int err = errno;
    send_file_end (1);
    errno = err;
    reply_with_perror ("%s", dir);
    closedir (d);
    return -1;
  }
  if (len > 0 && send_file_write (buf, len) == -1)
    goto cancelled;
  closedir (d);
  send_file_end (0);
  return 0;

 cancelled:
  closedir (d);
  return -1;
}

/* ---- glob_expand ---- */

struct glob_args {
  const char *pattern;
  int flags;
};

static int
glob_child (void *opaque)
{
  struct glob_args *a = opaque;
  glob_t g = { .gl_pathc = 0 };
  int r;

  r = glob (a->pattern, a->flags, NULL, &g);
  if (r == GLOB_NOMATCH)
    return 0;
  if (r != 0) {
    fprintf (stderr, "%s\n", r == GLOB_NOSPACE ? strerror (ENOMEM)
                                                : "read error");
    return -1;
  }
  for (size_t i = 0; i < g.gl_pathc; ++i) {
    fputs (g.gl_pathv[i], stdout);
    putchar ('\0');
  }
  globfree (&g);
  return fflush (stdout) == EOF ? -1 : 0;
}

/* Collects NUL-terminated names from the child, bounded by what the
 * reply can carry. */
struct names {
  struct stringsbuf sb;
  char *part;                   /* a name split across reads */
  size_t partlen;
  uint64_t xdr_size;
  bool too_large, replied;
};

static int
names_collect (void *opaque, const void *data, size_t len)
{
  struct names *n = opaque;
  const char *p = data, *end = p + len;

  while (p < end) {
    const char *z = memchr (p, '\0', end - p);
    size_t chunk = z ? (size_t) (z - p) : (size_t) (end - p);
    char *s = realloc (n->part, n->partlen + chunk + 1);

    if (s == NULL) {
      reply_with_perror ("realloc");
      n->replied = true;
      return -1;
    }
    memcpy (s + n->partlen, p, chunk);
    n->part = s;
    n->partlen += chunk;
    n->xdr_size += chunk;
    if (n->xdr_size > GUESTFS_STREAM_MAX) {
      n->too_large = true;
      return -1;
    }
    p += chunk;
    if (z == NULL)
      break;
    n->part[n->partlen] = '\0';
    n->xdr_size += 8;          /* length word and padding, at most */
    if (add_string_nodup (&n->sb, n->part) == -1) {
      n->part = NULL;
      n->replied = true;
      return -1;
    }
    n->part = NULL;
    n->partlen = 0;
    p++;
  }
  return 0;
}

char **
do_glob_expand (const char *pattern, int directoryslash)
{
  struct glob_args a = { .pattern = pattern, .flags = GLOB_BRACE };
  struct names n = { .sb = { NULL, 0, 0 } };
  CLEANUP_FREE char *err = NULL;
  int r;

  /* directoryslash defaults to true. */
  if (!(optargs_bitmask & 1) || directoryslash)
    a.flags |= GLOB_MARK;
  r = sysroot_run (glob_child, &a, -1, names_collect, &n, &err);
  free (n.part);
  if (r == -1) {
    if (n.too_large)
      reply_with_error_errno (EFBIG, "%s: too many matches to return in one reply",
                              pattern);
    else if (!n.replied)
      reply_with_error ("%s: %s", pattern, err ? err : "failed");
    free_stringsbuf (&n.sb);
    return NULL;
  }
  if (end_stringsbuf (&n.sb) == -1)
    return NULL;
  return take_stringsbuf (&n.sb);
}
