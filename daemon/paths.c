/* guestfsd: names of guest paths — realpath (the kernel's own
 * resolution, inside the guest root, read back from /proc/self/fd) and
 * case_sensitive_path (the true case of each component, as found in the
 * directories, for paths read from Windows configuration). */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <unistd.h>
#include <sys/stat.h>

#include "daemon.h"
#include "actions.h"
#include "files2.h"

char *
do_realpath (const char *path)
{
  CLEANUP_CLOSE int fd = -1;
  CLEANUP_FREE char *proc = NULL;
  static char buf[2 * PATH_MAX];
  size_t rootlen = strlen (SYSROOT);
  ssize_t n;
  char *r;

  fd = sysroot_open (path, O_PATH, 0);
  if (fd == -1 || (proc = fd_path (fd)) == NULL) {
    reply_with_perror ("%s", path);
    return NULL;
  }
  n = readlink (proc, buf, sizeof buf - 1);
  if (n == -1) {
    reply_with_perror ("%s", path);
    return NULL;
  }
  buf[n] = '\0';
  /* The object was reached inside the root, so its name is below it. */
  if ((size_t) n >= sizeof buf - 1 || strncmp (buf, SYSROOT, rootlen) != 0 ||
      (buf[rootlen] != '/' && buf[rootlen] != '\0')) {
    reply_with_error ("%s: cannot name the resolved path", path);
    return NULL;
  }
  r = strdup (buf[rootlen] ? buf + rootlen : "/");
  if (r == NULL)
    reply_with_perror ("strdup");
  return r;
}

/* The entry of the directory that matches name ignoring case: the exact
 * name if present, else the first (in byte order) of those matching. */
static char *
find_entry (int dirfd, const char *name, size_t len)
{
  CLEANUP_FREE_STRING_LIST char **names = read_dir_names (dirfd);
  const char *best = NULL;

  if (names == NULL)
    return NULL;
  for (size_t i = 0; names[i]; ++i) {
    if (strlen (names[i]) != len || strncasecmp (names[i], name, len) != 0)
      continue;
    if (strncmp (names[i], name, len) == 0) {
      best = names[i];
      break;
    }
    if (best == NULL || strcmp (names[i], best) < 0)
      best = names[i];
  }
  if (best == NULL) {
    errno = ENOENT;
    return NULL;
  }
  return strdup (best);
}

char *
do_case_sensitive_path (const char *path)
{
  CLEANUP_FREE char *ret = strdup ("/");
  const char *p = path;
  int dirfd;
  char *r;

  if (ret == NULL) {
    reply_with_perror ("strdup");
    return NULL;
  }
  dirfd = sysroot_open ("/", O_RDONLY | O_DIRECTORY, 0);
  if (dirfd == -1) {
    reply_with_perror ("/");
    return NULL;
  }
  for (;;) {
    CLEANUP_FREE char *name = NULL;
    size_t len;
    bool is_end;
    char *n;

    p += strspn (p, "/");
    if (*p == '\0')
      break;
    len = strcspn (p, "/");
    if ((len == 1 && p[0] == '.') || (len == 2 && p[0] == '.' && p[1] == '.')) {
      reply_with_error ("%s: path contained . or .. elements", path);
      goto fail;
    }
    is_end = p[len + strspn (p + len, "/")] == '\0';

    name = dirfd >= 0 ? find_entry (dirfd, p, len) : NULL;
    if (name == NULL) {
      /* A missing last element is kept as it is. */
      if (is_end && (dirfd == -1 || errno == ENOENT))
        name = strndup (p, len);
      else {
        if (dirfd >= 0 && errno == ENOENT)
          reply_with_error_errno (ENOENT, "%.*s: not found", (int) len, p);
        else
          reply_with_perror ("%.*s", (int) len, p);
        goto fail;
      }
      if (name == NULL) {
        reply_with_perror ("strndup");
        goto fail;
      }
    }
    if (asprintf (&n, "%s%s%s", ret, STREQ (ret, "/") ? "" : "/", name) == -1) {
      reply_with_perror ("asprintf");
      goto fail;
    }
    free (ret);
    ret = n;
    p += len;

    /* Into it, if it is a directory (symlinks followed, inside the
     * root).  Only the last element may be something else. */
    if (dirfd >= 0)
      close (dirfd);
    dirfd = sysroot_open (ret, O_RDONLY | O_DIRECTORY, 0);
    if (dirfd == -1 && !(is_end && (errno == ENOTDIR || errno == ENOENT))) {
      reply_with_perror ("%s", ret);
      goto fail;
    }
  }
  if (dirfd >= 0)
    close (dirfd);
  r = ret;
  ret = NULL;
  return r;

 fail:
  if (dirfd >= 0)
    close (dirfd);
  return NULL;
}
